"""New-build (nieuwbouw): the housing target against growth scenarios, a score per buurt and an editable allocation."""

import streamlit as st

from geo import i18n
from geo.i18n import _
from geo.params import NewbuildParams
from geo.report import tables as specs
from geo.targeting import display
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from ui import charts, circular, data, gemeente, mapview, mydata, pipeline, planning, settings, tables, targeting

w, num = settings.widget_kwargs, i18n.number  # bind a widget to a setting; numbers in text


def signed(value: float) -> str:
    """A change with its sign: +1.234 or −1.234 (the locale's grouping)."""
    return ("+" if value > 0 else "") + num(value)


data.ensure_data()
st.title(_("New-build"))
targeting.ensure_stock()
published = planning.target_intro()  # the municipality's published target, or None (then a prompt)

settings.init()
base, d = targeting.household_base(), NewbuildParams()
PERSIST = {"nb.t2030": published and published.by_2030, "nb.t2032": published and published.by_2032,
           "nb.vacancy": base.vacancy_pct, "nb.demolitions": 0.0, "nb.thinning_share": nb.THINNING_SHARE,
           "nb.replacement_ratio": nb.REPLACEMENT_RATIO,
           "nb.top_n": nb.spread_over_best(len(targeting.names())),
           "nb.allocate": published.by_2032 if published else 0, "nb.mix_share": d.mix_reference_share,
           **{f"nb.w.{k}": v for k, v in d.weights},
           **{f"nb.sc.{k}.{x}": v for k, sc in nb.scenario_defaults(base.trend).items() for x, v in sc.items()}}
for k, v in PERSIST.items():
    st.session_state.setdefault(k, v)
ss, s, names = st.session_state, settings.current(), targeting.names()

# ---- target and scenarios ----------------------------------------------------------------------
st.subheader(_("Housing target and growth scenarios"))
t1, t2, t3, t4 = st.columns(4)
t1.number_input(_("Target by 2030 (homes)"), 0, 20_000, step=50, **w("nb.t2030"))
t2.number_input(_("Target by 2032 (homes)"), 0, 20_000, step=50, **w("nb.t2032"))
t3.number_input(_("Vacancy to aim for (%)"), 0.0, 20.0, step=0.5, **w("nb.vacancy"),
                help=_("Share of the stock. KWB: {share} of the dwellings of {gemeente} unoccupied ({year}).").format(
                    share=i18n.percent(base.vacancy_pct, 0), gemeente=gemeente.name(), year=base.vacancy_year))
t2030, t2032 = planning.entered_targets()  # 0 where the user has not entered a target (the page says so)
t4.number_input(_("Demolitions per year"), 0.0, 2_000.0, step=10.0, **w("nb.demolitions"),
                help=_("Demolished homes to replace each year."))
for col, (key, sc) in zip(st.columns(3), nb.SCENARIOS.items(), strict=True):
    label, basis = sc["label"], sc["basis"]  # message ids
    col.markdown(f"**{_(label)}**")
    col.number_input(_("Growth rate (% per year)"), -5.0, 5.0, step=0.01, format="%.3f", **w(f"nb.sc.{key}.rate"))
    col.number_input(_("Extra households per year"), -2_000.0, 2_000.0, step=10.0, format="%.0f",
                     **w(f"nb.sc.{key}.extra"))
    if "ambition_households_per_year" in sc:
        col.number_input(_("Plus: ambition (households per year)"), 0.0, 2_000.0, step=10.0, format="%.0f",
                         **w(f"nb.sc.{key}.ambition"))
    col.caption(_(basis))
scenarios = tuple((k, tuple(float(ss[f"nb.sc.{k}.{x}"]) for x in nb.SCENARIO_INPUTS)) for k in nb.SCENARIOS)
st.caption(_("Start: {households} households and {stock} dwellings in {year} (CBS KWB); observed household trend "
             "2016-{year}: {trend} a year. Households grow as h(y) = h(y−1) × (1 + rate) + extra; the stock keeps "
             "today's ratio to households.").format(households=num(base.households), stock=num(base.stock),
                                                     year=base.base_year, trend=signed(base.trend)))

need = targeting.homes_needed(scenarios, base.vacancy_pct, float(ss["nb.vacancy"]), float(ss["nb.demolitions"]),
                              t2030, t2032)
shown_need = need.assign(label=[_(label) for label in need["label"]])  # scenario names on screen
series = list(dict.fromkeys(shown_need["label"])) + [_(nb.TARGET_SERIES)]  # the lines as named on screen
c_left, c_right = st.columns([3, 2])
c_left.altair_chart(charts.need_lines(shown_need, series), width="stretch")
with c_right:
    planning.need_table(need)
end = nb.need_at_end(need)
st.caption(" ".join([_("Table: homes needed per year for household growth per scenario, and the cumulative target "
                       "path.")] + [_("{scenario}: {need} needed by 2032, {gap} against the target.").format(
                           scenario=_(lab), need=num(row.homes_needed_cum), gap=signed(row.target_minus_need))
                           for lab, row in end.iterrows()]
                    + [_("A positive gap is room for replacement (thinning) and mixing rather than growth.")]))

