"""Trends stage: every KWB and benefits figure per buurt over all editions, by the year it describes.

The map draws the buurten of 2023. A figure of KWB edition E belongs to a buurt of the map only when
that buurt's code is in edition E and CBS marks no change of code or boundary in any later edition
(``Regioaanduiding_Indelingswijziging_wijken_en_buurten`` = 1: code and boundary unchanged since the
previous edition). A buurt whose code is absent from an edition, or redrawn after it, gets no value for
that edition: never an interpolated one. Suppressed CBS values stay missing.

The year a figure describes comes from :func:`geo.build.kwb.reference_year` (the theme of each column,
CBS's table notes), not from the edition. The benefits table (85586NED) is published by CBS on one,
current, classification; its series takes the quarter of the newest period in every year, so its last
point is the figure the map shows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import config
from geo.build.kwb import reference_year
from geo.catalog import dictionary

CHANGE_FLAG = "Regioaanduiding_Indelingswijziging_wijken_en_buurten"
UNCHANGED = 1  # CBS: code and boundary unchanged since the previous edition
BENEFITS = {"pct_social_assistance": "Bijstandsuitkering_10", "social_assistance_persons": "Bijstandsuitkering_6"}
BENEFITS_TABLE = "85586NED"
# The columns of the trends table, in order.
COLUMNS = ["buurt_code", "indicator", "year_described", "period", "value", "edition", "comparable"]


def edition_matches(kwb_buurten: pd.DataFrame, map_codes: list[str]) -> dict[int, dict]:
    """Per KWB edition, which buurten of the map it can give a value to, and which not and why.

    Parameters
    ----------
    kwb_buurten : DataFrame
        KWB buurt rows: ``jaar``, ``regio_code`` and, where CBS gives it, :data:`CHANGE_FLAG`.
    map_codes : list of str
        The buurt codes of the map.

    Returns
    -------
    dict of int to dict
        Per edition: ``matched`` (codes of the map whose figures are used), ``absent`` (codes of the map
        not in the edition) and ``changed`` (in the edition, but CBS marks a change of code or boundary, or
        gives no marker, in a later edition), each a sorted list.

    Examples
    --------
    >>> rows = pd.DataFrame({"jaar": [2019, 2020, 2019, 2020], "regio_code": ["BU1", "BU1", "BU2", "BU2"],
    ...                      CHANGE_FLAG: [1, 1, 1, 3]})
    >>> m = edition_matches(rows, ["BU1", "BU2", "BU3"])
    >>> m[2019]
    {'matched': ['BU1'], 'absent': ['BU3'], 'changed': ['BU2']}
    >>> m[2020]["matched"]
    ['BU1', 'BU2']
    """
    if CHANGE_FLAG in kwb_buurten:
        flags = kwb_buurten.set_index(["regio_code", "jaar"])[CHANGE_FLAG].unstack("jaar")
    else:  # no marker at all: no change is marked, so no edition links to a later one
        flags = pd.DataFrame(np.nan, index=kwb_buurten["regio_code"].unique(), columns=kwb_buurten["jaar"].unique())
    editions = sorted(int(e) for e in kwb_buurten["jaar"].unique())
    result = {}
    for edition in editions:
        present = set(kwb_buurten.loc[kwb_buurten["jaar"] == edition, "regio_code"])
        later = [e for e in editions if e > edition]
        unchanged = flags[later].eq(UNCHANGED).all(axis=1) if later else pd.Series(True, index=flags.index)
        on_map = [c for c in map_codes if c in present]
        changed = sorted(c for c in on_map if not bool(unchanged.get(c, False)))
        result[edition] = {
            "matched": sorted(set(on_map) - set(changed)),
            "absent": sorted(set(map_codes) - present),
            "changed": changed,
        }
    return result


def kwb_trends(kwb_buurten: pd.DataFrame, map_codes: list[str], matches: dict[int, dict]) -> pd.DataFrame:
    """The long table of every KWB column of the dictionary, one row per buurt of the map per edition.

    An edition in which CBS published the column for no buurt is left out (not yet filled, or not asked).
    A buurt not matched in an edition (:func:`edition_matches`) keeps its row with no value and
    ``comparable`` False.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`.
    """
    frames = []
    for name, raw in dictionary.kwb_columns().items():
        if raw not in kwb_buurten:
            continue
        theme = dictionary.BY_NAME[name].theme
        for edition, rows in kwb_buurten.groupby("jaar"):
            values = pd.to_numeric(rows.set_index("regio_code")[raw], errors="coerce")
            if values.notna().sum() == 0:
                continue
            comparable = pd.Index(map_codes).isin(matches[int(edition)]["matched"])
            year = reference_year(theme, int(edition))
            frames.append(pd.DataFrame({
                "buurt_code": map_codes, "indicator": name, "year_described": year, "period": str(year),
                "value": values.reindex(map_codes).where(comparable).to_numpy(dtype=float),
                "edition": f"KWB {int(edition)}", "comparable": comparable,
            }))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def benefits_trends(benefits: pd.DataFrame, map_codes: list[str]) -> tuple[pd.DataFrame, dict[int, dict]]:
    """The social-assistance series per buurt: one quarter per year, the quarter of the newest period.

    Returns
    -------
    (DataFrame, dict)
        The long table (columns :data:`COLUMNS`) and per year ``matched`` and ``absent`` codes of the map.
    """
    if benefits.empty:  # a municipality built without the benefits table (CBS 85586NED): no series, no error
        return pd.DataFrame(columns=COLUMNS), {}
    quarter = int(benefits.sort_values(["jaar", "kwartaal"]).iloc[-1]["kwartaal"])
    rows = benefits[benefits["kwartaal"] == quarter]
    frames, matches = [], {}
    for year, of_year in rows.groupby("jaar"):
        by_code = of_year.set_index("WijkenEnBuurten")
        present = pd.Index(map_codes).isin(by_code.index)
        matches[int(year)] = {"matched": sorted(c for c in map_codes if c in by_code.index),
                              "absent": sorted(c for c in map_codes if c not in by_code.index), "changed": []}
        for name, raw in BENEFITS.items():
            frames.append(pd.DataFrame({
                "buurt_code": map_codes, "indicator": name, "year_described": int(year),
                "period": f"{int(year)} Q{quarter}",
                "value": pd.to_numeric(by_code[raw], errors="coerce").reindex(map_codes).to_numpy(dtype=float),
                "edition": f"{BENEFITS_TABLE} {int(year)} Q{quarter}", "comparable": present,
            }))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    return table, matches


def trend_report(table: pd.DataFrame, kwb_matches: dict, benefit_matches: dict, n_map: int) -> dict:
    """What the trends stage did, for the Data & method page: matches per edition and the years per indicator.

    Returns
    -------
    dict
        ``editions``: per source edition (``"KWB 2019"``, ``"85586NED 2024"``) the count of buurten matched,
        the count of the map's buurten, and the codes absent and changed; ``indicators``: per indicator
        the years described that have a value for at least one buurt; ``with_trend``: the indicators with
        values in two years or more; ``rule``: the joining rule in words (English, for the file).
    """
    editions = {}
    for label, matches in [("KWB", kwb_matches), (BENEFITS_TABLE, benefit_matches)]:
        for edition, m in sorted(matches.items()):
            editions[f"{label} {edition}"] = {"matched": len(m["matched"]), "of": n_map,
                                              "absent": m["absent"], "changed": m["changed"]}
    filled = table[table["value"].notna()]
    years = {name: sorted(int(y) for y in group["year_described"].unique())
             for name, group in filled.groupby("indicator", sort=False)}
    return {
        "editions": editions,
        "indicators": years,
        "with_trend": [name for name, ys in years.items() if len(ys) >= 2],
        "rule": "joined by code; an edition counts for a buurt when CBS marks its code and boundary unchanged "
                "in every later edition; otherwise no value (never interpolated)",
    }


def build_trends(kwb: pd.DataFrame, benefits: pd.DataFrame, map_codes: list[str], out_dir=config.PROCESSED_DIR) -> dict:
    """Write the trends table (``config.TRENDS``'s name in ``out_dir``) and return its report.

    Parameters
    ----------
    kwb : DataFrame
        The KWB table, all region types and editions.
    benefits : DataFrame
        The 85586NED table, one row per region per quarter.
    map_codes : list of str
        The buurt codes of the map (the 2023 buurten).
    out_dir : Path

    Returns
    -------
    dict
        :func:`trend_report`.
    """
    kwb_buurten = kwb[kwb["regio_type"] == "Buurt"]
    matches = edition_matches(kwb_buurten, map_codes)
    ben, ben_matches = benefits_trends(benefits, map_codes)
    table = pd.concat([kwb_trends(kwb_buurten, map_codes, matches), ben], ignore_index=True)[COLUMNS]
    table = table.astype({"year_described": int, "value": float, "comparable": bool})
    table.to_parquet(out_dir / config.TRENDS.name, index=False)
    return trend_report(table, matches, ben_matches, len(map_codes))
