"""Inputs of the retrofit and new-build models that come from raw files: label factors and Heerlen's households.

The app never reads raw files, so what the targeting models need from them is derived
here, once, in ``make data``:

* the **label factors** (:data:`geo.config.LABEL_FACTORS`): relative gas use per energy label
  within the same dwelling type x build period, from the PBL VIVET dwellings of the municipality;
* the **municipality's households** (:data:`geo.config.GEMEENTE_HOUSEHOLDS`): private households,
  dwelling stock and the unoccupied share per KWB edition, the start of the growth scenarios.

Pure functions plus one writer, :func:`write_targeting_inputs`, called by the pipeline.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geo import config, vocab
from geo.build.stock import vivet
from geo.io import raw
from geo.io.processed import POOLED as ALL
from geo.params import MIN_CELL_DWELLINGS

GAS_MIN_GJ = 1.0  # dwellings below this use (district heat, all-electric) carry no gas label effect

# KWB columns of the municipality's row behind the growth scenarios, and their processed names.
HOUSEHOLD_COLUMNS = {
    "Bevolking_Particuliere_huishoudens_Huishoudens_totaal": "households",
    "Wonen_Woningvoorraad": "dwellings",
    "Wonen_Woningen_naar_bewoning_Percentage_onbewoond": "pct_unoccupied",
}


def vivet_labelled(vivet_dwellings: pd.DataFrame, gemeentecode: str = config.GEMEENTE_CODE,
                   min_gas_gj: float = GAS_MIN_GJ) -> pd.DataFrame:
    """Labelled, gas-heated dwellings of one municipality from the VIVET per-dwelling file.

    Returns
    -------
    DataFrame
        Columns ``dwelling_type``, ``build_period``, ``tenure``, ``label``, ``gas_gj``, ``floor_area_m2``.
    """
    v = vivet_dwellings
    v = v[(v["gemeentecode"] == gemeentecode) & v["lb"].isin(vocab.LABELS) & (v["gas"] >= min_gas_gj)]
    return pd.DataFrame(
        {
            "dwelling_type": v["wt"].map(vocab.DWELLING_TYPE_BY_VIVET_CODE),
            "build_period": v["bp"].map(vocab.BUILD_PERIOD_BY_VIVET_CODE),
            "tenure": v["eg"].map(vocab.TENURE_NAME_BY_VIVET_CODE),
            "label": v["lb"],
            "gas_gj": v["gas"].astype(float),
            "floor_area_m2": v["op"].astype(float),
        }
    ).dropna(subset=["dwelling_type"])


def monotone_by_label(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted isotonic (non-decreasing A -> G) fit by pool-adjacent-violators.

    A thin or noisy cell can make label F use less gas than E; pooling the two
    keeps the rule "a better label never uses more gas", so a better target label
    never saves less.

    Examples
    --------
    >>> monotone_by_label(np.array([1.0, 0.8, 1.2]), np.array([1.0, 1.0, 1.0])).round(2).tolist()
    [0.9, 0.9, 1.2]
    """
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    if not finite.all():  # labels without any data stay NaN; fit the others
        out = values.copy()
        if finite.any():
            out[finite] = monotone_by_label(values[finite], np.asarray(weights, dtype=float)[finite])
        return out
    blocks: list[list[float]] = []  # [value, weight, count]
    for v, w in zip(values, weights, strict=True):
        blocks.append([float(v), float(max(w, 1e-9)), 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    return np.concatenate([[v] * c for v, _, c in blocks])


def label_factors(dwellings: pd.DataFrame, min_n: int = MIN_CELL_DWELLINGS) -> pd.DataFrame:
    """Relative gas use per label, isolated from dwelling type and build period.

    Each labelled dwelling's gas use is divided by the mean gas use of the labelled
    dwellings of its own dwelling type x build period. The factor of a label in a
    cell is the mean of these ratios. Fallback for thin cells (fewer than
    ``min_n`` dwellings with that label): the same ratio pooled over all periods of
    the type (``level='type'``), then over all dwellings (``level='all'``). Because
    every ratio is taken within its own type x period, the fallbacks still isolate
    the label effect. Factors are then made non-decreasing from A to G
    (:func:`monotone_by_label`).

    Parameters
    ----------
    dwellings : DataFrame
        Output of :func:`vivet_labelled` (``dwelling_type``, ``build_period``, ``label``, ``gas_gj``).
    min_n : int
        Minimum dwellings per cell.

    Returns
    -------
    DataFrame
        One row per dwelling_type x build_period x label (full grid of the types and
        periods present, plus ``build_period='all'`` rows per type and
        ``dwelling_type='all'`` rows per label) with ``factor``, ``factor_raw``,
        ``n`` (labelled dwellings in the cell) and ``level``
        ('type_period', 'type' or 'all').
    """
    labels = vocab.LABELS
    d = dwellings.copy()
    d["ratio"] = d["gas_gj"] / d.groupby(["dwelling_type", "build_period"])["gas_gj"].transform("mean")
    cell = d.groupby(["dwelling_type", "build_period", "label"])["ratio"].agg(["mean", "size"])
    by_type = d.groupby(["dwelling_type", "label"])["ratio"].agg(["mean", "size"])
    by_label = d.groupby("label")["ratio"].agg(["mean", "size"]).reindex(list(labels)).fillna({"size": 0})
    rows = []
    types = sorted(d["dwelling_type"].unique())
    periods = [p for p in vocab.BUILD_PERIODS if p in set(d["build_period"])]
    for t in types:
        for p in periods + [ALL]:
            for lab in labels:
                n_cell = int(cell["size"].get((t, p, lab), 0)) if p != ALL else 0
                n_type = int(by_type["size"].get((t, lab), 0))
                if p != ALL and n_cell >= min_n:
                    rows.append((t, p, lab, cell["mean"][(t, p, lab)], n_cell, "type_period"))
                elif n_type >= min_n:
                    rows.append((t, p, lab, by_type["mean"][(t, lab)], n_cell if p != ALL else n_type, "type"))
                else:
                    rows.append((t, p, lab, by_label["mean"][lab], n_cell if p != ALL else n_type, "all"))
    for lab in labels:
        rows.append((ALL, ALL, lab, by_label["mean"][lab], int(by_label["size"][lab]), "all"))
    out = pd.DataFrame(rows, columns=["dwelling_type", "build_period", "label", "factor_raw", "n", "level"])
    out["factor"] = out["factor_raw"]
    for _, idx in out.groupby(["dwelling_type", "build_period"]).groups.items():
        block = out.loc[idx].sort_values("label")
        out.loc[block.index, "factor"] = monotone_by_label(block["factor_raw"].to_numpy(), block["n"].to_numpy() + 1.0)
    return out


def gemeente_households(kwb: pd.DataFrame, code: str = config.GEMEENTE_CODE) -> pd.DataFrame:
    """Private households, dwelling stock and unoccupied share of one region per KWB edition.

    Parameters
    ----------
    kwb : DataFrame
        The raw KWB table (``regio_code``, ``jaar`` and the columns of :data:`HOUSEHOLD_COLUMNS`).
    code : str
        Region code, by default the municipality.

    Returns
    -------
    DataFrame
        One row per year, oldest first: ``year``, ``households``, ``dwellings`` and ``pct_unoccupied``
        (% of the stock); a value CBS left empty stays missing.
    """
    rows = kwb[kwb["regio_code"] == code].set_index("jaar").sort_index()
    out = pd.DataFrame({name: pd.to_numeric(rows[col], errors="coerce").astype(float)
                        for col, name in HOUSEHOLD_COLUMNS.items()})
    return out.rename_axis("year").reset_index()


def write_targeting_inputs(out_dir: Path = config.PROCESSED_DIR, kwb_path: Path = config.RAW_KWB,
                           vivet_path: Path = config.RAW_VIVET) -> None:
    """Write the label factors and the municipality's households to ``out_dir``."""
    factors = label_factors(vivet_labelled(vivet.read_vivet(vivet_path)))
    factors.to_parquet(Path(out_dir) / config.LABEL_FACTORS.name, index=False)
    kwb = raw.read_kwb(kwb_path, columns=list(HOUSEHOLD_COLUMNS))
    gemeente_households(kwb).to_parquet(Path(out_dir) / config.GEMEENTE_HOUSEHOLDS.name, index=False)
