"""Pages for a municipality with wijk figures only (from the national wijken table): what is there, what is not.

Such a municipality's folder holds ``wijken.parquet`` (wijk code and name and the indicator columns of
:mod:`geo.catalog.dictionary`), ``wijken_map.parquet`` and ``join_report.json`` (with ``gemeente.level ==
"wijk"``): no buurten, no housing stock, no trends. The Overview and Data & method show what it has and say
plainly what it lacks and how to add it; the Map explorer maps it per wijk (:mod:`ui.mapview`).
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from geo import i18n
from geo.catalog import dictionary
from geo.i18n import N_, _
from geo.io.municipalities import Municipality
from ui import data, tables

# What needs buurt data, in the user's words (the pages and parts a wijk-level municipality does not have).
NEEDS_BUURTEN = (N_("the map per buurt"), N_("the energy-poverty estimates (LIHELEK, HEQ, LEKWI)"),
                 N_("the energy-poverty index"), N_("retrofit"), N_("new-build"), N_("trends over the years"),
                 N_("the briefing"))


def indicators() -> list[str]:
    """The dictionary's columns the wijk table has with at least one value, in dictionary order."""
    table = data.tables()["wijken"]
    return [c for c in dictionary.BY_NAME if c in table and pd.to_numeric(table[c], errors="coerce").notna().any()]


def how_to_add(m: Municipality) -> str:
    """The commands that add the buurt data of ``m`` (the user's language)."""
    return _("To add the buurt data, with internet: `make refresh GM={code}`, then `make data GM={code}`, and "
             "reload.").format(code=m.code)


def overview(m: Municipality) -> None:
    """The Overview of a wijk-level municipality: what is available, what is not, and its wijk figures."""
    meta = data.tables()["metadata"]
    wijken = data.tables()["wijken"]
    shown = indicators()
    year = (meta.get("gemeente") or {}).get("boundaries_year", "–")
    st.caption(_("Wijk figures from the national CBS wijken table (boundaries {year}).").format(year=year))
    st.info(" ".join([
        _("For {gemeente} only wijk figures are present: {n} wijken with {figures}.").format(
            gemeente=m.name, n=i18n.number(len(wijken)),
            figures=", ".join(dictionary.label(c) for c in shown) or "–"),
        _("Available now: the Map explorer per wijk and the national and Parkstad context."),
        _("Not available without buurt data: {parts}.").format(parts=", ".join(_(p) for p in NEEDS_BUURTEN)),
        how_to_add(m)]), icon=":material/info:")
    st.subheader(_("Wijk figures"))
    years = meta.get("columns", {})
    headers = {"wijk_name": _("Wijk"), **{c: dictionary.label_with_unit(c) for c in shown}}  # in this language
    table = wijken.sort_values("wijk_name")[list(headers)].rename(columns=headers).reset_index(drop=True)
    tables.show(table, download=_("Wijk figures of {gemeente}").format(gemeente=m.name))
    st.caption(" ".join(_("{figure}: {year} ({edition}).").format(
        figure=dictionary.label(c), year=years.get(c, {}).get("year", "–"),
        edition=years.get(c, {}).get("edition", "–")) for c in shown))


def _coverage(text) -> str:
    """The build's "3 of 3" in the user's language (any other text as it is)."""
    found = re.fullmatch(r"\s*(\d+) of (\d+)\s*", str(text or ""))
    if not found:
        return str(text) if text else "–"
    return _("{n} of {total}").format(n=i18n.number(int(found[1])), total=i18n.number(int(found[2])))


def method(m: Municipality) -> None:
    """Data & method of a wijk-level municipality: each figure with its edition, year and coverage."""
    meta = data.tables()["metadata"]
    st.info(_("For {gemeente} only wijk figures are present, from the national CBS wijken table. The sections on "
              "buurten (joins, coverage, housing stock, validation, retrofit and new-build models) need buurt data. "
              "{how}").format(gemeente=m.name, how=how_to_add(m)), icon=":material/info:")
    st.header(_("Figures per wijk"))
    headers = [_("Figure"), _("Unit"), _("Year"), _("Source"), _("Wijken with a figure")]
    rows = [(dictionary.label(c), dictionary.unit(c), str(info.get("year", "–")), str(info.get("edition", "–")),
             _coverage(info.get("coverage")))
            for c, info in meta.get("columns", {}).items() if c in dictionary.BY_NAME and isinstance(info, dict)]
    tables.show(pd.DataFrame(rows, columns=headers), download=_("Figures per wijk"))
