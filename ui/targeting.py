"""Cached computations and input checks for the Retrofit and New-build pages (issue 5).

The model lives in ``geo.retrofit*`` and ``geo.newbuild*`` (pure, tested on fixtures).
This module feeds them the processed data and caches their results keyed by hashable
arguments (frozen dataclasses and tuples, never DataFrames), so a page rerun after an
unrelated widget change does not recompute. Cached frames are shared: do not mutate them.
The two ``validate_*`` functions turn what a user typed into an editable table into
model inputs plus messages, never an exception.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from geo import config
from geo.io import raw
from geo.metrics import income as ri
from geo.targeting import budget as rb
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from geo.targeting import retrofit as r
from geo.targeting import savings as rs
from ui import data

MAX_COST_PER_STEP_EUR = 200_000.0  # above this a per-step cost is taken as a typing error


def _mtime(path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


def ensure_stock() -> None:
    """Stop the page with a clear message when the stock estimate or the VIVET file is missing."""
    missing = [p.name for p in (config.STOCK_CELLS, config.RAW_VIVET) if not p.exists()]
    if missing:
        st.error(f"Missing input: {', '.join(missing)}. Run `make data` (it builds the stock estimate) and reload.")
        st.stop()


# ---- loaders (cached as resources, keyed by file time) -----------------------------------------


@st.cache_resource(show_spinner=False)
def _stock_cells(mtime: float) -> pd.DataFrame:
    return pd.read_parquet(config.STOCK_CELLS)


@st.cache_resource(show_spinner="Deriving the label factors from VIVET...")
def _label_factors(mtime: float) -> pd.DataFrame:
    from geo.build.stock import vivet

    return r.label_factors(r.vivet_labelled(vivet.read_vivet()))


@st.cache_resource(show_spinner=False)
def _buurt_frame(mtime: float) -> pd.DataFrame:
    return pd.DataFrame(data.buurten().drop(columns="geometry"))


@st.cache_resource(show_spinner=False)
def _income(mtime: float) -> pd.DataFrame:
    return ri.buurt_income_model(_buurt_frame(mtime))


def stock_cells() -> pd.DataFrame:
    """Estimated dwellings per buurt x type x build period x tenure x label class."""
    return _stock_cells(_mtime(config.STOCK_CELLS))


def label_factors() -> pd.DataFrame:
    """Relative gas use per label within type x period (PBL VIVET, Heerlen)."""
    return _label_factors(_mtime(config.RAW_VIVET))


def buurt_frame() -> pd.DataFrame:
    """Processed buurt table (no geometry) with a ``buurt_code`` column."""
    return _buurt_frame(_mtime(config.BUURTEN))


def names() -> dict:
    """buurt_code -> buurt name."""
    return buurt_frame().set_index("buurt_code")["buurt_name"].to_dict()


# ---- retrofit ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetrofitParams:
    """Every assumption of the retrofit results, hashable for the cache."""

    target_label: str = r.DEFAULT_TARGET_LABEL
    gas_price: float = r.GAS_PRICE_EUR_PER_M3
    electricity_price: float = r.ELECTRICITY_PRICE_EUR_PER_KWH
    threshold: float = 10.0
    co2_gas: float = r.CO2_GAS_KG_PER_M3
    co2_electricity: float = r.CO2_ELECTRICITY_KG_PER_KWH
    costs: tuple = tuple(rb.COST_PER_STEP_EUR.items())  # ((dwelling type, EUR per step), ...)
    lifetime: int = rb.LIFETIME_YEARS


@st.cache_data(show_spinner="Computing savings per dwelling group...", max_entries=16)
def retrofit_cells(p: RetrofitParams) -> pd.DataFrame:
    """Savings and costs per stock cell (:func:`geo.retrofit_savings.cell_savings` + costs)."""
    b = buurt_frame()
    cells = rs.cell_savings(stock_cells(), b, label_factors(), p.target_label, p.gas_price, p.electricity_price,
                            p.co2_gas, p.threshold, _income(_mtime(config.BUURTEN)))
    return rb.add_costs(cells, dict(p.costs))


@st.cache_data(show_spinner=False, max_entries=16)
def retrofit_buurten(p: RetrofitParams) -> pd.DataFrame:
    """Per buurt: savings, quote change, households lifted, cost and EUR per tonne, plus today's CO2."""
    cells = retrofit_cells(p)
    b = buurt_frame()
    out = rs.buurt_savings(cells, b, _income(_mtime(config.BUURTEN)))
    out = rb.cost_effectiveness(out, cells, p.lifetime)
    bi = b.set_index("buurt_code")
    now = bi["dwellings"] * (bi["gas_m3"] * p.co2_gas + bi["electricity_kwh"] * p.co2_electricity) / 1000.0
    out["co2_now_t"] = out["buurt_code"].map(now)
    out["pct_co2_saved"] = 100.0 * out["co2_saved_t"] / out["co2_now_t"].where(out["co2_now_t"] > 0)
    return out


