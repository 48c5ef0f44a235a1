"""The Monitor Energiearmoede indicators per buurt: HEQ, LIHE, LILEK, LEKWI and LIHELEK, **estimated**.

CBS publishes per buurt only shares of households below a few income boundaries, not who lives in which dwelling.
This module estimates the Monitor's household-level conjunctions with a small within-buurt model
(docs/method/monitor.md has the full text):

1. **Income** (:mod:`geo.metrics.household_income`): standardised disposable household income per buurt, lognormal
   with a shift per tenure, fitted on the buurt's published income shares.
2. **Housing.** Households live in the estimated stock cells (type x build period x tenure x label).
3. **Bill.** Measured buurt gas use, split per dwelling type and tenure (CBS ratios) and per label (label factors,
   made monotone), rescaled to the measured buurt mean; district-heated dwellings pay heat demand x heat price.
4. **Indicators.** Per cell a share of households with a low income (at most 130 % of the line) follows from the
   income model; the conjunctions multiply it with the cell's (deterministic) high-cost or low-quality condition.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import vocab
from geo.metrics import income
from geo.metrics.household_income import below, cell_income, heq_share, income_fits, per_buurt
from geo.params import MonitorSettings, Prices

DEFAULT_SETTINGS = MonitorSettings()
INDICATORS = ("heq", "lihe", "lilek", "lekwi", "lihelek")
MIN_LOG_SHIFT = 0.05  # band: the income level moves at least this many log points (about 5 %)
WEAK_RESIDUAL_PP = 3.0  # fit residual (RMS, percentage points) above which an estimate is weak
WEAK_HOUSEHOLDS = 100  # fewer households than this: weak
DISTRICT_HEATING_CAP = 0.95  # a gas-heated remainder of at least 5 % keeps the gas per gas-heated dwelling finite


def share_column(indicator: str) -> str:
    """Buurt column of an indicator's household share, e.g. ``pct_lihelek_households``."""
    return f"pct_{indicator}_households"


# ---- 3. the bill -------------------------------------------------------------------------------------------------


def label_factor_table(label_factors: pd.DataFrame) -> pd.DataFrame:
    """Relative gas use per dwelling type and label, made monotone (a worse label never uses less).

    The build's factors per type x build period x label are averaged per type (weighted by dwellings ``n``); the
    running maximum from A to G removes the dips that small cells produce.
    """
    lf = label_factors.assign(w=label_factors["factor"] * label_factors["n"])
    g = lf.groupby(["dwelling_type", "label"])[["w", "n"]].sum()
    f = (g["w"] / g["n"].where(g["n"] > 0)).unstack("label").reindex(columns=list(vocab.LABELS))
    f = f.T.ffill().bfill().T.fillna(1.0)
    return f.cummax(axis=1)


def bill(gas_m3, electricity_kwh, heat_gj, district_heated, prices: Prices, heat_eur_per_gj: float):
    """Yearly energy bill in euro: gas x gas price + electricity x price, or heat x heat price when district heated.

    Examples
    --------
    >>> float(bill(1000.0, 2000.0, 30.0, False, Prices(1.0, 0.25), 20.0))
    1500.0
    >>> float(bill(1000.0, 2000.0, 30.0, True, Prices(1.0, 0.25), 20.0))
    1100.0
    """
    heating = np.where(district_heated, np.asarray(heat_gj) * heat_eur_per_gj,
                       np.asarray(gas_m3) * prices.gas_eur_per_m3)
    return heating + np.asarray(electricity_kwh) * prices.electricity_eur_per_kwh


