"""Tests of the buurt housing-stock estimate (geo.stock, geo.stock_validation).

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network."""

from __future__ import annotations
import sys
from pathlib import Path
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from geo.build.stock import estimate, vivet  # noqa: E402
from geo.catalog import dictionary  # noqa: E402
from geo.build.stock import validation as sv  # noqa: E402
from geo.errors import DataError  # noqa: E402


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # plain `pytest` as well as `python -m pytest`


def dwellings(rows: list[tuple]) -> pd.DataFrame:
    """VIVET-format dwellings from (n, wt, bp, eg, lb, ic, gas_gj, op, buurt_code) rows."""
    out = []
    for n, wt, bp, eg, lb, ic, gas, op, bu in rows:
        for _ in range(n):
            out.append({"gemeentecode": "GM0917", "rv": gas * 0.8, "tw": gas * 0.1, "gas": gas, "op": op, "wt": wt, "bp": bp, "bj": 1950, "eg": eg, "lb": lb, "ic": ic, "BU_CODE": bu})
    df = pd.DataFrame(out)
    df.insert(0, "vbo_id", [f"0917010000{i:06d}" for i in range(len(df))])
    return df


# Three buurten whose KWB margins identify their dwellings exactly:
# A = owner-occupied single-family before 2000, B = social-rent apartments before 2000
# (some on district heating), C = private-rent apartments built 2000 or later.
EXACT_ROWS = [
    (6, 4, 2, 0, "C", "aaa", 40.0, 100, "BU09170001"),
    (4, 4, 2, 0, "x", "aaa", 44.0, 100, "BU09170001"),
    (2, 1, 0, 0, "G", "aaa", 80.0, 180, "BU09170001"),
    (2, 1, 0, 0, "x", "aaa", 70.0, 170, "BU09170001"),
    (5, 5, 3, 2, "E", "aaa", 30.0, 70, "BU09170002"),
    (3, 5, 3, 2, "x", "aaa", 28.0, 65, "BU09170002"),
    (2, 5, 3, 2, "x", "eww", 0.0, 65, "BU09170002"),
    (3, 5, 9, 1, "A", "aaa", 15.0, 80, "BU09170003"),
    (1, 5, 9, 1, "x", "aaa", 16.0, 80, "BU09170003"),
]


def exact_buurten() -> pd.DataFrame:
    """KWB-style buurt table matching EXACT_ROWS, plus a buurt without a dwelling count."""
    return pd.DataFrame(
        {
            "buurt_code": ["BU09170001", "BU09170002", "BU09170003", "BU09170004"],
            "buurt_name": ["A", "B", "C", "D"],
            "dwellings": [14.0, 10.0, 4.0, np.nan],
            "pct_owner_occupied": [100.0, 0.0, 0.0, np.nan],
            "pct_social_rent": [0.0, 100.0, 0.0, np.nan],
            "pct_private_rent": [0.0, 0.0, 100.0, np.nan],
            "pct_single_family": [100.0, 0.0, 0.0, np.nan],
            "pct_multi_family": [0.0, 100.0, 100.0, np.nan],
            "pct_built_before_2000": [100.0, 100.0, 0.0, np.nan],
            "pct_district_heating": [np.nan] * 4,
            "gas_m3": [1500.0, 700.0, 500.0, np.nan],
        }
    )


def test_totals_check_on_an_exact_partition():
    dw = vivet.check_vivet(dwellings(EXACT_ROWS).drop(columns="BU_CODE"))
    res = estimate.estimate_stock(dw, exact_buurten(), n_boot=5)
    check = sv.totals_check(res["cells"], res["reference_cells"])
    np.testing.assert_allclose(check["ratio"].dropna(), 1.0, atol=1e-9)
    assert check["within_tolerance"].all()
    # a buurt that takes more than its share of one category is visible in the check
    skewed = res["cells"].copy()
    skewed.loc[skewed["label_class"] == "A", "dwellings"] *= 1.5
    assert not sv.totals_check(skewed, res["reference_cells"])["within_tolerance"].all()


def test_validation_flags_a_large_gas_error_as_weak():
    codes = [f"BU0917000{i}" for i in range(5)]
    stock_tab = pd.DataFrame(
        {
            "buurt_code": codes,
            "stock_dwellings": [500.0] * 5,
            "gas_m3_vivet": [1000.0] * 5,
            "effective_dwellings": [5000.0] * 5,
            "margins_used": ["tenure, type, period"] * 5,
            "rake_residual": [0.0] * 5,
        }
    )
    buurten = pd.DataFrame({"buurt_code": codes, "buurt_name": list("abcde"), "gas_m3": [1100.0, 1100.0, 1100.0, 1100.0, 2200.0]})
    v = sv.gas_check(stock_tab, buurten).set_index("buurt_code")
    assert list(v["estimate_quality"]) == ["good", "good", "good", "good", "weak"]
    assert "off the measured" in v.loc[codes[4], "estimate_reason"]
    # leave-one-out level: the good buurten are predicted from the others, including the outlier
    assert v.loc[codes[0], "level_factor"] == pytest.approx((3 * 1100 + 2200) / 4000)
    assert v.loc[codes[4], "gas_m3_error_pct"] == pytest.approx(100 * (1100 - 2200) / 2200)


def test_validation_flags_few_effective_dwellings_and_unmet_margins():
    row = pd.DataFrame(
        {"buurt_code": ["BU09170000", "BU09170001"], "stock_dwellings": [50.0, 50.0], "gas_m3_vivet": [1000.0, 1000.0],
         "effective_dwellings": [40.0, 5000.0], "margins_used": ["tenure, type, period"] * 2, "rake_residual": [0.0, 0.05]}
    )
    buurten = pd.DataFrame({"buurt_code": row["buurt_code"], "buurt_name": ["a", "b"], "gas_m3": [1000.0, 1000.0]})
    v = sv.gas_check(row, buurten)
    assert list(v["estimate_quality"]) == ["weak", "weak"]
    assert "few VIVET dwellings" in v.loc[0, "estimate_reason"] and "could not all be met" in v.loc[1, "estimate_reason"]
