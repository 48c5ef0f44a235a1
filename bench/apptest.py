"""Reruns as a user triggers them, timed with Streamlit's AppTest (no browser).

A rerun is one ``at.run()`` after setting a widget: the whole script (or page)
runs as on a user's change, through Streamlit's caches. Each change goes to a
value not shown before, so cached results from earlier reruns do not flatter
the figure. Ours and the baseline are measured alternately, so load on the
shared machine hits both alike.
"""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from geo import config
from geo.catalog import dictionary
from tests.support import livemap

MAP_CYCLE = [
    "gas_m3", "pct_rent", "electricity_kwh", "pct_low_income", "income_per_inhabitant_keur", "energy_poverty_index",
]
WEIGHT_CYCLE = [0.5, 1.5, 2.0, 0.75, 2.5, 1.25]


def _timed(at: AppTest, run=AppTest.run) -> float:
    t = time.perf_counter()
    run(at)
    if at.exception:
        raise RuntimeError(f"the app raised: {[e.value for e in at.exception][:1]}")
    return (time.perf_counter() - t) * 1000


def _ours(page: str) -> AppTest:
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page(page)
    at.run()
    return at


def map_reruns(repeats: int = 6) -> tuple[list[float], list[float]]:
    """Milliseconds per indicator change: (ours: app.py -> Map explorer, baseline script)."""
    ours = _ours("pages/map_explorer.py")
    base = AppTest.from_file(str(config.ROOT / "bench" / "baseline_app.py"), default_timeout=180)
    base.run()
    options = dictionary.map_indicators()
    o, b = [], []
    for seq, indicator in enumerate((MAP_CYCLE * 3)[:repeats], start=1):
        if indicator in options:
            # Chosen in the map's own picker: the component's state, as the browser sends it (ui/livemap.py).
            o.append(_timed(ours, lambda at, i=indicator, n=seq: livemap.choose(at, i, n)))
        base.selectbox(key="map.indicator").set_value(indicator)
        b.append(_timed(base))
    return o, b


def index_reruns(repeats: int = 6) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per weight change on the index page: (ours, baseline script, ours with the chart shown).

    The rank-stability chart is drawn on request (a toggle); the third list is a weight change while it is
    shown, so its cost is measured too (another session, so its caches do not help the first).
    """
    ours = _ours("pages/energy_poverty_index.py")
    charted = _ours("pages/energy_poverty_index.py")
    charted.toggle(key="idx.stability").set_value(True)
    charted.run()
    base = AppTest.from_file(str(config.ROOT / "bench" / "baseline_index.py"), default_timeout=180)
    base.run()
    o, b, c = [], [], []
    for i, w in enumerate((WEIGHT_CYCLE * 3)[:repeats]):
        ours.slider(key="w.cfg.w.low_income").set_value(w)
        o.append(_timed(ours))
        base.slider(key="w.pct_low_income").set_value(w)
        b.append(_timed(base))
        # Other weights than the first session's, so its cached results are not reused.
        charted.slider(key="w.cfg.w.heq").set_value(WEIGHT_CYCLE[(i + 3) % len(WEIGHT_CYCLE)] + 0.25)
        c.append(_timed(charted))
    return o, b, c
