"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.targeting import retrofit as r
from geo.targeting import savings as rs
from tests.support.retrofit_cells import buurt, cells_for, income_of, pooled_factors


def test_savings_and_co2_arithmetic():
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {"G": 10.0, "B": 10.0})
    out = rs.cell_savings(cells, b, pooled_factors(), target_label="B", gas_price=1.0, co2_gas_kg_per_m3=2.0,
                          income=income_of(b))
    g = out[out["label"] == "G"].iloc[0]
    fbar = (10 * 1.2 + 10 * 0.9) / 20  # mean factor of the buurt's stock = 1.05
    assert g["gas_before_m3"] == pytest.approx(1000 * 1.2 / fbar)
    assert g["gas_saved_m3"] == pytest.approx(10 * 1000 * (1.2 - 0.9) / fbar)  # 2857.14 m3
    assert g["co2_saved_t"] == pytest.approx(g["gas_saved_m3"] * 2.0 / 1000)
    assert g["eur_saved"] == pytest.approx(g["gas_saved_m3"] * 1.0)
    assert out.loc[out["label"] == "B", "gas_saved_m3"].iloc[0] == 0
    # the stock-weighted mean gas use reproduces the measured buurt average
    assert (out["gas_before_m3"] * out["dwellings"]).sum() / 20 == pytest.approx(1000.0)
    bs = rs.buurt_savings(out, b)
    assert bs["dwellings_upgraded"].iloc[0] == 10
    assert bs["eur_saved_per_household"].iloc[0] == pytest.approx(g["eur_saved"] / 20)
    assert bs["energy_quote_after_pct"].iloc[0] < bs["energy_quote_before_pct"].iloc[0]


def test_suppressed_gas_stays_nan():
    b = pd.DataFrame([buurt("BU1", gas=np.nan)])
    out = rs.cell_savings(cells_for("BU1", {"G": 5.0}), b, pooled_factors(), income=income_of(b))
    assert out["gas_saved_m3"].isna().all()
    assert rs.buurt_savings(out, b)["co2_saved_t"].isna().all()


def test_better_target_never_saves_less():
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {lab: 3.0 for lab in r.LABELS})
    saved = [
        rs.cell_savings(cells, b, pooled_factors(), target_label=t, income=income_of(b))["gas_saved_m3"].sum()
        for t in reversed(r.LABELS)
    ]
    assert saved[0] == 0  # target G saves nothing
    assert all(later >= earlier for earlier, later in pairwise(saved))
    assert saved[-1] > saved[1]


def test_accepts_stock_cells_schema():
    """The stock build writes label_class and hyphenated types; the KWB gas column uses underscores."""
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {"G": 10.0, "B": 10.0}).rename(columns={"label": "label_class"})
    out = rs.cell_savings(cells, b, pooled_factors(), income=income_of(b))
    assert (out["gas_basis"] == "type").all()
    assert out["gas_saved_m3"].sum() > 0


def test_share_of_todays_co2_counts_gas_and_electricity():
    b = pd.DataFrame([buurt("BU1", gas=1000.0, elec=2000.0, dwellings=20.0), buurt("BU2", gas=np.nan)])
    saved = pd.DataFrame({"buurt_code": ["BU1", "BU2"], "co2_saved_t": [4.0, np.nan]})
    out = rs.add_share_of_co2(saved, b, co2_gas_kg_per_m3=2.0, co2_electricity_kg_per_kwh=0.5).set_index("buurt_code")
    assert out.loc["BU1", "co2_now_t"] == pytest.approx(20 * (1000 * 2.0 + 2000 * 0.5) / 1000)  # 60 t a year
    assert out.loc["BU1", "pct_co2_saved"] == pytest.approx(100 * 4.0 / 60.0)
    assert np.isnan(out.loc["BU2", "pct_co2_saved"])  # suppressed gas: no share, never zero


