"""Links that restore a view, settings that survive a page change, and the reset, under Streamlit's AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from geo import config, links
from geo.params import PACKAGES
from tests.support import livemap

pytestmark = pytest.mark.real_data
OVERVIEW, MAP, INDEX = "pages/overview.py", "pages/map_explorer.py", "pages/energy_poverty_index.py"
RETROFIT, NEWBUILD, METHOD = "pages/retrofit.py", "pages/newbuild.py", "pages/data_method.py"
EMPTY_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
PLANNED = "BU09171000"  # Maria Gewanden
# One value off its default for every setting of the link registry.
EVERYTHING = {
    "lang": "en", "price_year": "2022", "gas": "1.2", "electricity": "0.3", "quote": "8", "normalisation": "rank",
    "missing": "median", "w.lihelek": "0.5", "w.heq": "2", "w.low_income": "1.25", "spread": "0.3",
    "indicator": "gas_m3", "scheme": "equal_interval", "classes": "4", "tiles": "0", "buurt": "BU09171000",
    "level": "wijk", "area": "WK091710", "buurten": "BU09171000,BU09171001", "briefing_map": "gas_m3",
    "target": "A", "co2_gas": "1.8", "co2_electricity": "0.3", "lifetime": "25", "package": "hybrid",
    "hybrid_share": "70", "cop_hybrid": "4", "cop_electric": "3.5", "hybrid_cost": "7000", "heat_pump_cost": "15000",
    "discount": "3", "costs": "apartment:4000", "limit": "dwellings", "budget": "30", "dwellings": "800",
    "priority": "0.8",
    "t2030": "2000", "t2032": "2600", "vacancy": "3", "demolitions": "20", "migration.extra": "300",
    "plus_ambition.ambition": "150", "thinning": "0.4", "replacement": "0.7", "score.mixing": "2",
    "locations": "BU09172000", "top_n": "12", "homes": "2400", "plan": f"{PLANNED}:40",
    "measure": "gm_gas_m3", "gemeente": "GM0928",
    "peak_hybrid": "1.2", "peak_electric": "2", "simultaneity": "0.8", "newbuild_heat": "300", "newbuild_peak": "1.5",
    "capacity": "200", "grid_cap": f"{PLANNED}:50", "reuse": "masonry:20", "materials_map": "t_high_grade",
}


def start(query: dict | None = None, page: str = OVERVIEW) -> AppTest:
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=180)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    if page != OVERVIEW:
        go(at, page)
    return at


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def url(at: AppTest) -> dict:
    """The app's query parameters as one string each."""
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def legend(at: AppTest) -> str:
    return livemap.legend(at)


def editor_value(at: AppTest, key: str, row_col: str, row: str, col: str):
    table = at.data_editor(key=key).value
    return table.loc[table[row_col] == row, col].iloc[0]


def test_the_link_of_this_test_has_every_kind_of_setting():
    # Only more of a kind that is in it (weights, scenario parts), and the municipality (tests/app/test_switch.py).
    left_out = set(links.BY_NAME) - set(EVERYTHING) - {"gm"}
    assert set(EVERYTHING) <= set(links.BY_NAME)
    assert all(n.startswith(("w.", "score.", "cbs_forecast_shrink.", "migration.", "plus_ambition.")) for n in left_out)


def test_a_fresh_session_has_a_short_link_on_every_page():
    # Every page's own defaults equal the registry's, so a link of an untouched view carries nothing.
    at = start()
    assert url(at) == {}
    assert at.sidebar.button[0].label == "Alle instellingen terugzetten"  # Dutch by default
    for page in (MAP, INDEX, RETROFIT, NEWBUILD, METHOD, OVERVIEW):
        go(at, page)
        assert url(at) == {}, page


