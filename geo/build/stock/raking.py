"""Raking (IPF) of the VIVET group table to buurt margins, label imputation and bootstrap.

The gemeente group table of :mod:`geo.build.stock.vivet` is collapsed to 24 raking
cells (tenure x single/multi-family x built 2000+ x district heating) and
reweighted per buurt to the CBS KWB margins by iterative proportional fitting
(:func:`rake`, :func:`estimate_groups`). Dwellings without a registered label
are spread over A-G by the label mix of their imputation cell
(:func:`label_mix`, :func:`impute`); :func:`bootstrap_labels` repeats mix,
raking and imputation on multinomial resamples for the uncertainty band.
All functions are pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.build.stock.vivet import N_CELLS, N_LABELS, N_PERIODS, cell_attributes

RAKE_SHAPE = (3, 2, 2, 2)  # tenure, multi-family, built 2000+, district heating


# ---- raking cells -------------------------------------------------------------------------


def rake_cell_index() -> np.ndarray:
    """Raking cell (tenure x multi-family x built 2000+ x district heating, flat 0..23) per (k, dh)."""
    a = cell_attributes()
    base = (a["tenure"].to_numpy() * 2 + a["multi"].to_numpy()) * 2 + a["post2000"].to_numpy()
    return np.stack([base * 2, base * 2 + 1], axis=1)  # (N_CELLS, 2)


def rake_indicator() -> np.ndarray:
    """Indicator matrix (N_CELLS*2, 24): which raking cell each (k, dh) belongs to."""
    idx = rake_cell_index().ravel()
    indicator = np.zeros((len(idx), int(np.prod(RAKE_SHAPE))))
    indicator[np.arange(len(idx)), idx] = 1.0
    return indicator


def seed_cells(counts: np.ndarray) -> np.ndarray:
    """Dwelling counts per raking cell, shape (..., 3, 2, 2, 2), from counts of shape (..., N_CELLS, 2, 8)."""
    per_kd = counts.sum(axis=-1).reshape(counts.shape[:-3] + (N_CELLS * 2,))
    flat = per_kd @ rake_indicator()
    return flat.reshape(flat.shape[:-1] + RAKE_SHAPE)


# ---- label imputation ---------------------------------------------------------------------


def _fallback_levels() -> list[np.ndarray]:
    """Key per imputation cell for each level: cell, type x period, type x 2000+, multi-family, all."""
    a = cell_attributes()
    return [
        np.arange(N_CELLS),
        ((a["wt"] - 1) * N_PERIODS + a["bp"]).to_numpy(),
        ((a["wt"] - 1) * 2 + a["post2000"]).to_numpy(),
        a["multi"].to_numpy(),
        np.zeros(N_CELLS, dtype=int),
    ]


def label_mix(labelled: np.ndarray) -> np.ndarray:
    """Label mix per imputation cell from labelled dwelling counts, with fallback to coarser cells.

    Parameters
    ----------
    labelled : ndarray, shape (..., N_CELLS, 7)
        Counts of dwellings with a registered label A-G per cell.

    Returns
    -------
    ndarray, shape (..., N_CELLS, 7)
        Shares summing to 1 per cell: the cell's own mix of registered labels;
        when the cell has no labelled dwelling, that of type x build period,
        then type x (before/after 2000), then single/multi-family, then all
        dwellings. NaN only when there is no labelled dwelling at all.
    """
    mix = np.full(labelled.shape, np.nan)
    done = np.zeros(labelled.shape[:-1], dtype=bool)
    for key in _fallback_levels():
        indicator = np.zeros((N_CELLS, key.max() + 1))
        indicator[np.arange(N_CELLS), key] = 1.0
        level = np.einsum("...kl,kj->...jl", labelled, indicator)
        back = np.einsum("...jl,kj->...kl", level, indicator)
        total = back.sum(axis=-1)
        use = (~done) & (total > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mix = np.where(use[..., None], back / total[..., None], mix)
        done |= use
    return mix


def impute(groups: np.ndarray, mix: np.ndarray) -> np.ndarray:
    """Spread unlabelled dwellings over A-G by the same-cell mix (proportional imputation).

    Parameters
    ----------
    groups : ndarray, shape (..., N_CELLS, 2, 8, V)
        Group table (last axis: count and sums).
    mix : ndarray, shape (N_CELLS, 7)
        Label mix per imputation cell (:func:`label_mix`).

    Returns
    -------
    ndarray, shape (..., N_CELLS, 2, 7, V)
        Labelled groups plus each cell's unlabelled count and sums times the
        cell's label shares; totals over labels equal those of ``groups``.
    """
    spread = groups[..., 7, None, :] * mix[:, None, :, None]
    return groups[..., :7, :] + spread


# ---- raking -------------------------------------------------------------------------------


def rake(seed: np.ndarray, total: np.ndarray, margins: list[tuple[int, np.ndarray]], cell_ndim: int | None = None, max_iter: int = 2000, tol: float = 1e-10) -> tuple[np.ndarray, np.ndarray]:
    """Iterative proportional fitting of a seed table to a total and marginal shares.

    Parameters
    ----------
    seed : ndarray, shape (..., *cells)
        Non-negative seed counts; the leading axes broadcast with ``total``
        (one seed for all buurten, or one per bootstrap replicate).
    total : ndarray, shape (...)
        Total per table. NaN gives an all-NaN table (no estimate), 0 all zeros.
    margins : list of (axis, shares)
        ``axis`` indexes the cell axes (0 = first cell axis); ``shares`` has
        shape (..., n_axis). A row with any NaN share is a *missing margin* and is
        skipped: that table is raked on the margins it has. Shares are
        normalised to sum to 1, so CBS rounding (sums of 99-101 %) is absorbed.
    cell_ndim : int, optional
        Number of trailing cell axes of ``seed``; default all of them.
    max_iter, tol : int, float
        Stop when every margin is met within ``tol`` x total.

    Returns
    -------
    fitted : ndarray, shape (broadcast leading axes, *cells)
    residual : ndarray, shape (broadcast leading axes)
        Largest absolute margin deviation / total after fitting: ~0 when the
        margins are met, larger when they conflict with zeros in the seed.
    """
    seed = np.asarray(seed, dtype=float)
    total = np.asarray(total, dtype=float)
    cell_ndim = seed.ndim if cell_ndim is None else cell_ndim
    cells = seed.shape[seed.ndim - cell_ndim :]
    lead = np.broadcast_shapes(seed.shape[: seed.ndim - cell_ndim], total.shape)
    axes = tuple(range(len(lead), len(lead) + cell_ndim))
    x = np.broadcast_to(seed, lead + cells).copy()
    tot = np.broadcast_to(total, lead)
    s = x.sum(axis=axes)
    with np.errstate(invalid="ignore", divide="ignore"):
        x *= np.expand_dims(np.where(s > 0, tot / s, 0.0), axes)
    x[np.isnan(tot)] = np.nan
    targets = []
    for axis, shares in margins:
        shares = np.broadcast_to(np.asarray(shares, dtype=float), lead + (cells[axis],))
        with np.errstate(invalid="ignore", divide="ignore"):
            norm = shares / shares.sum(axis=-1, keepdims=True)
        ok = ~np.isnan(norm).any(axis=-1)
        targets.append((axes[axis], np.where(ok[..., None], norm * tot[..., None], np.nan)))
    scale = np.where(tot > 0, tot, 1.0)
    residual = np.zeros(lead)
    for _ in range(max_iter):
        for ax, target in targets:
            current = _margin(x, ax, axes)
            with np.errstate(invalid="ignore", divide="ignore"):
                factor = np.where(np.isnan(target), 1.0, np.where(current > 0, target / current, 0.0))
            x *= factor.reshape(lead + tuple(x.shape[a] if a == ax else 1 for a in axes))
        residual = _residual(x, targets, axes, scale)
        if np.all(np.nan_to_num(residual) < tol):
            break
    return x, np.where(np.isnan(tot), np.nan, residual)


def _margin(x: np.ndarray, ax: int, axes: tuple) -> np.ndarray:
    """Sum of ``x`` over all cell axes but ``ax``; shape (lead..., n_ax)."""
    other = tuple(a for a in axes if a != ax)
    return np.moveaxis(x.sum(axis=other, keepdims=True), ax, -1).reshape(x.shape[: axes[0]] + (x.shape[ax],))


def _residual(x: np.ndarray, targets: list, axes: tuple, scale: np.ndarray) -> np.ndarray:
    """Largest margin deviation of ``x`` divided by the table total."""
    res = np.zeros(x.shape[: axes[0]])
    for ax, target in targets:
        dev = np.where(np.isnan(target), 0.0, np.abs(_margin(x, ax, axes) - np.nan_to_num(target)))
        res = np.fmax(res, np.nan_to_num(dev).max(axis=-1) / scale)
    return res


# ---- estimate per buurt -------------------------------------------------------------------


def buurt_margins(buurten: pd.DataFrame, use_district_heating: bool = True) -> tuple[np.ndarray, list[tuple[int, np.ndarray]], list[str]]:
    """Raking targets per buurt from the KWB columns of the buurt table.

    Parameters
    ----------
    buurten : DataFrame
        Buurt table with ``dwellings`` and the KWB housing percentages.
    use_district_heating : bool
        Also rake on ``pct_district_heating`` where CBS publishes it.

    Returns
    -------
    total : ndarray (B,)
        Dwelling count per buurt (NaN = unknown, no estimate).
    margins : list of (axis, shares)
        Shares on the raking axes tenure (owner / social / private), type
        (single / multi-family), period (before 2000 / 2000+) and district heating
        (no / yes); a NaN row marks a margin CBS suppressed for that buurt.
    used : list of str
        Per buurt the margins actually used, e.g. "tenure, type, period".
    """
    def col(name: str) -> np.ndarray:
        return buurten[name].to_numpy(dtype=float) if name in buurten else np.full(len(buurten), np.nan)

    tenure = np.column_stack([col("pct_owner_occupied"), col("pct_social_rent"), col("pct_private_rent")])
    dtype_ = np.column_stack([col("pct_single_family"), col("pct_multi_family")])
    before = col("pct_built_before_2000")
    period = np.column_stack([before, 100.0 - before])
    dh = col("pct_district_heating") if use_district_heating else np.full(len(buurten), np.nan)
    heating = np.column_stack([100.0 - dh, dh])
    margins = [(0, tenure), (1, dtype_), (2, period), (3, heating)]
    names = ["tenure", "type", "period", "district heating"]
    used = []
    for i in range(len(buurten)):
        have = [n for n, (_, m) in zip(names, margins) if not np.isnan(m[i]).any() and m[i].sum() > 0]
        used.append(", ".join(have) if have else "none")
    return col("dwellings"), margins, used


def kd_factors(fitted: np.ndarray, seed: np.ndarray) -> np.ndarray:
    """Weight per VIVET dwelling by (k, dh): fitted / seed count of its raking cell; shape (..., N_CELLS, 2)."""
    flat_fit = fitted.reshape(fitted.shape[: fitted.ndim - 4] + (-1,))
    flat_seed = seed.reshape(seed.shape[: seed.ndim - 4] + (-1,))
    with np.errstate(invalid="ignore", divide="ignore"):
        f = np.where(flat_seed > 0, flat_fit / flat_seed, 0.0)
    f = np.where(np.isnan(flat_fit), np.nan, f)
    return f[..., rake_cell_index()]


def estimate_groups(groups: np.ndarray, total: np.ndarray, margins: list) -> dict:
    """Rake the gemeente group table to every buurt's margins.

    Parameters
    ----------
    groups : ndarray, shape (N_CELLS, 2, 8, V)
        Gemeente-wide VIVET group table.
    total, margins :
        As returned by :func:`buurt_margins`.

    Returns
    -------
    dict
        ``groups`` (B, N_CELLS, 2, 8, V) estimated per buurt, ``residual`` (B,),
        ``effective`` (B,) Kish effective number of VIVET dwellings behind each
        buurt's estimate.
    """
    seed = seed_cells(groups[..., 0])
    fitted, residual = rake(seed, total, margins)
    f = kd_factors(fitted, seed)  # (B, K, 2)
    est = f[..., None, None] * groups[None]
    n_kd = groups[..., 0].sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        effective = total**2 / np.einsum("bkd,kd->b", f**2, n_kd)
    return {"groups": est, "residual": residual, "effective": effective}



def bootstrap_labels(groups: np.ndarray, total: np.ndarray, margins: list, n_boot: int = 200, seed: int = 917, chunk: int = 50) -> np.ndarray:
    """Imputed label counts per buurt for bootstrap resamples of the VIVET dwellings.

    A resample of the N dwellings with replacement is a multinomial draw of
    the group counts (dwellings in one group are interchangeable for the label
    counts), so each replicate redraws the counts, re-estimates the label mix,
    rakes again and imputes again – vectorised over replicates and buurten.

    Returns
    -------
    ndarray, shape (n_boot, B, 7)
    """
    rng = np.random.default_rng(seed)
    counts = groups[..., 0]
    n = int(round(counts.sum()))
    p = (counts / counts.sum()).ravel()
    indicator = rake_indicator()
    out = []
    for start in range(0, n_boot, chunk):
        r = min(chunk, n_boot - start)
        c = rng.multinomial(n, p, size=r).reshape((r,) + counts.shape).astype(float)
        seed_r = seed_cells(c)  # (r, 3, 2, 2, 2)
        fitted, _ = rake(seed_r[:, None], total, margins, cell_ndim=4)
        mix = label_mix(c[..., :7].sum(axis=2))  # (r, K, 7)
        q = c[..., :7] + c[..., 7, None] * mix[:, :, None, :]  # (r, K, 2, 7)
        per_cell = np.einsum("rql,qc->rcl", q.reshape(r, N_CELLS * 2, N_LABELS), indicator)
        flat_seed = seed_r.reshape(r, 1, -1)
        with np.errstate(invalid="ignore", divide="ignore"):
            f = np.where(flat_seed > 0, fitted.reshape(r, len(total), -1) / flat_seed, 0.0)
        out.append(np.einsum("rbc,rcl->rbl", f, per_cell))
    return np.concatenate(out)
