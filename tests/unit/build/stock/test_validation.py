"""Checks of the stock estimate: totals against VIVET, gas use against the measured KWB figure.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.build.stock import estimate, vivet
from geo.build.stock import validation as sv
from tests.support.stock_population import EXACT_ROWS, dwellings, exact_buurten


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
