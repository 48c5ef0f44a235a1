"""The Overview's figures: headline figures, the top ten and the area the Overview and the briefing describe.

Every text is in the language in force (:mod:`geo.i18n`); each figure names the year it describes, and a national
figure is set beside it only where it measures the same thing in the same year (else the text says so).
"""

from __future__ import annotations

import pandas as pd

from geo import config, i18n
from geo.catalog.benchmarks import BENCHMARKS, MONITOR
from geo.i18n import N_, _
from geo.metrics import indicators
from geo.metrics.income import household_income
from geo.params import Prices, QuoteThreshold

# National context from the TNO/CBS Monitor Energiearmoede. Its quotes divide by *disposable* household income:
# all households about 5% of income on energy (2024). HEQ, the share of households with a high energy quote, was
# 7.4% in 2019 (the Monitor's 2019 components: HEQ 7.4%, LIHE 6.1%, LILEK 5.4%).
NATIONAL_QUOTE = BENCHMARKS["energy_quote_all_households_nl_2024"]
NATIONAL_HEQ = BENCHMARKS["heq_nl_2019"]
NATIONAL_LIHELEK = BENCHMARKS["lihelek_nl_2019"]
MONITOR_SOURCE = MONITOR
NATIONAL_YEAR = 2022  # the year of the shipped national municipality table (CBS KWB 2022 edition)
HEADLINE = "pct_lihelek_households"  # the headline indicator: the Monitor Energiearmoede's 'energy poor'

# Short labels (a metric's label is never cut off) and the help text behind each, per figure.
FIGURES = {
    "households": (N_("Households"), N_("Private households on 1 January (CBS KWB).")),
    "pct_low_income": (N_("Low income"), N_("Share of households with a low income (CBS KWB).")),
    "pct_social_minimum": (N_("Around social minimum"),
                           N_("Share of households with an income up to 110% of the social minimum (CBS KWB).")),
    "pct_social_assistance": (N_("Social assistance"),
                              N_("Persons with social assistance, as a share of inhabitants aged 15 and over "
                                 "(CBS).")),
    "gas_m3": (N_("Gas per dwelling"), N_("Average natural-gas use per dwelling per year (CBS KWB).")),
    "electricity_kwh": (N_("Electricity per dwelling"),
                        N_("Average electricity use per dwelling per year (CBS KWB).")),
}
UNITS = {"gas_m3": " m³", "electricity_kwh": " kWh"}
PERCENT = {"pct_low_income", "pct_social_minimum", "pct_social_assistance"}
DECIMALS = {"households": 0, "gas_m3": 0, "electricity_kwh": 0}
TOP_COLUMNS = {
    "buurt_name": N_("Buurt"), "wijk_name": N_("Wijk"), "energy_poverty_index": N_("Index"),
    "pct_lihelek_households": N_("LIHELEK %"), "pct_heq_households": N_("HEQ %"), "pct_lekwi_households": N_("LEKWI %"),
    "pct_low_income": N_("Low income %"), "households": N_("Households"),
}


def _year_of(meta: dict, column: str) -> str:
    return str(meta.get(column, {}).get("year") or "?")


def _fmt(value, column: str) -> str:
    text = i18n.number(value, DECIMALS.get(column, 1))
    if text == i18n.number(float("nan")):
        return text
    return text + ("%" if column in PERCENT else UNITS.get(column, ""))


def _nl(gemeente: pd.DataFrame, column: str, year=None, name: str = config.GEMEENTE_NAME) -> str:
    """The national comparison of one figure: the same indicator in the same year, or a plain 'none'.

    The shipped national table describes one year (:data:`NATIONAL_YEAR`). Where the municipality's (``name``)
    figure describes another year, the national value is not set beside it as if comparable: the text says so and
    gives the municipality and the Netherlands side by side for the national table's year instead.
    """
    if column not in gemeente.index or pd.isna(gemeente.loc[column, "netherlands_2022"]):
        return _("No national figure for this indicator in the shipped data.")
    row = gemeente.loc[column]
    nl, own = _fmt(row["netherlands_2022"], column), _fmt(row["gemeente_2022"], column)
    if year is None or str(year) == str(NATIONAL_YEAR):
        return _("Netherlands {year}: {nl} (CBS KWB {year} edition).").format(year=NATIONAL_YEAR, nl=nl)
    return _("No national figure for {year} in the shipped data. In {nl_year}: {gemeente} {value}, Netherlands {nl} "
             "(CBS KWB {nl_year} edition).").format(year=year, nl_year=NATIONAL_YEAR, gemeente=name, value=own, nl=nl)


