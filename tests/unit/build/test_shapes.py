"""The make-data build: edition choice, explicit joins, coverage simplification, and the real result."""

import geopandas as gpd
import pytest
import shapely

from geo import config
from geo.build import shapes


def test_simplified_coverage_keeps_neighbours_touching(three_buurten):
    detailed = three_buurten.to_crs(config.CRS_METRIC)
    # Add many collinear vertices along the shared borders, as real data has.
    detailed["geometry"] = detailed.geometry.segmentize(10)
    simple = shapes.simplify_coverage(detailed.to_crs(config.CRS_WGS84), 8.0, 5)
    vertices = shapely.get_num_coordinates(detailed.geometry.values).sum()
    assert shapely.get_num_coordinates(simple.geometry.values).sum() < vertices / 10
    metric = simple.to_crs(config.CRS_METRIC)
    assert metric.geometry.iloc[0].intersection(metric.geometry.iloc[1]).length > 900  # shared border kept
    assert metric.union_all().area == pytest.approx(3e6, rel=0.01)  # no gaps opened


def test_a_self_crossing_shape_comes_out_as_valid_polygons():
    x0, y0 = 196_000, 321_000
    bow_tie = shapely.Polygon([(x0, y0), (x0 + 1000, y0 + 1000), (x0 + 1000, y0), (x0, y0 + 1000), (x0, y0)])
    square = shapely.box(x0 + 1000, y0, x0 + 2000, y0 + 1000)
    gdf = gpd.GeoDataFrame({"code": ["a", "b"]}, geometry=[bow_tie, square], crs=config.CRS_METRIC)
    simple = shapes.simplify_coverage(gdf, 8.0, 5)
    assert simple.is_valid.all()
    assert simple.geom_type.tolist() == ["MultiPolygon", "Polygon"]  # the two triangles of the bow tie
    assert simple.to_crs(config.CRS_METRIC).area.iloc[0] == pytest.approx(500_000, rel=0.01)


def test_a_shape_lost_in_the_rounding_stays_as_an_empty_row():
    x0, y0 = 196_000, 321_000
    big, tiny = shapely.box(x0, y0, x0 + 1000, y0 + 1000), shapely.box(x0 + 1000, y0, x0 + 1010, y0 + 10)
    gdf = gpd.GeoDataFrame({"code": ["big", "tiny"]}, geometry=[big, tiny], index=[10, 11], crs=config.CRS_METRIC)
    simple = shapes.simplify_coverage(gdf, 8.0, 3)  # 3 decimals: a ~100 m grid
    assert simple.index.tolist() == [10, 11] and simple["code"].tolist() == ["big", "tiny"]
    assert simple.is_empty.tolist() == [False, True]
    assert simple.is_valid.all()
