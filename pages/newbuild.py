"""New-build (nieuwbouw): the housing target against growth scenarios, a score per buurt and an editable allocation."""

import altair as alt
import pandas as pd
import streamlit as st

from geo.report import profile
from geo.errors import DataError
from geo.targeting import newbuild as nb
from ui import data, mapview, settings, targeting

data.ensure_data()
targeting.ensure_stock()
st.title("New-build (nieuwbouw)")
st.markdown(
    f"Heerlen has agreed to build **{nb.TARGET_2030:,} homes by 2030 and at least {nb.TARGET_2032:,} by 2032**, its "
    f"share of the Limburg housing deal of {nb.LIMBURG_HOUSING_DEAL:,} homes. This page compares the target with "
    "what household growth needs, scores every buurt for new homes and shares the target over the buurten. "
    "Buurt figures are estimates; see Data & method."
)
st.caption(nb.TARGET_SOURCE)

settings.init()
base = targeting.household_base()
PERSIST = {
    "nb.t2030": nb.TARGET_2030, "nb.t2032": nb.TARGET_2032,
    "nb.vacancy": base["vacancy_pct"], "nb.demolitions": 0.0,
    "nb.thinning_share": nb.THINNING_SHARE, "nb.replacement_ratio": nb.REPLACEMENT_RATIO,
    "nb.w.thinning": 1.0, "nb.w.mixing": 1.0, "nb.w.transformation": 1.0,
    "nb.mix_share": nb.MIX_REFERENCE_SHARE, "nb.top_n": 10, "nb.allocate": nb.TARGET_2032,
}
for key, sc in nb.SCENARIOS.items():
    extra = sc.get("extra_households_per_year")
    PERSIST[f"nb.sc.{key}.rate"] = round(sc["rate_per_year"] * 100, 3)
    PERSIST[f"nb.sc.{key}.extra"] = float(round(base["trend"] if extra is None else extra))
    PERSIST[f"nb.sc.{key}.ambition"] = float(sc.get("ambition_households_per_year", 0.0))
for k, v in PERSIST.items():
    st.session_state.setdefault(k, v)
ss = st.session_state
s = settings.current()
names = targeting.names()

# ---- target and scenarios ----------------------------------------------------------------------
st.subheader("Housing target and growth scenarios")
t1, t2, t3, t4 = st.columns(4)
t1.number_input("Target by 2030 (homes)", 0, 20_000, step=50, **settings.widget_kwargs("nb.t2030"))
t2.number_input("Target by 2032 (homes)", 0, 20_000, step=50, **settings.widget_kwargs("nb.t2032"))
t3.number_input("Vacancy to aim for (% of stock)", 0.0, 20.0, step=0.5,
                help=f"KWB: {base['vacancy_pct']:.0f}% of Heerlen's dwellings unoccupied ({base['vacancy_year']}).",
                **settings.widget_kwargs("nb.vacancy"))
t4.number_input("Demolitions to replace per year", 0.0, 2_000.0, step=10.0, **settings.widget_kwargs("nb.demolitions"))

cols = st.columns(3)
scenarios = []
for col, (key, sc) in zip(cols, nb.SCENARIOS.items()):
    with col:
        st.markdown(f"**{sc['label']}**")
        st.number_input("Growth rate (% per year)", -5.0, 5.0, step=0.01, format="%.3f", **settings.widget_kwargs(f"nb.sc.{key}.rate"))
        st.number_input("Extra households per year", -2_000.0, 2_000.0, step=10.0, format="%.0f", **settings.widget_kwargs(f"nb.sc.{key}.extra"))
        if "ambition_households_per_year" in sc:
            st.number_input("Plus: ambition (households per year)", 0.0, 2_000.0, step=10.0, format="%.0f",
                            **settings.widget_kwargs(f"nb.sc.{key}.ambition"))
        st.caption(sc["basis"])
    scenarios.append((key, sc["label"], float(ss[f"nb.sc.{key}.rate"]) / 100, float(ss[f"nb.sc.{key}.extra"]),
                      float(ss[f"nb.sc.{key}.ambition"]) if "ambition_households_per_year" in sc else 0.0))
st.caption(f"Start: {base['households']:,.0f} households and {base['stock']:,.0f} dwellings in {base['base_year']} (CBS KWB); "
           f"observed household trend 2016-{base['base_year']}: {base['trend']:+,.0f} a year. Households grow as "
           "h(y) = h(y−1) × (1 + rate) + extra; the stock keeps today's ratio to households.")

