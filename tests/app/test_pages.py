"""Every page under Streamlit's AppTest: it runs, and changing a widget changes what the page shows."""

import io
import re

import pypdf
import pytest
from streamlit.testing.v1 import AppTest

from geo import config, i18n
from geo.catalog import dictionary
from geo.catalog.index_components import COMPONENTS
from geo.report import briefing, briefing_data, briefing_pdf
from tests.support import livemap

pytestmark = pytest.mark.real_data
PAGES = ["pages/overview.py", "pages/map_explorer.py", "pages/energy_poverty_index.py", "pages/data_method.py"]


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value


def test_overview_threshold_changes_the_count():
    at = open_page(PAGES[0], {"lang": "en"})
    heq = lambda: next(m for m in at.metric if m.label == "High energy quote (HEQ)")
    assert "at least 10%" in heq().help
    before = float(heq().value.rstrip("%"))
    at.sidebar.radio(key="w.cfg.threshold").set_value(8.0).run()
    assert "at least 8%" in heq().help
    assert float(heq().value.rstrip("%")) > before  # more households at or above a lower threshold
    assert len(at.dataframe[0].value) == 10


def test_overview_gas_price_changes_the_quote():
    at = open_page(PAGES[0], {"lang": "en"})
    quote = lambda: next(m.value for m in at.metric if m.label == "Energy quote, average")
    before = quote()
    at.sidebar.number_input(key="w.cfg.gas_price").set_value(2.0).run()
    assert quote() != before


def test_overview_opens_with_the_map_and_plain_dutch_sentences_then_short_labelled_figures():
    at = open_page(PAGES[0])
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Buurtkompas Heerlen" and at.subheader[0].value == "Heerlen"
    assert at.get("image"), "the headline map comes first"
    first = next(md.value for md in at.markdown if md.value.startswith("In Heerlen"))
    assert first.startswith("In Heerlen is naar schatting") and "LIHELEK" in first and "2019" in first
    metrics = {m.label: m for m in at.metric}
    assert metrics["Energiearm (LIHELEK)"].value.endswith("%") and "," in metrics["Energiearm (LIHELEK)"].value
    assert "." in metrics["Huishoudens"].value  # Dutch thousands: 45.247
    assert all(len(label) <= 26 for label in metrics), "metric labels short enough never to be cut off"
    assert "Jaar:" in metrics["Huishoudens"].help
    briefings = [b.label for b in at.get("download_button") if b.label.startswith("Notitie")]
    assert briefings == ["Notitie downloaden (PDF)", "Notitie downloaden (HTML)"]


def test_overview_in_english_and_for_a_wijk_and_chosen_buurten():
    at = open_page(PAGES[0], {"lang": "en"})
    assert next(md.value for md in at.markdown if md.value.startswith("In Heerlen")).startswith(
        "In Heerlen an estimated")
    at.selectbox(key="w.ov.area").set_value("WK091710").run()
    assert at.subheader[0].value == "Wijk 10 Maria Gewanden en Terschuren" and at.session_state["ov.area"] == "WK091710"
    assert any(c.value.startswith("2020 · 2 buurten; Heerlen: 45,247.") for c in at.caption)  # beside Heerlen's
    at.multiselect(key="w.ov.buurten").set_value(["BU09171000", "BU09171100"]).run()
    assert at.subheader[0].value == "2 chosen buurten" and at.session_state["ov.buurten"] == ["BU09171000",
                                                                                             "BU09171100"]
    assert len(at.dataframe[0].value) <= 2 and not at.exception


def test_overview_unknown_area_and_buurten_from_a_link_give_a_notice_and_heerlen():
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=120)
    at.session_state["ov.area"] = "<script>"
    at.session_state["ov.buurten"] = ["BU-nonsense"]
    at.run()
    assert not at.exception and len(at.info) >= 2 and at.subheader[0].value == "Heerlen"


def test_overview_pdf_briefing_holds_the_figures_the_overview_shows():
    at = open_page(PAGES[0])
    shown = [m.value for m in at.metric]
    with i18n.language("nl"):
        inputs = briefing_data.inputs()
        doc = briefing.build(**inputs, area=briefing.select(inputs["table"]))
        pdf = briefing_pdf.to_pdf(doc)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join("".join(p.extract_text() for p in reader.pages).split())
    assert len(reader.pages) == 1
    missing = [v for v in shown if "".join(v.split()) not in text]
    assert missing == [] and len(shown) >= 8
    first = next(md.value for md in at.markdown if md.value.startswith("In Heerlen"))
    assert "".join(first.split()) in text  # the same plain sentence as on screen


