"""The components of the energy-poverty index and the ways to combine them, in the user's words.

Each component follows an indicator of the TNO/CBS Monitor Energiearmoede and
says where the buurt data only allows an approximation; its default weight is
the weight the app starts with (see :class:`geo.params.IndexSettings`).
The computation is in :mod:`geo.metrics.index`.

Examples
--------
>>> COMPONENTS["energy_quality"].column
'pct_label_efg_all'
>>> sorted(NORMALISATIONS)
['minmax', 'rank', 'zscore']
"""

from __future__ import annotations

from dataclasses import dataclass

NORMALISATIONS = {
    "minmax": "Min-max: (x - min) / (max - min) over Heerlen buurten",
    "rank": "Rank: percentile rank among Heerlen buurten (robust to outliers)",
    "zscore": "Z-score: standard normal CDF of (x - mean) / sd (keeps distances, bounded)",
}
MISSING_RULES = {
    "reweight": "Use the components the buurt has and re-normalise the weights over them "
    "(no index when less than half of the weight has data)",
    "median": "Count a missing component at the Heerlen median of that component",
    "exclude": "No index for a buurt with any missing component",
}


@dataclass(frozen=True)
class Component:
    """One index component: the buurt column it reads, the Monitor indicator it stands for, its default weight."""

    key: str
    column: str
    label: str
    monitor_indicator: str
    approximation: str
    default_weight: float


COMPONENTS: dict[str, Component] = {
    c.key: c
    for c in [
        Component(
            "low_income", "pct_low_income", "Low income",
            "Low income (<= 130% of the low-income threshold)",
            "Approximation: CBS publishes per buurt the share below 100% of the low-income threshold, not 130%.",
            1.0,
        ),
        Component(
            "energy_quote", "pct_high_quote_households", "High energy quote",
            "High energy quote (HEQ: share of households whose energy bill / disposable income is at or above the "
            "threshold)",
            "Modelled: measured average use x prices as the bill; incomes lognormal around gross income per inhabitant "
            "x household size, spread calibrated to the buurt's low-income share. Gross income understates the quote.",
            1.0,
        ),
        Component(
            "energy_quality", "pct_label_efg_all", "Low energy quality of the stock",
            "Low energy quality of the dwelling (LEK)",
            "Estimate: share of dwellings with label E, F or G, unlabelled dwellings imputed; the stock per buurt is "
            "estimated from VIVET dwellings raked to the buurt's CBS tenure, type and build-period shares.",
            1.0,
        ),
        Component(
            "investment_capacity", "pct_rent", "Little capacity to invest",
            "Little capacity to invest (LEKWI: tenants and low-income owners)",
            "Approximation: share of rented dwellings (social + private); low-income owners are not separable per "
            "buurt.",
            0.5,
        ),
        Component(
            "social_assistance", "pct_social_assistance", "Social assistance",
            "(context) persons on social assistance",
            "Context indicator, not part of the Monitor; weight 0 by default.",
            0.0,
        ),
    ]
}
