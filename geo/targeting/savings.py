"""Retrofit savings per stock cell and per buurt: gas, CO2, bill and high-quote households.

The method is described in ``docs/method/retrofit.md``. Pure functions, no Streamlit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.metrics import household_income
from geo.params import DEFAULT_TARGET_LABEL
from geo.targeting.packages import package_use
from geo.targeting.retrofit import ELECTRICITY_PRICE_EUR_PER_KWH, GAS_PRICE_EUR_PER_M3, label_index, lookup_factors
from geo.vocab import CO2_ELECTRICITY_KG_PER_KWH, CO2_GAS_KG_PER_M3, LABELS


def _weighted_mean(values: pd.Series, weights: pd.Series, keys: list[pd.Series]) -> pd.Series:
    """Weighted mean of ``values`` within groups, broadcast back to the rows."""
    num = (values * weights).groupby(keys).transform("sum")
    den = weights.where(values.notna()).groupby(keys).transform("sum")
    return num / den.where(den > 0)


def cell_savings(
    cells: pd.DataFrame,
    buurten: pd.DataFrame,
    factors: pd.DataFrame,
    target_label: str = DEFAULT_TARGET_LABEL,
    gas_price: float = GAS_PRICE_EUR_PER_M3,
    electricity_price: float = ELECTRICITY_PRICE_EUR_PER_KWH,
    co2_gas_kg_per_m3: float = CO2_GAS_KG_PER_M3,
    threshold_pct: float = 10.0,
    *,
    income: pd.DataFrame,
    package: str = "insulate",
    hybrid_gas_share: float = sources.HYBRID_GAS_SHARE,
    cop: float = sources.COP_ALL_ELECTRIC,
    boiler_efficiency: float = sources.BOILER_EFFICIENCY,
    co2_electricity_kg_per_kwh: float = CO2_ELECTRICITY_KG_PER_KWH,
    tenure_income_gap: float = sources.TENURE_INCOME_GAP_SD,
) -> pd.DataFrame:
    """Gas, electricity, CO2, bill and high-energy-quote effect of a package on every cell worse than the target.

    Per dwelling of label L in buurt b and type t::

        gas(L)  = measured_gas(b, t) x factor(L) / mean_factor(b, t)
        saved   = measured_gas(b, t) x (factor(L) - factor(T)) / mean_factor(b, t)   (L worse than T)

    ``measured_gas(b, t)`` is the KWB ``gas_m3_<type>`` of the buurt; where CBS suppressed it,
    the buurt's ``gas_m3`` with the mean factor of the whole buurt stock. Where both are
    missing the results stay NaN. The package (:func:`geo.targeting.packages.package_use`) then sets the gas
    after and the electricity added: ``insulate`` keeps gas(T) and adds none; ``hybrid`` replaces
    ``hybrid_gas_share`` of today's gas; ``all_electric`` sets gas to zero after insulating to T and adds the
    remaining heat demand / COP. CO2 saved = gas saved x gas factor - electricity added x electricity factor;
    the energy cost saved likewise at the two prices.

    High energy quote: the Monitor's household model (:mod:`geo.metrics.household_income`). The households of a cell
    have the buurt's standardised disposable income, shifted by the cell's tenure
    (:func:`~geo.metrics.household_income.cell_income`); the share with bill / disposable income at or above the
    threshold (:func:`~geo.metrics.household_income.heq_share`) follows for the bill before and after the package.

    Parameters
    ----------
    cells : DataFrame
        Stock cells: ``buurt_code``, ``dwelling_type``, ``build_period``, ``label``, ``dwellings``
        (other columns such as ``tenure`` are carried along).
    buurten : DataFrame
        Processed buurt table: ``buurt_code``, ``households``, ``dwellings``, ``gas_m3``,
        ``gas_m3_<type>``, ``electricity_kwh`` and ``household_size`` (the equivalence factor).
    factors : DataFrame
        :func:`label_factors` output.
    target_label : str
        Label every worse dwelling is brought to (A-G).
    gas_price, electricity_price : float
        EUR per m3 and per kWh.
    co2_gas_kg_per_m3 : float
        Emission factor of natural gas.
    threshold_pct : float
        High-energy-quote threshold (bill / disposable income, %).
    income : DataFrame
        :func:`geo.metrics.household_income.income_fits` output (the Monitor's income model per buurt).
    package : str
        ``insulate``, ``hybrid`` or ``all_electric`` (:data:`geo.params.PACKAGES`).
    hybrid_gas_share, cop, boiler_efficiency : float
        Heat-pump assumptions (:mod:`geo.catalog.sources`); ``cop`` is that of the package's heat pump.
    co2_electricity_kg_per_kwh : float
        Emission factor of the electricity a heat pump adds.
    tenure_income_gap : float
        Corporation tenants' income shift in standard deviations (the one the fits were made with).

    Returns
    -------
    DataFrame
        The cells with ``factor``, ``factor_target``, ``measured_gas_m3``, ``gas_basis``
        ('type' or 'buurt'), ``gas_before_m3`` and ``gas_after_m3`` (per dwelling), ``upgrade`` (bool),
        ``electricity_added_kwh_per_dwelling``, ``steps``, ``dwellings_upgraded``, ``gas_saved_m3``,
        ``electricity_added_kwh``, ``co2_saved_t``, ``eur_saved`` (energy cost saved; cell totals per year),
        ``bill_before_eur``, ``bill_after_eur`` (per dwelling), ``disposable_income_eur`` (mean per household),
        ``heq_households_before``,
        ``heq_households_after`` and ``households_lifted`` (modelled estimates).
    """
    if target_label not in LABELS:
        raise ValueError(f"target_label must be one of {LABELS}, got {target_label!r}")
    out = cells.rename(columns={"label_class": "label"}) if "label" not in cells else cells.copy()
    b = buurten.set_index("buurt_code")
    out["factor"] = lookup_factors(out, factors)
    target = out[["dwelling_type", "build_period"]].assign(label=target_label)
    out["factor_target"] = lookup_factors(target, factors).to_numpy()

    w = out["dwellings"].astype(float)
    fbar_type = _weighted_mean(out["factor"], w, [out["buurt_code"], out["dwelling_type"]])
    fbar_buurt = _weighted_mean(out["factor"], w, [out["buurt_code"]])
    type_gas = pd.Series(np.nan, index=out.index)
    for t in out["dwelling_type"].unique():
        col = "gas_m3_" + str(t).replace("-", "_")
        if col in b.columns:
            rows = out["dwelling_type"] == t
            type_gas[rows] = out.loc[rows, "buurt_code"].map(b[col]).to_numpy()
    buurt_gas = out["buurt_code"].map(b["gas_m3"])
    use_type = type_gas.notna()
    out["measured_gas_m3"] = type_gas.where(use_type, buurt_gas)
    out["gas_basis"] = np.where(use_type, "type", np.where(buurt_gas.notna(), "buurt", "missing"))
    fbar = fbar_type.where(use_type, fbar_buurt)
    scale = out["measured_gas_m3"] / fbar

    idx = label_index(out["label"])
    out["steps"] = np.clip(idx - LABELS.index(target_label), 0, None)
    out["upgrade"] = out["steps"] > 0
    out["gas_before_m3"] = scale * out["factor"]
    insulated = scale * np.minimum(out["factor_target"], out["factor"])
    gas_after, kwh_added = package_use(out["gas_before_m3"], insulated, package, hybrid_gas_share, cop,
                                       boiler_efficiency)
    out["gas_after_m3"] = pd.Series(gas_after, index=out.index).where(out["upgrade"], out["gas_before_m3"])
    out["electricity_added_kwh_per_dwelling"] = pd.Series(kwh_added, index=out.index).where(out["upgrade"], 0.0)
    out["dwellings_upgraded"] = w.where(out["upgrade"], 0.0)
    per_dwelling = out["gas_before_m3"] - out["gas_after_m3"]
    out["gas_saved_m3"] = per_dwelling * out["dwellings_upgraded"]
    out["electricity_added_kwh"] = out["electricity_added_kwh_per_dwelling"] * out["dwellings_upgraded"]
    out["co2_saved_t"] = (out["gas_saved_m3"] * co2_gas_kg_per_m3
                          - out["electricity_added_kwh"] * co2_electricity_kg_per_kwh) / 1000.0
    out["eur_saved"] = out["gas_saved_m3"] * gas_price - out["electricity_added_kwh"] * electricity_price

    elec = out["buurt_code"].map(b["electricity_kwh"])
    out["bill_before_eur"] = out["gas_before_m3"] * gas_price + elec * electricity_price
    out["bill_after_eur"] = (out["gas_after_m3"] * gas_price
                             + (elec + out["electricity_added_kwh_per_dwelling"]) * electricity_price)

    buurt_dwellings = out["buurt_code"].map(b["dwellings"]).where(lambda s: s > 0)
    occupancy = (out["buurt_code"].map(b["households"]) / buurt_dwellings).clip(upper=1.0)
    households = w * occupancy
    mu, sigma, equivalence = household_income.cell_income(out, b, income, tenure_income_gap)
    out["disposable_income_eur"] = household_income.mean_disposable_income(mu, sigma, equivalence)
    share_before = household_income.heq_share(out["bill_before_eur"], mu, sigma, equivalence, threshold_pct)
    share_after = household_income.heq_share(out["bill_after_eur"], mu, sigma, equivalence, threshold_pct)
    out["heq_households_before"] = households * share_before
    out["heq_households_after"] = households * share_after
    out["households_lifted"] = out["heq_households_before"] - out["heq_households_after"]
    return out


SUM_COLUMNS = ["dwellings", "dwellings_upgraded", "gas_saved_m3", "electricity_added_kwh", "co2_saved_t", "eur_saved",
               "heq_households_before", "heq_households_after", "households_lifted"]


def buurt_savings(cell_table: pd.DataFrame, buurten: pd.DataFrame) -> pd.DataFrame:
    """Aggregate :func:`cell_savings` to one row per buurt.

    Bills and disposable income are means per dwelling; the energy quote is mean bill / mean disposable income.

    Returns
    -------
    DataFrame
        ``buurt_code``, ``buurt_name``, ``households``, ``dwellings`` (estimated stock),
        ``dwellings_upgraded``, ``gas_saved_m3``, ``electricity_added_kwh``, ``co2_saved_t`` (per year),
        ``eur_saved`` (per year, total),
        ``eur_saved_per_upgraded_dwelling``, ``eur_saved_per_household`` (spread over all households),
        ``bill_before_eur``, ``bill_after_eur`` (mean per dwelling), ``disposable_income_eur`` (modelled mean
        disposable household income, the Monitor model),
        ``energy_quote_before_pct``, ``energy_quote_after_pct``, ``heq_households_before``,
        ``heq_households_after``, ``households_lifted`` and ``estimated`` (always True).
        Sums over cells whose inputs are all missing stay NaN.
    """
    g = cell_table.groupby("buurt_code")
    out = g[SUM_COLUMNS].sum(min_count=1)
    nan_buurt = g["measured_gas_m3"].apply(lambda s: s.isna().all())
    for col in SUM_COLUMNS[2:]:
        out.loc[nan_buurt, col] = np.nan
    w = cell_table["dwellings"]
    for col in ["bill_before_eur", "bill_after_eur", "disposable_income_eur"]:
        num = (cell_table[col] * w).groupby(cell_table["buurt_code"]).sum(min_count=1)
        out[col] = num / w.where(cell_table[col].notna()).groupby(cell_table["buurt_code"]).sum()
    b = buurten.set_index("buurt_code")
    out["buurt_name"] = out.index.map(b["buurt_name"]) if "buurt_name" in b else ""
    out["households"] = out.index.map(b["households"])
    out["eur_saved_per_upgraded_dwelling"] = out["eur_saved"] / out["dwellings_upgraded"].where(lambda s: s > 0)
    out["eur_saved_per_household"] = out["eur_saved"] / out["households"].where(lambda s: s > 0)
    inc_ok = out["disposable_income_eur"].where(out["disposable_income_eur"] > 0)
    out["energy_quote_before_pct"] = 100.0 * out["bill_before_eur"] / inc_ok
    out["energy_quote_after_pct"] = 100.0 * out["bill_after_eur"] / inc_ok
    out["estimated"] = True
    cols = ["buurt_name", "households", "dwellings", "dwellings_upgraded", "gas_saved_m3", "electricity_added_kwh",
            "co2_saved_t", "eur_saved",
            "eur_saved_per_upgraded_dwelling", "eur_saved_per_household", "bill_before_eur", "bill_after_eur",
            "disposable_income_eur", "energy_quote_before_pct", "energy_quote_after_pct", "heq_households_before",
            "heq_households_after", "households_lifted", "estimated"]
    return out[cols].reset_index()


def add_share_of_co2(buurt_table: pd.DataFrame, buurten: pd.DataFrame, co2_gas_kg_per_m3: float = CO2_GAS_KG_PER_M3,
                     co2_electricity_kg_per_kwh: float = CO2_ELECTRICITY_KG_PER_KWH) -> pd.DataFrame:
    """Add today's CO2 of each buurt and the share of it the retrofit saves.

    Today's CO2 = dwellings x (measured gas per dwelling x gas factor + measured electricity per
    dwelling x electricity factor). The upgrade leaves electricity use unchanged, so the
    electricity factor only moves this share.

    Returns
    -------
    DataFrame
        ``buurt_table`` with ``co2_now_t`` (per year) and ``pct_co2_saved`` (``co2_saved_t`` as % of it;
        NaN where today's CO2 is missing or zero).
    """
    b = buurten.set_index("buurt_code")
    kg_per_dwelling = b["gas_m3"] * co2_gas_kg_per_m3 + b["electricity_kwh"] * co2_electricity_kg_per_kwh
    now = b["dwellings"] * kg_per_dwelling / 1000.0
    out = buurt_table.copy()
    out["co2_now_t"] = out["buurt_code"].map(now)
    out["pct_co2_saved"] = 100.0 * out["co2_saved_t"] / out["co2_now_t"].where(out["co2_now_t"] > 0)
    return out


def totals(buurt_table: pd.DataFrame) -> dict[str, float]:
    """Heerlen totals of a :func:`buurt_savings` table: dwellings upgraded, gas and CO2 saved, households lifted."""
    cols = ["dwellings_upgraded", "gas_saved_m3", "co2_saved_t", "households_lifted"]
    return {col: float(buurt_table[col].sum()) for col in cols}