def _legend(at: AppTest) -> str:
    return livemap.legend(at)


def test_map_indicator_changes_the_legend_and_buurt_pick_shows_profile():
    at = open_page(PAGES[1], {"lang": "en"})
    assert "Energy-poverty index" in _legend(at)
    livemap.choose(at, "gas_m3")
    assert "Gas use per dwelling" in _legend(at)
    assert not at.subheader or "Profile" not in at.subheader[0].value
    at.selectbox(key="w.map.pick").set_value("BU09171000").run()
    assert any(s.value == "Profile: Maria Gewanden" for s in at.subheader)
    profile = at.dataframe[0].value.set_index("indicator")
    assert profile.loc["Gas use per dwelling", "year"] == "2019"


def test_the_map_gets_every_indicator_at_once_within_the_payload_budget_and_a_choice_keeps_its_shapes():
    at = open_page(PAGES[1], {"lang": "en"})
    element, first = livemap.element(at), livemap.data(at)
    sent = sum(len(text.encode()) for text in (element.proto.json, element.proto.js_content,
                                               element.proto.css_content))
    assert sent < 150 * 1024  # the payload budget, every indicator's colours and texts included
    wijk_only = {c.name for c in dictionary.COLUMNS if c.source == "wijken_nl"}  # the national wijken table's
    assert set(first["layers"]) == set(first["options"]) == set(dictionary.map_indicators()) - wijk_only
    assert all(len(layer["c"]) == len(layer["t"]) == 57 for layer in first["layers"].values())
    assert "leaflet" in first["leaflet_js"] and first["leaflet_js"].startswith("/app/static/")  # served here
    livemap.choose(at, "gas_m3")
    second = livemap.data(at)
    assert livemap.element(at).proto.id == element.proto.id  # the same element: the browser keeps its map
    assert second["shapes_key"] == first["shapes_key"] and second["layers"] == first["layers"]
    assert (second["chosen"], second["ack"]) == ("gas_m3", 1)  # the server took the choice over
    livemap.choose(at, "<script>alert(1)</script>", seq=2)  # a value the picker never offers
    assert not at.exception and livemap.chosen(at) == "gas_m3"


def test_map_speaks_dutch_by_default():
    at = open_page(PAGES[1])
    assert at.title[0].value == "Kaartverkenner"
    assert at.selectbox(key="w.map.scheme").label == "Klassenindeling"
    with i18n.language("nl"):
        title = f"{dictionary.label('energy_poverty_index')} ({dictionary.unit('energy_poverty_index')})"
    assert _legend(at).startswith(f"{title} | ")
    assert livemap.data(at)["texts"]["label"] == "Indicator"  # the picker's label: the same word in Dutch
    livemap.choose(at, "household_size")  # one decimal: 2,1 - 2,3 and so on
    legend = _legend(at)
    assert re.search(r"\d,\d - \d,\d", legend) and not re.search(r"\d\.\d - ", legend), legend
    at.selectbox(key="w.map.pick").set_value("BU09173002").run()  # In de Cramer: suppressed figures
    assert any(s.value == "Profiel: In de Cramer" for s in at.subheader)
    profile = at.dataframe[0].value.set_index("indicator")
    with i18n.language("nl"):
        gas = dictionary.label("gas_m3")
    assert profile.loc[gas, "buurt"] == "geen gegevens"


def test_switching_the_language_redraws_the_legend_and_the_map():
    at = open_page(PAGES[1], {"indicator": "gas_m3"})
    assert "geen gegevens" in _legend(at) and re.search(r"\d\.\d{3} - ", _legend(at))  # 1.234 - 1.456
    at.session_state["cfg.lang"] = "en"  # what the sidebar switch sets (AppTest shows no sidebar after switch_page)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Map explorer"
    legend = _legend(at)
    assert "no data" in legend and "geen gegevens" not in legend, legend  # the cached legend keys on the language
    assert re.search(r"\d,\d{3} - ", legend), legend


def _map_codes(at: AppTest) -> list[str]:
    """Codes of the areas the map draws, from the data the map component receives."""
    return livemap.codes(at)


