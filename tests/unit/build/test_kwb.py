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


def test_an_edition_without_a_documented_year_is_never_chosen():
    # KWB 2025 is the fullest, but CBS's note on the year it describes was not at hand; 2024 is documented.
    rows = pd.DataFrame({"jaar": [2020, 2020, 2024, 2024, 2025, 2025], "x": [1.0, 2.0, 3.0, np.nan, 5.0, 6.0]})
    assert kwb.pick_edition(rows, "x", editions=kwb.documented_editions("income")) == (2020, 2)
    assert kwb.pick_edition(rows, "x", min_coverage=0.5, editions=kwb.documented_editions("income")) == (2024, 1)
    assert kwb.pick_edition(rows, "x", min_coverage=0.5) == (2025, 2)  # without the rule 2025 would be taken
    assert kwb.pick_edition(rows, "x", editions=[2021]) == (None, 0)


def test_energy_after_2020_and_every_2021_or_2025_edition_are_not_documented():
    assert 2024 in kwb.documented_editions("woz") and 2024 in kwb.documented_editions("housing")
    assert max(kwb.documented_editions("energy")) == 2020
    for theme in ["population", "housing", "woz", "income", "energy", "a theme added later"]:
        assert 2021 not in kwb.documented_editions(theme) and 2025 not in kwb.documented_editions(theme)


def test_national_comparison_of_a_municipality_the_table_does_not_list_is_missing():
    g = pd.DataFrame([{"gemeentecode": "GM0001", "huishoudens": 10, "woningvoorraad": 10, "pct_rond_sociaal_min": 5,
                       "gem_aardgas": 900, "gem_elektriciteit": 2000, "koopwoningen": 50, "huurwoningen": 50,
                       "aantal_inwoners": 20}])
    table = kwb.national_comparison(g, "GM9999").set_index("column")
    assert table["gemeente_2022"].isna().all() and table.loc["households", "netherlands_2022"] == 10
    assert kwb.national_comparison(g, "GM0001").set_index("column").loc["gas_m3", "gemeente_2022"] == 900
