"""Charts of the targeting pages and the index page (Altair specs), so a page only places them.

Titles and tooltips are in the user's language; :func:`localised` gives a chart the
locale's number format (``1.234,5`` in Dutch) for its axes and tooltips.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st
from babel.numbers import get_decimal_symbol, get_group_symbol
from shapely.geometry import MultiPolygon
from shapely.geometry.polygon import orient

from geo import i18n
from geo.i18n import N_, _
from geo.i18n.translate import LOCALES
from geo.targeting import budget, newbuild
from ui import data

# What the stock's dimensions are called on an axis or in a tooltip.
DIMENSIONS = {"tenure": N_("Tenure"), "build_period": N_("Build period"), "dwelling_type": N_("Dwelling type")}


def localised(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the number format of the language in force (decimal sign, grouping, euro sign)."""
    locale = LOCALES[i18n.current()]
    number = alt.NumberLocale(decimal=get_decimal_symbol(locale), thousands=get_group_symbol(locale), grouping=[3],
                              currency=["€ ", ""] if i18n.current() == "nl" else ["€", ""])
    return chart.configure(locale=alt.Locale(number=number))


def label_bars(stock: pd.DataFrame, dimension: str, labels: list[str]) -> alt.Chart:
    """Stacked bars of dwellings per ``dimension`` (tenure, build period or type), by label class A (green) to G."""
    long = stock.melt(id_vars=dimension, var_name="label", value_name="dwellings")
    dimension_title = _(DIMENSIONS.get(dimension, dimension))
    return localised(alt.Chart(long).mark_bar().encode(
        x=alt.X("dwellings:Q", title=_("Dwellings (estimated)")), y=alt.Y(f"{dimension}:N", title=None),
        color=alt.Color("label:N", sort=labels, scale=alt.Scale(domain=labels, scheme="redyellowgreen", reverse=True),
                        title=_("Label")),
        order=alt.Order("label:N"),
        tooltip=[alt.Tooltip(f"{dimension}:N", title=dimension_title), alt.Tooltip("label:N", title=_("Label")),
                 alt.Tooltip("dwellings:Q", format=",.0f", title=_("Dwellings (estimated)"))],
    ).properties(height=max(140, 26 * len(stock))))


def abatement_blocks(mac: pd.DataFrame, x_title: str) -> alt.Chart:
    """The marginal abatement cost curve: one block per buurt, cheapest tonne first."""
    return localised(alt.Chart(mac).mark_rect(opacity=0.8, stroke="white").encode(
        x=alt.X("cum_co2_t_start:Q", title=x_title), x2="cum_co2_t_end:Q",
        y=alt.Y("eur_per_tonne:Q", title=_("Gross EUR per tonne CO₂")), y2=alt.datum(0),
        tooltip=[alt.Tooltip("buurt_name:N", title=_("Buurt")),
                 alt.Tooltip("eur_per_tonne:Q", format=",.0f", title=_("Gross EUR per tonne CO₂")),
                 alt.Tooltip("co2_t:Q", format=",.0f", title=_("CO₂ saved (t)")),
                 alt.Tooltip("cum_cost_eur:Q", format=",.0f", title=_("Cumulative cost (EUR)"))],
    ).properties(height=300))


def abatement_cumulative(mac: pd.DataFrame, x_title: str) -> alt.Chart:
    """The same curve as cumulative cost against cumulative CO₂ saved."""
    return localised(alt.Chart(budget.mac_steps(mac)).mark_line(interpolate="step-before", point=True).encode(
        x=alt.X("co2:Q", title=x_title), y=alt.Y("cost:Q", title=_("Cumulative cost (EUR)")),
        tooltip=[alt.Tooltip("co2:Q", format=",.0f", title=_("CO₂ saved (t)")),
                 alt.Tooltip("cost:Q", format=",.0f", title=_("Cumulative cost (EUR)"))],
    ).properties(height=300))


def need_lines(need: pd.DataFrame, series: list[str]) -> alt.Chart:
    """Homes needed per scenario over the years (solid) against the target path (dashed, black).

    ``series`` names the lines in the order of their colours; the last one is the target path.
    """
    return localised(alt.Chart(newbuild.need_lines(need)).mark_line(point=True).encode(
        x=alt.X("year:O", title=None), y=alt.Y("homes:Q", title=_("Homes (cumulative from the start year)")),
        color=alt.Color("series:N", title=None,
                        scale=alt.Scale(domain=series, range=["#4c78a8", "#f58518", "#54a24b", "#222222"])),
        strokeDash=alt.condition(alt.datum.series == series[-1], alt.value([6, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("series:N", title=_("Line")), alt.Tooltip("year:O", title=_("Year")),
                 alt.Tooltip("homes:Q", format=",.0f", title=_("Homes"))],
    ).properties(height=320))


def rank_stability(sens: pd.DataFrame) -> alt.LayerChart:
    """Rank range per buurt over perturbed weights (bar, best to worst) and the rank now (dot)."""
    data = sens.reset_index()
    tooltip = [alt.Tooltip("buurt_name:N", title=_("Buurt")), alt.Tooltip("rank:Q", title=_("Rank now")),
               alt.Tooltip("rank_best:Q", title=_("Best rank")), alt.Tooltip("rank_worst:Q", title=_("Worst rank"))]
    bars = alt.Chart(data).mark_rule(strokeWidth=6, opacity=0.5).encode(
        y=alt.Y("buurt_name:N", sort=alt.SortField("rank"), title=None, axis=alt.Axis(labelLimit=0)),  # full names
        x=alt.X("rank_best:Q", title=_("Rank (1 = most energy poverty)"), scale=alt.Scale(reverse=False)),
        x2="rank_worst:Q",
        tooltip=tooltip,
    )
    dots = alt.Chart(data).mark_point(filled=True, color="black").encode(
        y=alt.Y("buurt_name:N", sort=alt.SortField("rank")), x="rank:Q", tooltip=tooltip,
    )
    return localised((bars + dots).properties(height=max(300, 14 * len(sens))))


def clockwise(shape):
    """``shape`` with clockwise outer rings, as Vega's d3 projection draws them (GeoJSON's order fills the globe)."""
    if isinstance(shape, MultiPolygon):
        return MultiPolygon([orient(part, sign=-1.0) for part in shape.geoms])
    return orient(shape, sign=-1.0)


def value_map(table: pd.DataFrame, column: str, title: str) -> None:
    """A small choropleth of ``column`` per buurt on the page; buurten without a value stay grey, never 0."""
    shapes = data.map_shapes()[0][["buurt_code", "buurt_name", "geometry"]]
    merged = shapes.merge(table[["buurt_code", column]], on="buurt_code", how="left")
    merged["geometry"] = merged.geometry.apply(clockwise)
    features = json.loads(merged.to_json())["features"]  # a missing value becomes null
    base = alt.Chart(alt.Data(values=features)).mark_geoshape(stroke="white", strokeWidth=0.6, fill="#d9d9d9")
    name = alt.Tooltip("properties.buurt_name:N", title=_("Buurt"))
    values = base.transform_filter(f"isValid(datum.properties.{column})").mark_geoshape(
        stroke="white", strokeWidth=0.6).encode(
        color=alt.Color(f"properties.{column}:Q", title=title, scale=alt.Scale(scheme="orangered")),
        tooltip=[name, alt.Tooltip(f"properties.{column}:Q", title=title, format=",.2f")])
    chart = alt.layer(base.encode(tooltip=[name]), values).project(type="mercator").properties(height=420)
    st.altair_chart(localised(chart), width="stretch")
