"""Settings shared by all pages: energy prices, the high-quote threshold and the index set-up.

Values live under persistent session-state keys (``cfg.*``) because Streamlit
forgets a widget's state when the page that shows it is left.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS
from geo.params import QUOTE_THRESHOLD_SOURCES, IndexSettings, Prices, QuoteThreshold
from geo.vocab import GAS_M3_PER_GJ


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
    st.session_state[widget_key.removeprefix("w.")] = st.session_state[widget_key]


def widget_kwargs(key: str) -> dict:
    """Arguments that bind a widget to the persistent setting ``key``."""
    wkey = f"w.{key}"
    st.session_state[wkey] = st.session_state[key]
    return {"key": wkey, "on_change": persist, "args": (wkey,)}


def choose_price_year(widget_key: str) -> None:
    """Keep the chosen price year and put its published prices into the two price inputs (on_change callback)."""
    persist(widget_key)
    prices = Prices.of_year(st.session_state["cfg.price_year"])
    st.session_state["cfg.gas_price"] = prices.gas_eur_per_m3
    st.session_state["cfg.electricity_price"] = prices.electricity_eur_per_kwh


def reset() -> None:
    """Put every setting back to its default (the sidebar's reset button)."""
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


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
        index=IndexSettings(weights, ss["cfg.method"], ss["cfg.missing"]),
    )


def sidebar() -> None:
    """The shared sidebar: prices and threshold for the energy quote."""
    init()
    with st.sidebar:
        st.subheader("Energy quote settings")
        st.radio("Prices of", options=sorted(sources.PRICE_SETS), horizontal=True, help=sources.PRICE_SET_SOURCE,
                 **{**widget_kwargs("cfg.price_year"), "on_change": choose_price_year})
        st.number_input(
            "Gas price (EUR per m3)", min_value=0.0, max_value=10.0, step=0.01, format="%.3f",
            help=f"Default: {sources.PRICE_SOURCE}, converted at {GAS_M3_PER_GJ} m3 per GJ.",
            **widget_kwargs("cfg.gas_price"),
        )
        st.number_input(
            "Electricity price (EUR per kWh)", min_value=0.0, max_value=5.0, step=0.005, format="%.3f",
            help=f"Default: {sources.PRICE_SOURCE}.",
            **widget_kwargs("cfg.electricity_price"),
        )
        st.radio(
            "High energy quote at or above", options=list(QUOTE_THRESHOLD_SOURCES),
            format_func=lambda v: f"{v:.0f}% of income", horizontal=True,
            help="; ".join(f"{v:.0f}%: {why}" for v, why in QUOTE_THRESHOLD_SOURCES.items()) + ".",
            **widget_kwargs("cfg.threshold"),
        )
        st.caption(f"Prices of {st.session_state['cfg.price_year']} (CBS, incl. taxes) unless edited; consumption is "
                   "the CBS figure per buurt. See Data & method.")
        st.button("Reset all settings", on_click=reset)
