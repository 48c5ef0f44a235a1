"""The map widget: cached GeoJSON per (indicator, classification, settings, language), drawn with st_folium.

What does not depend on the indicator is cached once per processed file (the
buurt geometries as GeoJSON, the wijk outlines, the drawing strategy), so an
indicator change only recolours: classify, properties, folium, st_folium.
Tooltips and the legend are in the user's language: the cached choropleth and
the st_folium widget key on it.
"""

from __future__ import annotations

import html

import streamlit as st
from streamlit_folium import st_folium

from geo import config, i18n
from geo.catalog import dictionary
from geo.i18n import N_, _
from geo.map import classify, render, tooltip
from geo.map import strategy as map_strategy
from ui import data, settings

# The sentence under the legend for a figure that is not measured (by the kind in geo.catalog.column).
NOT_MEASURED = {
    dictionary.DERIVED: N_("This figure is derived: see Data & method."),
    dictionary.ESTIMATED: N_("This figure is estimated: see Data & method."),
}


@st.cache_resource(show_spinner=False)
def _geometries(mtime: float) -> list[dict]:
    """Buurt geometries as GeoJSON, encoded once (shared read-only between sessions)."""
    shapes = data.map_shapes()[0]
    return render.geometries(shapes)


@st.cache_data(show_spinner=False, max_entries=4)
def wijk_outlines(mtime: float) -> dict:
    """Wijk outline GeoJSON: the same for every indicator."""
    wijken = data.map_shapes()[1]
    return render.wijk_collection(wijken)


@st.cache_data(show_spinner=False, max_entries=4)
def strategy(mtime: float) -> map_strategy.MapStrategy:
    """How to draw the buurten (renderer etc.), from their count and vertex count (geo.map.strategy)."""
    shapes = data.map_shapes()[0]
    return map_strategy.choose(len(shapes), int(shapes.geometry.count_coordinates().sum()),
                               extent_m=map_strategy.extent_of(shapes))


def _shapes_mtime() -> float:
    return data._mtime(config.BUURTEN_MAP)


@st.cache_data(show_spinner=False, max_entries=128)
def choropleth(indicator: str, scheme: str, k: int, settings_key, lang: str,
               highlight: frozenset = frozenset()) -> tuple[dict, list, dict]:
    """Buurt GeoJSON, legend rows and wijk GeoJSON for one indicator under the current settings.

    ``lang`` (the language in force) keys the cache: tooltips and legend are text in that language.
    """
    shapes = data.map_shapes()[0]
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


def indicator_title(indicator: str) -> str:
    """An indicator's label with its unit, as the picker, the legend and the tooltip name it (user's language)."""
    unit = dictionary.unit(indicator)
    return f"{dictionary.label(indicator)} ({unit})" if unit else dictionary.label(indicator)


def indicator_meaning(indicator: str) -> str:
    """What an indicator means, in the user's language."""
    return dictionary.meaning(indicator)


def show_map(indicator: str, scheme: str, k: int, tiles: bool, highlight: frozenset = frozenset(),
             key: str = "buurt_map") -> str | None:
    """Draw the choropleth and its legend; return the code of the clicked buurt, if any."""
    lang = i18n.current()
    buurt_fc, legend, wijk_fc = choropleth(indicator, scheme, k, settings.current(), lang, highlight)
    shapes = data.map_shapes()[0]
    col = dictionary.BY_NAME[indicator]
    how = strategy(_shapes_mtime())
    title = indicator_title(indicator)
    m = render.build_map(buurt_fc, wijk_fc, render.bounds_of(shapes), title, tiles=tiles,
                          prefer_canvas=how.prefer_canvas)
    left, right = st.columns([4, 1])
    with left:
        # render=False: st_folium renders the map itself right after; its own pre-render
        # pass gives identical output and costs a third of its time (make bench).
        # The key names the language: the map's HTML (tooltips, attribution) is text in it.
        out = st_folium(m, key=f"{key}.{lang}", height=560, use_container_width=True,
                        returned_objects=["last_active_drawing"], render=False)
    with right:
        st.markdown(legend_html(legend, title), unsafe_allow_html=True)
        if col.kind in NOT_MEASURED:
            st.caption(_(NOT_MEASURED[col.kind]))
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
    titles = {c: indicator_title(c) for c in options}  # translated now: a format_func may run outside the session
    indicator = i1.selectbox(_("Map colour"), options, key=f"{key}.indicator", format_func=titles.get)
    tiles = i2.toggle(_("Background map"), value=False, key=f"{key}.tiles",
                      help=_("OpenStreetMap tiles need internet."))
    show_map(indicator, "quantiles", 5, tiles, highlight=highlight, key=f"{key}_map")
    st.caption(caption)
