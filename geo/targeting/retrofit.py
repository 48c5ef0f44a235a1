"""Retrofit targeting: per-label gas factors, the stock by label and the method text.

Pure functions on plain DataFrames; no Streamlit. The savings are based on the
*measured* average gas use per buurt (CBS KWB), scaled by the relative gas use of
each energy label within the same dwelling type x build period (PBL VIVET), never
on the theoretical label values. The factors are derived in the build
(:mod:`geo.build.targeting_inputs`, read via :func:`geo.io.processed.read_label_factors`);
costs, budget allocation and the market view live in :mod:`geo.targeting.budget`; the
savings per stock cell and per buurt in :mod:`geo.targeting.savings`; the within-buurt
income model in :mod:`geo.metrics.income`.

Expected schema of the estimated stock cells (``config.STOCK_CELLS``, one row per
buurt x dwelling type x build period x tenure x label)::

    buurt_code, dwelling_type, build_period, tenure, label, dwellings (float)

This is the table ``geo.stock`` writes to ``config.STOCK_CELLS``; its ``label_class``
column is accepted as ``label``. ``dwelling_type`` uses the names of
:data:`geo.vocab.DWELLING_TYPES`; the KWB gas column of a type is ``gas_m3_<type>`` with
``-`` replaced by ``_``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.io.processed import POOLED as ALL
from geo.params import DEFAULT_TARGET_LABEL, MIN_CELL_DWELLINGS
from geo.vocab import CO2_ELECTRICITY_KG_PER_KWH, CO2_GAS_KG_PER_M3, CO2_SOURCE, LABELS

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

METHOD_MARKDOWN = f"""
### Retrofit targeting: method, defaults and limits

**Savings rest on measured use.** For every buurt CBS publishes the measured average gas supply per
dwelling, also per dwelling type (KWB 2019). The estimated housing stock (issue 4) splits each buurt's
dwellings by type, build period, tenure and energy label. Per label we take the *relative* gas use from the
PBL VIVET per-dwelling reference file for Heerlen's labelled, gas-heated dwellings: each dwelling's gas use is
divided by the mean of its own dwelling type x build period, and a label's factor is the mean of these ratios.
Cells with fewer than {MIN_CELL_DWELLINGS} labelled dwellings fall back to the type (all periods), then to all
dwellings; factors are made non-decreasing from A to G (pool-adjacent-violators), so a better label never
uses more gas. Upgrading a dwelling from label L to target T (default {DEFAULT_TARGET_LABEL}) saves

`measured gas of the buurt and type x (factor(L) - factor(T)) / mean factor of that buurt's stock of the type`

so the stock-weighted average reproduces the measured buurt figure. Where CBS suppressed the type figure the
buurt average is used; where that is suppressed too, results stay empty (never zero).

**Labels versus reality.** TU Delft (Majcen et al. 2013) found the label model predicts ~70 % less energy for
A than for G, while measured use differs only ~28 %; for poor labels theory overstates use about twofold. In
Heerlen's VIVET data the pooled A-versus-G gap is about 32 % (comparable to Majcen's 28 %), but within the same
type and build period it is only about 12 %: much of the label gap is a type/age effect. This model uses the
within-type gap, so its savings are conservative.

**Defaults (all settings).** Gas {GAS_PRICE_EUR_PER_M3:.3f} EUR/m3 and electricity
{ELECTRICITY_PRICE_EUR_PER_KWH:.3f} EUR/kWh ({PRICE_SOURCE}). CO2: natural gas {CO2_GAS_KG_PER_M3} kg/m3,
electricity {CO2_ELECTRICITY_KG_PER_KWH} kg/kWh ({CO2_SOURCE}). High energy quote at >= 10 % of income
(VNG DEGO; 8 % as alternative).

**Energy quote and households lifted (modelled estimate).** Energy bill = gas x price + electricity x price per
dwelling; income = income per inhabitant x 1000 x household size, an approximation (gross personal income, so
it overstates disposable income and understates the quote). Within a buurt household incomes are taken as
lognormal around that mean, with the spread calibrated so the share below the CBS low-income line (scaled for
household size) equals the buurt's measured share of low-income households; income is assumed independent of
the dwelling's label. Households lifted = households in upgraded dwellings whose modelled quote falls from at or
above the threshold to below it.

**Costs and budget.** Cost = label steps x cost per step for the dwelling type (see the cost source; derived
from EIB and PBL totals, editable). EUR per tonne CO2 uses a 30-year lifetime (setting); the per-year view
divides by one year's saving. The budget allocation ranks buurten by
`(1 - alpha) x CO2 per euro / max + alpha x households lifted per euro / max` and, within a buurt, upgrades the
worst labels first; a package that does not fit gets as many whole dwellings as the rest of the budget allows,
and the walk continues down the ranking. The allocated cost never exceeds the budget.

**Limits.** The stock split per buurt is itself estimated; VIVET values are model estimates, not meter readings
(only their relative differences are used); electricity use is held constant (no heat-pump effect); district
heating dwellings show little gas saving; rebound effects and subsidies are ignored; costs per step are
averages with a wide real-world spread.
"""
