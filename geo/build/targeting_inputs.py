"""Inputs of the retrofit and new-build models that come from raw files: label factors and Heerlen's households.

The app never reads raw files, so what the targeting models need from them is derived
here, once, in ``make data``:

* the **label factors** (:data:`geo.config.LABEL_FACTORS`): relative gas use per energy label
  within the same dwelling type at the same floor area (a regression of log gas on label and log floor
  area), from the PBL VIVET dwellings of the municipality;
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


def label_coefficients(dwellings: pd.DataFrame, by_type: bool = True) -> pd.Series:
    """Relative gas use per label at the same floor area: exp of a log-linear regression, label G = 1.

    Fits ``log(gas) = c + b x log(floor area) + sum_L d_L [label = L] (+ sum_t e_t [type = t])`` by least
    squares; the factor of label L is ``exp(d_L)`` (G is the reference, so G = 1). Build period is *not* a
    regressor: in VIVET labels are largely set by the build period, so controlling for it would take most of
    the label effect away (the over-control of the earlier type x period factors).

    Parameters
    ----------
    dwellings : DataFrame
        ``label``, ``gas_gj`` (> 0), ``floor_area_m2`` (> 0) and, with ``by_type``, ``dwelling_type``.
    by_type : bool
        Add dwelling-type dummies (for the pooled fit over several types).

    Returns
    -------
    Series
        Factor per label present (index A-G order); labels without dwellings are left out.

    Examples
    --------
    >>> d = pd.DataFrame({"label": ["A", "A", "G", "G"], "gas_gj": [30.0, 60.0, 40.0, 80.0],
    ...                   "floor_area_m2": [50.0, 100.0, 50.0, 100.0]})
    >>> label_coefficients(d, by_type=False).round(3).tolist()
    [0.75, 1.0]
    """
    d = dwellings[(dwellings["gas_gj"] > 0) & (dwellings["floor_area_m2"] > 0)]
    present = [lab for lab in vocab.LABELS if lab in set(d["label"])]
    reference = present[-1]
    columns = [np.ones(len(d)), np.log(d["floor_area_m2"].to_numpy(dtype=float))]
    columns += [(d["label"] == lab).to_numpy(dtype=float) for lab in present[:-1]]
    if by_type:
        columns += [(d["dwelling_type"] == t).to_numpy(dtype=float) for t in sorted(set(d["dwelling_type"]))[1:]]
    beta, *_ = np.linalg.lstsq(np.column_stack(columns), np.log(d["gas_gj"].to_numpy(dtype=float)), rcond=None)
    factors = dict(zip(present[:-1], np.exp(beta[2:2 + len(present) - 1]), strict=True)) | {reference: 1.0}
    return pd.Series(factors, dtype=float).rename_axis("label")


def label_factors(dwellings: pd.DataFrame, min_n: int = MIN_CELL_DWELLINGS) -> pd.DataFrame:
    """Relative gas use per label at the same dwelling type and floor area (not within build period).

    The factors the model uses come from one regression on all labelled gas-heated dwellings of the
    municipality: log gas on label, dwelling type and log floor area (:func:`label_coefficients`), made
    non-decreasing from A to G (:func:`monotone_by_label`) so a better target label never saves less. The
    label effect is the same for every type; type and floor area only keep big and small dwellings apart.
    Fits per dwelling type (log gas on label and log floor area within the type) are written beside it as
    ``factor_own_type``, for the validation view: they are noisy where a type has few dwellings (Heerlen's
    detached houses), which is why the model does not use them. A label with fewer than ``min_n`` dwellings
    in a type has no own-type factor (NaN).

    Parameters
    ----------
    dwellings : DataFrame
        Output of :func:`vivet_labelled` (``dwelling_type``, ``label``, ``gas_gj``, ``floor_area_m2``).
    min_n : int
        Minimum dwellings of a label within a type for an own-type factor.

    Returns
    -------
    DataFrame
        One row per dwelling type (and ``'all'``) x label, ``build_period='all'``, with ``factor`` (the pooled
        factor, G = 1, used by the model), ``factor_raw`` (before the monotone fit), ``factor_own_type``,
        ``n`` (labelled dwellings of the type with that label) and ``level`` ('all': the pooled fit).
    """
    labels = list(vocab.LABELS)
    n_all = dwellings.groupby("label").size().reindex(labels, fill_value=0)
    raw = label_coefficients(dwellings).reindex(labels)
    pooled = pd.Series(monotone_by_label(raw.to_numpy(), n_all.to_numpy() + 1.0), index=labels)
    blocks = [pd.DataFrame({"dwelling_type": ALL, "label": labels, "factor": pooled.to_numpy(),
                            "factor_raw": raw.to_numpy(), "factor_own_type": raw.to_numpy(), "n": n_all.to_numpy()})]
    for t, d in dwellings.groupby("dwelling_type"):
        n = d.groupby("label").size().reindex(labels, fill_value=0)
        own = label_coefficients(d, by_type=False).reindex(labels) if n["G"] >= min_n else raw * np.nan
        blocks.append(pd.DataFrame({"dwelling_type": t, "label": labels, "factor": pooled.to_numpy(),
                                    "factor_raw": raw.to_numpy(), "factor_own_type": own.where(n >= min_n).to_numpy(),
                                    "n": n.to_numpy()}))
    out = pd.concat(blocks, ignore_index=True).assign(build_period=ALL, level="all")
    return out[["dwelling_type", "build_period", "label", "factor", "factor_raw", "factor_own_type", "n", "level"]]


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
                           vivet_path: Path | None = config.RAW_VIVET, gemeente: str = config.GEMEENTE_CODE,
                           address_path: Path | None = None) -> bool:
    """Write the label factors and the municipality's households to ``out_dir``; return whether factors were written.

    The label factors come from the VIVET dwellings of ``gemeente`` in ``vivet_path`` or, when that is None,
    in the per-address file ``address_path``; with neither there are no label factors (the households are
    written all the same). A KWB column of :data:`HOUSEHOLD_COLUMNS` the table lacks stays missing.
    """
    wrote = False
    if vivet_path is not None or address_path is not None:
        dwellings = (vivet.read_vivet(vivet_path, gemeente) if vivet_path is not None
                     else vivet.read_vivet_address(address_path, gemeente).assign(gemeentecode=gemeente))
        factors = label_factors(vivet_labelled(dwellings, gemeente))
        factors.to_parquet(Path(out_dir) / config.LABEL_FACTORS.name, index=False)
        wrote = True
    kwb = raw.read_kwb(kwb_path)
    kwb = kwb.assign(**{c: np.nan for c in HOUSEHOLD_COLUMNS if c not in kwb.columns})
    gemeente_households(kwb, gemeente).to_parquet(Path(out_dir) / config.GEMEENTE_HOUSEHOLDS.name, index=False)
    return wrote