def test_a_link_with_every_setting_restores_the_view_on_every_page():
    at = start(EVERYTHING)
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert at.sidebar.radio(key="w.lang").value == "en"
    assert at.sidebar.radio(key="w.cfg.price_year").value == 2022
    assert at.sidebar.number_input(key="w.cfg.gas_price").value == pytest.approx(1.2)
    assert at.sidebar.number_input(key="w.cfg.electricity_price").value == pytest.approx(0.3)
    assert at.sidebar.radio(key="w.cfg.threshold").value == 8.0
    assert any("Prices of 2022" in c.value for c in at.sidebar.caption)
    assert at.session_state["ov.area"] == "WK091710"
    assert at.session_state["ov.buurten"] == ["BU09171000", "BU09171001"]

    go(at, MAP)
    assert at.title[0].value == "Map explorer"
    assert livemap.chosen(at) == "gas_m3"
    assert "Gas use per dwelling" in legend(at)
    assert at.selectbox(key="w.map.scheme").value == "equal_interval"
    assert at.slider(key="w.map.k").value == 4
    assert at.toggle(key="w.map.tiles").value is False and at.radio(key="w.map.level").value == "wijk"
    assert any(s.value == "Profile: Maria Gewanden" for s in at.subheader)

    go(at, INDEX)
    assert at.slider(key="w.cfg.w.heq").value == 2.0 and at.slider(key="w.cfg.w.low_income").value == 1.25
    assert at.slider(key="w.cfg.w.lekwi").value == 0.5  # not in the link: its default
    assert at.radio(key="w.cfg.method").value == "rank" and at.radio(key="w.cfg.missing").value == "median"
    assert at.slider(key="idx.spread").value == pytest.approx(0.3)

    go(at, RETROFIT)
    assert at.selectbox(key="w.rf.target").value == "A"
    assert at.number_input(key="w.rf.lifetime").value == 25
    assert at.radio(key="w.rf.package").value == "hybrid"
    assert any(h.value.startswith(PACKAGES["hybrid"]) and "label A" in h.value for h in at.subheader)
    assert at.number_input(key="w.rf.hybrid_share").value == 70.0
    assert at.number_input(key="w.rf.hybrid_cost").value == 7000.0
    assert at.session_state["rf.heat_pump_cost"] == 15000.0  # input of another package, kept for it
    assert editor_value(at, "rf.costs", "dwelling_type", "apartment", "cost_per_step_eur") == 4000.0
    assert at.radio(key="w.rf.mode").value == "dwellings" and at.number_input(key="w.rf.dwellings").value == 800
    assert at.session_state["rf.budget"] == 30.0
    assert at.slider(key="w.rf.alpha").value == pytest.approx(0.8)
    assert at.number_input(key="w.gr.peak_hybrid").value == pytest.approx(1.2)
    assert not at.warning, [w.value for w in at.warning]

    go(at, NEWBUILD)
    assert at.number_input(key="w.nb.t2030").value == 2000 and at.number_input(key="w.nb.t2032").value == 2600
    assert at.number_input(key="w.nb.vacancy").value == 3.0
    assert at.number_input(key="w.nb.sc.migration.extra").value == 300.0
    assert at.number_input(key="w.nb.sc.plus_ambition.ambition").value == 150.0
    assert at.slider(key="w.nb.thinning_share").value == pytest.approx(0.4)
    assert at.slider(key="w.nb.w.mixing").value == 2.0
    assert at.multiselect(key="nb.transformation").value == ["BU09172000"]
    assert at.number_input(key="w.nb.top_n").value == 12 and at.number_input(key="w.nb.allocate").value == 2400
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") == 40
    assert any(m.label.startswith("Progress on 2,600") for m in at.metric)
    assert at.number_input(key="w.gr.newbuild_peak").value == 1.5 and at.number_input(key="w.gr.capacity").value == 200
    assert at.number_input(key="w.gr.simultaneity").value == 0.8
    assert at.number_input(key="w.gr.newbuild_m3").value == 300
    assert editor_value(at, "gr.cap_editor", "buurt_code", PLANNED, "capacity_mw") == 50
    assert editor_value(at, "ci.reuse_editor", "material", "masonry", "high_grade_pct") == 20
    assert at.radio(key="w.ci.map").value == "t_high_grade"

    # After visiting every page the link still holds every setting, as given.
    assert url(at) == EVERYTHING