def test_map_wijk_level_draws_the_23_wijken_offers_only_wijk_figures_and_a_wijk_profile():
    at = open_page(PAGES[1], {"lang": "en"})
    assert len(_map_codes(at)) == 57
    at.radio(key="w.map.level").set_value("wijk").run()
    assert not at.exception
    # The index exists per buurt only: the wijk map says so and shows a CBS figure instead.
    assert any("Energy-poverty index (0-100) has no wijk figure" in i.value for i in at.info)
    shown = livemap.data(at)
    options = [shown["titles"][o] for o in shown["options"]]  # what the map's picker offers
    assert shown["chosen"] == "pct_low_income"
    assert "Gas use per dwelling (m³ per dwelling per year)" in options
    assert not any(o.startswith(("Energy-poverty index", "Estimated energy quote")) for o in options)
    codes = _map_codes(at)
    assert len(codes) == 23 and all(c.startswith("WK0917") for c in codes)
    assert "Households with a low income" in _legend(at)
    assert any("exist per buurt only" in n for n in shown["notes"]["pct_low_income"])
    livemap.click(at, "WK091711")  # a click on a wijk opens its profile
    assert any(s.value.startswith("Wijk profile: Wijk 11") for s in at.subheader), [s.value for s in at.subheader]
    at.selectbox(key="buurt_map.wijk").set_value("WK091710").run()
    assert any(s.value == "Wijk profile: Wijk 10 Maria Gewanden en Terschuren" for s in at.subheader)
    profile = at.dataframe[0].value.set_index("indicator")
    assert profile.loc["Gas use per dwelling", "buurt"] == "1,340"  # the wijk's own CBS figure
    assert profile.loc["Gas use per dwelling", "year"] == "2019"
    at.radio(key="w.map.level").set_value("buurt").run()
    assert len(_map_codes(at)) == 57 and livemap.chosen(at) == "pct_low_income"


def test_map_wijk_level_from_a_link_in_dutch():
    at = open_page(PAGES[1], {"level": "wijk", "indicator": "gas_m3"})
    assert not at.exception
    assert at.radio(key="w.map.level").label == "Kaart per" and at.radio(key="w.map.level").value == "wijk"
    assert len(_map_codes(at)) == 23 and "Aardgasverbruik per woning" in _legend(at)
    assert not at.info  # gas use has a wijk figure: nothing was replaced


def test_map_says_where_the_label_estimate_is_weak():
    at = open_page(PAGES[1], {"lang": "en"})
    livemap.choose(at, "pct_label_efg_all")
    captions = " ".join(c.value for c in at.caption)
    assert "The estimate is weak in" in captions and "Husken" in captions
    assert "estimated (raking)" not in captions  # the data's value, said in the user's words
    nl = open_page(PAGES[1], {"indicator": "pct_label_efg_all"})
    captions = " ".join(c.value for c in nl.caption)
    assert "De schatting is zwak in" in captions and "(zwakke schatting)" in captions and "Husken" in captions


def test_map_suppressed_buurt_says_no_data():
    at = open_page(PAGES[1], {"lang": "en"})
    at.selectbox(key="w.map.pick").set_value("BU09173002").run()  # In de Cramer
    profile = at.dataframe[0].value.set_index("indicator")
    assert profile.loc["Gas use per dwelling", "buurt"] == "no data"


def test_map_deep_link_and_odd_query_parameters():
    at = open_page(PAGES[1], {"indicator": "pct_rent", "buurt": "BU09171000", "lang": "en"})
    assert livemap.chosen(at) == "pct_rent"
    assert any(s.value == "Profile: Maria Gewanden" for s in at.subheader)
    odd = open_page(PAGES[1], {"indicator": "<script>x</script>", "buurt": "DROP TABLE"})
    assert not odd.exception  # the notice naming them: tests/app/test_links.py
    assert livemap.chosen(odd) == "energy_poverty_index"
    assert odd.selectbox(key="w.map.pick").value is None


def test_index_weights_change_the_ranking(processed):
    at = open_page(PAGES[2])
    b = processed["buurten"].set_index("buurt_name")

    def only(component):
        for key in COMPONENTS:
            at.slider(key=f"w.cfg.w.{key}").set_value(3.0 if key == component else 0.0)
        at.run()
        return at.dataframe[0].value.iloc[0]["buurt_name"]

    assert only("investment_capacity") == b["pct_rent"].idxmax()
    assert only("social_assistance") == b["pct_social_assistance"].idxmax()
    assert b["pct_rent"].idxmax() != b["pct_social_assistance"].idxmax()


