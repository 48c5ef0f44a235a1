"""Building the folium map: small GeoJSON payloads, local Leaflet assets, escaped text.

Only what the browser needs goes into a feature: code, escaped name, escaped
value text and fill colour. Leaflet's JS/CSS come from the app's own static
folder, so the map works without internet.

The map is built in two parts so the browser can keep it mounted: :func:`base_map`
(background, wijk outlines, extent: the same for every indicator and level) and
:func:`choropleth_layer` (the coloured areas with their tooltips: the part that
changes). The app hands the layer to st_folium's ``feature_group_to_add``, which
swaps it inside the living Leaflet map: zoom and pan stay, nothing reloads.
"""

from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
import pandas as pd
import xyzservices
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo import config
from geo.i18n import _

LEAFLET_JS = f"{config.STATIC_URL}/vendor/leaflet/leaflet.js"
LEAFLET_CSS = f"{config.STATIC_URL}/vendor/leaflet/leaflet.css"
HIGHLIGHT_COLOUR = "#1f4e9c"
# The wijk outlines have a pane of their own above the choropleth (Leaflet's overlay pane is at z-index 400), so a
# choropleth swapped in later is still drawn under them; the pane lets clicks through to the areas below.
OUTLINE_PANE = "wijk_outlines"
OUTLINE_Z_INDEX = 450
CHOROPLETH_LAYER = "choropleth"
# Looked up once: given a name or URL, folium searches xyzservices' whole catalogue on every map it builds.
OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik
HOVER_STYLE = {"weight": 3, "color": "#000000"}


def _geometry_json(geom) -> dict:
    return json.loads(gpd.GeoSeries([geom]).to_json(drop_id=True))["features"][0]["geometry"]


def geometries(shapes: gpd.GeoDataFrame) -> list[dict]:
    """GeoJSON geometry of each shape; the same for every indicator, so callers may cache it."""
    return [f["geometry"] for f in json.loads(shapes[["geometry"]].to_json(drop_id=True))["features"]]


