"""The municipality a session looks at: the registry of municipalities present and the session's choice.

The registry is pure (:mod:`geo.io.municipalities`); this module caches it (shared by all sessions, read again
when a folder or a build report changes) and answers "which municipality, which files" for the session
(``cfg.gm``, in the link as ``gm``). Every cached loader keys on the chosen municipality's files
(:func:`ui.data.stamp` of a path in :func:`paths`), so caches of two municipalities never mix. The switch itself
is in the shared sidebar (:func:`ui.settings.sidebar`). Pages that need buurt data stop with a message for a
municipality that has wijk figures only (:func:`require_buurten`).
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from geo import config
from geo.i18n import _
from geo.io import municipalities as mu

KEY = "cfg.gm"
NOTICE = "gm.notice"  # what a switch reset, shown once on the next run
# The folders are looked at again at most this often (a scan costs ~0.5 ms and every loader asks for the
# municipality; a new `make data GM=…` shows in the switch within this time).
RESCAN_SECONDS = 2.0
_scanned: dict[tuple, tuple[float, tuple]] = {}


def _stamp() -> tuple:
    """What the registry depends on: the build reports of every CBS-code folder (path and time) in every root."""
    roots = (config.PROCESSED_DIR, *config.EXTRA_PROCESSED_ROOTS)
    seen = _scanned.get(roots)
    if seen is not None and time.monotonic() - seen[0] < RESCAN_SECONDS:
        return seen[1]
    out = []
    for root in roots:
        root = Path(root)
        if not root.is_dir():
            continue
        reports = [root / config.JOIN_REPORT.name, *root.glob(f"GM*/{config.JOIN_REPORT.name}")]
        out += [(str(p), p.stat().st_mtime) for p in sorted(reports) if p.exists()]
    _scanned[roots] = (time.monotonic(), tuple(out))
    return tuple(out)


@st.cache_resource(show_spinner=False, max_entries=4)
def _registry(stamp: tuple, roots: tuple) -> tuple[mu.Municipality, ...]:
    return mu.present(config.PROCESSED_DIR, config.EXTRA_PROCESSED_ROOTS)[0]


# The registry of the last stamp: every widget's link lookup asks for it (dozens of times a run), and even a hit of
# st.cache_resource hashes its arguments each time (~1 ms; make bench, index rerun). A stamp is the same object
# until the folders are looked at again, so an identity check answers those calls.
# One (stamp, registry) pair, replaced as a whole: sessions run in threads, and a pair read in one step cannot
# mix one session's stamp with another's registry.
_last: list = [(None, None)]


def municipalities() -> tuple[mu.Municipality, ...]:
    """The municipalities present, the shipped default first (shared between sessions)."""
    stamp = _stamp()
    seen, present = _last[0]
    if seen is stamp:
        return present
    present = _registry(stamp, (config.PROCESSED_DIR, *config.EXTRA_PROCESSED_ROOTS))
    _last[0] = (stamp, present)
    return present


def codes() -> tuple[str, ...]:
    """The codes the switch offers."""
    return tuple(m.code for m in municipalities())


def default_code() -> str:
    """The municipality a session starts with: the shipped default (the first present)."""
    present = municipalities()
    return present[0].code if present else config.GEMEENTE_CODE


def current() -> mu.Municipality:
    """The session's municipality; the default when the chosen one is not (or no longer) present."""
    present = {m.code: m for m in municipalities()}
    chosen = st.session_state.get(KEY)
    if chosen in present:
        return present[chosen]
    return present.get(default_code()) or mu.shipped()


def paths() -> config.ProcessedPaths:
    """The chosen municipality's processed files."""
    return current().paths


def name() -> str:
    """The chosen municipality's name (for texts: ``_("In {gemeente} …").format(gemeente=name())``)."""
    return current().name


def require_buurten() -> None:
    """Stop the page with a clear message when the chosen municipality has wijk figures only."""
    m = current()
    if m.has_buurten:
        return
    st.info(_("This page needs buurt data, and for {gemeente} only wijk figures are present (from the national "
              "wijken table). To add the buurt data, with internet: `make refresh GM={code}`, then "
              "`make data GM={code}`, and reload. The Overview, the Map explorer (per wijk) and the national "
              "context work now.").format(gemeente=m.name, code=m.code), icon=":material/info:")
    st.stop()


def notice() -> None:
    """The one message after a switch that says which settings of the previous municipality were reset."""
    reset = st.session_state.pop(NOTICE, None)
    if reset:
        st.info(_("Now showing {gemeente}. Settings that named buurten or wijken of the previous municipality "
                  "were reset: {settings}.").format(gemeente=name(), settings=", ".join(_(s) for s in reset)),
                icon=":material/swap_horiz:")
