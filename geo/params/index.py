"""Settings of the energy quote (prices, threshold) and of the energy-poverty index, frozen and validated.

Examples
--------
>>> IndexSettings().method, QuoteThreshold().pct
('minmax', 10.0)
>>> IndexSettings(weights={"low_income": 2.0}).normalised_weights["low_income"]
1.0
>>> from geo.i18n import language
>>> with language("en"):
...     quote_threshold_source(8.0)
'used by some TNO products'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from geo.i18n import N_, _

# High energy quote: energy bill at or above this share of income. The app offers both values.
DEFAULT_QUOTE_THRESHOLD_PCT = 10.0
ALTERNATIVE_QUOTE_THRESHOLD_PCT = 8.0
QUOTE_THRESHOLD_SOURCES = {
    DEFAULT_QUOTE_THRESHOLD_PCT: N_("VNG DEGO documentation"),
    ALTERNATIVE_QUOTE_THRESHOLD_PCT: N_("used by some TNO products"),
}


def quote_threshold_source(pct: float) -> str:
    """Who uses a high-energy-quote threshold offered in the app, in the language in force."""
    return _(QUOTE_THRESHOLD_SOURCES[pct])


def _is_number(value) -> bool:
    """Whether ``value`` is a finite int or float."""
    return isinstance(value, (int, float)) and bool(np.isfinite(value))


@dataclass(frozen=True)
class Prices:
    """Energy prices used for the estimated bill (hashable, so usable as a cache key)."""

    gas_eur_per_m3: float = sources.GAS_PRICE_2019_EUR_PER_M3
    electricity_eur_per_kwh: float = sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH
    year: int = sources.PRICE_YEAR

    @classmethod
    def of_year(cls, year: int) -> Prices:
        """The published prices of ``year`` (:data:`geo.catalog.sources.PRICE_SETS`).

        Examples
        --------
        >>> Prices.of_year(2022).year, Prices.of_year(2022).gas_eur_per_m3
        (2022, 1.37)
        """
        if year not in sources.PRICE_SETS:
            raise ValueError(f"no published price set for {year!r}; choose one of {sorted(sources.PRICE_SETS)}")
        gas, electricity = sources.PRICE_SETS[year]
        return cls(gas, electricity, year)

    def __post_init__(self):
        """Refuse a negative or non-numeric price."""
        for name, what in (("gas_eur_per_m3", N_("The gas price")),
                           ("electricity_eur_per_kwh", N_("The electricity price"))):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not np.isfinite(value) or value < 0:
                raise ValueError(_("{what} must be a number of at least 0, got {value}.").format(
                    what=_(what), value=repr(value)))


@dataclass(frozen=True)
class QuoteThreshold:
    """The energy quote (bill / income, in percent) at or above which a household's quote counts as high."""

    pct: float = DEFAULT_QUOTE_THRESHOLD_PCT

    def __post_init__(self):
        """Refuse a threshold that is not a percentage above 0."""
        if not _is_number(self.pct) or not 0 < self.pct <= 100:
            raise ValueError(_("The high energy-quote threshold must be above 0% and at most 100% of income, "
                               "got {value}.").format(value=repr(self.pct)))


