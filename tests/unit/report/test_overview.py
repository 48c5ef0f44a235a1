"""The buurt profile and the overview/briefing helpers."""

import math

import pandas as pd
import pytest

from geo.metrics.indicators import add_derived
from geo.params import IndexSettings, Prices, QuoteThreshold
from geo.report import overview


def test_briefing_escapes_every_string():
    figures = [{"label": "<script>", "value": "1", "comparison": "a & b", "help": ""}]
    top = pd.DataFrame({"Buurt": ["<img src=x>"], "Index": [80.0]})

    doc = overview.briefing_html(figures, top, QuoteThreshold(8.0), IndexSettings({"low_income": 1.0})).decode()
    assert "<script>" not in doc and "&lt;script&gt;" in doc
    assert "<img" not in doc and "a &amp; b" in doc
    assert "normalisation minmax" in doc and "low_income 1, energy_quote 0" in doc and "high energy quote at 8%" in doc


def test_top_buurten_sorted_and_ranked():
    t = pd.DataFrame({
        "buurt_name": ["x", "y", "z"], "wijk_name": ["w"] * 3, "energy_poverty_index": [20.0, 90.0, float("nan")],
        "pct_low_income": [1.0] * 3, "pct_lihelek_households": [1.0] * 3, "pct_heq_households": [1.0] * 3,
        "pct_lekwi_households": [1.0] * 3, "households": [1.0] * 3,
    })
    t.loc[0, "pct_low_income"] = float("nan")
    top = overview.top_buurten(t, 10)
    assert top["Buurt"].tolist() == ["y", "x"] and top["rank"].tolist() == [1, 2]
    assert top["Households with a low income"].tolist() == ["1.0", "no data"]


def test_heerlen_quote_is_computed_as_for_a_buurt(indicator_table):
    gemeente = indicator_table.T.rename(columns={"A": "heerlen"})
    buurt = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017).loc["A", "energy_quote_pct"]
    assert overview.heerlen_quote(gemeente, Prices(1.0, 0.25)) == pytest.approx(buurt) == pytest.approx(3.75)
    suppressed = indicator_table.T.rename(columns={"D": "heerlen"})  # D: income suppressed
    assert math.isnan(overview.heerlen_quote(suppressed, Prices(1.0, 0.25)))


def _headlines(indicator_table, meta):
    gemeente = indicator_table.T.rename(columns={"A": "heerlen"})[["heerlen"]].copy()
    gemeente.loc["households"] = 1000.0
    gemeente["heerlen_2022"] = float("nan")
    gemeente["netherlands_2022"] = float("nan")
    gemeente.loc["gas_m3", ["heerlen_2022", "netherlands_2022"]] = [980.0, 982.0]
    gemeente.loc["households", ["heerlen_2022", "netherlands_2022"]] = [1100.0, 8_000_000.0]
    table = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    table["energy_poverty_index"] = 50.0
    table["households"] = 100.0
    figs = overview.headline_figures(gemeente, table, meta, Prices(1.0, 0.25), QuoteThreshold(10.0))
    return {f["label"].split(" (")[0]: f for f in figs}


def test_a_figure_of_another_year_is_not_set_beside_the_national_one(indicator_table):
    meta = {"gas_m3": {"year": 2019}, "households": {"year": 2022}, "income_per_inhabitant_keur": {"year": 2017}}
    figs = _headlines(indicator_table, meta)
    gas = figs["Gas use per dwelling"]["comparison"]
    assert gas.startswith("No national figure for 2019") and "Heerlen 980 m3, Netherlands 982 m3" in gas
    assert figs["Households"]["comparison"].startswith("Netherlands 2022:")  # same year: compared directly
    none = "No national figure for this indicator in the shipped data."
    assert figs["Households with a low income"]["comparison"] == none


def test_the_quote_and_the_high_quote_share_name_their_years_and_the_measure_they_approximate(indicator_table):
    meta = {"gas_m3": {"year": 2019}, "income_per_inhabitant_keur": {"year": 2017}}
    figs = _headlines(indicator_table, meta)
    quote = next(f for label, f in figs.items() if label.startswith("Estimated energy quote"))
    assert "use 2019, income 2017, prices 2019" in quote["label"]
    assert quote["comparison"].startswith("No national figure on the same basis")
    heq = next(f for label, f in figs.items() if label.startswith("Households with a high energy quote"))
    assert "HEQ for 2019, 7.4%" in heq["comparison"] and "energy-poor" not in heq["comparison"]


def test_the_headline_energy_poor_figure_is_lihelek_beside_the_national_2019_value_with_the_year_gap():
    table = pd.DataFrame({
        "households": [100.0, 300.0, 50.0],
        "pct_lihelek_households": [20.0, 4.0, float("nan")],
        "pct_lihelek_households_p05": [15.0, 3.0, float("nan")],
        "pct_lihelek_households_p95": [25.0, 5.0, float("nan")],
        "households_lihelek": [20.0, 12.0, float("nan")],
    })
    fig = overview.energy_poor_figure(table, {"pct_low_income": {"year": 2018}, "gas_m3": {"year": 2019}})
    # (20 x 100 + 4 x 300) / 400 = 8.0 %; band (1500 + 900) / 400 = 6.0 to (2500 + 1500) / 400 = 10.0
    assert fig["value"] == "8.0%" and "Band 6.0-10.0%" in fig["comparison"]
    assert "LIHELEK" in fig["label"] and "income 2018" in fig["label"]
    assert "The Netherlands: 8.6% (2019" in fig["comparison"] and "1 year(s) from the income year 2018" in fig[
        "comparison"]


def test_the_high_quote_figure_is_the_monitors_heq_where_it_is_estimated(indicator_table):
    gemeente = indicator_table.T.rename(columns={"A": "heerlen"})[["heerlen"]].copy()
    gemeente["heerlen_2022"] = gemeente["netherlands_2022"] = float("nan")
    table = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    table["energy_poverty_index"] = 50.0
    table["households"] = [100.0, 300.0, 100.0, 100.0]
    table["pct_heq_households"] = [10.0, 6.0, float("nan"), 2.0]  # (1000 + 1800 + 200) / 500 = 6.0
    figs = overview.headline_figures(gemeente, table, {}, Prices(1.0, 0.25), QuoteThreshold(10.0))
    heq = next(f for f in figs if f["label"].startswith("Households with a high energy quote (HEQ"))
    assert heq["value"] == "6.0%"
    assert "The Netherlands: 7.4% in 2019" in heq["comparison"] and "proxy" not in heq["comparison"]
