"""The benchmark's tables as Markdown, with the machine they were measured on."""

from __future__ import annotations

import datetime
import os
import platform
from pathlib import Path

from geo import config

RESULTS = config.ROOT / "bench" / "results" / "latest.md"
PERFORMANCE = config.ROOT / "bench" / "results" / "PERFORMANCE.md"  # paste into README.md

# The comparison table's rows per page: (key in the figures, label with its unit).
ROWS = {
    "Map": [
        ("map_payload", "Map payload (KB; ours: the map component's script, style and data with the shapes and"
                        " every indicator's colours and texts; the baseline: its map HTML)"),
        ("map_ws_kb", "Sent over the websocket until the map is painted (KB)"),
        ("map_build", "Build the map from empty caches (ms; ours: every indicator of the picker, JSON included; the"
                      " baseline: one indicator, incl. st_folium's Python side)"),
        ("map_rerun_apptest", "Rerun after an indicator change, AppTest (ms)"),
        ("map_rerun_browser", "Indicator change to repainted polygons, chromium (ms)"),
        ("map_paint", "Time to first painted map, chromium, cold browser cache (ms)"),
        ("map_paint_after_title", "... of which after the page title showed (ms)"),
    ],
    "Index": [
        ("index_compute", "Index recomputation, 57 buurten (ms)"),
        ("index_rerun_apptest", "Rerun after a weight change, AppTest (ms; rank-stability chart on request)"),
        ("index_rerun_chart", "... with the rank-stability chart shown, AppTest (ms; the baseline has none)"),
        ("index_sensitivity", "... rank-stability chart alone: geo.metrics.index.rank_sensitivity, 200 draws"
                              " (ms; the baseline has none)"),
        ("index_ws_kb", "Sent over the websocket until the ranking shows (KB)"),
        ("index_paint", "Time to first rendered ranking, chromium, cold browser cache (ms)"),
        ("index_paint_after_title", "... of which after the page title showed (ms)"),
        ("floor_paint", "Streamlit's floor: a title and a 3-row table (bench/floor_app.py), chromium (ms)"),
        ("floor_paint_after_title", "... of which after the page title showed (ms)"),
    ],
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        ram = f"{kb / 1024 ** 2:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"nproc {os.cpu_count()}, CPU {cpu}, RAM {ram}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; load average at the end {load} (shared machine)")


def _num(v: float | None) -> str:
    if v is None:
        return "n/a"
    return f"{v:,.0f}" if v >= 10 else f"{v:,.1f}"


def markdown(figures: dict, budgets: list, rows: list, blocked: list[str], seconds: float, quick: bool,
             crowd: dict | None = None) -> str:
    lines = [
        f"Measured {datetime.datetime.now():%Y-%m-%d %H:%M} on: {machine()}. Run took {seconds:.0f} s"
        + (" (--quick: 3 repeats, no scale paint)." if quick else "."),
        "",
        "### Buurtkompas against a naive baseline (Heerlen, 57 buurten)",
        "",
        "Baseline: `bench/baseline_app.py` / `bench/baseline_index.py`, a first-tutorial folium.Choropleth of the "
        "full-resolution raw shapes with all attribute columns via plain `st_folium(m)`, data read on every rerun "
        "(Leaflet served locally; its legend dropped, as it fetches d3 from a CDN and the map never paints offline). "
        "Median of 5 runs each; the baseline's reruns go to values not shown before (cache misses). Ours: the "
        "Map explorer's map is a component (`ui/livemap.py`) that gets the shapes and every indicator's colours, "
        "tooltip texts and legend at once, so an indicator change recolours in the browser without waiting for the "
        "server (the chromium row, timed from the choice to the painted polygons as for the baseline: a press on "
        "the baseline's option, the input event of ours, a native select); the rerun that follows (the AppTest "
        "row) finds the map's data cached, by design. A new classification, number of classes or sidebar setting "
        "recomputes every indicator's colours (the build row, from empty caches). First paint starts with "
        "Streamlit's own front end (a few MB of JS, loaded afresh per visit here), which both share; the row below "
        "it counts from the page title showing to the painted map.",
        "",
        "| Page | Figure | Buurtkompas | Baseline | Baseline / ours |",
        "|---|---|---:|---:|---:|",
    ]
    for page, page_rows in ROWS.items():
        for key, label in page_rows:
            ours, base = figures[key]
            ratio = f"{base / ours:.1f}x" if ours and base else "n/a"
            lines.append(f"| {page} | {label} | {_num(ours)} | {_num(base)} | {ratio} |")
    lines += [
        "",
        "### Budgets (`make bench` exits non-zero when one is broken)",
        "",
        "| Budget | Measured | Status |",
        "|---|---:|---|",
    ]
    status = {True: "ok", False: "BROKEN", None: "reported, not enforced"}
    lines += [f"| {name} | {value} | {status[None if ok is None else bool(ok)]} |" for name, value, ok in budgets]
    lines += [
        "",
        "### Scale: the same map pipeline as the area grows, before and after `geo.map.strategy`",
        "",
        "Before: every area, SVG renderer, 8 m coverage simplification, 5 decimals, GeoJSON (the app's fixed "
        "settings). After: `geo.map.strategy.choose(..., packed=True)` (canvas above 1,000 areas or 60,000 "
        "vertices; tolerance by count, vertices and extent; shapes packed by `geo.map.packed`: quantised on a grid "
        "of a quarter of the tolerance, delta-encoded, varint bytes in base64; above 5,000 areas the parent level "
        "is drawn, its values here the unweighted mean of its areas). A packed page draws the shapes once with "
        "Leaflet's canvas; an indicator change sends only each area's class and tooltip text and restyles the "
        "polygons in place (zoom and pan kept). Alternatives for the Dutch wijken: GeoJSON as the folium map sends "
        "it (what the strategy picks without packed shapes: the parent level; the wijken at 79 m; coarser at "
        "300 m) and a TopoJSON topology (`bench/topology.py`, payload only: the wijk shapes are not an exact "
        "coverage, so few borders are shared). Payload = what the page is sent (st_folium's HTML, or the packed "
        "data and its decoder; Leaflet itself is served from static/ in both); build = first map incl. encoding; "
        "rerun = Python work of another indicator (GeoJSON: a new map with the geometry cached, as the app does; "
        "packed: classes and texts); change sent / change in chromium = packed pages only (a GeoJSON map is sent "
        "and painted again: rerun + paint). Paint = chromium, page served locally, from navigation. Prep = "
        "aggregate + simplify once.",
        "",
        "| Input | Areas | Vertices | Variant | Drawn | Vertices drawn "
        "| Prep (s) | Payload (KB) | Build (ms) | Rerun (ms) | Paint (ms) | Change sent (KB) "
        "| Change in chromium (ms) |",
        "|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r.dataset} | {r.features_in:,} | {r.vertices_in:,} | {r.variant} | {r.drawn} "
                     f"| {r.vertices_drawn:,} | {r.prep_s:.1f} | {r.payload_kb:,.0f} | {r.build_ms:,.0f} "
                     f"| {r.rerun_ms:,.0f} | {_num(r.paint_ms)} | {_num(r.change_kb)} | {_num(r.recolour_ms)} |")
    if crowd:
        lo, hi = crowd["think"]
        lines += [
            "",
            "### Many users: websocket clients against the app on localhost (`bench/concurrency.py`)",
            "",
            f"{crowd['sessions']} sessions open the Map explorer and switch its indicator for {crowd['seconds']:g} s, "
            f"each waiting {lo:g}-{hi:g} s between changes (a user reading the map); one server process, 2 cores "
            "shared with other work. Load average before "
            + ", ".join(f"{x:.1f}" for x in crowd["load_before"]) + ", after "
            + ", ".join(f"{x:.1f}" for x in crowd["load_after"]) + ".",
            "",
            "| Figure | Value |",
            "|---|---:|",
            f"| Single session alone: median rerun ({crowd['single_n']} reruns, ms) "
            f"| {crowd['single_median_ms']:,.0f} |",
            f"| {crowd['sessions']} sessions: reruns completed | {crowd['reruns']:,} |",
            f"| ... median / p95 / max rerun (ms) | {crowd['median_ms']:,.0f} / {crowd['p95_ms']:,.0f} / "
            f"{crowd['max_ms']:,.0f} |",
            f"| ... median time to open the page (ms) | {crowd['open_median_ms']:,.0f} |",
            f"| ... errors (exceptions shown, failed runs, dropped connections) | {len(crowd['errors'])} |",
            f"| Server RSS after the first session / peak / after the run (MB) | {crowd['rss_first_mb']:,.0f} / "
            f"{crowd['rss_peak_mb']:,.0f} / {crowd['rss_end_mb']:,.0f} |",
            f"| Sent to the clients (MB) | {crowd['received_mb']:,.1f} |",
        ]
    hosts = ", ".join(sorted({u.split("/")[2] for u in blocked if "//" in u})) or "none"
    lines += [
        "",
        "Build and rerun of maps drawing >= 5,000 areas are single runs (up to ~15 s each); "
        "paints of pages over 5 MB are medians of 2.",
        "",
        f"External requests aborted by the browser during the run: {len(blocked)} ({hosts}); "
        "nothing reached the network.",
    ]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    PERFORMANCE.write_text(
        "## Performance\n\n"
        "`make bench` (about 12 minutes) measures the map and index pages against a naive folium/Streamlit "
        "baseline, the map pipeline on inputs from 57 to 15,000 areas and 20 users at once; it exits non-zero "
        "when a budget is broken. "
        "The table below is its latest output (also in `bench/results/latest.md`).\n\n" + text,
        encoding="utf-8",
    )
