"""The national and Parkstad context of one municipality: rank, percentile, comparable municipalities, neighbours.

Pure functions on the municipality table (``config.GEMEENTEN``: one row per municipality, ``gemeente_code``,
``gemeente_name`` and the columns of :mod:`geo.catalog.national_columns`). A municipality without a value
has no rank: missing values stay missing and never count as the lowest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import config
from geo.catalog.national_columns import DENSITY, SIZE, URBANITY
from geo.i18n import N_

CODE, NAME = "gemeente_code", "gemeente_name"
# How the comparable municipalities were chosen (shown with the table).
BASIS = {
    "urbanity": N_("Same CBS urbanity class, closest in number of inhabitants."),
    "density": N_("CBS urbanity class missing: closest in address density (the measure behind the classes), then "
                  "in number of inhabitants."),
}
# The shown table of :func:`context_table`.
CONTEXT_TABLE = {
    "group": N_("Group"),
    "gemeente_name": N_("Municipality"),
    "value": (N_("Value"), "%.1f"),
    "rank": (N_("Rank (1 = highest)"), "%d"),
    "percentile": (N_("Percentile"), "%.0f"),
}
RANKING_TABLE = {
    "rank": (N_("Rank (1 = highest)"), "%d"),
    "gemeente_name": N_("Municipality"),
    "value": (N_("Value"), "%.1f"),
    "percentile": (N_("Percentile"), "%.0f"),
}
GROUPS = {"self": N_("Selected"), "parkstad": N_("Parkstad"), "comparable": N_("Comparable")}


def ranking(table: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Every municipality's value, rank and percentile for one indicator.

    Parameters
    ----------
    table : DataFrame
        The municipality table.
    indicator : str
        One of its columns.

    Returns
    -------
    DataFrame
        ``gemeente_code``, ``gemeente_name``, ``value``, ``rank`` (1 = highest value; ties share the best rank)
        and ``percentile`` (% of the municipalities with a value that have a lower value), sorted by rank;
        municipalities without a value come last with rank and percentile missing.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["GM1", "GM2", "GM3", "GM4"], "gemeente_name": list("abcd"),
    ...                   "x": [10.0, None, 30.0, 20.0]})
    >>> ranking(t, "x")[["gemeente_code", "rank", "percentile"]].to_dict("list")
    {'gemeente_code': ['GM3', 'GM4', 'GM1', 'GM2'], 'rank': [1.0, 2.0, 3.0, nan], 'percentile': [66.7, 33.3, 0.0, nan]}
    """
    if indicator not in table.columns:
        raise KeyError(indicator)
    values = pd.to_numeric(table[indicator], errors="coerce").astype(float)
    n = int(values.notna().sum())
    lower = values.rank(method="min", ascending=True) - 1  # how many have a strictly lower value
    out = pd.DataFrame({
        CODE: table[CODE].to_numpy(), NAME: table[NAME].to_numpy(), "value": values.to_numpy(),
        "rank": values.rank(method="min", ascending=False).to_numpy(),
        "percentile": (100 * lower / n).round(1).to_numpy() if n else np.nan,
    })
    return out.sort_values(["rank", NAME], na_position="last", kind="stable").reset_index(drop=True)


def position(table: pd.DataFrame, indicator: str, code: str) -> dict:
    """One municipality's value, rank among ``n`` municipalities with a value, and percentile.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["GM1", "GM2", "GM3"], "gemeente_name": list("abc"), "x": [1.0, 3.0, 2.0]})
    >>> position(t, "x", "GM3")
    {'code': 'GM3', 'name': 'c', 'value': 2.0, 'rank': 2, 'n': 3, 'percentile': 33.3}
    >>> position(t, "x", "GM9")["value"] is None
    True
    """
    ranked = ranking(table, indicator)
    n = int(ranked["value"].notna().sum())
    row = ranked[ranked[CODE] == code]
    if row.empty or pd.isna(row["value"].iloc[0]):
        name = row[NAME].iloc[0] if not row.empty else None
        return {"code": code, "name": name, "value": None, "rank": None, "n": n, "percentile": None}
    r = row.iloc[0]
    return {"code": code, "name": r[NAME], "value": float(r["value"]), "rank": int(r["rank"]), "n": n,
            "percentile": float(r["percentile"])}


