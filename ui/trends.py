"""Trends on the Map explorer: a buurt's series in its profile, and a map of the change between two years.

The change map is drawn here with :mod:`geo.map.render` (not through :func:`ui.mapview.show_map`), because a
change is not a column of the buurt table: it is computed from the trends table for an indicator and two
years the figures describe (:func:`geo.metrics.trends.change`).
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st
from branca.colormap import linear
from streamlit_folium import st_folium

from geo import i18n
from geo.catalog import dictionary
from geo.i18n import N_, _
from geo.io import processed
from geo.map import classify, render
from geo.metrics import trends as metrics
from geo.report import profile
from ui import charts, data, tables

# How a change is expressed (geo.metrics.trends.CHANGE_KINDS), in the user's words.
KINDS = {metrics.DIFFERENCE: N_("difference"), metrics.RELATIVE: N_("% change")}
NO_CHANGE_COLOUR = "#f7f7f7"


@st.cache_resource(show_spinner=False, max_entries=8)
def _trends(key: tuple) -> pd.DataFrame:
    return processed.read_table(key[0])


def _key() -> tuple:
    """The chosen municipality's trends file and its time: the key of every cache here."""
    return data.stamp(data.paths().trends)


def table() -> pd.DataFrame | None:
    """The trends table of the build (shared read-only), or None when the build has not made it yet."""
    if not data.paths().trends.exists():
        return None
    return _trends(_key())


def _title(indicator: str) -> str:
    unit = dictionary.unit(indicator)
    return f"{dictionary.label(indicator)} ({unit})" if unit else dictionary.label(indicator)


def _not_built() -> None:
    st.info(_("The trends over the years are not built yet. Run `make data` and reload."))


def line_chart(rows: pd.DataFrame, indicator: str) -> alt.Chart:
    """The series of one indicator of one buurt: the value per year described, points joined by a line."""
    col = dictionary.BY_NAME.get(indicator)
    fmt = f",.{col.decimals if col else 0}f"
    chosen = rows[(rows["indicator"] == indicator) & rows["value"].notna()]
    year, value = _("Year described"), _title(indicator)
    return charts.localised(alt.Chart(chosen).mark_line(point=True).encode(
        x=alt.X("year_described:O", title=year, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=dictionary.unit(indicator) or None, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("period:N", title=year), alt.Tooltip("value:Q", format=fmt, title=value),
                 alt.Tooltip("edition:N", title=_("Source"))],
    ).properties(height=260, title=dictionary.label(indicator)))


@st.cache_data(show_spinner=False, max_entries=64)
def _series_table(code: str, lang: str, mtime: tuple) -> pd.DataFrame:
    """The buurt's series table (:func:`geo.report.profile.trend_table`); ``lang`` keys its texts."""
    return profile.trend_table(metrics.series(table(), code))


def profile_series(code: str, buurt: str, indicator: str) -> None:
    """The buurt's series: a table of every indicator over the years it describes and a chart per chosen one."""
    trends = table()
    if trends is None:
        _not_built()
        return
    rows = metrics.series(trends, code)
    st.subheader(_("Over the years: {buurt}").format(buurt=buurt))
    st.caption(_("Each figure stands under the year it describes, not the KWB edition it was published in. "
                 "'no data': CBS published the figure that year but not for this buurt (suppressed, or its code "
                 "or boundary changed later); empty: not published for that year. Social assistance: the "
                 "situation at the end of the first quarter."))
    tables.show(_series_table(code, i18n.current(), _key()),
                download=_("Trends of {buurt}").format(buurt=buurt))
    options = [name for name in metrics.with_trend(trends) if name in set(rows["indicator"])]
    titles = {name: _title(name) for name in options}  # translated now: a format_func may run outside the session
    st.session_state.setdefault("map.trend", [indicator if indicator in options else options[0]] if options else [])
    chosen = st.multiselect(_("Chart the series of"), options, format_func=titles.get, key="map.trend",
                            placeholder=_("Choose one or more indicators"))
    for name in chosen:
        if rows.loc[rows["indicator"] == name, "value"].notna().any():
            st.altair_chart(line_chart(rows, name), width="stretch")
        else:
            st.caption(_("{indicator}: no figure for this buurt in any year.").format(indicator=titles[name]))


@st.cache_data(show_spinner=False, max_entries=64)
def _change_layer(indicator: str, year_a: int, year_b: int, kind: str, k: int, lang: str,
                  mtime: tuple) -> tuple[dict, list, dict, int]:
    """Buurt GeoJSON, legend rows, wijk GeoJSON and the count of buurten with a change (``lang`` keys the text)."""
    shapes, wijken = data.map_shapes()
    values = metrics.change(table(), indicator, year_a, year_b, kind).reindex(shapes["buurt_code"])
    values = values.reset_index(drop=True)
    col = dictionary.BY_NAME.get(indicator)
    decimals = (col.decimals if col else 0) if kind == metrics.DIFFERENCE else 1
    unit = metrics.change_unit(indicator, kind)
    texts = [classify.format_value(v) if pd.isna(v) else f"{'+' if v > 0 else ''}{i18n.number(v, decimals)} {unit}"
             for v in values]
    worse_up = col is None or col.higher_is_worse is not False  # a rise of income etc. is the good direction
    fill, legend = diverging(values, k, decimals, worse_up)
    fc = render.feature_collection(shapes, "buurt_code", "buurt_name", texts, fill)
    return fc, legend, render.wijk_collection(wijken), int(values.notna().sum())


