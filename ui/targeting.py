"""Cached model results for the Retrofit and New-build pages.

The model lives in ``geo.targeting`` (pure, tested on fixtures). This module feeds it the
processed data and caches its results keyed by hashable arguments (the frozen settings of
:mod:`geo.params` and tuples, never DataFrames), so a page rerun after an unrelated widget
change does not recompute. Cached frames are shared: do not mutate them. The pages' widgets are in
:mod:`ui.planning`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import config
from geo.i18n import _
from geo.io import processed
from geo.io.layers import layer
from geo.metrics import household_income as hi
from geo.params import MonitorSettings, NewbuildParams, RetrofitParams
from geo.targeting import budget as rb
from geo.targeting import display
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from geo.targeting import packages as pk
from geo.targeting import retrofit as r
from geo.targeting import savings as rs
from ui import data, gemeente, mydata

# Columns whose values are model categories (dwelling type, build period, tenure): shown in the user's words.
CATEGORY_COLUMNS = ("dwelling_type", "build_period", "tenure", "mix_tenure_added")

def _inputs(p: config.ProcessedPaths) -> tuple:
    """The targeting inputs of a municipality: the stock cells, the label factors and the household series."""
    return p.stock_cells, p.label_factors, p.gemeente_households


def where() -> tuple:
    """The cache key of the chosen municipality's data: every cached result below keys on it (caches never mix)."""
    p = data.paths()
    return data.stamp(p.buurten), data.stamp(p.stock_cells)


def slug() -> str:
    """The chosen municipality's name for a file name (letters and digits, lower case)."""
    return "".join(ch for ch in gemeente.name().lower() if ch.isalnum()) or gemeente.current().code.lower()


def ensure_stock() -> None:
    """Stop the page with a clear message when the municipality has no buurt data or its stock estimate is missing."""
    gemeente.require_buurten()
    missing = [p.name for p in _inputs(data.paths()) if not p.exists()]
    if missing:
        st.error(_("Missing input: {files}. Run `make data` (it builds the stock estimate) and reload.").format(
            files=", ".join(missing)))
        st.stop()


# ---- loaders (cached as resources, keyed by the municipality's files) ----------------------------


@st.cache_resource(show_spinner=False, max_entries=8)
def _stock_cells(key: tuple) -> pd.DataFrame:
    return processed.read_table(data.paths().stock_cells)


@st.cache_resource(show_spinner=False, max_entries=8)
def _label_factors(key: tuple) -> pd.DataFrame:
    return processed.read_label_factors(data.paths().label_factors)