def test_index_normalisation_changes_scores_and_zero_weights_warn():
    at = open_page(PAGES[2], {"lang": "en"})
    scores = at.dataframe[0].value["energy_poverty_index"].tolist()
    at.radio(key="w.cfg.method").set_value("rank").run()
    assert at.dataframe[0].value["energy_poverty_index"].tolist() != scores
    for key in COMPONENTS:
        at.slider(key=f"w.cfg.w.{key}").set_value(0.0)
    at.run()
    assert not at.exception
    assert any("All weights are zero" in w.value for w in at.warning)


def test_rank_stability_chart_is_drawn_only_when_asked_for_and_follows_the_weights():
    at = open_page(PAGES[2], {"lang": "en"})
    charts = lambda: at.get("vega_lite_chart")
    assert not charts()  # the ranking comes first; the 200 perturbed rankings wait for the toggle
    at.toggle(key="idx.stability").set_value(True).run()
    assert not at.exception and len(charts()) == 1
    assert any("200 draws" in c.value for c in at.caption)
    before = charts()[0].proto.SerializeToString()
    at.slider(key="w.cfg.w.low_income").set_value(3.0).run()  # a weight change redraws the shown chart
    assert len(charts()) == 1 and charts()[0].proto.SerializeToString() != before


def test_index_page_speaks_dutch_and_names_no_column():
    at = open_page(PAGES[2])
    assert at.title[0].value == "Index energiearmoede"
    assert [s.value for s in at.subheader][:2] == ["Componenten en gewichten", "Rangorde"]
    assert at.radio(key="w.cfg.method").label == "Normalisatie"
    captions = " ".join(c.value for c in at.caption)
    for comp in COMPONENTS.values():
        assert comp.column not in captions  # the user's words, not the column's name
    with i18n.language("nl"):
        assert dictionary.label(COMPONENTS["lihelek"].column) in captions
    for key in COMPONENTS:
        at.slider(key=f"w.cfg.w.{key}").set_value(0.0)
    at.run()
    assert any("Alle gewichten staan op nul" in w.value for w in at.warning)


def test_settings_survive_a_page_change():
    at = open_page(PAGES[2])
    at.slider(key="w.cfg.w.low_income").set_value(2.5).run()
    at.switch_page(PAGES[0]).run()
    at.switch_page(PAGES[2]).run()
    assert at.slider(key="w.cfg.w.low_income").value == 2.5


def test_data_page_shows_joins_and_coverage():
    at = open_page(PAGES[3], {"lang": "en"})
    frames = [df.value for df in at.dataframe]
    joins = next(f for f in frames if "matched" in f.columns)
    assert (joins.loc[joins["source_year"].str.startswith("KWB"), "matched"] == 57).all()
    coverage = next(f for f in frames if "buurten_without_value" in f.columns)
    assert coverage["which"].str.contains("In de Cramer").any()
    dictionary = next(f for f in frames if "Shown as" in f.columns)
    assert "energy_quote_pct" in set(dictionary["Column"])
    bill = next(md.value for md in at.markdown if md.value.startswith("**Estimated energy bill**"))
    assert "{" not in bill and "giving EUR 0.829 per m3" in " ".join(bill.split())  # placeholders filled, English


def test_data_page_speaks_dutch_with_dutch_numbers():
    at = open_page(PAGES[3], {"lang": "nl"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Data en methode"
    assert {"Bronnen", "Afgeleide indicatoren", "Bekende beperkingen"} <= {h.value for h in at.header}
    text = " ".join(md.value for md in at.markdown)
    assert "dat geeft € 0,829 per m3 en € 0,205 per kWh" in " ".join(text.split())
    assert "### Verduurzamen richten: methode, standaardwaarden en beperkingen" in text
    validation = next(d.value for d in at.dataframe if "describes" in d.value.columns)
    assert "Huishoudens met een hoge energiequote (HEQ), Nederland, 2019" in set(validation["describes"])


def test_missing_processed_data_gives_a_message(monkeypatch):
    from geo.io import processed

    monkeypatch.setattr(processed, "processed_ready", lambda *paths: False)
    at = open_page(PAGES[0])
    assert not at.exception
    assert "make data" in at.error[0].value


def test_data_page_sets_every_model_figure_beside_its_benchmark():
    at = open_page("pages/data_method.py", {"lang": "en"})
    frames = [d.value for d in at.dataframe]
    table = next(f for f in frames if "describes" in f.columns)
    assert {"gap_pct", "tolerance_pct", "within", "reading", "source"} <= set(table.columns)
    described = " ".join(table["describes"])
    assert "LIHELEK" in described and "Majcen" in " ".join(table["source"]) and "corporation" in described
    assert table["within"].all(), table[["figure", "gap_pct"]]
