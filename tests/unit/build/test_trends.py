"""The trends stage: figures under the year they describe, joined only over codes CBS marks unchanged."""

import numpy as np
import pandas as pd
import pytest

from geo import config
from geo.build import trends
from geo.catalog import dictionary

GAS = dictionary.kwb_columns()["gas_m3"]
WOZ = dictionary.kwb_columns()["woz_keur"]
INCOME = dictionary.kwb_columns()["pct_low_income"]
MAP = ["BU09170001", "BU09170002", "BU09170003"]  # the buurten of the map


def kwb() -> pd.DataFrame:
    """Editions 2016-2018. 0002 is redrawn in 2018 (marker 3); 0003 is missing from 2017; 0001's 2017 gas is
    suppressed; income only in 2016 and 2017; 0009 is not on the map; a wijk row is ignored."""
    rows = []
    for edition in (2016, 2017, 2018):
        for code in [*MAP, "BU09170009", "WK091700"]:
            if code == "BU09170003" and edition == 2017:
                continue
            rows.append({
                "jaar": edition, "regio_code": code, "regio_type": "Wijk" if code.startswith("WK") else "Buurt",
                trends.CHANGE_FLAG: 3.0 if (code == "BU09170002" and edition == 2018) else 1.0,
                GAS: 1000.0 + edition, WOZ: 100.0 + edition - 2000, INCOME: 10.0 if edition < 2018 else np.nan,
            })
    df = pd.DataFrame(rows)
    df.loc[(df["jaar"] == 2017) & (df["regio_code"] == "BU09170001"), GAS] = np.nan
    return df


def benefits() -> pd.DataFrame:
    rows = []
    for year, quarter in [(2022, 1), (2022, 4), (2023, 1), (2023, 4), (2024, 1)]:
        for code in MAP:
            rows.append({"WijkenEnBuurten": code, "jaar": year, "kwartaal": quarter,
                         "Bijstandsuitkering_10": float(year - 2020 + quarter), "Bijstandsuitkering_6": 10.0})
    df = pd.DataFrame(rows)
    df.loc[df["WijkenEnBuurten"] == "BU09170003", "Bijstandsuitkering_10"] = np.nan  # suppressed throughout
    return df


@pytest.fixture
def built(tmp_path):
    report = trends.build_trends(kwb(), benefits(), MAP, tmp_path)
    return pd.read_parquet(tmp_path / config.TRENDS.name), report


def value(table, code, indicator, year):
    rows = table[(table["buurt_code"] == code) & (table["indicator"] == indicator)
                 & (table["year_described"] == year)]
    return rows


def test_a_redrawn_or_absent_code_gets_no_figure_for_the_editions_before_the_change():
    m = trends.edition_matches(kwb()[kwb()["regio_type"] == "Buurt"], MAP)
    assert m[2016] == {"matched": ["BU09170001"], "absent": [], "changed": ["BU09170002", "BU09170003"]}
    assert m[2017] == {"matched": ["BU09170001"], "absent": ["BU09170003"], "changed": ["BU09170002"]}
    assert m[2018] == {"matched": MAP, "absent": [], "changed": []}


def test_without_any_change_marker_only_the_newest_edition_counts():
    rows = kwb()[kwb()["regio_type"] == "Buurt"].drop(columns=trends.CHANGE_FLAG)
    m = trends.edition_matches(rows, MAP)
    assert m[2016]["matched"] == [] and m[2018]["matched"] == MAP


def test_values_stand_under_the_year_they_describe_and_stay_missing(built):
    table, _ = built
    assert value(table, "BU09170001", "gas_m3", 2016)["value"].item() == 3016.0
    assert value(table, "BU09170001", "gas_m3", 2016)["edition"].item() == "KWB 2016"
    woz = table[(table["indicator"] == "woz_keur") & (table["buurt_code"] == "BU09170001")]
    assert woz["year_described"].tolist() == [2015, 2016, 2017]  # WOZ of edition X: 1 January X-1
    assert woz["edition"].tolist() == ["KWB 2016", "KWB 2017", "KWB 2018"]
    suppressed = value(table, "BU09170001", "gas_m3", 2017)
    assert np.isnan(suppressed["value"].item()) and suppressed["comparable"].item()  # missing, never zero


def test_a_buurt_not_comparable_in_an_edition_gets_no_value_not_an_interpolated_one(built):
    table, _ = built
    redrawn = table[(table["buurt_code"] == "BU09170002") & (table["indicator"] == "gas_m3")]
    assert redrawn["value"].isna().tolist() == [True, True, False]
    assert redrawn["comparable"].tolist() == [False, False, True]
    absent = value(table, "BU09170003", "gas_m3", 2017)
    assert np.isnan(absent["value"].item()) and not absent["comparable"].item()
    assert set(table["buurt_code"]) == set(MAP)  # a code not on the map is left out


def test_an_edition_without_the_figure_for_any_buurt_is_left_out(built):
    table, report = built
    assert sorted(table.loc[table["indicator"] == "pct_low_income", "year_described"].unique()) == [2016, 2017]
    assert report["indicators"]["pct_low_income"] == [2016, 2017]
    assert "electricity_kwh" not in report["indicators"]  # a column the table does not have
    assert {"pct_low_income", "gas_m3", "woz_keur", "pct_social_assistance"} <= set(report["with_trend"])


def test_benefits_take_the_quarter_of_the_newest_period_every_year(built):
    table, report = built
    assist = table[(table["indicator"] == "pct_social_assistance") & (table["buurt_code"] == "BU09170001")]
    assert assist["period"].tolist() == ["2022 Q1", "2023 Q1", "2024 Q1"]
    assert assist["value"].tolist() == [3.0, 4.0, 5.0]
    assert value(table, "BU09170003", "pct_social_assistance", 2024)["value"].isna().all()
    assert report["editions"]["85586NED 2024"] == {"matched": 3, "of": 3, "absent": [], "changed": []}


def test_the_report_counts_per_edition_how_many_buurten_matched(built):
    _, report = built
    kwb_2017 = report["editions"]["KWB 2017"]
    assert (kwb_2017["matched"], kwb_2017["of"]) == (1, 3)
    assert kwb_2017["absent"] == ["BU09170003"] and kwb_2017["changed"] == ["BU09170002"]
    assert report["editions"]["KWB 2018"]["matched"] == 3


def test_without_a_benefits_table_there_is_no_benefits_series_and_no_error():
    empty = pd.DataFrame(columns=["WijkenEnBuurten", "jaar", "kwartaal"])
    table, matches = trends.benefits_trends(empty, ["BU09170001"])
    assert table.empty and matches == {}