HOSTILE = {
    "indicator": "<script>alert(1)</script>",  # HTML, unknown indicator
    "buurt": "BU09179999",  # unknown buurt code
    "w.heq": "-2",  # negative weight
    "w.lihelek": "abc",  # not a number
    "w.lekwi": "nan",
    "gas": "inf",
    "classes": "99",  # out of range
    "locations": "BU09170000,<b>x</b>",
    "plan": f"{PLANNED}:-5",
    "reuse": "concrete:250",  # a share above 100 %
    "area": "x" * 5000,  # very long
    "colour": "red",  # unknown parameter
}


def test_hostile_parameters_give_one_notice_and_a_working_page_at_the_defaults():
    at = start(HOSTILE, MAP)
    notice = [w.value for w in at.warning if "link" in w.value]
    assert len(notice) == 1, [w.value for w in at.warning]
    text = notice[0]
    for name in HOSTILE:
        assert name.replace("_", "\\_").replace(".", "\\.") in text, name
    assert "<script>" not in text and "\\<script\\>" in text  # shown as text, never as HTML
    assert "x" * (links.SHOWN_CHARS + 1) not in text  # a long value is cut short
    assert "De link bevat instellingen" in text and "onbekende buurtcode" in text  # Dutch by default
    assert livemap.chosen(at) == "energy_poverty_index"
    assert at.slider(key="w.map.k").value == 5 and at.selectbox(key="w.map.pick").value is None
    assert at.session_state["cfg.w.heq"] == 0.5 and at.session_state["cfg.gas_price"] == pytest.approx(0.829)
    assert url(at) == {}  # the bad parameters are gone from the link
    go(at, NEWBUILD)  # the other pages work too
    assert at.multiselect(key="nb.transformation").value == []
    assert "nb.plan" not in at.session_state or at.session_state["nb.plan"] == {}


def test_repeated_parameters_and_an_unknown_language_fall_back_with_the_notice():
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=180)
    at.query_params["lang"] = ["en", "nl"]
    at.query_params["budget"] = "35"
    at.run()
    assert not at.exception
    assert at.sidebar.radio(key="w.lang").value == "nl"
    assert any("lang" in w.value and "meer dan eens" in w.value for w in at.warning), [w.value for w in at.warning]
    assert url(at) == {"budget": "35"}
    at.sidebar.radio(key="w.cfg.threshold").set_value(8.0).run()
    assert not at.warning  # a changed setting ends the notice


