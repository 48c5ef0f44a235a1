"""Cached access to the processed data and to everything derived from it.

Loaders are cached as resources keyed by the file's modification time (a new
``make data`` is picked up, a rerun never re-reads). Derived tables are cached
by hashable settings, so a change of a setting recomputes only what depends on it.
The cached frames are shared between sessions: callers must not mutate them.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import config
from geo.i18n import _
from geo.io import processed
from geo.metrics import index, indicators, monitor
from geo.params import IndexSettings, MonitorSettings, Prices, QuoteThreshold
from ui import settings


def _mtime(path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False)
def _buurten(mtime: float) -> gpd.GeoDataFrame:
    return processed.read_buurten()


@st.cache_resource(show_spinner=False)
def _map_shapes(mtime: float) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    return processed.read_map_shapes(config.BUURTEN_MAP), processed.read_map_shapes(config.WIJKEN_MAP)


@st.cache_resource(show_spinner=False)
def _tables(mtime: float) -> dict:
    return {
        "wijken": processed.read_table(config.WIJKEN),
        "gemeente": processed.read_table(config.GEMEENTE).set_index("column"),
        "metadata": processed.read_metadata(),
        "stock_validation": processed.read_table(config.STOCK_VALIDATION),
        "stock_checks": processed.read_table(config.STOCK_CHECKS),
    }


def ensure_data() -> None:
    """Stop the page with a clear message when the processed data has not been built."""
    if not processed.processed_ready():
        st.error(_("The processed data is missing. Run `make data` (or `make run`, which builds it) and reload."))
        st.stop()


def buurten() -> gpd.GeoDataFrame:
    """Processed buurt table (full-resolution geometry + indicators)."""
    return _buurten(_mtime(config.BUURTEN))


def map_shapes() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Simplified buurt and wijk shapes for drawing."""
    return _map_shapes(_mtime(config.BUURTEN_MAP))


def income_year() -> int:
    """The year the buurt income figures describe (from the build metadata)."""
    return processed.income_year(tables()["metadata"])


def tables() -> dict:
    """Wijk table, gemeente comparison table and build metadata."""
    return _tables(_mtime(config.JOIN_REPORT))


@st.cache_data(show_spinner=False, max_entries=64)
def derived(prices: Prices, threshold: QuoteThreshold, mtime: float) -> pd.DataFrame:
    """Buurt indicators incl. the estimated bill and quote (no geometry), by buurt code."""
    table = pd.DataFrame(buurten().drop(columns="geometry")).set_index("buurt_code")
    table = indicators.add_derived(table, prices, threshold, income_year())
    cells, factors = stock_inputs()
    return monitor.add_monitor(table, cells, factors, prices, income_year(), MonitorSettings(quote_pct=threshold.pct))


@st.cache_resource(show_spinner=False)
def _stock_inputs(mtime: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    return processed.read_table(config.STOCK_CELLS), processed.read_label_factors()


def stock_inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The estimated stock cells and the label factors (inputs of the Monitor indicators)."""
    return _stock_inputs(_mtime(config.STOCK_CELLS))


@st.cache_data(show_spinner=False, max_entries=16)
def monitor_summary(prices: Prices, threshold: QuoteThreshold, mtime: float) -> dict:
    """Heerlen's household-weighted Monitor indicators with bands (geo.metrics.monitor.heerlen_summary)."""
    table = derived(prices, threshold, mtime)
    cells, factors = stock_inputs()
    settings_ = MonitorSettings(quote_pct=threshold.pct)
    household_cells = monitor.household_cells(table, cells, factors, prices, income_year(), settings_)
    return monitor.heerlen_summary(table, household_cells)


@st.cache_data(show_spinner=False, max_entries=64)
def indexed(prices: Prices, threshold: QuoteThreshold, index_settings: IndexSettings, mtime: float) -> pd.DataFrame:
    """Derived indicators plus the energy-poverty index for the given settings."""
    table = derived(prices, threshold, mtime)
    return table.join(index.energy_poverty_index(table, index_settings))


@st.cache_resource(show_spinner=False, max_entries=16)
def _index_inputs(prices: Prices, threshold: QuoteThreshold, method: str, mtime: float) -> tuple:
    """Normalised components and the names a ranking shows: all of the index that does not depend on the weights."""
    table = derived(prices, threshold, mtime)
    return index.normalised_components(table, method), table[["buurt_name", "wijk_name"]]


@st.cache_data(show_spinner=False, max_entries=64)
def _ranking(prices: Prices, threshold: QuoteThreshold, index_settings: IndexSettings,
             mtime: float) -> tuple[pd.DataFrame, list[str]]:
    norm, names = _index_inputs(prices, threshold, index_settings.method, mtime)
    scored = names.join(index.index_of_normalised(norm, index_settings))
    ranked = scored.dropna(subset=["energy_poverty_index"]).sort_values("energy_poverty_index", ascending=False)
    shown = ranked[["buurt_name", "wijk_name", "energy_poverty_index", "components_used"]].reset_index(drop=True)
    shown.insert(0, "rank", range(1, len(shown) + 1))
    missing = sorted(scored.loc[scored["energy_poverty_index"].isna(), "buurt_name"].tolist())
    return shown.round({"energy_poverty_index": 1}), missing


def ranking() -> tuple[pd.DataFrame, list[str]]:
    """The Index page's ranking for the current settings, and the names of the buurten without an index.

    Only the components' normalisation is kept per (prices, threshold, normalisation): a weight change costs
    one matrix product and a sort of a few columns, not a copy of the whole buurt table.
    """
    s = settings.current()
    return _ranking(s.prices, s.quote_threshold, s.index, _mtime(config.BUURTEN))


def heerlen_monitor() -> dict:
    """Heerlen's Monitor indicators with bands for the settings in the sidebar."""
    s = settings.current()
    return monitor_summary(s.prices, s.quote_threshold, _mtime(config.BUURTEN))


def current_table() -> pd.DataFrame:
    """The buurt table for the settings in the sidebar and on the Index page."""
    s = settings.current()
    return indexed(s.prices, s.quote_threshold, s.index, _mtime(config.BUURTEN))


@st.cache_data(show_spinner=False, max_entries=32)
def _sensitivity(s: settings.Settings, spread: float) -> pd.DataFrame:
    base = derived(s.prices, s.quote_threshold, _mtime(config.BUURTEN))
    result = index.rank_sensitivity(base, s.index, draws=200, spread=spread)
    return result.join(base["buurt_name"])


def sensitivity(s: settings.Settings, spread: float) -> pd.DataFrame:
    """Rank range per buurt over perturbed weights (see geo.metrics.index.rank_sensitivity).

    The spinner speaks the user's language (a ``show_spinner`` text would be fixed at import).
    """
    with st.spinner(_("Recomputing ranks under perturbed weights...")):
        return _sensitivity(s, spread)
