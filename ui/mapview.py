"""The map widget: cached GeoJSON per (level, indicator, classification, settings, language), drawn with st_folium.

What does not depend on the indicator is cached once per processed file (the
buurt and wijk geometries as GeoJSON, the wijk outlines, the drawing strategy),
so an indicator change only recolours: classify, properties, folium, st_folium.

The browser keeps the map mounted: st_folium gets the part that never changes
(background, wijk outlines, extent: :func:`geo.map.render.base_map`) as the map,
whose script names the widget, and the coloured areas as ``feature_group_to_add``,
which its front end swaps inside the living Leaflet map. An indicator, class or
level change therefore repaints the areas in place; zoom and pan stay (``make
bench``: "Indicator change to repainted polygons"). Only the background toggle and
the language remount the map (its attribution is text in the language).

Two levels: buurt (every indicator) and wijk (the CBS figures published per wijk,
data/processed/wijken.parquet; estimates and derived figures exist per buurt only).
Tooltips and the legend are in the user's language: the cached choropleth and
the st_folium widget key on it.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import i18n
from geo.catalog import dictionary
from geo.i18n import N_, _
from geo.map import classify, render, tooltip
from geo.map import strategy as map_strategy
from geo.report import profile
from ui import data, gemeente, settings, tables

# The sentence under the legend for a figure that is not measured (by the kind in geo.catalog.column).
NOT_MEASURED = {
    dictionary.DERIVED: N_("This figure is derived: see Data & method."),
    dictionary.ESTIMATED: N_("This figure is estimated: see Data & method."),
}
BUURT, WIJK = "buurt", "wijk"
# The map's levels and what they are called on screen (translated where shown).
LEVELS = {BUURT: N_("Buurt"), WIJK: N_("Wijk")}
# The indicator a wijk map falls back to when the chosen one has no wijk figure.
WIJK_FALLBACK = "pct_low_income"
# The wijk profile's table: as the buurt profile (geo.report.profile), its value column headed 'Wijk'.
WIJK_PROFILE_TABLE = {**profile.PROFILE_TABLE, "buurt": N_("Wijk")}


@st.cache_resource(show_spinner=False)
def _geometries(mtime: float) -> list[dict]:
    """Buurt geometries as GeoJSON, encoded once (shared read-only between sessions)."""
    shapes = data.map_shapes()[0]
    return render.geometries(shapes)


@st.cache_resource(show_spinner=False)
def _wijk_geometries(mtime: float) -> list[dict]:
    """Wijk geometries as GeoJSON, encoded once (shared read-only between sessions)."""
    return render.geometries(data.map_shapes()[1])


@st.cache_data(show_spinner=False, max_entries=4)
def wijk_outlines(mtime: float) -> str:
    """Wijk outline GeoJSON, encoded for the map's script: the same for every indicator and level."""
    wijken = data.map_shapes()[1]
    return render.encode(render.wijk_collection(wijken))


def _drawn_shapes():
    """The shapes that set the map's extent and drawing strategy: the buurten, or the wijken where none exist."""
    buurten, wijken = data.map_shapes()
    return buurten if len(buurten) else wijken


@st.cache_data(show_spinner=False, max_entries=8)
def strategy(mtime) -> map_strategy.MapStrategy:
    """How to draw the buurten (renderer etc.), from their count and vertex count (geo.map.strategy)."""
    shapes = _drawn_shapes()
    return map_strategy.choose(len(shapes), int(shapes.geometry.count_coordinates().sum()),
                               extent_m=map_strategy.extent_of(shapes))


def _shapes_mtime() -> tuple:
    """The cache key of the chosen municipality's map shapes (its folder and the files' times)."""
    p = data.paths()
    return data.stamp(p.buurten_map), data.stamp(p.wijken_map)


def wijk_table() -> pd.DataFrame:
    """The wijk figures (CBS KWB, the same editions as the buurten) by wijk code."""
    return data.tables()["wijken"].set_index("wijk_code")


@st.cache_data(show_spinner=False, max_entries=4)
def _wijk_indicators(mtime: float) -> list[str]:
    table = wijk_table()
    return [c for c in dictionary.map_indicators() if c in table and table[c].notna().any()]


def indicators_for(level: str) -> list[str]:
    """The indicators a map of ``level`` can show: every map indicator for buurten, those with a wijk figure for wijken.

    A wijk indicator must be a column of the wijk table with at least one value: the
    estimates (labels, Monitor), the derived figures (bill, quote, index) and figures
    CBS published for no wijk are offered per buurt only.
    """
    if level == WIJK:
        return _wijk_indicators(data.stamp(data.paths().wijken))
    return dictionary.map_indicators(present=data.current_table().columns)


def indicator_for_level(level: str) -> str | None:
    """Make the chosen indicator one the level can show; return the one it replaced, if any.

    Run before the indicator picker is drawn: at wijk level an indicator without a
    wijk figure gives way to :data:`WIJK_FALLBACK` (the setting and the link follow).
    """
    chosen = st.session_state.get("map.indicator")
    options = indicators_for(level)
    if chosen in options or not options:
        return None
    st.session_state["map.indicator"] = WIJK_FALLBACK if WIJK_FALLBACK in options else options[0]
    return chosen


