"""The within-buurt income fit: it recovers a known lognormal and matches the published shares with a tenure gap."""

import math

import numpy as np
import pytest
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
