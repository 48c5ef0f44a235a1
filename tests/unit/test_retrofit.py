"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.targeting import retrofit as r
from geo.targeting import budget as rb
from geo.metrics import income as ri
from geo.targeting import savings as rs

POOLED = {"A": 0.8, "B": 0.9, "C": 1.0, "D": 1.05, "E": 1.1, "F": 1.15, "G": 1.2}


def pooled_factors(values=POOLED) -> pd.DataFrame:
    """A factor table with only the pooled level: every cell falls back to it."""
    return pd.DataFrame(
        {"dwelling_type": r.ALL, "build_period": r.ALL, "label": list(values), "factor": list(values.values())}
    )


def buurt(code, gas=1000.0, elec=2000.0, income_keur=20.0, size=2.0, low=10.0, households=20.0, dwellings=20.0, name=None):
    return {
        "buurt_code": code, "buurt_name": name or code, "households": households, "dwellings": dwellings,
        "gas_m3": gas, "gas_m3_mid_terrace": gas, "electricity_kwh": elec, "income_per_inhabitant_keur": income_keur,
        "household_size": size, "pct_low_income": low,
    }


def cells_for(code, counts: dict[str, float], dtype="mid-terrace") -> pd.DataFrame:
    return pd.DataFrame(
        {"buurt_code": code, "dwelling_type": dtype, "build_period": "1946-1964", "tenure": "owner",
         "label": list(counts), "dwellings": list(counts.values())}
    )


def test_label_factors_isolate_label_within_type_and_period():
    # Two periods with very different use; within each, G uses 1.5x what A uses.
    d = pd.DataFrame(
        {
            "dwelling_type": ["mid-terrace"] * 8,
            "build_period": ["before 1930"] * 4 + ["1975-1991"] * 4,
            "label": ["A", "A", "G", "G"] * 2,
            "gas_gj": [40.0, 40.0, 60.0, 60.0, 20.0, 20.0, 30.0, 30.0],
        }
    )
    f = r.label_factors(d, min_n=1)
    cell = f.set_index(["dwelling_type", "build_period", "label"])["factor"]
    # cell means 50 and 25 -> A = 0.8, G = 1.2 in both periods, although raw A-use differs 2x
    assert cell[("mid-terrace", "before 1930", "A")] == pytest.approx(0.8)
    assert cell[("mid-terrace", "1975-1991", "G")] == pytest.approx(1.2)
    assert cell[("all", "all", "G")] == pytest.approx(1.2)
    # With a threshold above the cell size, the cell falls back and says so
    f2 = r.label_factors(d, min_n=3).set_index(["dwelling_type", "build_period", "label"])
    assert f2.loc[("mid-terrace", "before 1930", "A"), "level"] == "type"


def test_monotone_by_label_pools_violators():
    out = r.monotone_by_label(np.array([0.9, 1.1, 1.0, 1.2]), np.array([1.0, 1.0, 3.0, 1.0]))
    assert out.tolist() == pytest.approx([0.9, 1.025, 1.025, 1.2])
    assert np.all(np.diff(out) >= 0)


def test_savings_and_co2_arithmetic():
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {"G": 10.0, "B": 10.0})
    out = rs.cell_savings(cells, b, pooled_factors(), target_label="B", gas_price=1.0, co2_gas_kg_per_m3=2.0)
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
    out = rs.cell_savings(cells_for("BU1", {"G": 5.0}), b, pooled_factors())
    assert out["gas_saved_m3"].isna().all()
    assert rs.buurt_savings(out, b)["co2_saved_t"].isna().all()


def test_better_target_never_saves_less():
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {lab: 3.0 for lab in r.LABELS})
    saved = [rs.cell_savings(cells, b, pooled_factors(), target_label=t)["gas_saved_m3"].sum() for t in reversed(r.LABELS)]
    assert saved[0] == 0  # target G saves nothing
    assert all(later >= earlier for earlier, later in zip(saved, saved[1:]))
    assert saved[-1] > saved[1]


def test_income_calibration_roundtrip_and_quote_share():
    sigma = ri.calibrate_sigma([40000.0, 30000.0], [10.0, 25.0], [15000.0, 15000.0])
    assert ri.share_below([15000.0, 15000.0], [40000.0, 30000.0], sigma) == pytest.approx([0.10, 0.25])
    # mean of the lognormal is the given mean
    rng = np.random.default_rng(0)
    x = rng.lognormal(np.log(40000) - sigma[0] ** 2 / 2, sigma[0], 200_000)
    assert x.mean() == pytest.approx(40000, rel=0.01)
    # no solution (line above mean with few low incomes) -> NaN, then filled by the median
    bad = ri.calibrate_sigma([10000.0], [5.0], [15000.0])
    assert np.isnan(bad[0])
    assert ri.fill_sigma(np.array([np.nan, 0.5, 0.7]))[0] == pytest.approx(0.6)
    # high quote: income <= bill / threshold
    share = ri.high_quote_share([2000.0], [40000.0], sigma[:1], 10.0)
    assert share[0] == pytest.approx(ri.share_below([20000.0], [40000.0], sigma[:1])[0])


