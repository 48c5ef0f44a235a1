"""The national and Parkstad context page under AppTest, in Dutch and in English."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import open_app

pytestmark = pytest.mark.real_data
OVERVIEW, CONTEXT = "pages/overview.py", "pages/context.py"


def open_context(query: dict | None = None) -> AppTest:
    at = open_app(CONTEXT, query)
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, start: str):
    return next(m for m in at.metric if m.label.startswith(start))


def url(at: AppTest) -> dict:
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_dutch_by_default_heerlen_ranks_sixth_of_345_on_the_lowest_40_percent_share():
    at = open_context()
    assert at.title[0].value == "Landelijk en Parkstad"
    assert metric(at, "Heerlen, 2022").value == "55%"
    assert metric(at, "Rang").value == "6 van 345"
    assert metric(at, "Percentiel").value == "98"
    picker = at.selectbox(key="w.ctx.indicator")
    assert picker.value == "gm_pct_bottom40_households"
    assert "Laagste 40% inkomens (landelijk) (% van de huishoudens)" in picker.options
    assert not any("laag inkomen" in o.lower() for o in picker.options)  # the mislabel never reaches the screen
    table = at.dataframe[0].value
    assert table["gemeente_name"].tolist()[:7] == ["Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Simpelveld",
                                                  "Voerendaal", "Beekdaelen"]
    assert list(table["group"][:2]) == ["Gekozen", "Parkstad"] and "Vergelijkbaar" in set(table["group"])
    assert any("Ongeldige grenzen hersteld door de build: 7" in c.value for c in at.caption)


def test_english_another_figure_and_municipality_change_what_the_page_shows_and_the_link():
    at = open_context({"lang": "en"})
    assert at.title[0].value == "National and Parkstad context"
    at.selectbox(key="w.ctx.indicator").set_value("gm_gas_m3").run()
    assert metric(at, "Heerlen, 2022").value == "980" and "m³ per dwelling per year" in metric(at, "Heerlen, 2022").help
    assert metric(at, "Rank").value == "253 of 345"
    at.selectbox(key="w.ctx.gemeente").set_value("GM0928").run()
    assert not at.exception
    assert metric(at, "Kerkrade, 2022").value == "1,070"
    assert at.dataframe[0].value["gemeente_name"].iloc[0] == "Kerkrade"
    assert url(at) == {"lang": "en", "measure": "gm_gas_m3", "gemeente": "GM0928"}


def test_the_woz_value_names_its_own_year():
    at = open_context({"lang": "en", "measure": "gm_woz_keur"})
    assert metric(at, "Heerlen, 2021").value == "170" and "× €1,000" in metric(at, "Heerlen, 2021").help
    assert any("valuation date 1 January 2021" in c.value for c in at.caption)


def test_a_link_to_an_unknown_municipality_falls_back_to_heerlen_with_a_notice():
    at = open_context({"lang": "en", "gemeente": "GM9999"})
    assert any("unknown" in i.value for i in at.info)
    assert metric(at, "Heerlen").value
    bad = open_context({"lang": "en", "gemeente": "<b>x</b>", "measure": "pct_low_income"})
    assert metric(bad, "Heerlen, 2022").value == "55%"  # both ignored: defaults
