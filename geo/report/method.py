"""Methodology texts and tables for the Data & method page (pure: strings and DataFrames)."""

from __future__ import annotations

import pandas as pd

from geo import config
from geo.catalog import sources
from geo.map import classify
from geo.metrics import index

INDICATOR_METHOD = f"""
**Estimated energy bill** (EUR per dwelling per year) = measured average gas use per dwelling (m3, CBS KWB)
x gas price + measured average electricity use per dwelling (kWh, CBS KWB) x electricity price.
Default prices: {sources.PRICE_SOURCE}; gas converted at {sources.GAS_M3_PER_GJ} m3 per GJ (VNG DEGO
documentation), giving EUR {sources.GAS_PRICE_2019_EUR_PER_M3:.3f} per m3 and EUR
{sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH:.3f} per kWh. Both are editable in the sidebar. The 2019
prices match the year of the consumption figures.

**Approximate household income** = average personal income per inhabitant (CBS KWB, gross) x average household
size. CBS does not publish disposable household income per buurt in these editions. Gross personal income is
higher than disposable income, so the estimated energy quote is *lower* than the official one would be.

**Estimated energy quote** = bill / approximate household income, for the average household of a buurt. The
Monitor Energiearmoede counts households with a quote above the threshold; a buurt average cannot show that
spread, so the map marks buurten whose *average* household is above the threshold (default 10%, DEGO; 8% as
used in some TNO products).

**Years.** Each figure is labelled with the year it describes, not the edition: the build takes, per column, the
latest KWB edition in which at least 80% of the best-covered edition's buurten have a value. Income figures in the
KWB editions 2016-2018 describe the year three years before the edition; housing and energy figures describe the
edition year; population and households are counts on 1 January of the edition year. Consumption (2019),
income (2014-2015) and prices (2019) therefore come from different years: the quote mixes them.
"""

INDEX_METHOD = """
Each component is normalised over the Heerlen buurten to 0-1 so that higher means more energy poverty, then the
index is the weighted mean x 100. Weights are normalised to sum to one. Raising one component of a buurt never
lowers its index (tested). Buurten with suppressed figures are handled by the chosen missing-value rule; the
rule and the number of components used are shown with the ranking.
"""

CLASSIFICATION_METHOD = (
    "Class breaks come from mapclassify: quantiles, equal interval or natural breaks (Fisher-Jenks), computed over the "
    "buurten that have a value; buurten without a value are grey and say 'no data', never zero. Colours: ColorBrewer "
    "YlOrRd (via branca); for indicators where a high value is good (income, WOZ) the ramp is reversed, so dark is always "
    "the worse end."
)

LIMITS = """
- Buurt averages hide the spread within a buurt; the index ranks buurten, it does not count energy-poor households.
- CBS suppresses figures for small buurten (e.g. In de Cramer, Terworm, Imstenrade); they show as 'no data'.
- Income is from 2014-2015 (KWB editions 2017-2018); later editions in the shipped data have no buurt income.
- Gas use per dwelling includes dwellings on district heating with about zero gas (CBS definition), which lowers the
  average in buurten on the Mijnwater network.
- Energy labels per buurt are estimated (VIVET dwellings raked to each buurt's CBS tenure, type and build-period
  shares), not observed: within a dwelling type, period and tenure every buurt gets the Heerlen label mix, so the
  spread between buurten is understated. 57% of Heerlen dwellings have no registered label; the 'all dwellings'
  figures impute them.
- The share of households with a high energy quote is modelled from buurt averages (see the index components).
"""


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


SIMPLIFICATION = (
    f"Map shapes are simplified once in `make data` as a coverage (shared borders stay shared; "
    f"`GeoSeries.simplify_coverage`, tolerance {config.SIMPLIFY_TOLERANCE_M:g} m in RD New) and rounded to "
    f"{config.COORD_DECIMALS} decimals (~1 m). Areas use the full-resolution shapes."
)
_ = classify  # referenced in CLASSIFICATION_METHOD's subject
