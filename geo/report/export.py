"""Exports of what a page shows: tables as CSV and Excel, map layers as GeoJSON and GeoPackage, each with metadata.

Pure functions from a table (or a layer) and its description to the bytes of a
file. Headers and attribute names are the labels a user reads on screen, in the
language in force, with their unit (the table's description or the data
dictionary), never internal column names; numbers stay numbers.

The formats, as the README describes them:

* **CSV** in the user's locale, so a double-click opens it right in Excel: Dutch
  ``;`` between fields and a decimal comma, English ``,`` and a decimal point;
  UTF-8 with a byte-order mark (Excel needs it for ``m³``, ``€`` and ``CO₂``); no
  thousands separators. Its metadata is a separate JSON file (:func:`metadata_json`).
* **Excel (xlsx)**: one sheet with the table (numbers as numbers, shown with the
  table's decimals) and a sheet with the metadata.
* **GeoJSON** (RFC 7946): WGS84 longitude/latitude, exterior rings
  counter-clockwise, 6 decimals (about 10 cm); the metadata as a top-level
  ``metadata`` member (a foreign member, which GIS software ignores).
* **GeoPackage**: the layer in RD New (EPSG:28992, the CRS of Dutch municipal
  GIS), plus a table ``metadata`` (key, value) and a table ``attributes`` with
  each attribute's unit, year and meaning.

Text that a spreadsheet would run as a formula (a cell starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is defused: prefixed with ``'``
in a CSV, stored as text with a quote prefix in Excel.

Examples
--------
>>> defuse("=SUM(A1:A9)")
"'=SUM(A1:A9)"
>>> defuse("Heerlerbaan"), defuse(-1.5)
('Heerlerbaan', -1.5)
"""

from __future__ import annotations

import io
import json
import math
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from geo import config
from geo.catalog import dictionary
from geo.i18n import N_, _

