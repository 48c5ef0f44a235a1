"""A user's layer drawn over the buurten: points, lines or areas with an escaped label in the tooltip.

Every text that reaches the map (the label of each feature, the column's name, the layer's name)
is HTML-escaped here, so a name such as ``<img src=x onerror=alert(1)>`` shows as text. A layer
with very many features is drawn in part (:data:`MAX_DRAWN`; the page says so); the figures per
buurt always use every feature.

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point
>>> gdf = gpd.GeoDataFrame({"naam": ["<b>x</b>"]}, geometry=[Point(5.98, 50.88)], crs="EPSG:4326")
>>> overlay_collection(gdf, "naam")["features"][0]["properties"]["label"]
'&lt;b&gt;x&lt;/b&gt;'
"""

from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
import pandas as pd

from geo.map.classify import format_value
from geo.map.render import fill_colour

MAX_DRAWN = 10_000  # features drawn on the map; more would make the page slow in the browser
SIMPLIFY_DEG = 0.00002  # about 2 m: lines and areas drawn lighter, invisibly so at city scale
# One colour per layer, in upload order (ColorBrewer Dark2: distinct from the choropleth's yellow-red ramp).
COLOURS = ("#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#d95f02")


def colour_of(position: int) -> str:
    """The colour of the layer at ``position`` (cycling through :data:`COLOURS`)."""
    return COLOURS[position % len(COLOURS)]


def label_texts(gdf: gpd.GeoDataFrame, column: str | None, decimals: int = 1) -> list[str]:
    """The label of each feature as shown: the value in ``column`` (a number in the locale), escaped."""
    if column is None or column not in gdf:
        return [""] * len(gdf)
    values = gdf[column]
    if pd.api.types.is_numeric_dtype(values):
        return [html.escape(format_value(v, decimals)) for v in values]
    return [html.escape("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)[:200]) for v in values]


def overlay_collection(gdf: gpd.GeoDataFrame, column: str | None) -> dict:
    """GeoJSON of (at most :data:`MAX_DRAWN`) features with only their escaped label as a property."""
    drawn = gdf.iloc[:MAX_DRAWN]
    geometry = drawn.geometry
    if not geometry.geom_type.isin(["Point", "MultiPoint"]).all():
        geometry = geometry.simplify(SIMPLIFY_DEG, preserve_topology=True)
    shapes = json.loads(gpd.GeoSeries(geometry.values, crs=drawn.crs).to_json(drop_id=True))["features"]
    features = [{"type": "Feature", "geometry": f["geometry"], "properties": {"label": label}}
                for f, label in zip(shapes, label_texts(drawn, column), strict=True)]
    return {"type": "FeatureCollection", "features": features}


def overlay_layer(gdf: gpd.GeoDataFrame, column: str | None, name: str, column_title: str,
                  colour: str = COLOURS[0]) -> folium.FeatureGroup:
    """A map layer of the user's features: circle markers for points, outlined areas, lines; label on hover.

    Parameters
    ----------
    gdf : GeoDataFrame
        The layer in EPSG:4326.
    column : str or None
        The column whose value labels each feature (None: the layer's name only).
    name : str
        The layer's name (the file name), shown escaped.
    column_title : str
        What the label is called in the tooltip (the column's name), shown escaped.
    colour : str
        ``#rrggbb``.

    Returns
    -------
    folium.FeatureGroup
    """
    colour = fill_colour(colour)
    collection = overlay_collection(gdf, column)
    group = folium.FeatureGroup(name=html.escape(name))
    style = {"color": colour, "weight": 2, "fillColor": colour, "fillOpacity": 0.25, "opacity": 0.9}
    title = html.escape(column_title) if column is not None else html.escape(name)
    folium.GeoJson(
        collection,
        name=html.escape(name),
        style_function=lambda _feature: style,
        marker=folium.CircleMarker(radius=5, color=colour, fill=True, fill_color=colour, fill_opacity=0.8, weight=1),
        tooltip=folium.GeoJsonTooltip(fields=["label"], aliases=[title], labels=True, sticky=True),
    ).add_to(group)
    return group
