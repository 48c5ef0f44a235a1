"""The trends on the Data & method page: how many buurten each edition could give a figure to, and the years.

Reads the ``trends`` part of the build metadata (:func:`geo.build.trends.trend_report`).
"""

from __future__ import annotations

import pandas as pd

from geo.catalog import dictionary
from geo.i18n import N_, _

# The tables of the page: column key to its header (marked for the catalogue; ui.tables.show translates it).
MATCHES_TABLE = {
    "edition": N_("Source and edition"), "matched": (N_("Buurten matched"), "%d"),
    "of": (N_("Buurten on the map"), "%d"), "not_matched": N_("Not matched, and why"),
}
YEARS_TABLE = {"indicator": N_("Indicator"), "years": N_("Years described"), "trend": N_("Trend")}
# Why a buurt of the map gets no figure from an edition.
ABSENT = N_("code not in this edition")
CHANGED = N_("code or boundary changed in a later edition")


def matches_table(report: dict, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Per source edition the buurten of the map that got its figures, and those that did not with the reason.

    Parameters
    ----------
    report : dict
        The ``trends`` part of the build metadata (may be empty: an older build).
    names : dict of str to str, optional
        Buurt name per code, shown beside the code.

    Returns
    -------
    DataFrame
        Columns of :data:`MATCHES_TABLE`; texts in the language in force.

    Examples
    --------
    >>> from geo.i18n import language
    >>> rep = {"editions": {"KWB 2019": {"matched": 1, "of": 2, "absent": ["BU2"], "changed": []}}}
    >>> with language("en"):
    ...     matches_table(rep, {"BU2": "Heide"}).iloc[0]["not_matched"]
    'Heide (BU2): code not in this edition'
    """
    names = names or {}
    rows = []
    for edition, m in report.get("editions", {}).items():
        missing = [(code, ABSENT) for code in m.get("absent", [])] + [(code, CHANGED) for code in m.get("changed", [])]
        text = "; ".join(f"{names.get(code, code)} ({code}): {_(why)}" if code in names else f"{code}: {_(why)}"
                         for code, why in missing)
        rows.append({"edition": edition, "matched": int(m["matched"]), "of": int(m["of"]), "not_matched": text or "–"})
    return pd.DataFrame(rows, columns=list(MATCHES_TABLE))


def years_table(report: dict) -> pd.DataFrame:
    """Per indicator the years its figures describe, and whether it has a trend (values in two years or more).

    Examples
    --------
    >>> from geo.i18n import language
    >>> rep = {"indicators": {"gas_m3": [2016, 2017, 2019], "inhabitants": [2020]}, "with_trend": ["gas_m3"]}
    >>> with language("nl"):
    ...     years_table(rep).values.tolist()
    [['Aardgasverbruik per woning', '2016, 2017, 2019', 'ja'], ['Inwoners', '2020', 'nee']]
    """
    trend = set(report.get("with_trend", []))
    rows = [{"indicator": dictionary.label(name), "years": ", ".join(str(y) for y in years),
             "trend": _("yes") if name in trend else _("no")}
            for name, years in report.get("indicators", {}).items()]
    return pd.DataFrame(rows, columns=list(YEARS_TABLE))
