"""Settings shared by all pages: energy prices, the high-quote threshold and the index set-up.

Values live under persistent session-state keys (``cfg.*``, and the pages' ``rf.*``, ``nb.*``, ``map.*``)
because Streamlit forgets a widget's state when the page that shows it is left: a widget bound with
:func:`widget_kwargs` shows the persistent value and copies a change back; an editable table shown with
:func:`kept_editor` keeps its edited cells. Both put the setting into the link (:mod:`ui.links`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from geo import i18n
from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS
from geo.i18n import N_, _
from geo.params import QUOTE_THRESHOLD_SOURCES, IndexSettings, Prices, QuoteThreshold
from geo.vocab import GAS_M3_PER_GJ
from ui import gemeente, language, links, tables


@dataclass(frozen=True)
class Settings:
    """The settings shared by all pages, as geo.params objects (hashable, so they key the caches)."""

    prices: Prices
    quote_threshold: QuoteThreshold
    index: IndexSettings

    @property
    def threshold(self) -> float:
        """The high energy-quote threshold in percent (what the targeting models take)."""
        return self.quote_threshold.pct


USER_INDEX = "my.index"  # the user's own index components (ui.mydata keeps them up to date)
_DEFAULT = Settings(Prices(), QuoteThreshold(), IndexSettings())
DEFAULTS = {
    "cfg.price_year": _DEFAULT.prices.year,
    "cfg.gas_price": _DEFAULT.prices.gas_eur_per_m3,
    "cfg.electricity_price": _DEFAULT.prices.electricity_eur_per_kwh,
    "cfg.threshold": _DEFAULT.quote_threshold.pct,
    "cfg.method": _DEFAULT.index.method,
    "cfg.missing": _DEFAULT.index.missing,
    **{f"cfg.w.{k}": w for k, w in _DEFAULT.index.weights},
}


def init() -> None:
    """Put defaults into the session once."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def persist(widget_key: str) -> None:
    """Copy a widget's value to its persistent key (on_change callback)."""
    key = widget_key.removeprefix("w.")
    st.session_state[key] = st.session_state[widget_key]
    links.put(key)
    links.dismiss()


def widget_kwargs(key: str) -> dict:
    """Arguments that bind a widget to the persistent setting ``key`` (and keep the link up to date)."""
    wkey = f"w.{key}"
    st.session_state[wkey] = st.session_state[key]
    links.put(key)
    return {"key": wkey, "on_change": persist, "args": (wkey,)}


# Editable tables whose edits survive a page change: editor key -> (persistent key, row column, value column).
EDITORS = {"rf.costs": ("rf.cost_edits", "dwelling_type", "cost_per_step_eur"),
           "nb.alloc_editor": ("nb.plan", "buurt_code", "homes"),
           "gr.cap_editor": ("gr.cap", "buurt_code", "capacity_mw"),
           "ci.reuse_editor": ("ci.reuse", "material", "high_grade_pct")}


def _cell(value, whole: bool) -> float | int | None:
    try:
        number = float(str(value).strip()) if value is not None else math.nan
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(round(number)) if whole else number


def kept_editor(data: pd.DataFrame, spec: dict, key: str, **kwargs) -> pd.DataFrame:
    """``tables.edit(data, spec, key=key, ...)`` whose edits survive a page change and go into the link.

    The cells that differ from ``data`` are kept under the persistent key of :data:`EDITORS` and written into
    the table the editor starts from, so they show again after the page was left (Streamlit drops an editor's
    own state then) or when a link restored them. Cells that are not numbers are not kept (the page's checks
    report them while the editor shows them).
    """
    edits_key, row_col, value_col = EDITORS[key]
    ss, whole = st.session_state, pd.api.types.is_integer_dtype(data[value_col])
    kept = ss.get(edits_key) or {}
    start = data.copy()
    if kept:
        start[value_col] = pd.Series([kept.get(row, value) for row, value in zip(data[row_col], data[value_col],
                                                                                 strict=True)],
                                     index=data.index).astype(data[value_col].dtype)
    edited = tables.edit(start, spec, key=key, **kwargs)
    now = {}
    for row, value, base in zip(edited[row_col], edited[value_col], data[value_col], strict=True):
        cell = _cell(value, whole)
        if cell is not None and cell != base:
            now[row] = cell
    ss[edits_key] = now
    links.put(edits_key)
    return edited