def comparable(table: pd.DataFrame, code: str, n: int = 8) -> tuple[pd.DataFrame, str]:
    """The ``n`` municipalities most like ``code`` in urbanity and size.

    Same CBS urbanity class (``gm_urbanity``), then the closest in inhabitants on a log scale (a town of 40,000
    is as far from 80,000 as 160,000 is). When the urbanity class is missing, the closest in address density
    (the measure behind the classes, log scale) and inhabitants, equally weighted.

    Returns
    -------
    (DataFrame, str)
        The comparable rows of ``table`` (``code`` itself left out) and the basis, a key of :data:`BASIS`.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["A", "B", "C", "D"], "gemeente_name": list("abcd"),
    ...                   "gm_inhabitants": [100.0, 110.0, 90.0, 1000.0], "gm_urbanity": [2.0, 2.0, 3.0, 2.0],
    ...                   "gm_address_density": [1500.0, 1600.0, 1400.0, 1550.0]})
    >>> rows, basis = comparable(t, "A", 2)
    >>> rows["gemeente_code"].tolist(), basis
    (['B', 'D'], 'urbanity')
    """
    own = table[table[CODE] == code]
    if own.empty:
        raise KeyError(code)
    others = table[(table[CODE] != code) & table[SIZE].notna()].copy()
    size = np.log(float(own[SIZE].iloc[0])) if pd.notna(own[SIZE].iloc[0]) else np.nan
    urbanity = own[URBANITY].iloc[0] if URBANITY in table.columns else np.nan
    if pd.notna(urbanity):
        others = others[others[URBANITY] == urbanity]
        others["_distance"] = (np.log(others[SIZE]) - size).abs()
        basis = "urbanity"
    else:
        density = np.log(float(own[DENSITY].iloc[0])) if pd.notna(own[DENSITY].iloc[0]) else np.nan
        others = others[others[DENSITY].notna()]
        others["_distance"] = np.hypot(np.log(others[DENSITY]) - density, np.log(others[SIZE]) - size)
        basis = "density"
    others = others[others["_distance"].notna()].sort_values(["_distance", CODE], kind="stable")
    return others.head(n).drop(columns="_distance").reset_index(drop=True), basis


def neighbours(table: pd.DataFrame, codes=tuple(config.PARKSTAD)) -> tuple[pd.DataFrame, list[str]]:
    """The rows of ``codes`` in the given order, and the codes the table lacks.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["GM0917", "GM0928"], "gemeente_name": ["Heerlen", "Kerkrade"]})
    >>> rows, missing = neighbours(t, ["GM0928", "GM0917", "GM9999"])
    >>> rows["gemeente_name"].tolist(), missing
    (['Kerkrade', 'Heerlen'], ['GM9999'])
    """
    present = [c for c in codes if c in set(table[CODE])]
    rows = table.set_index(CODE).loc[present].reset_index()
    return rows, [c for c in codes if c not in present]


def context_table(table: pd.DataFrame, indicator: str, code: str, n_comparable: int = 8,
                  parkstad=tuple(config.PARKSTAD)) -> tuple[pd.DataFrame, str]:
    """The selected municipality, the Parkstad municipalities and the comparable ones, each with rank and percentile.

    Returns
    -------
    (DataFrame, str)
        Columns ``group`` (a key of :data:`GROUPS`), ``gemeente_code``, ``gemeente_name``, ``value``, ``rank``,
        ``percentile`` (national, among all municipalities with a value); a municipality appears once, in its
        first group. The basis of the comparable ones (:data:`BASIS`).
    """
    ranked = ranking(table, indicator).set_index(CODE)
    similar, basis = comparable(table, code, n_comparable)
    park, _missing = neighbours(table, parkstad)
    groups = [("self", [code]), ("parkstad", list(park[CODE])), ("comparable", list(similar[CODE]))]
    rows, seen = [], set()
    for group, codes in groups:
        for c in codes:
            if c in seen or c not in ranked.index:
                continue
            seen.add(c)
            r = ranked.loc[c]
            rows.append({"group": group, CODE: c, NAME: r[NAME], "value": r["value"], "rank": r["rank"],
                         "percentile": r["percentile"]})
    return pd.DataFrame(rows, columns=["group", CODE, NAME, "value", "rank", "percentile"]), basis
