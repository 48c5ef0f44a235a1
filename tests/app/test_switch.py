"""The municipality switch: every page for Heerlen, a buurt-level and a wijk-level municipality; the switch itself.

The other two municipalities are built once per session in a temporary folder (tests/conftest.py
``other_municipalities``): Proefstad (GM9917), a replayed refresh built by ``geo.build --gemeente`` and relabelled,
and Wijkdorp (GM9928), a wijk-level folder as ``geo.build --wijk-level`` writes it.
"""

import pytest

from geo import config
from tests.support import livemap
from tests.support import municipalities as tm
from tests.support.apptest import open_app

pytestmark = [pytest.mark.real_data, pytest.mark.usefixtures("with_other_municipalities")]
OVERVIEW, MAP, INDEX = "pages/overview.py", "pages/map_explorer.py", "pages/energy_poverty_index.py"
RETROFIT, NEWBUILD, METHOD, CONTEXT = ("pages/retrofit.py", "pages/newbuild.py", "pages/data_method.py",
                                       "pages/context.py")
PAGES = [OVERVIEW, MAP, INDEX, RETROFIT, NEWBUILD, METHOD, CONTEXT]
MUNICIPALITIES = {config.GEMEENTE_CODE: config.GEMEENTE_NAME, tm.BUURT_CODE: tm.BUURT_NAME,
                  tm.WIJK_CODE: tm.WIJK_NAME}
SWITCH = "w.cfg.gm"


def url(at) -> dict:
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def texts(at, kind: str) -> str:
    return "\n".join(e.value for e in getattr(at, kind))


