"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.params import UserIndicator
from geo.targeting import budget as rb
from geo.targeting import retrofit as r
from geo.targeting import savings as rs
from tests.support.retrofit_cells import buurt, cells_for, income_of, pooled_factors


def alpha_fixture():
    """BU_RICH saves lots of gas but nobody has a high quote; BU_POOR saves less gas but lifts households."""
    b = pd.DataFrame(
        [
            buurt("BU_RICH", gas=2500.0, income_keur=60.0, low=1.0),
            buurt("BU_POOR", gas=1200.0, income_keur=10.0, low=30.0),
        ]
    )
    cells = pd.concat([cells_for("BU_RICH", {"G": 10.0, "B": 10.0}), cells_for("BU_POOR", {"G": 10.0, "B": 10.0})])
    out = rb.add_costs(rs.cell_savings(cells, b, pooled_factors(), income=income_of(b)), {"mid-terrace": 10_000.0})
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
    cells = rb.add_costs(rs.cell_savings(pd.concat(rows, ignore_index=True), b, pooled_factors(), income=income_of(b)))
    a = rb.allocate(cells, budget_eur=budget, alpha=alpha)
    assert a.totals["cost_eur"] <= budget + 1e-6
    assert (a.packages["dwellings"] > 0).all()


def test_allocation_limits_take_the_chosen_limit_in_euro():
    assert rb.allocation_limits("budget", 2.5, 300) == (2_500_000.0, None)
    assert rb.allocation_limits("dwellings", 2.5, 300) == (None, 300.0)
    with pytest.raises(ValueError, match="limit_by"):
        rb.allocation_limits("households", 2.5, 300)


def test_ranking_names_the_buurten_and_marks_who_gets_work():
    _, cells = alpha_fixture()
    a = rb.allocate(cells, budget_eur=120_000.0, alpha=0.0)
    ranking = rb.ranking_with_names(a, {"BU_RICH": "Rijk", "BU_POOR": "Arm"})
    assert list(ranking.columns[:3]) == ["rank", "buurt_code", "buurt_name"]
    assert ranking.set_index("buurt_name")["chosen"].to_dict() == {"Rijk": True, "Arm": False}
    assert "buurt_name" not in a.ranking  # the allocation itself is left as it was


def test_mac_steps_start_at_zero_and_end_at_the_totals():
    b, cells = alpha_fixture()
    per_buurt = rs.buurt_savings(cells, b)
    curve = rb.mac_curve(rb.cost_effectiveness(per_buurt, cells, lifetime_years=30))
    steps = rb.mac_steps(curve)
    assert steps.iloc[0].tolist() == [0.0, 0.0]
    assert steps["cost"].iloc[-1] == pytest.approx(curve["cost_eur"].sum())
    assert steps["co2"].is_monotonic_increasing and len(steps) == len(curve) + 1


def test_market_selection_filters_and_totals():
    _, cells = alpha_fixture()
    market = rb.market_volume(cells)
    view, totals = rb.market_selection(market, ["G", "B"], ["mid-terrace"])
    assert set(view["label"]) == {"G"}  # label B has nothing to upgrade to B
    assert totals == {"dwellings_to_upgrade": 20.0, "cost_eur": pytest.approx(view["cost_eur"].sum())}
    empty, none = rb.market_selection(market, ["G"], ["apartment"])
    assert empty.empty and none == {"dwellings_to_upgrade": 0.0, "cost_eur": 0.0}


def test_a_user_figure_can_turn_the_ranking():
    _, cells = alpha_fixture()
    favour_rich = UserIndicator("u", "Own", (("BU_RICH", 1.0), ("BU_POOR", 0.0)), weight=3.0)
    assert rb.allocate(cells, budget_eur=1e9, alpha=1.0).ranking["buurt_code"].tolist()[0] == "BU_POOR"
    turned = rb.allocate(cells, budget_eur=1e9, alpha=1.0, user=(favour_rich,)).ranking
    assert turned["buurt_code"].tolist()[0] == "BU_RICH"
    assert rb.buurt_scores(rb._packages(cells), 1.0, (favour_rich,))["score"].between(0, 1).all()
