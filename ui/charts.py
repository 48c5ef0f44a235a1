"""Charts of the targeting pages (Altair specs), so a page only places them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo.targeting import budget, newbuild


def label_bars(stock: pd.DataFrame, dimension: str, labels: list[str]) -> alt.Chart:
    """Stacked bars of dwellings per ``dimension`` (tenure, build period or type), by label class A (green) to G."""
    long = stock.melt(id_vars=dimension, var_name="label", value_name="dwellings")
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("dwellings:Q", title="Dwellings (estimated)"), y=alt.Y(f"{dimension}:N", title=None),
        color=alt.Color("label:N", sort=labels, scale=alt.Scale(domain=labels, scheme="redyellowgreen", reverse=True),
                        title="Label"),
        order=alt.Order("label:N"), tooltip=[dimension, "label", alt.Tooltip("dwellings:Q", format=",.0f")],
    ).properties(height=max(140, 26 * len(stock)))


def abatement_blocks(mac: pd.DataFrame, x_title: str) -> alt.Chart:
    """The marginal abatement cost curve: one block per buurt, cheapest tonne first."""
    return alt.Chart(mac).mark_rect(opacity=0.8, stroke="white").encode(
        x=alt.X("cum_co2_t_start:Q", title=x_title), x2="cum_co2_t_end:Q",
        y=alt.Y("eur_per_tonne:Q", title="Gross EUR per tonne CO₂"), y2=alt.datum(0),
        tooltip=["buurt_name", alt.Tooltip("eur_per_tonne:Q", format=",.0f"), alt.Tooltip("co2_t:Q", format=",.0f"),
                 alt.Tooltip("cum_cost_eur:Q", format=",.0f", title="cumulative cost")],
    ).properties(height=300)


def abatement_cumulative(mac: pd.DataFrame, x_title: str) -> alt.Chart:
    """The same curve as cumulative cost against cumulative CO₂ saved."""
    return alt.Chart(budget.mac_steps(mac)).mark_line(interpolate="step-before", point=True).encode(
        x=alt.X("co2:Q", title=x_title), y=alt.Y("cost:Q", title="Cumulative cost (EUR)"),
    ).properties(height=300)


def need_lines(need: pd.DataFrame, series: list[str]) -> alt.Chart:
    """Homes needed per scenario over the years (solid) against the target path (dashed, black)."""
    return alt.Chart(newbuild.need_lines(need)).mark_line(point=True).encode(
        x=alt.X("year:O", title=None), y=alt.Y("homes:Q", title="Homes (cumulative from the start year)"),
        color=alt.Color("series:N", title=None,
                        scale=alt.Scale(domain=series, range=["#4c78a8", "#f58518", "#54a24b", "#222222"])),
        strokeDash=alt.condition(alt.datum.series == "Target", alt.value([6, 3]), alt.value([1, 0])),
        tooltip=["series", "year", alt.Tooltip("homes:Q", format=",.0f")],
    ).properties(height=320)