def forget_edits(key: str) -> None:
    """Drop the edits of the editable table ``key`` (its own state and the kept cells)."""
    st.session_state.pop(key, None)
    st.session_state.pop(EDITORS[key][0], None)


def choose_price_year(widget_key: str) -> None:
    """Keep the chosen price year and put its published prices into the two price inputs (on_change callback)."""
    persist(widget_key)
    prices = Prices.of_year(st.session_state["cfg.price_year"])
    st.session_state["cfg.gas_price"] = prices.gas_eur_per_m3
    st.session_state["cfg.electricity_price"] = prices.electricity_eur_per_kwh


# Settings that name buurten or wijken of one municipality: reset on a switch, with a notice when they were set.
PER_MUNICIPALITY = {"map.pick": N_("the buurt profile"), "ov.area": N_("the briefing's area"),
                    "ov.buurten": N_("the chosen buurten"), "nb.transformation": N_("the transformation locations"),
                    "nb.plan": N_("the edited allocation")}
# Settings whose defaults come from the municipality's data (targets, vacancy, scenarios): back to the new defaults.
# Views that name a buurt without being a setting (the stock chart's buurt) go quietly too.
DATA_DEFAULTS = ("nb.t2030", "nb.t2032", "nb.allocate", "nb.vacancy", "nb.top_n", "nb.sc.", "map.last_click",
                 "nb.alloc_editor", "nb.upload_done", ".wijk", "rf.stock_buurt")


def choose_gemeente(widget_key: str) -> None:
    """Switch the municipality (on_change callback): reset what named the previous one's buurten, say so once."""
    ss = st.session_state
    before, had_buurten = ss.get(gemeente.KEY), gemeente.current().has_buurten
    persist(widget_key)
    if ss[gemeente.KEY] == before:
        return
    if not had_buurten:  # the map was per wijk only because the previous municipality had no buurten
        ss["map.level"] = "buurt"
    # Held copies of widget keys (ui.links.keep) count too: they would come back on the next run.
    kept = ss.get(links.KEPT_VALUES, {})
    changed = [label for key, label in PER_MUNICIPALITY.items()
               if ss.get(key, kept.get(key)) not in (None, [], {}, "gemeente")]

    def named(key: str) -> bool:
        return key in PER_MUNICIPALITY or any(key.startswith(k) if k.endswith(".") else key.endswith(k)
                                              if k.startswith(".") else key == k for k in DATA_DEFAULTS)

    for key in list(ss.keys()):
        if named(key.removeprefix("w.")):
            ss.pop(key, None)
    for key in [k for k in kept if named(k)]:
        kept.pop(key)
    ss["ctx.gemeente"] = ss[gemeente.KEY]  # the context page follows the switch
    links.init()  # the map's settings (the buurt profile among them) back to this municipality's defaults
    if changed:
        ss[gemeente.NOTICE] = changed


def municipality_switch() -> None:
    """The municipality switch at the top of the shared sidebar: only municipalities whose data is present."""
    present = gemeente.municipalities()
    if not present:
        return
    st.session_state.setdefault(gemeente.KEY, gemeente.default_code())
    if st.session_state[gemeente.KEY] not in gemeente.codes():
        st.session_state[gemeente.KEY] = gemeente.default_code()
    # Names made now, in this run's language (a format_func may run outside the session).
    shown = {m.code: m.name if m.has_buurten else _("{name} (wijken only)").format(name=m.name) for m in present}
    st.sidebar.selectbox(_("Municipality"), list(shown), format_func=shown.get,
                         help=_("The municipalities whose data is present. Add one with `make refresh GM=<code>` "
                                "(needs internet), then `make data GM=<code>`."),
                         **{**widget_kwargs(gemeente.KEY), "on_change": choose_gemeente})


