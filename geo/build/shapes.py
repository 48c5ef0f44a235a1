"""Shapes stage: the one simplification of buurt polygons for the map."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo import config


def repair_polygons(geometries: np.ndarray) -> np.ndarray:
    """Make invalid polygons valid, keeping polygons only.

    Parts that collapse to lines or points are dropped (``method="structure"``,
    ``keep_collapsed=False``), so a map layer stays polygons and GEOS' coverage
    simplifier, which refuses invalid input, accepts the result. Valid shapes are
    returned unchanged.

    Parameters
    ----------
    geometries : ndarray of shapely geometries

    Returns
    -------
    ndarray of shapely geometries
    """
    bad = ~shapely.is_valid(geometries)
    if not bad.any():
        return geometries
    out = geometries.copy()
    out[bad] = shapely.make_valid(out[bad], method="structure", keep_collapsed=False)
    return out


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float, decimals: int) -> gpd.GeoDataFrame:
    """Simplify polygons that tile an area without opening gaps between neighbours.

    The shapes are simplified together as a coverage in a metric CRS (so shared
    borders stay shared), then returned in WGS84 with coordinates rounded to
    ``decimals`` places, which is what keeps the map payload small. A shape the
    reprojection made invalid (a slim ring) is repaired before, one the rounding
    pinched after (:func:`repair_polygons`).

    Parameters
    ----------
    gdf : GeoDataFrame
        Polygons in any CRS that tile an area (a coverage).
    tolerance_m : float
        Simplification tolerance in metres (EPSG:28992).
    decimals : int
        Decimal places kept of the WGS84 coordinates.

    Returns
    -------
    GeoDataFrame
        The same rows, index and other columns, in EPSG:4326. A shape smaller than
        the tolerance can come out empty; it is kept, so rows match the input.
    """
    metric = repair_polygons(gdf.to_crs(config.CRS_METRIC).geometry.to_numpy())
    simplified = gpd.GeoSeries(metric, crs=config.CRS_METRIC, index=gdf.index).simplify_coverage(tolerance_m)
    out = gdf[[c for c in gdf.columns if c != "geometry"]].copy()
    wgs = gpd.GeoSeries(simplified, crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    rounded = repair_polygons(shapely.transform(wgs.to_numpy(), lambda xy: np.round(xy, decimals)))
    return gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(rounded, crs=config.CRS_WGS84, index=gdf.index))
