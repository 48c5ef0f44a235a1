"""Download offers: every shown table as CSV and Excel, the map layer as GeoJSON and GeoPackage, with metadata.

A small "Download" popover sits under each table and under the map. The files
are built only when the user clicks (``st.download_button`` takes a callable for
``data`` and ``on_click="ignore"`` keeps the page from rerunning), so a rerun
costs a few closures, not a workbook per table. The callable runs in another
thread without the session, so it takes the language along. The file formats
and the metadata are described in :mod:`geo.report.export`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import subprocess
import tomllib
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitDuplicateElementKey

from geo import config, i18n
from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from geo.i18n import _
from geo.report import export
from ui import data, gemeente, settings

APPLICATION = "Buurtkompas"


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=config.ROOT, capture_output=True, text=True, timeout=3, check=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


@functools.cache
def method_version() -> str:
    """The package version from ``pyproject.toml`` with ``git describe`` when the app runs from a checkout."""
    version = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    described = _git("describe", "--always", "--dirty", "--tags")
    return f"{version} ({described})" if described else version


@functools.cache
def raw_data_date() -> str | None:
    """Date the raw files in use were put into the repository (the last commit that changed ``data/raw``).

    The files are copies of the published data, so this is when they were retrieved; ``None`` outside a git
    checkout (no network is asked).
    """
    return _git("log", "-1", "--format=%cs", "--", str(config.RAW_DIR.relative_to(config.ROOT))) or None


def _build_date() -> str | None:
    report = data.paths().join_report
    if not report.exists():
        return None
    return dt.datetime.fromtimestamp(report.stat().st_mtime, dt.UTC).date().isoformat()


def _years() -> dict:
    return data.tables()["metadata"].get("columns", {}) if data.paths().join_report.exists() else {}


def readable_settings(s: settings.Settings, extra: Mapping | None = None) -> dict:
    """The shared settings (prices, threshold, index) as a plain dict with readable names, plus a page's ``extra``."""
    return {
        _("Price year"): s.prices.year,
        _("Gas price (EUR per m³)"): s.prices.gas_eur_per_m3,
        _("Electricity price (EUR per kWh)"): s.prices.electricity_eur_per_kwh,
        _("High energy quote at or above (% of income)"): s.quote_threshold.pct,
        _("Index weights"): {**{_(COMPONENTS[k].label) if k in COMPONENTS else k: w for k, w in s.index.weights},
                             **{u.label: u.weight for u in s.index.user}},  # the user's own figures (My data)
        _("Index normalisation"): _(NORMALISATIONS.get(s.index.method, s.index.method)),
        _("Index, missing values"): _(MISSING_RULES.get(s.index.missing, s.index.missing)),
        **dict(extra or {}),
    }


def context(title: str | Callable[[], str], extra_settings: Mapping | None = None) -> dict:
    """The metadata every export carries, without the export time and the columns (both added at the click).

    The settings are read now, from the session; texts that only the file shows (``title`` may be a callable)
    are translated when the file is built.
    """
    in_force = settings.current()
    return {
        "title": title,
        "application": APPLICATION,
        "gemeente": f"{gemeente.name()} ({gemeente.current().code})",
        "method_version": method_version(),
        "language": i18n.current(),
        "data_built": _build_date(),
        "raw_data_retrieved": raw_data_date(),
        "sources": [
            {"title": s.title, "publisher": s.publisher, "period": s.period, "table": s.table, "licence": s.licence}
            for s in sources.SOURCES.values()
        ],
        "settings": lambda: readable_settings(in_force, extra_settings),
    }


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")[:60]
    return f"buurtkompas-{slug or 'table'}"


