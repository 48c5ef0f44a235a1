"""The energy-poverty index explained and tunable, with a live ranking and a rank-stability view."""

import streamlit as st

from geo.catalog import dictionary
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS
from geo.i18n import N_, _
from ui import charts, data, gemeente, mydata, settings, tables

# The ranking as shown (a spec as in geo.report.tables); the index keeps its bar, on 0-100, next to the name.
RANKING = {
    "rank": N_("Rank"),
    "buurt_name": N_("Buurt"),
    "energy_poverty_index": (N_("Index"), "progress"),
    "components_used": (N_("Components"), "%d"),
    "wijk_name": N_("Wijk"),
}

data.ensure_data()
st.title(_("Energy-poverty index"))
gemeente.require_buurten()
st.markdown(_(
    "The index is the weighted mean of normalised components, on 0-100 (higher = more energy poverty). "
    "Each component follows an indicator of the TNO/CBS Monitor Energiearmoede; where buurt data only allows an "
    "approximation, it says so below. Changing a weight, the normalisation or the missing-value rule recomputes "
    "the index and the ranking; the data is not reloaded."
))
settings.init()

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(_("Components and weights"))
    for key, comp in COMPONENTS.items():
        st.slider(_(comp.label), 0.0, 3.0, step=0.25,
                  help=_("{indicator}. {approximation}").format(indicator=_(comp.monitor_indicator),
                                                                approximation=_(comp.approximation)),
                  **settings.widget_kwargs(f"cfg.w.{key}"))
        st.caption(_("{indicator}. Buurt figure: {figure} ({unit}).").format(
            indicator=_(comp.monitor_indicator), figure=dictionary.label(comp.column), unit=dictionary.unit(comp.column)
        ))
    # Option texts translated now, looked up later (a format_func may run outside this session's language).
    methods = {m: _(text) for m, text in NORMALISATIONS.items()}
    rules = {r: _(text) for r, text in MISSING_RULES.items()}
    st.radio(_("Normalisation"), list(methods), format_func=methods.get, **settings.widget_kwargs("cfg.method"))
    st.radio(_("Missing components"), list(rules), format_func=rules.get, **settings.widget_kwargs("cfg.missing"))
    mydata.index_controls()  # the user's own figures (My data), each with its weight and direction

if sum(st.session_state[f"cfg.w.{k}"] for k in COMPONENTS) == 0:
    st.warning(_("All weights are zero; the default weights are used until one weight is above zero."))
shown, missing = data.ranking()

with right:
    st.subheader(_("Ranking"))
    tables.show(shown, RANKING, height=420, column_config={
        "rank": st.column_config.NumberColumn(_("Rank"), width="small"),
        "energy_poverty_index": st.column_config.ProgressColumn(_("Index"), min_value=0, max_value=100, format="%.0f"),
        "components_used": st.column_config.NumberColumn(
            _("Components"), help=_("How many index components have a figure for this buurt.")
        ),
    })
    if missing:
        st.caption(_("No index ({n}): {names} - too few components published by CBS.").format(
            n=len(missing), names=", ".join(missing)
        ))

st.subheader(_("How stable is each rank when the weights move?"))


@st.fragment
def stability() -> None:
    """The rank-stability chart, drawn only when asked for; its own controls rerun only this part."""
    spread = st.slider(
        _("Weight perturbation"), 0.1, 0.9, 0.5, 0.1, key="idx.spread",
        help=_("Each weight is multiplied by a random factor between 1 minus and 1 plus this value."),
    )
    # 200 perturbed rankings and a chart of every buurt cost more than the rest of the page: drawn on request.
    if not st.toggle(_("Show the rank-stability chart"), key="idx.stability",
                     help=_("Recomputes the ranking under 200 perturbed weight sets; takes a moment.")):
        return
    sens = data.sensitivity(settings.current(), spread).dropna(subset=["rank"]).sort_values("rank")
    st.altair_chart(charts.rank_stability(sens), width="stretch")
    st.caption(_(
        "Bar: best to worst rank over 200 draws of perturbed weights (fixed seed); dot: rank under the current "
        "weights."
    ))


stability()
