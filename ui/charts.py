"""Charts of the targeting pages (Altair specs), so a page only places them; axis titles in the user's language."""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo import i18n
from geo.i18n import _
from geo.targeting import budget, newbuild

# Axis and tooltip numbers in the user's locale (Vega's d3 number locale): 2.500 and € 1.234 in Dutch.
NUMBER_LOCALE = {"nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
                 "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}}


def localised(chart: alt.Chart) -> alt.Chart:
    """The chart with its numbers formatted for the language in force."""
    return chart.configure(locale={"number": NUMBER_LOCALE[i18n.current()]})


def label_bars(stock: pd.DataFrame, dimension: str, labels: list[str], title: str) -> alt.Chart:
    """Stacked bars of dwellings per ``dimension`` (tenure, build period or type), by label class A (green) to G.

    ``title`` names the dimension in the user's language (the tooltip shows it).
    """
    long = stock.melt(id_vars=dimension, var_name="label", value_name="dwellings")
    return localised(alt.Chart(long).mark_bar().encode(
        x=alt.X("dwellings:Q", title=_("Dwellings (estimated)")), y=alt.Y(f"{dimension}:N", title=None),
        color=alt.Color("label:N", sort=labels, scale=alt.Scale(domain=labels, scheme="redyellowgreen", reverse=True),
                        title=_("Label")),
        order=alt.Order("label:N"),
        tooltip=[alt.Tooltip(f"{dimension}:N", title=title), alt.Tooltip("label:N", title=_("Label")),
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
    ).properties(height=300))


def need_lines(need: pd.DataFrame, series: list[str]) -> alt.Chart:
    """Homes needed per scenario over the years (solid) against the target path (dashed, black).

    ``series``: the scenario labels and :data:`geo.targeting.newbuild.TARGET_SERIES` (message ids, shown translated).
    """
    lines = newbuild.need_lines(need).assign(series=lambda d: d["series"].map(_))
    return localised(alt.Chart(lines).mark_line(point=True).encode(
        x=alt.X("year:O", title=None), y=alt.Y("homes:Q", title=_("Homes (cumulative from the start year)")),
        color=alt.Color("series:N", title=None,
                        scale=alt.Scale(domain=[_(s) for s in series],
                                        range=["#4c78a8", "#f58518", "#54a24b", "#222222"])),
        strokeDash=alt.condition(alt.datum.series == _(newbuild.TARGET_SERIES), alt.value([6, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("series:N", title=_("Scenario")), alt.Tooltip("year:O", title=_("Year")),
                 alt.Tooltip("homes:Q", format=",.0f", title=_("Homes"))],
    ).properties(height=320))
