"""The energy-poverty index explained and tunable, with a live ranking and a rank-stability view."""

import altair as alt
import streamlit as st

from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from ui import data, settings

data.ensure_data()
st.title("Energy-poverty index")
st.markdown(
    "The index is the weighted mean of normalised components, on 0-100 (higher = more energy poverty). "
    "Each component follows an indicator of the TNO/CBS Monitor Energiearmoede; where buurt data only allows an "
    "approximation, it says so below. Changing a weight, the normalisation or the missing-value rule recomputes "
    "the index and the ranking; the data is not reloaded."
)
settings.init()

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader("Components and weights")
    for key, comp in COMPONENTS.items():
        st.slider(f"{comp.label}", 0.0, 3.0, step=0.25, help=f"{comp.monitor_indicator}. {comp.approximation}",
                  **settings.widget_kwargs(f"cfg.w.{key}"))
        st.caption(f"{comp.monitor_indicator} - column `{comp.column}`. {comp.approximation}")
    st.radio("Normalisation", list(NORMALISATIONS), format_func=NORMALISATIONS.get,
             **settings.widget_kwargs("cfg.method"))
    st.radio("Missing components", list(MISSING_RULES), format_func=MISSING_RULES.get,
             **settings.widget_kwargs("cfg.missing"))

s = settings.current()
if sum(st.session_state[f"cfg.w.{k}"] for k in COMPONENTS) == 0:
    st.warning("All weights are zero; the default weights are used until one weight is above zero.")
table = data.current_table()

with right:
    st.subheader("Ranking")
    ranking = table.dropna(subset=["energy_poverty_index"]).sort_values("energy_poverty_index", ascending=False)
    shown = ranking[["buurt_name", "wijk_name", "energy_poverty_index", "components_used"]].reset_index(drop=True)
    shown.insert(0, "rank", range(1, len(shown) + 1))
    st.dataframe(shown.round({"energy_poverty_index": 1}), hide_index=True, width="stretch", height=420,
                 column_config={
                     "rank": st.column_config.NumberColumn("Rank", width="small"),
                     "buurt_name": st.column_config.TextColumn("Buurt"),
                     "wijk_name": st.column_config.TextColumn("Wijk"),
                     "energy_poverty_index": st.column_config.ProgressColumn(
                         "Index", min_value=0, max_value=100, format="%.0f"
                     ),
                     "components_used": st.column_config.NumberColumn("Components with data", width="small"),
                 })
    missing = table[table["energy_poverty_index"].isna()]["buurt_name"].tolist()
    if missing:
        st.caption(f"No index ({len(missing)}): {', '.join(sorted(missing))} - too few components published by CBS.")

st.subheader("How stable is each rank when the weights move?")
spread = st.slider(
    "Weight perturbation (each weight x a random factor within +/-)", 0.1, 0.9, 0.5, 0.1, key="idx.spread"
)


sens = data.sensitivity(s, spread).dropna(subset=["rank"]).sort_values("rank")
chart = alt.Chart(sens.reset_index()).mark_rule(strokeWidth=6, opacity=0.5).encode(
    y=alt.Y("buurt_name:N", sort=alt.SortField("rank"), title=None),
    x=alt.X("rank_best:Q", title="Rank (1 = most energy poverty)", scale=alt.Scale(reverse=False)),
    x2="rank_worst:Q",
    tooltip=["buurt_name", "rank", "rank_best", "rank_worst"],
) + alt.Chart(sens.reset_index()).mark_point(filled=True, color="black").encode(
    y=alt.Y("buurt_name:N", sort=alt.SortField("rank")), x="rank:Q"
)
st.altair_chart(chart.properties(height=max(300, 14 * len(sens))), width="stretch")
st.caption(
    "Bar: best to worst rank over 200 draws of perturbed weights (fixed seed); dot: rank under the current weights."
)
