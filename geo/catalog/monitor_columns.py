"""Data-dictionary entries of the Monitor Energiearmoede indicators per buurt (HEQ, LIHE, LILEK, LEKWI, LIHELEK).

Each indicator has four columns: the share of households (on the map), the number of households and the low and
high end of its uncertainty band. The rules are those of the TNO/CBS Monitor; the estimate is
:mod:`geo.metrics.monitor`.
"""

from __future__ import annotations

from geo.catalog.column import ESTIMATED, Column

_MODEL = (
    "Within-buurt income model fitted on the buurt's published income shares (income year), joined to the "
    "estimated stock cells; bill from measured 2019 use (see Data & method, Monitor indicators)"
)

# indicator: (label, the rule in words, formula of the share)
INDICATORS = {
    "heq": (
        "High energy quote (HEQ)",
        "energy bill / disposable household income at or above the HEQ threshold (default 10 %)",
        "P(standardised income <= bill / (threshold x equivalence factor)) per stock cell, household-weighted",
    ),
    "lihe": (
        "Low income and high energy costs (LIHE)",
        "standardised income at most 130 % of the CBS low-income line AND an energy bill above EUR 1,213 (one "
        "person, 2019) x equivalence factor",
        "P(low income) x [bill > 1,213 x equivalence] per stock cell, household-weighted",
    ),
    "lilek": (
        "Low income and low energy quality (LILEK)",
        "standardised income at most 130 % of the CBS low-income line AND a dwelling with label E, F or G",
        "P(low income) x [label E-G] per stock cell, household-weighted",
    ),
    "lekwi": (
        "Low energy quality and little capacity to invest (LEKWI)",
        "a dwelling with label E, F or G AND a tenant, or an owner-occupier with a low income (at most 130 % of "
        "the line)",
        "[label E-G] x (1 if rented else P(low income)) per stock cell, household-weighted",
    ),
    "lihelek": (
        "Energy-poor households (LIHELEK)",
        "LIHE or LILEK: the Monitor Energiearmoede's headline 'energy poor'",
        "P(low income) x [bill > threshold or label E-G] per stock cell, household-weighted",
    ),
}


def _columns(key: str, label: str, rule: str, formula: str) -> list[Column]:
    """The four columns of one indicator: share, households, low and high end of the band."""
    band = "incomes {} by the fit residual (at least 5 %) and the label estimate at its {}"
    return [
        Column(f"pct_{key}_households", f"{label}, estimated", "% of households",
               f"Modelled share of households meeting the Monitor Energiearmoede rule: {rule}. {_MODEL}", "derived",
               kind=ESTIMATED, higher_is_worse=True, decimals=1, formula=formula),
        Column(f"households_{key}", f"{label}, estimated households", "households",
               "Estimated number of households: share x households", "derived", kind=ESTIMATED, on_map=False,
               formula="sum over cells of households x share"),
        Column(f"pct_{key}_households_p05", f"{label}, low end of band", "% of households",
               "Low end of the uncertainty band: " + band.format("higher", "p05"), "derived", kind=ESTIMATED,
               on_map=False, decimals=1),
        Column(f"pct_{key}_households_p95", f"{label}, high end of band", "% of households",
               "High end of the uncertainty band: " + band.format("lower", "p95"), "derived", kind=ESTIMATED,
               on_map=False, decimals=1),
    ]


MONITOR_COLUMNS: list[Column] = [c for key, spec in INDICATORS.items() for c in _columns(key, *spec)]
