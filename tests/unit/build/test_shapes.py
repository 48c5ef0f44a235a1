"""The make-data build: edition choice, explicit joins, coverage simplification, and the real result."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from geo.build import kwb, shapes
from geo import config


def test_simplified_coverage_keeps_neighbours_touching(three_buurten):
    detailed = three_buurten.to_crs(config.CRS_METRIC)
    # Add many collinear vertices along the shared borders, as real data has.
    detailed["geometry"] = detailed.geometry.segmentize(10)
    simple = shapes.simplify_coverage(detailed.to_crs(config.CRS_WGS84), 8.0, 5)
    import shapely

    assert shapely.get_num_coordinates(simple.geometry.values).sum() < shapely.get_num_coordinates(detailed.geometry.values).sum() / 10
    metric = simple.to_crs(config.CRS_METRIC)
    assert metric.geometry.iloc[0].intersection(metric.geometry.iloc[1]).length > 900  # shared border kept
    assert metric.union_all().area == pytest.approx(3e6, rel=0.01)  # no gaps opened
