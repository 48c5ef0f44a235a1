"""Packed shapes: what the browser decodes is the shape on the grid, much smaller than GeoJSON, order kept."""

import json

import numpy as np
import pytest
import shapely

from geo.map import packed


@pytest.fixture
def grid_of_squares():
    """Nine ~1 km squares near Heerlen with a vertex every ~100 m; the middle one has a hole."""
    squares = [shapely.segmentize(shapely.box(5.9 + i * 0.014, 50.88 + j * 0.009, 5.9 + (i + 1) * 0.014,
                                              50.88 + (j + 1) * 0.009), 0.0014) for i in range(3) for j in range(3)]
    squares[4] = shapely.Polygon(squares[4].exterior, [shapely.box(5.918, 50.892, 5.92, 50.894).exterior.coords])
    return squares


def test_varints_round_trip_signed_numbers_and_small_ones_take_one_byte():
    values = np.array([0, 1, -1, 63, -64, 64, 8191, -8192, 123456789, -2**40])
    assert packed.read_varints(packed.varints(values)) == values.tolist()
    assert len(packed.varints(np.array([5, -7, 63, -64]))) == 4


def test_shapes_come_back_on_the_grid_in_their_order(grid_of_squares):
    p = packed.pack(grid_of_squares + [shapely.Polygon()], quantum_m=2.0)
    back = packed.unpack(p)
    assert p.count == len(back) == 10 and back[-1].is_empty  # an empty shape keeps its place
    for before, after in zip(grid_of_squares, back[:-1], strict=True):
        assert shapely.hausdorff_distance(before, after) < 3e-5  # ~2 m: within a grid step
        assert abs(after.area - before.area) / before.area < 5e-3
    assert len(back[4].interiors) == 1  # the hole survives


def test_packed_is_far_smaller_than_geojson(grid_of_squares):
    p = packed.pack(grid_of_squares, quantum_m=5.0)
    geojson = json.dumps(shapely.to_geojson(shapely.GeometryCollection(grid_of_squares)))
    assert len(json.dumps(p.as_json())) < len(geojson) / 3


def test_a_part_smaller_than_the_grid_is_left_out_and_multipolygons_stay_whole(grid_of_squares):
    speck = shapely.box(6.0, 51.0, 6.00001, 51.00001)  # ~1 m
    multi = shapely.MultiPolygon([grid_of_squares[0], grid_of_squares[8], speck])
    back = packed.unpack(packed.pack([multi], quantum_m=20.0))[0]
    assert back.geom_type == "MultiPolygon" and len(back.geoms) == 2


def test_grid_step_must_be_positive(grid_of_squares):
    with pytest.raises(ValueError, match="grid step"):
        packed.pack(grid_of_squares, 0)
