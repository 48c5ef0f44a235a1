"""Output tables of the stock estimate: buurt indicators and the long cells table.

Both are computed from an estimated (raked) or counted group table (see
:mod:`geo.build.stock.vivet`) and the gemeente label mix used to impute dwellings
without a registered label (:func:`geo.build.stock.raking.impute`). All functions
are pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.build.stock.raking import impute
from geo.build.stock.vivet import N_PERIODS, N_TENURES, N_TYPES, cell_attributes
from geo.vocab import (
    BUILD_PERIOD_BY_VIVET_CODE,
    BUILD_PERIOD_GROUPS,
    DWELLING_FAMILIES,
    DWELLING_TYPE_BY_VIVET_CODE,
    DWELLING_TYPES,
    GAS_M3_PER_GJ,
    KWH_PER_GJ,
    LABELS,
    SINGLE_FAMILY_TYPES,
    TENURE_NAME_LIST,
    TENURES,
)

# Single- and multi-family dwelling types as slices of the type axis (single-family types come first).
_N_SINGLE = len(SINGLE_FAMILY_TYPES)
_FAMILY_TYPES = dict(zip(DWELLING_FAMILIES, (slice(0, _N_SINGLE), slice(_N_SINGLE, len(DWELLING_TYPES))), strict=True))


def _pct(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """100 x ``num`` / ``den``; NaN where ``den`` is not positive."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, 100.0 * num / den, np.nan)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num`` / ``den``; NaN where ``den`` is not positive."""
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
        One row per buurt; :mod:`geo.catalog.stock_columns` describes every column.
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
    for fam, types in _FAMILY_TYPES.items():
        for group, bps in BUILD_PERIOD_GROUPS.items():
            out[f"dwellings_{fam}_{group}"] = by_type_period[:, types, bps.start : bps.stop].sum(axis=(1, 2))
    out["pct_built_before_1975"] = _pct(by_type_period[:, :, :4].sum(axis=(1, 2)), count)
    sums = est.sum(axis=(1, 2, 3))  # (B, V)
    out["heat_demand_gj"] = _ratio(sums[:, 3], count)
    out["heat_demand_kwh_m2"] = _ratio(sums[:, 3] * KWH_PER_GJ, sums[:, 2])
    out["floor_area_m2"] = _ratio(sums[:, 2], count)
    out["gas_m3_vivet"] = _ratio(sums[:, 1] * GAS_M3_PER_GJ, count)
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
            "dwelling_type": attrs["wt"].map(DWELLING_TYPE_BY_VIVET_CODE).to_numpy()[k],
            "build_period": attrs["bp"].map(BUILD_PERIOD_BY_VIVET_CODE).to_numpy()[k],
            "tenure": attrs["tenure"].map(dict(enumerate(TENURE_NAME_LIST))).to_numpy()[k],
            "label_class": np.asarray(LABELS)[lab],
            "dwellings": n,
            "dwellings_registered": reg[b, k, lab],
            "gas_m3_mean": imp[b, k, lab, 1] * GAS_M3_PER_GJ / n,
            "floor_area_m2_mean": imp[b, k, lab, 2] / n,
        }
    )



def band_columns(boot: np.ndarray) -> dict:
    """p05/p95 columns of the imputed label counts and the E/F/G share from bootstrap counts (R, B, 7)."""
    out = {}
    for q, name in [(5, "p05"), (95, "p95")]:
        out |= label_columns(np.percentile(boot, q, axis=0), suffix=f"_{name}")
        out[f"pct_label_efg_all_{name}"] = np.percentile(efg_share(boot), q, axis=0)
    return out
