"""Retrofit targeting (issue 5): per-label gas factors and savings per buurt.

Pure functions on plain DataFrames; no Streamlit. The savings are based on the
*measured* average gas use per buurt (CBS KWB), scaled by the relative gas use of
each energy label within the same dwelling type x build period (PBL VIVET), never
on the theoretical label values. Costs, budget allocation and the market view live
in :mod:`geo.retrofit_budget`; the savings per stock cell and per buurt in
:mod:`geo.retrofit_savings`; the within-buurt income model in :mod:`geo.retrofit_income`.

Expected schema of the estimated stock cells (``config.STOCK_CELLS``, one row per
buurt x dwelling type x build period x tenure x label)::

    buurt_code, dwelling_type, build_period, tenure, label, dwellings (float)

This is the table ``geo.stock`` writes to ``config.STOCK_CELLS``; its ``label_class``
column is accepted as ``label``. ``dwelling_type`` uses the names of
:data:`DWELLING_TYPES`; the KWB gas column of a type is ``gas_m3_<type>`` with
``-`` replaced by ``_``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.vocab import (
    BUILD_PERIODS,
    CO2_ELECTRICITY_KG_PER_KWH,  # noqa: F401  the retrofit page and ui read it from here
    CO2_GAS_KG_PER_M3,  # noqa: F401
    CO2_SOURCE,  # noqa: F401
    DWELLING_TYPE_BY_VIVET_CODE,
    DWELLING_TYPES,  # noqa: F401  the pages read it from here
    LABELS,
    TENURE_NAME_BY_VIVET_CODE,
)

ALL = "all"  # placeholder in the factor table for a pooled level

DEFAULT_TARGET_LABEL = "B"
MIN_CELL_DWELLINGS = 30  # fewer labelled dwellings in a type x period x label cell -> fall back
GAS_MIN_GJ = 1.0  # dwellings below this use (district heat, all-electric) carry no gas label effect

GAS_PRICE_EUR_PER_M3 = sources.GAS_PRICE_2019_EUR_PER_M3
ELECTRICITY_PRICE_EUR_PER_KWH = sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH
PRICE_SOURCE = sources.PRICE_SOURCE

# Literature on labels versus measured use, shown next to the Heerlen factors.
LITERATURE = {
    "majcen_measured_gap_a_g": 0.28,
    "majcen_theoretical_gap_a_g": 0.70,
    "majcen_overstatement_poor_labels": 2.0,
    "source": (
        "Majcen, Itard & Visscher (TU Delft, 2013), 'Theoretical vs. actual energy consumption of labelled dwellings "
        "in the Netherlands', Energy Policy 54: the label model predicts ~70% less energy for A than for G, measured "
        "use differs ~28% (CO2 ~26%); for F/G dwellings the model predicts about twice the real use."
    ),
}


def build_period(bp_code: pd.Series) -> pd.Series:
    """VIVET build-period code (0-11) -> name of :data:`BUILD_PERIODS`."""
    return bp_code.map(dict(enumerate(BUILD_PERIODS)))


def label_index(label) -> np.ndarray:
    """Position of a label in :data:`LABELS` (A=0 ... G=6); unknown labels give NaN."""
    order = {lab: i for i, lab in enumerate(LABELS)}
    return pd.Series(label).map(order).to_numpy(dtype=float)


def vivet_labelled(vivet: pd.DataFrame, gemeentecode: str = "GM0917", min_gas_gj: float = GAS_MIN_GJ) -> pd.DataFrame:
    """Labelled, gas-heated dwellings of one municipality from the VIVET per-dwelling file.

    Returns
    -------
    DataFrame
        Columns ``dwelling_type``, ``build_period``, ``tenure``, ``label``, ``gas_gj``, ``floor_area_m2``.
    """
    v = vivet[(vivet["gemeentecode"] == gemeentecode) & vivet["lb"].isin(LABELS) & (vivet["gas"] >= min_gas_gj)]
    return pd.DataFrame(
        {
            "dwelling_type": v["wt"].map(DWELLING_TYPE_BY_VIVET_CODE),
            "build_period": build_period(v["bp"]),
            "tenure": v["eg"].map(TENURE_NAME_BY_VIVET_CODE),
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
    for v, w in zip(values, weights):
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
    d = dwellings.copy()
    d["ratio"] = d["gas_gj"] / d.groupby(["dwelling_type", "build_period"])["gas_gj"].transform("mean")
    cell = d.groupby(["dwelling_type", "build_period", "label"])["ratio"].agg(["mean", "size"])
    by_type = d.groupby(["dwelling_type", "label"])["ratio"].agg(["mean", "size"])
    by_label = d.groupby("label")["ratio"].agg(["mean", "size"]).reindex(list(LABELS)).fillna({"size": 0})
    rows = []
    types = sorted(d["dwelling_type"].unique())
    periods = [p for p in BUILD_PERIODS if p in set(d["build_period"])]
    for t in types:
        for p in periods + [ALL]:
            for lab in LABELS:
                n_cell = int(cell["size"].get((t, p, lab), 0)) if p != ALL else 0
                n_type = int(by_type["size"].get((t, lab), 0))
                if p != ALL and n_cell >= min_n:
                    rows.append((t, p, lab, cell["mean"][(t, p, lab)], n_cell, "type_period"))
                elif n_type >= min_n:
                    rows.append((t, p, lab, by_type["mean"][(t, lab)], n_cell if p != ALL else n_type, "type"))
                else:
                    rows.append((t, p, lab, by_label["mean"][lab], n_cell if p != ALL else n_type, "all"))
    for lab in LABELS:
        rows.append((ALL, ALL, lab, by_label["mean"][lab], int(by_label["size"][lab]), "all"))
    out = pd.DataFrame(rows, columns=["dwelling_type", "build_period", "label", "factor_raw", "n", "level"])
    out["factor"] = out["factor_raw"]
    for _, idx in out.groupby(["dwelling_type", "build_period"]).groups.items():
        block = out.loc[idx].sort_values("label")
        out.loc[block.index, "factor"] = monotone_by_label(block["factor_raw"].to_numpy(), block["n"].to_numpy() + 1.0)
    return out


def label_factor_summary(dwellings: pd.DataFrame, factors: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Heerlen label factors next to the literature, for the Data & method page.

    Returns
    -------
    (table, comparison) : tuple
        ``table``: one row per label with ``label``, ``dwellings`` (labelled, gas-heated),
        ``mean_gas_m3`` (VIVET estimate, all types pooled), ``pooled_ratio`` (mean gas of the
        label / mean of all labelled dwellings, type and period *not* isolated) and
        ``factor`` (within type x period, the one the model uses).
        ``comparison``: the A-versus-G gaps (fraction lower for A than for G) ``pooled_gap_a_g``,
        ``isolated_gap_a_g`` and the literature values of :data:`LITERATURE`.
    """
    gas_m3 = dwellings["gas_gj"] * sources.GAS_M3_PER_GJ
    pooled = gas_m3.groupby(dwellings["label"]).agg(["mean", "size"]).reindex(list(LABELS))
    iso = factors[(factors["dwelling_type"] == ALL)].set_index("label")["factor"].reindex(list(LABELS))
    table = pd.DataFrame(
        {
            "label": list(LABELS),
            "dwellings": pooled["size"].to_numpy(),
            "mean_gas_m3": pooled["mean"].round(0).to_numpy(),
            "pooled_ratio": (pooled["mean"] / gas_m3.mean()).round(3).to_numpy(),
            "factor": iso.round(3).to_numpy(),
        }
    )
    comparison = {
        "pooled_gap_a_g": float(1 - pooled["mean"]["A"] / pooled["mean"]["G"]),
        "isolated_gap_a_g": float(1 - iso["A"] / iso["G"]),
        **{k: v for k, v in LITERATURE.items()},
    }
    return table, comparison


def lookup_factors(cells: pd.DataFrame, factors: pd.DataFrame, label_col: str = "label") -> pd.Series:
    """Factor for each stock cell (``dwelling_type``, ``build_period``, label), with fallback.

    Exact type x period match first; a period unknown to the factor table takes the
    type-level factor, an unknown type the pooled factor. Unknown labels give NaN.
    """
    keys = ["dwelling_type", "build_period", "label"]
    f = factors.set_index(keys)["factor"]
    exact = pd.MultiIndex.from_arrays([cells["dwelling_type"], cells["build_period"], cells[label_col]])
    out = pd.Series(f.reindex(exact).to_numpy(), index=cells.index)
    type_level = pd.MultiIndex.from_arrays([cells["dwelling_type"], pd.Series(ALL, index=cells.index), cells[label_col]])
    out = out.fillna(pd.Series(f.reindex(type_level).to_numpy(), index=cells.index))
    pooled = pd.MultiIndex.from_arrays([pd.Series(ALL, index=cells.index)] * 2 + [cells[label_col]])
    return out.fillna(pd.Series(f.reindex(pooled).to_numpy(), index=cells.index))
