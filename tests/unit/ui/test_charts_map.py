"""The small maps of ui.charts draw buurten, not the globe: Vega's d3 wants clockwise outer rings."""

from shapely.geometry import MultiPolygon, Polygon

from ui.charts import clockwise as _clockwise

SQUARE_CCW = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])  # counter-clockwise, as GeoJSON (RFC 7946) writes it


def test_outer_rings_become_clockwise_and_the_shape_stays_the_same():
    assert SQUARE_CCW.exterior.is_ccw
    turned = _clockwise(SQUARE_CCW)
    assert not turned.exterior.is_ccw and turned.equals(SQUARE_CCW)
    multi = _clockwise(MultiPolygon([SQUARE_CCW, Polygon([(2, 0), (3, 0), (3, 1)])]))
    assert all(not part.exterior.is_ccw for part in multi.geoms) and multi.area == 1.5
