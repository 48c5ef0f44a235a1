"""The Map explorer's map: a Streamlit component that recolours in the browser (geo.map.live).

The component keeps one Leaflet map alive in the page (no iframe, Leaflet from the
app's static folder) and holds its own indicator picker. It gets the shapes of the
level once and, for every indicator the picker offers, the colours, tooltip texts
and legend (small for 57 buurten or 23 wijken), so an indicator change restyles
the polygons at once, before the server hears of it. The choice then comes back as
the component's state (``choice``): the setting ``map.indicator`` and the link
follow, and the rest of the page (profile, exports, captions) reruns with it.
A click on an area comes back as a trigger (``clicked``).

The classification, classes, level and background stay Streamlit widgets: their
change reruns the explorer's fragment, which sends the component new data; the
script swaps only what changed (zoom and pan stay).
"""

from __future__ import annotations

import collections
import hashlib
import html
import threading

import numpy as np
import pandas as pd
import streamlit as st

from geo import i18n
from geo.catalog import dictionary
from geo.i18n import _
from geo.map import live, render, tooltip
from ui import data, links, mapview

KEY = "explorer_map"
CHOICE_SEQ = "map.indicator_seq"  # the last choice of the component the server has taken over (see geo.map.live)

_component = st.components.v2.component("buurtkompas.live_map", js=live.LIVE_JS, css=live.LIVE_CSS,
                                        isolate_styles=False)


@st.cache_resource(show_spinner=False)
def _shapes(level: str, mtime: float) -> dict:
    """The level's areas packed for the script (shared read-only between sessions)."""
    buurten, wijken = data.map_shapes()
    quantum = mapview.strategy(mtime).quantum_m
    if level == mapview.WIJK:
        return live.shapes_payload(wijken, "wijk_code", "wijk_name", quantum)
    return live.shapes_payload(buurten, "buurt_code", "buurt_name", quantum)


def _table(level: str):
    shapes = data.map_shapes()[1 if level == mapview.WIJK else 0]
    if level == mapview.WIJK:
        return mapview.wijk_table().reindex(shapes["wijk_code"])
    return data.current_table().reindex(shapes["buurt_code"])


