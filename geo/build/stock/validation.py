"""Checks of the buurt stock estimate: totals, gas use, quality flags.

Pure functions on the tables :mod:`geo.build.stock.estimate` produces (the buurt stock table
and the long cells table) and the processed buurt table; the build writes
their results next to the stock. Nothing here feeds back into the estimate:
measured gas use is used only to *check* it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.vocab import DWELLING_TYPES, GAS_COLUMN_BY_DWELLING_TYPE, TENURE_NAMES

WEAK_ERROR_PCT = 25.0  # |gas-use error| above this marks the estimate weak
MIN_EFFECTIVE = 500.0  # fewer effective VIVET dwellings than this marks it weak
MAX_RESIDUAL = 1e-6  # raking residual (share of the buurt's dwellings) above which margins were not met
TOTALS_TOLERANCE_PCT = 10.0  # allowed deviation of a category's ratio from the overall dwelling ratio
CORE_MARGINS = ["tenure", "type", "period"]

# Measured KWB gas per dwelling type / tenure (buurt table column) -> cells-table selection.
# Rows in the order of the KWB table (apartment first); KWB splits tenure into rented and owned only.
GAS_GROUPS = [
    *[("dwelling type", t, GAS_COLUMN_BY_DWELLING_TYPE[t], "dwelling_type", [t]) for t in reversed(DWELLING_TYPES)],
    ("tenure", "rented", "gas_m3_rented", "tenure", [TENURE_NAMES["social_rent"], TENURE_NAMES["private_rent"]]),
    ("tenure", TENURE_NAMES["owner_occupied"], "gas_m3_owned", "tenure", [TENURE_NAMES["owner_occupied"]]),
]
CHECK_COLUMNS = ["check", "buurt_code", "group", "category", "estimate", "reference", "ratio", "deviation_pct", "within_tolerance"]


def totals_check(cells: pd.DataFrame, reference_cells: pd.DataFrame, tolerance_pct: float = TOTALS_TOLERANCE_PCT) -> pd.DataFrame:
    """Do the buurt estimates add up to the gemeente VIVET totals?

    Parameters
    ----------
    cells : DataFrame
        Cells table of all buurten (:func:`geo.build.stock.tables.cells_table`).
    reference_cells : DataFrame
        Cells table of the unweighted gemeente VIVET population (one pseudo-buurt).
    tolerance_pct : float
        The buurt dwelling counts (KWB, 1 January 2019) do not add up to the
        VIVET count, so each category is compared with the *overall* ratio
        (sum of buurt dwellings / VIVET dwellings): a category is within
        tolerance when its ratio deviates from that by at most this percentage.
        Tenure, type and period shares are imposed by the KWB margins and may
        differ from VIVET's by a few points (other reference date, definitions);
        label totals follow from them.

    Returns
    -------
    DataFrame
        Columns :data:`CHECK_COLUMNS`, ``check`` = "totals", one row per
        category plus an "all dwellings" row.
    """
    expected = cells["dwellings"].sum() / reference_cells["dwellings"].sum()
    rows = [("all dwellings", "all", cells["dwellings"].sum(), reference_cells["dwellings"].sum())]
    specs = [
        ("label (all, imputed)", "label_class", "dwellings"),
        ("label (registered)", "label_class", "dwellings_registered"),
        ("tenure", "tenure", "dwellings"),
        ("dwelling type", "dwelling_type", "dwellings"),
        ("build period", "build_period", "dwellings"),
    ]
    for group, key, value in specs:
        est = cells.groupby(key)[value].sum()
        ref = reference_cells.groupby(key)[value].sum()
        for cat in ref.index.union(est.index):
            rows.append((group, cat, float(est.get(cat, 0.0)), float(ref.get(cat, 0.0))))
    unl_est = cells["dwellings"].sum() - cells["dwellings_registered"].sum()
    unl_ref = reference_cells["dwellings"].sum() - reference_cells["dwellings_registered"].sum()
    rows.append(("label (registered)", "unlabelled", unl_est, unl_ref))
    out = pd.DataFrame(rows, columns=["group", "category", "estimate", "reference"])
    out["ratio"] = np.where(out["reference"] > 0, out["estimate"] / out["reference"].where(out["reference"] > 0), np.nan)
    out["deviation_pct"] = 100.0 * (out["ratio"] / expected - 1.0)
    out["within_tolerance"] = out["deviation_pct"].abs() <= tolerance_pct
    out["check"] = "totals"
    out["buurt_code"] = None
    return out[CHECK_COLUMNS]


def leave_one_out_factor(predicted: pd.Series, measured: pd.Series, weight: pd.Series) -> pd.Series:
    """Gemeente-level ratio measured / predicted gas use, leaving each buurt itself out.

    VIVET gas is a model reference use for a later year; metered KWB use differs
    by a level (weather, year, model). One factor per buurt, fitted on the
    dwelling-weighted totals of all *other* buurten, corrects the level without
    using the buurt's own measurement.
    """
    ok = predicted.notna() & measured.notna() & weight.notna()
    m = (weight * measured).where(ok, 0.0)
    p = (weight * predicted).where(ok, 0.0)
    return (m.sum() - m) / (p.sum() - p)


def gas_check(stock: pd.DataFrame, buurten: pd.DataFrame, weak_error_pct: float = WEAK_ERROR_PCT, min_effective: float = MIN_EFFECTIVE) -> pd.DataFrame:
    """Predict each buurt's measured gas use from its estimated stock and flag weak estimates.

    Parameters
    ----------
    stock : DataFrame
        Buurt stock table with ``stock_dwellings``, ``gas_m3_vivet``,
        ``effective_dwellings``, ``margins_used``, ``rake_residual``.
    buurten : DataFrame
        Processed buurt table with ``buurt_code``, ``buurt_name``, ``gas_m3``.
    weak_error_pct, min_effective : float
        Thresholds for "weak".

    Returns
    -------
    DataFrame
        Per buurt: ``buurt_code``, ``buurt_name``, ``gas_m3_measured``,
        ``gas_m3_vivet`` (unscaled), ``level_factor``, ``gas_m3_predicted``,
        ``gas_m3_error`` (predicted - measured, m3), ``gas_m3_error_pct``,
        ``gas_m3_error_pct_unscaled``, ``effective_dwellings``, ``margins_used``,
        ``estimate_quality`` ("good", "weak", "none") and ``estimate_reason``.
    """
    df = stock[["buurt_code", "stock_dwellings", "gas_m3_vivet", "effective_dwellings", "margins_used", "rake_residual"]].merge(
        buurten[["buurt_code", "buurt_name", "gas_m3"]], on="buurt_code", how="left"
    )
    df = df.rename(columns={"gas_m3": "gas_m3_measured"})
    df["level_factor"] = leave_one_out_factor(df["gas_m3_vivet"], df["gas_m3_measured"], df["stock_dwellings"])
    df["gas_m3_predicted"] = df["gas_m3_vivet"] * df["level_factor"]
    df["gas_m3_error"] = df["gas_m3_predicted"] - df["gas_m3_measured"]
    measured = df["gas_m3_measured"].where(df["gas_m3_measured"] > 0)
    df["gas_m3_error_pct"] = 100.0 * df["gas_m3_error"] / measured
    df["gas_m3_error_pct_unscaled"] = 100.0 * (df["gas_m3_vivet"] - df["gas_m3_measured"]) / measured
    quality = [quality_flag(r, weak_error_pct, min_effective) for r in df.itertuples()]
    df["estimate_quality"] = [q for q, _ in quality]
    df["estimate_reason"] = [r for _, r in quality]
    return df[
        ["buurt_code", "buurt_name", "gas_m3_measured", "gas_m3_vivet", "level_factor", "gas_m3_predicted", "gas_m3_error",
         "gas_m3_error_pct", "gas_m3_error_pct_unscaled", "effective_dwellings", "margins_used", "estimate_quality", "estimate_reason"]
    ]


def quality_flag(row, weak_error_pct: float = WEAK_ERROR_PCT, min_effective: float = MIN_EFFECTIVE) -> tuple[str, str]:
    """("good" | "weak" | "none", reason in words) for one row of the gas check."""
    if pd.isna(row.stock_dwellings) or pd.isna(row.gas_m3_vivet):
        return "none", "no dwelling count published, so no estimate"
    reasons = []
    used = [m.strip() for m in str(row.margins_used).split(",")]
    missing = [m for m in CORE_MARGINS if m not in used]
    if len(missing) == len(CORE_MARGINS) and "address" not in used:
        reasons.append("CBS publishes no tenure, type or build-period shares: Heerlen-average stock assumed")
    elif missing and "address" not in used:
        reasons.append(f"CBS suppressed the {' and '.join(missing)} share(s): raked on the others")
    if pd.notna(row.rake_residual) and row.rake_residual > MAX_RESIDUAL:
        reasons.append(f"the published shares could not all be met (off by {100 * row.rake_residual:.1f} % of dwellings)")
    if pd.notna(row.effective_dwellings) and row.effective_dwellings < min_effective:
        reasons.append(f"few VIVET dwellings behind the estimate (effective {row.effective_dwellings:.0f})")
    if pd.isna(row.gas_m3_measured):
        reasons.append("no measured gas use to check against")
    elif pd.notna(row.gas_m3_error_pct) and abs(row.gas_m3_error_pct) > weak_error_pct:
        reasons.append(f"predicted gas use is {row.gas_m3_error_pct:+.0f} % off the measured {row.gas_m3_measured:.0f} m3")
    if reasons:
        return "weak", "; ".join(reasons)
    return "good", f"predicted gas use {row.gas_m3_error_pct:+.0f} % from the measured {row.gas_m3_measured:.0f} m3"


def gas_by_group_check(cells: pd.DataFrame, buurten: pd.DataFrame, level_factor: float = 1.0, tolerance_pct: float = WEAK_ERROR_PCT) -> pd.DataFrame:
    """Compare estimated gas use per dwelling type and tenure with the measured KWB figures.

    Parameters
    ----------
    cells : DataFrame
        Cells table of all buurten.
    buurten : DataFrame
        Buurt table with the ``gas_m3_<type>``, ``gas_m3_rented``, ``gas_m3_owned`` columns.
    level_factor : float
        Gemeente-level factor applied to the VIVET gas use (see :func:`leave_one_out_factor`).
    tolerance_pct : float
        ``within_tolerance`` when |deviation| <= this.

    Returns
    -------
    DataFrame
        Columns :data:`CHECK_COLUMNS`, ``check`` = "gas by type and tenure",
        one row per buurt and group where both figures exist.
    """
    gas = cells.assign(gas_total=cells["gas_m3_mean"] * cells["dwellings"])
    frames = []
    for group, category, column, key, values in GAS_GROUPS:
        if column not in buurten:
            continue
        sel = gas[gas[key].isin(values)].groupby("buurt_code")[["gas_total", "dwellings"]].sum()
        est = (sel["gas_total"] / sel["dwellings"].where(sel["dwellings"] > 0)) * level_factor
        ref = buurten.set_index("buurt_code")[column]
        both = pd.DataFrame({"estimate": est, "reference": ref}).dropna()
        both["group"], both["category"] = group, category
        frames.append(both.rename_axis("buurt_code").reset_index())
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["buurt_code", "estimate", "reference", "group", "category"])
    out["ratio"] = out["estimate"] / out["reference"].where(out["reference"] > 0)
    out["deviation_pct"] = 100.0 * (out["ratio"] - 1.0)
    out["within_tolerance"] = out["deviation_pct"].abs() <= tolerance_pct
    out["check"] = "gas by type and tenure"
    return out[CHECK_COLUMNS]


def summarise(validation: pd.DataFrame, checks: pd.DataFrame) -> dict:
    """JSON-serialisable headline figures of the checks."""
    err = validation["gas_m3_error_pct"].dropna()
    worst = validation.loc[err.abs().idxmax()] if len(err) else None
    totals = checks[checks["check"] == "totals"]
    groups = checks[checks["check"] == "gas by type and tenure"]
    period = totals[totals["group"] == "build period"]
    core = totals[totals["group"] != "build period"]
    return {
        "gas_buurten_checked": int(len(err)),
        "gas_median_abs_error_pct": round(float(err.abs().median()), 1) if len(err) else None,
        "gas_median_abs_error_pct_unscaled": round(float(validation["gas_m3_error_pct_unscaled"].abs().median()), 1) if len(err) else None,
        "gas_worst_buurt": None if worst is None else f"{worst['buurt_name']} ({worst['buurt_code']})",
        "gas_worst_error_pct": None if worst is None else round(float(worst["gas_m3_error_pct"]), 1),
        "quality_counts": {k: int(v) for k, v in validation["estimate_quality"].value_counts().items()},
        "weak_buurten": sorted(validation.loc[validation["estimate_quality"] == "weak", "buurt_name"].dropna().tolist()),
        # Labels, tenure and type must add up; recent build periods are short by design (KWB 2019 predates them).
        "totals_within_tolerance_label_tenure_type": bool(core["within_tolerance"].all()),
        "totals_max_abs_deviation_pct_label_tenure_type": round(float(core["deviation_pct"].abs().max()), 1) if len(core) else None,
        "totals_max_abs_deviation_pct_build_period": round(float(period["deviation_pct"].abs().max()), 1) if len(period) else None,
        "gas_by_group_median_abs_error_pct": {
            cat: round(float(rows["deviation_pct"].abs().median()), 1) for cat, rows in groups.groupby("category")
        },
    }