def cell_gas(cells: pd.DataFrame, buurten: pd.DataFrame, factors: pd.DataFrame) -> pd.Series:
    """Gas use per gas-heated dwelling of each cell, consistent with the measured buurt mean.

    The relative use of a cell is (type ratio) x (tenure ratio) x (label factor), with the CBS ratios
    ``gas_m3_<type> / gas_m3`` and ``gas_m3_rented|owned / gas_m3`` (1 where suppressed); it is rescaled so that
    the dwelling-weighted mean over the buurt's gas-heated dwellings equals the measured mean.
    """
    b = buurten.reindex(cells["buurt_code"])
    mean = b["gas_m3"].to_numpy()
    type_col = cells["dwelling_type"].map(vocab.GAS_COLUMN_BY_DWELLING_TYPE)
    type_gas = np.array([b[c].iat[i] if isinstance(c, str) and c in b else np.nan for i, c in enumerate(type_col)])
    rented = cells["tenure"].ne("owner-occupied").to_numpy()
    tenure_gas = np.where(rented, _column(b, "gas_m3_rented"), _column(b, "gas_m3_owned"))
    with np.errstate(invalid="ignore", divide="ignore"):
        r_type = np.where(np.isfinite(type_gas) & (mean > 0), type_gas / mean, 1.0)
        r_ten = np.where(np.isfinite(tenure_gas) & (mean > 0), tenure_gas / mean, 1.0)
    stacked = factors.stack()
    f = stacked.reindex(pd.MultiIndex.from_arrays([cells["dwelling_type"], cells["label_class"]])).to_numpy()
    rel = pd.Series(r_type * r_ten * np.where(np.isfinite(f), f, 1.0), index=cells.index)
    w = cells["dwellings"]
    norm_ = (rel * w).groupby(cells["buurt_code"]).sum() / w.groupby(cells["buurt_code"]).sum()
    heated = _district_heating_share(buurten).reindex(cells["buurt_code"]).to_numpy()
    per_gas_dwelling = mean / (1.0 - heated)
    return pd.Series(per_gas_dwelling * rel.to_numpy() / norm_.reindex(cells["buurt_code"]).to_numpy(),
                     index=cells.index)


def _column(table: pd.DataFrame, name: str) -> np.ndarray:
    """A column as floats, all NaN when the table lacks it (a figure CBS did not publish)."""
    return table[name].to_numpy(dtype=float) if name in table else np.full(len(table), np.nan)


def _district_heating_share(buurten: pd.DataFrame) -> pd.Series:
    """Share of dwellings on district heat: VIVET where estimated, else CBS, else 0; capped."""
    vivet = pd.Series(_column(buurten, "pct_district_heating_vivet"), index=buurten.index)
    cbs = pd.Series(_column(buurten, "pct_district_heating"), index=buurten.index)
    share = vivet.fillna(cbs).fillna(0.0) / 100.0
    return share.clip(0.0, DISTRICT_HEATING_CAP)


# ---- 4. households and indicators ---------------------------------------------------------------------------------


