"""Derived energy indicators on a hand-computed fixture."""

import numpy as np
import pandas as pd
import pytest

from geo.metrics.indicators import add_derived, energy_bill, energy_quote
from geo.params import Prices, QuoteThreshold


def test_bill_income_and_quote_by_hand(indicator_table):
    out = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    # A: 1000 m3 x 1.00 + 2000 kWh x 0.25 = 1500; income 20k x 2 = 40,000; quote 3.75%
    assert out.loc["A", "energy_bill_eur"] == pytest.approx(1500)
    assert out.loc["A", "household_income_eur"] == pytest.approx(40000)
    assert out.loc["A", "energy_quote_pct"] == pytest.approx(3.75)
    # B: 1500 + 625 = 2125 / 30,000 = 7.083% -> below 10%, above 7%
    assert out.loc["B", "energy_quote_pct"] == pytest.approx(7.0833, abs=1e-3)
    assert not out.loc["B", "high_energy_quote"]
    assert add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(7.0), 2017).loc["B", "high_energy_quote"]


def test_missing_income_gives_missing_quote_not_zero(indicator_table):
    out = add_derived(indicator_table, Prices(), QuoteThreshold(10.0), 2017)
    assert np.isnan(out.loc["D", "energy_quote_pct"])
    assert pd.isna(out.loc["D", "high_energy_quote"])
    assert out.loc["D", "energy_bill_eur"] > 0  # the bill itself is known


def test_zero_income_is_not_a_division():
    assert np.isnan(energy_quote(pd.Series([1000.0]), pd.Series([0.0])).iloc[0])


def test_higher_prices_raise_the_bill():
    gas, el = pd.Series([1200.0]), pd.Series([2500.0])
    assert energy_bill(gas, el, Prices(1.2, 0.3)).iloc[0] > energy_bill(gas, el, Prices(0.8, 0.2)).iloc[0]
