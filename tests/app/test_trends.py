"""Trends on the Map explorer (the buurt's series, the change map) and the Data & method page, in Dutch and English."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from geo import i18n
from geo.catalog import dictionary
from tests.support.apptest import open_app

pytestmark = pytest.mark.real_data
MAP = "pages/map_explorer.py"


def open_page(page: str, query: dict | None = None) -> AppTest:
    return open_app(page, query)


def series_table(at):
    return next(df.value for df in at.dataframe if "2013" in df.value.columns)


def change_legend(at) -> str:
    return " ".join(md.value for md in at.markdown if "bk-change-legend" in md.value)


def test_profile_shows_every_indicator_over_the_years_it_describes_in_english():
    at = open_page(MAP, {"lang": "en", "buurt": "BU09171000", "indicator": "gas_m3"})
    assert not at.exception
    assert any(s.value == "Over the years: Maria Gewanden" for s in at.subheader)
    table = series_table(at).set_index("Indicator")
    assert [c for c in table.columns if c.isdigit()] == [str(y) for y in range(2013, 2025)]
    assert table.loc["Gas use per dwelling", "2016"] not in {"", "no data"}
    assert table.loc["Gas use per dwelling", "2020"] == ""  # KWB 2020 has no energy figures
    assert table.loc["Average WOZ value", "2015"] not in {"", "no data"}  # WOZ of KWB 2016: 1 January 2015
    assert table.loc["Households with a low income", "2019"] == ""  # no income after 2018 in these editions
    assert table.loc["Social assistance (bijstand)", "Source"] == "85586NED 2013 Q1 – 85586NED 2024 Q1"
    assert at.multiselect(key="map.trend").value == ["gas_m3"]  # the map's indicator is charted first
    assert len(at.get("vega_lite_chart")) == 1
    at.multiselect(key="map.trend").set_value(["gas_m3", "pct_social_assistance"]).run()
    assert len(at.get("vega_lite_chart")) == 2


def test_profile_of_a_suppressed_buurt_says_no_data_in_dutch():
    at = open_page(MAP, {"buurt": "BU09173002"})  # In de Cramer: CBS suppresses most figures
    assert any(s.value == "Door de jaren: In de Cramer" for s in at.subheader)
    table = series_table(at).set_index("Indicator")
    with i18n.language("nl"):
        gas = dictionary.label("gas_m3")
    assert table.loc[gas, "2019"] == "geen gegevens"
    assert "Eenheid" in table.columns and "Bron" in table.columns
    at.multiselect(key="map.trend").set_value(["gas_m3"]).run()  # suppressed in every year: no empty chart
    assert not at.get("vega_lite_chart")
    assert any(c.value.endswith("voor deze buurt in geen enkel jaar een cijfer.") for c in at.caption)


def test_change_map_in_english_says_the_years_and_the_unit_and_counts_the_buurten():
    at = open_page(MAP, {"lang": "en"})
    assert not change_legend(at)  # off by default
    at.toggle(key="map.change").set_value(True).run()
    at.selectbox(key="map.change.indicator").set_value("pct_low_income").run()
    assert not at.exception
    assert at.selectbox(key="map.change.from.pct_low_income").options == ["2016", "2017", "2018"]
    legend = change_legend(at)
    assert "Change in Households with a low income, 2016 to 2018 (percentage points)" in legend
    assert "no data" in legend  # buurten without a figure in 2018 stay grey, never 0
    caption = next(c.value for c in at.caption if "in both years" in c.value)
    n = int(re.match(r"(\d+) of 57", caption).group(1))
    assert 0 < n < 57
    at.selectbox(key="map.change.kind").set_value("relative").run()
    assert "2016 to 2018 (%)" in change_legend(at)
    at.selectbox(key="map.change.to.pct_low_income").set_value(2016).run()
    assert any("two different years" in w.value for w in at.warning)


def test_change_map_speaks_dutch_with_dutch_numbers():
    at = open_page(MAP)
    at.toggle(key="map.change").set_value(True).run()
    at.selectbox(key="map.change.indicator").set_value("gas_m3").run()
    legend = change_legend(at)
    with i18n.language("nl"):
        gas = dictionary.label("gas_m3")
    assert f"Verandering in {gas}, 2016 tot 2019 (m³ per woning per jaar)" in legend
    assert re.search(r"-\d+ - -?\d+", legend) and "geen gegevens" in legend
    assert any("hebben een cijfer in beide jaren" in c.value for c in at.caption)


def test_data_page_counts_the_buurten_matched_per_edition():
    at = open_page("pages/data_method.py", {"lang": "en"})
    assert not at.exception
    matches = next(df.value for df in at.dataframe if "not_matched" in df.value.columns).set_index("edition")
    assert matches.loc["KWB 2016", "matched"] == 57 and matches.loc["KWB 2020", "of"] == 57
    assert "85586NED 2024" in matches.index
    years = next(df.value for df in at.dataframe if "years" in df.value.columns).set_index("indicator")
    assert years.loc["Average WOZ value", "years"] == "2015, 2016, 2017, 2018"
