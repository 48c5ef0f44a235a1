"""Retrofit and New-build pages under Streamlit's AppTest; their input checks are tested in tests/unit/targeting.

The pages open in English (``?lang=en``) where a test reads English text; the Dutch tests read what a
Dutch user sees first: Dutch titles, labels, table headers and numbers (1.234, € 1.234).
"""

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import config, i18n
from geo.catalog.sources import COST_PER_STEP_EUR
from geo.params import PACKAGES
from tests.support.apptest import open_app

RETROFIT, NEWBUILD = "pages/retrofit.py", "pages/newbuild.py"
EMPTY_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def open_page(page: str, state: dict | None = None, lang: str = "en") -> AppTest:
    at = open_app(page, {"lang": lang}, state)
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict:
    """Metric label -> value; later metrics with the same label (the budget block) win."""
    return {m.label: m.value for m in at.metric}


def number(text: str) -> float:
    """An English figure as shown ("1,234", "€1,234", "-€12", "75%") as a float."""
    return float(text.replace(",", "").replace("€", "").rstrip("%"))


def headers(at: AppTest, column: str) -> dict:
    """Column name -> header the user reads, of the first shown table with ``column``."""
    table = next(d for d in at.dataframe if column in d.value.columns)
    return {name: c.get("label") for name, c in json.loads(table.proto.columns).items()}


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def warnings(at: AppTest) -> list[str]:
    """Warnings as the user reads them (user text in them is Markdown-escaped by the page)."""
    return [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]


@pytest.mark.real_data
@pytest.mark.parametrize("page", [RETROFIT, NEWBUILD])
def test_page_runs_without_exception(page):
    at = open_page(page)
    assert at.title[0].value == ("Retrofit" if page == RETROFIT else "New-build")
    assert not warnings(at)  # the defaults are valid input
    text = " ".join(md.value for md in at.markdown) + " ".join(c.value for c in at.caption)
    assert "estimate" in text.lower()


@pytest.mark.real_data
def test_budget_changes_the_totals_and_never_exceeds_it():
    at = open_page(RETROFIT)
    seen = {}
    for budget in (5.0, 40.0):
        at.number_input(key="w.rf.budget").set_value(budget).run()
        m = metrics(at)
        seen[budget] = (number(m["Dwellings upgraded"]), number(m["CO₂ saved (t/yr)"]),
                        number(m["Cost (EUR million)"]))
        assert 0 < seen[budget][2] <= budget
    assert all(big > small for small, big in zip(seen[5.0], seen[40.0], strict=True))


@pytest.mark.real_data
def test_dwelling_cap_limits_the_dwellings():
    at = open_page(RETROFIT)
    at.radio(key="w.rf.mode").set_value("dwellings").run()
    at.number_input(key="w.rf.dwellings").set_value(150).run()
    assert 140 <= number(metrics(at)["Dwellings upgraded"]) <= 150


@pytest.mark.real_data
def test_alpha_changes_the_ranking_and_the_chosen_buurten():
    at = open_page(RETROFIT)
    at.number_input(key="w.rf.budget").set_value(20.0).run()
    result = {}
    for alpha in (0.0, 1.0):
        at.slider(key="w.rf.alpha").set_value(alpha).run()
        ranking = frame_with(at, "chosen")
        result[alpha] = (list(ranking["buurt_name"][:5]), set(ranking.loc[ranking["chosen"], "buurt_name"]),
                         number(metrics(at)["Households lifted"]))
    assert result[0.0][0] != result[1.0][0]
    assert result[0.0][1] != result[1.0][1]
    assert result[1.0][2] > result[0.0][2]  # priority on energy poverty lifts more households


@pytest.mark.real_data
def test_better_target_label_saves_more():
    at = open_page(RETROFIT)
    before = number(metrics(at)["Dwellings to upgrade"])
    co2 = number(metrics(at)["CO₂ saved (t/yr)"])
    at.selectbox(key="w.rf.target").set_value("A").run()
    assert number(metrics(at)["Dwellings to upgrade"]) > before
    assert number(next(m.value for m in at.metric if m.label == "CO₂ saved (t/yr)")) > co2


