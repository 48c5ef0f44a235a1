"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.metrics import income as ri


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


def test_household_income_in_euro_keeps_the_buurt_index():
    income = ri.household_income(pd.Series([22.6, np.nan], index=["a", "b"]), pd.Series([1.9, 2.0], index=["a", "b"]))
    assert income["a"] == pytest.approx(42940) and np.isnan(income["b"])  # suppressed income stays missing


def test_the_low_income_line_is_the_one_of_the_income_year():
    assert ri.low_income_line_single(2017) == 1040.0 * 12  # CBS, for incomes over 2017
    assert ri.low_income_line_single(2018) == 12_750.0
    assert ri.low_income_line_single(2020) > ri.low_income_line_single(2017)  # indexed for prices only
    with pytest.raises(ValueError, match="No CBS low-income line for 2016"):
        ri.low_income_line_single(2016)
    # a later line (higher price level) counts more households as low-income, so the calibrated spread changes
    early = ri.calibrate_sigma([40_000.0], [10.0], ri.low_income_line([2.0], 2013))
    late = ri.calibrate_sigma([40_000.0], [10.0], ri.low_income_line([2.0], 2020))
    assert late[0] != pytest.approx(early[0])