@dataclass(frozen=True)
class UserIndicator:
    """A figure per buurt from the user's own data (My data), with its weight and direction in one use.

    Hashable: the values travel with it (a few dozen buurten), so a setting that holds it keys the caches;
    ``key`` names the source (a hash of the uploaded file, the aggregation and the column).

    Attributes
    ----------
    key : str
        Stable identity, e.g. ``"3f2a…:sum:homes"``.
    label : str
        What the user calls it (shown escaped; never translated).
    values : tuple
        ``((buurt_code, value or None), ...)``; None is missing.
    weight : float
        Weight in the score or index it is used in (at least 0).
    higher_is_worse : bool
        Index: a higher value means more energy poverty. Scores: a higher value makes the buurt a better
        place for the work (retrofit, new-build) when True.

    Examples
    --------
    >>> u = UserIndicator("k", "Laadpalen", (("BU1", 2.0), ("BU2", None)), 1.5)
    >>> same = UserIndicator("k", "Laadpalen", (("BU1", 2.0), ("BU2", None)), 1.5)
    >>> u.series().to_dict()["BU1"], hash(u) == hash(same)
    (2.0, True)
    """

    key: str
    label: str
    values: tuple = ()
    weight: float = 1.0
    higher_is_worse: bool = True

    def __post_init__(self):
        """Refuse a negative or non-numeric weight and values that are not (code, number or None) pairs."""
        if not _is_number(self.weight) or self.weight < 0:
            raise ValueError(_("The weight of {component} must be a number of at least 0, got {value}.").format(
                component=self.label, value=repr(self.weight)))
        for pair in self.values:
            if len(pair) != 2 or not (pair[1] is None or _is_number(pair[1])):
                raise ValueError(f"values must be (buurt_code, number or None) pairs, got {pair!r}")

    @property
    def column(self) -> str:
        """The column name this indicator has in a table of components."""
        return f"user.{self.key}"

    def series(self):
        """The values as a float Series by buurt code (NaN where missing)."""
        return pd.Series({code: (float("nan") if value is None else value) for code, value in self.values},
                         dtype=float)


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
    user : tuple of UserIndicator
        The user's own figures per buurt (My data) as further components, each with its weight and direction.

    Raises
    ------
    ValueError
        For an unknown component, method or rule, a negative or non-numeric
        weight, or weights that sum to zero.
    """

    weights: tuple[tuple[str, float], ...] = tuple((key, c.default_weight) for key, c in COMPONENTS.items())
    method: str = "minmax"
    missing: str = "reweight"
    user: tuple[UserIndicator, ...] = ()

    def __post_init__(self):
        """Check every value and store the weights as (component, weight) pairs in component order."""
        given = dict(self.weights.items() if isinstance(self.weights, Mapping) else self.weights)
        unknown = sorted(set(given) - set(COMPONENTS))
        if unknown:
            raise ValueError(_("Unknown index component(s): {unknown}; the components are {known}.").format(
                unknown=", ".join(unknown), known=", ".join(COMPONENTS)))
        for key, weight in given.items():
            if not _is_number(weight) or weight < 0:
                raise ValueError(_("The weight of {component} must be a number of at least 0, got {value}.").format(
                    component=COMPONENTS[key].display_label(), value=repr(weight)))
        if not all(isinstance(u, UserIndicator) for u in self.user):
            raise ValueError(f"user components must be UserIndicator objects, got {self.user!r}")
        object.__setattr__(self, "user", tuple(self.user))
        if sum(given.values()) + sum(u.weight for u in self.user) <= 0:
            raise ValueError(_("All index weights are zero: set at least one weight above zero."))
        if self.method not in NORMALISATIONS:
            raise ValueError(_("Unknown normalisation {value}; choose one of {known}.").format(
                value=repr(self.method), known=", ".join(NORMALISATIONS)))
        if self.missing not in MISSING_RULES:
            raise ValueError(_("Unknown missing-value rule {value}; choose one of {known}.").format(
                value=repr(self.missing), known=", ".join(MISSING_RULES)))
        object.__setattr__(self, "weights", tuple((key, float(given.get(key, 0.0))) for key in COMPONENTS))

    @property
    def normalised_weights(self) -> dict[str, float]:
        """The weights divided by their sum, by component (a user's indicator by its :attr:`UserIndicator.column`)."""
        pairs = [*self.weights, *((u.column, u.weight) for u in self.user)]
        total = sum(weight for _key, weight in pairs)
        return {key: weight / total for key, weight in pairs}


def _finite(name: str, value, minimum: float = 0.0, above: bool = False) -> None:
    """Refuse a value that is not a finite number at or above (or strictly above) ``minimum``."""
    ok = isinstance(value, Real) and not isinstance(value, bool) and np.isfinite(value)
    if not ok or value < minimum or (above and value == minimum):
        bound = "above" if above else "at least"
        raise ValueError(f"{name} must be a number {bound} {minimum:g}, got {value!r}")