def household_cells(buurten: pd.DataFrame, cells: pd.DataFrame, label_factors: pd.DataFrame, prices: Prices,
                    income_year: int, settings: MonitorSettings, fits: pd.DataFrame | None = None,
                    log_shift: float | pd.Series = 0.0, efg_scale: float | pd.Series = 1.0) -> pd.DataFrame:
    """Households per stock cell and heating, with their bill and the share meeting each indicator.

    Parameters
    ----------
    buurten : DataFrame
        Indexed by buurt_code; income shares, measured use, households, household size, district heating.
    cells : DataFrame
        The stock cells (buurt_code, dwelling_type, build_period, tenure, label_class, dwellings).
    label_factors : DataFrame
        The build's label factors.
    prices : Prices
        Gas and electricity prices.
    income_year : int
        Year of the buurt incomes (the low-income line of that year).
    settings : MonitorSettings
        Thresholds and assumptions.
    fits : DataFrame, optional
        Income fits (computed when not given).
    log_shift : float or Series
        Shift of every income in log points (the uncertainty band); per buurt when a Series.
    efg_scale : float or Series
        Factor on the dwellings with label E-G, the others rescaled to keep the total (the label band).

    Returns
    -------
    DataFrame
        One row per cell and heating (gas or district heat) with ``households``, ``bill_eur``,
        ``low_income`` (share of the cell's households) and one share column per indicator.
    """
    fits = income_fits(buurten, cells, income_year, settings) if fits is None else fits
    c = cells[cells["buurt_code"].isin(buurten.index)].copy()
    efg = c["label_class"].isin(vocab.POOR_LABELS)
    scale = per_buurt(efg_scale, c["buurt_code"], 1.0)
    totals = c.groupby("buurt_code")["dwellings"].transform("sum")
    efg_total = c["dwellings"].where(efg, 0.0).groupby(c["buurt_code"]).transform("sum")
    rest = (totals - efg_total).where(lambda s: s > 0)
    rest_scale = ((totals - efg_total * scale) / rest).clip(lower=0.0).fillna(1.0)
    c["dwellings"] = c["dwellings"] * np.where(efg, scale, rest_scale)
    b = buurten.reindex(c["buurt_code"])
    hh_per_dwelling = (buurten["households"] / c.groupby("buurt_code")["dwellings"].sum()).reindex(c["buurt_code"])
    c["gas_m3"] = cell_gas(c, buurten, label_factor_table(label_factors)).to_numpy()
    factors = label_factor_table(label_factors).stack()
    f = factors.reindex(pd.MultiIndex.from_arrays([c["dwelling_type"], c["label_class"]])).to_numpy()
    heat = _column(b, "heat_demand_gj") * np.where(np.isfinite(f), f, 1.0)
    # Without a VIVET heat demand, the heat of a gas-heated dwelling of the same cell stands in.
    c["heat_gj"] = np.where(np.isfinite(heat), heat, c["gas_m3"].to_numpy() / vocab.GAS_M3_PER_GJ)
    heated = _district_heating_share(buurten).reindex(c["buurt_code"]).to_numpy()
    gas, dh = c.copy(), c.copy()
    gas["district_heat"], dh["district_heat"] = False, True
    gas["households"] = c["dwellings"].to_numpy() * hh_per_dwelling.to_numpy() * (1 - heated)
    dh["households"] = c["dwellings"].to_numpy() * hh_per_dwelling.to_numpy() * heated
    out = pd.concat([gas, dh], ignore_index=True)
    out = out[out["households"] > 0].reset_index(drop=True)
    bo = buurten.reindex(out["buurt_code"])
    out["bill_eur"] = bill(out["gas_m3"], bo["electricity_kwh"].to_numpy(), out["heat_gj"], out["district_heat"],
                           prices, settings.heat_eur_per_gj)
    mu, sigma, equivalence = cell_income(out, buurten, fits, settings.tenure_income_gap, log_shift)
    line = income.low_income_line_single(income_year)
    out["low_income"] = below(np.log(settings.low_income_factor * line), mu, sigma)
    out["equivalence"] = equivalence
    return out.assign(**indicator_shares(out, mu, sigma, settings))


def indicator_shares(cells: pd.DataFrame, mu, sigma, settings: MonitorSettings) -> dict[str, np.ndarray]:
    """Share of each cell's households meeting each Monitor indicator.

    Rules (per household): HEQ = bill / disposable income >= threshold; low income = standardised income at most
    the low-income factor x line (``cells["low_income"]``); high cost = bill above the one-person threshold x
    equivalence factor; low energy quality (LEK) = label E, F or G; LIHE = low income and high cost; LILEK = low
    income and LEK; LEKWI = LEK and (tenant, or owner with a low income); LIHELEK = LIHE or LILEK.
    """
    bill_eur = cells["bill_eur"].to_numpy(dtype=float)
    eq = cells["equivalence"].to_numpy(dtype=float)
    low = cells["low_income"].to_numpy(dtype=float)
    heq = heq_share(bill_eur, mu, sigma, eq, settings.quote_pct)
    high_cost = bill_eur > settings.high_cost_single_eur * eq
    lek = cells["label_class"].isin(vocab.POOR_LABELS).to_numpy()
    tenant = cells["tenure"].ne("owner-occupied").to_numpy()
    return {
        "heq": heq,
        "lihe": low * high_cost,
        "lilek": low * lek,
        "lekwi": lek * np.where(tenant, 1.0, low),
        "lihelek": low * (high_cost | lek),
    }


def buurt_shares(household_cells_: pd.DataFrame) -> pd.DataFrame:
    """Household-weighted share (%) and number of households per indicator per buurt."""
    hh = household_cells_["households"]
    g = household_cells_.groupby("buurt_code")
    total = g["households"].sum()
    out = {}
    for k in INDICATORS:
        count = (household_cells_[k] * hh).groupby(household_cells_["buurt_code"]).sum(min_count=1)
        has = household_cells_[k].notna().groupby(household_cells_["buurt_code"]).all()
        out[share_column(k)] = (100 * count / total).where(has)
        out[f"households_{k}"] = count.where(has)
    return pd.DataFrame(out)


