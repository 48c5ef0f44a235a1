"""Shapes stage: the one simplification of buurt polygons for the map."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo import config


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float, decimals: int) -> gpd.GeoDataFrame:
    """Simplify polygons that tile an area without opening gaps between neighbours.

    The shapes are simplified together as a coverage in a metric CRS (so shared
    borders stay shared), then returned in WGS84 with coordinates rounded to
    ``decimals`` places, which is what keeps the map payload small.
    """
    metric = gdf.to_crs(config.CRS_METRIC)
    simplified = metric.geometry.simplify_coverage(tolerance_m)
    out = gdf[[c for c in gdf.columns if c != "geometry"]].copy()
    wgs = gpd.GeoSeries(simplified, crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    rounded = shapely.transform(wgs.values, lambda xy: np.round(xy, decimals))
    out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(rounded, crs=config.CRS_WGS84, index=gdf.index))
    invalid = ~out.geometry.is_valid
    if invalid.any():
        out.loc[invalid, "geometry"] = out.loc[invalid, "geometry"].make_valid()
    return out
