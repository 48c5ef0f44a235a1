"""Shared checks of tables and geometry layers: codes, numbers, CRS and polygons.

Used by the raw readers of the build and by user uploads; every problem becomes a
:class:`~geo.errors.DataError` with a message a user can act on. Nothing here
changes a file.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import config
from geo.errors import DataError

BUURT_CODE = r"^BU\d{8}$"
WIJK_CODE = r"^WK\d{6}$"
GEMEENTE_CODE = r"^GM\d{4}$"


def check_numeric(df: pd.DataFrame, columns: list[str], what: str) -> pd.DataFrame:
    """Return ``df`` with ``columns`` as floats; text where numbers belong is an error.

    Empty cells stay missing (NaN); they are never filled with zero.
    """
    out = df.copy()
    for col in columns:
        if col not in out.columns:
            raise DataError(f"{what} lacks the column '{col}'.")
        converted = pd.to_numeric(out[col], errors="coerce")
        bad = converted.isna() & out[col].notna() & (out[col].astype(str).str.strip() != "")
        if bad.any():
            example = out.loc[bad, col].astype(str).iloc[0]
            raise DataError(f"{what}: column '{col}' holds text where a number belongs (e.g. '{example}').")
        out[col] = converted.astype(float)
    return out


def validate_polygons(gdf: gpd.GeoDataFrame, code_column: str, code_pattern: str, what: str) -> gpd.GeoDataFrame:
    """Check codes, CRS and geometry of a polygon layer and return it in WGS84.

    Parameters
    ----------
    gdf : GeoDataFrame
        Polygon layer as read.
    code_column : str
        Column holding the region code.
    code_pattern : str
        Regular expression the codes must match.
    what : str
        Name of the layer for messages.

    Returns
    -------
    GeoDataFrame
        The layer in EPSG:4326 with invalid rings repaired by ``make_valid``.
    """
    if code_column not in gdf.columns:
        raise DataError(f"{what} lacks the column '{code_column}'.")
    if gdf.crs is None:
        raise DataError(
            f"{what} has no coordinate reference system; expected WGS84 (EPSG:4326) or RD New (EPSG:28992)."
        )
    if gdf.geometry.isna().any() or gdf.geometry.is_empty.any():
        missing = gdf.loc[gdf.geometry.isna() | gdf.geometry.is_empty, code_column].astype(str).tolist()
        raise DataError(f"{what}: {len(missing)} feature(s) without geometry: {', '.join(missing[:5])}.")
    codes = gdf[code_column].astype(str)
    bad = codes[~codes.str.match(code_pattern)]
    if len(bad):
        raise DataError(f"{what}: codes not in the expected form, e.g. '{bad.iloc[0]}'.")
    if codes.duplicated().any():
        raise DataError(f"{what}: duplicate codes, e.g. '{codes[codes.duplicated()].iloc[0]}'.")
    if not set(gdf.geom_type.unique()) <= {"Polygon", "MultiPolygon"}:
        raise DataError(f"{what}: only polygons are allowed, found {sorted(set(gdf.geom_type))}.")
    out = gdf.to_crs(config.CRS_WGS84)
    minx, miny, maxx, maxy = out.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataError(f"{what}: coordinates are outside longitude/latitude range; is the CRS declared correctly?")
    invalid = ~out.geometry.is_valid
    if invalid.any():
        out.loc[invalid, "geometry"] = out.loc[invalid, "geometry"].make_valid()
    return out
