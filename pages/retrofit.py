"""Retrofit (verduurzamen): savings per buurt, a budget scenario on the map, the abatement-cost curve and a market view."""

import altair as alt
import pandas as pd
import streamlit as st

from geo.report import profile
from geo.targeting import retrofit as r
from geo.targeting import budget as rb
from ui import data, mapview, settings, targeting

data.ensure_data()
targeting.ensure_stock()
st.title("Retrofit (verduurzamen)")
st.markdown(
    "What upgrading dwellings to a target energy label saves per buurt, and where a budget does most: for the "
    "climate (CO₂ per euro) or against energy poverty (households lifted out of a high energy quote per euro). "
    "**All dwelling counts by label, tenure and build period are estimates** (the housing-stock model); savings "
    "rest on the *measured* gas use per buurt. Method and sources: Data & method."
)

settings.init()
PERSIST = {"rf.target": r.DEFAULT_TARGET_LABEL, "rf.co2_gas": r.CO2_GAS_KG_PER_M3,
           "rf.co2_elec": r.CO2_ELECTRICITY_KG_PER_KWH, "rf.lifetime": rb.LIFETIME_YEARS,
           "rf.mode": "budget", "rf.budget": 20.0, "rf.dwellings": 500, "rf.alpha": 0.5}
for k, v in PERSIST.items():
    st.session_state.setdefault(k, v)
s = settings.current()
names = targeting.names()

# ---- assumptions -------------------------------------------------------------------------------
st.subheader("Assumptions")
c1, c2, c3, c4 = st.columns(4)
c1.selectbox("Target label", list(r.LABELS), help="Every dwelling with a worse label is brought to this one.",
             **settings.widget_kwargs("rf.target"))
c2.number_input("CO₂ natural gas (kg per m³)", 0.0, 5.0, step=0.01, format="%.2f", **settings.widget_kwargs("rf.co2_gas"))
c3.number_input("CO₂ electricity (kg per kWh)", 0.0, 2.0, step=0.01, format="%.2f",
                help="Used for today's CO₂ of a buurt; the upgrade leaves electricity use unchanged.",
                **settings.widget_kwargs("rf.co2_elec"))
c4.number_input("Lifetime of the measures (years)", 1, 60, step=1, help="For EUR per tonne CO₂ over the lifetime.",
                **settings.widget_kwargs("rf.lifetime"))
st.caption(
    f"CO₂ factors: {r.CO2_SOURCE} Gas price EUR {s.prices.gas_eur_per_m3:.3f}/m³ and electricity EUR "
    f"{s.prices.electricity_eur_per_kwh:.3f}/kWh and the high-quote threshold ({s.threshold:.0f}% of income) come from "
    "the sidebar."
)

left, right = st.columns([2, 3])
with left:
    cost_in = pd.DataFrame({"dwelling_type": list(rb.COST_PER_STEP_EUR), "cost_per_step_eur": list(rb.COST_PER_STEP_EUR.values())})
    edited = st.data_editor(
        cost_in, key="rf.costs", hide_index=True, num_rows="fixed", width="stretch",
        column_config={
            "dwelling_type": st.column_config.TextColumn("Dwelling type", disabled=True),
            "cost_per_step_eur": st.column_config.NumberColumn("Cost per label step (EUR per dwelling)", format="%.0f", step=100),
        },
    )
with right:
    st.caption(f"**Cost per label step (editable).** {rb.COST_SOURCE}")
costs, cost_messages = targeting.validate_costs(edited)
for msg in cost_messages:
    st.warning(profile.literal_markdown(msg))

p = targeting.RetrofitParams(
    target_label=st.session_state["rf.target"], gas_price=s.prices.gas_eur_per_m3,
    electricity_price=s.prices.electricity_eur_per_kwh, threshold=s.threshold,
    co2_gas=float(st.session_state["rf.co2_gas"]), co2_electricity=float(st.session_state["rf.co2_elec"]),
    costs=tuple(costs.items()), lifetime=int(st.session_state["rf.lifetime"]),
)

