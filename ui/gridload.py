"""Grid load (issue 13): the extra electricity and peak load of heat pumps and all-electric new homes per buurt.

The New-build page shows the load of its plan's new homes, the Retrofit page that of the chosen heat-pump package
(:mod:`geo.targeting.grid`). Both compare the peak with a grid capacity the user enters, for the whole
municipality or per buurt, or that one of the user's My data layers gives per buurt (a column of free capacity,
or congested areas). Layout helpers and caches only; the figures are computed in ``geo``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import i18n
from geo.errors import DataError
from geo.i18n import N_, _
from geo.params import GridParams, NewbuildParams, RetrofitParams
from geo.report import profile
from geo.targeting import grid
from ui import charts, data, mydata, settings, tables, targeting

# Table specs (column -> header, format), headers marked for the catalogue.
GRID_TABLE = {
    "buurt_name": N_("Buurt"),
    "homes": (N_("New homes"), "%.0f"),
    "heat_pumps": (N_("Dwellings with a heat pump"), "%.0f"),
    "extra_gwh": (N_("Extra electricity (GWh/yr)"), "%.3f"),
    "extra_peak_mw": (N_("Extra peak (MW)"), "%.2f"),
    "capacity_mw": (N_("Free capacity (MW)"), "%.2f"),
    "headroom_mw": (N_("Headroom (MW)"), "%.2f"),
    "flagged": N_("Capacity short"),
}
CAPACITY_EDITOR = {"buurt_name": N_("Buurt"), "capacity_mw": (N_("Free capacity (MW)"), "%.2f")}
GRID_DEFAULTS = {"gr.peak_hybrid": GridParams().peak_kw_hybrid, "gr.peak_electric": GridParams().peak_kw_all_electric,
                 "gr.simultaneity": GridParams().simultaneity, "gr.newbuild_m3": GridParams().newbuild_heat_m3,
                 "gr.newbuild_peak": GridParams().newbuild_peak_kw, "gr.capacity": GridParams().capacity_mw}
# Where the capacity per buurt comes from: typed in the table (TYPED) or one of the user's layers (its key).
TYPED = "-"
SOURCE_DEFAULTS = {"gr.source": TYPED, "gr.rule": "congested", "gr.column": None, "gr.threshold": grid.THRESHOLD_PCT}



# ---- figures (cached by hashable arguments) ----------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=64)
def newbuild_grid(plan: tuple, gp: GridParams, cop: float) -> tuple[pd.DataFrame, dict]:
    """Grid load of the new homes ``((buurt_code, homes), ...)`` beside the capacity entered."""
    load = grid.newbuild_load(pd.Series(dict(plan), dtype=float), gp, cop)
    table, summary = grid.against_capacity(load, gp)
    table.insert(1, "buurt_name", table["buurt_code"].map(targeting.names()))
    return table, summary


@st.cache_data(show_spinner=False, max_entries=32)
def retrofit_grid(p: RetrofitParams, gp: GridParams) -> tuple[pd.DataFrame, dict]:
    """Grid load of the retrofit package ``p`` per buurt beside the capacity entered."""
    table, summary = grid.against_capacity(grid.retrofit_load(targeting.retrofit_buurten(p), p.package, gp), gp)
    table.insert(1, "buurt_name", table["buurt_code"].map(targeting.names()))
    return table, summary


# ---- widgets -----------------------------------------------------------------------------------

def grid_params() -> GridParams:
    """The grid settings in force (session state), as a hashable :class:`GridParams`."""
    ss = st.session_state
    for key, value in GRID_DEFAULTS.items():
        ss.setdefault(key, value)
    layer_caps, _notes, problem = layer_capacities()
    if layer_caps is not None or problem is not None:  # a layer is the source (when it does not fit: none per buurt)
        caps = layer_caps or ()
    else:
        caps = tuple(sorted((code, float(mw)) for code, mw in (ss.get("gr.cap") or {}).items() if float(mw) >= 0))
    try:
        return GridParams(float(ss["gr.peak_hybrid"]), float(ss["gr.peak_electric"]), float(ss["gr.simultaneity"]),
                          float(ss["gr.newbuild_m3"]), float(ss["gr.newbuild_peak"]), float(ss["gr.capacity"]), caps)
    except ValueError:
        st.warning(_("A grid setting is out of range; the defaults are used."))
        return GridParams()


@st.cache_data(show_spinner=False, max_entries=32)
def _from_layer(layer_key: str, rule: str, column: str | None, threshold: float, _frame, codes: tuple,
                lang: str) -> tuple[tuple | None, tuple, str | None]:
    """(capacities, notes, problem) of a layer read by ``rule``: keyed by the file's hash, not its data."""
    try:
        caps, notes = grid.capacities_from_layer(_frame, data.buurten()[mydata.BUURT_COLUMNS], rule, column, threshold)
    except DataError as err:
        return None, (), str(err)
    return caps, tuple(notes), None


