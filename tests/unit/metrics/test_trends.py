"""The series of a buurt and the change between two years described: missing stays missing."""

import numpy as np
import pandas as pd
import pytest

from geo import i18n
from geo.metrics import trends


@pytest.fixture
def table():
    rows = [
        ("A", "gas_m3", 2016, 1200.0), ("A", "gas_m3", 2019, 1000.0),
        ("B", "gas_m3", 2016, np.nan), ("B", "gas_m3", 2019, 900.0),  # suppressed in 2016
        ("C", "gas_m3", 2016, 0.0), ("C", "gas_m3", 2019, 50.0),
        ("A", "pct_low_income", 2016, 10.0), ("A", "pct_low_income", 2017, 12.5),
        ("B", "pct_low_income", 2016, 8.0), ("B", "pct_low_income", 2017, np.nan),
        ("A", "inhabitants", 2020, 3700.0),
    ]
    return pd.DataFrame(rows, columns=["buurt_code", "indicator", "year_described", "value"])


def test_a_change_is_missing_when_either_year_is(table):
    change = trends.change(table, "gas_m3", 2016, 2019)
    assert change.loc["A"] == -200.0 and change.loc["C"] == 50.0
    assert np.isnan(change.loc["B"])
    assert np.isnan(trends.change(table, "pct_low_income", 2016, 2017).loc["B"])


def test_percentage_points_for_a_share_and_relative_change_in_percent(table):
    assert trends.change(table, "pct_low_income", 2016, 2017).loc["A"] == 2.5  # points, not 25 %
    relative = trends.change(table, "gas_m3", 2016, 2019, trends.RELATIVE)
    assert relative.loc["A"] == pytest.approx(-16.667, abs=1e-3)
    assert np.isnan(relative.loc["C"])  # from zero: no percentage
    with i18n.language("en"):
        assert trends.change_unit("pct_low_income", trends.DIFFERENCE) == "percentage points"
        assert trends.change_unit("pct_low_income", trends.RELATIVE) == "%"
    with i18n.language("nl"):
        assert trends.change_unit("gas_m3", trends.DIFFERENCE) == "m³ per woning per jaar"


def test_the_sign_follows_the_order_of_the_years(table):
    assert trends.change(table, "gas_m3", 2019, 2016).loc["A"] == 200.0


def test_every_buurt_of_the_table_gets_a_row_even_without_the_indicator(table):
    assert set(trends.change(table, "inhabitants", 2016, 2020).index) == {"A", "B", "C"}
    assert trends.change(table, "inhabitants", 2016, 2020).isna().all()


def test_unknown_kind_is_refused(table):
    with pytest.raises(ValueError, match="kind"):
        trends.change(table, "gas_m3", 2016, 2019, "ratio")


def test_years_and_indicators_with_a_trend(table):
    assert trends.years(table, "gas_m3") == [2016, 2019]
    assert trends.years(table, "inhabitants") == [2020]
    assert trends.with_trend(table) == ["gas_m3", "pct_low_income"]  # dictionary order; one year is no trend


def test_series_of_one_buurt_in_dictionary_order_with_missing_kept(table):
    rows = trends.series(table, "B")
    assert rows["indicator"].tolist() == ["gas_m3", "gas_m3", "pct_low_income", "pct_low_income"]
    assert rows["value"].isna().tolist() == [True, False, False, True]
