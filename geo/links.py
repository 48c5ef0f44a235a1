"""Settings in a link: which query parameter holds which setting, and how a link's text becomes a value.

One registry, :data:`PARAMS`: for every setting a user can share, its name in the URL,
its session key, its kind, its default and the values it allows. :func:`parse` turns a
link's query parameters into settings plus a list of what it ignored (unknown names,
repeated names, values too long, not numbers, out of range, unknown codes): never an
exception. :func:`encode` turns settings into the shortest query that restores them
(defaults are left out). Codes of buurten and wijken and the data-dependent defaults
come in a :class:`Context`. Pure: no Streamlit.

Examples
--------
>>> values, ignored = parse({"lang": ["en"], "w.low_income": ["-1"], "colour": ["red"]})
>>> values
{'cfg.lang': 'en'}
>>> [(i.name, i.value, i.reason) for i in ignored]
[('w.low_income', '-1', 'not an allowed value'), ('colour', 'red', 'not a setting of this app')]
>>> encode({"cfg.lang": "en", "cfg.threshold": 10.0, "rf.budget": 35.5})
{'lang': 'en', 'budget': '35.5'}
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from geo import config, vocab
from geo.catalog import dictionary, national_columns, sources
from geo.catalog.index_components import MISSING_RULES, NORMALISATIONS
from geo.i18n import DEFAULT, LANGUAGES, N_
from geo.map import classify
from geo.params import (
    PACKAGES,
    QUOTE_THRESHOLD_SOURCES,
    GridParams,
    IndexSettings,
    NewbuildParams,
    Prices,
    QuoteThreshold,
    RetrofitParams,
)
from geo.targeting import newbuild as nb
from geo.targeting.inputs import MAX_COST_PER_STEP_EUR
from geo.targeting.materials import MATERIALS

MAX_VALUE_CHARS = 100  # a single value (number, code, choice) longer than this is ignored unread
MAX_LIST_CHARS = 2_000  # a list of codes or a table (57 buurten x "BU09171000:1234," fits)
SHOWN_CHARS = 40  # what a notice shows of an ignored name or value
IGNORED_SILENTLY = frozenset({"embed", "embed_options"})  # Streamlit's own parameters
GEMEENTE = "gemeente"  # the briefing's area when it covers the whole municipality

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
class Context:
    """What the registry needs from the data: the known codes and the data-dependent defaults.

    Attributes
    ----------
    buurten, wijken : frozenset of str
        Known buurt codes (``BU…``) and wijk codes (``WK…``) of the chosen municipality; empty when its data
        is missing (no buurten for a municipality with wijk figures only).
    vacancy_pct : float or None
        The chosen municipality's vacancy (KWB), the default of the new-build vacancy target.
    household_trend : float or None
        Observed households per year, behind the default growth scenarios.
    municipalities : frozenset of str
        Codes of the municipalities whose data is present (the switch's options; empty: only the shipped one).
    gemeente : str
        The chosen municipality's code: the default of the context page's municipality.
    target_2030, target_2032 : int or None
        The chosen municipality's published housing target, where one ships (the new-build defaults).
    """

    buurten: frozenset = frozenset()
    wijken: frozenset = frozenset()
    vacancy_pct: float | None = None
    household_trend: float | None = None
    municipalities: frozenset = frozenset()
    gemeente: str = config.GEMEENTE_CODE
    target_2030: int | None = nb.TARGET_2030
    target_2032: int | None = nb.TARGET_2032


@dataclass(frozen=True)
class Param:
    """One setting of a link.

    ``kind`` is one of ``float``, ``int``, ``bool``, ``choice`` (one of ``choices``), ``buurt`` (one known
    buurt code or nothing), ``gemeente`` (a code of the form GM0000), ``municipality`` (the code of a
    municipality whose data is present), ``buurten`` (comma-separated known
    buurt codes), ``area`` (:data:`GEMEENTE` or a
    known wijk code) or ``table`` (``row:number,row:number``: the edited cells of a table, rows from
    ``choices`` or, when empty, the known buurten). ``default``, ``low`` and ``high`` may be functions of the
    :class:`Context`. ``init``: put the default into the session before any page runs (for widgets whose
    page sets no default of its own).
    """

    name: str
    key: str
    kind: str
    default: Any = None
    low: float | Callable | None = None
    high: float | Callable | None = None
    choices: tuple = ()
    integer: bool = False  # table cells are whole numbers
    above_low: bool = False  # a table cell must be strictly above ``low``
    init: bool = False

    def resolve(self, attr: str, ctx: Context):
        """The value of ``default``, ``low`` or ``high`` in ``ctx``."""
        value = getattr(self, attr)
        return value(ctx) if callable(value) else value


@dataclass(frozen=True)
class Ignored:
    """A query parameter (or one item of it) that the app did not use: name and value cut to a readable length."""

    name: str
    value: str
    reason: str = field(default=BAD_VALUE)


def _shown(text: str) -> str:
    text = str(text)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _scenario_default(key: str, part: str) -> Callable[[Context], float | None]:
    def default(ctx: Context) -> float | None:
        if ctx.household_trend is None:
            return None
        return nb.scenario_defaults(ctx.household_trend)[key][part]
    return default


def _registry() -> tuple[Param, ...]:
    prices, index, rf, nbp, gp = Prices(), IndexSettings(), RetrofitParams(), NewbuildParams(), GridParams()
    scenario_range = {"rate": (-5.0, 5.0), "extra": (-2_000.0, 2_000.0), "ambition": (0.0, 2_000.0)}
    return (
        # shared: municipality, language, energy quote (sidebar), index (Energy-poverty index page)
        Param("gm", "cfg.gm", "municipality", config.GEMEENTE_CODE, init=True),
        Param("lang", "cfg.lang", "choice", DEFAULT, choices=tuple(LANGUAGES)),
        Param("price_year", "cfg.price_year", "choice", prices.year, choices=tuple(sorted(sources.PRICE_SETS))),
        Param("gas", "cfg.gas_price", "float", prices.gas_eur_per_m3, 0.0, 10.0),
        Param("electricity", "cfg.electricity_price", "float", prices.electricity_eur_per_kwh, 0.0, 5.0),
        Param("quote", "cfg.threshold", "choice", QuoteThreshold().pct, choices=tuple(QUOTE_THRESHOLD_SOURCES)),
        Param("normalisation", "cfg.method", "choice", index.method, choices=tuple(NORMALISATIONS)),
        Param("missing", "cfg.missing", "choice", index.missing, choices=tuple(MISSING_RULES)),
        *(Param(f"w.{k}", f"cfg.w.{k}", "float", w, 0.0, 3.0) for k, w in index.weights),
        Param("spread", "idx.spread", "float", 0.5, 0.1, 0.9),
        # map explorer
        Param("indicator", "map.indicator", "choice", "energy_poverty_index",
              choices=tuple(dictionary.map_indicators()), init=True),
        Param("scheme", "map.scheme", "choice", next(iter(classify.SCHEMES)), choices=tuple(classify.SCHEMES),
              init=True),
        Param("classes", "map.k", "int", 5, 3, 7, init=True),
        Param("tiles", "map.tiles", "bool", True, init=True),
        Param("buurt", "map.pick", "buurt", None, init=True),
        Param("level", "map.level", "choice", "buurt", choices=("buurt", "wijk"), init=True),
        # overview: the briefing's area
        Param("area", "ov.area", "area", GEMEENTE),
        Param("buurten", "ov.buurten", "buurten", []),
        Param("briefing_map", "ov.indicator", "choice", "pct_lihelek_households",
              choices=tuple(dictionary.map_indicators()), init=True),
        # retrofit
        Param("target", "rf.target", "choice", rf.target_label, choices=vocab.LABELS),
        Param("co2_gas", "rf.co2_gas", "float", rf.co2_gas, 0.0, 5.0),
        Param("co2_electricity", "rf.co2_elec", "float", rf.co2_electricity, 0.0, 2.0),
        Param("lifetime", "rf.lifetime", "int", rf.lifetime, 1, 60),
        Param("package", "rf.package", "choice", rf.package, choices=tuple(PACKAGES)),
        Param("hybrid_share", "rf.hybrid_share", "float", 100 * rf.hybrid_gas_share, 0.0, 100.0),
        Param("cop_hybrid", "rf.cop_hybrid", "float", rf.cop_hybrid, 1.0, 8.0),
        Param("cop_electric", "rf.cop_all_electric", "float", rf.cop_all_electric, 1.0, 8.0),
        Param("hybrid_cost", "rf.hybrid_cost", "float", rf.hybrid_cost, 0.0, 50_000.0),
        Param("heat_pump_cost", "rf.heat_pump_cost", "float", rf.heat_pump_cost, 0.0, 80_000.0),
        Param("discount", "rf.discount", "float", 100 * rf.discount_rate, 0.0, 15.0),
        Param("costs", "rf.cost_edits", "table", {}, 0.0, MAX_COST_PER_STEP_EUR, choices=vocab.DWELLING_TYPES,
              above_low=True),
        Param("limit", "rf.mode", "choice", "budget", choices=("budget", "dwellings")),
        Param("budget", "rf.budget", "float", 20.0, 0.0, 5_000.0),
        Param("dwellings", "rf.dwellings", "int", 500, 0, 50_000),
        Param("priority", "rf.alpha", "float", 0.5, 0.0, 1.0),
        # new-build
        Param("t2030", "nb.t2030", "int", lambda ctx: ctx.target_2030, 0, 20_000),
        Param("t2032", "nb.t2032", "int", lambda ctx: ctx.target_2032, 0, 20_000),
        Param("vacancy", "nb.vacancy", "float", lambda ctx: ctx.vacancy_pct, 0.0, 20.0),
        Param("demolitions", "nb.demolitions", "float", 0.0, 0.0, 2_000.0),
        *(Param(f"{k}.{part}", f"nb.sc.{k}.{part}", "float", _scenario_default(k, part), *scenario_range[part])
          for k, sc in nb.SCENARIOS.items() for part in nb.SCENARIO_INPUTS
          if part != "ambition" or "ambition_households_per_year" in sc),
        Param("thinning", "nb.thinning_share", "float", nb.THINNING_SHARE, 0.0, 1.0),
        Param("replacement", "nb.replacement_ratio", "float", nb.REPLACEMENT_RATIO, 0.1, 1.0),
        *(Param(f"score.{k}", f"nb.w.{k}", "float", w, 0.0, 3.0) for k, w in nbp.weights),
        Param("locations", "nb.transformation", "buurten", []),
        Param("top_n", "nb.top_n", "int", 10, 1, lambda ctx: max(1, len(ctx.buurten))),
        Param("homes", "nb.allocate", "int", lambda ctx: ctx.target_2032 or 0, 0, 20_000),
        Param("plan", "nb.plan", "table", {}, 0, 20_000, integer=True),
        # grid load (New-build and Retrofit pages)
        Param("peak_hybrid", "gr.peak_hybrid", "float", gp.peak_kw_hybrid, 0.0, 20.0),
        Param("peak_electric", "gr.peak_electric", "float", gp.peak_kw_all_electric, 0.0, 20.0),
        Param("simultaneity", "gr.simultaneity", "float", gp.simultaneity, 0.01, 1.0),
        Param("newbuild_heat", "gr.newbuild_m3", "float", gp.newbuild_heat_m3, 0.0, 5_000.0),
        Param("newbuild_peak", "gr.newbuild_peak", "float", gp.newbuild_peak_kw, 0.0, 20.0),
        Param("capacity", "gr.capacity", "float", gp.capacity_mw, 0.0, 10_000.0),
        Param("grid_cap", "gr.cap", "table", {}, 0.0, 10_000.0),
        # circular building (New-build page)
        Param("reuse", "ci.reuse", "table", {}, 0.0, 100.0, choices=MATERIALS),
        Param("materials_map", "ci.map", "choice", "t_total", choices=("t_total", "t_high_grade", "t_recycled")),
        # national and Parkstad context
        Param("measure", "ctx.indicator", "choice", "gm_pct_bottom40_households",
              choices=tuple(national_columns.BY_NAME)),
        Param("gemeente", "ctx.gemeente", "gemeente", lambda ctx: ctx.gemeente),
    )


PARAMS: tuple[Param, ...] = _registry()
BY_NAME: dict[str, Param] = {p.name: p for p in PARAMS}
BY_KEY: dict[str, Param] = {p.key: p for p in PARAMS}


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
