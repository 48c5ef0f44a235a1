"""The benchmark's map strategies: the 'before' settings, and shapes prepared as a strategy says."""

import geopandas as gpd
import pytest
import shapely

from bench import strategy_variants as sv
from geo import config
from geo.map import strategy as ms


@pytest.fixture
def four_areas() -> gpd.GeoDataFrame:
    """Four 1 km squares in a row, with many vertices; the left two in gemeente A, the right two in B."""
    x0, y0 = 196_000, 321_000
    squares = [shapely.segmentize(shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000), 10) for i in range(4)]
    gdf = gpd.GeoDataFrame({"code": ["a1", "a2", "b1", "b2"], "name": ["A1", "A2", "B1", "B2"],
                            "parent": ["A", "A", "B", "B"], "ind_a": [1.0, 3.0, 10.0, 20.0]},
                           geometry=squares, crs=config.CRS_METRIC)
    return gdf.to_crs(config.CRS_WGS84)


def test_fixed_is_the_strategy_free_pipeline():
    s = sv.fixed(15_000)
    assert (s.level, s.renderer, s.tolerance_m, s.decimals, s.features) == ("buurt", "svg", 8.0, 5, 15_000)
    assert sv.fixed(346, "gemeente").level == "gemeente"


def test_prepare_draws_every_area_simplified_when_the_level_is_kept(four_areas):
    shapes = sv.prepare(four_areas, sv.fixed(4))
    assert shapes["code"].tolist() == ["a1", "a2", "b1", "b2"] and shapes.crs.to_epsg() == 4326
    vertices = shapely.get_num_coordinates(four_areas.geometry.values).sum()
    assert shapely.get_num_coordinates(shapes.geometry.values).sum() < vertices / 10
    x, _ = shapely.get_coordinates(shapes.geometry.values).T
    assert (x.round(5) == x).all()


def test_prepare_draws_the_parent_level_with_mean_values(four_areas):
    strategy = ms.MapStrategy("gemeente", 2, "canvas", 25.0, 4)
    shapes = sv.prepare(four_areas, strategy, "parent", ["ind_a"])
    assert shapes[["code", "name", "ind_a"]].values.tolist() == [["A", "A", 2.0], ["B", "B", 15.0]]
    assert shapes.to_crs(config.CRS_METRIC).area.tolist() == pytest.approx([2e6, 2e6], rel=0.01)


def test_prepare_leaves_out_an_area_lost_in_the_rounding(four_areas):
    x0, y0 = 200_000, 321_000  # a 10 m square next to the row; 3 decimals are a ~100 m grid
    tiny = gpd.GeoDataFrame({"code": ["t"], "name": ["T"], "parent": ["B"], "ind_a": [0.0]},
                            geometry=[shapely.box(x0, y0, x0 + 10, y0 + 10)], crs=config.CRS_METRIC)
    areas = gpd.GeoDataFrame(
        [*four_areas.to_dict("records"), *tiny.to_crs(config.CRS_WGS84).to_dict("records")], crs=config.CRS_WGS84)
    shapes = sv.prepare(areas, ms.MapStrategy("buurt", 5, "svg", 8.0, 3))
    assert shapes["code"].tolist() == ["a1", "a2", "b1", "b2"]
