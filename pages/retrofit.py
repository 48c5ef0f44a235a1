"""Retrofit (verduurzamen): savings per buurt, a budget scenario on the map, the abatement-cost curve, a market view."""

import streamlit as st

from geo import i18n, vocab
from geo.catalog import sources
from geo.i18n import N_, _
from geo.params import PACKAGES, RetrofitParams
from geo.report import profile
from geo.report import tables as specs
from geo.targeting import budget as rb
from geo.targeting import display, inputs
from geo.targeting import savings as rs
from ui import charts, data, exports, gridload, mapview, planning, settings, tables, targeting

LABELS, TYPES = list(vocab.LABELS), list(vocab.DWELLING_TYPES)
DIMENSIONS = {"tenure": N_("Tenure"), "build_period": N_("Build period"), "dwelling_type": N_("Dwelling type")}
w, num, money = settings.widget_kwargs, i18n.number, i18n.money  # bind a widget to a setting; numbers in text
data.ensure_data()
st.title(_("Retrofit"))
targeting.ensure_stock()
st.markdown(_("What upgrading dwellings to a target energy label saves per buurt, and where a budget does most: for "
              "the climate (CO₂ per euro) or against energy poverty (households lifted out of a high energy quote per "
              "euro). **All dwelling counts by label, tenure and build period are estimates** (the housing-stock "
              "model); savings rest on the *measured* gas use per buurt. Method and sources: Data & method."))

settings.init()
d = RetrofitParams()
for k, v in {"rf.target": d.target_label, "rf.co2_gas": d.co2_gas, "rf.co2_elec": d.co2_electricity, "rf.lifetime":
             d.lifetime, "rf.mode": "budget", "rf.budget": 20.0, "rf.dwellings": 500, "rf.alpha": 0.5}.items():
    st.session_state.setdefault(k, v)
ss, s, names = st.session_state, settings.current(), targeting.names()

# ---- assumptions -------------------------------------------------------------------------------
st.subheader(_("Assumptions"))
c1, c2, c3, c4 = st.columns(4)
c1.selectbox(_("Target label"), LABELS, help=_("Every dwelling with a worse label is brought to this one."),
             **w("rf.target"))
c2.number_input(_("CO₂ natural gas (kg per m³)"), 0.0, 5.0, step=0.01, format="%.2f", **w("rf.co2_gas"))
c3.number_input(_("CO₂ electricity (kg per kWh)"), 0.0, 2.0, step=0.01, format="%.2f", **w("rf.co2_elec"),
                help=_("For today's CO₂ of a buurt and the electricity a heat pump adds."))
c4.number_input(_("Lifetime (years)"), 1, 60, step=1, help=_("Lifetime of the measures, for EUR per tonne CO₂ over "
                                                              "the lifetime."), **w("rf.lifetime"))
st.caption(_("CO₂ factors: {source} Prices of {year}: gas {gas}/m³, electricity {electricity}/kWh, and the "
             "high-quote threshold ({threshold} of income) come from the sidebar.").format(
    source=_(vocab.CO2_SOURCE), year=s.prices.year, gas=money(s.prices.gas_eur_per_m3, 3),
    electricity=money(s.prices.electricity_eur_per_kwh, 3), threshold=i18n.percent(s.threshold, 0)))
package = planning.package_settings(d)

left, right = st.columns([2, 3])
with left:
    edited = planning.cost_editor()
right.caption(_("**Insulation cost per label step (editable).** {costs} Heat pumps: {heat_pumps}").format(
    costs=_(sources.COST_SOURCE), heat_pumps=_(sources.HEAT_PUMP_SOURCE)))
costs, cost_messages = inputs.validate_costs(edited)
for msg in cost_messages:
    st.warning(profile.literal_markdown(msg))
p = RetrofitParams(target_label=ss["rf.target"], prices=s.prices, threshold=s.threshold,
                   co2_gas=float(ss["rf.co2_gas"]), co2_electricity=float(ss["rf.co2_elec"]),
                   costs=tuple(costs.items()), lifetime=int(ss["rf.lifetime"]), **package)
st.markdown(_("**Label gap beside measured gaps**: gas per label at the same type and floor area (VIVET), A vs G."))
tables.show(targeting.label_gap(), specs.LABEL_GAP)

# ---- stock -------------------------------------------------------------------------------------
st.subheader(_("Housing stock per buurt (estimated)"))
st.caption(_("Estimated dwellings per label class (VIVET raked to CBS buurt figures; unlabelled ones imputed)."))
sc1, sc2 = st.columns([2, 1])
pick = sc1.selectbox(_("Buurt"), sorted(names, key=names.get), format_func=names.get, key="rf.stock_buurt")
dim = sc2.radio(_("Split by"), list(DIMENSIONS), horizontal=True, key="rf.stock_dim",
                format_func=planning.option_names(DIMENSIONS))
stock = targeting.stock_by(dim)
mine = targeting.in_words(stock[stock["buurt_code"] == pick].drop(columns="buurt_code")).round(0)
st.altair_chart(charts.label_bars(mine, dim, LABELS), width="stretch")
tables.show(mine.rename(columns={dim: _(DIMENSIONS[dim])}))

# ---- savings per buurt -------------------------------------------------------------------------
res, pt = targeting.retrofit_buurten(p), targeting.per_tonne(p)
tot = rs.totals(res)
st.subheader(_("{package}: every dwelling worse than label {label}").format(package=_(PACKAGES[p.package]),
                                                                            label=p.target_label))