# Field separator and decimal mark of a CSV per language: what Excel in that locale opens without an import dialog.
CSV_FORMATS = {"nl": (";", ","), "en": (",", ".")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NO_UNIT = {"", "code", "name", "yes/no"}  # units a header does not repeat
GEOJSON_DECIMALS = 6
GPKG_CRS = config.CRS_METRIC
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GPKG_MIME = "application/geopackage+sqlite3"
GEOJSON_MIME = "application/geo+json"
_PRINTF_DECIMALS = re.compile(r"%\+?(?:\.(\d+))?[fdi]")

# Labels of the metadata rows in an Excel sheet or a GeoPackage table (the JSON keeps the English keys).
ROW_LABELS = {
    "title": N_("Title"),
    "application": N_("Application"),
    "gemeente": N_("Municipality"),
    "method_version": N_("Method version"),
    "language": N_("Language"),
    "exported": N_("Exported on (UTC)"),
    "data_built": N_("Data built on"),
    "raw_data_retrieved": N_("Raw data retrieved (last change in the repository)"),
    "geometry": N_("Geometry"),
    "crs": N_("Coordinate reference system"),
    "csv": N_("CSV format"),
    "settings": N_("Settings"),
    "sources": N_("Source"),
}


def defuse(value):
    """A text cell that a spreadsheet would read as a formula, prefixed with ``'``; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _spec_label(value) -> str:
    return value if isinstance(value, str) else value[0]


def header(name: str, spec: Mapping | None = None) -> str:
    """The header of column ``name`` in the language in force: the table's label, else the dictionary's with its unit.

    A table's label (:mod:`geo.report.tables`) already carries its unit; a
    column of the data dictionary gets ``label (unit)``; any other column keeps
    its name (a page that built the table named it for the reader).
    """
    if spec and name in spec:
        return _(_spec_label(spec[name]))
    column = dictionary.BY_NAME.get(name)
    if column is None:
        return str(name)
    if column.unit in NO_UNIT:
        return column.display_label()
    return column.display_label_with_unit()


def headers(columns: Iterable[str], spec: Mapping | None = None) -> dict[str, str]:
    """Header per column, made unique (a repeated header gets `` (2)``, `` (3)``, ...)."""
    result: dict[str, str] = {}
    seen: set[str] = set()
    for name in columns:
        text, n = header(name, spec), 1
        while text in seen:
            n += 1
            text = f"{header(name, spec)} ({n})"
        seen.add(text)
        result[name] = text
    return result


def decimals(name: str, spec: Mapping | None = None) -> int | None:
    """Decimals a number column is shown with (the table's format, else the dictionary's), ``None`` if not a number."""
    value = (spec or {}).get(name)
    if isinstance(value, tuple):
        if value[1] == "progress":
            return 2
        match = _PRINTF_DECIMALS.fullmatch(str(value[1]))
        return int(match.group(1) or 0) if match else None
    column = dictionary.BY_NAME.get(name)
    return column.decimals if column is not None else None


def frame(df: pd.DataFrame, spec: Mapping | None = None, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The table as exported: the spec's columns in its order, headers for the reader, values untouched.

    ``labels`` overrides the header of a column (a page's own ``column_config`` label).
    """
    if spec:
        df = df[[c for c in spec if c in df.columns]]
    names = headers(df.columns, spec)
    names.update({k: v for k, v in (labels or {}).items() if k in names})
    out = df.copy()
    out.columns = [names[c] for c in df.columns]
    return out.reset_index(drop=True)


def to_csv(df: pd.DataFrame, spec: Mapping | None = None, lang: str = "nl",
           labels: Mapping[str, str] | None = None) -> bytes:
    """The table as CSV in the locale of ``lang`` (see the module notes), formulas defused, UTF-8 with BOM."""
    sep, decimal = CSV_FORMATS.get(lang, CSV_FORMATS["en"])
    out = frame(df, spec, labels)
    out.columns = [defuse(c) for c in out.columns]
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(defuse)
    return out.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n").encode("utf-8-sig")


def _cell_value(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _put(ws, row: int, col: int, value, bold: bool = False):
    cell = ws.cell(row=row, column=col, value=_cell_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would store a text starting with '=' as a live formula
        if cell.value.startswith(FORMULA_START):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    if bold:
        cell.font = Font(bold=True)
    return cell


def _number_format(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def to_xlsx(df: pd.DataFrame, spec: Mapping | None = None, metadata: Mapping | None = None,
            labels: Mapping[str, str] | None = None) -> bytes:
    """The table as an Excel workbook: a sheet with the table and one with the metadata."""
    out = frame(df, spec, labels)
    places = [decimals(c, spec) for c in ([c for c in spec if c in df.columns] if spec else df.columns)]
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(_("Table"))
    for j, name in enumerate(out.columns, start=1):
        _put(ws, 1, j, name, bold=True)
        ws.column_dimensions[get_column_letter(j)].width = min(max(len(str(name)) + 2, 10), 50)
    for i, row in enumerate(out.itertuples(index=False), start=2):
        for j, value in enumerate(row, start=1):
            cell = _put(ws, i, j, value)
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and places[j - 1] is not None:
                cell.number_format = _number_format(places[j - 1])
    ws.freeze_panes = "A2"
    _metadata_sheet(wb, metadata or {})
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_title(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", text)[:31] or "Sheet"


def _metadata_sheet(wb: Workbook, metadata: Mapping) -> None:
    ws = wb.create_sheet(_sheet_title(_("Metadata")))
    for i, row in enumerate(metadata_rows(metadata), start=1):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value, bold=(j == 1))
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 80


def _flat(value) -> str | float | int | bool | None:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def metadata_rows(metadata: Mapping) -> list[tuple]:
    """The metadata as rows for a sheet or a table: (label, value) rows, then one row per column of the export.

    Labels are in the language in force; nested settings become ``Settings: name`` rows.
    """
    rows: list[tuple] = []
    for key, value in metadata.items():
        if key == "columns":
            continue
        label = _(ROW_LABELS[key]) if key in ROW_LABELS else str(key)
        if key == "settings" and isinstance(value, Mapping):
            for name, setting in _settings_items(value):
                rows.append((f"{label}: {name}", _flat(setting)))
        elif key == "sources" and isinstance(value, list):
            rows.extend((label, _source_text(source)) for source in value)
        elif key == "csv" and isinstance(value, Mapping):
            rows.append((label, _("separator “{sep}”, decimal mark “{decimal}”, UTF-8 with BOM").format(
                sep=value.get("separator", ""), decimal=value.get("decimal", ""))))
        else:
            rows.append((label, _flat(value)))
    columns = metadata.get("columns") or []
    if columns:
        rows.append(())
        rows.append((_("Column"), _("Unit"), _("Year"), _("Meaning")))
        rows.extend((c.get("header"), c.get("unit"), c.get("year"), c.get("meaning")) for c in columns)
    return rows


def _settings_items(settings: Mapping, prefix: str = ""):
    for name, value in settings.items():
        if isinstance(value, Mapping):
            yield from _settings_items(value, f"{prefix}{name}: ")
        else:
            yield f"{prefix}{name}", value


def _source_text(source) -> str:
    if not isinstance(source, Mapping):
        return str(source)
    parts = [source.get("title", ""), source.get("publisher", ""), source.get("period", ""), source.get("table", ""),
             source.get("licence", "")]
    return "; ".join(p for p in parts if p)


def metadata_json(metadata: Mapping) -> bytes:
    """The metadata as a UTF-8 JSON file (the sidecar of a CSV)."""
    return json.dumps(metadata, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def column_notes(columns: Iterable[str], spec: Mapping | None = None, years: Mapping | None = None,
                 labels: Mapping[str, str] | None = None) -> list[dict]:
    """Per exported column: its header, unit, the year it describes and its meaning (where the dictionary knows it).

    ``years`` is the ``columns`` mapping of the processed metadata (per column its edition and year).
    """
    columns = list(columns)
    names = headers(columns, spec)
    names.update({k: v for k, v in (labels or {}).items() if k in names})
    notes = []
    for name in columns:
        column = dictionary.BY_NAME.get(name)
        year = (years or {}).get(name, {}).get("year")
        notes.append({
            "header": names[name],
            "unit": column.display_unit() if column is not None and column.unit not in NO_UNIT else "",
            "year": int(year) if year else None,
            "meaning": column.display_meaning() if column is not None else "",
        })
    return notes


def layer(gdf: gpd.GeoDataFrame, columns: Iterable[str]) -> gpd.GeoDataFrame:
    """The map layer as exported: ``columns`` (dictionary headers as attribute names) and the geometry."""
    columns = [c for c in columns if c in gdf.columns]
    names = headers(columns)
    out = gpd.GeoDataFrame(
        {names[c]: gdf[c].to_numpy() for c in columns}, geometry=gdf.geometry.to_numpy(), crs=gdf.crs
    )
    return out


def _rfc7946(geometry: gpd.GeoSeries) -> np.ndarray:
    geoms = shapely.orient_polygons(geometry.to_numpy(), exterior_cw=False)
    return shapely.transform(geoms, lambda xy: np.round(xy, GEOJSON_DECIMALS))


def to_geojson(gdf: gpd.GeoDataFrame, columns: Iterable[str], metadata: Mapping | None = None) -> bytes:
    """The layer as GeoJSON (RFC 7946: WGS84, counter-clockwise exteriors) with a top-level ``metadata`` member."""
    out = layer(gdf, columns).to_crs(config.CRS_WGS84)
    out = out.set_geometry(gpd.GeoSeries(_rfc7946(out.geometry), crs=out.crs, index=out.index))
    collection = json.loads(out.to_json(na="null", drop_id=True))
    collection.pop("crs", None)
    document = {"type": "FeatureCollection", "metadata": dict(metadata or {}), "features": collection["features"]}
    return json.dumps(document, ensure_ascii=False, allow_nan=False, default=str).encode("utf-8")


def to_geopackage(gdf: gpd.GeoDataFrame, columns: Iterable[str], metadata: Mapping | None = None,
                  layer_name: str = "buurten") -> bytes:
    """The layer as a GeoPackage in RD New, with a ``metadata`` table and an ``attributes`` table."""
    columns = list(columns)
    metadata = dict(metadata or {})
    out = layer(gdf, columns).to_crs(GPKG_CRS)
    rows = metadata_rows({k: v for k, v in metadata.items() if k != "columns"})
    meta = pd.DataFrame([(r[0], "" if r[1] is None else str(r[1])) for r in rows], columns=["key", "value"])
    notes = pd.DataFrame(metadata.get("columns") or [], columns=["header", "unit", "year", "meaning"])
    notes = notes.rename(columns={"header": "attribute"}).astype({"year": "Int64"})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.gpkg"
        out.to_file(path, layer=layer_name, driver="GPKG", engine="pyogrio",
                    layer_options={"DESCRIPTION": str(metadata.get("title", ""))})
        _write_table(meta, path, "metadata")
        _write_table(notes, path, "attributes")
        return path.read_bytes()


def _write_table(df: pd.DataFrame, path: Path, name: str) -> None:
    pyogrio.write_dataframe(df, path, layer=name, driver="GPKG")
