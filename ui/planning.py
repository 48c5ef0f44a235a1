"""Widgets of the Retrofit and New-build pages, so the pages stay layout: no model logic here.

The shown copy of a table (category values in the user's words), the editable cost and allocation tables, the
upload of transformation locations, the score and package settings and the metrics of a plan. The model results
they show come from :mod:`ui.targeting` (cached).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import i18n
from geo.catalog import sources
from geo.errors import DataError
from geo.i18n import N_, _, ngettext
from geo.params import PACKAGES, RetrofitParams
from geo.report import profile
from geo.report import tables as specs
from geo.targeting import display, inputs
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from ui import gemeente, mydata, settings, tables, targeting


def option_names(names: dict):
    """A widget's ``format_func``: the option's name (a message id in ``names``), translated now.

    Translated when the widget is made, not when Streamlit formats an option: Streamlit's AppTest
    formats options outside the session, where the user's language is not known.
    """
    return {key: _(name) for key, name in names.items()}.get


def cost_editor() -> pd.DataFrame:
    """The editable cost per label step, dwelling types in the user's words; returns the edited model table.

    The row labels (the index) show each dwelling type in the user's language; the ``dwelling_type``
    column keeps the model's value (hidden), so an edit stays with its type in any language.
    """
    table = inputs.cost_table()
    header = specs.COST_EDITOR["dwelling_type"][0]  # a message id
    shown = table.set_index(pd.Index([display(t) for t in table["dwelling_type"]], name=_(header)))
    edited = settings.kept_editor(shown, specs.COST_EDITOR, key="rf.costs", num_rows="fixed", hide_index=False,
                                  column_order=["cost_per_step_eur"])
    return edited.reset_index(drop=True)


def add_uploaded_locations(uploaded, names: dict) -> None:
    """Add the buurten of an uploaded file to the transformation locations (once per file), with a message.

    A file that cannot be read gives an error message naming the file; nothing is added then.
    """
    ss = st.session_state
    if uploaded is None or ss.get("nb.upload_done") == uploaded.file_id:
        return
    try:
        found = targeting.uploaded_locations(uploaded.getvalue(), uploaded.name)
    except DataError as err:
        st.error(profile.literal_markdown(_("{file}: {problem}").format(file=uploaded.name[:60], problem=err)))
        return
    ss["nb.transformation"] = sorted(set(ss.get("nb.transformation", [])) | set(found))
    ss["nb.upload_done"] = uploaded.file_id
    st.success(profile.literal_markdown(
        ngettext("Added {n} buurt from {file}: {names}.", "Added {n} buurten from {file}: {names}.", len(found))
        .format(n=len(found), file=uploaded.name[:60], names=", ".join(names[c] for c in found))))


def savings_metrics(p: RetrofitParams, tot: dict, pt: dict) -> None:
    """The six headline figures of the package for every dwelling worse than the target label."""
    num, money, pct = i18n.number, i18n.money, i18n.percent
    m1, m2, m3, m4, m5, m6 = st.columns(6)
    m1.metric(_("Dwellings to upgrade"), num(tot["dwellings_upgraded"]), help=_("Estimated number of dwellings."))
    m2.metric(_("Gas saved per dwelling"), num(pt["gas_saved_m3_per_dwelling"]) + " m³",
              help=_("{share} of their gas; electricity +{kwh} kWh per dwelling a year.").format(
                  share=pct(pt["gas_saved_pct"]), kwh=num(pt["electricity_added_kwh_per_dwelling"])))
    m3.metric(_("CO₂ saved (t/yr)"), num(tot["co2_saved_t"]))
    m4.metric(_("Households lifted"), num(tot["households_lifted"]),
              help=_("Modelled: households whose bill / disposable income (Monitor model) falls from ≥ {threshold} "
                     "to below.").format(threshold=pct(p.threshold, 0)))
    m5.metric(_("Gross per tonne"), money(pt["eur_per_tonne_gross"]),
              help=_("Gross EUR per tonne CO₂: investment / tonnes over {years} years, no discounting, no energy "
                     "saved.").format(years=p.lifetime))
    m6.metric(_("Net per tonne"), money(pt["eur_per_tonne_net"]),
              help=_("Net national cost per tonne CO₂ (PBL method): annuity of the investment at {rate} over {years} "
                     "years minus the energy cost saved at {year} prices, per yearly tonne. Negative: the energy "
                     "saved pays for it.").format(rate=pct(100 * p.discount_rate, 2), years=p.lifetime,
                                                  year=p.prices.year))


def need_table(need: pd.DataFrame) -> None:
    """Homes needed per year per scenario and the cumulative target path (:func:`nb.need_per_year`)."""
    table = nb.need_per_year(need)
    spec = {"year": N_("Year"), **{c: (c, "%.0f") for c in table.columns if c != "year"}}  # labels: message ids
    tables.show(table.assign(year=table["year"].astype(str)), spec, height=320, key="nb.need_table")


def score_settings(names: dict) -> None:
    """The settings of the new-build score: thinning share, replacement ratio, weights and uploaded locations."""
    w = settings.widget_kwargs
    with st.container(border=True):
        st.slider(_("Thinning share"), 0.0, 1.0, step=0.05, **w("nb.thinning_share"),
                  help=_("Part of each buurt's new homes that replaces demolished label E-G dwellings."))
        st.caption(_("The rest of the homes is added in the tenure that mixes the buurt most. Demolition removes all "
                     "gas use of a dwelling, so a higher thinning share means a much larger CO₂ effect (see the note "
                     "below)."))
    w1, w2, w3, w4 = st.columns(4)
    w1.slider(_("Replacement ratio"), 0.1, 1.0, step=0.05, **w("nb.replacement_ratio"),
              help=_("New homes per demolished home (M/N ≤ 1)."))
    w2.slider(_("Weight: thinning"), 0.0, 3.0, step=0.25, **w("nb.w.thinning"),
              help=_("Demolish label E-G dwellings and build fewer near-zero-energy homes."))
    w3.slider(_("Weight: mixing"), 0.0, 3.0, step=0.25, **w("nb.w.mixing"),
              help=_("Add the tenure that brings the buurt closest to the municipality's mix, without displacing "
                     "anyone."))
    w4.slider(_("Weight: transformation"), 0.0, 3.0, step=0.25, **w("nb.w.transformation"),
              help=_("Buurten you mark as transformation location."))
    uploaded = st.file_uploader(_("Or upload transformation locations"), key="nb.upload",
                                help=_("A CSV or xlsx with buurt codes, coordinates or buurt names, or a GeoJSON, "
                                       "GeoPackage or zipped Shapefile of points or areas (any declared CRS)."))
    add_uploaded_locations(uploaded, names)
    mydata.parts_caption("newbuild")


def target_intro() -> nb.HousingTarget | None:
    """The page's opening: the municipality's published housing target with its source, or a prompt to enter one."""
    num = i18n.number
    target = nb.published_target(gemeente.current().code)
    if target is None:
        st.markdown(_("This page compares a housing target with what household growth needs, scores every buurt for "
                      "new homes and shares the target over the buurten. Buurt figures are estimates; see Data & "
                      "method."))
        return None
    st.markdown(_("{gemeente} has agreed to build **{t2030} homes by 2030 and at least {t2032} by 2032**, its share of "
                  "the provincial housing deal of {deal} homes. This page compares the target with what household "
                  "growth needs, scores every buurt for new homes and shares the target over the buurten. Buurt "
                  "figures are estimates; see Data & method.").format(
        gemeente=gemeente.name(), t2030=num(target.by_2030), t2032=num(target.by_2032), deal=num(target.deal)))
    st.caption(_(target.source))
    return target


def entered_targets() -> tuple[int, int]:
    """The housing target by 2030 and by 2032 as entered (0 where empty), with a prompt when one is missing."""
    ss = st.session_state
    if ss.get("nb.t2030") is None or ss.get("nb.t2032") is None:
        st.warning(_("No published housing target of {gemeente} ships with this app. Enter the municipality's "
                     "target by 2030 and by 2032 above: until then the comparison and the progress count against "
                     "0 homes.").format(gemeente=gemeente.name()), icon=":material/edit:")
    return int(ss.get("nb.t2030") or 0), int(ss.get("nb.t2032") or 0)


def plan_metrics(homes: int, t2030: int, t2032: int, totals: dict) -> None:
    """The figures of the user's plan: homes, progress on both targets, CO₂ saved and households relieved."""
    num = i18n.number
    e1, e2, e3, e4, e5 = st.columns(5)
    e1.metric(_("Homes in the plan"), num(homes))
    e2.metric(_("Progress on {target} (2030)").format(target=num(t2030)),
              i18n.percent(ns.progress_pct(homes, t2030), 0))
    e3.metric(_("Progress on {target} (2032)").format(target=num(t2032)),
              i18n.percent(ns.progress_pct(homes, t2032), 0))
    e4.metric(_("CO₂ saved (t/yr)"), num(totals["co2_saved_t"]),
              help=_("Gas use of the demolished E-G dwellings; new homes use no gas."))
    e5.metric(_("Households relieved"), num(totals["heq_households_relieved"]),
              help=_("Modelled households with a high energy quote living in the demolished dwellings."))