# ---- stock -------------------------------------------------------------------------------------
st.subheader("Housing stock per buurt (estimated)")
st.caption("Estimated dwellings per energy label class, from the housing-stock model (VIVET raked to CBS buurt "
           "figures); unlabelled dwellings are imputed. Estimates, not registrations.")
sc1, sc2 = st.columns([2, 1])
pick = sc1.selectbox("Buurt", sorted(names, key=names.get), format_func=names.get, key="rf.stock_buurt")
dim = sc2.radio("Split by", ["tenure", "build_period", "dwelling_type"], horizontal=True, key="rf.stock_dim",
                format_func=lambda d: d.replace("_", " "))
st_t = targeting.stock_by(dim)
mine = st_t[st_t["buurt_code"] == pick].drop(columns="buurt_code")
long = mine.melt(id_vars=dim, var_name="label", value_name="dwellings")
chart = alt.Chart(long).mark_bar().encode(
    x=alt.X("dwellings:Q", title="Dwellings (estimated)"),
    y=alt.Y(f"{dim}:N", title=None),
    color=alt.Color("label:N", sort=list(r.LABELS), scale=alt.Scale(domain=list(r.LABELS), scheme="redyellowgreen", reverse=True), title="Label"),
    order=alt.Order("label:N"),
    tooltip=[dim, "label", alt.Tooltip("dwellings:Q", format=",.0f")],
).properties(height=max(140, 26 * len(mine)))
st.altair_chart(chart, width="stretch")
st.dataframe(mine.round(0), hide_index=True, width="stretch")

# ---- savings per buurt -------------------------------------------------------------------------
res = targeting.retrofit_buurten(p)
st.subheader(f"If every dwelling worse than label {p.target_label} is upgraded")
m1, m2, m3, m4 = st.columns(4)
m1.metric("Dwellings to upgrade (est.)", f"{res['dwellings_upgraded'].sum():,.0f}")
m2.metric("Gas saved (million m³/yr)", f"{res['gas_saved_m3'].sum() / 1e6:,.2f}")
m3.metric("CO₂ saved (t/yr)", f"{res['co2_saved_t'].sum():,.0f}")
m4.metric("Households lifted (modelled)", f"{res['households_lifted'].sum():,.0f}",
          help=f"Households whose modelled energy quote falls from at or above {s.threshold:.0f}% to below it.")
table = res[["buurt_name", "dwellings_upgraded", "gas_saved_m3", "co2_saved_t", "pct_co2_saved", "eur_saved_per_household",
             "eur_saved_per_upgraded_dwelling", "energy_quote_before_pct", "energy_quote_after_pct", "heq_households_before",
             "households_lifted", "cost_eur", "eur_per_tonne"]].sort_values("co2_saved_t", ascending=False)
st.dataframe(
    table, hide_index=True, width="stretch", height=360,
    column_config={
        "buurt_name": "Buurt",
        "dwellings_upgraded": st.column_config.NumberColumn("Dwellings to upgrade (est.)", format="%.0f"),
        "gas_saved_m3": st.column_config.NumberColumn("Gas saved (m³/yr)", format="%.0f"),
        "co2_saved_t": st.column_config.NumberColumn("CO₂ saved (t/yr)", format="%.0f"),
        "pct_co2_saved": st.column_config.NumberColumn("% of today's CO₂", format="%.1f"),
        "eur_saved_per_household": st.column_config.NumberColumn("EUR saved per household/yr", format="%.0f"),
        "eur_saved_per_upgraded_dwelling": st.column_config.NumberColumn("EUR saved per upgraded dwelling/yr", format="%.0f"),
        "energy_quote_before_pct": st.column_config.NumberColumn("Energy quote now (%)", format="%.1f"),
        "energy_quote_after_pct": st.column_config.NumberColumn("Energy quote after (%)", format="%.1f"),
        "heq_households_before": st.column_config.NumberColumn("High-quote households now (modelled)", format="%.0f"),
        "households_lifted": st.column_config.NumberColumn("Households lifted (modelled)", format="%.0f"),
        "cost_eur": st.column_config.NumberColumn("Cost (EUR)", format="%.0f"),
        "eur_per_tonne": st.column_config.NumberColumn("EUR per tonne CO₂ (lifetime)", format="%.0f"),
    },
)
st.caption("Energy quote = modelled bill / approximate household income (mean per buurt). Empty cells: CBS suppressed "
           "the gas figure of the buurt, so no saving is computed (never zero).")

