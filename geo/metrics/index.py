"""The energy-poverty index: components, normalisation, weights, missing values, sensitivity.

The index is a weighted mean of normalised components on 0-100 (higher = more
energy poverty). Each component is recognisable from the TNO/CBS Monitor
Energiearmoede; where the buurt data only allows an approximation, the
component says so (:mod:`geo.catalog.index_components`). Weights, normalisation
and missing-value rule come as one :class:`geo.params.IndexSettings`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtr

from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from geo.params import IndexSettings


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


def normalised_components(df: pd.DataFrame, method: str, user: tuple = ()) -> pd.DataFrame:
    """Each component normalised, one column per component key (and one per user indicator).

    A component whose column the table lacks (e.g. the Monitor indicators before the stock is built) is missing
    for every buurt, so the missing-value rule decides, as for a suppressed figure. ``user`` adds the user's
    own indicators (:class:`geo.params.UserIndicator`, :func:`user_components`).
    """
    empty = pd.Series(np.nan, index=df.index)
    norm = pd.DataFrame({k: normalise(df[c.column] if c.column in df else empty, method)
                         for k, c in COMPONENTS.items()}, index=df.index)
    return norm.join(user_components(df.index, user, method)) if user else norm


def user_components(index: pd.Index, user: tuple, method: str) -> pd.DataFrame:
    """The user's indicators normalised like the components, turned so that higher = more energy poverty.

    A buurt the indicator has no value for is missing (the missing-value rule decides).

    Examples
    --------
    >>> from geo.params import UserIndicator
    >>> u = UserIndicator("k", "Own", (("a", 0.0), ("b", 10.0)), higher_is_worse=False)
    >>> user_components(pd.Index(["a", "b", "c"]), (u,), "minmax")["user.k"].tolist()
    [1.0, 0.0, nan]
    """
    out = pd.DataFrame(index=index)
    for u in user:
        values = normalise(u.series().reindex(index), method)
        out[u.column] = values if u.higher_is_worse else 1.0 - values
    return out


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


def combine(norm: pd.DataFrame, settings: IndexSettings) -> pd.Series:
    """Weighted mean of normalised components on 0-100 under the settings' missing-value rule."""
    w = pd.Series(settings.normalised_weights).reindex(norm.columns).fillna(0.0)
    return pd.Series(combine_matrix(norm, w.to_numpy()[None, :], settings.missing)[:, 0], index=norm.index)


def energy_poverty_index(df: pd.DataFrame, settings: IndexSettings) -> pd.DataFrame:
    """Compute the index and its rank.

    Parameters
    ----------
    df : DataFrame
        One row per buurt with the column of every component.
    settings : IndexSettings
        Weights, normalisation and missing-value rule.

    Returns
    -------
    DataFrame
        ``energy_poverty_index`` (0-100, NaN where the missing rule gives none),
        ``index_rank`` (1 = most energy poverty) and ``components_used`` (count).
    """
    return index_of_normalised(normalised_components(df, settings.method, settings.user), settings)


def index_of_normalised(norm: pd.DataFrame, settings: IndexSettings) -> pd.DataFrame:
    """:func:`energy_poverty_index` from components already normalised with ``settings.method``.

    The normalisation does not depend on the weights, so a caller that keeps ``norm`` recomputes the index
    after a weight change with one matrix product (what the Index page does on every slider move).

    Parameters
    ----------
    norm : DataFrame
        :func:`normalised_components` of the table, one row per buurt.
    settings : IndexSettings
        Weights and missing-value rule (its ``method`` must be the one ``norm`` was made with).

    Returns
    -------
    DataFrame
        As :func:`energy_poverty_index`.
    """
    missing_user = tuple(u for u in settings.user if u.column not in norm)
    if missing_user:
        norm = norm.join(user_components(norm.index, missing_user, settings.method))
    index = combine(norm, settings)
    positive = [k for k, w in settings.normalised_weights.items() if w > 0]
    return pd.DataFrame(
        {
            "energy_poverty_index": index,
            "index_rank": index.rank(ascending=False, method="min"),
            "components_used": norm[positive].notna().sum(axis=1),
        },
        index=norm.index,
    )


def rank_sensitivity(df: pd.DataFrame, settings: IndexSettings, draws: int = 200, spread: float = 0.5,
                     seed: int = 0) -> pd.DataFrame:
    """How stable each buurt's rank is when the weights move.

    Each draw multiplies every positive weight by a factor uniform in
    [1 - spread, 1 + spread]; the rank is recomputed per draw.

    Returns
    -------
    DataFrame
        ``rank`` under the given weights, ``rank_best``, ``rank_worst`` and
        ``rank_p10``/``rank_p90`` over the draws (1 = most energy poverty).
    """
    rng = np.random.default_rng(seed)
    norm = normalised_components(df, settings.method, settings.user)
    base_w = pd.Series(settings.normalised_weights).reindex(norm.columns).fillna(0.0).to_numpy()
    factors = rng.uniform(1 - spread, 1 + spread, size=(draws, len(base_w)))
    base = energy_poverty_index(df, settings)["index_rank"]
    # All draws at once: one matrix product instead of a loop over weight sets.
    combined = combine_matrix(norm, base_w[None, :] * factors, settings.missing)
    ranks = pd.DataFrame(combined).rank(ascending=False, method="min").to_numpy()
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