def gemeente_quote(gemeente: pd.DataFrame, prices: Prices) -> float:
    """Estimated energy quote of the municipality's average household (same method as per buurt)."""
    g = gemeente["gemeente"]
    bill = indicators.energy_bill(g["gas_m3"], g["electricity_kwh"], prices)
    income = household_income(g["income_per_inhabitant_keur"], g["household_size"])
    return float(100 * bill / income) if income > 0 else float("nan")


def household_weighted(table: pd.DataFrame, column: str) -> float:
    """Household-weighted mean of a buurt share over the buurten that have it (NaN when none has)."""
    if column not in table:
        return float("nan")
    ok = table[column].notna() & table["households"].notna() & (table["households"] > 0)
    if not ok.any():
        return float("nan")
    return float((table.loc[ok, column] * table.loc[ok, "households"]).sum() / table.loc[ok, "households"].sum())


def _figure(key: str, label: str, year: str, value: str, comparison: str, help_text: str) -> dict:
    return {"key": key, "label": label, "year": year, "value": value, "comparison": comparison, "help": help_text}


def headline_figures(gemeente: pd.DataFrame, table: pd.DataFrame, meta: dict, prices: Prices,
                     threshold: QuoteThreshold, name: str = config.GEMEENTE_NAME) -> list[dict]:
    """The Overview's figures for the municipality ``name``: key, short label, year, value, comparison and help."""
    g = gemeente["gemeente"]
    figs = []

    def add(column: str):
        label, help_text = FIGURES[column]
        year = meta.get(column, {}).get("year")
        figs.append(_figure(column, _(label), str(year or "?"), _fmt(g.get(column), column),
                            _nl(gemeente, column, year, name), _(help_text)))

    add("households")
    figs.append(energy_poor_figure(table, meta))
    figs.append(heq_figure(table, meta, threshold, prices))
    for column in ("pct_low_income", "pct_social_minimum", "pct_social_assistance", "gas_m3", "electricity_kwh"):
        add(column)
    figs.append(quote_figure(gemeente, meta, prices))
    return figs


def _years(meta: dict, prices: Prices) -> str:
    return _("use {use}, income {income}, prices {prices}").format(
        use=_year_of(meta, "gas_m3"), income=_year_of(meta, "income_per_inhabitant_keur"), prices=prices.year)


def quote_figure(gemeente: pd.DataFrame, meta: dict, prices: Prices) -> dict:
    """The estimated energy quote of the average household: no national figure on the same basis."""
    return _figure(
        "energy_quote", _("Energy quote, average"), _years(meta, prices),
        i18n.percent(gemeente_quote(gemeente, prices), 1),
        _("No national figure on the same basis: the Monitor's about {nl} of income for all households ({year}, "
          "{source}) divides by disposable income; this estimate divides by gross income, so it reads lower.").format(
            nl=i18n.percent(NATIONAL_QUOTE.value, 0), year=NATIONAL_QUOTE.year, source=MONITOR_SOURCE),
        _("Estimate: the municipality's average gas and electricity use × prices / (income per inhabitant × "
          "household size). Prices {gas} per m³ and {electricity} per kWh ({year}).").format(
            gas=i18n.money(prices.gas_eur_per_m3, 3), electricity=i18n.money(prices.electricity_eur_per_kwh, 3),
            year=prices.year),
    )


def heq_figure(table: pd.DataFrame, meta: dict, threshold: QuoteThreshold, prices: Prices) -> dict:
    """Households with a high energy quote: the Monitor's HEQ where estimated, else the older buurt proxy."""
    heq = "pct_heq_households" if "pct_heq_households" in table else "pct_high_quote_households"
    ok = table[heq].notna() & table["households"].notna()
    weighted = household_weighted(table, heq)
    count = float((table.loc[ok, heq] / 100 * table.loc[ok, "households"]).sum())
    idx = table["energy_poverty_index"] if "energy_poverty_index" in table else pd.Series(dtype=float)
    if heq == "pct_heq_households":
        nl = _("The Netherlands: {nl} in {year} ({source}, disposable income).")
    else:
        nl = _("The nearest national figure is the Monitor's HEQ for {year}, {nl} ({source}), which divides by "
               "disposable income: this proxy uses an approximate gross income, so it is an approximation of that "
               "indicator, not the same measure.")
    return _figure(
        "heq", _("High energy quote (HEQ)"), _years(meta, prices), i18n.percent(weighted, 1),
        _("About {count} households in the {n} buurten with data. Index available for {with_index} of {all} "
          "buurten.").format(count=i18n.number(round(count, -2)), n=int(ok.sum()), with_index=int(idx.notna().sum()),
                             all=len(idx))
        + " " + nl.format(nl=i18n.percent(NATIONAL_HEQ.value, 1), year=NATIONAL_HEQ.year, source=MONITOR_SOURCE),
        _("Households whose energy bill is at least {pct} of their disposable income, estimated per buurt with the "
          "household model of the Monitor indicators (see Data & method), weighted by households. The threshold is "
          "set in the sidebar.").format(pct=i18n.percent(threshold.pct, 0)),
    )


