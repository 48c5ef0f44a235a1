"""Headline figures, the top-ten table and the printable one-page briefing."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from geo.catalog import dictionary
from geo.catalog.benchmarks import BENCHMARKS, MONITOR
from geo.map.classify import format_value
from geo.metrics import indicators
from geo.metrics.income import household_income
from geo.params import IndexSettings, Prices, QuoteThreshold

# National context from the TNO/CBS Monitor Energiearmoede. Its quotes divide by *disposable* household income:
# all households about 5% of income on energy (2024). HEQ, the share of households with a high energy quote, was
# 7.4% in 2019 (the Monitor's 2019 components: HEQ 7.4%, LIHE 6.1%, LILEK 5.4%).
NATIONAL_QUOTE = BENCHMARKS["energy_quote_all_households_nl_2024"]
NATIONAL_HEQ = BENCHMARKS["heq_nl_2019"]
MONITOR_SOURCE = MONITOR
NATIONAL_YEAR = 2022  # the year of the shipped national municipality table (CBS KWB 2022 edition)


def _year(meta: dict, column: str) -> str:
    year = meta.get(column, {}).get("year")
    return f" ({year})" if year else ""


def _year_of(meta: dict, column: str) -> str:
    return str(meta.get(column, {}).get("year") or "?")


def _nl(gemeente: pd.DataFrame, column: str, decimals: int, unit: str, year=None) -> str:
    """The national comparison of one figure: the same indicator in the same year, or a plain 'none'.

    The shipped national table describes one year (:data:`NATIONAL_YEAR`). Where Heerlen's figure describes another
    year, the national value is not set beside it as if comparable: the text says so and gives Heerlen and the
    Netherlands side by side for the national table's year instead.
    """
    if column not in gemeente.index or pd.isna(gemeente.loc[column, "netherlands_2022"]):
        return "No national figure for this indicator in the shipped data."
    row = gemeente.loc[column]
    nl = f"{format_value(row['netherlands_2022'], decimals)}{unit}"
    heerlen = f"{format_value(row['heerlen_2022'], decimals)}{unit}"
    if year is None or str(year) == str(NATIONAL_YEAR):
        return f"Netherlands {NATIONAL_YEAR}: {nl} (CBS KWB {NATIONAL_YEAR} edition)."
    return (
        f"No national figure for {year} in the shipped data. In {NATIONAL_YEAR}: Heerlen {heerlen}, "
        f"Netherlands {nl} (CBS KWB {NATIONAL_YEAR} edition)."
    )


def heerlen_quote(gemeente: pd.DataFrame, prices: Prices) -> float:
    """Estimated energy quote of the average Heerlen household (same method as per buurt)."""
    g = gemeente["heerlen"]
    bill = indicators.energy_bill(g["gas_m3"], g["electricity_kwh"], prices)
    income = household_income(g["income_per_inhabitant_keur"], g["household_size"])
    return float(100 * bill / income) if income > 0 else float("nan")


def headline_figures(gemeente: pd.DataFrame, table: pd.DataFrame, meta: dict, prices: Prices,
                     threshold: QuoteThreshold) -> list[dict]:
    """The overview's figures: label, value, comparison text and help, all as strings."""
    g = gemeente["heerlen"]
    figs = []

    def add(column: str, unit_suffix: str = "", label: str | None = None):
        col = dictionary.BY_NAME[column]
        figs.append(
            {
                "label": (label or col.label) + _year(meta, column),
                "value": format_value(g.get(column), col.decimals) + unit_suffix,
                "comparison": _nl(gemeente, column, col.decimals, unit_suffix, meta.get(column, {}).get("year")),
                "help": f"{col.meaning}. Unit: {col.unit}. Source: CBS KWB, Heerlen row.",
            }
        )

    add("households")
    figs.append(energy_poor_figure(table, meta))
    add("pct_low_income", "%")
    add("pct_social_minimum", "%")
    add("pct_social_assistance", "%", "Social assistance, % of 15+")
    add("gas_m3", " m3")
    add("electricity_kwh", " kWh")
    quote = heerlen_quote(gemeente, prices)
    years = (f"use {_year_of(meta, 'gas_m3')}, income {_year_of(meta, 'income_per_inhabitant_keur')}, "
             f"prices {prices.year}")
    figs.append(
        {
            "label": f"Estimated energy quote, average household ({years})",
            "value": format_value(quote, 1) + "%",
            "comparison": "No national figure on the same basis: the Monitor's about "
            f"{NATIONAL_QUOTE.value:g}% of income for all households ({NATIONAL_QUOTE.year}, "
            f"{MONITOR_SOURCE}) divides by disposable income; this estimate divides by gross income, so it reads "
            "lower.",
            "help": "Estimate: Heerlen average gas and electricity use x prices"
            " / (income per inhabitant x household size). "
            f"Prices {prices.gas_eur_per_m3:.3f} EUR/m3 and {prices.electricity_eur_per_kwh:.3f} EUR/kWh"
            f" ({prices.year}).",
        }
    )
    idx = table["energy_poverty_index"]
    # The Monitor's HEQ (household model on disposable income) where it has been estimated; the older buurt-average
    # proxy only when the table has no Monitor columns.
    heq = "pct_heq_households" if "pct_heq_households" in table else "pct_high_quote_households"
    share = table[heq]
    ok = share.notna() & table["households"].notna()
    weighted = float((share[ok] * table.loc[ok, "households"]).sum() / table.loc[ok, "households"].sum())
    count = float((share[ok] / 100 * table.loc[ok, "households"]).sum())
    same_measure = heq == "pct_heq_households"
    figs.append(
        {
            "label": f"Households with a high energy quote (HEQ, >= {threshold.pct:.0f}%, estimated; {years})",
            "value": format_value(weighted, 1) + "%",
            "comparison": f"About {format_value(round(count, -2))} households"
            f" in the {int(ok.sum())} buurten with data. "
            f"Index available for {int(idx.notna().sum())} of {len(idx)} buurten. "
            + (f"The Netherlands: {NATIONAL_HEQ.value:g}% in {NATIONAL_HEQ.year} ({MONITOR_SOURCE}, disposable "
               "income)."
               if same_measure else
               f"The nearest national figure is the Monitor's HEQ for {NATIONAL_HEQ.year}, {NATIONAL_HEQ.value:g}% "
               f"({MONITOR_SOURCE}), which divides by disposable income: this proxy uses an approximate gross "
               "income, so it is an approximation of that indicator, not the same measure."),
            "help": "Estimated per buurt with the household model of the Monitor indicators (see Data & method), "
            "weighted by households. The threshold is set in the sidebar.",
        }
    )
    return figs


