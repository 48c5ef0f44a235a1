"""The app's map pipeline on inputs of growing size, before and after geo.map.strategy.

Pipeline (as the app): simplify once as a coverage -> classify -> GeoJSON with
minimal properties -> folium map -> HTML as st_folium sends it.
"Before" is the strategy-free pipeline (every area, SVG, 8 m, 5 decimals);
"after" is what :func:`geo.map.strategy.choose` picks given the sizes of the
input and of its parent level, for a page that decodes packed shapes
(:mod:`geo.map.packed`). The alternatives measured for the Dutch wijken: GeoJSON as
the folium map sends it (at the parent level, at 79 m, coarser at 300 m) and a
TopoJSON topology (:mod:`bench.topology`, payload only).

A packed map is a stand-alone Leaflet page (canvas): the shapes once, then an
indicator change sends only the class of each area and its tooltip text, and the
page restyles the polygons it has (``bkRecolour``), zoom and pan kept.
"""

from __future__ import annotations

import html
import json
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pandas as pd
import streamlit_folium
from babel import Locale
from babel.numbers import parse_pattern

from bench import browser, datasets, serve, strategy_variants, topology
from bench.timing import median, median_ms
from geo import i18n
from geo.i18n.translate import LOCALES
from geo.map import classify, packed, render
from geo.map import strategy as map_strategy

COARSE_TOLERANCE_M = 300.0  # "more simplification at national scale": the GeoJSON alternative


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
    recolour_ms: float | None = None  # packed pages: indicator change to repainted polygons in chromium
    change_kb: float | None = None  # packed pages: what an indicator change sends
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


def texts(values, decimals: int = 1) -> list[str]:
    """Tooltip texts of many values: what :func:`geo.map.classify.format_value` gives, the pattern parsed once.

    ``geo.i18n.number`` lets babel parse its number pattern for every value (~25 us each: 90 ms for the 3,475
    wijken); parsing it once and applying it gives the same text in a third of the time.
    """
    pattern = parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    locale = Locale.parse(LOCALES[i18n.current()])
    missing = classify.format_value(None)
    return [missing if pd.isna(v) else pattern.apply(float(v), locale) for v in values]


def _classes(shapes, indicator: str) -> dict:
    """What an indicator change sends to a packed page: class per area (-1 = no data), palette, tooltip texts."""
    values = shapes[indicator].astype(float).reset_index(drop=True)
    c = classify.classify(values, "quantiles", 5)
    return {"classes": list(c.classes), "palette": classify.palette(c.k), "none": classify.NO_DATA_COLOUR,
            "texts": [html.escape(t) for t in texts(values, 1)]}


def packed_change(shapes, indicator: str) -> int:
    """Python work of an indicator change on a packed page (classes and texts as JSON); returns bytes sent."""
    return len(json.dumps(_classes(shapes, indicator), separators=(",", ":")).encode())


def packed_payload(shapes, indicator: str, strategy: map_strategy.MapStrategy, geometry=None) -> str:
    """The data a packed page starts with (shapes packed, names, first indicator) as JSON text."""
    geometry = geometry or packed.pack(shapes.geometry.values, strategy.quantum_m)
    return json.dumps({"shapes": geometry.as_json(), "names": [html.escape(str(n)) for n in shapes["name"]],
                       "bounds": render.bounds_of(shapes), "canvas": strategy.prefer_canvas,
                       **_classes(shapes, indicator)}, separators=(",", ":"), ensure_ascii=False)


