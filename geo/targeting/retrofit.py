"""Retrofit targeting: looking up the per-label gas factors, the stock by label.

Pure functions on plain DataFrames; no Streamlit. The savings are based on the
*measured* average gas use per buurt (CBS KWB), scaled by the relative gas use of
each energy label at the same dwelling type and floor area (PBL VIVET; build period is
deliberately not held fixed, because labels follow build period), never on the
theoretical label values. The factors are derived in the build
(:mod:`geo.build.targeting_inputs`, read via :func:`geo.io.processed.read_label_factors`);
costs, budget allocation and the market view live in :mod:`geo.targeting.budget`; the
savings per stock cell and per buurt in :mod:`geo.targeting.savings`; the within-buurt
income model in :mod:`geo.metrics.income`.

Expected schema of the estimated stock cells (``config.STOCK_CELLS``, one row per
buurt x dwelling type x build period x tenure x label)::

    buurt_code, dwelling_type, build_period, tenure, label, dwellings (float)

This is the table ``geo.build.stock`` writes to ``config.STOCK_CELLS``; its ``label_class``
column is accepted as ``label``. ``dwelling_type`` uses the names of
:data:`geo.vocab.DWELLING_TYPES`; the KWB gas column of a type is ``gas_m3_<type>`` with
``-`` replaced by ``_``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import benchmarks, sources
from geo.io.processed import POOLED as ALL
from geo.vocab import LABELS

GAS_PRICE_EUR_PER_M3 = sources.GAS_PRICE_2019_EUR_PER_M3
ELECTRICITY_PRICE_EUR_PER_KWH = sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH
PRICE_SOURCE = sources.PRICE_SOURCE

# How far (percentage points) Heerlen's A-vs-G gap may lie from each measured benchmark (Majcen 28 %,
# RaboResearch 34 %, geo.catalog.benchmarks) before the validation view and its test flag it.
LABEL_GAP_TOLERANCE_PP = 8.0

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


def label_index(label) -> np.ndarray:
    """Position of a label in :data:`LABELS` (A=0 ... G=6); unknown labels give NaN."""
    order = {lab: i for i, lab in enumerate(LABELS)}
    return pd.Series(label).map(order).to_numpy(dtype=float)


def label_factor_summary(dwellings: pd.DataFrame, factors: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Heerlen label factors next to the literature, for the Data & method page.

    Returns
    -------
    (table, comparison) : tuple
        ``table``: one row per label with ``label``, ``dwellings`` (labelled, gas-heated),
        ``mean_gas_m3`` (VIVET estimate, all types pooled), ``pooled_ratio`` (mean gas of the
        label / mean of all labelled dwellings, type and period *not* isolated) and
        ``factor`` (same type and floor area, the one the model uses).
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


def label_gap(factors: pd.DataFrame, dwelling_type: str = ALL, column: str = "factor") -> float:
    """Heerlen gap in gas use between label A and label G: ``1 - factor(A) / factor(G)`` (fraction).

    Parameters
    ----------
    factors : DataFrame
        The label factors (:func:`geo.io.processed.read_label_factors`).
    dwelling_type : str
        A dwelling type, or ``'all'`` for the pooled factors the model uses.
    column : str
        ``'factor'`` (the model's, pooled over types) or ``'factor_own_type'`` (the fit within the type).

    Examples
    --------
    >>> f = pd.DataFrame({"dwelling_type": "all", "build_period": "all", "label": ["A", "G"],
    ...                   "factor": [0.7, 1.0]})
    >>> round(label_gap(f), 2)
    0.3
    """
    rows = factors[(factors["dwelling_type"] == dwelling_type) & (factors["build_period"] == ALL)]
    f = rows.set_index("label")[column]
    return float(1.0 - f["A"] / f["G"])


def label_gaps_by_type(factors: pd.DataFrame) -> pd.DataFrame:
    """A-versus-G gap per dwelling type, the model's pooled one and the fit within each type (fractions).

    Returns
    -------
    DataFrame
        ``dwelling_type``, ``gap_model`` (pooled factors, used) and ``gap_own_type`` (within the type, shown
        only; NaN where a label is too thin in the type).
    """
    types = [t for t in factors["dwelling_type"].unique()]
    own = "factor_own_type" if "factor_own_type" in factors else "factor"
    return pd.DataFrame({"dwelling_type": types,
                         "gap_model": [label_gap(factors, t) for t in types],
                         "gap_own_type": [label_gap(factors, t, own) for t in types]})


def label_gap_beside_benchmarks(factors: pd.DataFrame) -> pd.DataFrame:
    """Heerlen's A-vs-G gap beside the measured benchmarks (Majcen, RaboResearch), with the difference.

    Returns
    -------
    DataFrame
        One row per benchmark: ``benchmark``, ``year``, ``benchmark_pct``, ``model_pct`` (the model's pooled
        factors), ``difference_pp`` (Heerlen - benchmark, percentage points), ``difference_pct`` (relative to the
        benchmark, %) and ``within_tolerance`` (|difference| <= :data:`LABEL_GAP_TOLERANCE_PP`).
    """
    model = 100.0 * label_gap(factors)
    rows = []
    for key in ("gas_gap_a_vs_g_majcen", "gas_gap_a_vs_g_rabo"):
        b = benchmarks.BENCHMARKS[key]
        rows.append({"benchmark": b.source, "year": b.year, "benchmark_pct": b.value, "model_pct": model,
                     "difference_pp": model - b.value, "difference_pct": 100.0 * (model - b.value) / b.value,
                     "within_tolerance": abs(model - b.value) <= LABEL_GAP_TOLERANCE_PP})
    return pd.DataFrame(rows)


def lookup_factors(cells: pd.DataFrame, factors: pd.DataFrame, label_col: str = "label") -> pd.Series:
    """Factor for each stock cell (``dwelling_type``, ``build_period``, label), with fallback.

    Exact type x period match first; a period unknown to the factor table takes the
    type-level factor, an unknown type the pooled factor. Unknown labels give NaN.
    """
    keys = ["dwelling_type", "build_period", "label"]
    f = factors.set_index(keys)["factor"]
    exact = pd.MultiIndex.from_arrays([cells["dwelling_type"], cells["build_period"], cells[label_col]])
    out = pd.Series(f.reindex(exact).to_numpy(), index=cells.index)
    type_level = pd.MultiIndex.from_arrays(
        [cells["dwelling_type"], pd.Series(ALL, index=cells.index), cells[label_col]]
    )
    out = out.fillna(pd.Series(f.reindex(type_level).to_numpy(), index=cells.index))
    pooled = pd.MultiIndex.from_arrays([pd.Series(ALL, index=cells.index)] * 2 + [cells[label_col]])
    return out.fillna(pd.Series(f.reindex(pooled).to_numpy(), index=cells.index))



def stock_by_label(cells: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Estimated dwellings per buurt x ``dimension`` (wide over the label classes A-G, zero where none).

    Parameters
    ----------
    cells : DataFrame
        Estimated stock cells with ``buurt_code``, ``dimension``, ``label_class`` and ``dwellings``.
    dimension : str
        ``tenure``, ``build_period`` or ``dwelling_type``.
    """
    t = cells.pivot_table(index=["buurt_code", dimension], columns="label_class", values="dwellings", aggfunc="sum",
                          fill_value=0.0, observed=True)
    return t.reindex(columns=list(LABELS), fill_value=0.0).reset_index()