@st.cache_data(show_spinner=False, max_entries=128)
def choropleth(indicator: str, scheme: str, k: int, settings_key, lang: str,
               highlight: frozenset = frozenset(), level: str = BUURT) -> tuple[str, list]:
    """GeoJSON of the coloured areas (encoded for the map's script) and the legend rows for one indicator.

    ``level`` is :data:`BUURT` or :data:`WIJK`. ``lang`` (the language in force) keys the cache: tooltips
    and legend are text in that language.
    """
    mtime = _shapes_mtime()
    if level == WIJK:
        shapes = data.map_shapes()[1]
        table = wijk_table().reindex(shapes["wijk_code"])
        codes, names, geometry = "wijk_code", "wijk_name", _wijk_geometries(mtime)
    else:
        shapes = data.map_shapes()[0]
        table = data.current_table().reindex(shapes["buurt_code"])
        codes, names, geometry = "buurt_code", "buurt_name", _geometries(mtime)
    col = dictionary.BY_NAME[indicator]
    values = table[indicator].astype(float).reset_index(drop=True)
    classes = classify.classify(values, scheme, k)
    reverse = col.higher_is_worse is False  # low income etc.: dark = worse
    texts = tooltip.value_texts(table, indicator)
    fc = render.feature_collection(
        shapes, codes, names, texts, classify.class_colours(classes, reverse), highlight, geometry=geometry,
    )
    return render.encode(fc), classify.legend(classes, col.decimals, reverse)


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
             key: str = "buurt_map", level: str = BUURT) -> str | None:
    """Draw the choropleth and its legend; return the code of the clicked buurt, if any.

    At wijk level the areas are wijken: a click on one shows its profile under the
    map (:func:`wijk_profile`) and nothing is returned.
    """
    lang = i18n.current()
    fc, legend = choropleth(indicator, scheme, k, settings.current(), lang, highlight, level)
    mtime = _shapes_mtime()
    shapes = _drawn_shapes()
    col = dictionary.BY_NAME[indicator]
    how = strategy(mtime)
    title = indicator_title(indicator)
    # The map proper is the same for every indicator and level; the coloured areas travel as a layer that
    # st_folium's front end swaps in the mounted map (no reload: zoom and pan stay).
    m = render.base_map(wijk_outlines(mtime), render.bounds_of(shapes), tiles=tiles, prefer_canvas=how.prefer_canvas)
    layer = render.choropleth_layer(fc, title, _(LEVELS[level]))
    left, right = st.columns([4, 1])
    with left:
        # render=False: st_folium renders the map itself right after; its own pre-render
        # pass gives identical output and costs a third of its time (make bench).
        # The key names the language (the map's HTML, attribution, is text in it) and the municipality (another
        # extent and other outlines: a switch remounts the map).
        out = st_folium(m, key=f"{key}.{lang}.{gemeente.current().code}", height=560, use_container_width=True,
                        feature_group_to_add=layer,
                        returned_objects=["last_active_drawing"], render=False)
    with right:
        st.markdown(legend_html(legend, title), unsafe_allow_html=True)
        year = data.tables()["metadata"].get("columns", {}).get(indicator, {}).get("year")
        if year:
            st.caption(_("Figures of {year}.").format(year=year))
        if col.kind in NOT_MEASURED:
            st.caption(_(NOT_MEASURED[col.kind]))
        if level == WIJK:
            st.caption(_("Per wijk: the figures CBS publishes for wijken. Estimates and derived figures, such as "
                         "the energy-poverty index, exist per buurt only and are not offered here."))
    clicked = (out or {}).get("last_active_drawing") or {}
    code = (clicked.get("properties") or {}).get("code")
    if level == WIJK:
        wijk_profile(code if isinstance(code, str) and code.startswith("WK") else None, key)
        return None
    return code if isinstance(code, str) and code.startswith("BU") else None


def wijk_profile(clicked: str | None, key: str = "buurt_map") -> None:
    """The profile of a wijk: picked here or clicked on the map, every wijk figure beside the municipality's."""
    table = wijk_table()
    names = table["wijk_name"].to_dict()
    pick = f"{key}.wijk"
    if clicked in names and clicked != st.session_state.get(f"{pick}.last_click"):
        st.session_state[f"{pick}.last_click"] = clicked
        st.session_state[pick] = clicked
    code = st.selectbox(_("Wijk profile"), sorted(names, key=names.get), format_func=names.get, index=None,
                        placeholder=_("Choose a wijk"), key=pick, help=_("Click a wijk on the map, or pick one here."))
    if not code:
        return
    s = settings.current()
    frames = data.tables()
    own = profile.gemeente_values(frames["gemeente"], s.prices, s.quote_threshold,
                                  data.income_year() if frames["gemeente"] is not None else None)
    st.subheader(_("Wijk profile: {wijk}").format(wijk=names[code]))
    st.caption(_("Wijk {code}: the figures CBS publishes per wijk. 'Year' is the year a figure describes.").format(
        code=code))
    tables.show(profile.buurt_profile(table, code, own, frames["metadata"].get("columns", {})), WIJK_PROFILE_TABLE)


@st.fragment
def highlighted_map(key: str, highlight: frozenset, default_indicator: str, caption: str) -> None:
    """A map with its own colour picker where ``highlight`` buurten get a blue outline (Retrofit, New-build).

    A fragment: changing its colour or background reruns only the map.
    """
    i1, i2 = st.columns([3, 1])
    options = dictionary.map_indicators(present=data.current_table().columns)
    st.session_state.setdefault(f"{key}.indicator", default_indicator if default_indicator in options else options[0])
    titles = {c: indicator_title(c) for c in options}  # translated now: a format_func may run outside the session
    indicator = i1.selectbox(_("Map colour"), options, key=f"{key}.indicator", format_func=titles.get)
    tiles = i2.toggle(_("Background map"), value=False, key=f"{key}.tiles",
                      help=_("OpenStreetMap tiles need internet."))
    show_map(indicator, "quantiles", 5, tiles, highlight=highlight, key=f"{key}_map")
    st.caption(caption)
