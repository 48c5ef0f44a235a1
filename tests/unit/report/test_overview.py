"""The buurt profile and the overview/briefing helpers."""

import math

import pandas as pd
import pytest

from geo import i18n
from geo.metrics.indicators import add_derived
from geo.params import Prices, QuoteThreshold
from geo.report import overview


@pytest.fixture(autouse=True)
def english():
    """Most assertions read the English source text; the Dutch ones switch language themselves."""
    with i18n.language("en"):
        yield


def test_top_buurten_sorted_and_ranked():
    t = pd.DataFrame({
        "buurt_name": ["x", "y", "z"], "wijk_name": ["w"] * 3, "energy_poverty_index": [20.0, 90.0, float("nan")],
        "pct_low_income": [1.0] * 3, "pct_lihelek_households": [1.0] * 3, "pct_heq_households": [1.0] * 3,
        "pct_lekwi_households": [1.0] * 3, "households": [1.0] * 3,
    })
    t.loc[0, "pct_low_income"] = float("nan")
    top = overview.top_buurten(t, 10)
    assert top["Buurt"].tolist() == ["y", "x"] and top["Rank"].tolist() == [1, 2]
    assert top["Low income %"].tolist() == ["1.0", "–"]  # suppressed: a dash, never 0
    with i18n.language("nl"):
        dutch = overview.top_buurten(t.assign(households=[1234.0] * 3), 10)
    assert list(dutch.columns[:3]) == ["Rang", "Buurt", "Wijk"] and dutch["Huishoudens"].tolist() == ["1.234"] * 2


def test_gemeente_quote_is_computed_as_for_a_buurt(indicator_table):
    gemeente = indicator_table.T.rename(columns={"A": "gemeente"})
    buurt = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017).loc["A", "energy_quote_pct"]
    assert overview.gemeente_quote(gemeente, Prices(1.0, 0.25)) == pytest.approx(buurt) == pytest.approx(3.75)
    suppressed = indicator_table.T.rename(columns={"D": "gemeente"})  # D: income suppressed
    assert math.isnan(overview.gemeente_quote(suppressed, Prices(1.0, 0.25)))


def _headlines(indicator_table, meta):
    gemeente = indicator_table.T.rename(columns={"A": "gemeente"})[["gemeente"]].copy()
    gemeente.loc["households"] = 1000.0
    gemeente["gemeente_2022"] = float("nan")
    gemeente["netherlands_2022"] = float("nan")
    gemeente.loc["gas_m3", ["gemeente_2022", "netherlands_2022"]] = [980.0, 982.0]
    gemeente.loc["households", ["gemeente_2022", "netherlands_2022"]] = [1100.0, 8_000_000.0]
    table = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    table["energy_poverty_index"] = 50.0
    table["households"] = 100.0
    figs = overview.headline_figures(gemeente, table, meta, Prices(1.0, 0.25), QuoteThreshold(10.0))
    return {f["key"]: f for f in figs}


def test_a_figure_of_another_year_is_not_set_beside_the_national_one(indicator_table):
    meta = {"gas_m3": {"year": 2019}, "households": {"year": 2022}, "income_per_inhabitant_keur": {"year": 2017}}
    figs = _headlines(indicator_table, meta)
    gas = figs["gas_m3"]["comparison"]
    assert gas.startswith("No national figure for 2019") and "Heerlen 980 m³, Netherlands 982 m³" in gas
    assert figs["gas_m3"]["year"] == "2019" and figs["gas_m3"]["label"] == "Gas per dwelling"
    assert figs["households"]["comparison"].startswith("Netherlands 2022:")  # same year: compared directly
    none = "No national figure for this indicator in the shipped data."
    assert figs["pct_low_income"]["comparison"] == none
    with i18n.language("nl"):
        dutch = _headlines(indicator_table, meta)
    assert dutch["households"]["label"] == "Huishoudens" and dutch["households"]["value"] == "1.000"
    assert "Nederland 982 m³" in dutch["gas_m3"]["comparison"]


def test_the_quote_and_the_high_quote_share_name_their_years_and_the_measure_they_approximate(indicator_table):
    meta = {"gas_m3": {"year": 2019}, "income_per_inhabitant_keur": {"year": 2017}}
    figs = _headlines(indicator_table, meta)
    quote = figs["energy_quote"]
    assert quote["year"] == "use 2019, income 2017, prices 2019"
    assert quote["comparison"].startswith("No national figure on the same basis")
    heq = figs["heq"]
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
    assert fig["value"] == "8.0%" and "Band 6.0–10.0%" in fig["comparison"]
    assert "LIHELEK" in fig["label"] and "income 2018" in fig["year"]
    assert "The Netherlands: 8.6% (2019" in fig["comparison"] and "1 year from the income year 2018" in fig[
        "comparison"]
    with i18n.language("nl"):
        dutch = overview.energy_poor_figure(table, {"pct_low_income": {"year": 2018}, "gas_m3": {"year": 2019}})
    assert dutch["value"] == "8,0%" and "Nederland: 8,6% (2019" in dutch["comparison"]


def test_the_high_quote_figure_is_the_monitors_heq_where_it_is_estimated(indicator_table):
    gemeente = indicator_table.T.rename(columns={"A": "gemeente"})[["gemeente"]].copy()
    gemeente["gemeente_2022"] = gemeente["netherlands_2022"] = float("nan")
    table = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    table["energy_poverty_index"] = 50.0
    table["households"] = [100.0, 300.0, 100.0, 100.0]
    table["pct_heq_households"] = [10.0, 6.0, float("nan"), 2.0]  # (1000 + 1800 + 200) / 500 = 6.0
    figs = overview.headline_figures(gemeente, table, {}, Prices(1.0, 0.25), QuoteThreshold(10.0))
    heq = next(f for f in figs if f["key"] == "heq")
    assert heq["value"] == "6.0%"
    assert "The Netherlands: 7.4% in 2019" in heq["comparison"] and "proxy" not in heq["comparison"]


def test_a_wijk_is_set_beside_heerlen_and_the_national_figure_only_where_like_for_like():
    table = pd.DataFrame({
        "households": [100.0, 300.0], "pct_low_income": [20.0, 10.0], "energy_poverty_index": [70.0, 20.0],
        "pct_lihelek_households": [20.0, 4.0], "pct_heq_households": [12.0, 6.0],
    }, index=["A", "B"])
    gemeente = pd.DataFrame({"gemeente": {"households": 410.0}})  # the published total, not the sum of buurten
    figs = {f["key"]: f for f in overview.area_figures(table.loc[["A"]], table, gemeente, {}, Prices(),
                                                       QuoteThreshold())}
    assert figs["households"]["value"] == "100" and "Heerlen: 410" in figs["households"]["comparison"]
    assert figs["lihelek"]["value"] == "20.0%" and figs["lihelek"]["comparison"].startswith("Heerlen: 8.0%.")
    assert "The Netherlands: 8.6%" in figs["lihelek"]["comparison"]  # same measure (LIHELEK) nationally
    assert figs["pct_low_income"]["comparison"].startswith("Heerlen: 12.5%") and "Netherlands" not in figs[
        "pct_low_income"]["comparison"]
