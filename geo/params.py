"""The user's settings as frozen, validated values: hashable, so they key the caches.

Each settings object has the defaults the app starts with and refuses values that
make no sense (negative prices, weights that sum to zero), with a message for the user.

Examples
--------
>>> IndexSettings().method, QuoteThreshold().pct
('minmax', 10.0)
>>> IndexSettings(weights={"low_income": 2.0}).normalised_weights["low_income"]
1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS

# High energy quote: energy bill at or above this share of income. The app offers both values.
DEFAULT_QUOTE_THRESHOLD_PCT = 10.0
ALTERNATIVE_QUOTE_THRESHOLD_PCT = 8.0
QUOTE_THRESHOLD_SOURCES = {
    DEFAULT_QUOTE_THRESHOLD_PCT: "VNG DEGO documentation",
    ALTERNATIVE_QUOTE_THRESHOLD_PCT: "used by some TNO products",
}


def _is_number(value) -> bool:
    """Whether ``value`` is a finite int or float."""
    return isinstance(value, (int, float)) and bool(np.isfinite(value))


@dataclass(frozen=True)
class Prices:
    """Energy prices used for the estimated bill (hashable, so usable as a cache key)."""

    gas_eur_per_m3: float = sources.GAS_PRICE_2019_EUR_PER_M3
    electricity_eur_per_kwh: float = sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH
    year: int = sources.PRICE_YEAR

    def __post_init__(self):
        """Refuse a negative or non-numeric price."""
        for name in ("gas_eur_per_m3", "electricity_eur_per_kwh"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not np.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a non-negative number, got {value!r}")


@dataclass(frozen=True)
class QuoteThreshold:
    """The energy quote (bill / income, in percent) at or above which a household's quote counts as high."""

    pct: float = DEFAULT_QUOTE_THRESHOLD_PCT

    def __post_init__(self):
        """Refuse a threshold that is not a percentage above 0."""
        if not _is_number(self.pct) or not 0 < self.pct <= 100:
            raise ValueError(f"The high energy-quote threshold must be above 0% and at most 100% of income, "
                             f"got {self.pct!r}.")


@dataclass(frozen=True)
class IndexSettings:
    """How the energy-poverty index combines its components: weights, normalisation, missing values.

    Parameters
    ----------
    weights : mapping or sequence of (component, weight) pairs
        Non-negative weight per component of
        :data:`geo.catalog.index_components.COMPONENTS`; components left out
        weigh 0. Stored as pairs in component order, so equal settings are
        equal and hash alike. Default: each component's default weight.
    method : str
        Normalisation, a key of :data:`~geo.catalog.index_components.NORMALISATIONS`.
    missing : str
        Missing-value rule, a key of :data:`~geo.catalog.index_components.MISSING_RULES`.

    Raises
    ------
    ValueError
        For an unknown component, method or rule, a negative or non-numeric
        weight, or weights that sum to zero.
    """

    weights: tuple[tuple[str, float], ...] = tuple((key, c.default_weight) for key, c in COMPONENTS.items())
    method: str = "minmax"
    missing: str = "reweight"

    def __post_init__(self):
        """Check every value and store the weights as (component, weight) pairs in component order."""
        given = dict(self.weights.items() if isinstance(self.weights, Mapping) else self.weights)
        unknown = sorted(set(given) - set(COMPONENTS))
        if unknown:
            raise ValueError(f"unknown index component(s): {unknown}; the components are {list(COMPONENTS)}.")
        for key, weight in given.items():
            if not _is_number(weight) or weight < 0:
                raise ValueError(f"The weight of {key!r} must be a non-negative number, got {weight!r}.")
        if sum(given.values()) <= 0:
            raise ValueError("All index weights are zero: set at least one weight above zero.")
        if self.method not in NORMALISATIONS:
            raise ValueError(f"Unknown normalisation {self.method!r}; choose one of {list(NORMALISATIONS)}.")
        if self.missing not in MISSING_RULES:
            raise ValueError(f"Unknown missing-value rule {self.missing!r}; choose one of {list(MISSING_RULES)}.")
        object.__setattr__(self, "weights", tuple((key, float(given.get(key, 0.0))) for key in COMPONENTS))

    @property
    def normalised_weights(self) -> dict[str, float]:
        """The weights divided by their sum, by component."""
        total = sum(weight for _, weight in self.weights)
        return {key: weight / total for key, weight in self.weights}


# ---- targeting settings ----
