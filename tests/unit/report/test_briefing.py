"""The briefing's content and its HTML form: the area, the plain sentences, the assumptions, escaping."""

import datetime as dt

import pytest

from geo import i18n
from geo.params import IndexSettings, Prices, QuoteThreshold, UserIndicator
from geo.report import briefing
from tests.unit.report.conftest import CODES, HOSTILE


def _build(town, area="gemeente", buurten=(), extra=None, lang="nl"):
    with i18n.language(lang):
        chosen = briefing.select(town["table"], area, buurten)
        return briefing.build(**town, area=chosen, extra=extra, day=dt.date(2026, 11, 26), map_dpi=60)


def test_the_area_is_the_gemeente_a_wijk_or_chosen_buurten_and_unknown_codes_fall_back(mini_town):
    table = mini_town["table"]
    assert briefing.select(table).whole and briefing.select(table).codes == tuple(CODES)
    wijk = briefing.select(table, "WK091700")
    assert wijk.name == "Wijk 0 Centrum" and wijk.codes == tuple(CODES[:2]) and not wijk.whole
    with i18n.language("nl"):
        two = briefing.select(table, "WK091700", [CODES[2], CODES[0], "BU99999999"])
    assert two.codes == (CODES[2], CODES[0]) and two.name == "2 gekozen buurten"  # buurten win over the wijk
    assert briefing.select(table, "WK-nonsense", ["BU-nonsense"]).whole


def test_the_sentences_give_the_share_its_years_the_national_figure_and_where_it_is_highest(mini_town):
    table, meta = mini_town["table"], mini_town["meta"]
    with i18n.language("nl"):
        nl = briefing.summary(briefing.select(table), table, meta, mini_town["threshold"])
    # (20 x 1000 + 4 x 3000) / 4000 = 8.0 %
    assert nl[0] == ("In Heerlen is naar schatting 8,0% van de huishoudens energiearm (LIHELEK; inkomens 2018, "
                     "energieverbruik 2019); in Nederland was dat 8,6% in 2019.")
    assert nl[1].startswith("Het aandeel is het hoogst in Noord (20%)")
    assert "1 van de 3 buurten heeft geen schatting" in nl[-1] and 3 <= len(nl) <= 4
    with i18n.language("en"):
        en = briefing.summary(briefing.select(table), table, meta, mini_town["threshold"])
    assert en[0].startswith("In Heerlen an estimated 8.0% of households are energy poor") and "2019" in en[0]


def test_the_assumptions_name_weights_threshold_prices_and_the_other_pages_choices(mini_town):
    with i18n.language("nl"):
        rows = dict(briefing.assumptions(mini_town["prices"], mini_town["threshold"], mini_town["index"],
                                         {"target_label": "B", "budget_meur": 20.0, "scenario": "4.000 woningen"}))
    assert "LIHELEK" in rows["Gewichten van de index"] and rows["Hoge energiequote"] == "vanaf 10% van het inkomen"
    assert "prijzen van 2019" in rows["Energieprijzen"] and "€ 0,829" in rows["Energieprijzen"]
    assert rows["Doellabel verduurzamen"] == "B" and rows["Budget verduurzamen"] == "€ 20,0 miljoen"
    assert rows["Scenario nieuwbouw"] == "4.000 woningen"
    without = dict(briefing.assumptions(mini_town["prices"], mini_town["threshold"], mini_town["index"]))
    assert not any("Retrofit" in k or "Doellabel" in k for k in without)


def test_the_html_escapes_a_hostile_buurt_name_and_embeds_its_map(mini_town):
    doc = _build(mini_town, buurten=[CODES[1]], lang="en")
    html_text = briefing.to_html(doc).decode()
    assert doc.title == f"Energy poverty in {HOSTILE}"
    assert "<script>" not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert 'src="data:image/png;base64,' in html_text and '<html lang="en">' in html_text
    assert "CC BY 4.0" in html_text and "Key figures" in html_text


@pytest.mark.parametrize(("lang", "words"), [("nl", ["Kerncijfers", "Aannames", "Bronnen en licenties"]),
                                             ("en", ["Key figures", "Assumptions", "Sources and licences"])])
def test_the_briefing_speaks_the_language_asked_for(mini_town, lang, words):
    html_text = briefing.to_html(_build(mini_town, lang=lang)).decode()
    assert all(w in html_text for w in words)
    assert ("26 november 2026" if lang == "nl" else "26 November 2026") in html_text


def test_a_wijk_briefing_sets_its_figures_beside_heerlens(mini_town):
    doc = _build(mini_town, area="WK091700", lang="en")
    figs = {f["key"]: f for f in doc.figures}
    assert figs["lihelek"]["value"] == "8.0%" and figs["households"]["value"] == "4,000"
    assert doc.top["Buurt"].tolist() == ["Noord", HOSTILE]  # top ten of the area only


def test_the_map_shows_the_indicator_chosen_on_the_overview_with_its_own_title(mini_town):
    with i18n.language("nl"):
        chosen = briefing.select(mini_town["table"], "gemeente", ())
        headline = briefing.build(**mini_town, area=chosen, day=dt.date(2026, 11, 26), map_dpi=60)
        index = briefing.build(**mini_town, area=chosen, day=dt.date(2026, 11, 26), map_dpi=60,
                               indicator="energy_poverty_index")
    assert headline.map_title.startswith("Energiearm (LIHELEK)")
    assert index.map_title.startswith("Index energiearmoede") and index.map_png != headline.map_png


def test_the_users_own_index_figures_are_among_the_assumptions():
    own = UserIndicator("k", "<script>alert(1)</script>", (("BU09171000", 1.0),), weight=2.0)
    rows = dict(briefing.assumptions(Prices(), QuoteThreshold(), IndexSettings(user=(own,))))
    assert any("<script>alert(1)</script> 2" in value for value in rows.values())
