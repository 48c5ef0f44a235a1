"""The user's settings as frozen, validated values: hashable, so they key the caches.

Each settings object has the defaults the app starts with and refuses values that
make no sense (negative prices, weights that sum to zero), with a message for the user.

Examples
--------
>>> IndexSettings().method, QuoteThreshold().pct
('minmax', 10.0)
>>> IndexSettings(weights={"low_income": 2.0}).normalised_weights["low_income"]
1.0

The texts a user sees (package names, the threshold's sources, the messages of
refused settings) are in the language in force; module-level names are message
ids, shown through :func:`package_name` and :func:`quote_threshold_source`.

>>> from geo.i18n import language
>>> with language("nl"):
...     package_name("hybrid")
'Hybride warmtepomp (zonder isolatie)'
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

from geo import vocab
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


# ---- targeting settings ----

DEFAULT_TARGET_LABEL = "B"  # retrofit: every dwelling with a worse label is brought to this one
LIFETIME_YEARS = 30  # technical lifetime of insulation measures, for EUR per tonne CO2 over the lifetime
# The three retrofit packages, applied to every dwelling worse than the target label.
PACKAGES = {
    "insulate": N_("Insulate to the target label"),
    "hybrid": N_("Hybrid heat pump (no insulation)"),
    "all_electric": N_("Insulate + all-electric heat pump"),
}
SCORE_WEIGHTS = {"thinning": 1.0, "mixing": 1.0, "transformation": 1.0}  # parts of the new-build score, equal
MIX_REFERENCE_SHARE = 0.10  # homes added (as share of the buurt's stock) to measure its mixing potential
MIN_CELL_DWELLINGS = 30  # label factors (built once): fewer dwellings of a label in a type give no own-type factor


def package_name(key: str) -> str:
    """The name of a retrofit package (a key of :data:`PACKAGES`), in the language in force."""
    return _(PACKAGES[key])


def _finite(name: str, value, minimum: float = 0.0, above: bool = False) -> None:
    """Refuse a value that is not a finite number at or above (or strictly above) ``minimum``."""
    ok = isinstance(value, Real) and not isinstance(value, bool) and np.isfinite(value)
    if not ok or value < minimum or (above and value == minimum):
        bound = "above" if above else "at least"
        raise ValueError(f"{name} must be a number {bound} {minimum:g}, got {value!r}")


@dataclass(frozen=True)
class RetrofitParams:
    """Every assumption of the retrofit results (savings, costs, allocation), hashable for the cache.

    Attributes
    ----------
    target_label : str
        Label every worse dwelling is brought to (A-G).
    prices : Prices
        Gas and electricity prices of the energy bill.
    threshold : float
        High-energy-quote threshold, % of income (checked as a :class:`QuoteThreshold`).
    co2_gas, co2_electricity : float
        Emission factors, kg CO2 per m3 of gas and per kWh.
    costs : tuple
        ``((dwelling type, EUR per label step), ...)``.
    lifetime : int
        Lifetime of the measures in years (EUR per tonne over the lifetime).
    package : str
        One of :data:`PACKAGES`.
    hybrid_gas_share : float
        Share of the gas use a hybrid heat pump replaces (0-1).
    cop_hybrid, cop_all_electric : float
        Seasonal coefficients of performance of the heat pumps.
    hybrid_cost, heat_pump_cost : float
        Investment per dwelling in a hybrid or an all-electric heat pump (EUR).
    discount_rate : float
        Real discount rate of the net national cost per tonne (fraction).

    Examples
    --------
    >>> RetrofitParams().cost_per_step["apartment"]
    3170.0
    >>> RetrofitParams(target_label="H")
    Traceback (most recent call last):
    ...
    ValueError: target_label must be one of A, B, C, D, E, F, G, got 'H'
    """

    target_label: str = DEFAULT_TARGET_LABEL
    prices: Prices = Prices()
    threshold: float = DEFAULT_QUOTE_THRESHOLD_PCT
    co2_gas: float = vocab.CO2_GAS_KG_PER_M3
    co2_electricity: float = vocab.CO2_ELECTRICITY_KG_PER_KWH
    costs: tuple = tuple(sources.COST_PER_STEP_EUR.items())
    lifetime: int = LIFETIME_YEARS
    package: str = "insulate"
    hybrid_gas_share: float = sources.HYBRID_GAS_SHARE
    cop_hybrid: float = sources.COP_HYBRID
    cop_all_electric: float = sources.COP_ALL_ELECTRIC
    hybrid_cost: float = sources.HYBRID_HEAT_PUMP_EUR
    heat_pump_cost: float = sources.ALL_ELECTRIC_HEAT_PUMP_EUR
    discount_rate: float = sources.DISCOUNT_RATE

    def __post_init__(self):
        """Refuse a label outside A-G, negative factors, non-positive costs and a lifetime under one year."""
        if self.package not in PACKAGES:
            raise ValueError(f"package must be one of {', '.join(PACKAGES)}, got {self.package!r}")
        if not (_is_number(self.hybrid_gas_share) and 0.0 <= self.hybrid_gas_share <= 1.0):
            raise ValueError(f"hybrid_gas_share must be between 0 and 1, got {self.hybrid_gas_share!r}")
        _finite("cop_hybrid", self.cop_hybrid, above=True)
        _finite("cop_all_electric", self.cop_all_electric, above=True)
        _finite("hybrid_cost", self.hybrid_cost)
        _finite("heat_pump_cost", self.heat_pump_cost)
        _finite("discount_rate", self.discount_rate)
        if self.target_label not in vocab.LABELS:
            raise ValueError(f"target_label must be one of {', '.join(vocab.LABELS)}, got {self.target_label!r}")
        if not isinstance(self.prices, Prices):
            raise ValueError(f"prices must be a Prices object, got {self.prices!r}")
        QuoteThreshold(self.threshold)
        _finite("co2_gas", self.co2_gas)
        _finite("co2_electricity", self.co2_electricity)
        for dwelling_type, cost in self.costs:
            _finite(f"the cost per label step of {dwelling_type}", cost, above=True)
        if not isinstance(self.lifetime, int) or self.lifetime < 1:
            raise ValueError(f"lifetime must be a whole number of years, at least 1, got {self.lifetime!r}")

    @property
    def cost_per_step(self) -> dict[str, float]:
        """EUR per label step per dwelling type."""
        return dict(self.costs)


@dataclass(frozen=True)
class NewbuildParams:
    """Inputs of the new-build score per buurt, hashable for the cache.

    Attributes
    ----------
    prices : Prices
        Energy prices of the bill behind the high-quote households of the E-G stock.
    threshold : float
        High-energy-quote threshold, % of income (checked as a :class:`QuoteThreshold`).
    transformation : tuple
        Buurt codes marked as transformation locations.
    weights : tuple
        ``(("thinning", w), ("mixing", w), ("transformation", w))``; all zero means equal weights.
    mix_reference_share : float
        Homes added, as a share of the buurt's stock, to measure its mixing potential.
    user : tuple of UserIndicator
        The user's own figures as further parts of the score, each with its weight and direction.

    Examples
    --------
    >>> NewbuildParams(weights=(("thinning", 0.0), ("mixing", 0.0), ("transformation", 0.0))).score_weights
    {'thinning': 1.0, 'mixing': 1.0, 'transformation': 1.0}
    """

    prices: Prices = Prices()
    threshold: float = DEFAULT_QUOTE_THRESHOLD_PCT
    transformation: tuple = ()
    weights: tuple = tuple(SCORE_WEIGHTS.items())
    mix_reference_share: float = MIX_REFERENCE_SHARE
    user: tuple = ()

    def __post_init__(self):
        """Refuse unknown or negative weights and a mixing share of zero or less."""
        if not all(isinstance(u, UserIndicator) for u in self.user):
            raise ValueError(f"user parts must be UserIndicator objects, got {self.user!r}")
        if not isinstance(self.prices, Prices):
            raise ValueError(f"prices must be a Prices object, got {self.prices!r}")
        QuoteThreshold(self.threshold)
        names = [name for name, _weight in self.weights]
        if sorted(names) != sorted(SCORE_WEIGHTS):
            raise ValueError(f"weights must name each of {', '.join(SCORE_WEIGHTS)} once, got {', '.join(names)}")
        for name, weight in self.weights:
            _finite(f"the weight of {name}", weight)
        _finite("mix_reference_share", self.mix_reference_share, above=True)

    @property
    def weights_are_zero(self) -> bool:
        """True when every weight is zero (the score then weighs its parts equally)."""
        return sum(w for _name, w in self.weights) + sum(u.weight for u in self.user) <= 0

    @property
    def score_weights(self) -> dict[str, float]:
        """The weights the score uses: the given ones, or the equal defaults when all are zero."""
        return dict(SCORE_WEIGHTS) if self.weights_are_zero else dict(self.weights)

    @property
    def retrofit(self) -> RetrofitParams:
        """The retrofit settings of the stock the score reads: today's use and bills, other settings default."""
        return RetrofitParams(prices=self.prices, threshold=self.threshold)


