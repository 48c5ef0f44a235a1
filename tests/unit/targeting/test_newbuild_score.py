"""Tests of the new-build model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.params import UserIndicator
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns


def buurten_fixture():
    return pd.DataFrame({
        "buurt_code": ["BU_SOC", "BU_OWN", "BU_MIX"],
        "buurt_name": ["social", "owner", "mixed"],
        "dwellings": [1000.0, 1000.0, 1000.0],
        "households": [1000.0, 1000.0, 1000.0],
        "pct_owner_occupied": [10.0, 90.0, 50.0],
        "pct_social_rent": [80.0, 5.0, 35.0],
        "pct_private_rent": [10.0, 5.0, 15.0],
    })


def cells_fixture():
    rows = []
    for code, efg in [("BU_SOC", 300.0), ("BU_OWN", 100.0), ("BU_MIX", 200.0)]:
        rows.append((code, "E", "social rent", efg, 1500.0, efg * 0.2))
        rows.append((code, "B", "owner-occupied", 1000.0 - efg, 1000.0, 0.0))
    return pd.DataFrame(
        rows, columns=["buurt_code", "label", "tenure", "dwellings", "gas_before_m3", "heq_households_before"]
    )


def test_mixing_direction_and_scores():
    b = buurten_fixture()
    mix = nb.gemeente_mix(b)
    assert mix.sum() == pytest.approx(1.0)
    best = nb.best_mixing_tenure(nb.tenure_shares(b), b.set_index("buurt_code")["dwellings"], mix)
    assert best.loc["BU_SOC", "mix_tenure_added"] != "social rent"
    assert best.loc["BU_OWN", "mix_tenure_added"] == "social rent"
    assert (best["mix_distance_after"] <= best["mix_distance_before"]).all()
    scores = ns.newbuild_scores(b, cells_fixture()).set_index("buurt_code")
    assert scores.loc["BU_SOC", "efg_co2_t"] == pytest.approx(300 * 1500 * 1.78 / 1000)
    assert scores.loc["BU_SOC", "score_thinning"] == pytest.approx(1.0)
    assert scores["score"].idxmax() == "BU_SOC"


def test_transformation_location_raises_score():
    b, c = buurten_fixture(), cells_fixture()
    plain = ns.newbuild_scores(b, c).set_index("buurt_code")
    marked = ns.newbuild_scores(b, c, transformation=["BU_MIX"]).set_index("buurt_code")
    assert marked.loc["BU_MIX", "score"] > plain.loc["BU_MIX", "score"]
    assert marked.loc["BU_SOC", "score"] == pytest.approx(plain.loc["BU_SOC", "score"])


@settings(max_examples=80, deadline=None)
@given(weights=st.lists(st.floats(0.0, 10.0), min_size=1, max_size=30), target=st.integers(0, 5000))
def test_largest_remainder_sums_exactly(weights, target):
    w = pd.Series(weights, index=[f"BU{i}" for i in range(len(weights))])
    out = ns.largest_remainder(w, target)
    if w.sum() > 0:
        assert out.sum() == target
        assert (out >= 0).all()
        assert (abs(out - w / w.sum() * target) < 1 + 1e-9).all()


def test_suggested_allocation_sums_to_target_and_respects_fixed():
    b, c = buurten_fixture(), cells_fixture()
    scores = ns.newbuild_scores(b, c)
    alloc = ns.suggest_allocation(scores, target=nb.TARGET_2032)
    assert alloc.sum() == 2500
    assert alloc.dtype.kind == "i"
    edited = ns.suggest_allocation(scores, target=2250, fixed={"BU_OWN": 1000})
    assert edited.sum() == 2250 and edited["BU_OWN"] == 1000
    with pytest.raises(ValueError):
        ns.suggest_allocation(scores, target=100, fixed={"BU_OWN": 200})


def test_newbuild_effects_thinning_arithmetic():
    b, c = buurten_fixture(), cells_fixture()
    scores = ns.newbuild_scores(b, c)
    alloc = pd.Series({"BU_SOC": 100, "BU_OWN": 0, "BU_MIX": 0})
    table, totals = ns.newbuild_effects(alloc, scores, b, thinning_share=0.5, replacement_ratio=0.5)
    soc = table.set_index("buurt_code").loc["BU_SOC"]
    assert soc["replacement_homes"] == 50 and soc["demolished"] == 100 and soc["added_homes"] == 50
    assert soc["co2_saved_t"] == pytest.approx(100 * 1500 * 1.78 / 1000)
    assert soc["heq_households_relieved"] == pytest.approx(100 * 0.2)
    assert soc["net_stock_change"] == 0
    assert soc["mix_distance_after"] < soc["mix_distance_before"]
    assert totals["progress_2032"] == pytest.approx(100 / 2500)
    with pytest.raises(ValueError):
        ns.newbuild_effects(alloc, scores, b, replacement_ratio=1.5)


def test_suggestion_over_the_best_buurten_and_every_transformation_location():
    b, c = buurten_fixture(), cells_fixture()
    scores = ns.newbuild_scores(b, c, transformation=["BU_OWN"])
    best = scores["buurt_code"].iloc[0]
    only_best = ns.suggest_over_best(scores, 1000, top_n=1)
    assert only_best.sum() == 1000
    assert set(only_best[only_best > 0].index) == {best, "BU_OWN"}  # the marked location shares in the target
    plain = ns.newbuild_scores(b, c)
    assert ns.suggest_over_best(plain, 1000, top_n=1)[plain["buurt_code"].iloc[0]] == 1000  # all on the best


def test_planned_homes_and_progress():
    plan = pd.Series({"BU_B": 5, "BU_A": 10, "BU_C": 0})
    assert ns.planned_homes(plan) == (("BU_A", 10), ("BU_B", 5))  # sorted, buurten without homes left out
    assert ns.progress_pct(2250, 3000) == 75.0 and ns.progress_pct(5, 0) is None


def test_mix_change_is_weighted_by_homes_over_planned_buurten():
    effects = pd.DataFrame({
        "homes": [30, 10, 0], "added_homes": [20, 10, 0],
        "mix_distance_before": [0.4, 0.2, 0.9], "mix_distance_after": [0.3, 0.2, 0.9],
        "mix_tenure_added": ["social rent", "owner-occupied", "social rent"],
    })
    mix = ns.mix_change(effects)
    assert mix["before"] == pytest.approx((0.4 * 30 + 0.2 * 10) / 40)  # the buurt without homes does not count
    assert mix["after"] == pytest.approx((0.3 * 30 + 0.2 * 10) / 40)
    assert mix["added_by_tenure"].to_dict() == {"owner-occupied": 10, "social rent": 20}
    assert ns.mix_change(effects.assign(homes=0))["before"] == 0.0  # an empty plan: no division by zero


def test_a_user_figure_is_a_part_of_the_score_with_its_weight_and_direction():
    b, c = buurten_fixture(), cells_fixture()
    congestion = (("BU_SOC", 9.0), ("BU_OWN", 0.0), ("BU_MIX", 1.0))
    base = ns.newbuild_scores(b, c).set_index("buurt_code")["score"]
    avoid = UserIndicator("grid", "Congestion", congestion, weight=3.0, higher_is_worse=False)
    scored = ns.newbuild_scores(b, c, user=(avoid,)).set_index("buurt_code")
    assert scored.loc["BU_SOC", "score_user.grid"] == 0.0 and scored.loc["BU_OWN", "score_user.grid"] == 1.0
    assert scored.loc["BU_SOC", "score"] < base["BU_SOC"]  # a congested buurt becomes a worse place to build
    assert scored.loc["BU_OWN", "score"] == pytest.approx((3 * base["BU_OWN"] + 3.0) / 6.0)
