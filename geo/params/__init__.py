"""The user's settings as frozen, validated values: hashable, so they key the caches.

Each settings object has the defaults the app starts with and refuses values that make no sense (negative prices,
weights that sum to zero), with a message for the user in the language in force. By concern:
:mod:`geo.params.index` (energy quote and index), :mod:`geo.params.targeting` (retrofit, new-build, grid load) and
:mod:`geo.params.monitor` (Monitor Energiearmoede); their docstrings hold the examples. Module-level names are
message ids, shown through :func:`package_name` and :func:`quote_threshold_source`.
"""

from __future__ import annotations

from geo.params.index import (
    ALTERNATIVE_QUOTE_THRESHOLD_PCT,
    DEFAULT_QUOTE_THRESHOLD_PCT,
    QUOTE_THRESHOLD_SOURCES,
    IndexSettings,
    Prices,
    QuoteThreshold,
    UserIndicator,
    quote_threshold_source,
)
from geo.params.monitor import (
    ASSUMED_BOTTOM40_BOUNDARY_EUR,
    ASSUMED_TOP20_BOUNDARY_EUR,
    MonitorSettings,
)
from geo.params.targeting import (
    DEFAULT_TARGET_LABEL,
    LIFETIME_YEARS,
    MIN_CELL_DWELLINGS,
    MIX_REFERENCE_SHARE,
    NEWBUILD_HEAT_M3,
    PACKAGES,
    PEAK_KW_ALL_ELECTRIC,
    PEAK_KW_HYBRID,
    SCORE_WEIGHTS,
    GridParams,
    NewbuildParams,
    RetrofitParams,
    package_name,
)

__all__ = [
    "ALTERNATIVE_QUOTE_THRESHOLD_PCT", "ASSUMED_BOTTOM40_BOUNDARY_EUR", "ASSUMED_TOP20_BOUNDARY_EUR",
    "DEFAULT_QUOTE_THRESHOLD_PCT", "DEFAULT_TARGET_LABEL", "GridParams", "IndexSettings", "LIFETIME_YEARS",
    "MIN_CELL_DWELLINGS", "MIX_REFERENCE_SHARE", "MonitorSettings", "NEWBUILD_HEAT_M3", "NewbuildParams", "PACKAGES",
    "PEAK_KW_ALL_ELECTRIC", "PEAK_KW_HYBRID", "Prices", "QUOTE_THRESHOLD_SOURCES", "QuoteThreshold", "RetrofitParams",
    "SCORE_WEIGHTS", "UserIndicator", "package_name", "quote_threshold_source",
]