def energy_poor_figure(table: pd.DataFrame, meta: dict) -> dict:
    """The headline 'energy poor' figure: estimated LIHELEK with its band, beside the national LIHELEK 2019."""
    col, bench = HEADLINE, NATIONAL_LIHELEK
    income_year, use_year = _year_of(meta, "pct_low_income"), _year_of(meta, "gas_m3")
    pct, lo, hi = (household_weighted(table, c) for c in (col, col + "_p05", col + "_p95"))
    count = float(table["households_lihelek"].sum()) if "households_lihelek" in table else float("nan")
    comparison = _("Band {lo}–{hi}, about {count} households. The Netherlands: {nl} ({year}, {source}).").format(
        lo=i18n.number(lo, 1), hi=i18n.percent(hi, 1), count=i18n.number(round(count, -2)),
        nl=i18n.percent(bench.value, 1), year=bench.year, source=bench.source)
    if income_year.isdigit() and bench.year.isdigit() and int(income_year) != int(bench.year):
        gap = abs(int(bench.year) - int(income_year))
        comparison += " " + i18n.ngettext(
            "The national figure describes {year}, {n} year from the income year {income} of this estimate.",
            "The national figure describes {year}, {n} years from the income year {income} of this estimate.",
            gap).format(year=bench.year, n=gap, income=income_year)
    return _figure(
        "lihelek", _("Energy poor (LIHELEK)"), _("income {income}, use {use}").format(income=income_year, use=use_year),
        i18n.percent(pct, 1), comparison,
        _("Estimated. LIHELEK = low income (at most 130% of the CBS low-income line) and high energy costs, or low "
          "income and label E-G. Modelled per buurt from the published income shares and the estimated stock "
          "(Data & method, Monitor indicators), weighted by households."),
    )


def area_figures(area: pd.DataFrame, table: pd.DataFrame, gemeente: pd.DataFrame, meta: dict, prices: Prices,
                 threshold: QuoteThreshold, name: str = config.GEMEENTE_NAME) -> list[dict]:
    """The figures of a wijk or a set of buurten, each beside the municipality's (``name``).

    National figures only where like-for-like.
    """
    figs = [energy_poor_figure(area, meta), heq_figure(area, meta, threshold, prices)]
    for f, whole in zip(figs, (energy_poor_figure(table, meta), heq_figure(table, meta, threshold, prices)),
                        strict=True):
        f["comparison"] = _("{gemeente}: {value}.").format(gemeente=name, value=whole["value"]) + " " + f["comparison"]
    households = pd.to_numeric(area["households"], errors="coerce")
    low = household_weighted(area, "pct_low_income")
    label, help_text = FIGURES["households"]
    figs.insert(0, _figure("households", _(label), _year_of(meta, "households"),
                           i18n.number(households.sum(min_count=1)),
                           _("{n} buurten; {gemeente}: {all}.").format(
                               n=len(area), gemeente=name, all=i18n.number(gemeente["gemeente"].get("households"))),
                           _(help_text)))
    label, help_text = FIGURES["pct_low_income"]
    whole_low = i18n.percent(household_weighted(table, "pct_low_income"), 1)
    figs.append(_figure("pct_low_income", _(label), _year_of(meta, "pct_low_income"), i18n.percent(low, 1),
                        _("{gemeente}: {value}. Weighted by households; buurten that CBS suppresses are left "
                          "out.").format(gemeente=name, value=whole_low), _(help_text)))
    return figs


def top_buurten(table: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` buurten with the highest index, with the figures behind it, as display text.

    Missing figures read as a dash (CBS suppression), never an empty or zero cell.
    """
    cols = [c for c in TOP_COLUMNS if c in table]
    top = table.dropna(subset=["energy_poverty_index"]).sort_values("energy_poverty_index", ascending=False).head(n)
    out = top[cols].reset_index(drop=True)
    for c in cols[2:]:
        out[c] = [i18n.number(v, DECIMALS.get(c, 0 if c == "energy_poverty_index" else 1)) for v in out[c]]
    out.insert(0, "rank", range(1, len(out) + 1))
    return out.rename(columns={"rank": _("Rank"), **{c: _(TOP_COLUMNS[c]) for c in cols}})
