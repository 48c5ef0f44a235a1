"""The user's settings as frozen, validated values: hashable, so they key the caches.

Each settings object has the defaults the app starts with and refuses values that
make no sense (negative prices, weights that sum to zero), with a message for the user.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.catalog import sources


@dataclass(frozen=True)
class Prices:
    """Energy prices used for the estimated bill (hashable, so usable as a cache key)."""

    gas_eur_per_m3: float = sources.GAS_PRICE_2019_EUR_PER_M3
    electricity_eur_per_kwh: float = sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH
    year: int = sources.PRICE_YEAR

    def __post_init__(self):
        for name in ("gas_eur_per_m3", "electricity_eur_per_kwh"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not np.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a non-negative number, got {value!r}")
