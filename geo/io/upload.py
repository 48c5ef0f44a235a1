"""Reading a user's file of transformation locations, safely.

A market party or the municipality can upload the locations they have in mind:
a CSV with buurt codes, or a GeoJSON of points or polygons in any declared CRS.
Every problem becomes a :class:`~geo.errors.DataError` with a message for the user, in the
language in force; nothing is written anywhere.
"""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import shape

from geo import config
from geo.errors import DataError
from geo.i18n import _, number
from geo.io.checks import BUURT_CODE

MAX_BYTES = 5 * 1024 * 1024
MAX_FEATURES = 10_000


def _read_csv(data: bytes, buurt_codes: set[str]) -> list[str]:
    try:
        df = pd.read_csv(io.BytesIO(data), dtype=str)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
        raise DataError(_("The CSV file could not be read: is it a comma-separated text file?")) from None
    code_columns = {"buurt_code", "buurtcode", "cbs-buurtcode", "bu_code"}
    column = next((c for c in df.columns if c.strip().lower() in code_columns), None)
    if column is None:
        raise DataError(_("The CSV file needs a column 'buurt_code' with CBS buurt codes (BU followed by 8 digits)."))
    codes = df[column].dropna().str.strip().str.upper()
    malformed = codes[~codes.str.match(BUURT_CODE)]
    if len(malformed):
        raise DataError(_("'{text}' is not a buurt code (expected BU followed by 8 digits).").format(
            text=malformed.iloc[0][:20]))
    unknown = sorted(set(codes) - buurt_codes)
    if unknown:
        raise DataError(_("Not a buurt of this municipality: {codes}.").format(
            codes=", ".join(u[:12] for u in unknown[:5])))
    return sorted(set(codes))


def _read_geojson(data: bytes, buurten: gpd.GeoDataFrame) -> list[str]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError(_("The GeoJSON file is not valid JSON.")) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise DataError(_("The GeoJSON file must be a FeatureCollection."))
    features = doc["features"]
    if not features:
        raise DataError(_("The GeoJSON file has no features."))
    if len(features) > MAX_FEATURES:
        raise DataError(_("The GeoJSON file has {n} features; at most {most} are read.").format(
            n=number(len(features)), most=number(MAX_FEATURES)))
    geoms = []
    for i, f in enumerate(features):
        g = f.get("geometry") if isinstance(f, dict) else None
        if not g:
            raise DataError(_("Feature {i} has no geometry.").format(i=i + 1))
        try:
            geoms.append(shape(g))
        except (ValueError, TypeError, KeyError, AttributeError):
            raise DataError(_("Feature {i} has a geometry that cannot be read.").format(i=i + 1)) from None
    crs_name = (((doc.get("crs") or {}).get("properties") or {}).get("name")) or config.CRS_WGS84
    try:
        gdf = gpd.GeoDataFrame(geometry=geoms, crs=crs_name)
    except Exception:  # pyproj raises its own CRSError for names it does not know
        message = _("The coordinate reference system '{crs}' is not known.").format(crs=str(crs_name)[:40])
        raise DataError(message) from None
    gdf = gdf.to_crs(config.CRS_WGS84)
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataError(_("The coordinates are not longitude/latitude; declare the CRS (e.g. EPSG:28992) in the file."))
    gdf["geometry"] = gdf.geometry.make_valid()
    hits = gpd.sjoin(gdf, buurten[["buurt_code", "geometry"]], how="inner", predicate="intersects")
    if hits.empty:
        raise DataError(
            _("None of the locations lies in a buurt of this municipality. Are the coordinates in the right order "
              "(lon, lat)?")
        )
    return sorted(hits["buurt_code"].unique())


def locations_to_buurten(data: bytes, filename: str, buurten: gpd.GeoDataFrame) -> list[str]:
    """Buurt codes of the uploaded transformation locations.

    Parameters
    ----------
    data : bytes
        The uploaded file.
    filename : str
        Its name; the extension decides the format (.csv, .geojson or .json).
    buurten : GeoDataFrame
        Heerlen buurten (``buurt_code`` + polygons, EPSG:4326).

    Returns
    -------
    list of str
        Sorted buurt codes.
    """
    if len(data) > MAX_BYTES:
        raise DataError(_("The file is larger than {mb} MB.").format(mb=MAX_BYTES // (1024 * 1024)))
    name = filename.lower()
    if name.endswith(".csv"):
        return _read_csv(data, set(buurten["buurt_code"]))
    if name.endswith((".geojson", ".json")):
        return _read_geojson(data, buurten)
    raise DataError(_("Upload a .csv with buurt codes or a .geojson with locations."))
