"""The link registry: for every setting a user can share, its name in the URL, session key, kind, default and range.

:data:`PARAMS` is the one list; :class:`Context` carries what the registry needs from the data (known codes,
data-dependent defaults). How a link's text becomes a value and back is :mod:`geo.links.query`. Pure: no
Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geo import config, vocab
from geo.catalog import dictionary, national_columns, sources
from geo.catalog.index_components import MISSING_RULES, NORMALISATIONS
from geo.i18n import DEFAULT, LANGUAGES
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

GEMEENTE = "gemeente"  # the briefing's area when it covers the whole municipality


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
        Param("top_n", "nb.top_n", "int", lambda ctx: nb.spread_over_best(len(ctx.buurten)), 1,
              lambda ctx: max(1, len(ctx.buurten))),
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


