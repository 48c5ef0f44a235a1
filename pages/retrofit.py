"""Retrofit (verduurzamen): savings per buurt, a budget scenario on the map, the abatement-cost curve, a market view."""

import streamlit as st

from geo import vocab
from geo.catalog import sources
from geo.params import PACKAGES, RetrofitParams
from geo.report import profile, tables
from geo.targeting import budget as rb
from geo.targeting import inputs
from geo.targeting import savings as rs
from ui import charts, data, mapview, settings, targeting

LABELS, TYPES = list(vocab.LABELS), list(vocab.DWELLING_TYPES)
w, cfg = settings.widget_kwargs, targeting.column_config  # bind a widget to a setting; a table's column labels
data.ensure_data()
targeting.ensure_stock()
st.title("Retrofit (verduurzamen)")
st.markdown("What upgrading dwellings to a target energy label saves per buurt, and where a budget does most: for the "
            "climate (CO₂ per euro) or against energy poverty (households lifted out of a high energy quote per "
            "euro). **All dwelling counts by label, tenure and build period are estimates** (the housing-stock "
            "model); savings rest on the *measured* gas use per buurt. Method and sources: Data & method.")

settings.init()
d = RetrofitParams()
for k, v in {"rf.target": d.target_label, "rf.co2_gas": d.co2_gas, "rf.co2_elec": d.co2_electricity, "rf.lifetime":
             d.lifetime, "rf.mode": "budget", "rf.budget": 20.0, "rf.dwellings": 500, "rf.alpha": 0.5}.items():
    st.session_state.setdefault(k, v)
ss, s, names = st.session_state, settings.current(), targeting.names()

# ---- assumptions -------------------------------------------------------------------------------
st.subheader("Assumptions")
c1, c2, c3, c4 = st.columns(4)
c1.selectbox("Target label", LABELS, help="Every dwelling with a worse label is brought to this one.", **w("rf.target"))
c2.number_input("CO₂ natural gas (kg per m³)", 0.0, 5.0, step=0.01, format="%.2f", **w("rf.co2_gas"))
c3.number_input("CO₂ electricity (kg per kWh)", 0.0, 2.0, step=0.01, format="%.2f", **w("rf.co2_elec"),
                help="For today's CO₂ of a buurt and the electricity a heat pump adds.")
c4.number_input("Lifetime of the measures (years)", 1, 60, step=1, help="For EUR per tonne CO₂ over the lifetime.",
                **w("rf.lifetime"))
st.caption(f"CO₂ factors: {vocab.CO2_SOURCE} Prices of {s.prices.year}: gas EUR {s.prices.gas_eur_per_m3:.3f}/m³, "
           f"electricity EUR {s.prices.electricity_eur_per_kwh:.3f}/kWh, and the high-quote threshold "
           f"({s.threshold:.0f}% of income) come from the sidebar.")
package = targeting.package_settings(d)

left, right = st.columns([2, 3])
edited = settings.kept_editor(left, inputs.cost_table(), key="rf.costs", hide_index=True, num_rows="fixed",
                              width="stretch", column_config=cfg(tables.COST_EDITOR))
right.caption(f"**Insulation cost per label step (editable).** {sources.COST_SOURCE} Heat pumps: "
              f"{sources.HEAT_PUMP_SOURCE}")
costs, cost_messages = inputs.validate_costs(edited)
for msg in cost_messages:
    st.warning(profile.literal_markdown(msg))
p = RetrofitParams(target_label=ss["rf.target"], prices=s.prices, threshold=s.threshold,
                   co2_gas=float(ss["rf.co2_gas"]), co2_electricity=float(ss["rf.co2_elec"]),
                   costs=tuple(costs.items()), lifetime=int(ss["rf.lifetime"]), **package)
st.markdown("**Label gap beside measured gaps**: gas per label at the same type and floor area (VIVET), A vs G.")
st.dataframe(targeting.label_gap(), hide_index=True, width="stretch", column_config=cfg(tables.LABEL_GAP))

# ---- stock -------------------------------------------------------------------------------------
st.subheader("Housing stock per buurt (estimated)")
st.caption("Estimated dwellings per label class (VIVET raked to CBS buurt figures; unlabelled ones imputed).")
sc1, sc2 = st.columns([2, 1])
pick = sc1.selectbox("Buurt", sorted(names, key=names.get), format_func=names.get, key="rf.stock_buurt")
dim = sc2.radio("Split by", ["tenure", "build_period", "dwelling_type"], horizontal=True, key="rf.stock_dim",
                format_func=lambda d: d.replace("_", " "))
stock = targeting.stock_by(dim)
mine = stock[stock["buurt_code"] == pick].drop(columns="buurt_code")
st.altair_chart(charts.label_bars(mine, dim, LABELS), width="stretch")
st.dataframe(mine.round(0), hide_index=True, width="stretch")

# ---- savings per buurt -------------------------------------------------------------------------
res, pt = targeting.retrofit_buurten(p), targeting.per_tonne(p)
tot = rs.totals(res)
st.subheader(f"{PACKAGES[p.package]}: every dwelling worse than label {p.target_label}")
m1, m2, m3, m4, m5, m6 = st.columns(6)
m1.metric("Dwellings to upgrade (est.)", f"{tot['dwellings_upgraded']:,.0f}")
m2.metric("Gas saved per dwelling", f"{pt['gas_saved_m3_per_dwelling']:,.0f} m³",
          help=f"{pt['gas_saved_pct']:.1f}% of their gas; electricity +{pt['electricity_added_kwh_per_dwelling']:,.0f} "
          "kWh per dwelling a year.")