# ---- Monitor Energiearmoede indicators per buurt (geo.metrics.monitor) ----

# Assumed national boundaries of standardised disposable household income in the income year (EUR per year);
# NOT sourced (see geo.catalog.sources.NATIONAL_BOUNDARIES_STATUS): replace them by CBS's published values.
ASSUMED_BOTTOM40_BOUNDARY_EUR = 23_400.0
ASSUMED_TOP20_BOUNDARY_EUR = 38_300.0


@dataclass(frozen=True)
class MonitorSettings:
    """Thresholds and assumptions of the Monitor Energiearmoede indicators per buurt, hashable for the cache.

    Attributes
    ----------
    quote_pct : float
        HEQ threshold, % of disposable income (checked as a :class:`QuoteThreshold`; the Monitor uses 10 %,
        some TNO products 8 %).
    low_income_factor : float
        Low income = standardised income at most this multiple of the CBS low-income line (Monitor: 1.30).
    high_cost_single_eur : float
        LIHE: energy bill above this amount for a one-person household, scaled by the equivalence factor
        (Monitor 2019: EUR 1,213).
    bottom40_boundary_eur, top20_boundary_eur : float or None
        National boundaries of standardised disposable income (assumed, see the sources); None leaves the
        moment out of the income fit.
    tenure_income_gap : float
        Mean log income of corporation tenants below the other households of the buurt, in standard deviations
        (Aedes, see the sources: 1.37); 0 = independent.
    heat_eur_per_gj : float
        Price of district heat per GJ of heat demand.

    Examples
    --------
    >>> MonitorSettings().low_income_factor
    1.3
    >>> MonitorSettings(tenure_income_gap=-1)
    Traceback (most recent call last):
    ...
    ValueError: tenure_income_gap must be a number at least 0, got -1
    """

    quote_pct: float = DEFAULT_QUOTE_THRESHOLD_PCT
    low_income_factor: float = sources.MONITOR_LOW_INCOME_FACTOR
    high_cost_single_eur: float = sources.MONITOR_HIGH_COST_SINGLE_EUR[2019]
    bottom40_boundary_eur: float | None = ASSUMED_BOTTOM40_BOUNDARY_EUR
    top20_boundary_eur: float | None = ASSUMED_TOP20_BOUNDARY_EUR
    tenure_income_gap: float = sources.TENURE_INCOME_GAP_SD
    heat_eur_per_gj: float = sources.HEAT_PRICE_2019_EUR_PER_GJ

    def __post_init__(self):
        """Refuse thresholds that are not positive and a negative gap or heat price."""
        QuoteThreshold(self.quote_pct)
        _finite("low_income_factor", self.low_income_factor, above=True)
        _finite("high_cost_single_eur", self.high_cost_single_eur)
        for name in ("bottom40_boundary_eur", "top20_boundary_eur"):
            value = getattr(self, name)
            if value is not None:
                _finite(name, value, above=True)
        _finite("tenure_income_gap", self.tenure_income_gap)
        _finite("heat_eur_per_gj", self.heat_eur_per_gj)


