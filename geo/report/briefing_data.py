"""The briefing's inputs read straight from the processed files, for use outside the app (benchmark, tests, CLI).

The app builds the same inputs from its caches (``ui.data``); this is the same chain without Streamlit:
processed buurten -> derived indicators -> Monitor indicators -> energy-poverty index.
"""

from __future__ import annotations

import pandas as pd

from geo import config
from geo.io import processed
from geo.metrics import index, indicators, monitor
from geo.params import IndexSettings, MonitorSettings, Prices, QuoteThreshold


def inputs(prices: Prices = Prices(), threshold: QuoteThreshold = QuoteThreshold(),  # noqa: B008 (frozen values)
           index_settings: IndexSettings = IndexSettings()) -> dict:  # noqa: B008
    """Keyword arguments for :func:`geo.report.briefing.build` (all but ``area``) under the given settings."""
    meta = processed.read_metadata()
    year = processed.income_year(meta)
    table = pd.DataFrame(processed.read_buurten().drop(columns="geometry")).set_index("buurt_code")
    table = indicators.add_derived(table, prices, threshold, year)
    cells, factors = processed.read_table(config.STOCK_CELLS), processed.read_label_factors()
    table = monitor.add_monitor(table, cells, factors, prices, year, MonitorSettings(quote_pct=threshold.pct))
    table = table.join(index.energy_poverty_index(table, index_settings))
    return {
        "table": table,
        "gemeente": processed.read_table(config.GEMEENTE).set_index("column"),
        "meta": meta["columns"],
        "shapes": processed.read_map_shapes(config.BUURTEN_MAP),
        "wijken": processed.read_map_shapes(config.WIJKEN_MAP),
        "prices": prices,
        "threshold": threshold,
        "index": index_settings,
    }
