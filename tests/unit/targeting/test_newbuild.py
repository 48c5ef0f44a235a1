"""Tests of the new-build model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo import i18n
from geo.targeting import newbuild as nb


def test_household_base_starts_at_the_latest_counts():
    gemeente = pd.DataFrame({
        "year": [2018, 2016, 2017, 2019],
        "households": [120.0, 100.0, 110.0, np.nan],
        "dwellings": [np.nan, 110.0, 120.0, 140.0],
        "pct_unoccupied": [np.nan, 4.0, 5.0, np.nan],
    })
    base = nb.household_base(gemeente)
    assert base.trend == pytest.approx(10.0)
    assert (base.base_year, base.households) == (2018, 120.0)  # the latest year with a household count
    assert (base.stock, base.stock_year) == (140.0, 2019)  # no stock in 2018: the latest one
    assert (base.vacancy_pct, base.vacancy_year) == (5.0, 2017)
    none = nb.household_base(gemeente.assign(pct_unoccupied=np.nan))
    assert (none.vacancy_pct, none.vacancy_year) == (nb.VACANCY_FALLBACK_PCT, None)


def test_scenario_arithmetic():
    sc = {
        "flat": {"label": "flat", "rate_per_year": 0.0, "extra_households_per_year": 0.0},
        "grow": {"label": "grow", "rate_per_year": 0.0, "extra_households_per_year": None,
                 "ambition_households_per_year": 5.0},
        "shrink": {"label": "shrink", "rate_per_year": -0.01, "extra_households_per_year": 0.0},
    }
    out = nb.homes_needed(1000.0, 1050.0, 2020, trend_per_year=10.0, scenarios=sc, vacancy_pct=5.0, end_year=2022)
    grow = out[out["scenario"] == "grow"].set_index("year")
    # households +15 a year (trend 10 + ambition 5); stock keeps its ratio 1.05 to households
    assert grow.loc[2022, "households"] == pytest.approx(1030.0)
    assert grow.loc[2022, "homes_needed_cum"] == pytest.approx(1050.0 * 1030 / 1000 - 1050.0)
    assert grow.loc[2021, "homes_needed_year"] == pytest.approx(15.75)
    assert (out.loc[out["scenario"] == "flat", "homes_needed_cum"] == 0).all()
    shrink = out[out["scenario"] == "shrink"].set_index("year")
    assert shrink.loc[2022, "households"] == pytest.approx(1000 * 0.99**2)
    assert shrink.loc[2022, "homes_needed_cum"] == 0  # shrinking needs no homes
    # filling vacancy from 5% to 0% lowers the need
    tight = nb.homes_needed(1000.0, 1050.0, 2020, 10.0, sc, vacancy_pct=5.0, target_vacancy_pct=0.0, end_year=2022)
    assert tight.loc[tight["scenario"] == "grow", "homes_needed_cum"].iloc[-1] < grow.loc[2022, "homes_needed_cum"]


def test_target_path():
    assert nb.target_path([2022, 2030, 2031, 2032], 2022).tolist() == [0, 2250, 2375, 2500]
    assert nb.SHRINK_RATE < 0


def test_target_path_follows_edited_targets():
    assert nb.target_path([2022, 2026, 2031], 2022, target_2030=800, target_2032=1000).tolist() == [0, 400, 900]
    need = nb.homes_needed(1000.0, 1050.0, 2030, 0.0, end_year=2032, target_2030=800, target_2032=1000)
    assert need.drop_duplicates("year")["target_cum"].tolist() == [800, 900, 1000]


def test_scenarios_as_the_user_sets_them():
    defaults = nb.scenario_defaults(trend_per_year=123.4)
    assert defaults["migration"] == {"rate": 0.0, "extra": 123.0, "ambition": 0.0}  # the trend, whole households
    assert defaults["cbs_forecast_shrink"]["rate"] == round(nb.SHRINK_RATE * 100, 3)
    assert defaults["plus_ambition"]["ambition"] == 100.0
    sc = nb.user_scenarios({"migration": (0.5, 40.0, 99.0), "plus_ambition": (0.0, 40.0, 60.0)})
    assert sc["migration"]["rate_per_year"] == pytest.approx(0.005)
    assert sc["migration"]["ambition_households_per_year"] == 0.0  # only a scenario with an ambition has one
    assert sc["plus_ambition"]["ambition_households_per_year"] == 60.0
    need = nb.homes_needed(1000.0, 1000.0, 2030, 0.0, sc, vacancy_pct=0.0, end_year=2031)
    assert need.set_index(["scenario", "year"]).loc[("plus_ambition", 2031), "households"] == pytest.approx(1100.0)


def test_need_tables_for_the_chart_the_table_and_the_caption():
    sc = {"flat": {"label": "Flat", "rate_per_year": 0.0, "extra_households_per_year": 0.0},
          "grow": {"label": "Grow", "rate_per_year": 0.0, "extra_households_per_year": 10.0}}
    need = nb.homes_needed(1000.0, 1000.0, 2030, 0.0, sc, vacancy_pct=0.0, end_year=2032)
    with i18n.language("en"):
        lines = nb.need_lines(need)
    assert set(lines["series"]) == {"Flat", "Grow", "Target"}
    assert len(lines[lines["series"] == "Target"]) == 3  # one target point per year, not one per scenario
    with i18n.language("nl"):
        assert set(nb.need_lines(need)["series"]) == {"Flat", "Grow", "Opgave"}  # the target path named in Dutch
    per_year = nb.need_per_year(need).set_index("year")
    assert per_year.loc[2031, "Grow"] == 10 and per_year.loc[2032, "Target (cumulative)"] == nb.TARGET_2032
    end = nb.need_at_end(need)
    assert end.loc["Grow", "homes_needed_cum"] == pytest.approx(20.0) and end["year"].eq(2032).all()


def test_the_suggestion_never_spreads_over_more_buurten_than_there_are():
    # A municipality with 4 buurten: 10 would lie above the page's own maximum (a Streamlit error).
    assert nb.spread_over_best(4) == 4 and nb.spread_over_best(57) == nb.SPREAD_OVER_BEST == 10
    assert nb.spread_over_best(0) == 1