def test_totals_add_up_the_buurten():
    b = pd.DataFrame([buurt("BU1"), buurt("BU2", gas=np.nan)])
    cells = pd.concat([cells_for("BU1", {"G": 10.0, "B": 10.0}), cells_for("BU2", {"G": 5.0})])
    saved = rs.cell_savings(cells, b, pooled_factors(), income=income_of(b))
    per_buurt = rs.buurt_savings(saved, b)
    t = rs.totals(per_buurt)
    assert t["dwellings_upgraded"] == 15  # the suppressed buurt's dwellings still count as work
    assert t["co2_saved_t"] == pytest.approx(per_buurt.loc[0, "co2_saved_t"])  # its missing saving adds nothing


def _fit(code: str, median_eur: float, sigma: float) -> pd.DataFrame:
    """A Monitor income fit with a given median standardised income and spread."""
    return pd.DataFrame({"income_mu": [np.log(median_eur)], "income_sigma": [sigma]},
                        index=pd.Index([code], name="buurt_code"))


def test_a_cell_whose_bill_falls_below_threshold_times_income_lifts_its_households():
    # One-person households (equivalence 1) all earning about EUR 15,000 disposable: high quote at 10 % from a
    # bill of EUR 1,500. G: gas 1000 x 1.2 / 1.05 = 1,142.9 m3 + 2000 kWh x 0.25 = EUR 1,642.9 (high quote);
    # insulated to B: 1000 x 0.9 / 1.05 = 857.1 m3 -> EUR 1,357.1 (below 1,500): its 10 households are lifted.
    b = pd.DataFrame([buurt("BU1", size=1.0)])
    cells = cells_for("BU1", {"G": 10.0, "B": 10.0}).assign(tenure="owner-occupied")
    out = rs.cell_savings(cells, b, pooled_factors(), target_label="B", gas_price=1.0, electricity_price=0.25,
                          threshold_pct=10.0, income=_fit("BU1", 15_000.0, 0.01)).set_index("label")
    assert out.loc["G", "bill_before_eur"] == pytest.approx(1000 * 1.2 / 1.05 + 500)
    assert out.loc["G", "heq_households_before"] == pytest.approx(10.0)
    assert out.loc["G", "heq_households_after"] == pytest.approx(0.0, abs=1e-9)
    assert out.loc["G", "households_lifted"] == pytest.approx(10.0)
    assert out.loc["B", "households_lifted"] == 0  # not upgraded, same bill: nobody lifted
    assert out.loc["B", "heq_households_before"] == pytest.approx(0.0, abs=1e-9)  # EUR 1,357 < 1,500
    per_buurt = rs.buurt_savings(out.reset_index(), b).iloc[0]
    assert per_buurt["households_lifted"] == pytest.approx(10.0)
    assert per_buurt["disposable_income_eur"] == pytest.approx(15_000.0, rel=1e-3)  # the model's mean income
    # the same cell rented from a corporation sits lower in the buurt's income distribution: more high quotes
    wide = _fit("BU1", 15_000.0, 0.5)
    owner = rs.cell_savings(cells, b, pooled_factors(), income=wide, gas_price=1.0, electricity_price=0.25)
    social = rs.cell_savings(cells.assign(tenure="social rent"), b, pooled_factors(), income=wide, gas_price=1.0,
                             electricity_price=0.25)
    assert social["heq_households_before"].sum() > owner["heq_households_before"].sum()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["insulate", "hybrid", "all_electric"]), st.floats(0.2, 3.0), st.floats(0.05, 0.6),
       st.sampled_from(list("ABCDEF")), st.floats(0.05, 1.5))
def test_a_lower_bill_never_raises_the_high_quote_households(package, gas_price, electricity_price, target, sigma):
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {lab: 3.0 for lab in r.LABELS}).assign(tenure="social rent")
    out = rs.cell_savings(cells, b, pooled_factors(), target_label=target, gas_price=gas_price,
                          electricity_price=electricity_price, package=package, income=_fit("BU1", 14_000.0, sigma))
    lower = out["bill_after_eur"] <= out["bill_before_eur"]
    assert (out.loc[lower, "heq_households_after"] <= out.loc[lower, "heq_households_before"] + 1e-9).all()
    assert (out.loc[~lower, "households_lifted"] <= 1e-9).all()  # a dearer bill lifts nobody