def reset() -> None:
    """Put every setting back to its default (the sidebar's reset button): shared, page-local, edited tables, link.

    The language and the municipality stay as chosen. Pages put their own defaults back when they next run.
    """
    ss = st.session_state
    for key in list(ss.keys()):
        if key.startswith("w.") and key not in (language.WIDGET, f"w.{gemeente.KEY}"):
            ss.pop(key, None)
            ss.pop(key.removeprefix("w."), None)
    for key in (*links.setting_keys(), *EDITORS, *(persistent for persistent, _row, _value in EDITORS.values())):
        if key not in (language.KEY, gemeente.KEY):
            ss.pop(key, None)
    ss.pop(USER_INDEX, None)  # the user's own figures weigh 0 again (their layers stay)
    links.forget()
    init()
    links.init()


def current() -> Settings:
    """The settings as a hashable value."""
    init()
    ss = st.session_state
    weights = {k: float(ss[f"cfg.w.{k}"]) for k in COMPONENTS}
    if sum(weights.values()) <= 0:  # all weights zero: the Index page says the defaults are used meanwhile
        weights = _DEFAULT.index.weights
    return Settings(
        prices=Prices(float(ss["cfg.gas_price"]), float(ss["cfg.electricity_price"]), int(ss["cfg.price_year"])),
        quote_threshold=QuoteThreshold(float(ss["cfg.threshold"])),
        index=IndexSettings(weights, ss["cfg.method"], ss["cfg.missing"], user=tuple(ss.get(USER_INDEX, ()))),
    )


def _energy_quote_settings() -> None:
    """Prices and threshold of the energy quote; for a municipality with wijk figures only, a line saying why not.

    Its settings stay in the session (and the link) while hidden: they count again after a switch back.
    """
    if not gemeente.current().has_buurten:
        st.caption(_("The energy-quote settings (prices, threshold) apply to buurt data; {name} has wijk figures "
                     "only.").format(name=gemeente.name()))
        return
    st.subheader(_("Energy quote settings"))
    st.radio(_("Prices of"), options=sorted(sources.PRICE_SETS), horizontal=True,
             help=_("Average prices households paid in that year, incl. VAT and taxes (CBS StatLine 81309NED). "
                    "Choosing a year puts its prices into the two fields below."),
             **{**widget_kwargs("cfg.price_year"), "on_change": choose_price_year})
    st.number_input(
        _("Gas price (EUR per m³)"), min_value=0.0, max_value=10.0, step=0.01, format="%.3f",
        help=_("Default: the CBS price per GJ of the chosen year, converted at {m3} m³ per GJ.").format(
            m3=i18n.number(GAS_M3_PER_GJ, 1)),
        **widget_kwargs("cfg.gas_price"),
    )
    st.number_input(
        _("Electricity price (EUR per kWh)"), min_value=0.0, max_value=5.0, step=0.005, format="%.3f",
        help=_("Default: the CBS price per kWh of the chosen year."),
        **widget_kwargs("cfg.electricity_price"),
    )
    st.radio(
        _("High energy quote from (share of income)"), options=list(QUOTE_THRESHOLD_SOURCES),
        # no _() in format_func: AppTest calls it outside the session, so it could not know the language
        format_func=lambda v: i18n.percent(v, 0), horizontal=True,
        help=_("The energy bill as a share of disposable income at or above which a household's energy quote "
               "counts as high. 10%: VNG DEGO documentation; 8%: used by some TNO products."),
        **widget_kwargs("cfg.threshold"),
    )
    st.caption(_("Prices of {year} (CBS, incl. taxes) unless edited; consumption is the CBS figure per buurt. "
                 "See Data & method.").format(year=st.session_state["cfg.price_year"]))


def sidebar() -> None:
    """The shared sidebar: prices and threshold for the energy quote, and the reset button."""
    init()
    municipality_switch()
    with st.sidebar:
        _energy_quote_settings()
        st.button(_("Reset all settings"), on_click=reset,
                  help=_("Every setting of every page back to its default, edited tables included. The language "
                         "stays."))