@st.cache_data(show_spinner="Allocating the budget...", max_entries=64)
def allocation(p: RetrofitParams, budget_eur: float | None, dwellings_cap: float | None, alpha: float) -> rb.Allocation:
    """Greedy allocation (:func:`geo.retrofit_budget.allocate`) with buurt names on the ranking."""
    a = rb.allocate(retrofit_cells(p), budget_eur=budget_eur, dwellings_cap=dwellings_cap, alpha=alpha,
                    lifetime_years=p.lifetime)
    a.ranking.insert(2, "buurt_name", a.ranking["buurt_code"].map(names()))
    return a


@st.cache_data(show_spinner=False, max_entries=16)
def market(p: RetrofitParams) -> pd.DataFrame:
    """Retrofit volume per buurt x dwelling type x build period x label (estimates) with buurt names."""
    m = rb.market_volume(retrofit_cells(p))
    m.insert(1, "buurt_name", m["buurt_code"].map(names()))
    return m


@st.cache_data(show_spinner=False, max_entries=4)
def stock_by(dimension: str, mtime: float | None = None) -> pd.DataFrame:
    """Estimated dwellings per buurt x ``dimension`` x label class (wide over labels A-G)."""
    c = stock_cells()
    t = c.pivot_table(index=["buurt_code", dimension], columns="label_class", values="dwellings", aggfunc="sum",
                      fill_value=0.0, observed=True)
    return t.reindex(columns=list(r.LABELS), fill_value=0.0).reset_index()


def validate_costs(edited: pd.DataFrame, defaults: dict[str, float] = rb.COST_PER_STEP_EUR) -> tuple[dict, list[str]]:
    """Cost per label step per dwelling type from an edited table, with messages for bad cells.

    ``edited`` has columns ``dwelling_type`` and ``cost_per_step_eur``. Text, empty cells,
    zero or negative numbers and absurd values (above :data:`MAX_COST_PER_STEP_EUR`) fall back
    to the default of that type, each with a message. Types missing from the table keep their default.
    """
    costs, messages = dict(defaults), []
    rows = edited.set_index("dwelling_type")["cost_per_step_eur"] if len(edited) else pd.Series(dtype=object)
    for dtype, default in defaults.items():
        raw = rows.get(dtype, default)
        try:
            value = float(str(raw).replace(",", "").replace("€", "").strip()) if raw is not None else math.nan
        except ValueError:
            messages.append(f"Cost per step for {dtype}: '{str(raw)[:20]}' is not a number; the default EUR {default:,.0f} is used.")
            continue
        if math.isnan(value):
            messages.append(f"Cost per step for {dtype} is empty or not a number; the default EUR {default:,.0f} is used.")
        elif value <= 0:
            messages.append(f"Cost per step for {dtype} must be above zero (got {value:,.0f}); the default EUR {default:,.0f} is used.")
        elif not math.isfinite(value) or value > MAX_COST_PER_STEP_EUR:
            messages.append(f"Cost per step for {dtype} above EUR {MAX_COST_PER_STEP_EUR:,.0f} looks like a typing error; the default EUR {default:,.0f} is used.")
        else:
            costs[dtype] = value
    return costs, messages


# ---- new-build ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _household_base(mtime: float) -> dict:
    kwb = raw.read_kwb()
    series = nb.household_series(kwb)
    g = kwb[kwb["regio_code"] == config.GEMEENTE_CODE].set_index("jaar").sort_index()
    stock_series = pd.to_numeric(g["Wonen_Woningvoorraad"], errors="coerce").dropna()
    vacancy = pd.to_numeric(g["Wonen_Woningen_naar_bewoning_Percentage_onbewoond"], errors="coerce").dropna()
    base_year = int(series.dropna().index.max())
    return {
        "series": series,
        "trend": nb.household_trend(series),
        "base_year": base_year,
        "households": float(series[base_year]),
        "stock": float(stock_series.get(base_year, stock_series.iloc[-1])),
        "stock_year": int(base_year if base_year in stock_series.index else stock_series.index[-1]),
        "vacancy_pct": float(vacancy.iloc[-1]) if len(vacancy) else 5.0,
        "vacancy_year": int(vacancy.index[-1]) if len(vacancy) else None,
    }


def household_base() -> dict:
    """Heerlen households (KWB series, trend per year, base year), dwelling stock and vacancy."""
    return _household_base(_mtime(config.RAW_KWB))