def add_monitor(buurten: pd.DataFrame, cells: pd.DataFrame, label_factors: pd.DataFrame, prices: Prices,
                income_year: int, settings: MonitorSettings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """Return a copy of the buurt table (indexed by buurt_code) with the Monitor indicators per buurt.

    Adds per indicator ``pct_<k>_households`` (% of households), ``households_<k>`` (number),
    ``pct_<k>_households_p05`` / ``_p95`` (band: incomes shifted by the fit residual, at least
    :data:`MIN_LOG_SHIFT` log points, and the label estimate's p05/p95 of E-G), plus ``income_fit_residual_pp`` and
    ``monitor_weak`` (True where the income shares are suppressed or few, the fit is poor, the buurt is small or the
    stock estimate is weak). Buurten without published income shares get no values.
    """
    fits = income_fits(buurten, cells, income_year, settings)
    central = buurt_shares(household_cells(buurten, cells, label_factors, prices, income_year, settings, fits))
    shift = (fits["income_fit_residual_pp"].fillna(0.0) / 100.0 * fits["income_sigma"] * 2.5).clip(
        lower=MIN_LOG_SHIFT)
    efg = buurten.get("pct_label_efg_all")
    lo_scale = (buurten["pct_label_efg_all_p05"] / efg).fillna(1.0) if efg is not None and \
        "pct_label_efg_all_p05" in buurten else 1.0
    hi_scale = (buurten["pct_label_efg_all_p95"] / efg).fillna(1.0) if efg is not None and \
        "pct_label_efg_all_p95" in buurten else 1.0
    low = buurt_shares(household_cells(buurten, cells, label_factors, prices, income_year, settings, fits,
                                       log_shift=shift, efg_scale=lo_scale))
    high = buurt_shares(household_cells(buurten, cells, label_factors, prices, income_year, settings, fits,
                                        log_shift=-shift, efg_scale=hi_scale))
    out = buurten.copy()
    for k in INDICATORS:
        col = share_column(k)
        out[col] = central[col].reindex(out.index)
        out[f"households_{k}"] = central[f"households_{k}"].reindex(out.index)
        both = pd.concat([low[col], high[col], central[col]], axis=1).reindex(out.index)
        out[col + "_p05"] = both.min(axis=1, skipna=False)
        out[col + "_p95"] = both.max(axis=1, skipna=False)
    out["income_fit_residual_pp"] = fits["income_fit_residual_pp"].reindex(out.index)
    out["income_sigma_fitted"] = fits["income_sigma"].reindex(out.index)
    quality = buurten.get("estimate_quality", pd.Series("good", index=buurten.index)).reindex(out.index)
    weak = (fits["income_moments"].reindex(out.index).fillna(0) < 2) | (
        out["income_fit_residual_pp"] > WEAK_RESIDUAL_PP) | (out["households"] < WEAK_HOUSEHOLDS) | quality.ne("good")
    out["monitor_weak"] = weak.astype("boolean").where(out[share_column("lihelek")].notna())
    return out


def gemeente_summary(table: pd.DataFrame, cells: pd.DataFrame) -> dict:
    """Heerlen's household-weighted Monitor indicators with bands, and the energy-poor in corporation housing.

    Parameters
    ----------
    table : DataFrame
        The buurt table after :func:`add_monitor`.
    cells : DataFrame
        The household cells (:func:`household_cells`, central estimate).

    Returns
    -------
    dict
        ``{indicator: {"pct", "p05", "p95", "households"}}`` over the buurten with an estimate, plus
        ``"corporation_share_of_energy_poor"`` (% of LIHELEK households renting from a corporation) and
        ``"buurten"`` (number of buurten with an estimate).
    """
    ok = table[share_column("lihelek")].notna() & table["households"].notna()
    hh = table.loc[ok, "households"]
    out: dict = {}
    for k in INDICATORS:
        col = share_column(k)
        out[k] = {
            "pct": float((table.loc[ok, col] * hh).sum() / hh.sum()),
            "p05": float((table.loc[ok, col + "_p05"] * hh).sum() / hh.sum()),
            "p95": float((table.loc[ok, col + "_p95"] * hh).sum() / hh.sum()),
            "households": float(table.loc[ok, f"households_{k}"].sum()),
        }
    poor = cells["lihelek"] * cells["households"]
    out["corporation_share_of_energy_poor"] = float(100 * poor[cells["tenure"].eq("social rent")].sum() / poor.sum())
    out["buurten"] = int(ok.sum())
    return out