def _lazy(lang: str, build: Callable[[dict], bytes], meta: dict) -> Callable[[], bytes]:
    def make() -> bytes:
        with i18n.language(lang):
            resolved = {}
            for k, v in meta.items():
                resolved[k] = v() if callable(v) else v
                if k == "language":
                    resolved["exported"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            return build(resolved)
    return make


def _popover(label: str, key: str):
    """A tertiary popover with a download icon; a key already used in this run gets a suffix (the same table twice)."""
    for n in range(1, 50):
        unique = key if n == 1 else f"{key}-{n}"
        try:
            return unique, st.popover(label, icon=":material/download:", type="tertiary", key=unique)
        except StreamlitDuplicateElementKey:
            continue
    raise StreamlitDuplicateElementKey(key)


def offer_table(df: pd.DataFrame, spec: Mapping | None = None, *, name: str = "table",
                labels: Mapping[str, str] | None = None, extra_settings: Mapping | None = None,
                key: str | None = None) -> None:
    """A "Download" popover with the table as CSV (and its metadata as JSON) and as Excel."""
    lang = i18n.current()
    columns = [c for c in spec if c in df.columns] if spec else list(df.columns)
    base = _slug(name)
    key = key or f"dl.{base}.{hashlib.sha1('|'.join(map(str, columns)).encode()).hexdigest()[:8]}"
    years = _years()
    meta = context(name, extra_settings)
    sep, decimal = export.CSV_FORMATS[lang]
    meta["csv"] = {"separator": sep, "decimal": decimal, "encoding": "UTF-8 with BOM"}

    def with_columns(m: dict) -> dict:
        return {**m, "columns": export.column_notes(columns, spec, years, labels)}

    key, popover = _popover(_("Download"), key)
    with popover:
        st.download_button(
            _("Excel (xlsx)"), _lazy(lang, lambda m: export.to_xlsx(df, spec, with_columns(m), labels), meta),
            file_name=f"{base}.xlsx", mime=export.XLSX_MIME, key=f"{key}.xlsx", on_click="ignore",
        )
        st.download_button(
            _("CSV"), _lazy(lang, lambda m: export.to_csv(df, spec, lang, labels), meta),
            file_name=f"{base}.csv", mime="text/csv", key=f"{key}.csv", on_click="ignore",
        )
        st.download_button(
            _("Metadata of the CSV (JSON)"), _lazy(lang, lambda m: export.metadata_json(with_columns(m)), meta),
            file_name=f"{base}.metadata.json", mime="application/json", key=f"{key}.json", on_click="ignore",
        )
        st.caption(_("CSV: fields separated by “{sep}”, decimal mark “{decimal}”, UTF-8. "
                     "Sources, dates and settings are in the metadata.").format(sep=sep, decimal=decimal))


def csv_data(df: pd.DataFrame, spec: Mapping | None = None) -> Callable[[], bytes]:
    """The table as CSV in the user's locale, for a page's own ``st.download_button`` (built at the click)."""
    lang = i18n.current()

    def make() -> bytes:
        with i18n.language(lang):
            return export.to_csv(df, spec, lang)
    return make


def layer_columns(indicator: str) -> list[str]:
    """Attributes of the exported map layer: the buurt and its wijk, the indicator shown and the index."""
    names = ["buurt_code", "buurt_name", "wijk_code", "wijk_name", indicator, "energy_poverty_index"]
    return list(dict.fromkeys(names))


def layer_frame(indicator: str, table: pd.DataFrame, buurten: pd.DataFrame) -> pd.DataFrame:
    """The full-resolution buurt polygons (not the simplified map shapes) with the layer's attributes.

    ``table`` is the buurt table of the settings in force (:func:`ui.data.current_table`), ``buurten`` the processed
    buurten (:func:`ui.data.buurten`).
    """
    attributes = [c for c in layer_columns(indicator)[1:] if c in table.columns]
    return buurten[["buurt_code", "geometry"]].merge(table[attributes], left_on="buurt_code", right_index=True,
                                                     how="left")


def offer_layer(indicator: str, key: str = "map.download") -> None:
    """A "Download map layer" popover: the buurten with the indicator shown and the index, as GeoJSON and GeoPackage."""
    lang = i18n.current()
    table, buurten = data.current_table(), data.buurten()  # read now, in the session; the file is built at the click
    columns = layer_columns(indicator)
    years = _years()
    meta = context(lambda: _("Map layer: {indicator}").format(indicator=export.header(indicator)))
    meta["geometry"] = lambda: _("Full-resolution buurt polygons, CBS / Kadaster Wijk- en buurtkaart 2023 "
                                 "(not the simplified shapes the map draws)")
    base = _slug(f"map-{indicator}")

    def geojson(m: dict) -> bytes:
        m = {**m, "crs": "EPSG:4326 (WGS 84, RFC 7946)", "columns": export.column_notes(columns, None, years)}
        return export.to_geojson(layer_frame(indicator, table, buurten), columns, m)

    def geopackage(m: dict) -> bytes:
        m = {**m, "crs": "EPSG:28992 (Amersfoort / RD New)", "columns": export.column_notes(columns, None, years)}
        return export.to_geopackage(layer_frame(indicator, table, buurten), columns, m)

    key, popover = _popover(_("Download map layer"), key)
    with popover:
        st.download_button(_("GeoPackage (RD New)"), _lazy(lang, geopackage, meta), file_name=f"{base}.gpkg",
                           mime=export.GPKG_MIME, key=f"{key}.gpkg", on_click="ignore")
        st.download_button(_("GeoJSON (WGS 84)"), _lazy(lang, geojson, meta), file_name=f"{base}.geojson",
                           mime=export.GEOJSON_MIME, key=f"{key}.geojson", on_click="ignore")
        st.caption(_("The buurten at full resolution with the indicator shown and the energy-poverty index; "
                     "sources, dates and settings are inside each file."))
