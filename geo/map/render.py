"""Building the folium map: small GeoJSON payloads, local Leaflet assets, escaped text.

Only what the browser needs goes into a feature: code, escaped name, escaped
value text and fill colour. Leaflet's JS/CSS come from the app's own static
folder, so the map works without internet.
"""

from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
import pandas as pd

from geo import config
from geo.i18n import _

LEAFLET_JS = f"{config.STATIC_URL}/vendor/leaflet/leaflet.js"
LEAFLET_CSS = f"{config.STATIC_URL}/vendor/leaflet/leaflet.css"
HIGHLIGHT_COLOUR = "#1f4e9c"


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


def build_map(buurt_geojson: dict, wijk_geojson: dict | None, bounds: list[list[float]], value_label: str,
              tiles: bool = True, prefer_canvas: bool = False) -> folium.Map:
    """A folium map of buurten (choropleth) with wijk outlines on top.

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
        Draw with Leaflet's canvas renderer instead of one SVG path per shape
        (see geo.map.strategy: quicker above about a thousand shapes).

    The tooltip's and the attribution's words are in the language in force.
    """
    m = _BoundedMap(
        bounds, location=None, tiles=None, control_scale=True, prefer_canvas=prefer_canvas, zoom_control=True
    )
    # Serve Leaflet from the app itself; folium's CDN defaults would fail offline.
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    if tiles:
        attribution = html.escape(_("© OpenStreetMap contributors"))
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", attr=attribution).add_to(m)
    folium.GeoJson(
        buurt_geojson,
        name="buurten",
        style_function=_buurt_style,
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "value"], aliases=[html.escape(_("Buurt")), html.escape(value_label)], labels=True
        ),
        zoom_on_click=False,
    ).add_to(m)
    if wijk_geojson is not None:
        folium.GeoJson(wijk_geojson, name="wijken", style_function=_wijk_style, interactive=False).add_to(m)
    m.fit_bounds(bounds)
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
