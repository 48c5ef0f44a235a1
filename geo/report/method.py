"""Methodology texts and tables for the Data & method page (pure: strings and DataFrames).

The texts are Markdown files in ``docs/method/``, one per topic, which can be
edited without Python (see the README there). Numbers and sources in them are
named placeholders such as ``{gas_price_eur_per_m3}``, filled here from the
constants the models compute with, so the page never shows other figures than
the code uses.
"""

from __future__ import annotations

import string

import pandas as pd

from geo import config, params, vocab
from geo.catalog import benchmarks, sources
from geo.metrics import income, index
from geo.targeting import newbuild, packages, retrofit

METHOD_DIR = config.ROOT / "docs" / "method"
# The retrofit and new-build models on the Data & method page, in page order.
TARGETING_SECTIONS = ("retrofit", "income", "retrofit_costs", "newbuild", "targeting_pages")


def placeholders() -> dict[str, str]:
    """Every value a method text may name, formatted as the page shows it.

    Returns
    -------
    dict of str to str
        Placeholder name (as written in ``{braces}`` in ``docs/method/*.md``) to its text.
    """
    costs = {f"cost_per_step_{kind.replace('-', '_')}_eur": f"{eur:,.0f}"
             for kind, eur in sources.COST_PER_STEP_EUR.items()}
    return {
        # Energy prices and units
        "price_source": sources.PRICE_SOURCE,
        "gas_m3_per_gj": f"{vocab.GAS_M3_PER_GJ}",
        "gas_price_eur_per_m3": f"{sources.GAS_PRICE_2019_EUR_PER_M3:.3f}",
        "electricity_price_eur_per_kwh": f"{sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH:.3f}",
        "co2_gas_kg_per_m3": f"{vocab.CO2_GAS_KG_PER_M3}",
        "co2_electricity_kg_per_kwh": f"{vocab.CO2_ELECTRICITY_KG_PER_KWH}",
        "co2_source": vocab.CO2_SOURCE,
        # Monitor indicators per buurt
        "bottom40_boundary_eur": f"{params.ASSUMED_BOTTOM40_BOUNDARY_EUR:,.0f}",
        "top20_boundary_eur": f"{params.ASSUMED_TOP20_BOUNDARY_EUR:,.0f}",
        "national_boundaries_status": sources.NATIONAL_BOUNDARIES_STATUS,
        "tenure_income_gap": f"{sources.TENURE_INCOME_GAP_SD:g} standard deviations",
        "tenure_income_gap_source": sources.TENURE_INCOME_GAP_SOURCE,
        "heat_price_source": sources.HEAT_PRICE_SOURCE,
        "monitor_low_income_factor": f"{sources.MONITOR_LOW_INCOME_FACTOR:.2f}",
        "monitor_high_cost_single_eur": f"{sources.MONITOR_HIGH_COST_SINGLE_EUR[2019]:,.0f}",
        # Map
        "simplify_tolerance_m": f"{config.SIMPLIFY_TOLERANCE_M:g}",
        "coord_decimals": f"{config.COORD_DECIMALS}",
        # Retrofit
        "min_cell_dwellings": f"{params.MIN_CELL_DWELLINGS}",
        "default_target_label": params.DEFAULT_TARGET_LABEL,
        "low_income_source": income.LOW_INCOME_SOURCE,
        **costs,
        "cost_source": sources.COST_SOURCE,
        "hybrid_cost_eur": f"{sources.HYBRID_HEAT_PUMP_EUR:,.0f}",
        "heat_pump_cost_eur": f"{sources.ALL_ELECTRIC_HEAT_PUMP_EUR:,.0f}",
        "hybrid_gas_share_pct": f"{sources.HYBRID_GAS_SHARE * 100:.0f}",
        "boiler_efficiency_pct": f"{sources.BOILER_EFFICIENCY * 100:.0f}",
        "kwh_per_m3": f"{packages.KWH_PER_M3:.2f}",
        "cop_hybrid": f"{sources.COP_HYBRID}",
        "cop_all_electric": f"{sources.COP_ALL_ELECTRIC}",
        "heat_pump_source": sources.HEAT_PUMP_SOURCE,
        "discount_rate_pct": f"{sources.DISCOUNT_RATE * 100:.2f}",
        "national_cost_source": sources.NATIONAL_COST_SOURCE,
        "majcen_gap_pct": f"{benchmarks.BENCHMARKS['gas_gap_a_vs_g_majcen'].value:.0f}",
        "rabo_gap_pct": f"{benchmarks.BENCHMARKS['gas_gap_a_vs_g_rabo'].value:.0f}",
        "rabo_year": benchmarks.BENCHMARKS["gas_gap_a_vs_g_rabo"].year,
        "gap_tolerance_pp": f"{retrofit.LABEL_GAP_TOLERANCE_PP:.0f}",
        "current_price_year": f"{sources.CURRENT_PRICE_YEAR}",
        "gas_price_current_eur_per_m3": f"{sources.PRICE_SETS[sources.CURRENT_PRICE_YEAR][0]:.3f}",
        "electricity_price_current_eur_per_kwh": f"{sources.PRICE_SETS[sources.CURRENT_PRICE_YEAR][1]:.3f}",
        "price_set_source": sources.PRICE_SET_SOURCE,
        "lifetime_years": f"{params.LIFETIME_YEARS}",
        # New-build
        "target_source": newbuild.TARGET_SOURCE,
        "target_start_year": f"{newbuild.TARGET_START_YEAR}",
        "target_2030": f"{newbuild.TARGET_2030:,}",
        "target_2032": f"{newbuild.TARGET_2032:,}",
        "shrink_scenario_basis": newbuild.SCENARIOS["cbs_forecast_shrink"]["basis"],
        "shrink_rate_pct": f"{newbuild.SHRINK_RATE * 100:.3f}",
        "migration_scenario_basis": newbuild.SCENARIOS["migration"]["basis"],
        "plus_ambition_scenario_basis": newbuild.SCENARIOS["plus_ambition"]["basis"],
        "replacement_ratio": f"{newbuild.REPLACEMENT_RATIO}",
        "mix_reference_share": f"{newbuild.MIX_REFERENCE_SHARE:.0%}",
        "min_households": f"{newbuild.MIN_HOUSEHOLDS}",
        "thinning_share": f"{newbuild.THINNING_SHARE:.0%}",
    }


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
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def section(name: str) -> str:
    """Render the method text ``docs/method/<name>.md`` as Markdown, its placeholders filled.

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
    try:
        return path.read_text(encoding="utf-8").format_map(_Placeholders(placeholders())).strip()
    except (KeyError, ValueError) as err:
        hint = "write a literal brace as {{ or }}"
        raise ValueError(f"{path}: {err.args[0]} ({hint})") from err


def targeting_markdown() -> str:
    """Join the retrofit and new-build method sections, each once, for the Data & method page."""
    return "\n\n".join(section(name) for name in TARGETING_SECTIONS) + "\n"


def sources_table() -> pd.DataFrame:
    """One row per raw source."""
    return pd.DataFrame(
        [
            {"source": s.title, "publisher": s.publisher, "period": s.period, "licence": s.licence,
             "CBS table": s.table, "raw folder": f"data/raw/{s.folder}"}
            for s in sources.SOURCES.values()
        ]
    )


def components_table() -> pd.DataFrame:
    """The index components with their Monitor indicator and approximation."""
    return pd.DataFrame(
        [
            {"component": c.label, "column": c.column, "Monitor indicator": c.monitor_indicator,
             "approximation": c.approximation, "default weight": c.default_weight}
            for c in index.COMPONENTS.values()
        ]
    )


def join_table(joins: dict) -> pd.DataFrame:
    """Matches per source year between the 2023 buurt polygons and each statistics table."""
    return pd.DataFrame(
        [
            {"source and year": k, "buurten matched": v["matched"],
             "polygons without statistics": ", ".join(v["polygons_without_statistics"]) or "-",
             "statistics without polygon": ", ".join(v["statistics_without_polygon"]) or "-"}
            for k, v in joins.items()
        ]
    )


def coverage_table(suppressed: dict, labels: dict) -> pd.DataFrame:
    """Which buurten lack which figures."""
    rows = [
        {"indicator": labels.get(col, col), "buurten without a value": len(names), "which": ", ".join(names)}
        for col, names in suppressed.items() if names
    ]
    return pd.DataFrame(rows).sort_values("buurten without a value", ascending=False) if rows else pd.DataFrame()


def source_markdown(key: str) -> str:
    """The SOURCE.md shipped with a raw folder ('' when absent)."""
    path = sources.SOURCES[key].source_md
    return path.read_text(encoding="utf-8") if path.exists() else ""