@st.cache_resource(show_spinner=False, max_entries=8)
def _buurt_frame(key: tuple) -> pd.DataFrame:
    return pd.DataFrame(data.buurten().drop(columns="geometry"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _income(key: tuple, stock_key: tuple, monitor_settings: MonitorSettings) -> pd.DataFrame:
    return hi.income_fits(_buurt_frame(key).set_index("buurt_code"), stock_cells(), data.income_year(),
                          monitor_settings)


@st.cache_resource(show_spinner=False, max_entries=8)
def _household_base(key: tuple) -> nb.HouseholdBase:
    return nb.household_base(processed.read_gemeente_households(data.paths().gemeente_households))


def stock_cells() -> pd.DataFrame:
    """Estimated dwellings per buurt x type x build period x tenure x label class."""
    return _stock_cells(data.stamp(data.paths().stock_cells))


def label_factors() -> pd.DataFrame:
    """Relative gas use per label within type x period (PBL VIVET, the municipality's dwellings)."""
    return _label_factors(data.stamp(data.paths().label_factors))


def buurt_frame() -> pd.DataFrame:
    """Return the processed buurt table (no geometry) with a ``buurt_code`` column."""
    return _buurt_frame(data.stamp(data.paths().buurten))


def monitor_settings(p: RetrofitParams) -> MonitorSettings:
    """The Monitor's settings at the retrofit's quote threshold (the income model the index and Overview use)."""
    return MonitorSettings(quote_pct=p.threshold)


def income(p: RetrofitParams) -> pd.DataFrame:
    """The Monitor's standardised disposable income per buurt (:func:`geo.metrics.household_income.income_fits`)."""
    paths = data.paths()
    return _income(data.stamp(paths.buurten), data.stamp(paths.stock_cells), monitor_settings(p))


def names() -> dict:
    """buurt_code -> buurt name."""
    return buurt_frame().set_index("buurt_code")["buurt_name"].to_dict()


def household_base() -> nb.HouseholdBase:
    """The municipality's households (KWB series, trend per year, base year), dwelling stock and vacancy."""
    return _household_base(data.stamp(data.paths().gemeente_households))


# ---- retrofit ----------------------------------------------------------------------------------


def retrofit_cells(p: RetrofitParams) -> pd.DataFrame:
    """Compute savings and costs per stock cell (:func:`geo.targeting.savings.cell_savings` + costs)."""
    with st.spinner(_("Computing savings per dwelling group...")):
        return _retrofit_cells(where(), p)


@st.cache_data(show_spinner=False, max_entries=16)
def _retrofit_cells(where: tuple, p: RetrofitParams) -> pd.DataFrame:
    cop = p.cop_hybrid if p.package == "hybrid" else p.cop_all_electric
    cells = rs.cell_savings(stock_cells(), buurt_frame(), label_factors(), p.target_label, p.prices.gas_eur_per_m3,
                            p.prices.electricity_eur_per_kwh, p.co2_gas, p.threshold, income=income(p),
                            package=p.package, hybrid_gas_share=p.hybrid_gas_share, cop=cop,
                            co2_electricity_kg_per_kwh=p.co2_electricity,
                            tenure_income_gap=monitor_settings(p).tenure_income_gap)
    return rb.add_costs(cells, p.cost_per_step, package=p.package, hybrid_cost=p.hybrid_cost,
                        heat_pump_cost=p.heat_pump_cost)


@st.cache_data(show_spinner=False, max_entries=16)
def _retrofit_buurten(where: tuple, p: RetrofitParams) -> pd.DataFrame:
    """Per buurt: savings, quote change, households lifted, cost and EUR per tonne, plus today's CO2."""
    cells = retrofit_cells(p)
    out = rb.cost_effectiveness(rs.buurt_savings(cells, buurt_frame()), cells, p.lifetime,
                                p.discount_rate)
    return rs.add_share_of_co2(out, buurt_frame(), p.co2_gas, p.co2_electricity)


def retrofit_buurten(p: RetrofitParams) -> pd.DataFrame:
    """Per buurt: savings, quote change, households lifted, cost and EUR per tonne, plus today's CO2."""
    return _retrofit_buurten(where(), p)


def label_gap() -> pd.DataFrame:
    """The municipality's A-vs-G gas gap beside Majcen and RaboResearch (:func:`r.label_gap_beside_benchmarks`).

    The year is text, so it shows as 2019 in every language (never as a grouped number).
    """
    out = r.label_gap_beside_benchmarks(label_factors())
    return out.assign(year=out["year"].astype(str))


def label_gaps_by_type() -> pd.DataFrame:
    """A-vs-G gap per dwelling type, pooled (used) and within the type (:func:`r.label_gaps_by_type`), shown copy."""
    return in_words(r.label_gaps_by_type(label_factors()).round(3))


@st.cache_data(show_spinner=False, max_entries=16)
def _per_tonne(where: tuple, p: RetrofitParams) -> dict[str, float]:
    """Gas saved per upgraded dwelling and gross and net EUR per tonne of the package of ``p``."""
    return pk.per_tonne_summary(retrofit_cells(p), p.lifetime, p.discount_rate)


def per_tonne(p: RetrofitParams) -> dict[str, float]:
    """Gas saved per upgraded dwelling and gross and net EUR per tonne of the package of ``p``."""
    return _per_tonne(where(), p)


def allocation(p: RetrofitParams, budget_eur: float | None, dwellings_cap: float | None, alpha: float,
               user: tuple | None = None) -> rb.Allocation:
    """Greedy allocation (:func:`geo.targeting.budget.allocate`) with buurt names on the ranking.

    ``user``: the user's own figures as further parts of the ranking score; by default those with a
    retrofit weight on the My data page (:func:`ui.mydata.parts`).
    """
    if user is None:
        user = mydata.parts("retrofit")
        mydata.parts_caption("retrofit")
    else:
        user = tuple(user)
    with st.spinner(_("Allocating the budget...")):
        return _allocation(where(), p, budget_eur, dwellings_cap, alpha, user)


@st.cache_data(show_spinner=False, max_entries=64)
def _allocation(where: tuple, p: RetrofitParams, budget_eur: float | None, dwellings_cap: float | None,
                alpha: float, user: tuple = ()) -> rb.Allocation:
    a = rb.allocate(retrofit_cells(p), budget_eur=budget_eur, dwellings_cap=dwellings_cap, alpha=alpha,
                    lifetime_years=p.lifetime, user=user)
    a.ranking = rb.ranking_with_names(a, names())
    return a


@st.cache_data(show_spinner=False, max_entries=16)
def _market(where: tuple, p: RetrofitParams) -> pd.DataFrame:
    """Retrofit volume per buurt x dwelling type x build period x label (estimates) with buurt names."""
    m = rb.market_volume(retrofit_cells(p))
    m.insert(1, "buurt_name", m["buurt_code"].map(names()))
    return m


def market(p: RetrofitParams) -> pd.DataFrame:
    """Retrofit volume per buurt x dwelling type x build period x label (estimates) with buurt names."""
    return _market(where(), p)


@st.cache_data(show_spinner=False, max_entries=4)
def _stock_by(where: tuple, dimension: str) -> pd.DataFrame:
    """Estimated dwellings per buurt x ``dimension`` x label class (wide over labels A-G)."""
    return r.stock_by_label(stock_cells(), dimension)


def stock_by(dimension: str) -> pd.DataFrame:
    """Estimated dwellings per buurt x ``dimension`` x label class (wide over labels A-G)."""
    return _stock_by(where(), dimension)


# ---- new-build ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _homes_needed(where: tuple, scenarios: tuple, vacancy_pct: float, target_vacancy_pct: float,
                  demolitions_per_year: float, target_2030: int, target_2032: int,
                  start_year: int = nb.TARGET_START_YEAR) -> pd.DataFrame:
    """Homes needed per scenario and year against the (editable) target path.

    ``scenarios`` is ``((key, (rate % per year, extra households per year, ambition per year)), ...)``.
    """
    base = household_base()
    return nb.homes_needed(base.households, base.stock, base.base_year, base.trend, nb.user_scenarios(dict(scenarios)),
                           vacancy_pct, target_vacancy_pct, demolitions_per_year, 2032, start_year, target_2030,
                           target_2032)


def homes_needed(scenarios: tuple, vacancy_pct: float, target_vacancy_pct: float, demolitions_per_year: float,
                 target_2030: int, target_2032: int, start_year: int = nb.TARGET_START_YEAR) -> pd.DataFrame:
    """Homes needed per scenario and year against the (editable) target path.

    ``scenarios`` is ``((key, (rate % per year, extra households per year, ambition per year)), ...)``.
    """
    return _homes_needed(where(), scenarios, vacancy_pct, target_vacancy_pct, demolitions_per_year, target_2030,
                         target_2032, start_year)


@st.cache_data(show_spinner=False, max_entries=32)
def _newbuild_scores(where: tuple, p: NewbuildParams) -> pd.DataFrame:
    """:func:`geo.targeting.newbuild_score.newbuild_scores` on the real data (the E-G stock at today's use)."""
    return ns.newbuild_scores(buurt_frame(), retrofit_cells(p.retrofit), p.transformation, p.score_weights,
                              p.mix_reference_share, user=p.user)


def newbuild_scores(p: NewbuildParams) -> pd.DataFrame:
    """:func:`geo.targeting.newbuild_score.newbuild_scores` on the real data (the E-G stock at today's use)."""
    return _newbuild_scores(where(), p)


@st.cache_data(show_spinner=False, max_entries=64)
def _suggested(where: tuple, p: NewbuildParams, target: int, top_n: int) -> pd.Series:
    """Share the target by score over the ``top_n`` best buurten (plus every transformation location)."""
    return ns.suggest_over_best(newbuild_scores(p), target, top_n)


def suggested(p: NewbuildParams, target: int, top_n: int) -> pd.Series:
    """Share the target by score over the ``top_n`` best buurten (plus every transformation location)."""
    return _suggested(where(), p, target, top_n)


@st.cache_data(show_spinner=False, max_entries=64)
def _newbuild_effects(where: tuple, p: NewbuildParams, plan: tuple, thinning_share: float,
                     replacement_ratio: float) -> tuple[pd.DataFrame, dict]:
    """Effects (:func:`geo.targeting.newbuild_score.newbuild_effects`) of a plan ``((buurt_code, homes), ...)``."""
    alloc = pd.Series(dict(plan), dtype=float)
    table, totals = ns.newbuild_effects(alloc, newbuild_scores(p), buurt_frame(), thinning_share, replacement_ratio)
    table.insert(1, "buurt_name", table["buurt_code"].map(names()))
    return table, totals


def newbuild_effects(p: NewbuildParams, plan: tuple, thinning_share: float,
                     replacement_ratio: float) -> tuple[pd.DataFrame, dict]:
    """Effects (:func:`geo.targeting.newbuild_score.newbuild_effects`) of a plan ``((buurt_code, homes), ...)``."""
    return _newbuild_effects(where(), p, plan, thinning_share, replacement_ratio)


def uploaded_locations(data_bytes: bytes, filename: str) -> list[str]:
    """Buurt codes of an uploaded file of transformation locations (raises DataError with a user message).

    Read as every upload is (:func:`geo.io.layers.layer.read_layer`): codes, coordinates, names or geometry.
    """
    buurten = data.buurten()[mydata.BUURT_COLUMNS]
    return layer.buurt_codes(layer.read_layer(data_bytes, filename, buurten), buurten)


def in_words(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` to show: category values (dwelling type, build period, tenure) in the user's language.

    The model's frame keeps its values; only this copy is translated.
    """
    present = [c for c in CATEGORY_COLUMNS if c in df.columns]
    return df.assign(**{c: df[c].map(lambda v: display(v) if isinstance(v, str) else v) for c in present})
