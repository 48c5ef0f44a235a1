"""Energy labels and the housing stock per buurt (issue 4).

VIVET (PBL/CBS/TNO) lists every Heerlen dwelling with its type, build period,
tenure, registered energy label, floor area and modelled heat demand, but
without a buurt code. Two paths lead to buurt figures:

* **estimated (raking)** – the Heerlen VIVET dwellings are reweighted to each
  buurt's published CBS KWB margins (tenure, single/multi-family, built before
  2000, the buurt's dwelling count and, where CBS publishes it, the share on
  district heating) by iterative proportional fitting;
* **registered per address** – when the PBL per-gemeente file with a
  ``BU_CODE`` per dwelling is placed in ``data/raw`` (see
  ``config.RAW_VIVET_ADDRESS_GLOB``) the dwellings are counted per buurt.

Both paths go through the same *group table*: dwelling counts and sums of gas,
floor area and heat demand per imputation cell (5 dwelling types x 12 build
periods x 3 tenures) x district heating (no/yes) x registered label (A-G, x).
All functions are pure; :func:`build_stock` is the only one that writes.
See :data:`METHOD_MARKDOWN` for the method in words.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geo import config
from geo.dictionary import ESTIMATED, Column, register
from geo.load import DataError

GJ_TO_M3 = 31.6  # m3 natural gas per GJ (VIVET SOURCE.md)
GJ_TO_KWH = 1e6 / 3600.0
LABELS = list("ABCDEFG")
N_LABELS = 7  # index 7 in the registered axis = no registered label ("x")
TYPE_NAMES = {1: "detached", 2: "semi-detached", 3: "end-terrace", 4: "mid-terrace", 5: "apartment"}
PERIOD_NAMES = {
    0: "before 1930", 1: "1930-1945", 2: "1946-1964", 3: "1965-1974", 4: "1975-1991", 5: "1992-1995",
    6: "1996-1999", 7: "2000-2005", 8: "2006-2010", 9: "2011-2014", 10: "2015-2020", 11: "2021 and later",
}
# Tenure axis in KWB order; VIVET eg: 0 owner-occupied, 1 private rent, 2 social rent.
TENURES = ["owner_occupied", "social_rent", "private_rent"]
TENURE_NAMES = {"owner_occupied": "owner-occupied", "social_rent": "social rent", "private_rent": "private rent"}
EG_TO_TENURE = {0: 0, 2: 1, 1: 2}
DISTRICT_HEATING_CODES = ("eww", "aww")
# Coarse build-period groups for the per-buurt type x period columns (bp code ranges).
PERIOD_GROUPS = {"before_1946": range(0, 2), "1946_1974": range(2, 4), "1975_1999": range(4, 7), "2000_plus": range(7, 12)}
N_TYPES, N_PERIODS, N_TENURES = 5, 12, 3
N_CELLS = N_TYPES * N_PERIODS * N_TENURES  # imputation cells k = (type, build period, tenure)
VALUES = ["count", "gas_gj", "floor_m2", "heat_gj"]  # last axis of the group table
VIVET_COLUMNS = ["rv", "tw", "gas", "op", "wt", "bp", "eg", "lb", "ic"]
BASIS_ESTIMATED = "estimated (raking)"
BASIS_ADDRESS = "registered per address"


# ---- reading ------------------------------------------------------------------------------


def check_vivet(df: pd.DataFrame, what: str = "The VIVET table") -> pd.DataFrame:
    """Check the VIVET columns and codes; return a copy with ``lb``/``ic`` as text.

    Raises
    ------
    DataError
        When a column is missing or holds a code outside the documented ones.
    """
    missing = [c for c in VIVET_COLUMNS if c not in df.columns]
    if missing:
        raise DataError(f"{what} lacks the column(s) {', '.join(missing)}.")
    out = df.copy()
    out["lb"] = out["lb"].astype(str).str.strip().str.upper().replace({"X": "x"})
    out["ic"] = out["ic"].astype(str).str.strip().str.lower()
    for col, allowed in [("wt", set(TYPE_NAMES)), ("bp", set(PERIOD_NAMES)), ("eg", set(EG_TO_TENURE)), ("lb", set(LABELS) | {"x"})]:
        bad = ~out[col].isin(allowed)
        if bad.any():
            raise DataError(f"{what}: column '{col}' holds an unknown code, e.g. '{out.loc[bad, col].iloc[0]}'.")
    for col in ["rv", "tw", "gas", "op"]:
        out[col] = pd.to_numeric(out[col], errors="raise").astype(float)
    return out


def read_vivet(path: Path = config.RAW_VIVET, gemeente: str = config.GEMEENTE_CODE) -> pd.DataFrame:
    """The VIVET dwellings of one gemeente (``vbo_id`` kept as text), checked."""
    df = pd.read_csv(path, dtype={"vbo_id": str, "gemeentecode": str, "lb": str, "ic": str})
    return check_vivet(df[df["gemeentecode"] == gemeente].reset_index(drop=True))


def find_address_file(raw_dir: Path = config.RAW_DIR) -> Path | None:
    """The PBL per-address VIVET file (with ``BU_CODE``) if one is present, else None."""
    found = sorted(Path(raw_dir).glob(config.RAW_VIVET_ADDRESS_GLOB))
    return found[0] if found else None


def read_vivet_address(path: Path, gemeente: str = config.GEMEENTE_CODE) -> pd.DataFrame:
    """Read the per-address VIVET file; returns VIVET columns plus ``buurt_code``.

    Column names are matched case-insensitively (``BU_CODE`` -> ``buurt_code``);
    only buurt codes of ``gemeente`` (``BU`` + its four digits) are kept.
    """
    df = pd.read_csv(path, dtype=str, sep=None, engine="python")
    df.columns = [c.strip().lower() for c in df.columns]
    if "bu_code" not in df.columns:
        raise DataError(f"The address file {Path(path).name} lacks the column 'BU_CODE'.")
    df = df.rename(columns={"bu_code": "buurt_code"})
    df = df[df["buurt_code"].str.startswith("BU" + gemeente[2:], na=False)]
    for col in ["wt", "bp", "eg"]:
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="raise").astype(int)
    return check_vivet(df.reset_index(drop=True), f"The address file {Path(path).name}")


# ---- group table --------------------------------------------------------------------------


def dwelling_codes(dw: pd.DataFrame) -> pd.DataFrame:
    """Integer codes per dwelling: imputation cell ``k``, district heating ``dh``, label ``lab`` (0-6, 7 = x)."""
    tenure = dw["eg"].map(EG_TO_TENURE).to_numpy()
    k = (dw["wt"].to_numpy() - 1) * (N_PERIODS * N_TENURES) + dw["bp"].to_numpy() * N_TENURES + tenure
    lab = dw["lb"].map({lab: i for i, lab in enumerate(LABELS)}).fillna(N_LABELS).to_numpy(dtype=int)
    dh = dw["ic"].isin(DISTRICT_HEATING_CODES).to_numpy(dtype=int)
    return pd.DataFrame({"k": k.astype(int), "dh": dh, "lab": lab}, index=dw.index)


def group_table(dw: pd.DataFrame, by: np.ndarray | None = None, n_by: int = 1) -> np.ndarray:
    """Dense group table of dwellings: counts and sums per cell, district heating and label.

    Parameters
    ----------
    dw : DataFrame
        Checked VIVET dwellings.
    by : array of int, optional
        Row index (0..n_by-1) per dwelling, e.g. the buurt; default one group.
    n_by : int
        Number of rows.

    Returns
    -------
    ndarray, shape (n_by, N_CELLS, 2, 8, 4)
        Last axis: dwelling count, gas (GJ), floor area (m2), heat demand rv+tw (GJ).
    """
    codes = dwelling_codes(dw)
    by = np.zeros(len(dw), dtype=int) if by is None else np.asarray(by, dtype=int)
    flat = ((by * N_CELLS + codes["k"].to_numpy()) * 2 + codes["dh"].to_numpy()) * 8 + codes["lab"].to_numpy()
    size = n_by * N_CELLS * 2 * 8
    weights = [None, dw["gas"].to_numpy(), dw["op"].to_numpy(dtype=float), (dw["rv"] + dw["tw"]).to_numpy()]
    sums = [np.bincount(flat, weights=w, minlength=size).astype(float) for w in weights]
    return np.stack(sums, axis=-1).reshape(n_by, N_CELLS, 2, 8, len(VALUES))


def cell_attributes() -> pd.DataFrame:
    """Type, build period and tenure of each imputation cell ``k`` (index 0..N_CELLS-1)."""
    k = np.arange(N_CELLS)
    wt = k // (N_PERIODS * N_TENURES) + 1
    bp = (k // N_TENURES) % N_PERIODS
    tenure = k % N_TENURES
    return pd.DataFrame({"wt": wt, "bp": bp, "tenure": tenure, "multi": (wt == 5).astype(int), "post2000": (bp >= 7).astype(int)})


def rake_cell_index() -> np.ndarray:
    """Raking cell (tenure x multi-family x built 2000+ x district heating, flat 0..23) per (k, dh)."""
    a = cell_attributes()
    base = (a["tenure"].to_numpy() * 2 + a["multi"].to_numpy()) * 2 + a["post2000"].to_numpy()
    return np.stack([base * 2, base * 2 + 1], axis=1)  # (N_CELLS, 2)


RAKE_SHAPE = (3, 2, 2, 2)  # tenure, multi-family, built 2000+, district heating


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


def address_groups(dw: pd.DataFrame, buurt_codes: list[str]) -> tuple[np.ndarray, int]:
    """Group table per buurt from the per-address file; also the number of dwellings outside ``buurt_codes``."""
    index = pd.Index(buurt_codes).get_indexer(dw["buurt_code"])
    inside = index >= 0
    groups = group_table(dw[inside], by=index[inside], n_by=len(buurt_codes))
    return groups, int((~inside).sum())


def _pct(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, 100.0 * num / den, np.nan)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan)


def label_columns(imputed_counts: np.ndarray, prefix: str = "dwellings_label_", suffix: str = "") -> dict:
    """Columns ``dwellings_label_a``..``_g`` (+suffix) from counts (..., 7)."""
    return {f"{prefix}{lab.lower()}{suffix}": imputed_counts[..., i] for i, lab in enumerate(LABELS)}


def efg_share(counts: np.ndarray) -> np.ndarray:
    """Percentage E/F/G among the label counts (..., 7)."""
    return _pct(counts[..., 4:].sum(axis=-1), counts.sum(axis=-1))


def stock_table(est: np.ndarray, mix: np.ndarray, buurt_codes: list[str]) -> pd.DataFrame:
    """Buurt stock indicators from an estimated (or counted) group table.

    Parameters
    ----------
    est : ndarray, shape (B, N_CELLS, 2, 8, V)
        Dwellings and sums per buurt and group.
    mix : ndarray, shape (N_CELLS, 7)
        Label mix per cell for imputing unlabelled dwellings.
    buurt_codes : list of str

    Returns
    -------
    DataFrame
        One row per buurt; :func:`stock_columns` describes every column.
    """
    imp = impute(est, mix)  # (B, K, 2, 7, V)
    count = est[..., 0].sum(axis=(1, 2, 3))
    registered = est[..., 0].sum(axis=(1, 2))  # (B, 8)
    imputed = imp[..., 0].sum(axis=(1, 2))  # (B, 7)
    per_cell = est[..., 0].sum(axis=(2, 3)).reshape(len(buurt_codes), N_TYPES, N_PERIODS, N_TENURES)
    score = np.arange(1, 8)
    out = {"buurt_code": list(buurt_codes), "stock_dwellings": count}
    out |= label_columns(imputed)
    out |= label_columns(registered[:, :7], suffix="_registered")
    out["dwellings_unlabelled_registered"] = registered[:, 7]
    out["pct_label_efg_registered"] = efg_share(registered[:, :7])
    out["pct_label_efg_all"] = efg_share(imputed)
    out["label_score"] = _ratio(imputed @ score, imputed.sum(axis=1))
    out["label_score_registered"] = _ratio(registered[:, :7] @ score, registered[:, :7].sum(axis=1))
    for t, name in enumerate(TENURES):
        out[f"dwellings_{name}"] = per_cell[..., t].sum(axis=(1, 2))
    by_type_period = per_cell.sum(axis=3)  # (B, 5, 12)
    for fam, types in [("single_family", slice(0, 4)), ("multi_family", slice(4, 5))]:
        for group, bps in PERIOD_GROUPS.items():
            out[f"dwellings_{fam}_{group}"] = by_type_period[:, types, bps.start : bps.stop].sum(axis=(1, 2))
    out["pct_built_before_1975"] = _pct(by_type_period[:, :, :4].sum(axis=(1, 2)), count)
    sums = est.sum(axis=(1, 2, 3))  # (B, V)
    out["heat_demand_gj"] = _ratio(sums[:, 3], count)
    out["heat_demand_kwh_m2"] = _ratio(sums[:, 3] * GJ_TO_KWH, sums[:, 2])
    out["floor_area_m2"] = _ratio(sums[:, 2], count)
    out["gas_m3_vivet"] = _ratio(sums[:, 1] * GJ_TO_M3, count)
    out["pct_district_heating_vivet"] = _pct(est[:, :, 1, :, 0].sum(axis=(1, 2)), count)
    table = pd.DataFrame(out)
    # No dwelling count -> no estimate: every figure NaN, never zero.
    table.loc[np.isnan(count), table.columns[1:]] = np.nan
    return table


def cells_table(est: np.ndarray, mix: np.ndarray, buurt_codes: list[str]) -> pd.DataFrame:
    """Long table per buurt x dwelling type x build period x tenure x label class.

    Columns: ``buurt_code``, ``dwelling_type``, ``build_period``, ``tenure``,
    ``label_class`` (A-G), ``dwellings`` (all dwellings, unlabelled imputed),
    ``dwellings_registered`` (dwellings with this registered label),
    ``gas_m3_mean`` (VIVET gas per dwelling, m3), ``floor_area_m2_mean``.
    Rows with no dwellings are left out.
    """
    imp = impute(est, mix).sum(axis=2)  # (B, K, 7, V)
    reg = est[..., :7, 0].sum(axis=2)  # (B, K, 7)
    b, k, lab = np.nonzero(np.nan_to_num(imp[..., 0]) > 1e-9)
    attrs = cell_attributes()
    n = imp[b, k, lab, 0]
    return pd.DataFrame(
        {
            "buurt_code": np.asarray(buurt_codes, dtype=object)[b],
            "dwelling_type": attrs["wt"].map(TYPE_NAMES).to_numpy()[k],
            "build_period": attrs["bp"].map(PERIOD_NAMES).to_numpy()[k],
            "tenure": attrs["tenure"].map(lambda t: TENURE_NAMES[TENURES[t]]).to_numpy()[k],
            "label_class": np.asarray(LABELS)[lab],
            "dwellings": n,
            "dwellings_registered": reg[b, k, lab],
            "gas_m3_mean": imp[b, k, lab, 1] * GJ_TO_M3 / n,
            "floor_area_m2_mean": imp[b, k, lab, 2] / n,
        }
    )


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


# ---- both paths, build --------------------------------------------------------------------


def _band(boot: np.ndarray) -> dict:
    """p05/p95 columns of the imputed label counts and the E/F/G share from bootstrap counts (R, B, 7)."""
    out = {}
    for q, name in [(5, "p05"), (95, "p95")]:
        out |= label_columns(np.percentile(boot, q, axis=0), suffix=f"_{name}")
        out[f"pct_label_efg_all_{name}"] = np.percentile(efg_share(boot), q, axis=0)
    return out


def estimate_stock(dwellings: pd.DataFrame, buurten: pd.DataFrame, n_boot: int = 200, seed: int = 917, use_district_heating: bool = True) -> dict:
    """Buurt stock and cells tables, by raking or - with ``buurt_code`` per dwelling - by counting.

    Parameters
    ----------
    dwellings : DataFrame
        Checked VIVET dwellings of the gemeente; with a ``buurt_code`` column
        (the per-address file) they are aggregated per buurt directly.
    buurten : DataFrame
        Buurt table (``buurt_code``, ``dwellings`` and KWB housing shares).
    n_boot, seed : int
        Bootstrap replicates and random seed for the uncertainty band.
    use_district_heating : bool
        Rake also on the KWB district-heating share where published.

    Returns
    -------
    dict
        ``stock`` (one row per buurt, see :func:`stock_columns`), ``cells`` (long
        table), ``reference_cells`` (the unweighted gemeente population in the
        cells format) and ``outside`` (address rows in no listed buurt).
    """
    codes = buurten["buurt_code"].tolist()
    gemeente = group_table(dwellings)[0]
    mix = label_mix(gemeente[..., :7, 0].sum(axis=1))
    outside = 0
    if "buurt_code" in dwellings:
        est, outside = address_groups(dwellings, codes)
        empty = est[..., 0].sum(axis=(1, 2, 3)) == 0
        est[empty] = np.nan  # a buurt without rows in the address file: unknown, not zero
        stock = stock_table(est, mix, codes)
        stock["effective_dwellings"] = stock["stock_dwellings"]
        stock["margins_used"] = "address"
        stock["rake_residual"] = np.where(empty, np.nan, 0.0)
        band = _band(stock[[f"dwellings_label_{lab.lower()}" for lab in LABELS]].to_numpy()[None])
        basis = BASIS_ADDRESS
    else:
        total, margins, used = buurt_margins(buurten, use_district_heating)
        fit = estimate_groups(gemeente, total, margins)
        est = fit["groups"]
        stock = stock_table(est, mix, codes)
        stock["effective_dwellings"] = fit["effective"]
        stock["margins_used"] = used
        stock["rake_residual"] = fit["residual"]
        band = _band(bootstrap_labels(gemeente, total, margins, n_boot=n_boot, seed=seed))
        basis = BASIS_ESTIMATED
    for name, values in band.items():
        stock[name] = values
    stock["pct_label_efg_all_band"] = stock["pct_label_efg_all_p95"] - stock["pct_label_efg_all_p05"]
    stock.insert(1, "stock_basis", basis)
    cells = cells_table(est, mix, codes)
    cells.insert(1, "stock_basis", basis)
    return {"stock": stock, "cells": cells, "reference_cells": cells_table(gemeente[None], mix, ["GM"]), "outside": outside}


def build_stock(buurten: pd.DataFrame, out_dir: Path = config.PROCESSED_DIR, raw_dir: Path = config.RAW_DIR, vivet_path: Path = config.RAW_VIVET, n_boot: int = 200, seed: int = 917) -> dict:
    """Estimate (or count) the stock per buurt, check it, write the four stock files.

    Writes ``config.STOCK`` (per buurt, with ``estimate_quality``),
    ``config.STOCK_CELLS``, ``config.STOCK_VALIDATION`` (gas check per buurt)
    and ``config.STOCK_CHECKS`` (totals and gas by type/tenure) under ``out_dir``.

    Returns
    -------
    dict
        JSON-serialisable summary for the build metadata.
    """
    import time

    from geo import stock_validation as sv

    start = time.perf_counter()
    address = find_address_file(raw_dir)
    dwellings = read_vivet_address(address) if address else read_vivet(vivet_path)
    table = pd.DataFrame(buurten.drop(columns="geometry", errors="ignore"))
    res = estimate_stock(dwellings, table, n_boot=n_boot, seed=seed)
    validation = sv.gas_check(res["stock"], table)
    stock = res["stock"].merge(validation[["buurt_code", "estimate_quality", "estimate_reason"]], on="buurt_code", how="left")
    ok = validation[["gas_m3_measured", "gas_m3_vivet"]].notna().all(axis=1)
    weights = res["stock"]["stock_dwellings"][ok]
    level = float((validation["gas_m3_measured"][ok] * weights).sum() / (validation["gas_m3_vivet"][ok] * weights).sum())
    checks = pd.concat([sv.totals_check(res["cells"], res["reference_cells"]), sv.gas_by_group_check(res["cells"], table, level)], ignore_index=True)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stock.to_parquet(out_dir / config.STOCK.name, index=False)
    res["cells"].to_parquet(out_dir / config.STOCK_CELLS.name, index=False)
    validation.to_parquet(out_dir / config.STOCK_VALIDATION.name, index=False)
    checks.to_parquet(out_dir / config.STOCK_CHECKS.name, index=False)
    summary = {
        "stock_basis": stock["stock_basis"].iloc[0] if len(stock) else None,
        "source": str(address.relative_to(raw_dir)) if address else str(Path(vivet_path).name),
        "vivet_dwellings": int(len(dwellings)),
        "address_rows_outside_buurten": int(res["outside"]),
        "buurten_with_estimate": int(stock["stock_dwellings"].notna().sum()),
        "bootstrap_replicates": n_boot if not address else 0,
        "gas_level_factor": round(level, 3),
    }
    summary |= sv.summarise(validation, checks)
    summary["seconds"] = round(time.perf_counter() - start, 2)
    return summary


# ---- data dictionary and method -----------------------------------------------------------

_V = "vivet"


def _col(name: str, label: str, unit: str, meaning: str, on_map: bool = False, decimals: int = 0, higher_is_worse: bool | None = None, formula: str = "") -> Column:
    return Column(name, label, unit, meaning, _V, kind=ESTIMATED, decimals=decimals, on_map=on_map, higher_is_worse=higher_is_worse, formula=formula)


def stock_columns() -> list[Column]:
    """Data-dictionary entries of every buurt column of the stock table."""
    est = "Estimated (raking of the Heerlen VIVET dwellings to the buurt's CBS margins) unless the per-address file is present. "
    cols = [
        _col("stock_basis", "Basis of the stock figures", "text", "'estimated (raking)' or 'registered per address' (PBL VIVET file with buurt code per dwelling)"),
        _col("stock_dwellings", "Dwellings (stock estimate)", "dwellings", est + "Dwelling count the estimate is calibrated to (KWB); with the address file, the dwellings counted"),
    ]
    for lab in LABELS:
        low = lab.lower()
        cols += [
            _col(f"dwellings_label_{low}", f"Dwellings with energy label class {lab} (all dwellings)", "dwellings", est + f"Label class {lab}; dwellings without a registered label imputed from labelled dwellings of the same dwelling type x build period x tenure"),
            _col(f"dwellings_label_{low}_registered", f"Dwellings with registered energy label class {lab}", "dwellings", est + f"Dwellings with a registered EP-Online label {lab} at the VIVET reference date"),
            _col(f"dwellings_label_{low}_p05", f"Dwellings with label class {lab}: lower bound (p05)", "dwellings", "5th percentile over bootstrap resamples of the VIVET dwellings (sampling uncertainty of the estimate, not model error)"),
            _col(f"dwellings_label_{low}_p95", f"Dwellings with label class {lab}: upper bound (p95)", "dwellings", "95th percentile over bootstrap resamples of the VIVET dwellings"),
        ]
    cols += [
        _col("dwellings_unlabelled_registered", "Dwellings without a registered energy label", "dwellings", est + "Dwellings without an EP-Online label at the VIVET reference date (57 % in Heerlen)"),
        _col("pct_label_efg_registered", "Energy label class E, F or G (registered labels)", "% of labelled dwellings", est + "Share of E/F/G among dwellings with a registered label; labelled dwellings are not a random sample of the stock", on_map=True, decimals=1, higher_is_worse=True, formula="100 x (E+F+G) / (A+...+G), registered only"),
        _col("pct_label_efg_all", "Energy label class E, F or G (all dwellings)", "% of dwellings", est + "Share of E/F/G among all dwellings, unlabelled dwellings imputed by the label mix of their dwelling type x build period x tenure", on_map=True, decimals=1, higher_is_worse=True, formula="100 x (E+F+G) / all dwellings, imputed basis"),
        _col("pct_label_efg_all_p05", "Label class E/F/G (all): lower bound (p05)", "% of dwellings", "5th percentile over 200 bootstrap resamples of the VIVET dwellings", decimals=1),
        _col("pct_label_efg_all_p95", "Label class E/F/G (all): upper bound (p95)", "% of dwellings", "95th percentile over 200 bootstrap resamples of the VIVET dwellings", decimals=1),
        _col("pct_label_efg_all_band", "Uncertainty of the E/F/G share", "percentage points", "Width p95 - p05 of the bootstrap band of the E/F/G share (all dwellings). Covers sampling noise in VIVET only; the gas-use check shows the larger model error", on_map=True, decimals=1, higher_is_worse=True, formula="pct_label_efg_all_p95 - pct_label_efg_all_p05"),
        _col("label_score", "Average energy label class (all dwellings)", "1 = A ... 7 = G", est + "Mean label class score A=1 ... G=7, unlabelled dwellings imputed", on_map=True, decimals=2, higher_is_worse=True, formula="sum(score x dwellings) / dwellings"),
        _col("label_score_registered", "Average energy label class (registered labels)", "1 = A ... 7 = G", est + "Mean label class score over dwellings with a registered label", decimals=2, higher_is_worse=True),
    ]
    for t in TENURES:
        cols.append(_col(f"dwellings_{t}", f"Dwellings, tenure {TENURE_NAMES[t]}", "dwellings", est + f"Dwellings with tenure {TENURE_NAMES[t]} (VIVET tenure code)"))
    for fam, words in [("single_family", "single-family"), ("multi_family", "multi-family")]:
        for group in PERIOD_GROUPS:
            period = group.replace("_plus", " and later").replace("before_", "before ").replace("_", "-")
            cols.append(_col(f"dwellings_{fam}_{group}", f"Dwellings, {words}, built {period}", "dwellings", est + f"{words.capitalize()} dwellings (dwelling type) built {period} (build period)"))
    cols += [
        _col("pct_built_before_1975", "Built before 1975", "% of dwellings", est + "Dwellings built before 1975, before insulation was required by the building code", on_map=True, decimals=0, higher_is_worse=True),
        _col("heat_demand_gj", "Heat demand per dwelling", "GJ per dwelling per year", est + "VIVET reference heat demand for space heating and hot water (rv + tw), modelled, per dwelling", decimals=1, higher_is_worse=True),
        _col("heat_demand_kwh_m2", "Heat demand per m2", "kWh per m2 floor area per year", est + "VIVET reference heat demand (rv + tw) divided by usable floor area (BAG); independent of dwelling size", on_map=True, decimals=0, higher_is_worse=True, formula="sum(rv + tw) x 277.8 / sum(floor area)"),
        _col("floor_area_m2", "Floor area per dwelling", "m2", est + "Average usable floor area (BAG gebruiksoppervlakte)", decimals=0),
        _col("gas_m3_vivet", "Modelled gas use per dwelling (VIVET)", "m3 per dwelling per year", est + "VIVET reference gas use (GJ x 31.6), a model figure for a later year than the measured KWB gas use", decimals=0, higher_is_worse=True),
        _col("pct_district_heating_vivet", "District heating (VIVET)", "% of dwellings", est + "Dwellings with a district-heating installation in VIVET (installation codes eww/aww, mostly the Mijnwater network)", on_map=True, decimals=1),
        _col("effective_dwellings", "Effective VIVET dwellings behind the estimate", "dwellings", "Kish effective sample size of the raking weights: how many VIVET dwellings the buurt estimate effectively rests on"),
        _col("margins_used", "CBS shares used", "text", "KWB shares the buurt was raked to (tenure, type, period, district heating); missing ones are CBS-suppressed"),
        _col("rake_residual", "Raking residual", "share of dwellings", "Largest deviation from a published share after raking (0 = all met)"),
        _col("estimate_quality", "Quality of the stock estimate", "good/weak/none", "'weak' when the measured gas use is missed by more than 25 %, shares are suppressed or cannot be met, or few VIVET dwellings carry the estimate; 'none' without a dwelling count"),
        _col("estimate_reason", "Why the estimate is good or weak", "text", "The reason behind estimate_quality in words"),
    ]
    return cols


register(stock_columns())

METHOD_MARKDOWN = """
### Energy labels and the housing stock per buurt

