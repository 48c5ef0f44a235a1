"""The within-buurt income model: the fit, the income of each cell's households and the HEQ share it gives."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm

from geo.metrics import household_income


def test_the_closed_form_fit_recovers_a_lognormal_and_reports_no_residual():
    mu, sigma = math.log(25_000), 0.45
    xs = np.log([12_750.0, 23_400.0, 38_300.0])
    shares = norm.cdf((xs - mu) / sigma)
    got = household_income.fit_income(xs, shares, np.array([1.0, 0.0, 0.0]), np.zeros(3))
    assert got[0] == pytest.approx(mu) and got[1] == pytest.approx(sigma) and got[2] == pytest.approx(0.0, abs=1e-9)


def test_with_a_tenure_gap_the_buurt_still_matches_its_published_shares():
    xs = np.log([12_750.0, 23_400.0, 38_300.0])
    shares = np.array([0.15, 0.55, 0.85])
    w, shifts = np.array([0.5, 0.4, 0.1]), np.array([0.0, -1.37, 0.0])  # corporation tenants 1.37 sd lower
    mu, sigma, res = household_income.fit_income(xs, shares, w, shifts)
    mu0, sigma0, res0 = household_income.fit_income(xs, shares, w, np.zeros(3))
    assert res <= res0 + 0.5  # the mixture fits the published shares about as well as one lognormal
    assert sigma < sigma0  # part of the spread is now between tenures


def test_the_heq_share_is_the_share_of_disposable_incomes_at_most_bill_over_threshold():
    # bill 1,500 at 10 %: a high quote below a disposable income of 15,000; a couple (equivalence 1.41) needs
    # a standardised income of at most 15,000 / 1.41
    mu, sigma = math.log(12_000.0), 0.4
    single = household_income.heq_share(1500.0, mu, sigma, 1.0, 10.0)[0]
    assert single == pytest.approx(norm.cdf(math.log(15 / 12) / 0.4))
    couple = household_income.heq_share(1500.0, mu, sigma, 1550 / 1100, 10.0)[0]
    assert couple == pytest.approx(norm.cdf((math.log(15_000 * 1100 / 1550) - mu) / sigma))
    assert np.isnan(household_income.heq_share(np.nan, mu, sigma, 1.0, 10.0)[0])  # a missing bill stays missing


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 10_000.0), st.floats(0.0, 10_000.0), st.floats(8.0, 11.0), st.floats(0.05, 1.5),
       st.floats(1.0, 2.5), st.floats(1.0, 20.0))
def test_a_lower_bill_never_raises_the_heq_share(bill_a, bill_b, mu, sigma, equivalence, quote_pct):
    low, high = sorted([bill_a, bill_b])
    shares = household_income.heq_share([low, high], mu, sigma, equivalence, quote_pct)
    assert shares[0] <= shares[1]


def test_corporation_tenants_get_the_buurt_fit_shifted_down():
    cells = pd.DataFrame({"buurt_code": ["BU1", "BU1"], "tenure": ["owner-occupied", "social rent"]})
    buurten = pd.DataFrame({"household_size": [2.0]}, index=pd.Index(["BU1"], name="buurt_code"))
    fits = pd.DataFrame({"income_mu": [10.0], "income_sigma": [0.5]}, index=buurten.index)
    mu, sigma, equivalence = household_income.cell_income(cells, buurten, fits, tenure_income_gap=1.2)
    assert mu == pytest.approx([10.0, 10.0 - 1.2 * 0.5])
    assert sigma == pytest.approx([0.5, 0.5]) and equivalence == pytest.approx([1550 / 1100] * 2)