@pytest.mark.parametrize("code", list(MUNICIPALITIES))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_for_every_municipality_present(page, code):
    at = open_app(page, {"lang": "en", "gm": code})
    name = MUNICIPALITIES[code]
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.selectbox(key=SWITCH).value == code and not at.warning or page == NEWBUILD
    info = texts(at, "info")
    if code == tm.WIJK_CODE and page in (INDEX, RETROFIT, NEWBUILD):
        # A message, never a traceback and never a page pretending to work.
        assert "This page needs buurt data" in info and f"make refresh GM={code}" in info
        assert f"make data GM={code}" in info and not at.dataframe and not at.metric
    if page == OVERVIEW:
        assert at.title[0].value == f"Buurtkompas {name}"
    if page == OVERVIEW and code == tm.WIJK_CODE:
        assert "only wijk figures are present: 3 wijken with Inhabitants" in info
        assert "Not available without buurt data" in info and "the energy-poverty index" in info
        assert list(at.dataframe[0].value.iloc[:, 0]) == ["Centrum", "Noordveld", "Zuidhoek"]
    if page == OVERVIEW and code == tm.BUURT_CODE:
        assert at.selectbox(key="w.ov.area").options[0] == f"All of {name}"
        assert at.subheader[0].value == name
    if page == MAP:
        levels = at.radio(key="w.map.level")
        assert levels.options == (["Wijk"] if code == tm.WIJK_CODE else ["Buurt", "Wijk"])
    if page == MAP and code == tm.WIJK_CODE:
        drawn = livemap.data(at)
        assert drawn["titles"][drawn["options"][0]].startswith("Inhabitants")
        assert sorted(livemap.codes(at)) == sorted(tm.WIJK_NAMES)  # the map draws the municipality's own wijken
        assert f"Only wijk figures are present for {name}" in texts(at, "caption")
    if page == METHOD and code == tm.WIJK_CODE:
        assert "Figures per wijk" in texts(at, "header") and "3 of 3" in at.dataframe[0].value.to_string()
    if page == METHOD and code == tm.BUURT_CODE:
        assert f"No published benchmark ships for {name}" in info
    if page == METHOD and code == config.GEMEENTE_CODE:
        assert "No published benchmark" not in info
    if page == CONTEXT and code != config.GEMEENTE_CODE:
        assert f"{name} is not in the national table of 2022" in texts(at, "caption")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_switch_moves_to_another_municipality_resets_its_buurten_and_goes_back(lang):
    at = open_app(OVERVIEW, {"lang": lang, "buurten": "BU09171000"})
    switch = at.sidebar.selectbox(key=SWITCH)
    assert switch.label == ("Gemeente" if lang == "nl" else "Municipality")
    assert switch.value == config.GEMEENTE_CODE and switch.options[0] == config.GEMEENTE_NAME
    assert switch.options[-1] == tm.WIJK_NAME + (" (alleen wijken)" if lang == "nl" else " (wijken only)")
    assert at.session_state["ov.buurten"] == ["BU09171000"]

    switch.set_value(tm.BUURT_CODE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == f"Buurtkompas {tm.BUURT_NAME}" and url(at).get("gm") == tm.BUURT_CODE
    assert "buurten" not in url(at) and at.session_state["ov.buurten"] == []
    notice = texts(at, "info")
    assert (f"Je ziet nu {tm.BUURT_NAME}" if lang == "nl" else f"Now showing {tm.BUURT_NAME}") in notice
    assert ("de gekozen buurten" if lang == "nl" else "the chosen buurten") in notice
    at.switch_page(RETROFIT).run()  # the cached stock of this municipality, not Heerlen's
    assert not at.exception and at.selectbox(key="rf.stock_buurt").value.startswith("BU9917")
    at.switch_page(MAP).run()
    assert not at.exception and at.selectbox(key="w.map.pick").value is None
    at.switch_page(RETROFIT).run()

    at.sidebar.selectbox(key=SWITCH).set_value(tm.WIJK_CODE).run()
    assert ("gegevens per buurt nodig" if lang == "nl" else "needs buurt data") in texts(at, "info")
    assert not at.exception
    at.switch_page(OVERVIEW).run()
    assert at.title[0].value == f"Buurtkompas {tm.WIJK_NAME}"

    at.sidebar.selectbox(key=SWITCH).set_value(config.GEMEENTE_CODE).run()
    assert at.title[0].value == f"Buurtkompas {config.GEMEENTE_NAME}" and "gm" not in url(at)
    at.switch_page(MAP).run()  # back at buurt level, where the wijk-only municipality had put the map per wijk
    assert not at.exception and at.radio(key="w.map.level").value == "buurt"
    at.switch_page(RETROFIT).run()
    assert at.selectbox(key="rf.stock_buurt").value.startswith("BU0917")


def test_a_link_checks_buurten_against_its_own_municipality_and_an_absent_one_gives_a_notice():
    at = open_app(MAP, {"lang": "en", "gm": tm.BUURT_CODE, "buurt": "BU99171000"})
    assert not at.exception and not at.warning
    assert at.selectbox(key="w.map.pick").value == "BU99171000"
    at = open_app(MAP, {"lang": "en", "gm": tm.BUURT_CODE, "buurt": "BU09171000"})
    assert "buurt=BU09171000 (unknown buurt code)" in texts(at, "warning")
    at = open_app(OVERVIEW, {"lang": "en", "gm": "GM0999"})
    assert "gm=GM0999 (no data of this municipality is present)" in texts(at, "warning")
    assert at.title[0].value == f"Buurtkompas {config.GEMEENTE_NAME}"


def test_the_context_page_follows_the_switch():
    at = open_app(CONTEXT, {"lang": "en"})
    at.sidebar.selectbox(key=SWITCH).set_value(tm.BUURT_CODE).run()
    at.sidebar.selectbox(key=SWITCH).set_value(config.GEMEENTE_CODE).run()
    assert at.selectbox(key="w.ctx.gemeente").value == config.GEMEENTE_CODE and "gemeente" not in url(at)
    at = open_app(CONTEXT, {"lang": "en", "gm": tm.BUURT_CODE, "gemeente": "GM0928"})
    assert at.selectbox(key="w.ctx.gemeente").value == "GM0928"  # a link's own choice wins


def test_the_housing_target_is_the_municipalitys_own_or_an_empty_setting_with_a_prompt():
    at = open_app(NEWBUILD, {"lang": "en"})
    assert at.number_input(key="w.nb.t2030").value == 2250 and at.number_input(key="w.nb.t2032").value == 2500
    assert f"{config.GEMEENTE_NAME} has agreed to build" in texts(at, "markdown")
    at = open_app(NEWBUILD, {"lang": "en", "gm": tm.BUURT_CODE})
    assert not at.exception
    assert at.number_input(key="w.nb.t2030").value is None and at.number_input(key="w.nb.t2032").value is None
    assert f"No published housing target of {tm.BUURT_NAME} ships with this app" in texts(at, "warning")
    at.number_input(key="w.nb.t2030").set_value(900).run()
    at.number_input(key="w.nb.t2032").set_value(1000).run()
    assert not at.exception and url(at)["t2030"] == "900" and url(at)["t2032"] == "1000"
    assert "No published housing target" not in texts(at, "warning")


def test_a_refreshed_municipality_has_its_trends_in_the_profile_and_the_change_map():
    at = open_app(MAP, {"lang": "en", "gm": tm.BUURT_CODE, "buurt": "BU99171000"})
    assert not at.exception and "Over the years: Maria Gewanden" in texts(at, "subheader")
    at.toggle(key="map.change").set_value(True).run()
    assert not at.exception
    assert "buurten have a figure in both years" in texts(at, "caption")


def test_buurten_held_for_a_page_not_shown_do_not_come_back_after_a_switch():
    at = open_app(NEWBUILD, {"lang": "en", "locations": "BU09172000"})
    assert at.session_state["nb.transformation"] == ["BU09172000"]
    at.switch_page(OVERVIEW).run()  # the New-build widget is not drawn: only the held copy keeps it
    at.sidebar.selectbox(key=SWITCH).set_value(tm.BUURT_CODE).run()
    assert "the transformation locations" in texts(at, "info")
    at.switch_page(NEWBUILD).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="nb.transformation").value == [] and "locations" not in url(at)