need = targeting.homes_needed(tuple(scenarios), base["vacancy_pct"], float(ss["nb.vacancy"]), float(ss["nb.demolitions"]),
                              int(ss["nb.t2030"]), int(ss["nb.t2032"]))
lines = need[["label", "year", "homes_needed_cum"]].rename(columns={"label": "series", "homes_needed_cum": "homes"})
target_line = need.drop_duplicates("year")[["year", "target_cum"]].rename(columns={"target_cum": "homes"}).assign(series="Target")
plot = pd.concat([lines, target_line])
chart = alt.Chart(plot).mark_line(point=True).encode(
    x=alt.X("year:O", title=None), y=alt.Y("homes:Q", title="Homes (cumulative from the start year)"),
    color=alt.Color("series:N", title=None, scale=alt.Scale(domain=[sc["label"] for sc in nb.SCENARIOS.values()] + ["Target"],
                                                         range=["#4c78a8", "#f58518", "#54a24b", "#222222"])),
    strokeDash=alt.condition(alt.datum.series == "Target", alt.value([6, 3]), alt.value([1, 0])),
    tooltip=["series", "year", alt.Tooltip("homes:Q", format=",.0f")],
)
c_left, c_right = st.columns([3, 2])
c_left.altair_chart(chart.properties(height=320), width="stretch")
wide = need.pivot_table(index="year", columns="label", values="homes_needed_year", aggfunc="sum").round(0)
wide["Target (cumulative)"] = need.drop_duplicates("year").set_index("year")["target_cum"].round(0)
c_right.dataframe(wide.reset_index(), hide_index=True, width="stretch", height=320, key="nb.need_table")
end = need[need["year"] == need["year"].max()].set_index("label")
st.caption("Table: homes needed per year for household growth per scenario, and the cumulative target path. "
           + " ".join(f"{lab}: {row.homes_needed_cum:,.0f} needed by 2032, {row.target_minus_need:+,.0f} against the target."
                      for lab, row in end.iterrows())
           + " A positive gap is room for replacement (thinning) and mixing rather than growth.")

# ---- score -------------------------------------------------------------------------------------
st.subheader("Where to build: score per buurt")
with st.container(border=True):
    st.slider("**Thinning share**: part of each buurt's new homes that replaces demolished label E-G dwellings",
              0.0, 1.0, step=0.05, **settings.widget_kwargs("nb.thinning_share"))
    st.caption("The rest of the homes is added in the tenure that mixes the buurt most. Demolition removes all gas "
               "use of a dwelling, so a higher thinning share means a much larger CO₂ effect (see the note below).")
w1, w2, w3, w4 = st.columns(4)
w1.slider("Replacement ratio: new homes per demolished (M/N ≤ 1)", 0.1, 1.0, step=0.05, **settings.widget_kwargs("nb.replacement_ratio"))
w2.slider("Weight: thinning (verdunnen)", 0.0, 3.0, step=0.25, **settings.widget_kwargs("nb.w.thinning"))
w3.slider("Weight: mixing without displacing", 0.0, 3.0, step=0.25, **settings.widget_kwargs("nb.w.mixing"))
w4.slider("Weight: transformation location", 0.0, 3.0, step=0.25, **settings.widget_kwargs("nb.w.transformation"))
uploaded = st.file_uploader(
    "Or upload transformation locations: a .csv with a column buurt_code, or a .geojson of points/areas (any declared CRS)",
    type=["csv", "geojson", "json"], key="nb.upload",
)
if uploaded is not None and ss.get("nb.upload_done") != uploaded.file_id:
    try:
        found = targeting.uploaded_locations(uploaded.getvalue(), uploaded.name)
    except DataError as err:
        st.error(profile.literal_markdown(f"{uploaded.name[:60]}: {err}"))
    else:
        ss["nb.transformation"] = sorted(set(ss.get("nb.transformation", [])) | set(found))
        ss["nb.upload_done"] = uploaded.file_id
        st.success(profile.literal_markdown(
            f"Added {len(found)} buurt(en) from {uploaded.name[:60]}: {', '.join(names[c] for c in found)}."))
x1, x2 = st.columns([3, 1])
transformation = x1.multiselect("Transformation locations (buurten with a site for new homes, e.g. offices or vacant land)",
                                sorted(names, key=names.get), format_func=names.get, key="nb.transformation")
