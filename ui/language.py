"""The language of a session: Dutch unless the user (or the link's ``?lang=en``) chose English.

Registers the session's choice as the source of :func:`geo.i18n.current`, so
every ``_()`` in a page, a fragment rerun or a ``geo`` function called from them
speaks the user's language without passing it around.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo import i18n
from geo.i18n import _

KEY = "cfg.lang"
NAMES = {"nl": "Nederlands", "en": "English"}  # each language in its own words: not translated


def _session_language() -> str | None:
    # Outside a script run (a unit test, the build) there is no session to ask.
    if get_script_run_ctx() is None:
        return None
    return st.session_state.get(KEY)


i18n.set_source(_session_language)


def init() -> None:
    """Take the language from the link once per session (``?lang=nl|en``); unknown values keep Dutch."""
    if KEY in st.session_state:
        return
    asked = st.query_params.get("lang")
    st.session_state[KEY] = asked if asked in i18n.LANGUAGES else i18n.DEFAULT
    if asked is not None and asked not in i18n.LANGUAGES:
        st.session_state["notice.lang"] = True


def current() -> str:
    """The session's language code."""
    init()
    return st.session_state[KEY]


def _keep(widget_key: str) -> None:
    st.session_state[KEY] = st.session_state[widget_key]


def switch() -> None:
    """The language switch at the top of the sidebar (each language named in its own words)."""
    init()
    st.session_state["w.lang"] = st.session_state[KEY]
    st.sidebar.radio(
        "Taal / Language", list(i18n.LANGUAGES), format_func=NAMES.get, key="w.lang", horizontal=True,
        on_change=_keep, args=("w.lang",), label_visibility="collapsed",
    )
    if st.session_state.pop("notice.lang", False):
        st.sidebar.info(_("The link asked for a language this app does not know; it is shown in Dutch."))
    st.query_params["lang"] = st.session_state[KEY]
