"""Index properties: bounded, monotone, weights normalised, missing values handled as documented."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.catalog.index_components import COMPONENTS, NORMALISATIONS
from geo.metrics import index
from geo.metrics.indicators import add_derived
from geo.params import IndexSettings, Prices, QuoteThreshold, UserIndicator


@pytest.fixture
def table(indicator_table):
    return add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)


W = {
    "low_income": 1.0, "energy_quote": 1.0, "energy_quality": 1.0, "investment_capacity": 0.5, "social_assistance": 0.5,
}


@pytest.mark.parametrize("method", list(NORMALISATIONS))
def test_normalised_values_are_in_unit_interval_and_keep_nan(method):
    s = pd.Series([3.0, np.nan, 10.0, 7.0])
    out = index.normalise(s, method)
    assert out.dropna().between(0, 1).all()
    assert np.isnan(out.iloc[1])
    assert out.iloc[2] > out.iloc[3] > out.iloc[0]


def test_minmax_by_hand():
    assert index.normalise(pd.Series([0.0, 5.0, 10.0]), "minmax").tolist() == [0.0, 0.5, 1.0]


def test_index_is_0_to_100_and_ranks_from_1(table):
    out = index.energy_poverty_index(table, IndexSettings(W, "minmax", "reweight"))
    assert out["energy_poverty_index"].dropna().between(0, 100).all()
    assert out["index_rank"].min() == 1
    # B has the most low income, highest quote share and most renters: rank 1
    assert out["index_rank"].idxmin() == "B"


def test_weights_are_normalised(table):
    a = index.energy_poverty_index(table, IndexSettings(W))["energy_poverty_index"]
    b = index.energy_poverty_index(table, IndexSettings({k: 3 * v for k, v in W.items()}))["energy_poverty_index"]
    pd.testing.assert_series_equal(a, b)


def test_components_left_out_weigh_nothing(table):
    only_income = index.energy_poverty_index(table, IndexSettings({"low_income": 1.0}))
    assert only_income["index_rank"].idxmin() == "B"  # most low income
    assert (only_income["components_used"].dropna() <= 1).all()


def test_missing_rules(table):
    # D lacks low income and energy quote (2 of 3.5 weight units -> 57% missing)
    W = {
        "low_income": 1.0, "energy_quote": 1.0, "energy_quality": 1.0, "investment_capacity": 0.5,
        "social_assistance": 0.0,
    }
    reweight = index.energy_poverty_index(table, IndexSettings(W, "minmax", "reweight"))
    assert np.isnan(reweight.loc["D", "energy_poverty_index"])  # less than half the weight has data
    assert reweight.loc["D", "components_used"] == 2
    median = index.energy_poverty_index(table, IndexSettings(W, "minmax", "median"))
    assert not np.isnan(median.loc["D", "energy_poverty_index"])
    exclude = index.energy_poverty_index(table, IndexSettings(W, "minmax", "exclude"))
    assert np.isnan(exclude.loc["D", "energy_poverty_index"])
    w2 = {**W, "low_income": 0.2, "energy_quote": 0.2}
    lighter = index.energy_poverty_index(table, IndexSettings(w2, "minmax", "reweight"))
    assert not np.isnan(lighter.loc["D", "energy_poverty_index"])


# the table is copied per example, so the function-scoped fixture is safe to reuse
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(st.floats(0, 100, allow_nan=False), min_size=4, max_size=4),
    bump=st.floats(0.01, 50),
    who=st.integers(0, 3),
    method=st.sampled_from(list(NORMALISATIONS)),
    component=st.sampled_from(["pct_label_efg_all", "pct_rent", "pct_social_assistance"]),
)
def test_raising_one_component_never_lowers_the_index(table, values, bump, who, method, component):
    t = table.copy()
    t[component] = values
    before = index.energy_poverty_index(t, IndexSettings(W, method, "median"))["energy_poverty_index"].iloc[who]
    t.iloc[who, t.columns.get_loc(component)] += bump
    after = index.energy_poverty_index(t, IndexSettings(W, method, "median"))["energy_poverty_index"].iloc[who]
    assert after >= before - 1e-9


def test_sensitivity_range_contains_the_rank(table):
    s = index.rank_sensitivity(table, IndexSettings(W, "minmax", "median"), draws=50, spread=0.5)
    ok = s.dropna()
    assert ((ok["rank_best"] <= ok["rank"]) & (ok["rank"] <= ok["rank_worst"])).all()
    narrow = index.rank_sensitivity(table, IndexSettings(W, "minmax", "median"), draws=50, spread=0.05)
    assert (narrow["rank_worst"] - narrow["rank_best"]).sum() <= (s["rank_worst"] - s["rank_best"]).sum()


def test_index_is_fast_for_15000_buurten():
    """Not a timing test: a functional check that the vectorised path handles country size."""
    rng = np.random.default_rng(1)
    n = 15000
    big = pd.DataFrame({c.column: rng.uniform(0, 100, n) for c in COMPONENTS.values()})
    out = index.energy_poverty_index(big, IndexSettings(W, "rank", "reweight"))
    assert out["energy_poverty_index"].notna().all() and len(out) == n


def test_index_from_kept_normalisation_equals_the_full_computation(table):
    # The Index page keeps the normalised components and recomputes only the weighting on a slider move.
    for method in NORMALISATIONS:
        norm = index.normalised_components(table, method)
        for weights in (W, {"low_income": 2.0, "energy_quote": 0.25}):
            settings_ = IndexSettings(weights, method, "reweight")
            pd.testing.assert_frame_equal(index.index_of_normalised(norm, settings_),
                                          index.energy_poverty_index(table, settings_))


def test_a_user_indicator_is_a_component_with_its_weight_and_direction(table):
    codes = list(table.index)
    values = tuple((c, float(i)) for i, c in enumerate(codes))
    only_user = IndexSettings(weights={k: 0.0 for k in COMPONENTS}, user=(UserIndicator("u", "Own", values),))
    out = index.energy_poverty_index(table, only_user)
    assert out["index_rank"].tolist() == list(range(len(codes), 0, -1))  # the highest value ranks first
    turned = IndexSettings(weights={k: 0.0 for k in COMPONENTS},
                           user=(UserIndicator("u", "Own", values, higher_is_worse=False),))
    assert index.energy_poverty_index(table, turned)["index_rank"].tolist() == list(range(1, len(codes) + 1))
    mixed = IndexSettings(user=(UserIndicator("u", "Own", values, weight=2.0),))
    kept = index.index_of_normalised(index.normalised_components(table, mixed.method), mixed)
    pd.testing.assert_frame_equal(kept, index.energy_poverty_index(table, mixed))
    assert index.rank_sensitivity(table, mixed, draws=10)["rank"].notna().any()