x2.number_input("Spread the target over the best ... buurten", 1, len(names), step=1, **settings.widget_kwargs("nb.top_n"))
weights = (("thinning", float(ss["nb.w.thinning"])), ("mixing", float(ss["nb.w.mixing"])), ("transformation", float(ss["nb.w.transformation"])))
if sum(w for _, w in weights) <= 0:
    st.warning("All weights are zero; equal weights are used.")
sp = targeting.ScoreParams(s.prices.gas_eur_per_m3, s.prices.electricity_eur_per_kwh, s.threshold,
                           tuple(sorted(transformation)), weights, float(ss["nb.mix_share"]))
scores = targeting.newbuild_scores(sp)
st.dataframe(
    scores[["buurt_name", "score", "score_thinning", "score_mixing", "score_transformation", "efg_dwellings", "efg_co2_t",
            "efg_heq_households", "mix_tenure_added", "mix_gain", "eligible"]],
    hide_index=True, width="stretch", height=300, key="nb.scores",
    column_config={
        "buurt_name": "Buurt",
        "score": st.column_config.ProgressColumn("Score", min_value=0, max_value=1, format="%.2f"),
        "score_thinning": st.column_config.NumberColumn("Thinning (verdunnen)", format="%.2f"),
        "score_mixing": st.column_config.NumberColumn("Mixing without displacing", format="%.2f"),
        "score_transformation": st.column_config.NumberColumn("Transformation", format="%.0f"),
        "efg_dwellings": st.column_config.NumberColumn("Label E-G dwellings (est.)", format="%.0f"),
        "efg_co2_t": st.column_config.NumberColumn("Their CO₂ (t/yr)", format="%.0f"),
        "efg_heq_households": st.column_config.NumberColumn("Their high-quote households (modelled)", format="%.0f"),
        "mix_tenure_added": "Tenure that mixes most",
        "mix_gain": st.column_config.NumberColumn("Mix gain", format="%.3f"),
        "eligible": st.column_config.CheckboxColumn(f"≥ {nb.MIN_HOUSEHOLDS} households"),
    },
)
st.caption("Each part is divided by the best buurt on it (1 = best). Thinning: CO₂ and high-quote households of the "
           "E-G stock that demolition would remove. Mixing: how far homes of the best tenure (10% of the stock) move the "
           "buurt towards the Heerlen tenure mix, without anyone leaving. Transformation: 1 for the locations you mark.")

# ---- allocation --------------------------------------------------------------------------------
st.subheader("Allocation of the target over buurten")
a1, a2 = st.columns([1, 3])
a1.number_input("Homes to allocate", 0, 20_000, step=50, help="Default: the 2032 target.", **settings.widget_kwargs("nb.allocate"))
target = int(ss["nb.allocate"])
top_n = int(ss["nb.top_n"])
sugg = targeting.suggested(sp, target, top_n)
a2.caption(f"Suggested: {target:,} homes shared over the {top_n} best-scoring buurten (plus any transformation location) "
           "in proportion to their score, in whole homes (largest remainder). Edit the **Homes** column to make your own plan; "
           "buurten are listed by name so an edit stays with its buurt when the suggestion changes.")
editor_in = pd.DataFrame({"buurt_code": list(names), "buurt_name": [names[c] for c in names]})
editor_in["score"] = editor_in["buurt_code"].map(scores.set_index("buurt_code")["score"]).round(3)
editor_in["suggested"] = editor_in["buurt_code"].map(sugg).fillna(0).astype(int)
editor_in["homes"] = editor_in["suggested"]
editor_in = editor_in.sort_values("buurt_name").reset_index(drop=True)
edited = st.data_editor(
    editor_in, key="nb.alloc_editor", hide_index=True, num_rows="fixed", width="stretch", height=300,
    column_config={
        "buurt_code": st.column_config.TextColumn("Code", disabled=True),
        "buurt_name": st.column_config.TextColumn("Buurt", disabled=True),
        "score": st.column_config.NumberColumn("Score", disabled=True, format="%.2f"),
        "suggested": st.column_config.NumberColumn("Suggested", disabled=True, format="%d"),
        "homes": st.column_config.NumberColumn("Homes (your plan)", min_value=0, step=1, format="%d"),
    },
)
plan, plan_messages = targeting.validate_allocation(edited, sugg)
for msg in plan_messages:
    st.warning(profile.literal_markdown(msg))
