"""Within-buurt distribution of standardised disposable household income, fitted on the buurt's published shares.

Standardised disposable household income in a buurt is lognormal, ``ln Y ~ N(mu + d_t, sigma)``, with a shift
``d_t`` per tenure (owner-occupier and private tenant 0, corporation tenant ``-gap x sigma``, Aedes). ``mu`` and
``sigma`` are fitted by least squares on every published share with a known boundary: below the CBS low-income line,
in the national lowest 40 %, in the national highest 20 %. Without a tenure gap the fit is closed form (a regression
of ``ln boundary`` on ``Phi^-1(share)``); with one, the mixture over the buurt's tenures is fitted numerically,
starting from the closed form. Used by :mod:`geo.metrics.monitor`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import least_squares
from scipy.stats import norm

from geo.metrics import income
from geo.params import MonitorSettings

SHARE_CLIP = 0.005  # published shares of 0 % or 100 % are read as 0.5 % / 99.5 % (probit of 0 is infinite)
# Income shift per tenure, in within-tenure standard deviations x tenure_income_gap: Aedes compares corporation
# tenants with private tenants and owner-occupiers together, so only corporation tenants are shifted.
TENURE_SHIFT = {"owner-occupied": 0.0, "social rent": -1.0, "private rent": 0.0}


def moments(buurt: pd.Series, line_eur: float, settings: MonitorSettings) -> tuple[np.ndarray, np.ndarray]:
    """The published shares of one buurt with their boundaries, as (ln boundary, share below) arrays.

    Missing (suppressed) shares and boundaries set to None are left out.

    Examples
    --------
    >>> b = pd.Series({"pct_low_income": 10.0, "pct_bottom40_households": 50.0, "pct_top20_households": None})
    >>> x, p = moments(b, 12_750.0, MonitorSettings())
    >>> [round(float(v), 2) for v in p]
    [0.1, 0.5]
    """
    pairs = [
        (line_eur, buurt.get("pct_low_income"), False),
        (settings.bottom40_boundary_eur, buurt.get("pct_bottom40_households"), False),
        (settings.top20_boundary_eur, buurt.get("pct_top20_households"), True),
    ]
    xs, ps = [], []
    for boundary, pct, above in pairs:
        if boundary is None or pct is None or not np.isfinite(pct):
            continue
        share = float(pct) / 100.0
        xs.append(np.log(boundary))
        ps.append(1.0 - share if above else share)
    return np.array(xs), np.array(ps)


def fit_closed_form(log_boundaries: np.ndarray, shares: np.ndarray) -> tuple[float, float]:
    """Least-squares lognormal through (ln boundary, share below) points: ``ln x = mu + sigma * Phi^-1(p)``.

    Returns ``(nan, nan)`` with fewer than two points or a non-positive slope.

    Examples
    --------
    >>> mu, s = fit_closed_form(np.log([10_000.0, 30_000.0]), norm.cdf([-1.0, 1.0]))
    >>> round(float(np.exp(mu))), round(float(s), 3)
    (17321, 0.549)
    """
    if len(shares) < 2:
        return float("nan"), float("nan")
    z = norm.ppf(np.clip(shares, SHARE_CLIP, 1 - SHARE_CLIP))
    if np.ptp(z) <= 0:
        return float("nan"), float("nan")
    sigma, mu = np.polyfit(z, log_boundaries, 1)
    return (float(mu), float(sigma)) if sigma > 0 else (float("nan"), float("nan"))


def mixture_share_below(log_x, mu: float, sigma: float, weights: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """Share of a buurt's households below ``exp(log_x)``: tenure-weighted lognormals with shifted means.

    ``shifts`` are per tenure in standard deviations: tenure t has ``ln Y ~ N(mu + shifts[t] x sigma, sigma)``.
    """
    lx = np.atleast_1d(np.asarray(log_x, dtype=float))
    z = (lx[:, None] - mu) / sigma - shifts[None, :]
    return norm.cdf(z) @ weights


def fit_income(log_boundaries, shares, weights, shifts) -> tuple[float, float, float]:
    """Fit ``(mu, sigma)`` of the buurt's income model; return them with the RMS residual in percentage points.

    Closed form when every shift is zero; otherwise least squares on the mixture shares from the closed-form start.
    """
    mu, sigma = fit_closed_form(log_boundaries, shares)
    if not np.isfinite(mu):
        return mu, sigma, float("nan")
    if np.any(shifts != 0):
        mean_shift = float(weights @ shifts)

        def resid(theta):
            return mixture_share_below(log_boundaries, theta[0], np.exp(theta[1]), weights, shifts) - shares

        sol = least_squares(resid, x0=[mu - mean_shift * sigma, np.log(sigma)], method="lm")
        mu, sigma = float(sol.x[0]), float(np.exp(sol.x[1]))
    fitted = mixture_share_below(log_boundaries, mu, sigma, weights, shifts)
    return mu, sigma, float(100 * np.sqrt(np.mean((fitted - shares) ** 2)))


def tenure_weights(cells: pd.DataFrame) -> pd.DataFrame:
    """Share of dwellings per tenure per buurt (rows buurt_code, columns the tenure names)."""
    w = cells.pivot_table(index="buurt_code", columns="tenure", values="dwellings", aggfunc="sum", fill_value=0.0)
    w = w.reindex(columns=list(TENURE_SHIFT), fill_value=0.0)
    return w.div(w.sum(axis=1).where(lambda s: s > 0), axis=0)


def _mu_residual(theta, log_boundaries, shares, sigma, weights, shifts) -> np.ndarray:
    """Fitted minus published shares for a level ``theta[0]`` at a fixed spread."""
    return mixture_share_below(log_boundaries, theta[0], sigma, weights, shifts) - shares


def income_fits(buurten: pd.DataFrame, cells: pd.DataFrame, income_year: int,
                settings: MonitorSettings) -> pd.DataFrame:
    """The income model of every buurt.

    Returns
    -------
    DataFrame
        Index buurt_code; ``income_mu``, ``income_sigma`` (of ln standardised income, owner-occupiers' mu),
        ``income_fit_residual_pp``, ``income_moments`` (published shares used) and ``income_fallback`` (True where
        fewer than two shares were published and sigma is the median of the fitted buurten).
    """
    line = income.low_income_line_single(income_year)
    tw = tenure_weights(cells)
    shifts = settings.tenure_income_gap * np.array(list(TENURE_SHIFT.values()))
    rows = {}
    for code, b in buurten.iterrows():
        xs, ps = moments(b, line, settings)
        w = tw.loc[code].to_numpy() if code in tw.index and tw.loc[code].notna().all() else np.array([1.0, 0, 0])
        mu, sigma, res = fit_income(xs, ps, w, shifts)
        rows[code] = (mu, sigma, res, len(ps), xs, ps, w)
    out = pd.DataFrame({k: v[:4] for k, v in rows.items()}, index=[
        "income_mu", "income_sigma", "income_fit_residual_pp", "income_moments"]).T
    out = out.astype(float)
    median_sigma = float(out["income_sigma"].median()) if out["income_sigma"].notna().any() else 0.6
    out["income_fallback"] = out["income_sigma"].isna() & (out["income_moments"] >= 1)
    for code in out.index[out["income_fallback"]]:
        # One published share only: take the median spread of the fitted buurten and solve for mu.
        _, _, _, _, xs, ps, w = rows[code]
        sol = least_squares(_mu_residual, x0=[xs[0]], args=(xs, ps, median_sigma, w, shifts))
        out.loc[code, ["income_mu", "income_sigma"]] = [float(sol.x[0]), median_sigma]
    out.index.name = "buurt_code"
    return out


# ---- the income of each stock cell's households ----------------------------------------------------------------


def cell_income(cells: pd.DataFrame, buurten: pd.DataFrame, fits: pd.DataFrame, tenure_income_gap: float,
                log_shift: float | pd.Series = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Income model of each cell's households: the buurt fit shifted by the cell's tenure.

    Parameters
    ----------
    cells : DataFrame
        Rows with ``buurt_code`` and ``tenure``.
    buurten : DataFrame
        Indexed by buurt_code; ``household_size`` (1 where missing) sets the equivalence factor.
    fits : DataFrame
        :func:`geo.metrics.household_income.income_fits` output.
    tenure_income_gap : float
        Corporation tenants' shift in standard deviations (:class:`geo.params.MonitorSettings`).
    log_shift : float or Series
        Shift of every income in log points; per buurt when a Series.

    Returns
    -------
    tuple of arrays
        ``(mu, sigma, equivalence)`` per row: ln standardised disposable income ~ N(mu, sigma); disposable
        income = standardised income x equivalence. NaN mu/sigma where the buurt has no income fit.
    """
    fo = fits.reindex(cells["buurt_code"])
    sigma = fo["income_sigma"].to_numpy(dtype=float)
    mu = fo["income_mu"].to_numpy(dtype=float) + cells["tenure"].map(TENURE_SHIFT).fillna(0.0).to_numpy() * \
        tenure_income_gap * sigma + per_buurt(log_shift, cells["buurt_code"], 0.0)
    size = buurten["household_size"].reindex(cells["buurt_code"]).fillna(1.0).to_numpy(dtype=float)
    return mu, sigma, income.equivalence_factor(size)


def heq_share(bill_eur, mu, sigma, equivalence, quote_pct: float) -> np.ndarray:
    """Share of households whose bill / disposable income is at or above ``quote_pct`` (the Monitor's HEQ).

    bill / (standardised income x equivalence) >= q  <=>  standardised income <= bill / (q x equivalence). NaN where
    the bill or the income model is missing.

    Examples
    --------
    A bill of 1,500 at 10 % needs a disposable income of at most 15,000: half the households when that is the median.

    >>> float(heq_share(1500.0, np.log(15_000.0), 0.5, 1.0, 10.0)[0])
    0.5
    """
    b = np.atleast_1d(np.asarray(bill_eur, dtype=float))
    with np.errstate(divide="ignore"):
        share = below(np.log(np.maximum(b, 1e-9) / (quote_pct / 100.0 * np.asarray(equivalence, dtype=float))),
                       mu, sigma)
    return np.where(np.isnan(b), np.nan, share)


def mean_disposable_income(mu, sigma, equivalence) -> np.ndarray:
    """Mean disposable household income of a lognormal standardised income, x the equivalence factor.

    Examples
    --------
    >>> round(float(mean_disposable_income(np.log(20_000.0), 0.0, 1.5)[0]))
    30000
    """
    return np.atleast_1d(np.exp(np.asarray(mu, dtype=float) + np.asarray(sigma, dtype=float) ** 2 / 2)
                         * np.asarray(equivalence, dtype=float))


def per_buurt(value, codes: pd.Series, missing: float) -> np.ndarray:
    """A scalar, or a per-buurt Series looked up for every row (``missing`` where the buurt has none)."""
    if isinstance(value, pd.Series):
        return value.reindex(codes).fillna(missing).to_numpy(dtype=float)
    return np.full(len(codes), float(value))


def below(log_x, mu, sigma) -> np.ndarray:
    """P(ln Y < log_x) for normal ln Y; NaN where mu or sigma is missing."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return norm.cdf((np.asarray(log_x, dtype=float) - mu) / sigma)
