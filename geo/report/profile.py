"""The buurt profile: every indicator of one buurt beside the municipality's value, with its year, and its series."""

from __future__ import annotations

import pandas as pd

from geo.catalog import dictionary
from geo.i18n import N_, _
from geo.map.classify import format_value
from geo.metrics import indicators
from geo.params import Prices, QuoteThreshold

PROFILE_EXCLUDE = {"buurt_code", "buurt_name", "wijk_code", "wijk_name", "high_energy_quote"}
# How the profile table is shown (a spec as in geo.report.tables): column headers in the user's words.
PROFILE_TABLE = {
    "indicator": N_("Indicator"),
    "buurt": N_("Buurt"),
    "gemeente": N_("Municipality"),
    "unit": N_("Unit"),
    "year": N_("Year"),
    "kind": N_("Kind of figure"),
}
# What a column's kind (geo.catalog.column) is called in the profile.
KINDS = {
    dictionary.MEASURED: N_("measured"),
    dictionary.DERIVED: N_("derived"),
    dictionary.ESTIMATED: N_("estimated"),
}


def buurt_profile(table: pd.DataFrame, code: str, gemeente: pd.Series, years: dict[str, dict]) -> pd.DataFrame:
    """One row per indicator for buurt ``code``.

    Parameters
    ----------
    table : DataFrame
        Buurt table indexed by buurt code (processed + derived + index columns).
    code : str
        The buurt code; a ``KeyError`` is raised when it is unknown.
    gemeente : Series
        The municipality's values by column name (missing where not published).
    years : dict
        Build metadata per column (``year`` and ``edition``).

    Returns
    -------
    DataFrame
        Columns ``indicator``, ``buurt``, ``gemeente``, ``unit``, ``year``, ``kind`` (headers in
        :data:`PROFILE_TABLE`); labels, units and kinds in the language in force, values
        formatted as text in its locale, missing shown as 'no data'.
    """
    if code not in table.index:
        raise KeyError(code)
    row = table.loc[code]
    records = []
    for name in table.columns:
        col = dictionary.BY_NAME.get(name)
        if col is None or name in PROFILE_EXCLUDE or not pd.api.types.is_number(row[name]) and not pd.isna(row[name]):
            continue
        records.append(
            {
                "indicator": dictionary.label(name),
                "buurt": format_value(row[name], col.decimals),
                "gemeente": format_value(gemeente.get(name), col.decimals),
                "unit": dictionary.unit(name),
                "year": str(years.get(name, {}).get("year") or (_("settings") if col.source == "derived" else "")),
                "kind": _(KINDS.get(col.kind, col.kind)),
            }
        )
    return pd.DataFrame(records)


# Headers of the series table (translated when the table is made; the year columns are plain years).
TREND_HEADERS = {"indicator": N_("Indicator"), "unit": N_("Unit"), "source": N_("Source")}


def trend_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The series of one buurt as a table: one row per indicator, one column per year described.

    Parameters
    ----------
    rows : DataFrame
        The buurt's rows of the trends table (:func:`geo.metrics.trends.series`): ``indicator``,
        ``year_described``, ``value``, ``edition``.

    Returns
    -------
    DataFrame
        Columns: indicator, unit, one column per year described (oldest first, named by the year) and the
        source editions, headers in the language in force. A cell is the value in the locale's format,
        'no data' where CBS published the figure for that year but not for this buurt (suppressed, or its
        code or boundary changed), and empty where the figure was not published for that year.

    Examples
    --------
    >>> from geo.i18n import language
    >>> rows = pd.DataFrame({"indicator": "gas_m3", "year_described": [2016, 2019], "value": [1234.0, None],
    ...                      "edition": ["KWB 2016", "KWB 2019"]})
    >>> with language("nl"):
    ...     trend_table(rows).iloc[0].tolist()
    ['Aardgasverbruik per woning', 'm³ per woning per jaar', '1.234', 'geen gegevens', 'KWB 2016 – KWB 2019']
    """
    years = sorted(int(y) for y in rows["year_described"].unique())
    headers = {key: _(text) for key, text in TREND_HEADERS.items()}
    records = []
    for name, group in rows.groupby("indicator", sort=False):
        col = dictionary.BY_NAME.get(name)
        decimals = col.decimals if col else 0
        by_year = group.set_index("year_described")
        record = {headers["indicator"]: dictionary.label(name), headers["unit"]: dictionary.unit(name)}
        for year in years:
            record[str(year)] = format_value(by_year.at[year, "value"], decimals) if year in by_year.index else ""
        editions = group.sort_values("year_described")["edition"]
        record[headers["source"]] = f"{editions.iloc[0]} – {editions.iloc[-1]}"
        records.append(record)
    return pd.DataFrame(records)


def gemeente_values(gemeente: pd.DataFrame | None, prices: Prices, threshold: QuoteThreshold,
                    income_year: int | None) -> pd.Series:
    """The municipality's values by column, including the derived energy estimates (incomes of ``income_year``).

    Empty when the municipality has no ``gemeente`` table (a municipality with wijk figures only).
    """
    if gemeente is None or income_year is None:
        return pd.Series(dtype=float)
    row = gemeente["gemeente"].to_frame().T.reset_index(drop=True)
    return indicators.add_derived(row, prices, threshold, income_year).iloc[0]


def safe_param(value, max_len: int = 40) -> str:
    """A query-parameter value reduced to letters, digits, '_' and '-' for display in messages."""
    text = "".join(ch for ch in str(value) if ch.isalnum() or ch in "_-")
    return text[:max_len]


_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:")


def literal_markdown(text) -> str:
    """User- or file-supplied text made safe to show in a Streamlit message (rendered as Markdown).

    Every Markdown character is backslash-escaped, so a file name or a cell value cannot
    become a link, an image or formatting.
    """
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))
