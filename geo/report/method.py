"""Methodology texts and tables for the Data & method page (pure: strings and DataFrames).

The texts are Markdown files in ``docs/method/``, one per topic, which can be
edited without Python (see the README there). Numbers and sources in them are
named placeholders such as ``{gas_price_eur_per_m3}``, filled here from the
constants the models compute with, so the page never shows other figures than
the code uses.

The texts are written in English and translated block by block (a heading, a
paragraph, a list or a table is one message of the catalogue, see
:mod:`geo.i18n.markdown`): each block is translated first, then its placeholders
are filled with numbers in the user's number format and source texts in the
user's language.
"""

from __future__ import annotations

import string

import pandas as pd

from geo import config, i18n, params, vocab
from geo.catalog import benchmarks, sources, stock_columns
from geo.i18n import N_, _
from geo.i18n.markdown import blocks
from geo.metrics import income, index
from geo.targeting import newbuild, packages, retrofit, reuse

METHOD_DIR = config.ROOT / "docs" / "method"
# The retrofit and new-build models on the Data & method page, in page order.
TARGETING_SECTIONS = ("retrofit", "income", "retrofit_costs", "newbuild", "targeting_pages", "circular", "grid")


def placeholders() -> dict[str, str]:
    """Every value a method text may name, formatted as the page shows it, in the language in force.

    Numbers come in the locale's format (``0,829`` in Dutch); the units stay in the texts. Source texts are
    translated; years stay plain (``2019``).

    Returns
    -------
    dict of str to str
        Placeholder name (as written in ``{braces}`` in ``docs/method/*.md``) to its text.
    """
    num = i18n.number
    costs = {f"cost_per_step_{kind.replace('-', '_')}_eur": num(eur)
             for kind, eur in sources.COST_PER_STEP_EUR.items()}
    return {
        # Energy prices and units
        "price_source": _(sources.PRICE_SOURCE),
        "gas_m3_per_gj": num(vocab.GAS_M3_PER_GJ, 1),
        "gas_price_eur_per_m3": num(sources.GAS_PRICE_2019_EUR_PER_M3, 3),
        "electricity_price_eur_per_kwh": num(sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH, 3),
        "co2_gas_kg_per_m3": num(vocab.CO2_GAS_KG_PER_M3, 2),
        "co2_electricity_kg_per_kwh": num(vocab.CO2_ELECTRICITY_KG_PER_KWH, 2),
        "co2_source": _(vocab.CO2_SOURCE),
        # Monitor indicators per buurt
        "bottom40_boundary_eur": num(params.ASSUMED_BOTTOM40_BOUNDARY_EUR),
        "top20_boundary_eur": num(params.ASSUMED_TOP20_BOUNDARY_EUR),
        "national_boundaries_status": _(sources.NATIONAL_BOUNDARIES_STATUS),
        "tenure_income_gap": _("{sd} standard deviations").format(sd=num(sources.TENURE_INCOME_GAP_SD, 2)),
        "tenure_income_gap_source": _(sources.TENURE_INCOME_GAP_SOURCE),
        "heat_price_source": _(sources.HEAT_PRICE_SOURCE),
        "monitor_low_income_factor": num(sources.MONITOR_LOW_INCOME_FACTOR, 2),
        "monitor_high_cost_single_eur": num(sources.MONITOR_HIGH_COST_SINGLE_EUR[2019]),
        # Map
        "simplify_tolerance_m": num(config.SIMPLIFY_TOLERANCE_M, _decimals(config.SIMPLIFY_TOLERANCE_M)),
        "coord_decimals": f"{config.COORD_DECIMALS}",
        # Retrofit
        "min_cell_dwellings": num(params.MIN_CELL_DWELLINGS),
        "default_target_label": params.DEFAULT_TARGET_LABEL,
        "low_income_source": _(sources.LOW_INCOME_LINE_SOURCE) + " " + _(income.LOW_INCOME_NOTE),
        "default_sigma": num(income.DEFAULT_SIGMA, 1),
        **costs,
        "cost_source": _(sources.COST_SOURCE),
        "hybrid_cost_eur": num(sources.HYBRID_HEAT_PUMP_EUR),
        "heat_pump_cost_eur": num(sources.ALL_ELECTRIC_HEAT_PUMP_EUR),
        "hybrid_gas_share_pct": num(sources.HYBRID_GAS_SHARE * 100),
        "boiler_efficiency_pct": num(sources.BOILER_EFFICIENCY * 100),
        "kwh_per_m3": num(packages.KWH_PER_M3, 2),
        "cop_hybrid": num(sources.COP_HYBRID, 1),
        "cop_all_electric": num(sources.COP_ALL_ELECTRIC, 1),
        "heat_pump_source": _(sources.HEAT_PUMP_SOURCE),
        "discount_rate_pct": num(sources.DISCOUNT_RATE * 100, 2),
        "national_cost_source": _(sources.NATIONAL_COST_SOURCE),
        "majcen_gap_pct": num(benchmarks.BENCHMARKS["gas_gap_a_vs_g_majcen"].value),
        "rabo_gap_pct": num(benchmarks.BENCHMARKS["gas_gap_a_vs_g_rabo"].value),
        "rabo_year": _translated(benchmarks.BENCHMARKS["gas_gap_a_vs_g_rabo"].year),
        "gap_tolerance_pp": num(retrofit.LABEL_GAP_TOLERANCE_PP),
        "current_price_year": f"{sources.CURRENT_PRICE_YEAR}",
        "gas_price_current_eur_per_m3": num(sources.PRICE_SETS[sources.CURRENT_PRICE_YEAR][0], 3),
        "electricity_price_current_eur_per_kwh": num(sources.PRICE_SETS[sources.CURRENT_PRICE_YEAR][1], 3),
        "price_set_source": _(sources.PRICE_SET_SOURCE),
        "lifetime_years": f"{params.LIFETIME_YEARS}",
        # New-build
        "target_source": _(newbuild.TARGET_SOURCE),
        "target_start_year": f"{newbuild.TARGET_START_YEAR}",
        "target_2030": num(newbuild.TARGET_2030),
        "target_2032": num(newbuild.TARGET_2032),
        "shrink_scenario_basis": _translated(newbuild.SCENARIOS["cbs_forecast_shrink"]["basis"]),
        "shrink_rate_pct": num(newbuild.SHRINK_RATE * 100, 3),
        "migration_scenario_basis": _translated(newbuild.SCENARIOS["migration"]["basis"]),
        "plus_ambition_scenario_basis": _translated(newbuild.SCENARIOS["plus_ambition"]["basis"]),
        "replacement_ratio": num(newbuild.REPLACEMENT_RATIO, _decimals(newbuild.REPLACEMENT_RATIO)),
        "mix_reference_share": i18n.percent(newbuild.MIX_REFERENCE_SHARE * 100, 0),
        "min_households": num(newbuild.MIN_HOUSEHOLDS),
        "thinning_share": i18n.percent(newbuild.THINNING_SHARE * 100, 0),
        # Circular building: reuse shares and their sources
        # (steel and glass: recycled = high-grade, named once)
        **{f"reuse_recycled_{m}_pct": num(reuse.RECYCLED_PCT[m], _decimals(reuse.RECYCLED_PCT[m]))
           for m in ("concrete", "masonry", "timber")},
        **{f"reuse_high_grade_{m}_pct": num(reuse.HIGH_GRADE_PCT[m], _decimals(reuse.HIGH_GRADE_PCT[m]))
           for m in ("concrete", "steel", "glass")},
        "reuse_sources": " ".join(_(text) for key, text in reuse.SOURCES.items() if key != "mulders_2013"),
        "reuse_mulders": _translated(reuse.SOURCES["mulders_2013"]),
        "reuse_uncertainty": _(reuse.UNCERTAINTY),
    }