def test_a_wijk_of_a_wijk_level_municipality_has_its_profile():
    at = open_app(MAP, {"lang": "en", "gm": tm.WIJK_CODE})
    at.selectbox(key="buurt_map.wijk").set_value("WK992802").run()
    assert not at.exception and "Wijk profile: Noordveld" in texts(at, "subheader")
    profile = at.dataframe[-1].value
    assert "1,300" in profile.to_string()  # its households, from the wijk table


@pytest.mark.parametrize("page", [OVERVIEW, MAP])
def test_kerkrade_works_at_wijk_level_from_the_shipped_national_table(page):
    """``make data`` builds the Parkstad neighbours from the national wijken table: Kerkrade's three wijken, 2024."""
    at = open_app(page, {"lang": "nl", "gm": "GM0928"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.selectbox(key=SWITCH).value == "GM0928"
    if page == OVERVIEW:
        assert at.title[0].value == "Buurtkompas Kerkrade"
        assert "Voor Kerkrade zijn alleen cijfers per wijk aanwezig: 3 wijken met Inwoners" in texts(at, "info")
        assert "make refresh GM=GM0928" in texts(at, "info")
        assert list(at.dataframe[0].value.iloc[:, 0]) == ["Wijk 00 Kerkrade-West", "Wijk 01 Kerkrade-Oost",
                                                          "Wijk 02 Kerkrade-Noord"]
    else:
        assert sorted(livemap.codes(at)) == ["WK092800", "WK092801", "WK092802"]
        drawn = livemap.data(at)
        assert drawn["titles"][drawn["chosen"]].startswith("Inwoners")  # a wijk figure, not the buurt index


@pytest.mark.parametrize("lang, heading, why", [
    ("en", "Energy quote settings", "apply to buurt data; Wijkdorp has wijk figures only"),
    ("nl", "Instellingen energiequote", "gelden voor buurtcijfers; Wijkdorp heeft alleen cijfers per wijk"),
])
def test_the_sidebar_offers_energy_quote_settings_only_where_there_are_buurten(lang, heading, why):
    at = open_app(MAP, {"lang": lang, "gm": tm.WIJK_CODE, "gas": "1.5"})
    assert not at.exception
    assert heading not in [s.value for s in at.sidebar.subheader] and not at.sidebar.number_input
    assert any(why in c.value for c in at.sidebar.caption)
    assert url(at)["gas"] == "1.5"  # hidden, not lost: the link keeps it for a switch back
    at.sidebar.selectbox(key=SWITCH).set_value(config.GEMEENTE_CODE).run()
    assert heading in [s.value for s in at.sidebar.subheader]
    assert at.sidebar.number_input(key="w.cfg.gas_price").value == 1.5