def _source_layer():
    """The My data layer chosen as the capacity source, or None (typed capacities; a removed layer falls back)."""
    ss = st.session_state
    for key, value in SOURCE_DEFAULTS.items():
        ss.setdefault(key, value)
    layer = mydata.layers().get(ss["gr.source"])
    if layer is None:
        ss["gr.source"] = TYPED
    return layer


def layer_capacities() -> tuple[tuple | None, tuple, str | None]:
    """Free capacity per buurt from the chosen layer: (capacities, notes, problem); (None, (), None) when typed."""
    layer = _source_layer()
    if layer is None:
        return None, (), None
    ss = st.session_state
    rule = ss["gr.rule"] if ss["gr.rule"] in grid.CAPACITY_RULES else "congested"
    column = ss["gr.column"] if ss["gr.column"] in layer.numeric else (layer.numeric[0] if layer.numeric else None)
    codes = tuple(data.buurten()["buurt_code"])
    return _from_layer(layer.key, rule, column if rule != "congested" else None, float(ss["gr.threshold"]),
                       layer.frame, codes, i18n.current())


def _layer_inputs() -> None:
    """Which of the user's layers gives the capacity per buurt, and how it is read; what did not fit is said."""
    layer = _source_layer()
    w = settings.widget_kwargs
    options = {TYPED: _("Typed in per buurt (below)"), **{k: lay.name[:80] for k, lay in mydata.layers().items()}}
    st.selectbox(_("Free capacity per buurt from"), list(options), format_func=options.get, **w("gr.source"),
                 help=_("Your layers are added on the My data page: e.g. a grid operator's congestion areas, "
                        "Netbeheer Nederland's capacity map as GeoJSON, or a table of free capacity per station."))
    if len(options) == 1:
        st.caption(_("Add a grid-congestion layer on the My data page to use it here."))
    if layer is None:
        return
    rules = {k: _(v) for k, v in grid.CAPACITY_RULES.items()}  # translated now: format_func may run outside
    st.radio(_("Read the layer as"), list(rules), format_func=rules.get, **w("gr.rule"))
    rule = st.session_state["gr.rule"]
    if rule == "congested":
        st.slider(_("A buurt counts as congested when the areas cover more than (% of its area)"), 0.0, 99.0,
                  step=5.0, **w("gr.threshold"))
    elif layer.numeric:
        if st.session_state["gr.column"] not in layer.numeric:
            st.session_state["gr.column"] = layer.numeric[0]
        st.selectbox(_("Column of free capacity (MW)"), list(layer.numeric), **w("gr.column"))
    caps, notes, problem = layer_capacities()
    if problem is not None:
        st.warning(profile.literal_markdown(_("{file}: {problem}").format(file=layer.name[:80], problem=problem))
                   + " " + _("No capacity per buurt is used."))
        return
    for note in notes:
        st.caption(profile.literal_markdown(note))
    if rule == "congested":
        text = i18n.ngettext("{n} buurt without free capacity (0 MW) from {file}.",
                             "{n} buurten without free capacity (0 MW) from {file}.", len(caps))
    else:
        text = i18n.ngettext("{n} buurt with a free capacity from {file}; the others count as not entered.",
                             "{n} buurten with a free capacity from {file}; the others count as not entered.",
                             len(caps))
    st.caption(profile.literal_markdown(text.format(n=i18n.number(len(caps)), file=layer.name[:80])))


def _capacity_inputs() -> None:
    """The capacity: one figure for the municipality, and one per buurt typed in or from one of the user's layers."""
    w, names = settings.widget_kwargs, targeting.names()
    st.number_input(_("Free grid capacity, whole municipality (MW)"), 0.0, 10_000.0, step=1.0, format="%.1f",
                    **w("gr.capacity"), help=_("0 = not entered. Ask the grid operator."))
    _layer_inputs()
    if _source_layer() is not None:
        return
    with st.expander(_("Free capacity per buurt (MW)")):
        base = pd.DataFrame({"buurt_code": list(names), "buurt_name": list(names.values()),
                             "capacity_mw": float("nan")}).sort_values("buurt_name")
        settings.kept_editor(base, CAPACITY_EDITOR, key="gr.cap_editor", num_rows="fixed", height=260,
                             disabled=["buurt_name"])
        st.caption(_("Empty = not entered; 0 = no room left. Shared by the New-build and Retrofit pages."))


