"""The make-data build: edition choice, explicit joins, coverage simplification, and the real result."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo.build import kwb, shapes
from geo import config


def test_pick_edition_takes_latest_with_enough_buurten():
    df = pd.DataFrame({"jaar": [2017] * 4 + [2018] * 4, "x": [1, 2, 3, 4, 1, np.nan, np.nan, np.nan]})
    assert kwb.pick_edition(df, "x") == (2017, 4)
    df.loc[df.jaar == 2018, "x"] = [1, 2, 3, np.nan]  # 3 of 4 = 75% < 80%
    assert kwb.pick_edition(df, "x")[0] == 2017
    df.loc[df.jaar == 2018, "x"] = [1, 2, 3, 4]
    assert kwb.pick_edition(df, "x")[0] == 2018


def test_pick_edition_without_values():
    df = pd.DataFrame({"jaar": [2019, 2020], "x": [np.nan, np.nan]})
    assert kwb.pick_edition(df, "x") == (None, 0)


def test_income_figures_describe_an_earlier_year():
    assert kwb.reference_year("income", 2017) == 2014
    assert kwb.reference_year("energy", 2019) == 2019


def test_join_report_lists_unmatched_codes_both_ways():
    rep = kwb.join_report(["BU1", "BU2", "BU3"], ["BU2", "BU3", "BU9"])
    assert rep["matched"] == 2
    assert rep["polygons_without_statistics"] == ["BU1"]
    assert rep["statistics_without_polygon"] == ["BU9"]


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


@pytest.mark.real_data
def test_all_heerlen_buurten_matched_every_year(processed):
    joins = processed["metadata"]["joins"]
    for year in range(2016, 2021):
        assert joins[f"KWB {year}"]["matched"] == 57
        assert joins[f"KWB {year}"]["polygons_without_statistics"] == []
    assert len(processed["buurten"]) == 57


@pytest.mark.real_data
def test_suppressed_buurten_stay_missing(processed):
    b = processed["buurten"].set_index("buurt_name")
    for name in ["In de Cramer", "Terworm", "Imstenrade"]:
        assert np.isnan(b.loc[name, "gas_m3"])
    assert b["gas_m3"].notna().sum() == 52
    assert (b["gas_m3"].dropna() > 0).all()


@pytest.mark.real_data
def test_years_are_labelled_by_what_they_describe(processed):
    cols = processed["metadata"]["columns"]
    assert cols["gas_m3"]["year"] == 2019
    assert cols["income_per_inhabitant_keur"]["edition"] == "KWB 2017"
    assert cols["income_per_inhabitant_keur"]["year"] == 2014


@pytest.mark.real_data
def test_map_shapes_are_small_and_valid(processed):
    import shapely

    shapes = processed["shapes"]
    assert len(shapes) == 57 and shapes.is_valid.all()
    assert shapely.get_num_coordinates(shapes.geometry.values).sum() < 14467 / 3
    assert isinstance(shapes, gpd.GeoDataFrame) and shapes.crs.to_epsg() == 4326
