"""New-build (nieuwbouw): the housing target against growth scenarios, a score per buurt and an editable allocation."""

import streamlit as st

from geo.params import NewbuildParams
from geo.report import tables
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from ui import charts, data, mapview, settings, targeting

w, cfg = settings.widget_kwargs, targeting.column_config  # bind a widget to a setting; a table's column labels


def pct(value: float | None) -> str:
    """A share as shown in the captions: whole percent, '-' when unknown."""
    return "-" if value is None else f"{value:.0f}%"


data.ensure_data()
targeting.ensure_stock()
st.title("New-build (nieuwbouw)")
st.markdown(f"Heerlen has agreed to build **{nb.TARGET_2030:,} homes by 2030 and at least {nb.TARGET_2032:,} by "
            f"2032**, its share of the Limburg housing deal of {nb.LIMBURG_HOUSING_DEAL:,} homes. This page compares "
            "the target with what household growth needs, scores every buurt for new homes and shares the target "
            "over the buurten. Buurt figures are estimates; see Data & method.")
st.caption(nb.TARGET_SOURCE)

settings.init()
base, d = targeting.household_base(), NewbuildParams()
PERSIST = {"nb.t2030": nb.TARGET_2030, "nb.t2032": nb.TARGET_2032, "nb.vacancy": base.vacancy_pct,
           "nb.demolitions": 0.0, "nb.thinning_share": nb.THINNING_SHARE, "nb.replacement_ratio": nb.REPLACEMENT_RATIO,
           "nb.top_n": 10, "nb.allocate": nb.TARGET_2032, "nb.mix_share": d.mix_reference_share,
           **{f"nb.w.{k}": v for k, v in d.weights},
           **{f"nb.sc.{k}.{x}": v for k, sc in nb.scenario_defaults(base.trend).items() for x, v in sc.items()}}
for k, v in PERSIST.items():
    st.session_state.setdefault(k, v)
ss, s, names = st.session_state, settings.current(), targeting.names()

# ---- target and scenarios ----------------------------------------------------------------------
st.subheader("Housing target and growth scenarios")
t1, t2, t3, t4 = st.columns(4)
t1.number_input("Target by 2030 (homes)", 0, 20_000, step=50, **w("nb.t2030"))
t2.number_input("Target by 2032 (homes)", 0, 20_000, step=50, **w("nb.t2032"))
t3.number_input("Vacancy to aim for (% of stock)", 0.0, 20.0, step=0.5, **w("nb.vacancy"),
                help=f"KWB: {base.vacancy_pct:.0f}% of Heerlen's dwellings unoccupied ({base.vacancy_year}).")
t4.number_input("Demolitions to replace per year", 0.0, 2_000.0, step=10.0, **w("nb.demolitions"))
for col, (key, sc) in zip(st.columns(3), nb.SCENARIOS.items(), strict=True):
    col.markdown(f"**{sc['label']}**")
    col.number_input("Growth rate (% per year)", -5.0, 5.0, step=0.01, format="%.3f", **w(f"nb.sc.{key}.rate"))
    col.number_input("Extra households per year", -2_000.0, 2_000.0, step=10.0, format="%.0f",
                     **w(f"nb.sc.{key}.extra"))
    if "ambition_households_per_year" in sc:
        col.number_input("Plus: ambition (households per year)", 0.0, 2_000.0, step=10.0, format="%.0f",
                         **w(f"nb.sc.{key}.ambition"))
    col.caption(sc["basis"])
scenarios = tuple((k, tuple(float(ss[f"nb.sc.{k}.{x}"]) for x in nb.SCENARIO_INPUTS)) for k in nb.SCENARIOS)
st.caption(f"Start: {base.households:,.0f} households and {base.stock:,.0f} dwellings in {base.base_year} (CBS KWB); "
           f"observed household trend 2016-{base.base_year}: {base.trend:+,.0f} a year. Households grow as "
           "h(y) = h(y−1) × (1 + rate) + extra; the stock keeps today's ratio to households.")

need = targeting.homes_needed(scenarios, base.vacancy_pct, float(ss["nb.vacancy"]), float(ss["nb.demolitions"]),
                              int(ss["nb.t2030"]), int(ss["nb.t2032"]))
series = [sc["label"] for sc in nb.SCENARIOS.values()] + ["Target"]
c_left, c_right = st.columns([3, 2])
c_left.altair_chart(charts.need_lines(need, series), width="stretch")
c_right.dataframe(nb.need_per_year(need), hide_index=True, width="stretch", height=320, key="nb.need_table")
end = nb.need_at_end(need)
st.caption("Table: homes needed per year for household growth per scenario, and the cumulative target path. "
           + " ".join(f"{lab}: {row.homes_needed_cum:,.0f} needed by 2032, {row.target_minus_need:+,.0f} against the "
                      "target." for lab, row in end.iterrows())
           + " A positive gap is room for replacement (thinning) and mixing rather than growth.")

# ---- score -------------------------------------------------------------------------------------
st.subheader("Where to build: score per buurt")
with st.container(border=True):
    st.slider("**Thinning share**: part of each buurt's new homes that replaces demolished label E-G dwellings",
              0.0, 1.0, step=0.05, **w("nb.thinning_share"))
    st.caption("The rest of the homes is added in the tenure that mixes the buurt most. Demolition removes all gas "
               "use of a dwelling, so a higher thinning share means a much larger CO₂ effect (see the note below).")
