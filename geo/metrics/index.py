"""The energy-poverty index: components, normalisation, weights, missing values, sensitivity.

The index is a weighted mean of normalised components on 0-100 (higher = more
energy poverty). Each component is recognisable from the TNO/CBS Monitor
Energiearmoede; where the buurt data only allows an approximation, the
component says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import ndtr

NORMALISATIONS = {
    "minmax": "Min-max: (x - min) / (max - min) over Heerlen buurten",
    "rank": "Rank: percentile rank among Heerlen buurten (robust to outliers)",
    "zscore": "Z-score: standard normal CDF of (x - mean) / sd (keeps distances, bounded)",
}
MISSING_RULES = {
    "reweight": "Use the components the buurt has and re-normalise the weights over them "
    "(no index when less than half of the weight has data)",
    "median": "Count a missing component at the Heerlen median of that component",
    "exclude": "No index for a buurt with any missing component",
}


@dataclass(frozen=True)
class Component:
    """One index component."""

    key: str
    column: str
    label: str
    monitor_indicator: str
    approximation: str
    default_weight: float


COMPONENTS: dict[str, Component] = {
    c.key: c
    for c in [
        Component(
            "low_income", "pct_low_income", "Low income",
            "Low income (<= 130% of the low-income threshold)",
            "Approximation: CBS publishes per buurt the share below 100% of the low-income threshold, not 130%.",
            1.0,
        ),
        Component(
            "energy_quote", "pct_high_quote_households", "High energy quote",
            "High energy quote (HEQ: share of households whose energy bill / disposable income is at or above the threshold)",
            "Modelled: measured average use x prices as the bill; incomes lognormal around gross income per inhabitant x "
            "household size, spread calibrated to the buurt's low-income share. Gross income understates the quote.",
            1.0,
        ),
        Component(
            "energy_quality", "pct_label_efg_all", "Low energy quality of the stock",
            "Low energy quality of the dwelling (LEK)",
            "Estimate: share of dwellings with label E, F or G, unlabelled dwellings imputed; the stock per buurt is "
            "estimated from VIVET dwellings raked to the buurt's CBS tenure, type and build-period shares.",
            1.0,
        ),
        Component(
            "investment_capacity", "pct_rent", "Little capacity to invest",
            "Little capacity to invest (LEKWI: tenants and low-income owners)",
            "Approximation: share of rented dwellings (social + private); low-income owners are not separable per buurt.",
            0.5,
        ),
        Component(
            "social_assistance", "pct_social_assistance", "Social assistance",
            "(context) persons on social assistance",
            "Context indicator, not part of the Monitor; weight 0 by default.",
            0.0,
        ),
    ]
}


def default_weights() -> dict[str, float]:
    """The default weight of each component."""
    return {k: c.default_weight for k, c in COMPONENTS.items()}


def normalise(values: pd.Series, method: str) -> pd.Series:
    """Normalise a component to [0, 1] (higher = more energy poverty); NaN stays NaN.

    Parameters
    ----------
    values : Series
        Raw component values.
    method : {"minmax", "rank", "zscore"}
        See :data:`NORMALISATIONS`.

    Returns
    -------
    Series
        Values in [0, 1]. A component without spread gives 0.5 everywhere it has data.
    """
    if method not in NORMALISATIONS:
        raise ValueError(f"unknown normalisation {method!r}; choose one of {sorted(NORMALISATIONS)}")
    x = values.astype(float)
    present = x.dropna()
    if present.empty:
        return x
    if method == "minmax":
        lo, hi = present.min(), present.max()
        return (x - lo) / (hi - lo) if hi > lo else x.where(x.isna(), 0.5)
    if method == "rank":
        n = len(present)
        return (x.rank(method="average") - 1) / (n - 1) if n > 1 else x.where(x.isna(), 0.5)
    sd = present.std(ddof=0)
    if sd == 0:
        return x.where(x.isna(), 0.5)
    return pd.Series(ndtr(((x - present.mean()) / sd).to_numpy()), index=x.index)


def normalised_components(df: pd.DataFrame, method: str) -> pd.DataFrame:
    """Each component normalised, one column per component key."""
    return pd.DataFrame({k: normalise(df[c.column], method) for k, c in COMPONENTS.items()}, index=df.index)


def check_weights(weights: dict[str, float]) -> dict[str, float]:
    """Validate weights: known keys, finite, non-negative, not all zero; return them normalised to sum 1."""
    unknown = set(weights) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"unknown index component(s): {sorted(unknown)}")
    clean = {}
    for key, w in weights.items():
        if not isinstance(w, (int, float)) or not np.isfinite(w) or w < 0:
            raise ValueError(f"weight of {key!r} must be a non-negative number, got {w!r}")
        clean[key] = float(w)
    total = sum(clean.values())
    if total <= 0:
        raise ValueError("at least one weight must be above zero")
    return {k: w / total for k, w in clean.items()}


def combine_matrix(norm: pd.DataFrame, weight_sets: np.ndarray, missing: str) -> np.ndarray:
    """The index for several weight sets at once.

    Parameters
    ----------
    norm : DataFrame
        Normalised components (n buurten x k components, NaN = missing).
    weight_sets : ndarray
        m x k non-negative weights, one set per row (each normalised to sum 1 here).
    missing : str
        Missing-value rule, see :data:`MISSING_RULES`.

    Returns
    -------
    ndarray
        n x m index values on 0-100 (NaN where the rule gives none).
    """
    if missing not in MISSING_RULES:
        raise ValueError(f"unknown missing-value rule {missing!r}; choose one of {sorted(MISSING_RULES)}")
    w = np.asarray(weight_sets, dtype=float)
    w = w / w.sum(axis=1, keepdims=True)
    x = norm.to_numpy(dtype=float)
    present = ~np.isnan(x)
    if missing == "median":
        medians = np.array([np.nanmedian(col) if np.any(~np.isnan(col)) else np.nan for col in x.T])
        x = np.where(present, x, medians)
        present = ~np.isnan(x)
    available = present.astype(float) @ w.T
    score = np.nan_to_num(x) @ w.T
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(available > 0, 100.0 * score / available, np.nan)
    if missing == "exclude":
        lacking = (~present).astype(float) @ (w.T > 0).astype(float)
        index = np.where(lacking > 0, np.nan, index)
    else:
        index = np.where(available >= 0.5 - 1e-9, index, np.nan)
    return index


def combine(norm: pd.DataFrame, weights: dict[str, float], missing: str) -> pd.Series:
    """Weighted mean of normalised components on 0-100 under a missing-value rule."""
    w = pd.Series(check_weights(weights)).reindex(norm.columns).fillna(0.0)
    return pd.Series(combine_matrix(norm, w.to_numpy()[None, :], missing)[:, 0], index=norm.index)


def energy_poverty_index(df: pd.DataFrame, weights: dict[str, float], method: str = "minmax", missing: str = "reweight") -> pd.DataFrame:
    """Compute the index and its rank.

    Returns
    -------
    DataFrame
        ``energy_poverty_index`` (0-100, NaN where the missing rule gives none),
        ``index_rank`` (1 = most energy poverty) and ``components_used`` (count).
    """
    norm = normalised_components(df, method)
    index = combine(norm, weights, missing)
    positive = [k for k, w in weights.items() if w > 0]
    return pd.DataFrame(
        {
            "energy_poverty_index": index,
            "index_rank": index.rank(ascending=False, method="min"),
            "components_used": norm[positive].notna().sum(axis=1),
        },
        index=df.index,
    )


def rank_sensitivity(df: pd.DataFrame, weights: dict[str, float], method: str = "minmax", missing: str = "reweight",
                     draws: int = 200, spread: float = 0.5, seed: int = 0) -> pd.DataFrame:
    """How stable is each buurt's rank when the weights move?

    Each draw multiplies every positive weight by a factor uniform in
    [1 - spread, 1 + spread]; the rank is recomputed per draw.

    Returns
    -------
    DataFrame
        ``rank`` under the given weights, ``rank_best``, ``rank_worst`` and
        ``rank_p10``/``rank_p90`` over the draws (1 = most energy poverty).
    """
    rng = np.random.default_rng(seed)
    norm = normalised_components(df, method)
    base_w = pd.Series(check_weights(weights)).reindex(norm.columns).fillna(0.0).to_numpy()
    factors = rng.uniform(1 - spread, 1 + spread, size=(draws, len(base_w)))
    base = energy_poverty_index(df, weights, method, missing)["index_rank"]
    # All draws at once: one matrix product instead of a loop over weight sets.
    ranks = pd.DataFrame(combine_matrix(norm, base_w[None, :] * factors, missing)).rank(ascending=False, method="min").to_numpy()
    has = base.notna().to_numpy()
    out = pd.DataFrame(np.nan, index=df.index, columns=["rank", "rank_best", "rank_worst", "rank_p10", "rank_p90"])
    out["rank"] = base
    if has.any():
        r = ranks[has]
        out.loc[has, "rank_best"] = np.nanmin(r, axis=1)
        out.loc[has, "rank_worst"] = np.nanmax(r, axis=1)
        out.loc[has, "rank_p10"] = np.nanpercentile(r, 10, axis=1)
        out.loc[has, "rank_p90"] = np.nanpercentile(r, 90, axis=1)
    return out