# ---- grid load (geo.targeting.grid; sources in its GRID_SOURCES) ----
PEAK_KW_HYBRID = 1.0  # RVO/BDH Installatiemonitor (interim): group peak on cold days "just above 1 kW per dwelling"
PEAK_KW_ALL_ELECTRIC = 1.25  # RVO/BDH 2025: 30 kWh a day at -4 °C (smallest dwellings) / 24 h
NEWBUILD_HEAT_M3 = 350.0  # RVO, as quoted by Van de Griendt & De Vries: a new dwelling heats with < 350 m3 gas a year


@dataclass(frozen=True)
class GridParams:
    """Peak factors and the grid capacity the user enters, hashable for the cache (:mod:`geo.targeting.grid`).

    Attributes
    ----------
    peak_kw_hybrid, peak_kw_all_electric : float
        Peak electricity per dwelling with a hybrid or an all-electric heat pump, kW (group values: already
        coincident, see the sources).
    simultaneity : float
        Factor on those peaks (0-1]; 1 because the defaults are group values.
    newbuild_heat_m3 : float
        Heat demand of a new home, as m3 of gas a year (turned into kWh at the all-electric COP).
    newbuild_peak_kw : float
        Peak per new all-electric home, kW.
    capacity_mw : float
        Free grid capacity for the whole municipality, MW; 0 = not entered.
    capacities : tuple
        ``((buurt_code, MW), ...)``: free capacity per buurt the user entered.

    Examples
    --------
    >>> GridParams().peak_kw_all_electric, GridParams(simultaneity=0.5).simultaneity
    (1.25, 0.5)
    >>> GridParams(simultaneity=0)
    Traceback (most recent call last):
    ...
    ValueError: simultaneity must be a number above 0, got 0
    """

    peak_kw_hybrid: float = PEAK_KW_HYBRID
    peak_kw_all_electric: float = PEAK_KW_ALL_ELECTRIC
    simultaneity: float = 1.0
    newbuild_heat_m3: float = NEWBUILD_HEAT_M3
    newbuild_peak_kw: float = PEAK_KW_ALL_ELECTRIC
    capacity_mw: float = 0.0
    capacities: tuple = ()

    def __post_init__(self):
        """Refuse negative peaks, heat or capacities and a simultaneity outside (0, 1]."""
        for name in ("peak_kw_hybrid", "peak_kw_all_electric", "newbuild_heat_m3", "newbuild_peak_kw", "capacity_mw"):
            _finite(name, getattr(self, name))
        _finite("simultaneity", self.simultaneity, above=True)
        if self.simultaneity > 1:
            raise ValueError(f"simultaneity must be at most 1, got {self.simultaneity!r}")
        for code, mw in self.capacities:
            _finite(f"capacity of {code}", mw)
