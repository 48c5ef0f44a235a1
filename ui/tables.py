"""Showing a table: labels in the user's language, numbers in the locale's format, sorting on the values.

The one way to put a table on a page. A table described in :mod:`geo.report.tables`
(labels marked for the catalogue, printf-style number formats) gets translated
column labels; its numbers are formatted by :mod:`geo.i18n` through a pandas
Styler, so a Dutch user reads ``1.234,5`` while a click on the header still
sorts by the number. Streamlit lets ``column_config`` formats override the
Styler's, so number columns here carry a label only.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from geo import i18n
from geo.i18n import _
from ui import exports

MISSING = "–"  # what a missing value looks like in every table (i18n.number writes it so too)
_PRINTF = re.compile(r"%(?P<sign>\+)?(?:\.(?P<decimals>\d+))?[fdi]")


def decimals_of(fmt: str) -> tuple[int, bool]:
    """Decimals and whether to show a plus sign, from a printf format such as ``"%+.1f"`` or ``"%d"``."""
    match = _PRINTF.fullmatch(fmt)
    if not match:
        return 0, False
    return int(match["decimals"] or 0), bool(match["sign"])


def _formatter(decimals: int, sign: bool):
    def fmt(value) -> str:
        text = i18n.number(value, decimals)
        return "+" + text if sign and text != i18n.number(None) and float(value) > 0 else text
    return fmt


def _auto_decimals(values: pd.Series) -> int:
    finite = pd.to_numeric(values, errors="coerce").dropna()
    if finite.empty or (finite.round(0) == finite).all():
        return 0
    return 1 if finite.abs().median() >= 10 else 2


def column_config(spec: dict) -> dict:
    """Streamlit column settings of a table from its :mod:`geo.report.tables` description, labels translated."""
    return {name: _column(value) for name, value in spec.items()}


def _column(value):
    if isinstance(value, str):
        return _(value)
    label, kind, options = (*value, {})[:3]
    label = _(label)
    if kind == "progress":
        return st.column_config.ProgressColumn(label, min_value=0, max_value=1, format="%.2f")
    if kind == "check":
        return st.column_config.CheckboxColumn(label)
    if kind == "text":
        return st.column_config.TextColumn(label, **options)
    if options:  # an editable number column: Streamlit formats it (Styler formats reach only read-only columns)
        return st.column_config.NumberColumn(label, format=kind, **options)
    return st.column_config.NumberColumn(label)


def styled(df: pd.DataFrame, spec: dict | None = None):
    """The table with every number column formatted for the locale (a missing value shows as a dash).

    A table whose numbers read the same in every language (whole numbers below 1,000 only) is returned as is.
    """
    formats = {}
    for name in df.columns:
        if not pd.api.types.is_numeric_dtype(df[name]) or pd.api.types.is_bool_dtype(df[name]):
            continue
        value = (spec or {}).get(name)
        if isinstance(value, tuple) and value[1] in {"progress", "check", "text"}:
            continue
        if isinstance(value, tuple):
            decimals, sign = decimals_of(value[1])
        else:
            decimals, sign = _auto_decimals(df[name]), False
        if decimals == 0 and not sign and _plain_integers(df[name]):
            continue  # every locale writes 0-999 alike: nothing to format
        formats[name] = _formatter(decimals, sign)
    # A Styler costs a render of every cell on each rerun: only when a column needs the locale's format.
    return df.style.format(formats) if formats else df


def _plain_integers(values: pd.Series) -> bool:
    """Whether ``values`` are whole numbers from -999 to 999 without gaps (written alike in every language)."""
    return (pd.api.types.is_integer_dtype(values) and not values.isna().any()
            and (values.empty or int(values.abs().max()) < 1000))


def show(df: pd.DataFrame, spec: dict | None = None, *, download: str | bool = True,
         download_settings: dict | None = None, **kwargs):
    """Put a read-only table on the page (``st.dataframe``) with a download offer (CSV, Excel) under it.

    ``spec`` as in :mod:`geo.report.tables`. ``download`` names the files and the export's title (say what the
    table is, in the user's language; a page showing two tables with the same columns must give distinct names),
    ``False`` leaves the offer out. ``download_settings`` adds the page's own settings (a plain dict of readable
    names and values) to the shared ones in the export's metadata.
    """
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", MISSING)
    own = dict(kwargs.get("column_config") or {})
    if spec is not None:
        df = df[[c for c in spec if c in df.columns]]
        kwargs["column_config"] = {**column_config(spec), **own}
    shown = st.dataframe(styled(df, spec), **kwargs)
    if download:
        exported = df if kwargs["hide_index"] else df.reset_index()
        exported = exported.drop(columns=[c for c, v in own.items() if v is None and c in exported.columns])
        labels = {c: v if isinstance(v, str) else v.get("label") for c, v in own.items()
                  if v is not None and (isinstance(v, str) or (isinstance(v, dict) and v.get("label")))}
        name = download if isinstance(download, str) else kwargs.get("key") or _("table")
        exports.offer_table(exported, spec, name=str(name), labels=labels, extra_settings=download_settings)
    return shown


def edit(df: pd.DataFrame, spec: dict, **kwargs) -> pd.DataFrame:
    """Put an editable table on the page (``st.data_editor``); returns the edited table."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", MISSING)  # an empty cell reads as a dash, not as Python's "None"
    return st.data_editor(styled(df, spec), column_config=column_config(spec), **kwargs)