def test_settings_and_edited_tables_survive_page_changes():
    at = start({"lang": "en"}, INDEX)
    at.slider(key="w.cfg.w.heq").set_value(2.5).run()
    at.slider(key="idx.spread").set_value(0.7).run()
    go(at, MAP)
    livemap.choose(at, "pct_rent")
    at.slider(key="w.map.k").set_value(6).run()
    go(at, RETROFIT)
    at.session_state["rf.costs"] = {**EMPTY_EDITS, "edited_rows": {4: {"cost_per_step_eur": 4000.0}}}  # apartment
    at.run()
    at.number_input(key="w.rf.budget").set_value(40.0).run()
    at.radio(key="rf.stock_dim").set_value("build_period").run()
    retrofit_metrics = {m.label: m.value for m in at.metric}
    go(at, NEWBUILD)
    table = at.data_editor(key="nb.alloc_editor").value
    row = int(table.index[table["buurt_code"] == PLANNED][0])
    at.session_state["nb.alloc_editor"] = {**EMPTY_EDITS, "edited_rows": {row: {"homes": 40}}}
    at.run()
    at.multiselect(key="nb.transformation").set_value(["BU09172000"]).run()
    plan_metrics = {m.label: m.value for m in at.metric}
    assert url(at)["plan"] == f"{PLANNED}:40" and url(at)["costs"] == "apartment:4000"

    go(at, OVERVIEW)
    go(at, RETROFIT)
    assert editor_value(at, "rf.costs", "dwelling_type", "apartment", "cost_per_step_eur") == 4000.0
    assert at.number_input(key="w.rf.budget").value == 40.0 and at.radio(key="rf.stock_dim").value == "build_period"
    assert {m.label: m.value for m in at.metric} == retrofit_metrics
    go(at, NEWBUILD)
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") == 40
    assert at.multiselect(key="nb.transformation").value == ["BU09172000"]
    assert {m.label: m.value for m in at.metric} == plan_metrics
    go(at, MAP)
    assert livemap.chosen(at) == "pct_rent" and at.slider(key="w.map.k").value == 6
    go(at, INDEX)
    assert at.slider(key="w.cfg.w.heq").value == 2.5 and at.slider(key="idx.spread").value == 0.7
    assert url(at) == {"lang": "en", "w.heq": "2.5", "spread": "0.7", "indicator": "pct_rent", "classes": "6",
                       "costs": "apartment:4000", "budget": "40", "locations": "BU09172000",
                       "plan": f"{PLANNED}:40"}

    at.sidebar.button[0].click().run()  # Reset all settings, from another page than the ones changed
    assert url(at) == {"lang": "en"}
    assert at.slider(key="w.cfg.w.heq").value == 0.5 and at.slider(key="idx.spread").value == 0.5
    go(at, RETROFIT)
    assert editor_value(at, "rf.costs", "dwelling_type", "apartment", "cost_per_step_eur") != 4000.0
    assert at.radio(key="rf.stock_dim").value == "tenure" and at.number_input(key="w.rf.budget").value == 20.0
    go(at, NEWBUILD)
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") != 40
    assert at.multiselect(key="nb.transformation").value == []


def test_reset_puts_every_setting_edited_table_and_the_link_back_to_the_defaults():
    at = start(EVERYTHING)
    at.session_state["rf.stock_dim"] = "build_period"
    at.session_state["rf.costs"] = {**EMPTY_EDITS, "edited_rows": {0: {"cost_per_step_eur": 9999.0}}}
    at.sidebar.button[0].click().run()  # Reset all settings
    assert not at.exception and not at.warning
    assert url(at) == {"lang": "en"}  # the language stays
    assert at.sidebar.number_input(key="w.cfg.gas_price").value == pytest.approx(0.829)
    assert at.session_state["ov.area"] == links.GEMEENTE and "rf.cost_edits" not in at.session_state
    go(at, RETROFIT)
    assert editor_value(at, "rf.costs", "dwelling_type", "apartment", "cost_per_step_eur") != 4000.0
    assert editor_value(at, "rf.costs", "dwelling_type", "detached", "cost_per_step_eur") != 9999.0
    assert at.radio(key="w.rf.package").value == "insulate" and at.radio(key="rf.stock_dim").value == "tenure"
    go(at, NEWBUILD)
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") != 40
    assert at.multiselect(key="nb.transformation").value == []
    assert at.number_input(key="w.nb.t2030").value == 2250
    go(at, MAP)
    assert livemap.chosen(at) == "energy_poverty_index"
    assert at.selectbox(key="w.map.pick").value is None
    go(at, INDEX)
    assert at.slider(key="w.cfg.w.heq").value == 0.5 and at.slider(key="idx.spread").value == 0.5
    assert url(at) == {"lang": "en"}


def test_back_to_the_suggestion_drops_the_kept_plan():
    at = start({"lang": "en", "plan": f"{PLANNED}:40"}, NEWBUILD)
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") == 40
    at.button(key="nb.reset_plan").click().run()
    assert editor_value(at, "nb.alloc_editor", "buurt_code", PLANNED, "homes") != 40
    assert "plan" not in url(at)