# ---- budget scenario ---------------------------------------------------------------------------
st.subheader("Budget scenario")
b1, b2, b3 = st.columns([1, 1, 2])
mode = b1.radio("Limit by", ["budget", "dwellings"], format_func={"budget": "Budget (EUR million)", "dwellings": "Dwellings per year"}.get,
                **settings.widget_kwargs("rf.mode"))
if mode == "budget":
    b2.number_input("Budget (EUR million)", min_value=0.0, max_value=5_000.0, step=1.0, format="%.1f", **settings.widget_kwargs("rf.budget"))
    budget, cap = float(st.session_state["rf.budget"]) * 1e6, None
else:
    b2.number_input("Dwellings per year", min_value=0, max_value=50_000, step=50, **settings.widget_kwargs("rf.dwellings"))
    budget, cap = None, float(st.session_state["rf.dwellings"])
b3.slider("Priority: 0 = most CO₂ per euro, 1 = most energy poverty relieved per euro", 0.0, 1.0, step=0.05,
          **settings.widget_kwargs("rf.alpha"))
alpha = float(st.session_state["rf.alpha"])
alloc = targeting.allocation(p, budget, cap, alpha)
t = alloc.totals
k1, k2, k3, k4 = st.columns(4)
k1.metric("Dwellings upgraded", f"{t['dwellings']:,.0f}")
k2.metric("CO₂ saved (t/yr)", f"{t['co2_saved_t']:,.0f}", help=f"{t['co2_saved_t_lifetime']:,.0f} t over {p.lifetime} years")
k3.metric("Households lifted (modelled)", f"{t['households_lifted']:,.1f}")
k4.metric("Cost (EUR million)", f"{t['cost_eur'] / 1e6:,.2f}")
if not alloc.chosen:
    st.info("Nothing fits: raise the budget or the number of dwellings.")

mapview.highlighted_map("retrofit", frozenset(alloc.chosen), "energy_poverty_index",
                        f"Blue outline: the {len(alloc.chosen)} buurten that receive work in this scenario.")

ranking = alloc.ranking.copy()
ranking["chosen"] = ranking["buurt_code"].isin(alloc.chosen)
st.dataframe(
    ranking[["rank", "buurt_name", "chosen", "score", "co2_per_meur", "lifted_per_meur", "dwellings_allocated", "cost_eur",
             "co2_saved_t", "households_lifted"]],
    hide_index=True, width="stretch", height=320, key="rf.ranking",
    column_config={
        "rank": "Rank", "buurt_name": "Buurt", "chosen": "Gets work",
        "score": st.column_config.ProgressColumn("Score", min_value=0, max_value=1, format="%.2f"),
        "co2_per_meur": st.column_config.NumberColumn("t CO₂/yr per EUR million", format="%.1f"),
        "lifted_per_meur": st.column_config.NumberColumn("Households lifted per EUR million", format="%.2f"),
        "dwellings_allocated": st.column_config.NumberColumn("Dwellings", format="%.0f"),
        "cost_eur": st.column_config.NumberColumn("Cost (EUR)", format="%.0f"),
        "co2_saved_t": st.column_config.NumberColumn("CO₂ saved (t/yr)", format="%.1f"),
        "households_lifted": st.column_config.NumberColumn("Households lifted", format="%.1f"),
    },
)
st.caption("Ranking: (1 − priority) × CO₂ per euro / best + priority × households lifted per euro / best, over each "
           "buurt's whole upgradable stock; within a buurt the worst labels go first; the cost never exceeds the budget.")

