"""Reading VIVET, the dwelling codes and the group table of the stock estimate.

VIVET (PBL/CBS/TNO) lists every dwelling with its type (``wt``), build period
(``bp``), tenure (``eg``), registered energy label (``lb``), installation
(``ic``), floor area (``op``), modelled gas use and heat demand (``gas``,
``rv``, ``tw``). This module reads and checks the gemeente file and the PBL
per-address file (with ``BU_CODE``), turns each dwelling into integer codes and
aggregates dwellings into the dense *group table* both estimation paths of
:mod:`geo.build.stock.estimate` start from: counts and sums per imputation cell (5 dwelling
types x 12 build periods x 3 tenures) x district heating (no/yes) x registered
label (A-G, x). All functions are pure.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geo import config
from geo.errors import DataError
from geo.vocab import (
    BUILD_PERIOD_BY_VIVET_CODE,
    BUILD_PERIOD_GROUPS,
    DISTRICT_HEATING_CODES,
    DWELLING_TYPE_BY_VIVET_CODE,
    LABELS,
    NO_LABEL,
    SINGLE_FAMILY_TYPES,
    TENURE_BY_VIVET_CODE,
    TENURES,
)

# Axes of the group table; index N_LABELS on the registered-label axis = no registered label.
N_TYPES, N_PERIODS, N_TENURES = len(DWELLING_TYPE_BY_VIVET_CODE), len(BUILD_PERIOD_BY_VIVET_CODE), len(TENURES)
N_LABELS = len(LABELS)
# VIVET ``eg`` code -> position on the tenure axis (KWB order of vocab.TENURES).
EG_TO_TENURE = {eg: TENURES.index(t) for eg, t in TENURE_BY_VIVET_CODE.items()}
N_CELLS = N_TYPES * N_PERIODS * N_TENURES  # imputation cells k = (type, build period, tenure)
# The raking margins: single- or multi-family by type code, built before or from 2000 by build-period code.
SINGLE_FAMILY_CODES = [code for code, t in DWELLING_TYPE_BY_VIVET_CODE.items() if t in SINGLE_FAMILY_TYPES]
FIRST_CODE_FROM_2000 = BUILD_PERIOD_GROUPS["2000_plus"].start
VALUES = ["count", "gas_gj", "floor_m2", "heat_gj"]  # last axis of the group table
VIVET_COLUMNS = ["rv", "tw", "gas", "op", "wt", "bp", "eg", "lb", "ic"]


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
    out["lb"] = out["lb"].astype(str).str.strip().str.upper().replace({NO_LABEL.upper(): NO_LABEL})
    out["ic"] = out["ic"].astype(str).str.strip().str.lower()
    codes = {"wt": set(DWELLING_TYPE_BY_VIVET_CODE), "bp": set(BUILD_PERIOD_BY_VIVET_CODE), "eg": set(EG_TO_TENURE),
             "lb": set(LABELS) | {NO_LABEL}}
    for col, allowed in codes.items():
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
    multi = ~np.isin(wt, SINGLE_FAMILY_CODES)
    return pd.DataFrame({"wt": wt, "bp": bp, "tenure": tenure, "multi": multi.astype(int),
                         "post2000": (bp >= FIRST_CODE_FROM_2000).astype(int)})


def address_groups(dw: pd.DataFrame, buurt_codes: list[str]) -> tuple[np.ndarray, int]:
    """Group table per buurt from the per-address file; also the number of dwellings outside ``buurt_codes``."""
    index = pd.Index(buurt_codes).get_indexer(dw["buurt_code"])
    inside = index >= 0
    groups = group_table(dw[inside], by=index[inside], n_by=len(buurt_codes))
    return groups, int((~inside).sum())