**What the figures are.** VIVET (*Referentieverbruik warmte woningen II*, PBL/CBS/TNO) lists all
45,556 Heerlen dwellings with dwelling type, build period, tenure, floor area, modelled heat demand,
installation and the **registered EP-Online energy label at the VIVET reference date**. The copy in this
repository has **no buurt code**, so by default the buurt figures are an **estimate, not an observation**
(`stock_basis` = "estimated (raking)").

**Estimate (raking).** For each buurt, the Heerlen VIVET dwellings are reweighted by iterative
proportional fitting so that they reproduce the buurt's published CBS KWB (2019) margins: tenure
(owner-occupied / social rent / private rent), dwelling type (single-family = detached, semi-detached,
end- and mid-terrace / multi-family = apartment), build period (before 2000 / 2000 and later), and –
for the few buurten where CBS publishes it – the share on district heating, all scaled to the buurt's
dwelling count. Shares are normalised to 100 % (CBS rounds them). Within each of these cells a buurt
gets the **Heerlen-average mix** of detailed type, build year, labels, floor area and heat demand: the
estimate cannot see that, say, the 1960s rental flats of one buurt were renovated and those of another
were not. Where CBS suppressed a margin (`NaN`), the buurt is raked on the margins it has; where CBS
publishes none, it gets the Heerlen-average stock scaled to its dwelling count (flagged *weak*).
A buurt without a dwelling count gets no estimate (empty, never zero).

