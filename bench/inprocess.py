"""In-process figures for Heerlen: map payload, time to build the map object, index recomputation."""

from __future__ import annotations

import json
import logging
import sys
import warnings

import numpy as np
import pandas as pd

from bench import scale
from bench.timing import median_ms
from geo import config
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from geo.io import processed
from geo.map import live, render
from geo.metrics import index, indicators
from geo.params import IndexSettings, Prices, QuoteThreshold
from ui import livemap, settings

sys.path.insert(0, str(config.ROOT / "bench"))
import baseline_app  # noqa: E402  (the scripts live in bench/, as Streamlit runs them)
import baseline_index  # noqa: E402

INDICATOR = "gas_m3"


def _live_message() -> int:
    """Bytes of the Map explorer's map as its component sends it, built from empty caches.

    Script, style and data (JSON, as Streamlit writes it) with every indicator of the picker: what
    ui/livemap.py does on a first visit.
    """
    livemap.clear()
    data = livemap.payload("buurt", INDICATOR, "quantiles", 5, True, settings.current())
    return len(live.LIVE_JS.encode()) + len(live.LIVE_CSS.encode()) + len(json.dumps(data).encode())


def map_figures(repeats: int = 5) -> dict:
    """Map payload and build time, ours and the baseline's.

    Ours: the map component of the Map explorer (ui/livemap.py): its script, style and data, which carries the
    shapes and every indicator's colours and texts; build = all of that from empty caches, JSON included. The
    baseline: KB of rendered HTML, as geo.map.render.payload_bytes counts it; build in ms including st_folium's
    Python side and reading its files (it does so on every run).
    """
    logging.disable(logging.WARNING)  # Streamlit's caches outside a running app say so on every call
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours_kb = _live_message() / 1024
            base_kb = render.payload_bytes(baseline_app.naive_map(INDICATOR)) / 1024
            ours_ms = median_ms(_live_message, repeats)
            base_ms = median_ms(lambda: scale.send(baseline_app.naive_map(INDICATOR), None), repeats)
    finally:
        logging.disable(logging.NOTSET)
    return {"payload_kb": (ours_kb, base_kb), "build_ms": (ours_ms, base_ms)}


def heerlen_table() -> pd.DataFrame:
    table = pd.DataFrame(processed.read_buurten().drop(columns="geometry")).set_index("buurt_code")
    return indicators.add_derived(table, Prices(), QuoteThreshold(), processed.income_year(processed.read_metadata()))


def index_figures(repeats: int = 7) -> dict:
    """Index recomputation on Heerlen (ours vs the baseline's row-wise apply) and on 15,000 synthetic buurten."""
    table = heerlen_table()
    settings = IndexSettings()
    ours = median_ms(lambda: index.energy_poverty_index(table, settings), repeats, warmup=1)
    naive_w = {c: 1.0 for c in baseline_index.COLUMNS}
    base = median_ms(lambda: baseline_index.naive_index(table, naive_w), repeats, warmup=1)
    sensitivity = median_ms(lambda: index.rank_sensitivity(table, settings, draws=200, spread=0.5), 5)
    big = synthetic_index_frame(15_000)
    per_method = {
        (m, r): median_ms(lambda m=m, r=r: index.energy_poverty_index(big, IndexSettings(settings.weights, m, r)),
                          repeats, warmup=1)
        for m in NORMALISATIONS for r in MISSING_RULES
    }
    worst = max(per_method, key=per_method.get)
    return {
        "heerlen_ms": (ours, base),
        "sensitivity_ms": (sensitivity, None),
        "n15000_worst_ms": per_method[worst],
        "n15000_worst_setting": worst,
        "n15000_default_ms": per_method[("minmax", "reweight")],
    }


def synthetic_index_frame(n: int, seed: int = 15) -> pd.DataFrame:
    """``n`` buurten with every index component, plausible ranges and 5% missing values per column."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "pct_low_income": rng.gamma(2.0, 4.0, n),
            "pct_high_quote_households": rng.beta(2, 8, n) * 100,
            "pct_label_efg_all": rng.uniform(5, 60, n),
            "pct_rent": rng.uniform(0, 100, n),
            "pct_social_assistance": rng.gamma(1.5, 3.0, n),
        },
        index=pd.Index([f"BU{i:08d}" for i in range(n)], name="buurt_code"),
    )
    missing = [c.column for c in COMPONENTS.values()]
    for col in missing:
        df.loc[rng.random(n) < 0.05, col] = np.nan
    return df
