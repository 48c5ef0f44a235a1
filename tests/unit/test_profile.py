"""The buurt profile and the overview/briefing helpers."""

import pandas as pd
import pytest

from geo.report import overview
from geo.report import profile
from geo.metrics.indicators import Prices, add_derived


def test_profile_shows_buurt_heerlen_and_year(indicator_table):
    t = add_derived(indicator_table, Prices(1.0, 0.25), 10.0)
    t["buurt_name"] = ["a", "b", "c", "d"]
    heerlen = pd.Series({"gas_m3": 1170.0, "pct_low_income": 12.5})
    prof = profile.buurt_profile(t, "A", heerlen, {"gas_m3": {"year": 2019}})
    row = prof.set_index("indicator").loc["Gas use per dwelling"]
    assert (row["buurt"], row["Heerlen"], row["year"]) == ("1,000", "1,170", "2019")
    assert prof.set_index("indicator").loc["Estimated energy quote", "kind"] == "estimated"
    dprof = profile.buurt_profile(t, "D", heerlen, {}).set_index("indicator")
    assert dprof.loc["Households with a low income", "buurt"] == "no data"


def test_unknown_buurt_raises_keyerror(indicator_table):
    with pytest.raises(KeyError):
        profile.buurt_profile(indicator_table, "BU00000000", pd.Series(dtype=float), {})


def test_safe_param_strips_markup():
    assert profile.safe_param("<b>gas</b>") == "bgasb"
    assert len(profile.safe_param("x" * 500)) == 40


def test_briefing_escapes_every_string():
    figures = [{"label": "<script>", "value": "1", "comparison": "a & b", "help": ""}]
    top = pd.DataFrame({"Buurt": ["<img src=x>"], "Index": [80.0]})

    class S:
        method, missing, threshold, weights = "minmax", "reweight", 10.0, (("low_income", 1.0),)

    doc = overview.briefing_html(figures, top, S()).decode()
    assert "<script>" not in doc and "&lt;script&gt;" in doc
    assert "<img" not in doc and "a &amp; b" in doc


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


def test_tooltip_texts_show_band_and_weak_estimates():
    from geo.build import stock  # noqa: F401  registers the stock columns
    from geo.map.tooltip import value_texts

    t = pd.DataFrame(
        {
            "pct_label_efg_all": [25.0, float("nan"), 30.0],
            "pct_label_efg_all_p05": [23.0, float("nan"), 28.0],
            "pct_label_efg_all_p95": [27.0, float("nan"), 32.0],
            "estimate_quality": ["good", "none", "weak"],
            "gas_m3": [1000.0, 1200.0, float("nan")],
        },
        index=["a", "b", "c"],
    )
    texts = value_texts(t, "pct_label_efg_all")
    assert texts[0].startswith("25") and "90% band 23.0-27.0" in texts[0] and "weak" not in texts[0]
    assert texts[1] == "no data"
    assert texts[2].endswith("(weak estimate)")
    assert value_texts(t, "gas_m3") == ["1,000 m3 per dwelling per year", "1,200 m3 per dwelling per year", "no data"]


def test_literal_markdown_neutralises_links_and_formatting():
    text = profile.literal_markdown("[click](javascript:alert(1)) **bold** <b>x</b>")
    for raw in ["[click]", "](", "**", "<b>"]:
        assert raw not in text
    assert text.replace("\\", "") == "[click](javascript:alert(1)) **bold** <b>x</b>"
