"""A map that recolours in the browser: shapes sent once, every indicator's classes and texts beside them.

The Map explorer's map is a Streamlit component (``ui/livemap.py``) whose script
(:data:`LIVE_JS`) keeps one Leaflet map alive in the page. It receives, per level,
the shapes once (packed, :mod:`geo.map.packed`) and for every indicator the picker
offers a small *layer*: a palette, each area's class in it, each area's tooltip
text and the legend rows (:func:`indicator_layer`). Choosing another indicator in
the map's own picker restyles the polygons in place, at once, without asking the
server; the choice then goes back to Python (legend captions, profile, link follow).

Everything here is plain data for ``json.dumps``. Texts stay unescaped: the
script puts them into the page only as text nodes (``textContent``), never as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from geo.map import classify, packed
from geo.map.render import fill_colour

HOVER = {"weight": 3, "color": "#000000"}
AREA_STYLE = {"weight": 0.8, "color": "#ffffff", "fillOpacity": 0.75, "opacity": 1}
OUTLINE_STYLE = {"fill": False, "color": "#333333", "weight": 1.8, "opacity": 0.9}


UNIT_MARK = "\t"  # stands for " <unit>" in a layer's texts (a tab is in no number, unit or band we write)


def indicator_layer(values: pd.Series, texts: Sequence[str], scheme: str, k: int, decimals: int = 0,
                    reverse: bool = False, unit: str = "") -> dict:
    r"""One indicator's colours, tooltip texts and legend for the areas in ``values``' order.

    Parameters
    ----------
    values : Series
        The indicator per area (NaN: no data), in the shapes' order.
    texts : sequence of str
        The tooltip's value text per area, in the user's language (:func:`geo.map.tooltip.value_texts`).
    scheme, k : str, int
        The classification (:data:`geo.map.classify.SCHEMES`) and the number of classes.
    decimals : int
        Decimals of the legend's class bounds.
    reverse : bool
        Dark = low (a figure where lower is worse, e.g. income).
    unit : str
        The unit the texts write after the number: sent once as ``u``, each text's first
        ``" " + unit`` replaced by :data:`UNIT_MARK` (57 buurten times 41 indicators of
        "m³ per woning per jaar" would be most of the payload). The script puts it back.

    Returns
    -------
    dict
        ``p``: the palette (``#rrggbb``), ``c``: each area's index into it, ``t``: the
        texts, ``u``: the unit, ``legend``: ``[colour, label]`` rows as
        :func:`geo.map.classify.legend`.

    Examples
    --------
    >>> layer = indicator_layer(pd.Series([1.0, None, 3.0]), ["1 m³", "–", "3 m³"], "equal_interval", 2, unit="m³")
    >>> [layer["p"][c] for c in layer["c"]][1] == classify.NO_DATA_COLOUR
    True
    >>> layer["t"], layer["u"], layer["legend"][-1][0] == classify.NO_DATA_COLOUR
    (['1\t', '–', '3\t'], ' m³', True)
    """
    if len(texts) != len(values):
        raise ValueError(f"{len(texts)} texts for {len(values)} areas")
    return {**class_layer(values, scheme, k, decimals, reverse), **text_layer(texts, unit)}


def class_layer(values: pd.Series, scheme: str, k: int, decimals: int = 0, reverse: bool = False) -> dict:
    """The colour part of :func:`indicator_layer` (``p``, ``c``, ``legend``): what a classification change redoes.

    Examples
    --------
    >>> class_layer(pd.Series([1.0, 2.0]), "equal_interval", 2)["c"]
    [0, 1]
    """
    values = pd.Series(values, dtype=float).reset_index(drop=True)
    classes = classify.classify(values, scheme, k)
    colours = [fill_colour(c) for c in classify.class_colours(classes, reverse)]
    palette = list(dict.fromkeys(colours))
    index = {c: i for i, c in enumerate(palette)}
    return {"p": palette, "c": [index[c] for c in colours],
            "legend": [[fill_colour(c), str(label)] for c, label in classify.legend(classes, decimals, reverse)]}


def text_layer(texts: Sequence[str], unit: str = "") -> dict:
    r"""The tooltip part of :func:`indicator_layer` (``t``, ``u``): the same for every classification.

    Examples
    --------
    >>> text_layer(["12 %", "–"], "%")
    {'t': ['12\t', '–'], 'u': ' %'}
    """
    suffix = f" {unit}" if unit else ""
    return {"t": [str(t).replace(suffix, UNIT_MARK, 1) if suffix else str(t) for t in texts], "u": suffix}


def shapes_payload(shapes: gpd.GeoDataFrame, code_column: str, name_column: str, quantum_m: float) -> dict:
    """The areas as the script draws them: packed outlines (EPSG:4326), codes and names in the same order.

    Examples
    --------
    >>> import shapely
    >>> gdf = gpd.GeoDataFrame({"c": ["BU1"], "n": ["<b>A</b>"]}, geometry=[shapely.box(5.9, 50.8, 5.91, 50.81)],
    ...                        crs="EPSG:4326")
    >>> p = shapes_payload(gdf, "c", "n", 2.0)
    >>> p["codes"], p["names"], p["packed"]["count"]
    (['BU1'], ['<b>A</b>'], 1)
    """
    if shapes.crs is not None and shapes.crs.to_epsg() != 4326:
        raise ValueError(f"the map's shapes must be in EPSG:4326, not {shapes.crs}")
    return {"packed": packed.pack(shapes.geometry, quantum_m).as_json(),
            "codes": [str(c) for c in shapes[code_column]], "names": [str(n) for n in shapes[name_column]]}


def styles() -> dict:
    """The fixed styles the script uses: areas, hover outline and wijk outlines."""
    return {"area": AREA_STYLE, "hover": HOVER, "outline": OUTLINE_STYLE}


# The component's script: Leaflet from the app's static folder, one map per mounted element, kept across reruns.
# Called by Streamlit with new data after every rerun that changed it; restyles, never rebuilds what it has.
LIVE_JS = packed.DECODER_JS + r"""
let leafletLoading = null;
function loadLeaflet(d) {
  if (window.L) return Promise.resolve();
  if (!leafletLoading) {
    leafletLoading = new Promise((resolve, reject) => {
      let waiting = 2;
      const done = () => { if (--waiting === 0) resolve(); };
      const css = document.createElement('link');
      css.rel = 'stylesheet'; css.href = d.leaflet_css; css.onload = done; css.onerror = done;
      document.head.appendChild(css);
      const js = document.createElement('script');
      js.src = d.leaflet_js; js.onload = done;
      js.onerror = () => { leafletLoading = null; reject(new Error('Leaflet did not load')); };
      document.head.appendChild(js);
    });
  }
  return leafletLoading;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function build(root) {
  const box = el('div', 'bk-live');
  const controls = el('div', 'bk-live-controls');
  const label = el('label', 'bk-live-label');
  const caption = el('span', 'bk-live-caption');
  const select = el('select', 'bk-live-select');
  select.id = 'bk-live-select-' + Math.random().toString(36).slice(2);
  label.htmlFor = select.id;
  label.appendChild(caption);
  const meaning = el('p', 'bk-live-meaning');
  meaning.id = select.id + '-meaning';
  select.setAttribute('aria-describedby', meaning.id);
  controls.append(label, select, meaning);
  const body = el('div', 'bk-live-body');
  const map = el('div', 'bk-live-map');
  const side = el('div', 'bk-live-side');
  const legend = el('div', 'bk-legend');
  legend.setAttribute('aria-live', 'polite');
  side.append(legend, el('div', 'bk-live-notes'));
  body.append(map, side);
  box.append(controls, body);
  root.appendChild(box);
  return {box, caption, select, meaning, mapDiv: map, legend,
          notes: side.querySelector('.bk-live-notes'), seq: 0, indicator: null, areas: [], shapesKey: null,
          outlinesKey: null, optionsKey: null, tilesKey: null, map: null};
}

function tip(s, i) {
  const d = s.d, layer = d.layers[s.indicator];
  const t = el('table', 'bk-tip');
  const row = (head, cell) => {
    const r = el('tr');
    r.append(el('th', '', head), el('td', '', cell));
    t.appendChild(r);
  };
  row(d.texts.area, d.shapes.names[i]);
  row(d.titles[s.indicator] || '', layer ? layer.t[i].replace('\t', layer.u) : '');
  return t;
}

function drawAreas(s) {
  const d = s.d;
  for (const a of s.areas) if (a) a.remove();
  s.areas = [];
  const shapes = bkDecode(d.shapes.packed);
  shapes.forEach((polys, i) => {
    if (!polys.length) { s.areas.push(null); return; }
    const a = L.polygon(polys, Object.assign({}, d.styles.area, {fillColor: '#bdbdbd'}));
    a.bindTooltip(() => tip(s, i), {sticky: true});
    a.on('mouseover', () => a.setStyle(d.styles.hover));
    a.on('mouseout', () => a.setStyle({weight: d.styles.area.weight, color: d.styles.area.color}));
    a.on('click', () => s.trigger('clicked', d.shapes.codes[i]));
    a.addTo(s.map);
    s.areas.push(a);
  });
}

function drawOutlines(s) {
  const d = s.d;
  if (s.outlines) s.outlines.remove();
  s.outlines = null;
  if (!d.outlines) return;
  const style = Object.assign({pane: 'bk-outlines', interactive: false}, d.styles.outline);
  s.outlines = L.layerGroup(bkDecode(d.outlines.packed).filter(p => p.length).map(p => L.polygon(p, style)));
  s.outlines.addTo(s.map);
}

function setTiles(s) {
  const d = s.d, key = d.tiles ? d.tiles.url + '|' + d.tiles.attribution : '';
  if (key === s.tilesKey) return;
  if (s.tiles) s.tiles.remove();
  s.tiles = d.tiles ? L.tileLayer(d.tiles.url, {attribution: d.tiles.attribution, maxZoom: d.tiles.max_zoom})
    .addTo(s.map) : null;
  s.tilesKey = key;
}

function setOptions(s) {
  const d = s.d, key = JSON.stringify(d.options.map(o => [o, d.titles[o]]));  // codes and their words
  if (key === s.optionsKey) return;
  s.select.replaceChildren(...d.options.map(o => { const e = el('option', '', d.titles[o]); e.value = o; return e; }));
  s.optionsKey = key;
}

function restyle(s) {
  const d = s.d, layer = d.layers[s.indicator];
  if (!layer) return;
  s.areas.forEach((a, i) => { if (a) a.setStyle({fillColor: layer.p[layer.c[i]]}); });
  s.select.value = s.indicator;
  s.meaning.textContent = d.meanings[s.indicator] || '';
  const legend = [el('strong', '', d.titles[s.indicator] || '')];
  for (const [colour, label] of layer.legend) {
    const row = el('div', 'bk-legend-row'), swatch = el('span', 'bk-swatch');
    swatch.style.background = colour;
    row.append(swatch, el('span', '', label));
    legend.push(row);
  }
  s.legend.replaceChildren(...legend);
  s.notes.replaceChildren(...(d.notes[s.indicator] || []).map(n => el('p', 'bk-live-note', n)));
}

function update(s) {
  const d = s.d;
  s.caption.textContent = d.texts.label;
  if (!s.map) {
    s.map = L.map(s.mapDiv, {preferCanvas: !!d.canvas, zoomControl: true});
    L.control.scale().addTo(s.map);
    const pane = s.map.createPane('bk-outlines');
    pane.style.zIndex = 450; pane.style.pointerEvents = 'none';
    s.box.bkMap = s.map;
  }
  // Fit the extent once, and again only when it changes (other shapes: a level change keeps zoom and pan).
  const bounds = JSON.stringify(d.bounds);
  if (bounds !== s.boundsKey) { s.map.fitBounds(d.bounds); s.boundsKey = bounds; }
  setTiles(s);
  if (d.shapes_key !== s.shapesKey) { drawAreas(s); s.shapesKey = d.shapes_key; }
  if (d.outlines_key !== s.outlinesKey) { drawOutlines(s); s.outlinesKey = d.outlines_key; }
  setOptions(s);
  // The server's choice counts unless the user has chosen since (a newer choice is on its way).
  if (d.ack >= s.seq || !(s.indicator in d.layers)) { s.indicator = d.chosen; s.seq = Math.max(s.seq, d.ack); }
  restyle(s);
}

export default function (component) {
  const {data, parentElement} = component;
  let s = parentElement.bkLive;
  if (!s) {
    s = parentElement.bkLive = build(parentElement);
    s.seq = data.ack;
    s.select.addEventListener('change', () => {
      if (!(s.select.value in s.d.layers)) return;
      s.indicator = s.select.value;
      s.seq += 1;
      restyle(s);
      const choice = {indicator: s.indicator, seq: s.seq};
      // Tell the server after the frame with the new colours is painted.
      requestAnimationFrame(() => setTimeout(() => s.setState('choice', choice), 0));
    });
  }
  s.setState = component.setStateValue;
  s.trigger = component.setTriggerValue;
  s.d = data;
  loadLeaflet(data).then(() => {
    update(s);
    if (!s.resize) {  // the page's width changes (sidebar, window): Leaflet must measure its box again
      s.resize = new ResizeObserver(() => s.map.invalidateSize());
      s.resize.observe(s.mapDiv);
    }
  }).catch(e => { s.box.textContent = String(e); });
  // No cleanup function: Streamlit runs one at once when newer data came while this call was starting, which
  // would take down the map this call keeps; the map goes with its element when that leaves the page.
}
"""

LIVE_CSS = """
.bk-live { font-family: var(--st-font, inherit); color: var(--st-text-color, inherit); }
.bk-live-controls { margin-bottom: 0.5rem; }
.bk-live-label { display: block; font-size: 0.875rem; margin-bottom: 0.25rem; }
.bk-live-select { width: 100%; font: inherit; padding: 0.45rem 0.6rem; border-radius: 0.5rem;
  border: 1px solid var(--st-border-color, #ccc); background: var(--st-secondary-background-color, #f0f2f6);
  color: inherit; }
.bk-live-select:focus-visible { outline: 2px solid var(--st-primary-color, #ff4b4b); outline-offset: 1px; }
.bk-live-meaning { font-size: 0.875rem; opacity: 0.75; margin: 0.4rem 0 0; }
.bk-live-body { display: flex; gap: 1rem; align-items: flex-start; }
.bk-live-map { flex: 4 1 0; height: 560px; min-width: 0; }
.bk-live-side { flex: 1 1 0; min-width: 9rem; font-size: 0.875rem; }
.bk-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.bk-swatch { width: 18px; height: 12px; border: 1px solid #888; display: inline-block; flex: none; }
.bk-live-note { opacity: 0.75; margin: 0.5rem 0 0; }
.bk-tip th { text-align: left; padding-right: 0.5rem; }
@media (max-width: 640px) { .bk-live-body { flex-direction: column; } .bk-live-map { width: 100%; flex: none; } }
"""
