r"""An uploaded file as a layer of the map: what was read, what was repaired or left out, what to tell the user.

:func:`read_layer` is the one way the app reads a user's file (the My data page, the market
pipeline and the New-build page's transformation locations all use it).

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import box
>>> buurten = gpd.GeoDataFrame({"buurt_code": ["BU09171000"], "buurt_name": ["Maria Gewanden"],
...                             "wijk_code": ["WK091710"], "wijk_name": ["Heerlen-Centrum"]},
...                            geometry=[box(5.97, 50.88, 5.99, 50.89)], crs="EPSG:4326")
>>> layer = read_layer(b"buurt;aantal laadpalen\n0917 1000;12\n", "palen.csv", buurten)
>>> layer.joined_by, layer.numeric, layer.frame["_code"].tolist()
('buurt_code', ('aantal laadpalen',), ['BU09171000'])
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo.errors import DataError
from geo.i18n import _, ngettext, number
from geo.io.layers import files, locate
from geo.io.layers.values import is_blank, numeric_column

MAX_BYTES, MAX_FEATURES, EXTENSIONS = files.MAX_BYTES, files.MAX_FEATURES, files.EXTENSIONS
CODE = "_code"  # the buurt or wijk code a row was joined by (tables joined by code or name)
GEOMETRY_KINDS = {0: "points", 1: "lines", 2: "polygons"}


@dataclass(frozen=True, eq=False)
class Layer:
    """A user's file on the map, in EPSG:4326, with the account of how it was read.

    Attributes
    ----------
    name : str
        The file name as uploaded (raw: escape it where shown).
    key : str
        A hash of the content: the same file gives the same key (it keys caches and settings).
    frame : GeoDataFrame
        The rows kept, their columns as read (numeric columns as floats) and ``geometry`` in EPSG:4326;
        a table joined by code or name has :data:`CODE` too.
    kind : str
        The file kind (:data:`geo.io.layers.files.KINDS`).
    geometry_kind : str
        "points", "lines", "polygons" or "mixed".
    joined_by : str
        "geometry", "buurt_code", "wijk_code", "coordinates" or "name".
    rows_read : int
        Rows or features in the file.
    numeric : tuple of str
        Columns read as numbers (what a sum or a mean can use).
    labels : tuple of str
        Columns that can label a feature in the tooltip.
    notes : tuple of str
        What was read in an unexpected way, repaired or left out (in the language in force).
    unmatched : tuple of str
        Codes or names that match no buurt or wijk (tables joined by code or name).
    """

    name: str
    key: str
    frame: gpd.GeoDataFrame
    kind: str
    geometry_kind: str
    joined_by: str
    rows_read: int
    numeric: tuple = ()
    labels: tuple = ()
    notes: tuple = ()
    unmatched: tuple = field(default=())

    @property
    def rows_kept(self) -> int:
        """Rows or features on the map."""
        return len(self.frame)


def content_key(data: bytes) -> str:
    """A short hash of a file's content.

    Examples
    --------
    >>> content_key(b"abc")
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(data).hexdigest()[:16]