def fingerprint(frame: pd.DataFrame | pd.Series) -> str:
    """A short digest of the values (numbers as their bytes, anything else as text), in order.

    Cheaper than Streamlit's hashing of a frame, and NaN-safe (Python hashes each NaN object differently).
    """
    digest = hashlib.blake2b(digest_size=16)
    for _name, col in (frame.items() if isinstance(frame, pd.DataFrame) else [(None, frame)]):
        if pd.api.types.is_numeric_dtype(col):
            digest.update(col.to_numpy(dtype=float, na_value=np.nan).tobytes())
        else:
            digest.update("\x1f".join(map(str, col)).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


class _Memo:
    """A bounded, thread-safe memo shared by all sessions (least recently used dropped first).

    For the per-indicator parts of :func:`layers`: 82 lookups on each of its misses, where ``st.cache_data``'s
    hashing of the arguments alone took longer than the work it saved (make bench). Values are shared: read only.
    """

    def __init__(self, size: int):
        self.size, self.items, self.lock = size, collections.OrderedDict(), threading.Lock()

    def get(self, key: tuple, make):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


# Per indicator, keyed by a digest of its values: a change of the classification redoes only the colours, a change
# of the sidebar's settings only the indicators whose values it changed (the derived ones).
_TEXTS, _COLOURS = _Memo(2048), _Memo(2048)


def _texts(indicator: str, columns: pd.DataFrame, lang: str) -> dict:
    return _TEXTS.get((indicator, fingerprint(columns), lang), lambda: live.text_layer(
        tooltip.value_texts(columns, indicator), dictionary.unit(indicator)))


def _colours(indicator: str, values: pd.Series, scheme: str, k: int, lang: str) -> dict:
    col = dictionary.BY_NAME[indicator]
    return _COLOURS.get((indicator, fingerprint(values), scheme, k, lang), lambda: live.class_layer(
        values, scheme, k, col.decimals, reverse=col.higher_is_worse is False))


def _tooltip_columns(table: pd.DataFrame, indicator: str) -> list[str]:
    """The columns :func:`geo.map.tooltip.value_texts` reads for ``indicator``."""
    extra = [*tooltip.BANDS.get(indicator, ()), "estimate_quality"]
    return [indicator, *(c for c in extra if c in table)]


@st.cache_data(show_spinner=False, max_entries=32)
def layers(level: str, scheme: str, k: int, settings_key, lang: str, mtime: float) -> dict:
    """Per indicator of the level: colours, tooltip texts, legend, title, meaning and notes (``lang``'s words)."""
    table = _table(level)
    years = data.tables()["metadata"].get("columns", {})
    out = {"layers": {}, "titles": {}, "meanings": {}, "notes": {}}
    for indicator in mapview.indicators_for(level):
        col = dictionary.BY_NAME[indicator]
        values = table[indicator].astype(float).reset_index(drop=True)
        columns = table[_tooltip_columns(table, indicator)]
        out["layers"][indicator] = {**_colours(indicator, values, scheme, k, lang), **_texts(indicator, columns, lang)}
        out["titles"][indicator] = mapview.indicator_title(indicator)
        out["meanings"][indicator] = mapview.indicator_meaning(indicator)
        notes = []
        year = years.get(indicator, {}).get("year")
        if year:
            notes.append(_("Figures of {year}.").format(year=year))
        if col.kind in mapview.NOT_MEASURED:
            notes.append(_(mapview.NOT_MEASURED[col.kind]))
        if level == mapview.WIJK:
            notes.append(_("Per wijk: the figures CBS publishes for wijken. Estimates and derived figures, such as "
                           "the energy-poverty index, exist per buurt only and are not offered here."))
        out["notes"][indicator] = notes
    out["options"] = list(out["layers"])
    return out


def _take_choice() -> None:
    """The component's new choice (on_choice_change): an indicator the level offers becomes the setting."""
    value = (st.session_state.get(KEY) or {}).get("choice") or {}
    indicator, seq = value.get("indicator"), value.get("seq")
    if indicator in mapview.indicators_for(st.session_state.get("map.level", mapview.BUURT)):
        st.session_state["map.indicator"] = indicator
        links.put("map.indicator")
        links.dismiss()
    if isinstance(seq, int) and not isinstance(seq, bool):
        st.session_state[CHOICE_SEQ] = seq


def _clicked() -> None:
    """A click on an area (on_clicked_change): read from the component's result in the same run."""


def payload(level: str, indicator: str, scheme: str, k: int, tiles: bool, settings_key, ack: int = 0) -> dict:
    """Everything the component draws for one view (the parts that do not change are cached).

    ``ack``: the last choice made in the map that the server has taken over (see :data:`CHOICE_SEQ`).
    """
    lang = i18n.current()
    mtime = mapview._shapes_mtime()  # the chosen municipality's shapes: another municipality, other shapes
    shapes = mapview._drawn_shapes()
    area = mapview.LEVELS[level]
    return {
        **layers(level, scheme, k, settings_key, lang, mtime),
        "shapes": _shapes(level, mtime), "shapes_key": f"{level}:{mtime}",
        "outlines": _shapes(mapview.WIJK, mtime), "outlines_key": f"wijk:{mtime}",
        "bounds": render.bounds_of(shapes), "canvas": mapview.strategy(mtime).prefer_canvas,
        "styles": live.styles(), "leaflet_js": render.LEAFLET_JS, "leaflet_css": render.LEAFLET_CSS,
        "tiles": {"url": render.OSM_TILES.build_url(), "attribution": html.escape(_("© OpenStreetMap contributors")),
                  "max_zoom": int(render.OSM_TILES.get("max_zoom", 19))} if tiles else None,
        # Leaflet writes the attribution as HTML (escaped above); every other text goes in as text (geo.map.live).
        "texts": {"label": _("Indicator"), "area": _(area)},
        "chosen": indicator, "ack": ack,
    }


def show(level: str, indicator: str, scheme: str, k: int, tiles: bool, settings_key) -> str | None:
    """Draw the map with its picker and legend; return the code of the area clicked in this run, if any."""
    links.put("map.indicator")
    ack = int(st.session_state.get(CHOICE_SEQ, 0))
    result = _component(key=KEY, data=payload(level, indicator, scheme, k, tiles, settings_key, ack),
                        on_choice_change=_take_choice, on_clicked_change=_clicked)
    code = getattr(result, "clicked", None)
    return code if isinstance(code, str) else None


def clear() -> None:
    """Forget every cached part of the map's data (for measuring a first build)."""
    layers.clear()
    _shapes.clear()
    for memo in (_TEXTS, _COLOURS):
        with memo.lock:
            memo.items.clear()