if st.button("Back to the suggestion", key="nb.reset_plan"):
    ss.pop("nb.alloc_editor", None)
    st.rerun()

effects, totals = targeting.newbuild_effects(sp, tuple(sorted(plan[plan > 0].items())), float(ss["nb.thinning_share"]),
                                             float(ss["nb.replacement_ratio"]))
chosen = frozenset(plan[plan > 0].index)
homes = int(plan.sum())
t2030, t2032 = int(ss["nb.t2030"]), int(ss["nb.t2032"])
e1, e2, e3, e4, e5 = st.columns(5)
e1.metric("Homes in the plan", f"{homes:,}")
e2.metric(f"Progress on {t2030:,} (2030)", f"{100 * homes / t2030:.0f}%" if t2030 else "-")
e3.metric(f"Progress on {t2032:,} (2032)", f"{100 * homes / t2032:.0f}%" if t2032 else "-")
e4.metric("CO₂ saved (t/yr)", f"{totals['co2_saved_t']:,.0f}", help="Gas use of the demolished E-G dwellings; new homes use no gas.")
e5.metric("Households relieved", f"{totals['heq_households_relieved']:,.0f}",
          help="Modelled households with a high energy quote living in the demolished dwellings.")
st.caption(f"Demolished: {totals['demolished']:,.0f} label E-G dwellings; net change of the stock: "
           f"{totals['net_stock_change']:+,.0f} dwellings. Household growth needs by 2032: "
           + ", ".join(f"{lab} {row.homes_needed_cum:,.0f}" for lab, row in end.iterrows())
           + ". With a high thinning share and a low replacement ratio most new homes replace demolished ones, so the "
           "stock grows little.")
if homes != target:
    st.info(f"Your plan has {homes:,} homes, {homes - target:+,} against the {target:,} to allocate.")

st.info(
    "**Why demolition shows a large CO₂ effect.** A retrofit to label B saves only the *difference* in gas use between "
    "two labels, which in Heerlen's data is small (label A uses about 12% less gas than G within the same dwelling type and age). "
    "Demolishing a dwelling removes **all** of its gas use, and the new home is assumed gas-free (BENG). So one "
    "demolished E-G dwelling counts for several retrofits in CO₂, without counting the CO₂ of demolition and "
    "construction (embodied emissions), which this model leaves out."
)

eff = effects[effects["homes"] > 0]
mix_before = (eff["mix_distance_before"] * eff["homes"]).sum() / max(eff["homes"].sum(), 1)
mix_after = (eff["mix_distance_after"] * eff["homes"]).sum() / max(eff["homes"].sum(), 1)
by_tenure = eff.groupby("mix_tenure_added")["added_homes"].sum()
st.markdown(
    f"**Mix change.** Distance of the planned buurten to the Heerlen tenure mix (0 = same mix, weighted by homes): "
    f"{mix_before:.3f} → {mix_after:.3f}. Added homes (besides replacement homes, which keep the tenure of what is "
    f"demolished): " + ", ".join(f"{int(v):,} {k}" for k, v in by_tenure.items() if v) + "."
)
st.dataframe(
    eff[["buurt_name", "homes", "replacement_homes", "added_homes", "demolished", "net_stock_change", "co2_saved_t",
         "heq_households_relieved", "mix_tenure_added", "mix_distance_before", "mix_distance_after"]],
    hide_index=True, width="stretch", key="nb.effects",
    column_config={
        "buurt_name": "Buurt", "homes": "Homes", "replacement_homes": "Replacement homes", "added_homes": "Added homes",
        "demolished": st.column_config.NumberColumn("Demolished E-G", format="%.0f"),
        "net_stock_change": st.column_config.NumberColumn("Net stock change", format="%.0f"),
        "co2_saved_t": st.column_config.NumberColumn("CO₂ saved (t/yr)", format="%.0f"),
        "heq_households_relieved": st.column_config.NumberColumn("High-quote households relieved", format="%.1f"),
        "mix_tenure_added": "Added tenure",
        "mix_distance_before": st.column_config.NumberColumn("Mix distance before", format="%.3f"),
        "mix_distance_after": st.column_config.NumberColumn("after", format="%.3f"),
    },
)

mapview.highlighted_map("newbuild", chosen, "pct_label_efg_all",
                        f"Blue outline: the {len(chosen)} buurten with new homes in the plan.")
