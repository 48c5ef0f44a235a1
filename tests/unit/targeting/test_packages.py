"""The three retrofit packages and the gross and net cost per tonne, on hand-computed fixtures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.targeting import budget as rb
from geo.targeting import packages as pk
from geo.targeting import savings as rs
from geo.vocab import LABELS
from tests.support.retrofit_cells import buurt, cells_for, income_of, pooled_factors


def one_dwelling(label: str = "G", package: str = "insulate", target: str = "B", **kwargs) -> pd.Series:
    """The cell of one dwelling of ``label`` alone in its buurt (so its gas is the measured 1,000 m3)."""
    b = pd.DataFrame([buurt("BU1")])
    out = rs.cell_savings(cells_for("BU1", {label: 1.0}), b, pooled_factors(), target_label=target, gas_price=1.0,
                          electricity_price=0.25, co2_gas_kg_per_m3=2.0, income=income_of(b), package=package,
                          co2_electricity_kg_per_kwh=0.5, **kwargs)
    return out.iloc[0]


def test_g_to_b_saves_the_factor_difference_of_measured_gas():
    # alone in its buurt, the dwelling uses the measured 1,000 m3 = 1,000 x factor(G) / factor(G);
    # insulating to B saves 1,000 x (factor(G) - factor(B)) / factor(G) = 1,000 x (1.2 - 0.9) / 1.2 = 250 m3
    c = one_dwelling()
    assert c["gas_before_m3"] == pytest.approx(1000.0)
    assert c["gas_saved_m3"] == pytest.approx(250.0)
    assert c["electricity_added_kwh"] == 0.0
    assert c["co2_saved_t"] == pytest.approx(0.5)  # 250 m3 x 2 kg


def test_all_electric_sets_gas_to_zero_and_adds_heat_over_cop():
    c = one_dwelling(package="all_electric", cop=3.0, boiler_efficiency=0.9)
    heat_kwh = 750.0 * 0.9 * pk.KWH_PER_M3  # insulated to B first: 750 m3 of gas, as heat
    assert c["gas_after_m3"] == 0.0
    assert c["electricity_added_kwh"] == pytest.approx(heat_kwh / 3.0)
    assert c["co2_saved_t"] == pytest.approx((1000.0 * 2.0 - heat_kwh / 3.0 * 0.5) / 1000.0)
    assert c["bill_after_eur"] - c["bill_before_eur"] == pytest.approx(-1000.0 + heat_kwh / 3.0 * 0.25)


def test_hybrid_replaces_its_share_of_todays_gas():
    c = one_dwelling(package="hybrid", hybrid_gas_share=0.6, cop=4.0, boiler_efficiency=1.0)
    assert c["gas_after_m3"] == pytest.approx(400.0)
    assert c["electricity_added_kwh"] == pytest.approx(600.0 * pk.KWH_PER_M3 / 4.0)


def test_package_costs():
    cells = pd.DataFrame({"dwelling_type": ["apartment", "apartment"], "steps": [2.0, 0.0],
                          "dwellings_upgraded": [10.0, 0.0]})
    per_step = {"apartment": 3000.0}
    assert rb.add_costs(cells, per_step)["cost_eur"].tolist() == [60_000.0, 0.0]
    assert rb.add_costs(cells, per_step, package="hybrid", hybrid_cost=6000.0)["cost_eur"].tolist() == [60_000.0, 0.0]
    hp = rb.add_costs(cells, per_step, package="all_electric", heat_pump_cost=12_000.0)
    assert hp["cost_per_dwelling_eur"].tolist() == [18_000.0, 0.0]


def test_net_cost_per_tonne_of_one_cell_by_hand():
    # EUR 10,000 over 30 years at 2.25 %: annuity 0.022 5 / (1 - 1.0225^-30) = 0.046 199 -> EUR 461.99 a year;
    # minus EUR 200 energy saved = 261.99 a year, for 0.5 t a year -> EUR 523.99 per tonne.
    assert pk.annuity_factor(0.0225, 30) == pytest.approx(0.0461993, abs=1e-6)
    assert pk.net_eur_per_tonne(10_000.0, 200.0, 0.5, 30, 0.0225) == pytest.approx(523.99, abs=0.01)
    # gross: 10,000 / (0.5 x 30) = 666.67 per tonne, and no tonnes gives no figure
    assert pk.gross_eur_per_tonne(10_000.0, 0.5, 30) == pytest.approx(666.67, abs=0.01)
    assert np.isnan(pk.gross_eur_per_tonne(10_000.0, 0.0, 30))
    assert np.isnan(pk.net_eur_per_tonne(pd.Series([1.0]), pd.Series([0.0]), pd.Series([-1.0]), 30)[0])


def test_per_tonne_summary_of_a_costed_cell_table():
    b = pd.DataFrame([buurt("BU1")])
    cells = rs.cell_savings(cells_for("BU1", {"G": 1.0}), b, pooled_factors(), target_label="B", gas_price=1.0,
                            co2_gas_kg_per_m3=2.0, income=income_of(b))
    costed = rb.add_costs(cells, {"mid-terrace": 1000.0})  # G -> B: 5 steps, EUR 5,000
    s = pk.per_tonne_summary(costed, 30, 0.0225)
    assert s["gas_saved_m3_per_dwelling"] == pytest.approx(250.0)
    assert s["gas_saved_pct"] == pytest.approx(25.0)
    assert s["eur_per_tonne_gross"] == pytest.approx(5000.0 / (0.5 * 30))
    assert s["eur_per_tonne_net"] == pytest.approx((5000.0 * pk.annuity_factor(0.0225, 30) - 250.0) / 0.5)


def test_unknown_package_is_refused():
    with pytest.raises(ValueError, match="package"):
        pk.package_use(np.array([1.0]), np.array([1.0]), "solar")


@settings(max_examples=40, deadline=None)
@given(label=st.sampled_from(LABELS), target=st.sampled_from(LABELS))
def test_insulating_never_raises_a_bill(label, target):
    c = one_dwelling(label, target=target)
    assert c["bill_after_eur"] <= c["bill_before_eur"] + 1e-9


@settings(max_examples=40, deadline=None)
@given(label=st.sampled_from(LABELS), better=st.integers(0, 6), worse=st.integers(0, 6))
def test_a_better_target_never_saves_less(label, better, worse):
    better, worse = sorted((better, worse))
    assert (one_dwelling(label, target=LABELS[better])["gas_saved_m3"]
            >= one_dwelling(label, target=LABELS[worse])["gas_saved_m3"] - 1e-9)
