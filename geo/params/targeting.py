"""Settings of the retrofit and new-build models and of the grid load, frozen and validated.

>>> from geo.i18n import language
>>> with language("nl"):
...     package_name("hybrid")
'Hybride warmtepomp (zonder isolatie)'
"""

from __future__ import annotations

from dataclasses import dataclass

from geo import vocab
from geo.catalog import sources
from geo.i18n import N_, _
from geo.params.index import DEFAULT_QUOTE_THRESHOLD_PCT, Prices, QuoteThreshold, UserIndicator, _finite, _is_number

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




# Grid load (geo.targeting.grid; sources in its GRID_SOURCES).
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
