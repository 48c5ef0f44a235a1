"""``make bench``: Buurtkompas against a naive folium/Streamlit baseline, and the map pipeline at scale.

Prints a table, writes it to bench/results/latest.md and bench/results/PERFORMANCE.md (the README section), and
exits non-zero when a budget is broken. Every timing is a median of >= 5 runs
(except the largest 'before' scale runs, marked). Nothing leaves this machine:
servers listen on 127.0.0.1 and chromium aborts every other request.
Options: ``--quick`` (fewer repeats, no scale paint) for trying things out.
"""

from __future__ import annotations

import sys
import time

from bench import apptest, browser, inprocess, report, scale, serve
from bench import briefing as briefing_bench
from bench.timing import median
from geo.catalog import dictionary

BUDGET_RERUN_RATIO = 5.0
BUDGET_PAYLOAD_KB = 150.0
BUDGET_INDEX_15000_MS = 100.0
BROWSER_OPTIONS = [
    "gas_m3", "pct_rent", "electricity_kwh", "pct_low_income", "income_per_inhabitant_keur", "energy_poverty_index",
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _label(column: str) -> str:
    return f"{dictionary.label(column)} ({dictionary.unit(column)})"


def browser_figures(b, repeats: int) -> dict:
    """First paint, websocket KB and in-browser rerun for both pages of ours and the baselines."""
    out, blocked = {}, []
    with serve.streamlit_app("app.py") as url:
        browser.first_paint(b, f"{url}/map_explorer")  # warm the server's caches once, as any running app has them
        runs = [browser.first_paint(b, f"{url}/map_explorer") for _ in range(repeats)]
        out["map_paint"] = [median(r[0] for r in runs)]
        out["map_paint_after_title"] = [median(r[3] for r in runs)]
        out["map_ws_kb"] = [median(r[1] for r in runs)]
        blocked += [u for r in runs for u in r[2]]
        with serve.streamlit_app("bench/baseline_app.py") as base_url:
            # Both pages open, changed in turn: load on the shared machine falls on both alike.
            ours, base, bl, kept = browser.repaint(b, f"{url}/map_explorer", base_url,
                                                   [_label(c) for c in BROWSER_OPTIONS[:repeats]],
                                                   BROWSER_OPTIONS[:repeats])
        out["map_rerun_browser"] = [median(ours), median(base)]
        out["map_kept_mounted"] = kept
        blocked += bl
        browser.first_paint(b, f"{url}/energy_poverty_index", browser.DATAFRAME_JS)
        runs = [browser.first_paint(b, f"{url}/energy_poverty_index", browser.DATAFRAME_JS) for _ in range(repeats)]
        out["index_paint"] = [median(r[0] for r in runs)]
        out["index_ws_kb"] = [median(r[1] for r in runs)]
    with serve.streamlit_app("bench/baseline_app.py") as url:
        browser.first_paint(b, url)
        runs = [browser.first_paint(b, url) for _ in range(repeats)]
        out["map_paint"].append(median(r[0] for r in runs))
        out["map_paint_after_title"].append(median(r[3] for r in runs))
        out["map_ws_kb"].append(median(r[1] for r in runs))
        blocked += [u for r in runs for u in r[2]]
    with serve.streamlit_app("bench/baseline_index.py") as url:
        browser.first_paint(b, url, browser.DATAFRAME_JS)
        runs = [browser.first_paint(b, url, browser.DATAFRAME_JS) for _ in range(repeats)]
        out["index_paint"].append(median(r[0] for r in runs))
        out["index_ws_kb"].append(median(r[1] for r in runs))
    out["blocked"] = blocked
    return out


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    repeats = 3 if quick else 5
    t0 = time.perf_counter()
    log("bench: map payload and build time (in process)")
    mapf = inprocess.map_figures(repeats)
    log("bench: index recomputation")
    idx = inprocess.index_figures(max(5, repeats))
    log("bench: one-page briefing (PDF, HTML)")
    brief = briefing_bench.figures(repeats)
    log("bench: reruns with AppTest")
    map_o, map_b = apptest.map_reruns(repeats + 1)
    idx_o, idx_b = apptest.index_reruns(repeats + 1)
    log("bench: chromium (first paint, rerun)")
    with browser.browser() as b:
        web = browser_figures(b, repeats)
        log("bench: scale (57 -> 346 -> 3,475 -> 15,000 areas)")
        rows = scale.run(repeats, log=log)
        if not quick:
            scale.paint(rows, b, repeats, log=log)
    figures = {
        "map_payload": mapf["payload_kb"],
        "map_ws_kb": tuple(web["map_ws_kb"]),
        "map_build": mapf["build_ms"],
        "map_rerun_apptest": (median(map_o), median(map_b)),
        "map_rerun_browser": tuple(web["map_rerun_browser"]),
        "map_paint": tuple(web["map_paint"]),
        "map_paint_after_title": tuple(web["map_paint_after_title"]),
        "index_compute": idx["heerlen_ms"],
        "index_rerun_apptest": (median(idx_o), median(idx_b)),
        "index_sensitivity": idx["sensitivity_ms"],
        "index_ws_kb": tuple(web["index_ws_kb"]),
        "index_paint": tuple(web["index_paint"]),
    }
    ratio = figures["map_rerun_apptest"][1] / figures["map_rerun_apptest"][0]
    budgets = [
        (f"Map rerun after an indicator change >= {BUDGET_RERUN_RATIO:g}x faster than the baseline (AppTest)",
         f"{ratio:.1f}x", ratio >= BUDGET_RERUN_RATIO),
        (f"Heerlen map payload <= {BUDGET_PAYLOAD_KB:g} KB", f"{figures['map_payload'][0]:.0f} KB",
         figures["map_payload"][0] <= BUDGET_PAYLOAD_KB),
        (f"Index recomputation, 15,000 buurten <= {BUDGET_INDEX_15000_MS:g} ms"
         f" (slowest setting: {'/'.join(idx['n15000_worst_setting'])})",
         f"{idx['n15000_worst_ms']:.0f} ms (default minmax/reweight: {idx['n15000_default_ms']:.0f} ms)",
         idx["n15000_worst_ms"] <= BUDGET_INDEX_15000_MS),
        briefing_bench.budget_row(brief),
        browser.repaint_budget(*figures["map_rerun_browser"], web["map_kept_mounted"]),
    ]
    text = report.markdown(figures, budgets, rows, web["blocked"], time.perf_counter() - t0, quick)
    report.write(text)
    print(text)
    broken = [name for name, _, ok in budgets if not ok]
    if broken:
        log("bench: BUDGET BROKEN: " + "; ".join(broken))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
