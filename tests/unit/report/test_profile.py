"""The buurt profile and the overview/briefing helpers."""

import pandas as pd
import pytest

from geo import i18n
from geo.catalog import dictionary
from geo.metrics.indicators import add_derived
from geo.params import Prices, QuoteThreshold
from geo.report import profile


def test_profile_shows_buurt_heerlen_and_year(indicator_table):
    t = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    t["buurt_name"] = ["a", "b", "c", "d"]
    heerlen = pd.Series({"gas_m3": 1170.0, "pct_low_income": 12.5})
    with i18n.language("en"):
        prof = profile.buurt_profile(t, "A", heerlen, {"gas_m3": {"year": 2019}})
        dprof = profile.buurt_profile(t, "D", heerlen, {}).set_index("indicator")
    row = prof.set_index("indicator").loc["Gas use per dwelling"]
    assert (row["buurt"], row["gemeente"], row["year"]) == ("1,000", "1,170", "2019")
    assert prof.set_index("indicator").loc["Estimated energy quote", "kind"] == "estimated"
    assert prof.set_index("indicator").loc["Estimated energy quote", "year"] == "settings"
    assert dprof.loc["Households with a low income", "buurt"] == "no data"


def test_profile_speaks_dutch_by_default(indicator_table):
    t = add_derived(indicator_table, Prices(1.0, 0.25), QuoteThreshold(10.0), 2017)
    t["buurt_name"] = ["a", "b", "c", "d"]
    heerlen = pd.Series({"gas_m3": 1170.5, "household_size": 2.34})
    prof = profile.buurt_profile(t, "A", heerlen, {"gas_m3": {"year": 2019}}).set_index("indicator")
    row = prof.loc[dictionary.label("gas_m3")]
    assert (row["buurt"], row["gemeente"], row["year"]) == ("1.000", "1.170", "2019")
    assert prof.loc[dictionary.label("household_size"), "gemeente"] == "2,3"  # one decimal, decimal comma
    assert prof.loc[dictionary.label("energy_quote_pct"), ["kind", "year"]].tolist() == ["geschat", "instellingen"]
    assert set(profile.PROFILE_TABLE) == set(prof.reset_index().columns)


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


def test_trend_table_has_a_column_per_year_described_and_keeps_missing_apart_from_unpublished():
    rows = pd.DataFrame({
        "indicator": ["gas_m3", "gas_m3", "woz_keur", "woz_keur", "pct_social_assistance"],
        "year_described": [2016, 2019, 2015, 2018, 2024],
        "value": [1234.0, None, 113.0, 128.0, 7.0],
        "edition": ["KWB 2016", "KWB 2019", "KWB 2016", "KWB 2019", "85586NED 2024 Q1"],
    })
    with i18n.language("en"):
        table = profile.trend_table(rows).set_index("Indicator")
    assert list(table.columns) == ["Unit", "2015", "2016", "2018", "2019", "2024", "Source"]
    assert table.loc["Gas use per dwelling", "2016"] == "1,234"
    assert table.loc["Gas use per dwelling", "2019"] == "no data"  # published, not for this buurt
    assert table.loc["Gas use per dwelling", "2015"] == ""  # not published for that year
    assert table.loc["Average WOZ value", "2015"] == "113"  # the WOZ of KWB 2016 describes 1 January 2015
    assert table.loc["Average WOZ value", "Source"] == "KWB 2016 – KWB 2019"
    with i18n.language("nl"):
        dutch = profile.trend_table(rows)
    assert list(dutch.columns)[:2] == ["Indicator", "Eenheid"] and dutch.iloc[0]["2016"] == "1.234"
