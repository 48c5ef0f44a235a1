"""A user's layer as a figure per buurt, by hand on two 1 km squares (RD New)."""

import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, box

from geo import i18n
from geo.errors import DataError
from geo.metrics import user_layers as ul
from geo.params import UserIndicator


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages."""
    with i18n.language("en"):
        yield

RD = "EPSG:28992"
X0, Y0 = 196000, 321000
BUURTEN = gpd.GeoDataFrame({"buurt_code": ["A", "B"]}, geometry=[box(X0, Y0, X0 + 1000, Y0 + 1000),
                                                                 box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)],
                           crs=RD).to_crs(4326)


def layer(geoms, **cols):
    return gpd.GeoDataFrame(cols, geometry=geoms, crs=RD).to_crs(4326)


def test_points_counted_summed_and_averaged_per_buurt():
    pts = layer([Point(X0 + 100, Y0 + 100), Point(X0 + 900, Y0 + 900), Point(X0 + 5000, Y0)], n=[2.0, 4.0, 99.0])
    assert ul.per_buurt(pts, BUURTEN, "count").tolist() == [2.0, 0.0]
    assert ul.per_buurt(pts, BUURTEN, "sum", "n").tolist() == [6.0, 0.0]
    mean = ul.per_buurt(pts, BUURTEN, "mean", "n")
    assert mean["A"] == 3.0 and math.isnan(mean["B"])  # no features: no mean, never zero


def test_a_sum_of_features_without_values_is_missing_not_zero():
    pts = layer([Point(X0 + 100, Y0 + 100)], n=[float("nan")])
    out = ul.per_buurt(pts, BUURTEN, "sum", "n")
    assert math.isnan(out["A"]) and out["B"] == 0.0


def test_area_share_by_hand():
    # A rectangle over the east quarter of A and the west half of B: 25 % and 50 %.
    area = layer([box(X0 + 750, Y0, X0 + 1500, Y0 + 1000)])
    assert ul.per_buurt(area, BUURTEN, "area_share").round(6).tolist() == [25.0, 50.0]


def test_an_area_counts_where_it_overlaps_and_a_line_where_it_crosses():
    area = layer([box(X0, Y0, X0 + 1000, Y0 + 1000)])  # exactly A: touches B along an edge
    assert ul.per_buurt(area, BUURTEN, "count").tolist() == [1.0, 0.0]
    line = layer([LineString([(X0 + 500, Y0 + 500), (X0 + 1500, Y0 + 500)])])
    assert ul.per_buurt(line, BUURTEN, "count").tolist() == [1.0, 1.0]


def test_rows_joined_by_code_count_in_their_buurt():
    rows = layer([box(X0, Y0, X0 + 1000, Y0 + 1000)] * 2, _code=["A", "A"], n=[1.0, 2.0])
    assert ul.per_buurt(rows, BUURTEN, "sum", "n").tolist() == [3.0, 0.0]


@pytest.mark.parametrize("how, column, message", [("median", None, "Unknown way"), ("sum", "naam", "column of numbers"),
                                                  ("area_share", None, "needs areas")])
def test_what_cannot_be_counted_is_said(how, column, message):
    pts = layer([Point(X0 + 100, Y0 + 100)], naam=["a"])
    with pytest.raises(DataError, match=message):
        ul.per_buurt(pts, BUURTEN, how, column)


def test_score_parts_follow_the_direction():
    up = UserIndicator("u", "Up", (("A", 1.0), ("B", 3.0)))
    down = UserIndicator("d", "Down", (("A", 1.0), ("B", 3.0)), higher_is_worse=False)
    parts = ul.score_parts(pd.Index(["A", "B", "C"]), (up, down))
    assert parts["score_user.u"].tolist() == [0.0, 1.0, 0.0] and parts["score_user.d"].tolist() == [1.0, 0.0, 0.0]