def household_weighted(table: pd.DataFrame, column: str) -> float:
    """Household-weighted mean of a buurt share over the buurten that have it (NaN when none has)."""
    if column not in table:
        return float("nan")
    ok = table[column].notna() & table["households"].notna() & (table["households"] > 0)
    if not ok.any():
        return float("nan")
    return float((table.loc[ok, column] * table.loc[ok, "households"]).sum() / table.loc[ok, "households"].sum())


def energy_poor_figure(table: pd.DataFrame, meta: dict) -> dict:
    """The headline 'energy poor' figure: estimated LIHELEK with its band, beside the national LIHELEK 2019."""
    col = "pct_lihelek_households"
    bench = BENCHMARKS["lihelek_nl_2019"]
    income_year = _year_of(meta, "pct_low_income")
    use_year = _year_of(meta, "gas_m3")
    pct, lo, hi = (household_weighted(table, c) for c in (col, col + "_p05", col + "_p95"))
    count = float(table["households_lihelek"].sum()) if "households_lihelek" in table else float("nan")
    gap = ""
    if income_year.isdigit() and bench.year.isdigit() and int(income_year) != int(bench.year):
        gap = f" The national figure describes {bench.year}, {abs(int(bench.year) - int(income_year))} year(s) " \
              f"from the income year {income_year} of this estimate."
    return {
        "label": f"Energy-poor households (LIHELEK, estimated; income {income_year}, use {use_year})",
        "value": format_value(pct, 1) + "%",
        "comparison": f"Band {format_value(lo, 1)}-{format_value(hi, 1)}%, about {format_value(round(count, -2))} "
        f"households. The Netherlands: {format_value(bench.value, 1)}% ({bench.year}, {bench.source}).{gap}",
        "help": "LIHELEK = low income (at most 130% of the CBS low-income line) and high energy costs, or low income "
        "and label E-G. Modelled per buurt from the published income shares and the estimated stock "
        "(Data & method, Monitor indicators), weighted by households.",
    }


def top_buurten(table: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` buurten with the highest index, with the figures behind it, as display text.

    Missing figures read 'no data' (CBS suppression), never an empty or zero cell.
    """
    cols = [
        "buurt_name", "wijk_name", "energy_poverty_index", "pct_lihelek_households", "pct_heq_households",
        "pct_lekwi_households", "pct_low_income", "households",
    ]
    top = table.dropna(subset=["energy_poverty_index"]).sort_values("energy_poverty_index", ascending=False).head(n)
    out = top[cols].reset_index(drop=True)
    for c in cols[2:]:
        col = dictionary.BY_NAME.get(c)
        out[c] = [format_value(v, col.decimals if col else 1) for v in out[c]]
    out.insert(0, "rank", range(1, len(out) + 1))
    return out.rename(columns={c: dictionary.label(c) for c in cols})


def briefing_html(figures: list[dict], top: pd.DataFrame, threshold: QuoteThreshold, index: IndexSettings) -> bytes:
    """A one-page HTML briefing (print to PDF from the browser); every string is escaped."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(f['label'])}</td><td><b>{e(f['value'])}</b></td><td>{e(f['comparison'])}</td></tr>"
        for f in figures
    )
    head = "".join(f"<th>{e(str(c))}</th>" for c in top.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in r) + "</tr>"
        for r in top.itertuples(index=False)
    )
    weights = ", ".join(f"{e(k)} {w:g}" for k, w in index.weights)
    doc = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Buurtkompas Heerlen briefing</title>
<style>body{{font-family:sans-serif;max-width:780px;margin:2em auto;font-size:12px}}\
table{{border-collapse:collapse;width:100%}}
td,th{{border-bottom:1px solid #ccc;padding:3px;text-align:left}}h1{{font-size:20px}}\
@media print{{body{{margin:0}}}}</style></head>
<body><h1>Buurtkompas Heerlen: energy poverty briefing</h1><p>Made {e(dt.date.today().isoformat())}.
Index settings: normalisation {e(index.method)}, missing values {e(index.missing)}, weights {weights};
high energy quote at {threshold.pct:g}%.</p><h2>Headline figures</h2><table>{rows}</table>
<h2>Ten buurten with the highest energy-poverty index</h2><table><tr>{head}</tr>{body}</table>
<p>Sources: CBS Kerncijfers wijken en buurten 2016-2020, CBS 85586NED, CBS/Kadaster wijk- en buurtkaart 2023,
CBS 81309NED prices (CC BY 4.0). Estimates are marked as such; method on the Data &amp; method page.</p>\
</body></html>"""
    return doc.encode("utf-8")
