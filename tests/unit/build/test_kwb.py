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


def test_income_describes_the_edition_year_and_woz_the_year_before():
    assert kwb.reference_year("income", 2017) == 2017  # CBS: income over the year of the edition
    assert kwb.reference_year("energy", 2019) == 2019
    assert kwb.reference_year("woz", 2019) == 2018  # valuation date 1 January of the year before


def test_join_report_lists_unmatched_codes_both_ways():
    rep = kwb.join_report(["BU1", "BU2", "BU3"], ["BU2", "BU3", "BU9"])
    assert rep["matched"] == 2
    assert rep["polygons_without_statistics"] == ["BU1"]
    assert rep["statistics_without_polygon"] == ["BU9"]