# ---- score -------------------------------------------------------------------------------------
st.subheader(_("Where to build: score per buurt"))
planning.score_settings(names)
x1, x2 = st.columns([3, 1])
transformation = x1.multiselect(_("Transformation locations"), sorted(names, key=names.get), format_func=names.get,
                                key="nb.transformation", placeholder=_("Choose one or more buurten"),
                                help=_("Buurten with a site for new homes, e.g. offices or vacant land."))
x2.number_input(_("Spread over the best … buurten"), 1, len(names), step=1, **w("nb.top_n"))
sp = NewbuildParams(prices=s.prices, threshold=s.threshold, transformation=tuple(sorted(transformation)),
                    weights=tuple((k, float(ss[f"nb.w.{k}"])) for k, _v in d.weights),
                    mix_reference_share=float(ss["nb.mix_share"]), user=mydata.parts("newbuild"))
if sp.weights_are_zero:
    st.warning(_("All weights are zero; equal weights are used."))
scores = targeting.newbuild_scores(sp)
eligible = specs.NEWBUILD_SCORES["eligible"][0]  # a message id with {n}
tables.show(targeting.in_words(scores), specs.NEWBUILD_SCORES, height=300, key="nb.scores",
            column_config={"eligible": st.column_config.CheckboxColumn(_(eligible).format(n=nb.MIN_HOUSEHOLDS))})
st.caption(_("Each part is divided by the best buurt on it (1 = best). Thinning: CO₂ and high-quote households of "
             "the E-G stock that demolition would remove. Mixing: how far homes of the best tenure ({share} of the "
             "stock) move the buurt towards the tenure mix of {gemeente}, without anyone leaving. Transformation: 1 "
             "for the locations you mark.").format(share=i18n.percent(100 * sp.mix_reference_share, 0),
                                                   gemeente=gemeente.name()))

# ---- allocation --------------------------------------------------------------------------------
st.subheader(_("Allocation of the target over buurten"))
a1, a2 = st.columns([1, 3])
a1.number_input(_("Homes to allocate"), 0, 20_000, step=50, help=_("Default: the 2032 target."), **w("nb.allocate"))
target, top_n = int(ss["nb.allocate"]), int(ss["nb.top_n"])
sugg = targeting.suggested(sp, target, top_n)
a2.caption(_("Suggested: {homes} homes shared over the {n} best-scoring buurten (plus any transformation location) "
             "in proportion to their score, in whole homes (largest remainder). Edit the **Homes** column to make "
             "your own plan; buurten are listed by name so an edit stays with its buurt when the suggestion changes.")
           .format(homes=num(target), n=top_n))
planned = ns.planned_homes(planning.plan_editor(names, scores, sugg))
effects, totals = targeting.newbuild_effects(sp, planned, float(ss["nb.thinning_share"]),
                                             float(ss["nb.replacement_ratio"]))
homes = int(totals["homes"])
planning.plan_metrics(homes, t2030, t2032, totals)
st.caption(" ".join([_("Demolished: {demolished} label E-G dwellings; net change of the stock: {change} dwellings.")
                     .format(demolished=num(totals["demolished"]), change=signed(totals["net_stock_change"])),
                     _("Household growth needs by 2032: {needs}.").format(needs=", ".join(
                         f"{_(lab)} {num(row.homes_needed_cum)}" for lab, row in end.iterrows())),
                     _("With a high thinning share and a low replacement ratio most new homes replace demolished "
                       "ones, so the stock grows little.")]))
if homes != target:
    st.info(_("Your plan has {homes} homes, {difference} against the {target} to allocate.").format(
        homes=num(homes), difference=signed(homes - target), target=num(target)))
st.info(_("**Why demolition shows a large CO₂ effect.** A retrofit to label B saves only the *difference* in gas use "
          "between two labels, which in the VIVET data is small (label A uses about {gap} less gas than G within the "
          "same dwelling type and age). Demolishing a dwelling removes **all** of its gas use, and the new home is "
          "assumed gas-free (BENG). So one demolished E-G dwelling counts for several retrofits in CO₂, without "
          "counting the CO₂ of demolition and construction (embodied emissions), which this model leaves out.")
        .format(gap=i18n.percent(12, 0)))

mix = ns.mix_change(effects)
added = ", ".join(f"{num(v)} {display(k)}" for k, v in mix["added_by_tenure"].items() if v)
st.markdown(_("**Mix change.** Distance of the planned buurten to the tenure mix of {gemeente} (0 = same mix, "
              "weighted by homes): {before} → {after}. Added homes (besides replacement homes, which keep the tenure "
              "of what is demolished): {added}.").format(gemeente=gemeente.name(), before=num(mix["before"], 3),
                                                          after=num(mix["after"], 3), added=added))
tables.show(targeting.in_words(effects[effects["homes"] > 0]), specs.NEWBUILD_EFFECTS, key="nb.effects")
mapview.highlighted_map("newbuild", frozenset(code for code, _h in planned), "pct_label_efg_all",
                        i18n.ngettext("Blue outline: the {n} buurt with new homes in the plan.",
                                      "Blue outline: the {n} buurten with new homes in the plan.",
                                      len(planned)).format(n=len(planned)))
pipeline.section(dict(planned), int(ss["nb.t2030"] or 0), int(ss["nb.t2032"] or 0), names)  # the market's projects
circular.newbuild_sections(sp, effects)
