"""How a link's query text becomes settings and settings become the shortest query (:func:`parse`, :func:`encode`).

Every value is checked against its entry in :mod:`geo.links.registry`; what cannot be used is returned as
:class:`Ignored` with a reason, never raised. Pure: no Streamlit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from geo import config
from geo.i18n import N_
from geo.links.registry import BY_NAME, GEMEENTE, PARAMS, Context, Param

MAX_VALUE_CHARS = 100  # a single value (number, code, choice) longer than this is ignored unread
MAX_LIST_CHARS = 2_000  # a list of codes or a table (57 buurten x "BU09171000:1234," fits)
SHOWN_CHARS = 40  # what a notice shows of an ignored name or value
IGNORED_SILENTLY = frozenset({"embed", "embed_options"})  # Streamlit's own parameters

# Why a parameter was ignored (English msgids; the notice translates them).
UNKNOWN_NAME = N_("not a setting of this app")
REPEATED = N_("given more than once")
TOO_LONG = N_("too long")
BAD_VALUE = N_("not an allowed value")
UNKNOWN_BUURT = N_("unknown buurt code")
UNKNOWN_WIJK = N_("unknown wijk or area")
UNKNOWN_GEMEENTE = N_("not a municipality code")
NOT_PRESENT = N_("no data of this municipality is present")

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")  # no nan, inf, hex or 1_000
_CODE = re.compile(r"BU\d{8}")
_GEMEENTE = re.compile(r"GM\d{4}")  # whether the municipality exists is the context page's check (data-dependent)
_TRUE, _FALSE = frozenset({"1", "true", "yes", "on"}), frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Ignored:
    """A query parameter (or one item of it) that the app did not use: name and value cut to a readable length."""

    name: str
    value: str
    reason: str = field(default=BAD_VALUE)


def _shown(text: str) -> str:
    text = str(text)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


# ---- reading one value -------------------------------------------------------------------------

_INVALID = object()


def _number(text: str) -> float | None:
    """A finite number written plainly (``12``, ``-0.5``, ``1e3``); None for anything else."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _in_range(p: Param, value: float, ctx: Context) -> bool:
    low, high = p.resolve("low", ctx), p.resolve("high", ctx)
    if low is not None and (value < low or (p.above_low and value == low)):
        return False
    return high is None or value <= high


def _scalar(p: Param, text: str, ctx: Context):
    """The value of a one-value parameter, or ``_INVALID``."""
    if p.kind in ("float", "int"):
        value = _number(text)
        if value is None or not _in_range(p, value, ctx):
            return _INVALID
        if p.kind == "int":
            return int(value) if value == int(value) else _INVALID
        return value
    if p.kind == "bool":
        low = text.strip().lower()
        return True if low in _TRUE else False if low in _FALSE else _INVALID
    if p.kind == "choice":
        if all(isinstance(c, str) for c in p.choices):
            return text if text in p.choices else _INVALID
        value = _number(text)
        matches = [c for c in p.choices if value is not None and c == value]
        return matches[0] if matches else _INVALID
    return _INVALID


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _one(p: Param, text: str, ctx: Context) -> tuple[Any, list[Ignored]]:
    """Read one parameter: its value (``_INVALID`` when nothing of it is usable) and what of it was ignored."""
    if p.kind == "buurt":
        return (text, []) if text in ctx.buurten else (_INVALID, [Ignored(p.name, _shown(text), UNKNOWN_BUURT)])
    if p.kind == "area":
        if text == GEMEENTE or text in ctx.wijken:
            return text, []
        return _INVALID, [Ignored(p.name, _shown(text), UNKNOWN_WIJK)]
    if p.kind == "municipality":
        if text in (ctx.municipalities or {config.GEMEENTE_CODE}):
            return text, []
        reason = NOT_PRESENT if _GEMEENTE.fullmatch(text) else UNKNOWN_GEMEENTE
        return _INVALID, [Ignored(p.name, _shown(text), reason)]
    if p.kind == "gemeente":
        if _GEMEENTE.fullmatch(text):
            return text, []
        return _INVALID, [Ignored(p.name, _shown(text), UNKNOWN_GEMEENTE)]
    if p.kind == "buurten":
        codes, ignored = [], []
        for code in _items(text):
            if code in ctx.buurten:
                if code not in codes:
                    codes.append(code)
            else:
                ignored.append(Ignored(p.name, _shown(code), UNKNOWN_BUURT))
        return codes, ignored
    if p.kind == "table":
        return _table(p, text, ctx)
    value = _scalar(p, text, ctx)
    return value, ([Ignored(p.name, _shown(text), BAD_VALUE)] if value is _INVALID else [])


