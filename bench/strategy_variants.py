"""The map strategies the scale benchmark compares, and the shapes each one draws.

The app only asks :func:`geo.map.strategy.choose`; the benchmark also needs what the
app drew before the strategy existed (:data:`FIXED`, :func:`fixed`) and the shapes a
strategy says to draw, aggregated to its level if needed (:func:`prepare`). The
simplification is the build's own, :func:`geo.build.shapes.simplify_coverage`, so
the benchmark measures the one the product ships.
"""

from __future__ import annotations

import geopandas as gpd

from geo import config
from geo.build.shapes import simplify_coverage
from geo.map.strategy import BASE_TOLERANCE_M, MapStrategy

# What the app drew before the strategy existed, for comparison in the benchmark.
FIXED = MapStrategy("buurt", 0, "svg", BASE_TOLERANCE_M, 5)


def fixed(features: int, level: str = "buurt") -> MapStrategy:
    """Return the strategy-free pipeline: every area, SVG, 8 m, 5 decimals (the 'before')."""
    return MapStrategy(level, features, FIXED.renderer, FIXED.tolerance_m, FIXED.decimals)


def prepare(gdf: gpd.GeoDataFrame, strategy: MapStrategy, parent_column: str | None = None, value_columns=(),
            code_column: str = "code") -> gpd.GeoDataFrame:
    """Prepare the shapes as the strategy says to draw them: aggregated if asked, simplified once as a coverage.

    Parameters
    ----------
    gdf : GeoDataFrame
        Full-resolution areas (any CRS) with ``code_column`` and, for an aggregated
        level, ``parent_column``.
    strategy : MapStrategy
        From :func:`geo.map.strategy.choose`; when ``strategy.level`` is not the input
        level the areas are dissolved by ``parent_column`` and ``value_columns``
        averaged (unweighted: a stand-in for the parent level's own statistics,
        which should be used when available).
    parent_column : str, optional
        Column with the code of each area's parent; None draws the areas themselves.
    value_columns : sequence of str
        Indicator columns carried to the parent level.
    code_column : str
        Name of the code column; an aggregate's code and name are its parent code.

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, simplified with ``strategy.tolerance_m`` and rounded to
        ``strategy.decimals``; areas that vanish in the simplification are left out.
    """
    if parent_column is not None and strategy.features and strategy.features < len(gdf):
        metric = gdf.to_crs(config.CRS_METRIC)[[parent_column, *value_columns, "geometry"]]
        try:
            merged = metric.dissolve(by=parent_column, aggfunc="mean", method="coverage")
        except Exception:  # not a clean coverage: the slower, robust union
            merged = metric.dissolve(by=parent_column, aggfunc="mean")
        gdf = merged.reset_index().rename(columns={parent_column: code_column})
        gdf["name"] = gdf[code_column]
    out = simplify_coverage(gdf, strategy.tolerance_m, strategy.decimals)
    return out[~out.geometry.is_empty]
