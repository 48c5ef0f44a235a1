"""Links that restore a view: the session's settings mirrored in ``st.query_params``.

The registry and the parsing are pure (:mod:`geo.links`); this module is the Streamlit side:

- :func:`start`, on the first run of a session, reads the link into session state and notes what it ignored;
- :func:`sync`, on every run, writes the settings that differ from their defaults back into the URL (short
  links), and :func:`put` does the same for one setting (called when a bound widget is drawn, so a fragment
  rerun, which does not run ``app.py``, still updates the link);
- :func:`keep` holds a copy of the settings whose widgets use their key directly and puts it back, so they
  survive a page change (Streamlit drops the state of widgets not drawn in a run);
- :func:`notice` shows the one message that lists what the link asked for and did not get.
"""

from __future__ import annotations

import streamlit as st

from geo import links as spec
from geo.i18n import _
from geo.io import municipalities, processed
from geo.report.profile import literal_markdown
from geo.targeting import newbuild as nb
from ui import gemeente

STARTED, IGNORED, KEPT_VALUES = "links.started", "links.ignored", "links.kept"
MUNICIPALITY = "gm"  # the link's name of the municipality (geo.links): read before the other settings
MAX_SHOWN = 15  # ignored parameters listed by name in the notice; the rest are counted
# Settings held by a widget's own key (not bound with settings.widget_kwargs): Streamlit drops them when their
# page is left, so :func:`keep` holds a copy. The link's (first line) and page-local views that are not in the link.
KEPT = ("idx.spread", "nb.transformation", "ov.area", "ov.buurten",
        "rf.stock_buurt", "rf.stock_dim", "rf.mac_scope", "rf.market_labels", "rf.market_types",
        "retrofit.indicator", "retrofit.tiles", "newbuild.indicator", "newbuild.tiles")

_ABSENT = object()


def _stamp(path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False, max_entries=16)
def _context(m: municipalities.Municipality, stamps: tuple, present: frozenset) -> spec.Context:
    p = m.paths
    target = nb.published_target(m.code)
    common = {"municipalities": present, "gemeente": m.code, "target_2030": target.by_2030 if target else None,
              "target_2032": target.by_2032 if target else None}
    if not m.has_buurten:
        wijken = processed.read_table(p.wijken)["wijk_code"] if p.wijken.exists() else []
        return spec.Context(wijken=frozenset(wijken), **common)
    if not processed.processed_ready(p):
        return spec.Context(**common)
    codes = processed.read_table(p.buurten)[["buurt_code", "wijk_code"]]
    base = nb.household_base(processed.read_gemeente_households(p.gemeente_households))
    return spec.Context(buurten=frozenset(codes["buurt_code"]), wijken=frozenset(codes["wijk_code"]),
                        vacancy_pct=base.vacancy_pct, household_trend=base.trend, **common)


# The context of the last key: every bound widget asks for it, and a hit of st.cache_resource still hashes the
# municipality and the codes each time (~1.5 ms a call, a dozen calls a run; make bench, index rerun).
# One (key, context) pair, replaced as a whole: sessions of different municipalities run in threads, and a pair
# read in one step cannot hand one session another municipality's context.
_last: list = [(None, None)]


def context() -> spec.Context:
    """The chosen municipality's buurt and wijk codes and data-dependent defaults (cached per processed file)."""
    m = gemeente.current()
    key = (m, (_stamp(m.paths.buurten), _stamp(m.paths.wijken), _stamp(m.paths.gemeente_households)),
           gemeente.codes())
    seen, found = _last[0]
    if seen == key:
        return found
    found = _context(key[0], key[1], frozenset(key[2]))
    _last[0] = (key, found)
    return found


def _query() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def start() -> None:
    """Read the link into the session, once per session; what it cannot use is listed by :func:`notice`."""
    ss = st.session_state
    if STARTED in ss:
        return
    ss[STARTED] = True
    query = _query()
    # The municipality first: the buurt and wijk codes of the other settings are checked against its data.
    chosen = {name: given for name, given in query.items() if name == MUNICIPALITY}
    values, ignored = spec.parse(chosen, spec.Context(municipalities=frozenset(gemeente.codes())))
    ss.update(values)
    more, more_ignored = spec.parse({name: given for name, given in query.items() if name != MUNICIPALITY},
                                    context())
    values.update(more)
    ignored += more_ignored
    for key, value in values.items():
        ss[key] = value
    if ignored:
        ss[IGNORED] = ignored
    init()


def init() -> None:
    """Put the defaults of the settings no page defaults itself (the map explorer's) into the session."""
    for key, value in spec.defaults(context(), only_init=True).items():
        st.session_state.setdefault(key, value)


def keep() -> None:
    """Hold a copy of the settings in widget keys (:data:`KEPT`) and put it back when Streamlit dropped the key.

    Streamlit removes a widget's value at the end of a run that did not draw it (a page change); the copy
    puts it back at the start of every later run, so the widget shows it again when its page is back.
    """
    ss = st.session_state
    kept = ss.setdefault(KEPT_VALUES, {})
    for key in KEPT:
        if key in ss:
            kept[key] = ss[key]
        elif key in kept:
            ss[key] = kept[key]


def setting_keys() -> tuple[str, ...]:
    """Every session key a reset clears besides the ``w.*`` widget copies: the link's settings and :data:`KEPT`."""
    return (*spec.BY_KEY, *KEPT)


def sync() -> None:
    """Write every setting that differs from its default into the URL (nothing else), if the URL differs."""
    ss = st.session_state
    wanted = spec.encode({key: ss[key] for key in spec.BY_KEY if key in ss}, context())
    if _query() != {name: [text] for name, text in wanted.items()}:
        st.query_params.from_dict(wanted)


def put(key: str) -> None:
    """Write one setting into the URL (or take it out when it is at its default)."""
    p = spec.BY_KEY.get(key)
    value = st.session_state.get(key, _ABSENT)  # not `in`: that copies the whole session state (make bench)
    if p is None or value is _ABSENT:
        return
    text = spec.encode_one(p, value, context())
    if text is None:
        if p.name in st.query_params:
            del st.query_params[p.name]
    elif st.query_params.get_all(p.name) != [text]:
        st.query_params[p.name] = text


def dismiss() -> None:
    """Stop showing the notice (the user has changed a setting since)."""
    st.session_state.pop(IGNORED, None)


def forget() -> None:
    """Drop the notice and the copies of :func:`keep` (the reset)."""
    dismiss()
    st.session_state.pop(KEPT_VALUES, None)


def notice() -> None:
    """One warning listing what the link asked for and the app ignored (escaped, cut short), while it applies."""
    ignored = st.session_state.get(IGNORED)
    if not ignored:
        return
    items = [f"{literal_markdown(i.name)}={literal_markdown(i.value)} ({_(i.reason)})" for i in ignored[:MAX_SHOWN]]
    if len(ignored) > MAX_SHOWN:
        items.append(_("and {n} more").format(n=len(ignored) - MAX_SHOWN))
    st.warning(_("The link holds settings this app cannot use; the defaults are shown instead: {items}.")
               .format(items="; ".join(items)), icon=":material/link_off:")