planning.savings_metrics(p, tot, pt)
tables.show(res.sort_values("co2_saved_t", ascending=False), specs.RETROFIT_BUURTEN, height=360)
st.caption(_("Energy quote = modelled bill / modelled disposable household income (means per buurt, Monitor model). "
             "Empty cells: CBS suppressed the gas figure of the buurt, so no saving is computed (never zero)."))
gridload.retrofit_section(p)

# ---- budget scenario ---------------------------------------------------------------------------
st.subheader(_("Budget scenario"))
b1, b2, b3 = st.columns([1, 1, 2])
LIMITS = {"budget": N_("Budget (EUR million)"), "dwellings": N_("Dwellings per year")}
mode = b1.radio(_("Limit by"), list(LIMITS), **w("rf.mode"), format_func=planning.option_names(LIMITS))
if mode == "budget":
    b2.number_input(_(LIMITS[mode]), min_value=0.0, max_value=5_000.0, step=1.0, format="%.1f", **w("rf.budget"))
else:
    b2.number_input(_(LIMITS[mode]), min_value=0, max_value=50_000, step=50, **w("rf.dwellings"))
b3.slider(_("Priority"), 0.0, 1.0, step=0.05, **w("rf.alpha"),
          help=_("0 = most CO₂ per euro, 1 = most energy poverty relieved per euro."))
alloc = targeting.allocation(p, *rb.allocation_limits(mode, ss["rf.budget"], ss["rf.dwellings"]), float(ss["rf.alpha"]))
t = alloc.totals
k1, k2, k3, k4 = st.columns(4)
k1.metric(_("Dwellings upgraded"), num(t["dwellings"]))
k2.metric(_("CO₂ saved (t/yr)"), num(t["co2_saved_t"]),
          help=_("{tonnes} t over {years} years").format(tonnes=num(t["co2_saved_t_lifetime"]), years=p.lifetime))
k3.metric(_("Households lifted"), num(t["households_lifted"], 1), help=_("Modelled."))
k4.metric(_("Cost (EUR million)"), num(t["cost_eur"] / 1e6, 2))
if not alloc.chosen:
    st.info(_("Nothing fits: raise the budget or the number of dwellings."))

mapview.highlighted_map("retrofit", frozenset(alloc.chosen), "energy_poverty_index",
                        i18n.ngettext("Blue outline: the {n} buurt that receives work in this scenario.",
                                      "Blue outline: the {n} buurten that receive work in this scenario.",
                                      len(alloc.chosen)).format(n=len(alloc.chosen)))
tables.show(alloc.ranking, specs.RANKING, height=320, key="rf.ranking")
st.caption(_("Ranking: (1 − priority) × CO₂ per euro / best + priority × households lifted per euro / best, over "
             "each buurt's whole upgradable stock; within a buurt the worst labels go first; the cost never exceeds "
             "the budget."))

st.markdown(_("**Marginal abatement cost curve**"))
SCOPES = {"allocated": N_("the work in this scenario"), "potential": N_("the whole potential (all buurten to the "
                                                                          "target)")}
scope = st.radio(_("Curve of"), list(SCOPES), horizontal=True, key="rf.mac_scope",
                 format_func=planning.option_names(SCOPES))
mac = alloc.mac if scope == "allocated" else rb.mac_curve(res)
if mac is None or mac.empty:
    st.info(_("No CO₂ saving to draw."))
else:
    x_title = _("Cumulative CO₂ saved over {years} years (t)").format(years=p.lifetime)
    g1, g2 = st.columns(2)
    g1.altair_chart(charts.abatement_blocks(mac, x_title), width="stretch")
    g2.altair_chart(charts.abatement_cumulative(mac, x_title), width="stretch")
    st.caption(_("Left: one block per buurt, cheapest tonne first (width = CO₂ saved, height = gross EUR per tonne). "
                 "Right: the same as cumulative cost against cumulative CO₂."))

# ---- market view -------------------------------------------------------------------------------
st.subheader(_("Market view: retrofit volume (estimates)"))
mk = targeting.market(p)
f1, f2 = st.columns(2)
labels = f1.multiselect(_("Current label"), LABELS, default=["E", "F", "G"], key="rf.market_labels",
                        placeholder=_("Choose one or more labels"))
types = f2.multiselect(_("Dwelling type"), TYPES, default=TYPES, key="rf.market_types",
                       format_func={t: display(t) for t in TYPES}.get, placeholder=_("Choose one or more types"))
view, mt = rb.market_selection(mk, labels, types)
st.caption(_("{dwellings} dwellings to upgrade to label {label} in the selection, {cost} at the costs above. "
             "Estimated counts (fractions of dwellings).").format(
    dwellings=num(mt["dwellings_to_upgrade"]), label=p.target_label, cost=money(mt["cost_eur"])))
tables.show(targeting.in_words(view), specs.MARKET, height=300, key="rf.market")
market_csv = exports.csv_data(targeting.in_words(view), specs.MARKET)  # headers in words, the user's locale
st.download_button(_("Download the market view (CSV, estimates)"), market_csv,
                   file_name=f"retrofit_market_{targeting.slug()}_target_{p.target_label}.csv", mime="text/csv",
                   key="rf.download", on_click="ignore")