PACKED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>packed</title>
<link rel="stylesheet" href="{css}"><script src="{js}"></script>
<style>html,body,#map{{height:100%;margin:0}}</style></head><body><div id="map"></div>
<script>{decoder}
const BK = {data};
const BK_NEXT = {next};
const map = L.map('map', {{preferCanvas: BK.canvas}});
map.fitBounds(BK.bounds);
const shapes = bkDecode(BK.shapes), layers = new Array(shapes.length);
let texts = BK.texts;
function fill(c, d) {{ return c < 0 ? d.none : d.palette[c]; }}
const group = L.featureGroup();
for (let i = 0; i < shapes.length; i++) {{
  if (!shapes[i].length) continue;
  const l = L.polygon(shapes[i], {{weight: 0.4, color: '#666', fillOpacity: 0.75, fillColor: fill(BK.classes[i], BK)}});
  l.bindTooltip(() => BK.names[i] + ': ' + texts[i], {{sticky: true}});
  layers[i] = l; group.addLayer(l);
}}
group.addTo(map);
window.bkRecolour = function (d) {{
  texts = d.texts;
  for (let i = 0; i < layers.length; i++) if (layers[i]) layers[i].setStyle({{fillColor: fill(d.classes[i], d)}});
}};
</script></body></html>"""


def packed_page(shapes, strategy: map_strategy.MapStrategy, geometry=None) -> str:
    """A stand-alone page drawing the packed shapes with Leaflet (local assets), next indicator embedded for timing."""
    data = packed_payload(shapes, "ind_a", strategy, geometry)
    nxt = json.dumps(_classes(shapes, "ind_b"), separators=(",", ":"))
    return PACKED_PAGE.format(css=render.LEAFLET_CSS, js=render.LEAFLET_JS, decoder=packed.DECODER_JS,
                              data=data.replace("</", "<\\/"), next=nxt.replace("</", "<\\/"))


def _measure_packed(name, gdf, variant, strategy, shapes, prep, repeats) -> ScaleRow:
    n, v = len(gdf), datasets.vertex_count(gdf)
    geometry = packed.pack(shapes.geometry.values, strategy.quantum_m)
    payload = len(packed_payload(shapes, "ind_a", strategy, geometry).encode()) + len(packed.DECODER_JS)
    build = median_ms(lambda: packed_payload(shapes, "ind_a", strategy), repeats)
    rerun = median_ms(lambda: packed_change(shapes, "ind_b"), repeats)
    drawn = (f"{len(shapes):,} {strategy.level}, {strategy.renderer}, {strategy.tolerance_m:g} m, packed "
             f"{strategy.quantum_m:g} m grid")
    return ScaleRow(name, variant, n, v, drawn, len(shapes), geometry.vertices, prep, payload / 1024, build,
                    rerun, change_kb=packed_change(shapes, "ind_b") / 1024, html=packed_page(shapes, strategy,
                                                                                              geometry))


def topojson_row(name, gdf, repeats: int = 5) -> ScaleRow:
    """The TopoJSON alternative for the same shapes as "after" (payload and encoding time; not painted)."""
    n, v = len(gdf), datasets.vertex_count(gdf)
    level, _parent = datasets.LEVELS[name]
    strategy = map_strategy.choose(n, v, level, None, map_strategy.extent_of(gdf), packed=True)
    t0 = time.perf_counter()
    shapes = strategy_variants.prepare(gdf, strategy)
    prep = time.perf_counter() - t0

    def encode() -> str:
        topo = topology.topology(shapes.geometry.values, strategy.quantum_m)
        return json.dumps({"topology": topo, "names": [html.escape(str(x)) for x in shapes["name"]],
                           **_classes(shapes, "ind_a")}, separators=(",", ":"), ensure_ascii=False)

    payload = len(encode().encode())
    build = median_ms(encode, max(1, repeats // 2))
    arcs = sum(len(a) for a in topology.topology(shapes.geometry.values, strategy.quantum_m)["arcs"])
    drawn = f"{len(shapes):,} {level}, TopoJSON {strategy.tolerance_m:g} m, {strategy.quantum_m:g} m grid"
    return ScaleRow(name, "alternative: TopoJSON", n, v, drawn, len(shapes), arcs, prep, payload / 1024, build,
                    median_ms(lambda: packed_change(shapes, "ind_b"), repeats),
                    change_kb=packed_change(shapes, "ind_b") / 1024)


def measure(name: str, gdf, variant: str, repeats: int = 5) -> ScaleRow:
    n, v = len(gdf), datasets.vertex_count(gdf)
    level, parent = datasets.LEVELS[name]
    parents = {parent: int(gdf["parent"].nunique())} if parent else None
    extent = map_strategy.extent_of(gdf)
    if variant == "before":
        strategy = strategy_variants.fixed(n, level)
    elif variant == "after, no parent":
        strategy = map_strategy.choose(n, v, level, None, extent, packed=True)
    elif variant == "alternative: GeoJSON":
        strategy = map_strategy.choose(n, v, level, parents, extent)
    elif variant == "alternative: GeoJSON, no parent":
        strategy = map_strategy.choose(n, v, level, None, extent)
    elif variant == "alternative: GeoJSON, coarser":
        fine = map_strategy.choose(n, v, level, None, extent)
        strategy = map_strategy.MapStrategy(level, n, fine.renderer, COARSE_TOLERANCE_M,
                                            map_strategy.decimals_for(COARSE_TOLERANCE_M))
    else:
        strategy = map_strategy.choose(n, v, level, parents, extent, packed=True)
    t0 = time.perf_counter()
    parent_column = "parent" if strategy.level != level else None
    shapes = strategy_variants.prepare(gdf, strategy, parent_column, datasets.INDICATORS)
    prep = time.perf_counter() - t0
    if strategy.encoding == "packed":
        return _measure_packed(name, gdf, variant, strategy, shapes, prep, repeats if len(shapes) < 5000 else 3)
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
        if parent and len(gdf) > map_strategy.PACKED_MAX_FEATURES:
            variants.append("after, no parent")  # what the strategy does when no aggregate level exists
        if name == WIJKEN:
            variants += ["alternative: GeoJSON", "alternative: GeoJSON, no parent", "alternative: GeoJSON, coarser"]
        for variant in variants:
            row = measure(name, gdf, variant, repeats)
            log(f"  scale {name} {variant}: {row.drawn}, {row.payload_kb:,.0f} KB, "
                f"build {row.build_ms:,.0f} ms, rerun {row.rerun_ms:,.0f} ms")
            rows.append(row)
        if name == WIJKEN:
            rows.append(topojson_row(name, gdf, repeats))
            log(f"  scale {name} TopoJSON: {rows[-1].payload_kb:,.0f} KB")
    return rows


WIJKEN = "NL wijken"


def recolour(b, url: str, repeats: int = 5) -> list[float]:
    """Open a packed page; ms from ``bkRecolour`` (the next indicator's classes) to repainted polygons, per run."""
    p = browser.Page(b)
    try:
        p.open_until(url)
        times = []
        for i in range(repeats):
            before = p.signature()
            # Alternate between the two indicators so every run changes the picture.
            data = "BK_NEXT" if i % 2 == 0 else "BK"
            t0 = time.perf_counter()
            p.page.evaluate(f"() => bkRecolour({data})")
            p.page.wait_for_function(f"() => {{ const s = ({browser.SIGNATURE_JS})(); return s !== '' && "
                                     f"s !== {before!r}; }}", polling="raf", timeout=60_000)
            p.settle()
            times.append((time.perf_counter() - t0) * 1000)
        return times
    finally:
        p.close()


def paint(rows: list[ScaleRow], b, repeats: int = 5, log=print) -> None:
    """Time to painted polygons in chromium for each row's page (served locally), median of repeats."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, serve.static_server(Path(tmp)) as url:
        for i, row in enumerate(rows):
            (Path(tmp) / f"{i}.html").write_text(row.html, encoding="utf-8")
            reps = repeats if row.payload_kb < 5_000 else 2
            if not row.html:
                continue  # measured for its payload only
            times = [browser.first_paint(b, f"{url}/{i}.html")[0] for _ in range(reps)]
            row.paint_ms = median(times)
            if row.change_kb is not None:
                row.recolour_ms = median(recolour(b, f"{url}/{i}.html", repeats))
            log(f"  paint {row.dataset} {row.variant}: {row.paint_ms:,.0f} ms"
                + (f", recolour {row.recolour_ms:,.0f} ms" if row.recolour_ms is not None else ""))