def _translated(text: str) -> str:
    """:func:`_` of a text marked for the catalogue where it is defined, looked up by a subscript here.

    (Babel's extractor would take the subscript's key for a message if it stood inside ``_(...)``.)
    """
    return _(text)


def _decimals(value: float) -> int:
    """Fewest decimals (up to three) that show ``value`` exactly: 8 -> 0, 0.5 -> 1."""
    return next((d for d in range(4) if round(value, d) == value), 3)


class _Placeholders(dict):
    """The placeholder values; an unknown name fails with the names that exist."""

    def __missing__(self, key):
        raise KeyError(f"{{{key}}} is not a known placeholder; known: {', '.join(sorted(self))}")


def section_names() -> list[str]:
    """Names of the method texts: the Markdown files in :data:`METHOD_DIR` (without README)."""
    return sorted(p.stem for p in METHOD_DIR.glob("*.md") if p.stem != "README")


def placeholders_in(name: str) -> set[str]:
    """Name the placeholders the method text ``name`` contains."""
    text = (METHOD_DIR / f"{name}.md").read_text(encoding="utf-8")
    return {parsed[1] for parsed in string.Formatter().parse(text) if parsed[1] is not None}


def section(name: str) -> str:
    """Render the method text ``docs/method/<name>.md`` as Markdown in the language in force, placeholders filled.

    Each block (heading, paragraph, list, table) is translated as a whole, then its placeholders are filled.

    Parameters
    ----------
    name : str
        File name without ``.md``, one of :func:`section_names`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        When the text names an unknown placeholder or has a single brace.
    """
    path = METHOD_DIR / f"{name}.md"
    values = _Placeholders(placeholders())
    try:
        return "\n\n".join(_(block).format_map(values) for _line, block in blocks(path.read_text(encoding="utf-8")))
    except (KeyError, ValueError, IndexError) as err:
        hint = "write a literal brace as {{ or }}"
        raise ValueError(f"{path}: {err.args[0]} ({hint})") from err