def feature_collection(shapes: gpd.GeoDataFrame, code_column: str, name_column: str,
                       value_text: pd.Series, fill: list[str], highlight: frozenset[str] = frozenset(),
                       geometry: list[dict] | None = None) -> dict:
    """GeoJSON of the shapes with only the properties the map shows.

    Parameters
    ----------
    shapes : GeoDataFrame
        Simplified shapes in EPSG:4326.
    code_column, name_column : str
        Columns with the region code and name.
    value_text : Series
        The value as shown in the tooltip, aligned with ``shapes``.
    fill : list of str
        Fill colour per shape.
    highlight : frozenset of str
        Codes drawn with a thick outline (e.g. chosen buurten).
    geometry : list of dict, optional
        :func:`geometries` of ``shapes``, when the caller has it cached (saves
        re-encoding the shapes on every indicator change).

    Returns
    -------
    dict
        A FeatureCollection; names and values are HTML-escaped because Leaflet
        tooltips insert them as HTML.
    """
    if geometry is None:
        geometry = geometries(shapes)
    elif len(geometry) != len(shapes):
        raise ValueError(f"{len(geometry)} geometries for {len(shapes)} shapes")
    features = []
    for geom, code, name, text, colour in zip(
        geometry, shapes[code_column], shapes[name_column], value_text, fill, strict=True
    ):
        features.append(
            {
                "type": "Feature",
                "geometry": geom,
                "properties": {
                    "code": html.escape(str(code)),
                    "name": html.escape(str(name)),
                    "value": html.escape(str(text)),
                    "fill": fill_colour(colour),
                    # 1 = chosen, -1 = not chosen while others are (drawn faint), 0 = no choice made
                    "hl": 1 if code in highlight else (-1 if highlight else 0),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def fill_colour(colour: str) -> str:
    """Accept only #rrggbb colours so nothing else reaches the style code."""
    c = str(colour)
    if len(c) == 7 and c.startswith("#") and all(ch in "0123456789abcdefABCDEF" for ch in c[1:]):
        return c
    raise ValueError(f"not a #rrggbb colour: {colour!r}")


def _buurt_style(feature: dict) -> dict:
    props = feature["properties"]
    return {
        "fillColor": props["fill"],
        "fillOpacity": 0.3 if props["hl"] < 0 else 0.75,
        "color": HIGHLIGHT_COLOUR if props["hl"] > 0 else "#ffffff",
        "weight": 4 if props["hl"] > 0 else 0.8,
    }


def _wijk_style(_feature: dict) -> dict:
    return {"fill": False, "color": "#333333", "weight": 1.8, "opacity": 0.9}


def encode(geojson: dict | str) -> str:
    """GeoJSON as JSON text safe to put into script code (``<``, ``>``, ``&`` as unicode escapes)."""
    text = geojson if isinstance(geojson, str) else json.dumps(geojson, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Text(Element):
    """Script text put into the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _ScriptOnly(MacroElement):
    """A MacroElement with only a script, rendered without a second pass.

    branca puts a rendered script into the page as a new template, so Jinja would
    parse all the GeoJSON of a layer again on every render (the larger part of a
    rerun's Python time) and would read any ``{{`` in the data as template code.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("a map layer is rendered inside a folium map")
        figure.script.add_child(_Text(self._template.module.script(self, kwargs)), name=self.get_name())


class _Choropleth(_ScriptOnly):
    """Coloured areas with a tooltip and a hover outline, from GeoJSON encoded once.

    What folium.GeoJson with a style function, highlight function and
    GeoJsonTooltip draws, without its per-render work (re-encoding the data,
    grouping the features by style, one template compile per tooltip): the fill
    travels as a property, the outline follows ``hl`` (see :func:`_buurt_style`).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            style: function (f) {
                return Object.assign({fillColor: f.properties.fill}, {{ this.styles|tojson }}[String(f.properties.hl)]);
            },
            onEachFeature: function (f, layer) {
                layer.bindTooltip(
                    '<table class="bk-tip"><tr><th>' + {{ this.area|tojson }} + '</th><td>' + f.properties.name
                    + '</td></tr><tr><th>' + {{ this.value_label|tojson }} + '</th><td>' + f.properties.value
                    + '</td></tr></table>', {sticky: true});
                layer.on({
                    mouseover: function (e) { e.target.setStyle({{ this.hover|tojson }}); },
                    mouseout: function (e) { {{ this.get_name() }}.resetStyle(e.target); }
                });
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """)

    def __init__(self, geojson: dict | str, area: str, value_label: str):
        super().__init__()
        self._name = "choropleth_areas"
        self.data = encode(geojson)
        self.area, self.value_label = html.escape(area), html.escape(value_label)
        self.styles = {}
        for hl in (-1, 0, 1):
            style = _buurt_style({"properties": {"fill": "#000000", "hl": hl}})
            style.pop("fillColor")
            self.styles[str(hl)] = style
        self.hover = HOVER_STYLE


class _Outlines(_ScriptOnly):
    """Outlines that let clicks through, in their own pane, from GeoJSON encoded once."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            pane: {{ this.pane|tojson }}, interactive: false, style: {{ this.style|tojson }}
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """)

    def __init__(self, geojson: dict | str, pane: str):
        super().__init__()
        self._name = "outlines"
        self.data = encode(geojson)
        self.pane = pane
        self.style = _wijk_style({})


class _BoundedMap(folium.Map):
    """A folium Map that knows its bounds.

    st_folium asks every map for ``get_bounds()``, which folium answers by walking
    every coordinate of every layer in Python: 40% of st_folium's time on each
    rerun for Heerlen, more for larger maps. The bounds are known when the map is built.
    """

    def __init__(self, bounds: list[list[float]], **kwargs):
        super().__init__(**kwargs)
        self._known_bounds = [list(map(float, bounds[0])), list(map(float, bounds[1]))]

    def get_bounds(self) -> list[list[float]]:
        return [list(self._known_bounds[0]), list(self._known_bounds[1])]


def base_map(wijk_geojson: dict | str | None, bounds: list[list[float]], tiles: bool = True,
             prefer_canvas: bool = False) -> folium.Map:
    """The part of the map that does not depend on the indicator or the level.

    Parameters
    ----------
    wijk_geojson : dict, str or None
        Wijk outlines (not clickable, so clicks reach the areas below), drawn in
        :data:`OUTLINE_PANE` above any choropleth; a str is GeoJSON already
        encoded (:func:`encode`), as a cache keeps it.
    bounds : list
        [[south, west], [north, east]] to fit.
    tiles : bool
        Add an OpenStreetMap background (needs internet; the areas show without it).
    prefer_canvas : bool
        Draw with Leaflet's canvas renderer instead of one SVG path per shape
        (see geo.map.strategy: quicker above about a thousand shapes).

    Returns
    -------
    folium.Map
        Its script is the same for the same arguments and language (the
        attribution is text), so st_folium keeps the map mounted across reruns.
    """
    m = _BoundedMap(
        bounds, location=None, tiles=None, control_scale=True, prefer_canvas=prefer_canvas, zoom_control=True
    )
    # Serve Leaflet from the app itself; folium's CDN defaults would fail offline.
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    if tiles:
        attribution = html.escape(_("© OpenStreetMap contributors"))
        folium.TileLayer(OSM_TILES, name="OpenStreetMap", attr=attribution).add_to(m)
    if wijk_geojson is not None:
        folium.map.CustomPane(OUTLINE_PANE, z_index=OUTLINE_Z_INDEX, pointer_events=False).add_to(m)
        _Outlines(wijk_geojson, OUTLINE_PANE).add_to(m)
    m.fit_bounds(bounds)
    return m


def choropleth_layer(geojson: dict | str, value_label: str, area_label: str | None = None) -> folium.FeatureGroup:
    """The coloured areas with their tooltips, as one layer that can be swapped in a living map.

    Parameters
    ----------
    geojson : dict or str
        From :func:`feature_collection` (buurten or wijken), or that encoded by :func:`encode`.
    value_label : str
        Label of the value in the tooltip, in the user's language (escaped here).
    area_label : str, optional
        What an area is called in the tooltip ('Buurt', 'Wijk'), in the user's
        language; 'Buurt' when not given.

    Returns
    -------
    folium.FeatureGroup
        Named :data:`CHOROPLETH_LAYER`; add it to a :func:`base_map` or give it
        to st_folium's ``feature_group_to_add``.
    """
    layer = folium.FeatureGroup(name=CHOROPLETH_LAYER)
    _Choropleth(geojson, area_label if area_label is not None else _("Buurt"), value_label).add_to(layer)
    return layer


def build_map(buurt_geojson: dict, wijk_geojson: dict | None, bounds: list[list[float]], value_label: str,
              tiles: bool = True, prefer_canvas: bool = False) -> folium.Map:
    """A folium map of buurten (choropleth) with wijk outlines on top, in one piece.

    :func:`base_map` with :func:`choropleth_layer` added: what a browser receives on
    a first visit (the app sends the two parts side by side, see ui/mapview.py).

    Parameters
    ----------
    buurt_geojson : dict
        From :func:`feature_collection`.
    wijk_geojson : dict or None
        Wijk outlines (not clickable, so clicks reach the buurt below).
    bounds : list
        [[south, west], [north, east]] to fit.
    value_label : str
        Label of the value in the tooltip, in the user's language (escaped here).
    tiles : bool
        Add an OpenStreetMap background (needs internet; the buurten show without it).
    prefer_canvas : bool
        Canvas renderer instead of SVG (see :func:`base_map`).

    The tooltip's and the attribution's words are in the language in force.
    """
    m = base_map(wijk_geojson, bounds, tiles=tiles, prefer_canvas=prefer_canvas)
    choropleth_layer(buurt_geojson, value_label).add_to(m)
    return m


def bounds_of(shapes: gpd.GeoDataFrame) -> list[list[float]]:
    """[[south, west], [north, east]] of a layer in EPSG:4326."""
    minx, miny, maxx, maxy = shapes.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def wijk_collection(wijken: gpd.GeoDataFrame) -> dict:
    """GeoJSON of wijk outlines with escaped names."""
    geo = json.loads(wijken[["geometry"]].to_json(drop_id=True))
    for feature, code, name in zip(geo["features"], wijken["wijk_code"], wijken["wijk_name"], strict=True):
        feature["properties"] = {"code": html.escape(str(code)), "name": html.escape(str(name))}
    return geo


def payload_bytes(m: folium.Map) -> int:
    """Size of the rendered map HTML in bytes: roughly what the browser receives."""
    return len(m.get_root().render().encode("utf-8"))
