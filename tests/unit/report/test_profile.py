"""The buurt profile and the overview/briefing helpers."""

import pandas as pd
import pytest

from geo.metrics.indicators import add_derived
from geo.params import Prices, QuoteThreshold
from geo.report import profile


def test_profile_shows_buurt_heerlen_and_year(indicator_table):
    t = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
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


def test_literal_markdown_neutralises_links_and_formatting():
    text = profile.literal_markdown("[click](javascript:alert(1)) **bold** <b>x</b>")
    for raw in ["[click]", "](", "**", "<b>"]:
        assert raw not in text
    assert text.replace("\\", "") == "[click](javascript:alert(1)) **bold** <b>x</b>"