def _numbers(frame: pd.DataFrame, dutch: bool, skip: set) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Numeric columns converted to floats, their names and notes on markers, text and negative counts."""
    out, numeric, notes = frame.copy(), [], []
    for col in frame.columns:
        if col in skip or col == "geometry":
            continue
        if pd.api.types.is_bool_dtype(frame[col]):
            continue
        read = numeric_column(frame[col].astype(object), str(col), dutch)
        if read is None:
            continue
        out[col] = read.values
        numeric.append(col)
        name = str(col)[:40]
        if read.markers:
            notes.append(ngettext("Column '{column}': {n} cell holds a CBS marker ('.', 'x', '-': secret or unknown) "
                                  "and is read as missing, never as zero.", "Column '{column}': {n} cells hold a CBS "
                                  "marker ('.', 'x', '-': secret or unknown) and are read as missing, never as zero.",
                                  read.markers).format(column=name, n=number(read.markers)))
        if read.text:
            notes.append(ngettext("Column '{column}': {n} cell holds text where a number belongs (e.g. '{example}') "
                                  "and is read as missing.", "Column '{column}': {n} cells hold text where a number "
                                  "belongs (e.g. '{example}') and are read as missing.", read.text).format(
                column=name, n=number(read.text), example=read.text_example))
        if read.negative_counts:
            notes.append(ngettext("Column '{column}': {n} negative count is read as missing.",
                                  "Column '{column}': {n} negative counts are read as missing.",
                                  read.negative_counts).format(column=name, n=number(read.negative_counts)))
    return out, numeric, notes


def _text_cells(frame: pd.DataFrame, numeric: list[str]) -> pd.DataFrame:
    """Every other column as text (None where empty), so any value shows as written."""
    out = frame.copy()
    for col in out.columns:
        if col in numeric or col == "geometry":
            continue
        out[col] = [None if is_blank(v) else str(v).strip() for v in out[col]]
    return out


def _geometry_kind(gdf: gpd.GeoDataFrame) -> str:
    dims = {locate.DIMENSION.get(t, 2) for t in gdf.geom_type.dropna().unique()}
    return GEOMETRY_KINDS[dims.pop()] if len(dims) == 1 else "mixed"


def read_layer(data: bytes, filename: str, buurten: gpd.GeoDataFrame, max_bytes: int = MAX_BYTES,
               max_features: int = MAX_FEATURES) -> Layer:
    """Read an uploaded file as a layer of the municipality's map.

    Parameters
    ----------
    data : bytes
        The file (GeoJSON, GeoPackage, zipped Shapefile, CSV or xlsx; the content decides).
    filename : str
        Its name as uploaded.
    buurten : GeoDataFrame
        The municipality's buurten (``buurt_code``, ``buurt_name``, ``wijk_code``, ``wijk_name``, EPSG:4326).
    max_bytes, max_features : int
        The limits (50 MB, 100,000 rows or features).

    Returns
    -------
    Layer

    Raises
    ------
    DataError
        With the message for the user when nothing usable can be read.
    """
    read = files.read_file(data, filename, max_bytes, max_features)
    notes = list(read.notes)
    frame = read.frame
    rows_read = len(frame)
    has_geometry = isinstance(frame, gpd.GeoDataFrame) and frame.geometry.notna().any() and not (
        frame.geometry.is_empty.all())
    if not has_geometry:
        table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
        if read.kind in ("geojson", "gpkg", "shapefile"):
            notes.append(_("The file has no geometry; its rows were placed by code, coordinates or name."))
        duplicates = int(table.astype(str).duplicated().sum())
        if duplicates:
            table = table[~table.astype(str).duplicated()]
            notes.append(ngettext("{n} row repeats an earlier row exactly and was left out.",
                                  "{n} rows repeat an earlier row exactly and were left out.", duplicates).format(
                n=number(duplicates)))
        located = locate.locate_table(table, buurten, read.dutch)
        gdf, joined_by, unmatched = located.frame, located.joined_by, located.unmatched
        notes += located.notes
        skip = {located.key_column} if located.key_column else set()
        if joined_by == "coordinates":
            gdf, far = locate.within_reach(gdf, buurten)
            notes += far
    else:
        gdf, crs_notes = locate.to_wgs84(frame, read.declared_crs, geojson=(read.kind == "geojson"))
        notes += crs_notes
        gdf, repaired = locate.repair(gdf)
        notes += repaired
        gdf, far = locate.within_reach(gdf, buurten)
        notes += far
        joined_by, unmatched, skip = "geometry", [], set()
    gdf, numeric, number_notes = _numbers(gdf, read.dutch, skip | {CODE})
    notes += number_notes
    gdf = _text_cells(gdf, numeric)
    labels = tuple(c for c in gdf.columns if c not in ("geometry", CODE))
    return Layer(name=filename, key=content_key(data), frame=gpd.GeoDataFrame(gdf, geometry="geometry"),
                 kind=read.kind, geometry_kind=_geometry_kind(gdf), joined_by=joined_by, rows_read=rows_read,
                 numeric=tuple(numeric), labels=labels, notes=tuple(notes), unmatched=tuple(unmatched))


def unmatched_note(layer: Layer) -> str | None:
    """One sentence listing the codes or names that match no buurt or wijk (at most 20), or None."""
    if not layer.unmatched:
        return None
    shown = ", ".join(layer.unmatched[:20]) + (" …" if len(layer.unmatched) > 20 else "")
    return ngettext("{n} value matches no buurt or wijk of the municipality: {values}.",
                    "{n} values match no buurt or wijk of the municipality: {values}.",
                    len(layer.unmatched)).format(n=number(len(layer.unmatched)), values=shown)


def buurt_codes(layer: Layer, buurten: gpd.GeoDataFrame) -> list[str]:
    """The buurten a layer touches (points in, lines across, areas overlapping), sorted.

    A row joined by a buurt code gives that buurt; by a wijk code, every buurt of the wijk.

    Raises
    ------
    DataError
        When the layer touches no buurt of the municipality.
    """
    gdf = layer.frame
    if CODE in gdf and layer.joined_by == "buurt_code":
        found = set(gdf[CODE].dropna())
    else:
        hits = gpd.sjoin(gdf[["geometry"]], buurten[["buurt_code", "geometry"]], how="inner",
                         predicate="intersects")
        found = set(hits["buurt_code"])
        if gdf.geom_type.isin(["Polygon", "MultiPolygon"]).any():  # neighbours that only share an edge do not count
            inner = gpd.sjoin(gdf[["geometry"]], buurten[["buurt_code", "geometry"]], how="inner",
                              predicate="overlaps")
            within = gpd.sjoin(gdf[["geometry"]], buurten[["buurt_code", "geometry"]], how="inner",
                               predicate="within")
            contains = gpd.sjoin(gdf[["geometry"]], buurten[["buurt_code", "geometry"]], how="inner",
                                 predicate="contains")
            points = gdf[~gdf.geom_type.isin(["Polygon", "MultiPolygon"])]
            touched = gpd.sjoin(points[["geometry"]], buurten[["buurt_code", "geometry"]], how="inner",
                                predicate="intersects") if len(points) else pd.DataFrame(columns=["buurt_code"])
            found = (set(inner["buurt_code"]) | set(within["buurt_code"]) | set(contains["buurt_code"])
                     | set(touched["buurt_code"]))
    if not found:
        raise DataError(_("None of the locations lies in a buurt of the municipality. Are the coordinates right (lon, "
                          "lat, or RD New)?"))
    return sorted(found)