def targeting_markdown() -> str:
    """Join the retrofit and new-build method sections, each once, for the Data & method page."""
    return "\n\n".join(section(name) for name in TARGETING_SECTIONS) + "\n"


# The tables of the page: column key to its header (marked for the catalogue; ui.tables.show translates it).
SOURCES_TABLE = {
    "source": N_("Source"), "publisher": N_("Publisher"), "period": N_("Period"), "licence": N_("Licence"),
    "cbs_table": N_("CBS table"), "raw_folder": N_("Raw folder"),
}
COMPONENTS_TABLE = {
    "component": N_("Component"), "monitor_indicator": N_("Monitor indicator"),
    "approximation": N_("Approximation"), "default_weight": (N_("Default weight"), "%.2f"),
}
JOIN_TABLE = {
    "source_year": N_("Source and year"), "matched": (N_("Buurten matched"), "%d"),
    "polygons_without_statistics": N_("Polygons without statistics"),
    "statistics_without_polygon": N_("Statistics without polygon"),
}
COVERAGE_TABLE = {
    "indicator": N_("Indicator"), "buurten_without_value": (N_("Buurten without a value"), "%d"),
    "which": N_("Which buurten"),
}


def sources_table() -> pd.DataFrame:
    """One row per raw source, its texts in the language in force (columns: :data:`SOURCES_TABLE`)."""
    return pd.DataFrame(
        [
            {"source": _(s.title), "publisher": _(s.publisher), "period": _(s.period), "licence": _(s.licence),
             "cbs_table": s.table, "raw_folder": f"data/raw/{s.folder}"}
            for s in sources.SOURCES.values()
        ]
    )


def components_table() -> pd.DataFrame:
    """The index components with their Monitor indicator and approximation (columns: :data:`COMPONENTS_TABLE`)."""
    return pd.DataFrame(
        [
            {"component": c.display_label(), "monitor_indicator": c.display_indicator(),
             "approximation": c.display_approximation(), "default_weight": c.default_weight}
            for c in index.COMPONENTS.values()
        ]
    )


# The build names each joined table by source and year ("KWB 2019", "Benefits 2024"); the source in words.
JOIN_SOURCES = {"KWB": N_("KWB"), "Benefits": N_("Benefits")}


def _join_source(key: str) -> str:
    source, _sep, year = key.partition(" ")
    return f"{_(JOIN_SOURCES[source])} {year}" if source in JOIN_SOURCES else key


def join_table(joins: dict) -> pd.DataFrame:
    """Matches per source year between the 2023 buurt polygons and each statistics table (:data:`JOIN_TABLE`)."""
    return pd.DataFrame(
        [
            {"source_year": _join_source(k), "matched": v["matched"],
             "polygons_without_statistics": ", ".join(v["polygons_without_statistics"]) or "–",
             "statistics_without_polygon": ", ".join(v["statistics_without_polygon"]) or "–"}
            for k, v in joins.items()
        ]
    )


def coverage_table(suppressed: dict, labels: dict) -> pd.DataFrame:
    """Which buurten lack which figures (columns: :data:`COVERAGE_TABLE`).

    ``labels`` maps a column to its label in the user's language (the data dictionary's).
    """
    rows = [
        {"indicator": labels.get(col, col), "buurten_without_value": len(names), "which": ", ".join(names)}
        for col, names in suppressed.items() if names
    ]
    if not rows:
        return pd.DataFrame(columns=list(COVERAGE_TABLE))
    return pd.DataFrame(rows).sort_values("buurten_without_value", ascending=False)


