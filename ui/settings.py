"""Settings shared by all pages: energy prices, the high-quote threshold and the index set-up.

Values live under persistent session-state keys (``cfg.*``) because Streamlit
forgets a widget's state when the page that shows it is left.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from geo.catalog import sources
from geo.metrics import index, indicators
from geo.params import Prices


@dataclass(frozen=True)
class Settings:
    prices: Prices
    threshold: float
    weights: tuple  # ((component, weight), ...) - hashable for caching
    method: str
    missing: str


DEFAULTS = {
    "cfg.gas_price": sources.GAS_PRICE_2019_EUR_PER_M3,
    "cfg.electricity_price": sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH,
    "cfg.threshold": indicators.DEFAULT_QUOTE_THRESHOLD_PCT,
    "cfg.method": "minmax",
    "cfg.missing": "reweight",
    **{f"cfg.w.{k}": w for k, w in index.default_weights().items()},
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


def reset() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def current() -> Settings:
    """The settings as a hashable value."""
    init()
    ss = st.session_state
    weights = tuple((k, float(ss[f"cfg.w.{k}"])) for k in index.COMPONENTS)
    if sum(w for _, w in weights) <= 0:
        weights = tuple(index.default_weights().items())
    return Settings(
        prices=Prices(float(ss["cfg.gas_price"]), float(ss["cfg.electricity_price"])),
        threshold=float(ss["cfg.threshold"]),
        weights=weights,
        method=ss["cfg.method"],
        missing=ss["cfg.missing"],
    )


def sidebar() -> None:
    """The shared sidebar: prices and threshold for the energy quote."""
    init()
    with st.sidebar:
        st.subheader("Energy quote settings")
        st.number_input(
            "Gas price (EUR per m3)", min_value=0.0, max_value=10.0, step=0.01, format="%.3f",
            help=f"Default: {sources.PRICE_SOURCE}, converted at {sources.GAS_M3_PER_GJ} m3 per GJ.",
            **widget_kwargs("cfg.gas_price"),
        )
        st.number_input(
            "Electricity price (EUR per kWh)", min_value=0.0, max_value=5.0, step=0.005, format="%.3f",
            help=f"Default: {sources.PRICE_SOURCE}.",
            **widget_kwargs("cfg.electricity_price"),
        )
        st.radio(
            "High energy quote at or above", options=[10.0, 8.0], format_func=lambda v: f"{v:.0f}% of income",
            horizontal=True, help="10%: VNG DEGO documentation; 8%: used by some TNO products.",
            **widget_kwargs("cfg.threshold"),
        )
        st.caption(f"Prices of {sources.PRICE_YEAR}; consumption is the CBS figure per buurt. See Data & method.")
        st.button("Reset all settings", on_click=reset)
