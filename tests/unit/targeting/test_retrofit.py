"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.targeting import retrofit as r


def test_lookup_factors_fall_back_from_period_to_type_to_pooled():
    factors = pd.DataFrame({
        "dwelling_type": ["mid-terrace", "mid-terrace", r.ALL],
        "build_period": ["before 1930", r.ALL, r.ALL],
        "label": ["G", "G", "G"],
        "factor": [1.3, 1.2, 1.1],
    })
    cells = pd.DataFrame({
        "dwelling_type": ["mid-terrace", "mid-terrace", "apartment", "apartment"],
        "build_period": ["before 1930", "1975-1991", "1975-1991", "1975-1991"],
        "label": ["G", "G", "G", "Q"],
    })
    out = r.lookup_factors(cells, factors)
    assert out.iloc[:3].tolist() == [1.3, 1.2, 1.1]  # exact, the type's, the pooled factor
    assert np.isnan(out.iloc[3])  # an unknown label gets no factor


def test_label_index_orders_best_to_worst():
    assert r.label_index(["A", "G", "Z"]).tolist()[:2] == [0.0, 6.0]
    assert np.isnan(r.label_index(["Z"])[0])


def test_stock_by_label_is_wide_over_all_labels():
    cells = pd.DataFrame({
        "buurt_code": ["BU1", "BU1", "BU1", "BU2"],
        "tenure": ["social rent", "social rent", "owner-occupied", "social rent"],
        "label_class": ["E", "E", "A", "G"],
        "dwellings": [2.5, 1.5, 3.0, 7.0],
    })
    t = r.stock_by_label(cells, "tenure").set_index(["buurt_code", "tenure"])
    assert list(t.columns) == list(r.LABELS)
    assert t.loc[("BU1", "social rent"), "E"] == pytest.approx(4.0)
    assert t.loc[("BU1", "social rent"), "A"] == 0.0  # no dwellings of a label is zero, not missing
    assert t.loc[("BU2", "social rent")].sum() == pytest.approx(7.0)


def test_label_gap_pooled_and_per_type_by_hand():
    f = pd.DataFrame({
        "dwelling_type": [r.ALL, r.ALL, "apartment", "apartment"], "build_period": r.ALL,
        "label": ["A", "G", "A", "G"], "factor": [0.68, 1.0, 0.68, 1.0], "factor_own_type": [0.68, 1.0, 0.6, 1.0],
    })
    assert r.label_gap(f) == pytest.approx(0.32)
    gaps = r.label_gaps_by_type(f).set_index("dwelling_type")
    assert gaps.loc["apartment", "gap_model"] == pytest.approx(0.32)
    assert gaps.loc["apartment", "gap_own_type"] == pytest.approx(0.40)


def test_label_gap_beside_benchmarks_by_hand():
    f = pd.DataFrame({"dwelling_type": r.ALL, "build_period": r.ALL, "label": ["A", "G"], "factor": [0.7, 1.0]})
    t = r.label_gap_beside_benchmarks(f).set_index("benchmark_pct")
    assert t.loc[28.0, "model_pct"] == pytest.approx(30.0)
    assert t.loc[28.0, "difference_pp"] == pytest.approx(2.0)
    assert t.loc[34.0, "difference_pct"] == pytest.approx(100 * -4 / 34)
    assert t["within_tolerance"].all()