# The build's stock checks (data/processed), shown with headers and category names in the user's words.
STOCK_VALIDATION_TABLE = {
    "buurt_name": N_("Buurt"),
    "gas_m3_measured": (N_("Gas use, measured (m³ per dwelling)"), "%.0f"),
    "gas_m3_predicted": (N_("Gas use, predicted (m³ per dwelling)"), "%.0f"),
    "gas_m3_error_pct": (N_("Difference (%)"), "%+.0f"),
    "margins_used": N_("CBS shares used"),
    "estimate_quality": N_("Estimate"),
}
STOCK_CHECKS_TABLE = {
    "check": N_("Check"),
    "buurt_name": N_("Buurt"),
    "group": N_("Group"),
    "category": N_("Category"),
    "estimate": (N_("Estimate"), "%.0f"),
    "reference": (N_("Reference"), "%.0f"),
    "deviation_pct": (N_("Deviation (%)"), "%+.1f"),
    "within_tolerance": (N_("Within tolerance"), "check"),
}
# How the stock figures were made (the build's ``stock_basis``), as shown; None: the stock was not built.
STOCK_BASIS = {
    stock_columns.BASIS_ESTIMATED: N_("estimated (raking)"),
    stock_columns.BASIS_ADDRESS: N_("registered per address"),
    None: N_("not built"),
}
# Category names the build writes into those tables (English keys), as shown.
STOCK_TERMS = {
    "good": N_("good"), "weak": N_("weak"), "none": N_("none"),
    "tenure": N_("tenure"), "type": N_("type"), "period": N_("period"), "district heating": N_("district heating"),
    "address": N_("address"),
    "totals": N_("municipality totals"), "gas by type and tenure": N_("gas use by type and tenure"),
    "all dwellings": N_("all dwellings"), "label (all, imputed)": N_("label (all, imputed)"),
    "label (registered)": N_("label (registered)"), "dwelling type": N_("dwelling type"),
    "build period": N_("build period"),
    "all": N_("all"), "unlabelled": N_("unlabelled"), "owner-occupied": N_("owner-occupied"),
    "rented": N_("rented"), "private rent": N_("private rent"), "social rent": N_("social rent"),
    "apartment": N_("apartment"), "detached": N_("detached"), "semi-detached": N_("semi-detached"),
    "end-terrace": N_("end-terrace"), "mid-terrace": N_("mid-terrace"),
    "before 1930": N_("before 1930"), "2021 and later": N_("2021 and later"),
}


WHOLE_MUNICIPALITY = N_("whole municipality")  # the "buurt" of a check over the municipality's totals


def stock_term(value) -> str:
    """A category name of the stock checks in the user's words (a period such as 1946-1964 or a label stays)."""
    if not isinstance(value, str):
        return "–"
    return _(STOCK_TERMS[value]) if value in STOCK_TERMS else value


def stock_validation_table(validation: pd.DataFrame) -> pd.DataFrame:
    """The build's gas check per buurt, its categories in the user's words (columns: :data:`STOCK_VALIDATION_TABLE`)."""
    out = validation.copy()
    out["margins_used"] = [", ".join(stock_term(m.strip()) for m in str(v).split(",")) if isinstance(v, str) else "–"
                           for v in out["margins_used"]]
    out["estimate_quality"] = out["estimate_quality"].map(stock_term)
    return out[list(STOCK_VALIDATION_TABLE)]


def stock_checks_table(checks: pd.DataFrame, validation: pd.DataFrame) -> pd.DataFrame:
    """The build's totals and gas checks per group, buurt names and categories in the user's words.

    Parameters
    ----------
    checks : DataFrame
        The build's ``stock_checks`` (``buurt_code`` empty for the municipality's totals).
    validation : DataFrame
        The build's ``stock_validation``, for the buurt names.

    Returns
    -------
    DataFrame
        Columns :data:`STOCK_CHECKS_TABLE`; the buurt of a municipality total is :data:`WHOLE_MUNICIPALITY`.
    """
    names = validation.set_index("buurt_code")["buurt_name"]
    out = checks.copy()
    out["buurt_name"] = out["buurt_code"].map(names).where(out["buurt_code"].notna(), _(WHOLE_MUNICIPALITY))
    for column in ("check", "group", "category"):
        out[column] = out[column].map(stock_term)
    return out[list(STOCK_CHECKS_TABLE)]


def source_markdown(key: str) -> str:
    """The SOURCE.md shipped with a raw folder ('' when absent)."""
    path = sources.SOURCES[key].source_md
    return path.read_text(encoding="utf-8") if path.exists() else ""