@pytest.mark.real_data
def test_bad_cost_input_gives_messages_and_the_defaults():
    default = open_page(RETROFIT)
    edits = {"edited_rows": {0: {"cost_per_step_eur": "abc"}, 1: {"cost_per_step_eur": -5.0},
                             4: {"cost_per_step_eur": None}}, "added_rows": [], "deleted_rows": []}
    at = open_page(RETROFIT, {"rf.costs": edits})
    texts = warnings(at)
    assert any("detached" in t and "default" in t for t in texts), texts
    assert any("semi-detached" in t and "above zero" in t for t in texts), texts
    assert any("apartment" in t and "empty or not a number" in t for t in texts), texts
    assert metrics(at) == metrics(default)  # every bad cell fell back to its default


@pytest.mark.real_data
def test_a_valid_cost_edit_changes_the_cost():
    default = number(metrics(open_page(RETROFIT))["Dwellings upgraded"])
    edits = {**EMPTY_EDITS, "edited_rows": {r: {"cost_per_step_eur": 500.0} for r in range(5)}}
    at = open_page(RETROFIT, {"rf.costs": edits})
    assert not warnings(at)
    assert number(metrics(at)["Dwellings upgraded"]) > 3 * default  # cheaper steps: more dwellings for the budget


@pytest.mark.real_data
def test_package_switch_changes_gas_electricity_and_both_costs_per_tonne():
    at = open_page(RETROFIT)
    seen = {}
    for package in ("insulate", "hybrid", "all_electric"):
        at.radio(key="w.rf.package").set_value(package).run()
        assert not at.exception, [e.value for e in at.exception]
        m = metrics(at)
        seen[package] = {k: number(m[k].split()[0]) for k in
                         ("Gas saved per dwelling", "Gross per tonne", "Net per tonne")}
        assert any(h.value.startswith(PACKAGES[package]) for h in at.subheader)
        # with 2019 prices the energy saved outweighs the interest the annuity adds, in every package
        assert seen[package]["Net per tonne"] < seen[package]["Gross per tonne"]
    gas = {k: v["Gas saved per dwelling"] for k, v in seen.items()}
    assert gas["insulate"] < gas["hybrid"] < gas["all_electric"]  # heat pumps replace more gas than insulation
    assert len({v["Gross per tonne"] for v in seen.values()}) == 3