def diverging(values: pd.Series, k: int, decimals: int, worse_up: bool) -> tuple[list[str], list[tuple[str, str]]]:
    """Fill colour per value and legend rows of a change: falls and rises classed apart, no change in white.

    Falls and rises each get about half of ``k`` quantile classes, so the colour says the direction: red for
    the worse direction (a rise when ``worse_up``), blue for the better, darker for a larger change; a
    missing change is grey ('no data'). Legend rows run from the largest fall to the largest rise.
    """
    half = max(1, (k + 1) // 2)
    fill = [classify.NO_DATA_COLOUR] * len(values)
    rows: list[tuple[str, str]] = []
    for sign, ramp in ((-1, linear.Blues_09 if worse_up else linear.Reds_09),
                       (1, linear.Reds_09 if worse_up else linear.Blues_09)):
        part = values.where(values * sign > 0).abs()
        classes = classify.classify(part, "quantiles", half)
        colours = [ramp.rgb_hex_str(0.3 + 0.65 * i / max(classes.k - 1, 1)) for i in range(classes.k)]
        for i, c in enumerate(classes.classes):
            if c >= 0:
                fill[i] = colours[c]
        bounds = [classes.lower, *classes.bins]
        ends = [(bounds[j], bounds[j + 1]) if sign > 0 else (-bounds[j + 1], -bounds[j]) for j in range(classes.k)]
        side = [(colours[j], f"{classify.format_value(lo, decimals)} - {classify.format_value(hi, decimals)}")
                for j, (lo, hi) in enumerate(ends)]
        rows += side[::-1] if sign < 0 else side
        if sign < 0 and (values == 0).any():
            rows.append((NO_CHANGE_COLOUR, classify.format_value(0.0, decimals)))
    for i, v in enumerate(values):
        if v == 0:
            fill[i] = NO_CHANGE_COLOUR
    if values.isna().any():
        rows.append((classify.NO_DATA_COLOUR, _(classify.NO_DATA_LABEL)))
    return fill, rows


def _legend_html(rows: list[tuple[str, str]], title: str) -> str:
    items = "".join(
        f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
        f'<span style="width:18px;height:12px;background:{render.fill_colour(c)};border:1px solid #888;'
        f'display:inline-block"></span><span>{html.escape(label)}</span></div>'
        for c, label in rows
    )
    return f'<div class="bk-change-legend"><strong>{html.escape(title)}</strong>{items}</div>'


def change_title(indicator: str, year_a: int, year_b: int, kind: str) -> str:
    """'Change in <indicator>, <year a> to <year b> (<unit>)', in the user's language."""
    return _("Change in {indicator}, {a} to {b} ({unit})").format(
        indicator=dictionary.label(indicator), a=year_a, b=year_b, unit=metrics.change_unit(indicator, kind))


def change_map(k: int, tiles: bool) -> None:
    """A switch that shows a map of the change of an indicator between two years the figures describe."""
    if not st.toggle(_("Show the change between two years"), key="map.change",
                     help=_("Per buurt: the figure of the second year minus that of the first (years the figures "
                            "describe). A buurt without a figure in either year shows as 'no data'.")):
        return
    trends = table()
    if trends is None:
        _not_built()
        return
    options = metrics.with_trend(trends)
    titles = {name: _title(name) for name in options}
    kinds = {kind: _(text) for kind, text in KINDS.items()}
    c1, c2, c3, c4 = st.columns([3, 1, 1, 1.4])
    indicator = c1.selectbox(_("Change in"), options, format_func=titles.get, key="map.change.indicator")
    years = metrics.years(trends, indicator)
    year_a = c2.selectbox(_("From"), years, index=0, key=f"map.change.from.{indicator}")
    year_b = c3.selectbox(_("To"), years, index=len(years) - 1, key=f"map.change.to.{indicator}")
    kind = c4.selectbox(_("Expressed as"), list(kinds), format_func=kinds.get, key="map.change.kind")
    if year_a == year_b:
        st.warning(_("Choose two different years."))
        return
    lang = i18n.current()
    fc, legend, wijk_fc, n = _change_layer(indicator, int(year_a), int(year_b), kind, k, lang,
                                           _key())
    title = change_title(indicator, year_a, year_b, kind)
    shapes = data.map_shapes()[0]
    m = render.build_map(fc, wijk_fc, render.bounds_of(shapes), title, tiles=tiles)
    left, right = st.columns([4, 1])
    with left:
        st_folium(m, key=f"change_map.{lang}.{data.paths().folder.name}", height=560, use_container_width=True,
                  returned_objects=[], render=False)
    with right:
        st.markdown(_legend_html(legend, title), unsafe_allow_html=True)
    st.caption(_("{n} of {total} buurten have a figure in both years; the others show as 'no data' (suppressed, "
                 "or not comparable: see Data & method).").format(n=n, total=len(shapes)))