@st.cache_data(show_spinner=False, max_entries=64)
def homes_needed(scenarios: tuple, vacancy_pct: float, target_vacancy_pct: float, demolitions_per_year: float,
                 target_2030: int, target_2032: int, start_year: int = nb.TARGET_START_YEAR) -> pd.DataFrame:
    """Homes needed per scenario and year against the (editable) target path.

    ``scenarios`` is ``((key, label, rate_per_year, extra_households_per_year, ambition), ...)``.
    """
    base = household_base()
    sc = {k: {"label": lab, "rate_per_year": rate, "extra_households_per_year": extra,
              "ambition_households_per_year": amb} for k, lab, rate, extra, amb in scenarios}
    out = nb.homes_needed(base["households"], base["stock"], base["base_year"], base["trend"], sc, vacancy_pct,
                          target_vacancy_pct, demolitions_per_year, 2032, start_year)
    out["target_cum"] = np.interp(out["year"].astype(float), [start_year, 2030, 2032], [0, target_2030, target_2032])
    out["target_minus_need"] = out["target_cum"] - out["homes_needed_cum"]
    return out


@dataclass(frozen=True)
class ScoreParams:
    """Inputs of the new-build score, hashable for the cache."""

    gas_price: float
    electricity_price: float
    threshold: float
    transformation: tuple = ()
    weights: tuple = tuple(nb.SCORE_WEIGHTS.items())
    mix_reference_share: float = nb.MIX_REFERENCE_SHARE


@st.cache_data(show_spinner=False, max_entries=32)
def newbuild_scores(p: ScoreParams) -> pd.DataFrame:
    """:func:`geo.newbuild_score.newbuild_scores` on the real data (the E-G stock at today's use)."""
    cells = retrofit_cells(RetrofitParams(gas_price=p.gas_price, electricity_price=p.electricity_price, threshold=p.threshold))
    weights = dict(p.weights)
    if sum(weights.values()) <= 0:
        weights = dict(nb.SCORE_WEIGHTS)
    return ns.newbuild_scores(buurt_frame(), cells, p.transformation, weights, p.mix_reference_share)


@st.cache_data(show_spinner=False, max_entries=64)
def suggested(p: ScoreParams, target: int, top_n: int) -> pd.Series:
    """The target shared by score over the ``top_n`` best buurten (plus every transformation location)."""
    s = newbuild_scores(p).copy()
    keep = (s.index < top_n) | s["transformation"]
    s["score_used"] = s["score"].where(keep, 0.0)
    return ns.suggest_allocation(s, int(target), score_col="score_used")


@st.cache_data(show_spinner=False, max_entries=64)
def newbuild_effects(p: ScoreParams, plan: tuple, thinning_share: float, replacement_ratio: float) -> tuple[pd.DataFrame, dict]:
    """Effects (:func:`geo.newbuild_score.newbuild_effects`) of a plan ``((buurt_code, homes), ...)``."""
    scores = newbuild_scores(p)
    alloc = pd.Series(dict(plan), dtype=float)
    table, totals = ns.newbuild_effects(alloc, scores, buurt_frame(), thinning_share, replacement_ratio)
    table.insert(1, "buurt_name", table["buurt_code"].map(names()))
    return table, totals


def validate_allocation(edited: pd.DataFrame, suggested_homes: pd.Series) -> tuple[pd.Series, list[str]]:
    """Homes per buurt from the edited allocation table, with messages for bad cells.

    ``edited`` has ``buurt_code``, ``buurt_name`` and ``homes``. Text, empty cells and negative
    numbers fall back to the suggested number of that buurt; fractions are rounded to whole homes.
    Returns integer homes per buurt_code and the messages.
    """
    out, messages = {}, []
    for row in edited.itertuples(index=False):
        fallback = int(suggested_homes.get(row.buurt_code, 0))
        raw = row.homes
        try:
            value = float(str(raw).strip()) if raw is not None else math.nan
        except ValueError:
            messages.append(f"{row.buurt_name}: '{str(raw)[:20]}' is not a number of homes; the suggestion ({fallback}) is used.")
            out[row.buurt_code] = fallback
            continue
        if not math.isfinite(value):
            messages.append(f"{row.buurt_name}: the cell is empty or not a number; the suggestion ({fallback}) is used.")
            value = fallback
        elif value < 0:
            messages.append(f"{row.buurt_name}: homes cannot be negative ({value:g}); the suggestion ({fallback}) is used.")
            value = fallback
        elif value != round(value):
            messages.append(f"{row.buurt_name}: {value:g} is not a whole number of homes; rounded to {round(value)}.")
            value = round(value)
        out[row.buurt_code] = int(value)
    return pd.Series(out, dtype=int), messages


def uploaded_locations(data_bytes: bytes, filename: str) -> list[str]:
    """Buurt codes of an uploaded file of transformation locations (raises DataError with a user message)."""
    from geo.io.upload import locations_to_buurten

    return locations_to_buurten(data_bytes, filename, data.buurten()[["buurt_code", "geometry"]])