@pytest.mark.real_data
def test_price_year_sets_the_two_prices():
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.radio(key="w.cfg.price_year").set_value(2022).run()  # the shared sidebar, shown with the first page
    assert at.session_state["cfg.gas_price"] == pytest.approx(1.37)
    assert at.session_state["cfg.electricity_price"] == pytest.approx(0.105)
    at.switch_page(RETROFIT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Prices of 2022: gas €1.370/m³" in c.value for c in at.caption)


@pytest.mark.real_data
def test_market_view_offers_a_csv_download():
    at = open_page(RETROFIT)
    market = frame_with(at, "dwellings_to_upgrade")
    assert set(market["label"]) == {"E", "F", "G"} and market["estimated"].all()
    assert [b.key for b in at.get("download_button")].count("rf.download") == 1


@pytest.mark.real_data
def test_scenario_and_target_change_the_newbuild_result():
    at = open_page(NEWBUILD)
    need = frame_with(at, "Migration")
    at.number_input(key="w.nb.sc.migration.extra").set_value(500.0).run()
    assert frame_with(at, "Migration")["Migration"].sum() > need["Migration"].sum()
    assert metrics(at)["Progress on 2,500 (2032)"] == "100%"
    at.number_input(key="w.nb.allocate").set_value(2250).run()
    m = metrics(at)
    assert m["Homes in the plan"] == "2,250" and m["Progress on 2,250 (2030)"] == "100%"
    at.number_input(key="w.nb.t2032").set_value(3000).run()
    assert metrics(at)["Progress on 3,000 (2032)"] == "75%"


@pytest.mark.real_data
def test_thinning_share_drives_the_co2_effect():
    at = open_page(NEWBUILD)
    co2 = number(metrics(at)["CO₂ saved (t/yr)"])
    assert co2 > 0
    at.slider(key="w.nb.thinning_share").set_value(0.0).run()
    assert number(metrics(at)["CO₂ saved (t/yr)"]) == 0
    at.slider(key="w.nb.thinning_share").set_value(1.0).run()
    assert number(metrics(at)["CO₂ saved (t/yr)"]) > co2


@pytest.mark.real_data
def test_transformation_location_gets_homes():
    at = open_page(NEWBUILD)
    low = frame_with(at, "score_mixing").iloc[-1]["buurt_name"]  # the lowest score
    assert low not in set(frame_with(at, "replacement_homes")["buurt_name"])
    at.multiselect(key="nb.transformation").set_value([_code_of(low)]).run()
    assert low in set(frame_with(at, "replacement_homes")["buurt_name"])


def _code_of(name: str) -> str:
    from geo.io import processed

    b = processed.read_buurten()
    return b.loc[b["buurt_name"] == name, "buurt_code"].iloc[0]


@pytest.mark.real_data
def test_bad_allocation_input_gives_messages_and_no_exception():
    edits = {**EMPTY_EDITS, "edited_rows": {0: {"homes": "abc"}, 1: {"homes": -5}, 2: {"homes": 40}}}
    at = open_page(NEWBUILD, {"nb.alloc_editor": edits})
    texts = warnings(at)
    assert any("not a number" in t for t in texts), texts
    assert any("cannot be negative" in t for t in texts), texts
    editor = at.data_editor(key="nb.alloc_editor").value
    expected = 2500 - int(editor.loc[2, "suggested"]) + 40
    assert metrics(at)["Homes in the plan"] == f"{expected:,}"


def test_method_markdown_has_every_section_once():
    from geo.report import method

    with i18n.language("en"):
        text = method.targeting_markdown()
    heads = [line for line in text.splitlines() if line.startswith("### ")]
    assert len(heads) == len(set(heads)) == 7
    for needle in ("VIVET", "Majcen", "TNO and CPB (2023)", "largest-remainder", "2,250", "removes all gas use",
                   "jiec.13143", "Installatiemonitor"):
        assert needle in text, needle


@pytest.mark.real_data
def test_data_and_method_shows_the_label_gap_beside_both_benchmarks():
    at = open_page("pages/data_method.py")
    gap = frame_with(at, "model_pct")
    assert set(gap["benchmark_pct"]) == {28.0, 34.0} and gap["within_tolerance"].all()


@pytest.mark.real_data
def test_retrofit_speaks_dutch_by_default_with_dutch_numbers_and_headers():
    at = open_page(RETROFIT, lang="nl")
    assert at.title[0].value == "Verduurzamen"
    assert at.subheader[0].value == "Aannames"
    m = metrics(at)
    assert re.fullmatch(r"−?-?€ \d{1,3}(\.\d{3})*", m["Bruto per ton"]), m["Bruto per ton"]  # € 1.124
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", m["Te verduurzamen"]), m["Te verduurzamen"]  # 33.376
    assert re.fullmatch(r"\d+,\d\d", m["Kosten (mln €)"]) and 0 < float(m["Kosten (mln €)"].replace(",", ".")) <= 20
    assert headers(at, "dwellings_upgraded")["dwellings_upgraded"] == "Te verduurzamen woningen (geschat)"
    assert headers(at, "dwellings_to_upgrade")["build_period"] == "Bouwperiode"
    market = next(b for b in at.get("download_button") if b.key == "rf.download")
    assert market.proto.label == "Download het marktbeeld (CSV, schattingen)"
    costs = at.data_editor(key="rf.costs").value  # rows named in Dutch, the model's types kept for the edits
    assert costs.index.name == "Woningtype" and costs["dwelling_type"].tolist() == list(COST_PER_STEP_EUR)


@pytest.mark.real_data
def test_a_bad_cost_cell_is_explained_in_dutch_with_a_dutch_amount():
    edits = {**EMPTY_EDITS, "edited_rows": {1: {"cost_per_step_eur": -5.0}}}
    texts = warnings(open_page(RETROFIT, {"rf.costs": edits}, lang="nl"))
    assert len(texts) == 1 and texts[0].startswith("Kosten per stap voor "), texts
    assert "moeten boven nul liggen (ingevuld: € -5); de standaardwaarde € " in texts[0], texts


@pytest.mark.real_data
def test_newbuild_speaks_dutch_by_default():
    at = open_page(NEWBUILD, lang="nl")
    assert at.title[0].value == "Nieuwbouw"
    m = metrics(at)
    assert m["Woningen in het plan"] == "2.500" and m["Voortgang op 2.500 (2032)"] == "100%"
    assert headers(at, "Migration")["Migration"] == "Migratie"
    assert headers(at, "replacement_homes")["replacement_homes"] == "Vervangende woningen"
    assert any(md.value == "**Krimpprognose CBS**" for md in at.markdown)
