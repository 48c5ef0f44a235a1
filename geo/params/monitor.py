"""Thresholds and assumptions of the Monitor Energiearmoede indicators per buurt, frozen and validated."""

from __future__ import annotations

from dataclasses import dataclass

from geo.catalog import sources
from geo.params.index import DEFAULT_QUOTE_THRESHOLD_PCT, QuoteThreshold, _finite

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