m3.metric("CO₂ saved (t/yr)", f"{tot['co2_saved_t']:,.0f}")
m4.metric("Households lifted (modelled)", f"{tot['households_lifted']:,.0f}",
          help=f"Households whose bill / disposable income (Monitor model) falls from ≥ {s.threshold:.0f}% to below.")
m5.metric("Gross EUR per tonne", f"{pt['eur_per_tonne_gross']:,.0f}",
          help=f"Investment / tonnes over {p.lifetime} years: no discounting, no energy saved.")
m6.metric("Net national cost per tonne", f"{pt['eur_per_tonne_net']:,.0f}",
          help=f"PBL method: annuity of the investment at {100 * p.discount_rate:.2f}% over {p.lifetime} years "
          f"minus the energy cost saved at {s.prices.year} prices, per yearly tonne. Negative: the energy saved "
          "pays for it.")
st.dataframe(res[list(tables.RETROFIT_BUURTEN)].sort_values("co2_saved_t", ascending=False), hide_index=True,
             width="stretch", height=360, column_config=cfg(tables.RETROFIT_BUURTEN))
st.caption("Energy quote = modelled bill / modelled disposable household income (means per buurt, Monitor model). "
           "Empty cells: CBS suppressed the gas figure of the buurt, so no saving is computed (never zero).")

# ---- budget scenario ---------------------------------------------------------------------------
st.subheader("Budget scenario")
b1, b2, b3 = st.columns([1, 1, 2])
mode = b1.radio("Limit by", ["budget", "dwellings"], **w("rf.mode"),
                format_func={"budget": "Budget (EUR million)", "dwellings": "Dwellings per year"}.get)
if mode == "budget":
    b2.number_input("Budget (EUR million)", min_value=0.0, max_value=5_000.0, step=1.0, format="%.1f", **w("rf.budget"))
else:
    b2.number_input("Dwellings per year", min_value=0, max_value=50_000, step=50, **w("rf.dwellings"))
b3.slider("Priority: 0 = most CO₂ per euro, 1 = most energy poverty relieved per euro", 0.0, 1.0, step=0.05,
          **w("rf.alpha"))
alloc = targeting.allocation(p, *rb.allocation_limits(mode, ss["rf.budget"], ss["rf.dwellings"]), float(ss["rf.alpha"]))
t = alloc.totals
k1, k2, k3, k4 = st.columns(4)
k1.metric("Dwellings upgraded", f"{t['dwellings']:,.0f}")
k2.metric("CO₂ saved (t/yr)", f"{t['co2_saved_t']:,.0f}",
          help=f"{t['co2_saved_t_lifetime']:,.0f} t over {p.lifetime} years")
k3.metric("Households lifted (modelled)", f"{t['households_lifted']:,.1f}")
k4.metric("Cost (EUR million)", f"{t['cost_eur'] / 1e6:,.2f}")
if not alloc.chosen:
    st.info("Nothing fits: raise the budget or the number of dwellings.")

mapview.highlighted_map("retrofit", frozenset(alloc.chosen), "energy_poverty_index",
                        f"Blue outline: the {len(alloc.chosen)} buurten that receive work in this scenario.")
st.dataframe(alloc.ranking[list(tables.RANKING)], hide_index=True, width="stretch", height=320, key="rf.ranking",
             column_config=cfg(tables.RANKING))
st.caption("Ranking: (1 − priority) × CO₂ per euro / best + priority × households lifted per euro / best, over each "
           "buurt's whole upgradable stock; within a buurt the worst labels go first; the cost never exceeds the "
           "budget.")

st.markdown("**Marginal abatement cost curve**")
scope = st.radio("Curve of", ["allocated", "potential"], horizontal=True, key="rf.mac_scope",
                 format_func={"allocated": "the work in this scenario",
                              "potential": "the whole potential (all buurten to the target)"}.get)
mac = alloc.mac if scope == "allocated" else rb.mac_curve(res)
if mac is None or mac.empty:
    st.info("No CO₂ saving to draw.")
else:
    x_title = f"Cumulative CO₂ saved over {p.lifetime} years (t); height: gross EUR per tonne"
    g1, g2 = st.columns(2)
    g1.altair_chart(charts.abatement_blocks(mac, x_title), width="stretch")
    g2.altair_chart(charts.abatement_cumulative(mac, x_title), width="stretch")
    st.caption("Left: one block per buurt, cheapest tonne first (width = CO₂ saved, height = EUR per tonne). "
               "Right: the same as cumulative cost against cumulative CO₂.")

# ---- market view -------------------------------------------------------------------------------
st.subheader("Market view: retrofit volume (estimates)")
mk = targeting.market(p)
f1, f2 = st.columns(2)
labels = f1.multiselect("Current label", LABELS, default=["E", "F", "G"], key="rf.market_labels")
types = f2.multiselect("Dwelling type", TYPES, default=TYPES, key="rf.market_types")
view, mt = rb.market_selection(mk, labels, types)
st.caption(f"{mt['dwellings_to_upgrade']:,.0f} dwellings to upgrade to label {p.target_label} in the selection, "
           f"EUR {mt['cost_eur'] / 1e6:,.1f} million at the costs above. Estimated counts (fractions of dwellings).")
st.dataframe(view, hide_index=True, width="stretch", height=300, key="rf.market", column_config=cfg(tables.MARKET))
st.download_button("Download the market view (CSV, estimates)", view.to_csv(index=False).encode("utf-8"),
                   file_name=f"retrofit_market_heerlen_target_{p.target_label}.csv", mime="text/csv", key="rf.download")