def alpha_fixture():
    """BU_RICH saves lots of gas but nobody has a high quote; BU_POOR saves less gas but lifts households."""
    b = pd.DataFrame(
        [
            buurt("BU_RICH", gas=2500.0, income_keur=60.0, low=1.0),
            buurt("BU_POOR", gas=1200.0, income_keur=10.0, low=30.0),
        ]
    )
    cells = pd.concat([cells_for("BU_RICH", {"G": 10.0, "B": 10.0}), cells_for("BU_POOR", {"G": 10.0, "B": 10.0})])
    out = rb.add_costs(rs.cell_savings(cells, b, pooled_factors()), {"mid-terrace": 10_000.0})
    return b, out


def test_alpha_changes_the_order():
    _, cells = alpha_fixture()
    co2_first = rb.allocate(cells, budget_eur=1e9, alpha=0.0).ranking["buurt_code"].tolist()
    poverty_first = rb.allocate(cells, budget_eur=1e9, alpha=1.0).ranking["buurt_code"].tolist()
    assert co2_first == ["BU_RICH", "BU_POOR"]
    assert poverty_first == ["BU_POOR", "BU_RICH"]


def test_allocation_respects_budget_and_worst_labels_first():
    _, cells = alpha_fixture()
    a = rb.allocate(cells, budget_eur=120_000.0, alpha=0.0)  # one G->B dwelling costs 5 x 10k = 50k
    assert a.totals["cost_eur"] <= 120_000.0
    assert a.totals["dwellings"] == 2
    assert set(a.packages["label"]) == {"G"}
    assert a.chosen == ["BU_RICH"]
    capped = rb.allocate(cells, dwellings_cap=12, alpha=0.0)
    assert capped.totals["dwellings"] == 12
    assert capped.chosen == ["BU_RICH", "BU_POOR"]


def test_mac_curve_is_sorted_and_cumulative():
    b, cells = alpha_fixture()
    bt = rb.cost_effectiveness(rs.buurt_savings(cells, b), cells, lifetime_years=30)
    curve = rb.mac_curve(bt)
    assert curve["eur_per_tonne"].is_monotonic_increasing
    assert (curve["cum_cost_eur"].diff().dropna() > 0).all()
    assert (curve["cum_co2_t_end"].diff().dropna() > 0).all()
    assert curve["cum_co2_t_start"].iloc[0] == 0
    first = bt.set_index("buurt_code").loc[curve["buurt_code"].iloc[0]]
    assert curve["eur_per_tonne"].iloc[0] == pytest.approx(first["cost_eur"] / (first["co2_saved_t"] * 30))
    assert first["eur_per_tonne_year"] == pytest.approx(30 * first["eur_per_tonne"])


def test_market_volume_is_tidy_and_flagged():
    _, cells = alpha_fixture()
    m = rb.market_volume(cells, labels=("E", "F", "G"))
    assert set(m["label"]) == {"G"}
    assert m["estimated"].all()
    assert m["dwellings_to_upgrade"].sum() == 20
    assert {"buurt_code", "dwelling_type", "build_period", "cost_eur"} <= set(m.columns)


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(st.tuples(st.sampled_from(list(r.LABELS)), st.floats(0.5, 50.0)), min_size=1, max_size=10),
    budget=st.floats(0.0, 2e6),
    alpha=st.floats(0.0, 1.0),
    gas=st.floats(300.0, 3000.0),
)
def test_allocation_never_exceeds_budget(counts, budget, alpha, gas):
    b = pd.DataFrame([buurt("BU1", gas=gas), buurt("BU2", gas=gas / 2, income_keur=10.0, low=30.0)])
    rows = [cells_for(code, {lab: n}) for i, (lab, n) in enumerate(counts) for code in (["BU1", "BU2"][i % 2],)]
    cells = rb.add_costs(rs.cell_savings(pd.concat(rows, ignore_index=True), b, pooled_factors()))
    a = rb.allocate(cells, budget_eur=budget, alpha=alpha)
    assert a.totals["cost_eur"] <= budget + 1e-6
    assert (a.packages["dwellings"] > 0).all()


def test_accepts_stock_cells_schema():
    """geo.stock writes label_class and hyphenated types; the KWB gas column uses underscores."""
    b = pd.DataFrame([buurt("BU1")])
    cells = cells_for("BU1", {"G": 10.0, "B": 10.0}).rename(columns={"label": "label_class"})
    out = rs.cell_savings(cells, b, pooled_factors())
    assert (out["gas_basis"] == "type").all()
    assert out["gas_saved_m3"].sum() > 0


def test_method_text_names_sources():
    for text in (r.METHOD_MARKDOWN, rb.METHOD_MARKDOWN, ri.METHOD_MARKDOWN):
        assert "###" in text
    assert "Majcen" in r.METHOD_MARKDOWN and "ISSO" in r.METHOD_MARKDOWN
    assert "EIB" in rb.METHOD_MARKDOWN