def _peak_inputs(keys: tuple[str, ...]) -> None:
    """Inputs of the peak factors named by ``keys`` (session keys), each with its default and source."""
    w, n = settings.widget_kwargs, i18n.number
    labels = {"gr.peak_hybrid": (_("Peak per dwelling, hybrid heat pump (kW)"), 2),
              "gr.peak_electric": (_("Peak per dwelling, all-electric heat pump (kW)"), 2),
              "gr.newbuild_peak": (_("Peak per new all-electric home (kW)"), 2),
              "gr.newbuild_m3": (_("Heat demand of a new home (m³ gas equivalent a year)"), 0),
              "gr.simultaneity": (_("Simultaneity (0-1)"), 2)}
    cols = st.columns(len(keys))
    for col, key in zip(cols, keys, strict=True):
        label, places = labels[key]
        high = 5_000.0 if key == "gr.newbuild_m3" else (1.0 if key == "gr.simultaneity" else 20.0)
        low = 0.01 if key == "gr.simultaneity" else 0.0
        col.number_input(label, low, high, step=0.05 if places else 25.0, format=f"%.{places}f", **w(key),
                         help=_("Default: {value}.").format(value=n(GRID_DEFAULTS[key], places)))
    st.caption(_(grid.GRID_SOURCES) + " " + _(grid.PEAK_BASIS))


def _grid_results(table: pd.DataFrame, summary: dict, first: str, name: str) -> None:
    """Metrics, the flag message, the table and the map of a grid-load result."""
    num = i18n.number
    g1, g2, g3 = st.columns(3)
    g1.metric(_("Extra electricity (GWh/yr)"), num(summary["extra_gwh"], 2))
    g2.metric(_("Extra peak load (MW)"), num(summary["extra_peak_mw"], 1))
    cap = summary["capacity_mw"]
    g3.metric(_("Capacity shortfall (MW)"), num(summary["shortfall_mw"], 1) if cap == cap else "–",
              help=_("Extra peak above the free capacity entered for the whole municipality; – = none entered."))
    if summary["flagged"]:
        flagged = ", ".join(str(n) for n in table.loc[table["flagged"], "buurt_name"].head(20))
        st.warning(i18n.ngettext("Capacity is short: {n} buurt flagged (largest extra peak first).",
                                 "Capacity is short: {n} buurten flagged (largest extra peak first).",
                                 summary["flagged"]).format(n=summary["flagged"]) + " "
                   + profile.literal_markdown(_("Flagged: {buurten}.").format(
                       buurten=flagged + (" …" if summary["flagged"] > 20 else ""))))
    layer = _source_layer()
    if layer is not None:
        st.caption(profile.literal_markdown(_("Free capacity per buurt from your layer {file}.").format(
            file=layer.name[:80])))
    tab_table, tab_map = st.tabs([_("Table"), _("Map")])
    with tab_table:
        hidden = {"homes", "heat_pumps"} - {first}
        if table["capacity_mw"].isna().all():  # no capacity entered per buurt: nothing to show beside the peak
            hidden |= {"capacity_mw", "headroom_mw"}
        spec = {k: v for k, v in GRID_TABLE.items() if k not in hidden}
        tables.show(table, spec, height=300, key=f"gr.{name}", download=name)
    with tab_map:
        charts.value_map(table, "extra_peak_mw", _("Extra peak (MW)"))


def newbuild_section(sp: NewbuildParams, effects: pd.DataFrame) -> None:
    """The New-build page's section on the grid load of the new homes in ``effects``."""
    num = i18n.number
    st.subheader(_("Grid load of the plan"))
    gp = grid_params()
    with st.expander(_("Peak factors and capacity")):
        _peak_inputs(("gr.newbuild_peak", "gr.newbuild_m3", "gr.simultaneity"))
        _capacity_inputs()
    plan = tuple((c, int(h)) for c, h in zip(effects["buurt_code"], effects["homes"], strict=True) if h > 0)
    cop = float(st.session_state.get("rf.cop_all_electric", sp.retrofit.cop_all_electric))  # the Retrofit setting
    table, summary = newbuild_grid(plan, gp, cop)
    st.caption(_("Every new home is all-electric: heat demand / seasonal COP ({cop}) a year; peak = homes × peak per "
                 "home × simultaneity. Other household electricity is not counted.").format(cop=num(cop, 1)))
    _grid_results(table, summary, "homes", _("Grid load of the new-build plan"))


def retrofit_section(p: RetrofitParams) -> None:
    """The Retrofit page's section on the grid load of the chosen heat-pump package."""
    st.subheader(_("Grid load of the package"))
    if p.package == "insulate":
        st.info(_("Insulation alone adds no heat pumps, so no extra electricity or peak load. Choose a heat-pump "
                  "package to see its grid load."))
        return
    gp = grid_params()
    with st.expander(_("Peak factors and capacity")):
        key = "gr.peak_hybrid" if p.package == "hybrid" else "gr.peak_electric"
        _peak_inputs((key, "gr.simultaneity"))
        _capacity_inputs()
    table, summary = retrofit_grid(p, gp)
    st.caption(_("Extra electricity: the package's heat-pump use at its seasonal COP; peak = dwellings with a heat "
                 "pump × peak per dwelling × simultaneity."))
    _grid_results(table, summary, "heat_pumps", _("Grid load of the retrofit package"))
