"""Shared checks of tables and geometry layers: codes, numbers, CRS and polygons.

Used by the raw readers of the build and by user uploads; every problem becomes a
:class:`~geo.errors.DataError` with a message a user can act on, in the language in force
(``what`` names the table or layer and is given in that language by the caller). Nothing here
changes a file.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import config
from geo.errors import DataError
from geo.i18n import _, number

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
            raise DataError(_("{what} lacks the column '{column}'.").format(what=what, column=col))
        converted = pd.to_numeric(out[col], errors="coerce")
        bad = converted.isna() & out[col].notna() & (out[col].astype(str).str.strip() != "")
        if bad.any():
            example = out.loc[bad, col].astype(str).iloc[0]
            raise DataError(_("{what}: column '{column}' holds text where a number belongs (e.g. '{example}').").format(
                what=what, column=col, example=example))
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
        raise DataError(_("{what} lacks the column '{column}'.").format(what=what, column=code_column))
    if gdf.crs is None:
        raise DataError(
            _("{what} has no coordinate reference system; expected WGS84 (EPSG:4326) or RD New (EPSG:28992).")
            .format(what=what)
        )
    if gdf.geometry.isna().any() or gdf.geometry.is_empty.any():
        missing = gdf.loc[gdf.geometry.isna() | gdf.geometry.is_empty, code_column].astype(str).tolist()
        raise DataError(_("{what}: {n} feature(s) without geometry: {codes}.").format(
            what=what, n=number(len(missing)), codes=", ".join(missing[:5])))
    codes = gdf[code_column].astype(str)
    bad = codes[~codes.str.match(code_pattern)]
    if len(bad):
        raise DataError(_("{what}: codes not in the expected form, e.g. '{code}'.").format(what=what, code=bad.iloc[0]))
    if codes.duplicated().any():
        raise DataError(_("{what}: duplicate codes, e.g. '{code}'.").format(
            what=what, code=codes[codes.duplicated()].iloc[0]))
    if not set(gdf.geom_type.unique()) <= {"Polygon", "MultiPolygon"}:
        raise DataError(_("{what}: only polygons are allowed, found {types}.").format(
            what=what, types=", ".join(sorted(set(gdf.geom_type)))))
    out = gdf.to_crs(config.CRS_WGS84)
    minx, miny, maxx, maxy = out.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataError(_("{what}: coordinates are outside longitude/latitude range; is the CRS declared correctly?")
                        .format(what=what))
    invalid = ~out.geometry.is_valid
    if invalid.any():
        out.loc[invalid, "geometry"] = out.loc[invalid, "geometry"].make_valid()
    return out