def _table(p: Param, text: str, ctx: Context) -> tuple[dict, list[Ignored]]:
    rows = p.choices or ctx.buurten
    cells, ignored = {}, []
    for item in _items(text):
        row, sep, raw = item.partition(":")
        value = _number(raw) if sep else None
        if row not in rows:
            reason = UNKNOWN_BUURT if not p.choices and _CODE.fullmatch(row) else BAD_VALUE
            ignored.append(Ignored(p.name, _shown(item), reason))
        elif value is None or not _in_range(p, value, ctx) or (p.integer and value != int(value)) or row in cells:
            ignored.append(Ignored(p.name, _shown(item), BAD_VALUE))
        else:
            cells[row] = int(value) if p.integer else value
    return cells, ignored


# ---- the whole query ---------------------------------------------------------------------------


def parse(query: Mapping[str, Sequence[str]], ctx: Context = Context()) -> tuple[dict[str, Any], list[Ignored]]:
    """Settings from a link's query parameters, and what was ignored.

    Parameters
    ----------
    query : mapping
        Parameter name -> every value given for it (``?a=1&a=2`` gives ``["1", "2"]``).
    ctx : Context
        Known codes and data-dependent bounds.

    Returns
    -------
    values : dict
        Session key -> value, only for parameters with a usable value (a list or table keeps its usable items).
    ignored : list of Ignored
        In query order: unknown names, repeated names, values too long and values not allowed. The
        settings behind them keep their defaults.

    Examples
    --------
    >>> parse({"classes": ["9"], "tiles": ["0"], "lang": ["en", "nl"]})[0]
    {'map.tiles': False}
    >>> ctx = Context(buurten=frozenset({"BU09170001"}))
    >>> parse({"plan": ["BU09170001:40,BU09179999:5"]}, ctx)[0]
    {'nb.plan': {'BU09170001': 40}}
    """
    values, ignored = {}, []
    for name, given in query.items():
        given = [given] if isinstance(given, str) else list(given)
        if name in IGNORED_SILENTLY:
            continue
        p = BY_NAME.get(name)
        if p is None:
            ignored.append(Ignored(_shown(name), _shown(given[0] if given else ""), UNKNOWN_NAME))
            continue
        if len(given) != 1:
            ignored.append(Ignored(name, _shown(", ".join(given)), REPEATED))
            continue
        text = given[0]
        limit = MAX_LIST_CHARS if p.kind in ("buurten", "table") else MAX_VALUE_CHARS
        if len(text) > limit:
            ignored.append(Ignored(name, _shown(text), TOO_LONG))
            continue
        value, problems = _one(p, text, ctx)
        ignored.extend(problems)
        if value is not _INVALID:
            values[p.key] = value
    return values, ignored


def _text(p: Param, value) -> str:
    """A value as the link writes it: short numbers, comma-separated lists, ``row:number`` cells."""
    if p.kind == "bool":
        return "1" if value else "0"
    if p.kind == "buurten":
        return ",".join(str(v) for v in value)
    if p.kind == "table":
        return ",".join(f"{row}:{_number_text(v)}" for row, v in value.items())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    return str(value)


def _number_text(value) -> str:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return format(float(value), ".12g")


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return a == b


def encode_one(p: Param, value, ctx: Context = Context()) -> str | None:
    """The URL text of one setting, or None when it is at its default or not a value the link could carry.

    Only what :func:`parse` reads back is written: invalid items of a list or table are left out.
    """
    if value is None or (p.kind in ("buurten", "table") and not isinstance(value, (list, tuple, dict))):
        return None
    try:
        text = _text(p, dict(value) if p.kind == "table" else value)
    except (TypeError, ValueError):
        return None
    back, _problems = (_one(p, text, ctx) if len(text) <= MAX_LIST_CHARS else (_INVALID, []))
    if back is _INVALID or _same(back, p.resolve("default", ctx)):
        return None
    return _text(p, back)


def encode(state: Mapping[str, Any], ctx: Context = Context()) -> dict[str, str]:
    """The shortest query that restores ``state`` (session key -> value): defaults and bad values left out.

    Examples
    --------
    >>> encode({"map.indicator": "gas_m3", "map.k": 5, "map.tiles": False, "w.unrelated": 3})
    {'indicator': 'gas_m3', 'tiles': '0'}
    """
    out = {}
    for p in PARAMS:
        if p.key in state:
            text = encode_one(p, state[p.key], ctx)
            if text is not None:
                out[p.name] = text
    return out


def defaults(ctx: Context = Context(), only_init: bool = False) -> dict[str, Any]:
    """Session key -> default value of every parameter with a known default (only the ``init`` ones if asked)."""
    out = {}
    for p in PARAMS:
        value = p.resolve("default", ctx)
        if (value is not None or p.kind == "buurt") and (p.init or not only_init):
            out[p.key] = list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
    return out
