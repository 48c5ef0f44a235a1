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


_MODEL = ("Estimated per buurt with the within-buurt household model (income fitted on the buurt's published "
          "income shares, joined to the estimated stock cells; see Data & method, Monitor indicators).")
COMPONENTS: dict[str, Component] = {
    c.key: c
    for c in [
        Component("lihelek", "pct_lihelek_households", "Energy poor (LIHELEK)",
                  "LIHELEK: low income and high energy costs, or low income and low energy quality", _MODEL, 1.0),
        Component("heq", "pct_heq_households", "High energy quote (HEQ)",
                  "HEQ: energy bill / disposable income at or above the threshold", _MODEL, 0.5),
        Component("lekwi", "pct_lekwi_households", "Low quality, little capacity to invest (LEKWI)",
                  "LEKWI: label E-G and a tenant or a low-income owner", _MODEL, 0.5),
        Component("lihe", "pct_lihe_households", "Low income, high costs (LIHE)",
                  "LIHE: low income and an energy bill above the threshold", _MODEL + " Part of LIHELEK, so weight 0 "
                  "by default.", 0.0),
        Component("lilek", "pct_lilek_households", "Low income, low quality (LILEK)",
                  "LILEK: low income and label E-G", _MODEL + " Part of LIHELEK, so weight 0 by default.", 0.0),
        Component(
            "low_income", "pct_low_income", "Low income (proxy)",
            "Low income (<= 130% of the low-income threshold)",
            "Approximation: CBS publishes per buurt the share below 100% of the low-income threshold, not 130%.",
            0.0,
        ),
        Component(
            "energy_quote", "pct_high_quote_households", "High energy quote (old buurt model)",
            "High energy quote (HEQ: share of households whose energy bill / disposable income is at or above the "
            "threshold)",
            "Modelled: measured average use x prices as the bill; incomes lognormal around gross income per inhabitant "
            "x household size, spread calibrated to the buurt's low-income share. Gross income understates the quote.",
            0.0,
        ),
        Component(
            "energy_quality", "pct_label_efg_all", "Low energy quality of the stock (proxy)",
            "Low energy quality of the dwelling (LEK)",
            "Estimate: share of dwellings with label E, F or G, unlabelled dwellings imputed; the stock per buurt is "
            "estimated from VIVET dwellings raked to the buurt's CBS tenure, type and build-period shares.",
            0.0,
        ),
        Component(
            "investment_capacity", "pct_rent", "Little capacity to invest (proxy)",
            "Little capacity to invest (LEKWI: tenants and low-income owners)",
            "Approximation: share of rented dwellings (social + private); low-income owners are not separable per "
            "buurt.",
            0.0,
        ),
        Component(
            "social_assistance", "pct_social_assistance", "Social assistance",
            "(context) persons on social assistance",
            "Context indicator, not part of the Monitor; weight 0 by default.",
            0.0,
        ),
    ]
}
