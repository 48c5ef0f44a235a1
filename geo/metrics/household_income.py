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
