"""Trends per buurt: the series of an indicator over the years it describes, and the change between two years.

Reads the long trends table of the build (:mod:`geo.build.trends`: ``buurt_code``, ``indicator``,
``year_described``, ``period``, ``value``, ``edition``, ``comparable``). A missing value stays missing:
a change is missing when either year is, and nothing is interpolated.

Examples
--------
>>> t = pd.DataFrame({"buurt_code": ["A", "A", "B", "B"], "indicator": "gas_m3",
...                   "year_described": [2016, 2019, 2016, 2019], "value": [1200.0, 1100.0, None, 900.0]})
>>> change(t, "gas_m3", 2016, 2019).tolist()
[-100.0, nan]
>>> round(float(change(t, "gas_m3", 2016, 2019, RELATIVE).loc["A"]), 2)
-8.33
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import dictionary
from geo.i18n import _, language  # noqa: F401 (language: docstring examples)

DIFFERENCE = "difference"  # in the indicator's unit; percentage points for a percentage
RELATIVE = "relative"  # in % of the first year's value
CHANGE_KINDS = (DIFFERENCE, RELATIVE)


def years(trends: pd.DataFrame, indicator: str) -> list[int]:
    """The years an indicator describes that have a value for at least one buurt, oldest first."""
    rows = trends[(trends["indicator"] == indicator) & trends["value"].notna()]
    return sorted(int(y) for y in rows["year_described"].unique())


def with_trend(trends: pd.DataFrame) -> list[str]:
    """The indicators with values in two years or more, in the order of the data dictionary.

    Examples
    --------
    >>> t = pd.DataFrame({"buurt_code": "A", "indicator": ["gas_m3", "gas_m3", "inhabitants"],
    ...                   "year_described": [2016, 2017, 2016], "value": [1.0, 2.0, 3.0]})
    >>> with_trend(t)
    ['gas_m3']
    """
    filled = trends[trends["value"].notna()]
    counts = filled.groupby("indicator")["year_described"].nunique()
    order = list(dictionary.BY_NAME)
    return sorted((name for name, n in counts.items() if n >= 2),
                  key=lambda name: order.index(name) if name in order else len(order))


def series(trends: pd.DataFrame, code: str) -> pd.DataFrame:
    """Every indicator of buurt ``code`` over the years it describes (missing values kept as missing).

    Returns
    -------
    DataFrame
        The buurt's rows of ``trends``, sorted by indicator (dictionary order) and year described.
    """
    rows = trends[trends["buurt_code"] == code]
    order = {name: i for i, name in enumerate(dictionary.BY_NAME)}
    rank = rows["indicator"].map(order).fillna(len(order))
    return rows.assign(_rank=rank).sort_values(["_rank", "year_described"]).drop(columns="_rank")


def values_in(trends: pd.DataFrame, indicator: str, year: int) -> pd.Series:
    """The value per buurt code of ``indicator`` in the year it describes (missing where CBS gives none)."""
    rows = trends[(trends["indicator"] == indicator) & (trends["year_described"] == year)]
    return rows.set_index("buurt_code")["value"].astype(float)


def change(trends: pd.DataFrame, indicator: str, year_a: int, year_b: int, kind: str = DIFFERENCE) -> pd.Series:
    """The change of ``indicator`` per buurt from ``year_a`` to ``year_b`` (the years the figures describe).

    Parameters
    ----------
    trends : DataFrame
        The long trends table.
    indicator : str
    year_a, year_b : int
        From and to; ``year_b`` may be earlier than ``year_a`` (the sign follows).
    kind : str
        :data:`DIFFERENCE` (``b - a``, in the indicator's unit: percentage points for a percentage) or
        :data:`RELATIVE` (``100 x (b - a) / a``, in %; missing where ``a`` is 0).

    Returns
    -------
    Series
        Per buurt code (every buurt of the table), missing where either year is missing.

    Raises
    ------
    ValueError
        For an unknown ``kind``.
    """
    if kind not in CHANGE_KINDS:
        raise ValueError(f"unknown kind of change: {kind!r}")
    codes = pd.Index(trends["buurt_code"].unique(), name="buurt_code")
    a = values_in(trends, indicator, year_a).reindex(codes)
    b = values_in(trends, indicator, year_b).reindex(codes)
    if kind == DIFFERENCE:
        return (b - a).rename(indicator)
    return (100 * (b - a) / a.where(a != 0, np.nan)).rename(indicator)


def change_unit(indicator: str, kind: str) -> str:
    """The unit of a change in the language in force: percentage points, % or the indicator's own unit.

    Examples
    --------
    >>> with language("en"):
    ...     change_unit("pct_low_income", DIFFERENCE), change_unit("gas_m3", RELATIVE)
    ('percentage points', '%')
    >>> with language("en"):
    ...     change_unit("gas_m3", DIFFERENCE)
    'm³ per dwelling per year'
    >>> with language("nl"):
    ...     change_unit("pct_low_income", DIFFERENCE)
    'procentpunten'
    """
    if kind == RELATIVE:
        return "%"
    col = dictionary.BY_NAME.get(indicator)
    if col is not None and col.unit.startswith("%"):
        return _("percentage points")
    return dictionary.unit(indicator)