st.markdown("**Marginal abatement cost curve**")
scope = st.radio("Curve of", ["allocated", "potential"], horizontal=True, key="rf.mac_scope",
                 format_func={"allocated": "the work in this scenario", "potential": "the whole potential (all buurten to the target)"}.get)
mac = alloc.mac if scope == "allocated" else rb.mac_curve(res)
if mac is None or mac.empty:
    st.info("No CO₂ saving to draw.")
else:
    x = alt.X("cum_co2_t_start:Q", title=f"Cumulative CO₂ saved over {p.lifetime} years (t)")
    bars = alt.Chart(mac).mark_rect(opacity=0.8, stroke="white").encode(
        x=x, x2="cum_co2_t_end:Q", y=alt.Y("eur_per_tonne:Q", title="EUR per tonne CO₂"), y2=alt.datum(0),
        tooltip=["buurt_name", alt.Tooltip("eur_per_tonne:Q", format=",.0f"), alt.Tooltip("co2_t:Q", format=",.0f"),
                 alt.Tooltip("cum_cost_eur:Q", format=",.0f", title="cumulative cost")],
    )
    steps = pd.concat([pd.DataFrame({"co2": [0.0], "cost": [0.0]}),
                       pd.DataFrame({"co2": mac["cum_co2_t_end"], "cost": mac["cum_cost_eur"]})])
    cum = alt.Chart(steps).mark_line(interpolate="step-before", point=True).encode(
        x=alt.X("co2:Q", title=f"Cumulative CO₂ saved over {p.lifetime} years (t)"),
        y=alt.Y("cost:Q", title="Cumulative cost (EUR)"),
    )
    g1, g2 = st.columns(2)
    g1.altair_chart(bars.properties(height=300), width="stretch")
    g2.altair_chart(cum.properties(height=300), width="stretch")
    st.caption("Left: one block per buurt, cheapest tonne first (width = CO₂ saved, height = EUR per tonne). "
               "Right: the same as cumulative cost against cumulative CO₂.")

# ---- market view -------------------------------------------------------------------------------
st.subheader("Market view: retrofit volume (estimates)")
mk = targeting.market(p)
f1, f2 = st.columns(2)
labels = f1.multiselect("Current label", list(r.LABELS), default=["E", "F", "G"], key="rf.market_labels")
types = f2.multiselect("Dwelling type", list(r.DWELLING_TYPES), default=list(r.DWELLING_TYPES), key="rf.market_types")
view = mk[mk["label"].isin(labels) & mk["dwelling_type"].isin(types) & (mk["dwellings_to_upgrade"] > 0)]
st.caption(f"{view['dwellings_to_upgrade'].sum():,.0f} dwellings to upgrade to label {p.target_label} in the selection, "
           f"EUR {view['cost_eur'].sum() / 1e6:,.1f} million at the costs above. Estimated counts (fractions of dwellings).")
st.dataframe(view, hide_index=True, width="stretch", height=300, key="rf.market",
             column_config={
                 "buurt_code": "Code", "buurt_name": "Buurt", "dwelling_type": "Dwelling type", "build_period": "Build period",
                 "label": "Label now", "estimated": "Estimate",
                 "dwellings": st.column_config.NumberColumn("Dwellings (est.)", format="%.1f"),
                 "dwellings_to_upgrade": st.column_config.NumberColumn("To upgrade (est.)", format="%.1f"),
                 "gas_saved_m3": st.column_config.NumberColumn("Gas saved (m³/yr)", format="%.0f"),
                 "co2_saved_t": st.column_config.NumberColumn("CO₂ saved (t/yr)", format="%.2f"),
                 "cost_eur": st.column_config.NumberColumn("Cost (EUR)", format="%.0f"),
             })
st.download_button("Download the market view (CSV, estimates)", view.to_csv(index=False).encode("utf-8"),
                   file_name=f"retrofit_market_heerlen_target_{p.target_label}.csv", mime="text/csv", key="rf.download")
