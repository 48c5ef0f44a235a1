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
        "pct_low_income": [1.0] * 3, "pct_high_quote_households": [1.0] * 3, "pct_label_efg_all": [1.0] * 3,
        "pct_rent": [1.0] * 3, "households": [1.0] * 3,
    })
    t.loc[0, "pct_low_income"] = float("nan")
    top = overview.top_buurten(t, 10)
    assert top["Buurt"].tolist() == ["y", "x"] and top["rank"].tolist() == [1, 2]
    assert top["Households with a low income"].tolist() == ["1.0", "no data"]


def test_heerlen_quote_is_computed_as_for_a_buurt(indicator_table):
    gemeente = indicator_table.T.rename(columns={"A": "heerlen"})
    buurt = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0)).loc["A", "energy_quote_pct"]
    assert overview.heerlen_quote(gemeente, Prices(1.0, 0.25)) == pytest.approx(buurt) == pytest.approx(3.75)
    suppressed = indicator_table.T.rename(columns={"D": "heerlen"})  # D: income suppressed
    assert math.isnan(overview.heerlen_quote(suppressed, Prices(1.0, 0.25)))
