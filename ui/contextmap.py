"""The national context page's data and map: every municipality coloured by one indicator, one outlined.

Built from geo.map's pieces (classification, colours, escaped GeoJSON properties) with its own folium layer,
because the buurt map's tooltip and wijk outlines do not fit municipalities. Drawn as SVG (345 shapes are well
below the count where canvas pays, see geo.map.strategy).
"""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import config, i18n
from geo.catalog import national_columns
from geo.i18n import _
from geo.io import processed
from geo.map import classify, render


def _mtime(path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False)
def _table(mtime: float) -> pd.DataFrame:
    return processed.read_table(config.GEMEENTEN)


@st.cache_resource(show_spinner=False)
def _outlines(mtime: float) -> gpd.GeoDataFrame:
    return processed.read_map_shapes(config.GEMEENTEN_MAP)


@st.cache_resource(show_spinner=False)
def _national_summary(mtime: float) -> dict:
    return processed.read_metadata(config.JOIN_REPORT).get("national", {})


def national_summary() -> dict:
    """What the shipped build recorded about the national table (count, repaired outlines); empty when unbuilt."""
    return _national_summary(_mtime(config.JOIN_REPORT)) if config.JOIN_REPORT.exists() else {}


def ready() -> bool:
    """Whether the municipality files have been built (``make data``)."""
    return config.GEMEENTEN.exists() and config.GEMEENTEN_MAP.exists()


def municipalities() -> pd.DataFrame:
    """The municipality table (shared between sessions: do not mutate)."""
    return _table(_mtime(config.GEMEENTEN))


def outlines() -> gpd.GeoDataFrame:
    """The municipality outlines in EPSG:4326 (shared between sessions: do not mutate)."""
    return _outlines(_mtime(config.GEMEENTEN_MAP))


def value_text(value, indicator: str) -> str:
    """A value as the tooltip shows it: locale number with the unit, or 'no data'."""
    col = national_columns.BY_NAME[indicator]
    if pd.isna(value):
        return _(classify.NO_DATA_LABEL)
    shown = i18n.number(float(value), col.decimals)
    return f"{shown} {col.display_unit()}" if col.extra.get("unit_in_value", True) else shown


def metric_text(value, indicator: str) -> str:
    """A value short enough for a metric, never cut off: the number, with '%' for a share (the unit goes in help)."""
    col = national_columns.BY_NAME[indicator]
    if pd.isna(value):
        return i18n.number(None)
    shown = i18n.number(float(value), col.decimals)
    return f"{shown}%" if col.unit.startswith("%") else shown


def _style(feature: dict) -> dict:
    chosen = feature["properties"]["hl"] > 0
    return {"fillColor": feature["properties"]["fill"], "fillOpacity": 0.8,
            "color": render.HIGHLIGHT_COLOUR if chosen else "#ffffff", "weight": 4 if chosen else 0.5}


@st.cache_data(show_spinner=False, max_entries=64)
def _collection(indicator: str, code: str, lang: str, mtime: float) -> tuple[dict, list]:
    shapes = outlines()
    values = municipalities().set_index("gemeente_code")[indicator].reindex(shapes["gemeente_code"])
    values = values.astype(float).reset_index(drop=True)
    col = national_columns.BY_NAME[indicator]
    classes = classify.classify(values, "quantiles", 5)
    reverse = col.higher_is_worse is False
    with i18n.language(lang):
        texts = [value_text(v, indicator) for v in values]
        legend = classify.legend(classes, col.decimals, reverse)
    fc = render.feature_collection(shapes, "gemeente_code", "gemeente_name", pd.Series(texts),
                                   classify.class_colours(classes, reverse), frozenset({code}))
    return fc, legend


def show(indicator: str, code: str, title: str) -> None:
    """Draw every municipality coloured by ``indicator`` (quantiles), ``code`` outlined, with a legend."""
    lang = i18n.current()
    fc, legend = _collection(indicator, code, lang, _mtime(config.GEMEENTEN_MAP))
    m = folium.Map(location=None, tiles=None, control_scale=True, zoom_control=True)
    m.default_js = [("leaflet", render.LEAFLET_JS)]  # served by the app: the map works offline
    m.default_css = [("leaflet_css", render.LEAFLET_CSS)]
    folium.GeoJson(
        fc, name="gemeenten", style_function=_style,
        tooltip=folium.GeoJsonTooltip(fields=["name", "value"],
                                      aliases=[html.escape(_("Municipality")), html.escape(title)]),
    ).add_to(m)
    m.fit_bounds(render.bounds_of(outlines()))
    left, right = st.columns([4, 1])
    with left:
        st_folium(m, key=f"ctx_map.{lang}", height=620, use_container_width=True, returned_objects=[], render=False)
    with right:
        items = "".join(
            f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0"><span style="width:18px;height:12px;'
            f'background:{render.fill_colour(c)};border:1px solid #888;display:inline-block"></span>'
            f"<span>{html.escape(label)}</span></div>" for c, label in legend)
        st.markdown(f'<div class="bk-legend"><strong>{html.escape(title)}</strong>{items}</div>',
                    unsafe_allow_html=True)
        st.caption(_("Quantiles: the same number of municipalities in each class. Blue outline: the selected "
                     "municipality."))
