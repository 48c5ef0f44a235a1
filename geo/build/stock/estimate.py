"""Energy labels and the housing stock per buurt.

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
The method in words is ``docs/method/stock.md`` (shown on the Data & method page).

The work is split over the modules of :mod:`geo.build.stock`:

* :mod:`geo.build.stock.vivet` – reading and checking VIVET and the per-address
  file, dwelling codes, the group table;
* :mod:`geo.build.stock.raking` – raking cells, label mix and imputation,
  raking to the buurt margins, the bootstrap;
* :mod:`geo.build.stock.tables` – the buurt stock table and the long cells table;
* :mod:`geo.build.stock.validation` – checks against measured gas use and totals;
* this module – :func:`estimate_stock` and :func:`build_stock`; the columns are
  described in :mod:`geo.catalog.stock_columns`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geo import config
from geo.build.stock import validation as sv

# Re-exported: the public names of the stock estimate are importable from geo.build.stock.
from geo.build.stock.raking import (  # noqa: F401
    RAKE_SHAPE,
    bootstrap_labels,
    buurt_margins,
    estimate_groups,
    impute,
    kd_factors,
    label_mix,
    rake,
    rake_cell_index,
    rake_indicator,
    seed_cells,
)
from geo.build.stock.tables import (  # noqa: F401
    band_columns,
    cells_table,
    efg_share,
    label_columns,
    stock_table,
)
from geo.build.stock.vivet import (  # noqa: F401
    EG_TO_TENURE,
    N_CELLS,
    N_LABELS,
    N_PERIODS,
    N_TENURES,
    N_TYPES,
    VALUES,
    VIVET_COLUMNS,
    address_groups,
    cell_attributes,
    check_vivet,
    dwelling_codes,
    find_address_file,
    group_table,
    read_vivet,
    read_vivet_address,
)
from geo.catalog.stock_columns import BASIS_ADDRESS, BASIS_ESTIMATED
from geo.vocab import LABELS

# ---- both paths, build --------------------------------------------------------------------


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
        ``stock`` (one row per buurt, see :mod:`geo.catalog.stock_columns`), ``cells`` (long
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
        band = band_columns(stock[[f"dwellings_label_{lab.lower()}" for lab in LABELS]].to_numpy()[None])
        basis = BASIS_ADDRESS
    else:
        total, margins, used = buurt_margins(buurten, use_district_heating)
        fit = estimate_groups(gemeente, total, margins)
        est = fit["groups"]
        stock = stock_table(est, mix, codes)
        stock["effective_dwellings"] = fit["effective"]
        stock["margins_used"] = used
        stock["rake_residual"] = fit["residual"]
        band = band_columns(bootstrap_labels(gemeente, total, margins, n_boot=n_boot, seed=seed))
        basis = BASIS_ESTIMATED
    for name, values in band.items():
        stock[name] = values
    stock["pct_label_efg_all_band"] = stock["pct_label_efg_all_p95"] - stock["pct_label_efg_all_p05"]
    stock.insert(1, "stock_basis", basis)
    cells = cells_table(est, mix, codes)
    cells.insert(1, "stock_basis", basis)
    return {"stock": stock, "cells": cells, "reference_cells": cells_table(gemeente[None], mix, ["GM"]), "outside": outside}


def build_stock(buurten: pd.DataFrame, out_dir: Path = config.PROCESSED_DIR, raw_dir: Path = config.RAW_DIR, vivet_path: Path = config.RAW_VIVET, n_boot: int = 200, seed: int = 917, gemeente: str = config.GEMEENTE_CODE) -> dict:
    """Estimate (or count) the stock per buurt, check it, write the four stock files.

    Writes ``config.STOCK`` (per buurt, with ``estimate_quality``),
    ``config.STOCK_CELLS``, ``config.STOCK_VALIDATION`` (gas check per buurt)
    and ``config.STOCK_CHECKS`` (totals and gas by type/tenure) under ``out_dir``.
    The per-address file is looked for under ``raw_dir``; else the dwellings of ``gemeente`` in ``vivet_path``.

    Returns
    -------
    dict
        JSON-serialisable summary for the build metadata.
    """
    address = find_address_file(raw_dir)
    dwellings = read_vivet_address(address, gemeente) if address else read_vivet(vivet_path, gemeente)
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
    return summary


