"""The map widget: cached GeoJSON per (indicator, classification, settings), drawn with st_folium.

What does not depend on the indicator is cached once per processed file (the
buurt geometries as GeoJSON, the wijk outlines, the drawing strategy), so an
indicator change only recolours: classify, properties, folium, st_folium.
"""

from __future__ import annotations

import html

import streamlit as st
from streamlit_folium import st_folium

from geo import config
from geo.catalog import dictionary
from geo.map import classify, render, tooltip
from geo.map import strategy as map_strategy
from ui import data, settings


@st.cache_resource(show_spinner=False)
def _geometries(mtime: float) -> list[dict]:
    """Buurt geometries as GeoJSON, encoded once (shared read-only between sessions)."""
    shapes, _ = data.map_shapes()
    return render.geometries(shapes)


@st.cache_data(show_spinner=False, max_entries=4)
def wijk_outlines(mtime: float) -> dict:
    """Wijk outline GeoJSON: the same for every indicator."""
    _, wijken = data.map_shapes()
    return render.wijk_collection(wijken)


@st.cache_data(show_spinner=False, max_entries=4)
def strategy(mtime: float) -> map_strategy.MapStrategy:
    """How to draw the buurten (renderer etc.), from their count and vertex count (geo.map.strategy)."""
    shapes, _ = data.map_shapes()
    return map_strategy.choose(len(shapes), int(shapes.geometry.count_coordinates().sum()),
                               extent_m=map_strategy.extent_of(shapes))


def _shapes_mtime() -> float:
    return data._mtime(config.BUURTEN_MAP)


@st.cache_data(show_spinner=False, max_entries=128)
def choropleth(indicator: str, scheme: str, k: int, settings_key,
               highlight: frozenset = frozenset()) -> tuple[dict, list, dict]:
    """Buurt GeoJSON, legend rows and wijk GeoJSON for one indicator under the current settings."""
    shapes, _ = data.map_shapes()
    table = data.current_table().reindex(shapes["buurt_code"])
    col = dictionary.BY_NAME[indicator]
    values = table[indicator].astype(float).reset_index(drop=True)
    classes = classify.classify(values, scheme, k)
    reverse = col.higher_is_worse is False  # low income etc.: dark = worse
    texts = tooltip.value_texts(table, indicator)
    mtime = _shapes_mtime()
    buurt_fc = render.feature_collection(
        shapes, "buurt_code", "buurt_name", texts, classify.class_colours(classes, reverse), highlight,
        geometry=_geometries(mtime),
    )
    return buurt_fc, classify.legend(classes, col.decimals, reverse), wijk_outlines(mtime)


def legend_html(rows: list[tuple[str, str]], title: str) -> str:
    """A small HTML legend; the labels are numbers we formatted, the title is escaped."""
    items = "".join(
        f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
        f'<span style="width:18px;height:12px;background:{render.fill_colour(c)};'
        'border:1px solid #888;display:inline-block"></span>'
        f"<span>{html.escape(label)}</span></div>"
        for c, label in rows
    )
    return f'<div class="bk-legend"><strong>{html.escape(title)}</strong>{items}</div>'


def show_map(indicator: str, scheme: str, k: int, tiles: bool, highlight: frozenset = frozenset(),
             key: str = "buurt_map") -> str | None:
    """Draw the choropleth and its legend; return the code of the clicked buurt, if any."""
    buurt_fc, legend, wijk_fc = choropleth(indicator, scheme, k, settings.current(), highlight)
    shapes, _ = data.map_shapes()
    col = dictionary.BY_NAME[indicator]
    how = strategy(_shapes_mtime())
    m = render.build_map(buurt_fc, wijk_fc, render.bounds_of(shapes), f"{col.label} ({col.unit})", tiles=tiles,
                          prefer_canvas=how.prefer_canvas)
    left, right = st.columns([4, 1])
    with left:
        # render=False: st_folium renders the map itself right after; its own pre-render
        # pass gives identical output and costs a third of its time (make bench).
        out = st_folium(m, key=key, height=560, use_container_width=True, returned_objects=["last_active_drawing"],
                        render=False)
    with right:
        st.markdown(legend_html(legend, f"{col.label} ({col.unit})"), unsafe_allow_html=True)
        if col.kind != dictionary.MEASURED:
            st.caption(f"This figure is {col.kind}: see Data & method.")
    clicked = (out or {}).get("last_active_drawing") or {}
    return (clicked.get("properties") or {}).get("code")


@st.fragment
def highlighted_map(key: str, highlight: frozenset, default_indicator: str, caption: str) -> None:
    """A map with its own colour picker where ``highlight`` buurten get a blue outline (Retrofit, New-build).

    A fragment: changing its colour or background reruns only the map.
    """
    i1, i2 = st.columns([3, 1])
    options = dictionary.map_indicators()
    st.session_state.setdefault(f"{key}.indicator", default_indicator if default_indicator in options else options[0])
    indicator = i1.selectbox("Map colour", options, key=f"{key}.indicator",
                             format_func=lambda c: f"{dictionary.label(c)} ({dictionary.unit(c)})")
    tiles = i2.toggle("Background map", value=False, key=f"{key}.tiles", help="OpenStreetMap tiles need internet.")
    show_map(indicator, "quantiles", 5, tiles, highlight=highlight, key=f"{key}_map")
    st.caption(caption)