**Labels: two bases.** 57 % of Heerlen dwellings have no registered label. `pct_label_efg_registered`
is the E/F/G share among registered labels only; labelled dwellings are not a random sample (labels
are registered at sale, letting and by corporations). `pct_label_efg_all` covers all dwellings: each
unlabelled dwelling is spread over A–G by the label mix of labelled dwellings of the same dwelling
type × build period × tenure in Heerlen (proportional imputation; when such a cell has no labelled
dwelling, type × build period, then type × before/after 2000, then single/multi-family). Imputation
preserves totals; it assumes unlabelled dwellings resemble labelled ones of the same cell, which may
flatter the stock (owners of poor dwellings register less often). Label score: A = 1 … G = 7.

**Uncertainty band.** p05/p95 come from 200 bootstrap resamples of the VIVET dwellings (fixed seed),
re-estimating the label mix, raking and imputation each time. They show the **sampling** uncertainty,
which is small because VIVET covers all dwellings. They do **not** include the main error source, the
Heerlen-average assumption within cells – that is what the validation measures.

**Validation.** (a) *Totals*: summed over buurten, the estimates are compared with the Heerlen VIVET
totals per label, tenure, type and build period, relative to the overall ratio of KWB to VIVET dwellings
(KWB counts 1 January 2019, VIVET a later reference date; tolerance ±10 %; dwellings built after 2019
are in VIVET only, so recent build periods fall short). (b) *Gas use*: each buurt's measured KWB gas use
per dwelling (2019) is predicted from its estimated stock (VIVET gas, GJ × 31.6 m³/GJ). Gas is not used
in the fit. VIVET models a reference use for a later year, so one level factor is applied, fitted on the
dwelling-weighted totals of all *other* buurten (leave-one-out). A buurt is *weak* when the prediction
misses by more than 25 %, when CBS margins are missing or cannot be met, when few VIVET dwellings carry
the estimate, or when there is no measured gas use to check against; *none* without a dwelling count.
The checks per dwelling type and tenure compare the same against the KWB gas use by type and tenure.

**Exact path.** PBL publishes the same VIVET data per gemeente with address and buurt code (`BU_CODE`)
per dwelling. When such a file is placed in `data/raw/vivet_adres*/`, the build counts the dwellings per
buurt instead of estimating (`stock_basis` = "registered per address"): same columns, the bootstrap
band collapses to the value, and the imputation of unlabelled dwellings still uses the Heerlen-wide
same-cell mix.

**Limits.** Labels are those registered at the VIVET reference date, not current; A+ classes are merged
into A; heat demand and gas are VIVET model figures, not metered; KWB margins describe 2019.
"""