def package_settings(defaults: RetrofitParams) -> dict:
    """The package choice and its assumptions (heat-pump share, COP, costs, discount rate) as RetrofitParams fields.

    Each input says where its default comes from; the values persist across pages (``rf.*`` keys).
    """
    ss, w = st.session_state, settings.widget_kwargs
    for key, value in {"rf.package": defaults.package, "rf.hybrid_share": 100 * defaults.hybrid_gas_share,
                       "rf.cop_hybrid": defaults.cop_hybrid, "rf.cop_all_electric": defaults.cop_all_electric,
                       "rf.hybrid_cost": defaults.hybrid_cost, "rf.heat_pump_cost": defaults.heat_pump_cost,
                       "rf.discount": 100 * defaults.discount_rate}.items():
        ss.setdefault(key, value)
    st.radio(_("Package"), list(PACKAGES), format_func=option_names(PACKAGES), horizontal=True, **w("rf.package"),
             help=_("Applied to every dwelling worse than the target label. Method: Data & method."))
    c1, c2, c3 = st.columns(3)
    n = i18n.number
    if ss["rf.package"] == "hybrid":
        c1.number_input(_("Gas replaced by the hybrid (%)"), 0.0, 100.0, step=5.0, format="%.0f",
                        **w("rf.hybrid_share"),
                        help=_("Default {default}: Milieu Centraal (as reported 2023); VEH {low}-{high}; field study "
                               "2023: {field}.").format(default=i18n.percent(60, 0), low=n(50),
                                                        high=i18n.percent(70, 0), field=i18n.percent(74, 0)))
        c2.number_input(_("Seasonal COP, hybrid"), 1.0, 8.0, step=0.1, format="%.1f", **w("rf.cop_hybrid"),
                        help=_("Default {cop}, derived from the 2023 field study ({gas} m³ replaced by {kwh} kWh).")
                        .format(cop=n(4.6, 1), gas=n(1375), kwh=n(2360)))
        c3.number_input(_("Hybrid heat pump (EUR per dwelling)"), 0.0, 50_000.0, step=500.0, format="%.0f",
                        **w("rf.hybrid_cost"), help=_("Default: Milieu Centraal reference case (4 kW), via VEH."))
    elif ss["rf.package"] == "all_electric":
        c1.number_input(_("Seasonal COP, all-electric"), 1.0, 8.0, step=0.1, format="%.1f",
                        **w("rf.cop_all_electric"),
                        help=_("Assumption {cop}: no measured Dutch figure found; below the hybrid's {hybrid}.")
                        .format(cop=n(3.0, 1), hybrid=n(4.6, 1)))
        c2.number_input(_("All-electric heat pump (EUR per dwelling)"), 0.0, 80_000.0, step=500.0, format="%.0f",
                        **w("rf.heat_pump_cost"), help=_("Default: Milieu Centraal reference case (8 kW air-water)."))
    c3.number_input(_("Discount rate (% real)"), 0.0, 15.0, step=0.25, format="%.2f", **w("rf.discount"),
                    help=_("For the net national cost per tonne.") + " " + _(sources.NATIONAL_COST_SOURCE))
    return {"package": ss["rf.package"], "hybrid_gas_share": float(ss["rf.hybrid_share"]) / 100.0,
            "cop_hybrid": float(ss["rf.cop_hybrid"]), "cop_all_electric": float(ss["rf.cop_all_electric"]),
            "hybrid_cost": float(ss["rf.hybrid_cost"]), "heat_pump_cost": float(ss["rf.heat_pump_cost"]),
            "discount_rate": float(ss["rf.discount"]) / 100.0}


def plan_editor(names: dict, scores: pd.DataFrame, suggestion: pd.Series) -> pd.Series:
    """Show the editable allocation table; return the homes per buurt of the user's plan.

    Bad cells fall back to the suggestion with a warning each
    (:func:`geo.targeting.inputs.validate_allocation`); a button drops the edits.
    """
    edited = settings.kept_editor(inputs.allocation_table(names, scores, suggestion), specs.ALLOCATION_EDITOR,
                                  key="nb.alloc_editor", num_rows="fixed", height=300)
    plan, messages = inputs.validate_allocation(edited, suggestion)
    for msg in messages:
        st.warning(profile.literal_markdown(msg))
    if st.button(_("Back to the suggestion"), key="nb.reset_plan"):
        settings.forget_edits("nb.alloc_editor")
        st.rerun()
    return plan
