"""Tests of the new-build model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.targeting import newbuild as nb


def test_household_trend_and_series():
    kwb = pd.DataFrame({
        "regio_code": ["GM0917"] * 3 + ["BU1"],
        "jaar": [2016, 2017, 2018, 2016],
        "Bevolking_Particuliere_huishoudens_Huishoudens_totaal": [100.0, 110.0, 120.0, 5.0],
    })
    s = nb.household_series(kwb)
    assert s.tolist() == [100.0, 110.0, 120.0]
    assert nb.household_trend(s) == pytest.approx(10.0)


def test_scenario_arithmetic():
    sc = {
        "flat": {"label": "flat", "rate_per_year": 0.0, "extra_households_per_year": 0.0},
        "grow": {"label": "grow", "rate_per_year": 0.0, "extra_households_per_year": None, "ambition_households_per_year": 5.0},
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
