"""Household income helpers and the gross-income proxy of the selectable ``pct_high_quote_households``.

The equivalence factors and the CBS low-income line serve every income model. The rest is the old proxy kept for
the selectable indicator ``pct_high_quote_households`` (:mod:`geo.metrics.indicators`) only; the Monitor indicators
and the retrofit's households lifted use the household model of :mod:`geo.metrics.household_income` instead.
CBS publishes per buurt only averages and the share of households with a low
income, not the income distribution. The proxy, a **modelled estimate**:

* household incomes in a buurt are lognormal with mean equal to the buurt's
  *approximate household income* (income per inhabitant x 1000 x household size;
  gross personal income, so it overstates the disposable income of the Monitor
  Energiearmoede);
* the dispersion sigma is calibrated per buurt so that the share of households
  below the CBS low-income line (scaled for household size with the CBS
  equivalence factors) equals the buurt's measured ``pct_low_income``. Closed form:
  ``sigma = q + sqrt(q^2 - 2 ln(z/m))`` with ``q = Phi^-1(p)``, ``z`` the line, ``m`` the mean;
* where that has no solution or an input is suppressed, sigma is the median of
  the calibrated buurten (or :data:`DEFAULT_SIGMA`);
* income is independent of the dwelling within a buurt.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import norm

from geo.catalog import sources
from geo.i18n import N_

# CBS equivalence factors implied by the 2020 low-income lines: single EUR 1,100, couple 1,550,
# couple with two children 2,110 per month (CBS, 'De lage-inkomensgrens', 2022) -> 1, 1.41, 1.92.
EQUIVALENCE_POINTS = ((1.0, 1.0), (2.0, 1550 / 1100), (4.0, 2110 / 1100))
# Shown after the source of the line (sources.LOW_INCOME_LINE_SOURCE) on the Data & method page, each translated.
LOW_INCOME_NOTE = N_(
    "The line of the year the buurt's income figures describe is used. It is compared with an approximate gross "
    "household income, which overstates income: high-quote counts are understated."
)
DEFAULT_SIGMA = 0.6  # used only when no buurt can be calibrated


def household_income(income_per_inhabitant_keur, household_size):
    """Approximate yearly household income in euro: income per inhabitant x 1000 x household size.

    CBS publishes no household income per buurt in these editions; the gross
    personal income per inhabitant (in EUR 1,000) times the average household
    size stands in for it, and overstates disposable income. Works element-wise
    on numbers, arrays and Series (a Series keeps its index).

    Examples
    --------
    >>> round(household_income(22.6, 1.9))
    42940
    """
    return income_per_inhabitant_keur * 1000.0 * household_size


def equivalence_factor(household_size) -> np.ndarray:
    """CBS-style equivalence factor for an average household size (linear interpolation, extrapolated)."""
    x = np.asarray(household_size, dtype=float)
    xs = np.array([p[0] for p in EQUIVALENCE_POINTS])
    ys = np.array([p[1] for p in EQUIVALENCE_POINTS])
    slope_hi = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
    out = np.interp(x, xs, ys)
    out = np.where(x > xs[-1], ys[-1] + slope_hi * (x - xs[-1]), out)
    out = np.where(x < xs[0], ys[0] - (ys[1] - ys[0]) * (xs[0] - x), out)
    return np.maximum(out, 0.5)


def low_income_line_single(income_year: int) -> float:
    """CBS low-income line of a one-person household in euro per year, for the year the incomes describe.

    Raises
    ------
    ValueError
        When the shipped facts have no line for that year (add it to ``geo.catalog.sources`` with its source).

    Examples
    --------
    >>> low_income_line_single(2018)
    12750.0
    """
    lines = sources.LOW_INCOME_LINE_SINGLE_EUR_PER_YEAR
    if income_year not in lines:
        known = ", ".join(str(y) for y in sorted(lines))
        raise ValueError(f"No CBS low-income line for {income_year} in the shipped facts (known: {known}).")
    return lines[income_year]


def low_income_line(household_size, income_year: int) -> np.ndarray:
    """Low-income line in euro per year for a household of the given (average) size, in the income year."""
    return low_income_line_single(income_year) * equivalence_factor(household_size)


def calibrate_sigma(mean_income, pct_low_income, line_eur) -> np.ndarray:
    """Lognormal dispersion so that P(income < line) equals the low-income share.

    Parameters
    ----------
    mean_income, pct_low_income, line_eur : array-like
        Mean household income (EUR), share below the line (%), line (EUR).

    Returns
    -------
    ndarray
        sigma per row; NaN where an input is missing or no positive solution exists.

    Examples
    --------
    >>> s = calibrate_sigma([40000.0], [10.0], [15000.0])
    >>> round(float(share_below([15000.0], [40000.0], s)[0]), 4)
    0.1
    """
    m = np.asarray(mean_income, dtype=float)
    p = np.asarray(pct_low_income, dtype=float) / 100.0
    z = np.asarray(line_eur, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        q = norm.ppf(np.clip(p, 1e-6, 1 - 1e-6))
        disc = q**2 - 2.0 * np.log(z / m)
        sigma = q + np.sqrt(disc)
    ok = np.isfinite(sigma) & (sigma > 0) & (m > 0) & (p > 0) & (p < 1)
    return np.where(ok, sigma, np.nan)


def fill_sigma(sigma, default: float = DEFAULT_SIGMA) -> np.ndarray:
    """Replace missing sigmas by the median of the calibrated ones (or ``default``)."""
    s = np.asarray(sigma, dtype=float)
    fallback = float(np.nanmedian(s)) if np.isfinite(s).any() else default
    return np.where(np.isfinite(s), s, fallback)


def share_below(x, mean_income, sigma) -> np.ndarray:
    """P(income < x) for a lognormal with the given mean and sigma; NaN where inputs are missing."""
    x = np.asarray(x, dtype=float)
    m = np.asarray(mean_income, dtype=float)
    s = np.asarray(sigma, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mu = np.log(m) - s**2 / 2.0
        z = (np.log(np.maximum(x, 1e-9)) - mu) / s
    return norm.cdf(z)  # NaN stays NaN


def high_quote_share(bill_eur, mean_income, sigma, threshold_pct: float) -> np.ndarray:
    """Modelled share of households whose bill / income is at or above the threshold.

    A household has a high quote when its income is at most bill / threshold.
    """
    return share_below(np.asarray(bill_eur, dtype=float) * 100.0 / threshold_pct, mean_income, sigma)

