"""Data-dictionary entries of the Monitor Energiearmoede indicators per buurt (HEQ, LIHE, LILEK, LEKWI, LIHELEK).

Each indicator has four columns: the share of households (on the map), the number of households and the low and
high end of its uncertainty band. The rules are those of the TNO/CBS Monitor; the estimate is
:mod:`geo.metrics.monitor`. The acronyms are the Monitor's and stay the same in every language.

Examples
--------
>>> from geo.i18n import language
>>> band = next(c for c in MONITOR_COLUMNS if c.name == "pct_lihe_households_p95")
>>> with language("nl"):
...     band.display_label()
'LIHE: bovengrens bandbreedte'
>>> with language("en"):
...     band.display_label()
'LIHE: high end of band'
"""

from __future__ import annotations

from geo.catalog.column import ESTIMATED, Column
from geo.i18n import N_

_MODEL = N_(
    "Within-buurt income model fitted on the buurt's published income shares (income year), joined to the "
    "estimated stock cells; bill from measured 2019 use (see Data & method, Monitor indicators)."
)

# indicator: (acronym, short label, the share in words with the Monitor's rule, formula of the share)
INDICATORS = {
    "heq": (
        "HEQ",
        N_("High energy quote (HEQ)"),
        N_("Estimated share of households whose energy bill / disposable household income is at or above the HEQ "
           "threshold (default 10 %): the Monitor Energiearmoede's HEQ rule."),
        N_("P(standardised income <= bill / (threshold x equivalence factor)) per stock cell, household-weighted"),
    ),
    "lihe": (
        "LIHE",
        N_("Low income, high costs (LIHE)"),
        N_("Estimated share of households with a standardised income at most 130 % of the CBS low-income line AND "
           "an energy bill above €1,213 (one person, 2019) x equivalence factor: the Monitor Energiearmoede's "
           "LIHE rule."),
        N_("P(low income) x [bill > 1,213 x equivalence] per stock cell, household-weighted"),
    ),
    "lilek": (
        "LILEK",
        N_("Low income, low quality (LILEK)"),
        N_("Estimated share of households with a standardised income at most 130 % of the CBS low-income line AND "
           "a dwelling with label E, F or G: the Monitor Energiearmoede's LILEK rule."),
        N_("P(low income) x [label E-G] per stock cell, household-weighted"),
    ),
    "lekwi": (
        "LEKWI",
        N_("Low quality, cannot invest (LEKWI)"),
        N_("Estimated share of households in a dwelling with label E, F or G AND a tenant, or an owner-occupier "
           "with a low income (at most 130 % of the line): the Monitor Energiearmoede's LEKWI rule."),
        N_("[label E-G] x (1 if rented else P(low income)) per stock cell, household-weighted"),
    ),
    "lihelek": (
        "LIHELEK",
        N_("Energy poor (LIHELEK)"),
        N_("Estimated share of households that are LIHE or LILEK: the Monitor Energiearmoede's headline "
           "'energy poor'."),
        N_("P(low income) x [bill > threshold or label E-G] per stock cell, household-weighted"),
    ),
}


def _columns(key: str, acronym: str, label: str, meaning: str, formula: str) -> list[Column]:
    """The four columns of one indicator: share, households, low and high end of the band."""
    args = {"indicator": acronym}
    return [
        Column(f"pct_{key}_households", label, N_("% of households"), meaning, "derived", kind=ESTIMATED,
               higher_is_worse=True, decimals=1, formula=formula, note=_MODEL),
        Column(f"households_{key}", N_("{indicator}: households"), N_("households"),
               N_("Estimated number of households meeting the {indicator} rule: share x households."), "derived",
               kind=ESTIMATED, on_map=False, formula=N_("sum over cells of households x share"), args=args),
        Column(f"pct_{key}_households_p05", N_("{indicator}: low end of band"), N_("% of households"),
               N_("Low end of the uncertainty band of {indicator}: incomes higher by the fit residual (at least 5 %) "
                  "and the label estimate at its p05."), "derived", kind=ESTIMATED, on_map=False, decimals=1,
               args=args),
        Column(f"pct_{key}_households_p95", N_("{indicator}: high end of band"), N_("% of households"),
               N_("High end of the uncertainty band of {indicator}: incomes lower by the fit residual (at least 5 %) "
                  "and the label estimate at its p95."), "derived", kind=ESTIMATED, on_map=False, decimals=1,
               args=args),
    ]


MONITOR_COLUMNS: list[Column] = [c for key, spec in INDICATORS.items() for c in _columns(key, *spec)]