w1, w2, w3, w4 = st.columns(4)
w1.slider("Replacement ratio: new homes per demolished (M/N ≤ 1)", 0.1, 1.0, step=0.05, **w("nb.replacement_ratio"))
w2.slider("Weight: thinning (verdunnen)", 0.0, 3.0, step=0.25, **w("nb.w.thinning"))
w3.slider("Weight: mixing without displacing", 0.0, 3.0, step=0.25, **w("nb.w.mixing"))
w4.slider("Weight: transformation location", 0.0, 3.0, step=0.25, **w("nb.w.transformation"))
uploaded = st.file_uploader("Or upload transformation locations: a .csv with a column buurt_code, or a .geojson of "
                            "points/areas (any declared CRS)", type=["csv", "geojson", "json"], key="nb.upload")
targeting.add_uploaded_locations(uploaded, names)
x1, x2 = st.columns([3, 1])
transformation = x1.multiselect("Transformation locations (buurten with a site for new homes, e.g. offices or vacant "
                                "land)", sorted(names, key=names.get), format_func=names.get, key="nb.transformation")
x2.number_input("Spread the target over the best ... buurten", 1, len(names), step=1, **w("nb.top_n"))
sp = NewbuildParams(prices=s.prices, threshold=s.threshold, transformation=tuple(sorted(transformation)),
                    weights=tuple((k, float(ss[f"nb.w.{k}"])) for k, _ in d.weights),
                    mix_reference_share=float(ss["nb.mix_share"]))
if sp.weights_are_zero:
    st.warning("All weights are zero; equal weights are used.")
scores = targeting.newbuild_scores(sp)
st.dataframe(scores[list(tables.NEWBUILD_SCORES)], hide_index=True, width="stretch", height=300, key="nb.scores",
             column_config=cfg(tables.NEWBUILD_SCORES))
st.caption("Each part is divided by the best buurt on it (1 = best). Thinning: CO₂ and high-quote households of the "
           "E-G stock that demolition would remove. Mixing: how far homes of the best tenure (10% of the stock) move "
           "the buurt towards the Heerlen tenure mix, without anyone leaving. Transformation: 1 for the locations you "
           "mark.")

# ---- allocation --------------------------------------------------------------------------------
st.subheader("Allocation of the target over buurten")
a1, a2 = st.columns([1, 3])
a1.number_input("Homes to allocate", 0, 20_000, step=50, help="Default: the 2032 target.", **w("nb.allocate"))
target, top_n = int(ss["nb.allocate"]), int(ss["nb.top_n"])
sugg = targeting.suggested(sp, target, top_n)
a2.caption(f"Suggested: {target:,} homes shared over the {top_n} best-scoring buurten (plus any transformation "
           "location) in proportion to their score, in whole homes (largest remainder). Edit the **Homes** column to "
           "make your own plan; buurten are listed by name so an edit stays with its buurt when the suggestion "
           "changes.")
planned = ns.planned_homes(targeting.plan_editor(names, scores, sugg))
effects, totals = targeting.newbuild_effects(sp, planned, float(ss["nb.thinning_share"]),
                                             float(ss["nb.replacement_ratio"]))
homes, t2030, t2032 = int(totals["homes"]), int(ss["nb.t2030"]), int(ss["nb.t2032"])
e1, e2, e3, e4, e5 = st.columns(5)
e1.metric("Homes in the plan", f"{homes:,}")
e2.metric(f"Progress on {t2030:,} (2030)", pct(ns.progress_pct(homes, t2030)))
e3.metric(f"Progress on {t2032:,} (2032)", pct(ns.progress_pct(homes, t2032)))
e4.metric("CO₂ saved (t/yr)", f"{totals['co2_saved_t']:,.0f}",
          help="Gas use of the demolished E-G dwellings; new homes use no gas.")
e5.metric("Households relieved", f"{totals['heq_households_relieved']:,.0f}",
          help="Modelled households with a high energy quote living in the demolished dwellings.")
st.caption(f"Demolished: {totals['demolished']:,.0f} label E-G dwellings; net change of the stock: "
           f"{totals['net_stock_change']:+,.0f} dwellings. Household growth needs by 2032: "
           + ", ".join(f"{lab} {row.homes_needed_cum:,.0f}" for lab, row in end.iterrows())
           + ". With a high thinning share and a low replacement ratio most new homes replace demolished ones, so the "
           "stock grows little.")
if homes != target:
    st.info(f"Your plan has {homes:,} homes, {homes - target:+,} against the {target:,} to allocate.")

st.info("**Why demolition shows a large CO₂ effect.** A retrofit to label B saves only the *difference* in gas use "
        "between two labels, which in Heerlen's data is small (label A uses about 12% less gas than G within the same "
        "dwelling type and age). Demolishing a dwelling removes **all** of its gas use, and the new home is assumed "
        "gas-free (BENG). So one demolished E-G dwelling counts for several retrofits in CO₂, without counting the CO₂ "
        "of demolition and construction (embodied emissions), which this model leaves out.")

mix = ns.mix_change(effects)
st.markdown(f"**Mix change.** Distance of the planned buurten to the Heerlen tenure mix (0 = same mix, weighted by "
            f"homes): {mix['before']:.3f} → {mix['after']:.3f}. Added homes (besides replacement homes, which keep the "
            "tenure of what is demolished): "
            + ", ".join(f"{int(v):,} {k}" for k, v in mix["added_by_tenure"].items() if v) + ".")
st.dataframe(effects[effects["homes"] > 0][list(tables.NEWBUILD_EFFECTS)], hide_index=True, width="stretch",
             key="nb.effects", column_config=cfg(tables.NEWBUILD_EFFECTS))
mapview.highlighted_map("newbuild", frozenset(code for code, _ in planned), "pct_label_efg_all",
                        f"Blue outline: the {len(planned)} buurten with new homes in the plan.")
