"""Raking to buurt margins, label imputation and the bootstrap band.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.build.stock import estimate, raking, vivet
from geo.vocab import LABELS
from tests.support.stock_population import LABEL_COLS, dwellings, kwb_buurten, random_population

REG_COLS = [f"dwellings_label_{lab.lower()}_registered" for lab in LABELS]


def margin(x: np.ndarray, axis: int) -> np.ndarray:
    return x.sum(axis=tuple(a for a in range(x.ndim) if a != axis))


def test_rake_reproduces_margins_and_total():
    rng = np.random.default_rng(0)
    seed = rng.uniform(1, 50, raking.RAKE_SHAPE)
    shares = [rng.dirichlet(np.ones(k)) for k in raking.RAKE_SHAPE]
    fitted, residual = raking.rake(seed, np.array(1234.0), [(i, s) for i, s in enumerate(shares)])
    assert fitted.sum() == pytest.approx(1234.0, abs=1e-6)
    for i, s in enumerate(shares):
        np.testing.assert_allclose(margin(fitted, i), 1234.0 * s, atol=1e-6)
    assert residual < 1e-9


@settings(max_examples=40, deadline=None)
@given(
    seed=st.lists(st.floats(0.5, 100), min_size=6, max_size=6),
    a=st.lists(st.floats(0.01, 1), min_size=2, max_size=2),
    b=st.lists(st.floats(0.01, 1), min_size=3, max_size=3),
    total=st.floats(1, 1e5),
)
def test_rake_property_margins_exact(seed, a, b, total):
    fitted, _ = raking.rake(np.reshape(seed, (2, 3)), np.array(total), [(0, np.array(a)), (1, np.array(b))])
    np.testing.assert_allclose(fitted.sum(axis=1), total * np.array(a) / sum(a), atol=1e-6 * max(total, 1))
    np.testing.assert_allclose(fitted.sum(axis=0), total * np.array(b) / sum(b), atol=1e-6 * max(total, 1))


def test_rake_missing_margin_is_skipped_per_buurt():
    """A NaN margin row: that buurt is raked on the other margins only; others use all."""
    rng = np.random.default_rng(3)
    seed = rng.uniform(1, 50, (3, 2))
    tenure = np.array([[0.5, 0.3, 0.2], [np.nan, np.nan, np.nan]])
    typ = np.array([[0.4, 0.6], [0.7, 0.3]])
    fitted, residual = raking.rake(seed, np.array([100.0, 200.0]), [(0, tenure), (1, typ)])
    np.testing.assert_allclose(margin(fitted[0], 0), [50, 30, 20], atol=1e-6)
    np.testing.assert_allclose(margin(fitted[1], 1), [140, 60], atol=1e-6)
    only_type, _ = raking.rake(seed, np.array(200.0), [(1, typ[1])])
    np.testing.assert_allclose(fitted[1], only_type, atol=1e-9)
    assert np.all(residual < 1e-9)


def test_imputation_uses_same_cell_mix_and_preserves_totals():
    rows = [
        (1, 4, 2, 0, "A", "aaa", 40.0, 100, ""),
        (3, 4, 2, 0, "C", "aaa", 40.0, 100, ""),
        (4, 4, 2, 0, "x", "aaa", 40.0, 100, ""),
        (5, 5, 3, 2, "G", "aaa", 30.0, 70, ""),  # another cell with a different mix
        (2, 5, 3, 2, "x", "aaa", 30.0, 70, ""),
    ]
    pop = vivet.check_vivet(dwellings(rows))
    groups = vivet.group_table(pop)
    mix = raking.label_mix(groups[0, ..., :7, 0].sum(axis=1))
    imp = raking.impute(groups, mix)[0, ..., 0].sum(axis=(0, 1))
    np.testing.assert_allclose(imp, [2, 0, 6, 0, 0, 0, 7])  # A 1+1, C 3+3, G 5+2
    assert imp.sum() == pytest.approx(len(pop))


def test_imputation_falls_back_to_type_and_period():
    rows = [(2, 4, 2, 0, "B", "aaa", 40.0, 100, ""), (2, 4, 2, 0, "D", "aaa", 40.0, 100, ""), (3, 4, 2, 2, "x", "aaa", 40.0, 100, "")]
    pop = vivet.check_vivet(dwellings(rows))
    groups = vivet.group_table(pop)
    mix = raking.label_mix(groups[0, ..., :7, 0].sum(axis=1))
    social_cell = (4 - 1) * 36 + 2 * 3 + 1  # mid-terrace, 1946-1964, social rent: no labelled dwelling
    np.testing.assert_allclose(mix[social_cell], [0, 0.5, 0, 0.5, 0, 0, 0])


def test_totals_are_preserved():
    pop = random_population()
    buurten = kwb_buurten(6)
    res = estimate.estimate_stock(pop, buurten, n_boot=5)
    s = res["stock"]
    np.testing.assert_allclose(s[LABEL_COLS].sum(axis=1), buurten["dwellings"], rtol=1e-9)
    np.testing.assert_allclose(s[REG_COLS].sum(axis=1) + s["dwellings_unlabelled_registered"], buurten["dwellings"], rtol=1e-9)
    tenure = s[["dwellings_owner_occupied", "dwellings_social_rent", "dwellings_private_rent"]].sum(axis=1)
    np.testing.assert_allclose(tenure, buurten["dwellings"], rtol=1e-9)
    per_buurt = res["cells"].groupby("buurt_code")["dwellings"].sum()
    np.testing.assert_allclose(per_buurt.loc[buurten["buurt_code"]], buurten["dwellings"], rtol=1e-9)


def test_bootstrap_band_contains_point_estimate():
    pop = random_population(4000)
    buurten = kwb_buurten(8)
    s = estimate.estimate_stock(pop, buurten, n_boot=100, seed=5)["stock"]
    assert (s["pct_label_efg_all_p05"] <= s["pct_label_efg_all"] + 1e-9).all()
    assert (s["pct_label_efg_all"] <= s["pct_label_efg_all_p95"] + 1e-9).all()
    assert (s["pct_label_efg_all_band"] > 0).all()
    for col in LABEL_COLS:
        assert (s[f"{col}_p05"] <= s[col] + 1e-9).all() and (s[col] <= s[f"{col}_p95"] + 1e-9).all()


def test_bootstrap_is_reproducible():
    pop = random_population(1500)
    buurten = kwb_buurten(3)
    a = estimate.estimate_stock(pop, buurten, n_boot=30, seed=7)["stock"]["pct_label_efg_all_p95"]
    b = estimate.estimate_stock(pop, buurten, n_boot=30, seed=7)["stock"]["pct_label_efg_all_p95"]
    pd.testing.assert_series_equal(a, b)
