"""The language of a session: Dutch unless the user (or the link's ``?lang=en``) chose English.

The link's ``lang`` is read with the other settings of a link (:mod:`ui.links`, registry in
:mod:`geo.links`); an unknown language is listed in the link notice and Dutch is used.

Registers the session's choice as the source of :func:`geo.i18n.current`, so
every ``_()`` in a page, a fragment rerun or a ``geo`` function called from them
speaks the user's language without passing it around.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo import i18n
from ui import links

KEY, WIDGET = "cfg.lang", "w.lang"
NAMES = {"nl": "Nederlands", "en": "English"}  # each language in its own words: not translated


def _session_language() -> str | None:
    # Outside a script run (a unit test, the build) there is no session to ask.
    if get_script_run_ctx() is None:
        return None
    return st.session_state.get(KEY)


i18n.set_source(_session_language)


def init() -> None:
    """Dutch unless the link (read by :func:`ui.links.start` before this) or the user chose another language."""
    i18n.set_source(_session_language)  # again each run: a test in the same process may have replaced it
    st.session_state.setdefault(KEY, i18n.DEFAULT)


def current() -> str:
    """The session's language code."""
    init()
    return st.session_state[KEY]


def _keep(widget_key: str) -> None:
    st.session_state[KEY] = st.session_state[widget_key]
    links.put(KEY)


def switch() -> None:
    """The language switch at the top of the sidebar (each language named in its own words)."""
    init()
    st.session_state[WIDGET] = st.session_state[KEY]
    st.sidebar.radio(
        "Taal / Language", list(i18n.LANGUAGES), format_func=NAMES.get, key=WIDGET, horizontal=True,
        on_change=_keep, args=(WIDGET,), label_visibility="collapsed",
    )
