"""The map strategy: what is drawn, and how, as the number of areas grows."""

import pytest

from geo import config
from geo.map import strategy as ms


def test_heerlen_keeps_what_the_app_always_drew():
    s = ms.choose(57, 14_467)
    drawn = (s.level, s.renderer, s.tolerance_m, s.decimals)
    assert drawn == ("buurt", "svg", config.SIMPLIFY_TOLERANCE_M, config.COORD_DECIMALS)
    assert not s.prefer_canvas


def test_thousands_of_areas_switch_to_canvas_and_coarser_shapes():
    s = ms.choose(3_475, 132_210)
    assert s.renderer == "canvas" and s.prefer_canvas
    assert s.tolerance_m > config.SIMPLIFY_TOLERANCE_M
    assert s.decimals < config.COORD_DECIMALS
    assert s.level == "buurt"  # no parent given: still every area


def test_many_vertices_alone_switch_to_canvas():
    assert ms.choose(300, ms.SVG_MAX_VERTICES + 1).renderer == "canvas"
    assert ms.choose(300, ms.SVG_MAX_VERTICES).renderer == "svg"


def test_above_the_detail_limit_the_first_small_enough_parent_is_drawn():
    s = ms.choose(15_000, 2_000_000, parents={"wijk": 6_000, "gemeente": 346})
    assert s.level == "gemeente" and s.features == 346
    s = ms.choose(15_000, 2_000_000, parents={"wijk": 1_500, "gemeente": 346})
    assert s.level == "wijk" and s.features == 1_500 and s.renderer == "canvas"
    s = ms.choose(3_475, 132_210, "wijk", parents={"gemeente": 346})
    assert s.level == "gemeente"


def test_without_a_parent_a_large_set_is_drawn_coarse_on_canvas():
    s = ms.choose(15_000, 2_000_000)
    assert (s.level, s.features, s.renderer) == ("buurt", 15_000, "canvas")
    assert s.tolerance_m == ms.MAX_TOLERANCE_M


def test_tolerance_never_decreases_with_more_areas():
    counts = [0, 57, 346, 1_000, 1_001, 3_475, 5_000, 15_000, 20_001, 10**6]
    tolerances = [ms.tolerance_for(n) for n in counts]
    assert tolerances == sorted(tolerances)
    assert tolerances[-1] == ms.MAX_TOLERANCE_M


def test_finer_input_gets_a_larger_tolerance():
    assert ms.tolerance_for(57, 14_467) == ms.BASE_TOLERANCE_M
    assert ms.tolerance_for(57, 4 * ms.VERTEX_BUDGET) == 2 * ms.BASE_TOLERANCE_M
    assert ms.tolerance_for(57, 10**9) == ms.MAX_TOLERANCE_M


def test_a_national_extent_allows_coarser_shapes_than_a_city():
    assert ms.tolerance_for(346, 28_532, extent_m=12_000) == ms.tolerance_for(346, 28_532)
    assert ms.tolerance_for(346, 28_532, extent_m=300_000) == 75
    assert ms.choose(57, 14_467, extent_m=12_000).tolerance_m == ms.BASE_TOLERANCE_M
    assert ms.choose(15_000, 2_000_000, parents={"gemeente": 346}, extent_m=300_000).tolerance_m == 75


@pytest.mark.parametrize("tolerance, decimals", [(8.0, 5), (25.0, 4), (60.0, 4), (120.0, 4), (0.5, 6), (5_000.0, 3)])
def test_rounding_step_stays_below_half_the_tolerance(tolerance, decimals):
    assert ms.decimals_for(tolerance) == decimals
    assert ms.METRES_PER_DEGREE * 10 ** -decimals <= tolerance / 2 or decimals == 6


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        ms.choose(-1, 0)
    with pytest.raises(ValueError):
        ms.decimals_for(0)


def test_packed_shapes_draw_the_dutch_wijken_as_wijken_and_15000_areas_at_the_parent_level():
    wijken = ms.choose(3_475, 132_206, "wijk", {"gemeente": 346}, 300_000, packed=True)
    assert (wijken.level, wijken.encoding, wijken.renderer) == ("wijk", "packed", "canvas")
    assert 0 < wijken.quantum_m <= wijken.tolerance_m / 2
    assert ms.choose(3_475, 132_206, "wijk", {"gemeente": 346}, 300_000).level == "gemeente"  # GeoJSON
    many = ms.choose(15_000, 2_000_000, "buurt", {"gemeente": 346}, 300_000, packed=True)
    assert (many.level, many.encoding) == ("gemeente", "packed")
