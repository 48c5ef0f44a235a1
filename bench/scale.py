"""The app's map pipeline on inputs of growing size, before and after geo.map.strategy.

Pipeline (as the app): simplify once as a coverage -> classify -> GeoJSON with
minimal properties -> folium map -> HTML as st_folium sends it.
"Before" is the strategy-free pipeline (every area, SVG, 8 m, 5 decimals);
"after" is what :func:`geo.map.strategy.choose` picks given the sizes of the
input and of its parent level.
"""

from __future__ import annotations

import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import streamlit_folium

from bench import browser, datasets, serve, strategy_variants
from bench.timing import median, median_ms
from geo.map import classify, render
from geo.map import strategy as map_strategy


@dataclass
class ScaleRow:
    """One row of the scale table: one input drawn by one variant of the map strategy, with its timings."""

    dataset: str
    variant: str  # "before" / "after" / "after, no parent"
    features_in: int
    vertices_in: int
    drawn: str  # e.g. "15,000 buurt, svg, 8 m, 5 dp"
    features_drawn: int
    vertices_drawn: int
    prep_s: float  # simplify once (and aggregate)
    payload_kb: float  # what st_folium sends (script + header + html)
    build_ms: float  # first map: classify + GeoJSON (geometry encoded) + folium + st_folium
    rerun_ms: float  # another indicator: geometry GeoJSON cached, as ui/mapview.py does
    paint_ms: float | None = None  # filled in by the browser run
    html: str = ""


def _map(shapes, indicator: str, strategy: map_strategy.MapStrategy, geometry=None):
    values = shapes[indicator].astype(float).reset_index(drop=True)
    classes = classify.classify(values, "quantiles", 5)
    texts = [classify.format_value(v, 1) for v in values]
    fc = render.feature_collection(shapes, "code", "name", texts, classify.class_colours(classes), geometry=geometry)
    return render.build_map(
        fc, None, render.bounds_of(shapes), indicator, tiles=False, prefer_canvas=strategy.prefer_canvas
    )


def rerun_cost(shapes, indicator: str, strategy: map_strategy.MapStrategy, geometry=None) -> int:
    """Python work of one map as the app does it: GeoJSON, folium, st_folium. Returns bytes sent."""
    return send(_map(shapes, indicator, strategy, geometry), ["last_active_drawing"])


def send(m, returned_objects: list[str] | None, render: bool | None = None) -> int:
    """Run st_folium's Python side on ``m`` (the component itself stubbed); return the bytes it would send.

    Ours calls st_folium with render=False (ui/mapview.py); a tutorial call renders.
    """
    sent = {}

    def component(**kwargs):
        sent.update(kwargs)
        return kwargs["default"]

    if render is None:
        render = returned_objects is None
    with mock.patch.object(streamlit_folium, "_component_func", side_effect=component), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        streamlit_folium.st_folium(m, key="scale", returned_objects=returned_objects, render=render)
    return sum(len(sent[k].encode()) for k in ("script", "header", "html"))


def page_html(shapes, indicator: str, strategy: map_strategy.MapStrategy) -> str:
    """The same map as a stand-alone page, for timing the paint in chromium."""
    return _map(shapes, indicator, strategy).get_root().render()


def measure(name: str, gdf, variant: str, repeats: int = 5) -> ScaleRow:
    n, v = len(gdf), datasets.vertex_count(gdf)
    level, parent = datasets.LEVELS[name]
    parents = {parent: int(gdf["parent"].nunique())} if parent else None
    if variant == "before":
        strategy = strategy_variants.fixed(n, level)
    elif variant == "after, no parent":
        strategy = map_strategy.choose(n, v, level, None, map_strategy.extent_of(gdf))
    else:
        strategy = map_strategy.choose(n, v, level, parents, map_strategy.extent_of(gdf))
    t0 = time.perf_counter()
    parent_column = "parent" if strategy.level != level else None
    shapes = strategy_variants.prepare(gdf, strategy, parent_column, datasets.INDICATORS)
    prep = time.perf_counter() - t0
    sent = rerun_cost(shapes, "ind_a", strategy)
    geometry = render.geometries(shapes)  # cached once per shapes in the app (ui/mapview.py)
    reps = repeats if len(shapes) < 5000 else 1  # the 15,000-area 'before' takes ~10 s a run
    build = median_ms(lambda: rerun_cost(shapes, "ind_a", strategy), reps)
    rerun = median_ms(lambda: rerun_cost(shapes, "ind_b", strategy, geometry), reps)
    drawn = f"{len(shapes):,} {strategy.level}, {strategy.renderer}, {strategy.tolerance_m:g} m, {strategy.decimals} dp"
    return ScaleRow(name, variant, n, v, drawn, len(shapes), datasets.vertex_count(shapes), prep,
                    sent / 1024, build, rerun, html=page_html(shapes, "ind_a", strategy))


def run(repeats: int = 5, log=print) -> list[ScaleRow]:
    rows = []
    for name, gdf in datasets.all_sets().items():
        level, parent = datasets.LEVELS[name]
        variants = ["before", "after"]
        if parent and len(gdf) > map_strategy.DETAIL_MAX_FEATURES:
            variants.append("after, no parent")  # what the strategy does when no aggregate level exists
        for variant in variants:
            row = measure(name, gdf, variant, repeats)
            log(f"  scale {name} {variant}: {row.drawn}, {row.payload_kb:,.0f} KB, "
                f"build {row.build_ms:,.0f} ms, rerun {row.rerun_ms:,.0f} ms")
            rows.append(row)
    return rows


def paint(rows: list[ScaleRow], b, repeats: int = 5, log=print) -> None:
    """Time to painted polygons in chromium for each row's page (served locally), median of repeats."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, serve.static_server(Path(tmp)) as url:
        for i, row in enumerate(rows):
            (Path(tmp) / f"{i}.html").write_text(row.html, encoding="utf-8")
            reps = repeats if row.payload_kb < 5_000 else 2
            times = [browser.first_paint(b, f"{url}/{i}.html")[0] for _ in range(reps)]
            row.paint_ms = median(times)
            log(f"  paint {row.dataset} {row.variant}: {row.paint_ms:,.0f} ms")
