"""The method texts of the Data & method page: Markdown files in docs/method with their figures filled in."""

import re

import pandas as pd
import pytest

from geo import config, i18n
from geo.i18n.markdown import blocks
from geo.i18n.translate import catalogue
from geo.report import method

PAGE = config.ROOT / "pages" / "data_method.py"


def flat(text: str) -> str:
    """Join the lines of a text with spaces, as Markdown shows a paragraph."""
    return " ".join(text.split())


def test_every_placeholder_in_every_text_is_known_and_filled():
    known = set(method.placeholders())
    used = set()
    for name in method.section_names():
        names = method.placeholders_in(name)
        assert names <= known, (name, names - known)
        used |= names
        text = method.section(name)
        assert "{" not in text and "}" not in text, name
    assert used == known  # no value is kept for a text that no longer names it


def test_the_readme_lists_every_placeholder_and_every_text():
    readme = (method.METHOD_DIR / "README.md").read_text(encoding="utf-8")
    for name in method.placeholders():
        assert f"`{{{name}}}`" in readme, name
    for name in method.section_names():
        assert f"`{name}.md`" in readme, name


def test_the_page_shows_each_text_once():
    source = PAGE.read_text(encoding="utf-8")
    shown = re.findall(r'method\.section\("(\w+)"\)', source)
    assert source.count("method.targeting_markdown()") == 1
    shown += method.TARGETING_SECTIONS
    assert sorted(shown) == method.section_names()


def test_the_texts_show_the_figures_the_page_showed_before():
    with i18n.language("en"):
        _english_figures()


def _english_figures():
    assert "giving EUR 0.829 per m3 and EUR 0.205 per kWh" in flat(method.section("indicators"))
    assert "gas converted at 31.6 m3 per GJ" in flat(method.section("indicators"))
    assert "tolerance 8 m in RD New) and rounded to 5 decimals (~1 m)" in method.section("simplification")
    retrofit = flat(method.section("retrofit"))
    assert "a label with fewer than 30 dwellings in a type gets none" in retrofit
    assert "at the same dwelling type and floor area" in retrofit and "~34 %" in retrofit
    assert "replaces 60 % of today's gas use" in retrofit and "COP 3.0" in retrofit
    assert "to target T (default B) saves" in retrofit
    assert "Gas 0.829 EUR/m3 and electricity 0.205 EUR/kWh (CBS StatLine 81309NED" in retrofit
    assert "CO2: natural gas 1.78 kg/m3, electricity 0.48 kg/kWh (ISSO publicatie 82" in retrofit
    assert "Majcen" in retrofit
    costs = flat(method.section("retrofit_costs"))
    assert ("detached EUR 11,000, semi-detached 6,670, end-terrace 5,000, mid-terrace 5,330, apartment 3,170. "
            "TNO and CPB (2023)") in costs
    assert "Gross EUR per tonne" in costs and "Net national cost per tonne" in costs and "(2.25 %)" in costs
    assert "(yearly CO2 saving x 30 years)" in costs
    newbuild = flat(method.section("newbuild"))
    assert "runs linearly from 0 in 2022 to 2,250 in 2030 and 2,500 in 2032" in newbuild
    assert "applied to Heerlen (-0.115 % a year)" in newbuild
    assert "(ratio 0.5, setting)" in newbuild and "adding 10% of the stock" in newbuild
    assert "fewer than 50 households" in newbuild and "Effects: 50% of a buurt's homes" in newbuild
    assert "gas x 1.78 kg/m3 (new homes assumed gas-free)" in newbuild
    income = flat(method.section("income"))
    line = "Low-income line: CBS low-income threshold (lage-inkomensgrens) for a single person: EUR 1,010/month in 2013"
    assert line in income
    stock = method.section("stock")
    assert "registered" in stock and "57 %" in stock


def test_the_models_section_has_each_model_once_in_page_order():
    with i18n.language("en"):
        text = method.targeting_markdown()
    heads = [line for line in text.splitlines() if line.startswith("### ")]
    assert heads == [
        "### Retrofit targeting: method, defaults and limits",
        "### Income model of the retrofit, and the gross-income proxy",
        "### Retrofit costs and budget allocation",
        "### New-build targeting: method, defaults and limits",
        "### Retrofit and New-build pages: what the pages add",
        "### Circular building: materials the new-build plan releases",
        "### Grid load of heat pumps and all-electric new homes",
    ]


@pytest.mark.parametrize("text, complaint", [("Costs: {no_such_value}.", "no_such_value"), ("A set {1, 2.", "{{")])
def test_a_mistyped_placeholder_names_the_file(tmp_path, monkeypatch, text, complaint):
    (tmp_path / "broken.md").write_text(text, encoding="utf-8")
    monkeypatch.setattr(method, "METHOD_DIR", tmp_path)
    with pytest.raises(ValueError, match="broken.md") as err:
        method.section("broken")
    assert complaint in str(err.value)


def test_a_doubled_brace_is_a_literal_brace(tmp_path, monkeypatch):
    (tmp_path / "braces.md").write_text("A set {{1, 2}} costs EUR {cost_per_step_apartment_eur}.\n", encoding="utf-8")
    monkeypatch.setattr(method, "METHOD_DIR", tmp_path)
    with i18n.language("en"):
        assert method.section("braces") == "A set {1, 2} costs EUR 3,170."
    with i18n.language("nl"):  # an untranslated block stays English, its number is still in the Dutch format
        assert method.section("braces") == "A set {1, 2} costs EUR 3.170."
    assert method.placeholders_in("braces") == {"cost_per_step_apartment_eur"}


def test_every_block_of_every_method_text_has_a_dutch_translation():
    dutch = catalogue("nl")
    untranslated = [(name, block[:60]) for name in method.section_names()
                    for _line, block in blocks((method.METHOD_DIR / f"{name}.md").read_text(encoding="utf-8"))
                    if not dutch.get(block)]
    assert untranslated == []


def test_the_texts_come_out_dutch_with_dutch_numbers_in_their_placeholders():
    with i18n.language("nl"):
        indicators = flat(method.section("indicators"))
        costs = flat(method.section("retrofit_costs"))
        newbuild = flat(method.section("newbuild"))
        heads = [line for line in method.targeting_markdown().splitlines() if line.startswith("### ")]
    assert indicators.startswith("**Geschatte energierekening** (euro per woning per jaar)")
    assert "gas omgerekend met 31,6 m3 per GJ" in indicators
    assert "dat geeft € 0,829 per m3 en € 0,205 per kWh" in indicators
    assert "huishoudens, transactieprijs incl. btw" in indicators  # the price source is translated too
    assert "vrijstaand € 11.000, twee-onder-een-kap € 6.670" in costs and "(2,25 %)" in costs
    assert "van 0 in 2022 naar 2.250 in 2030 en 2.500 in 2032" in newbuild  # years stay plain, counts get a dot
    assert "{" not in costs + newbuild + indicators
    assert heads[0] == "### Verduurzamen richten: methode, standaardwaarden en beperkingen"


def test_placeholders_follow_the_language():
    with i18n.language("en"):
        english = method.placeholders()
    with i18n.language("nl"):
        dutch = method.placeholders()
    assert (english["gas_price_eur_per_m3"], dutch["gas_price_eur_per_m3"]) == ("0.829", "0,829")
    assert (english["target_2030"], dutch["target_2030"]) == ("2,250", "2.250")
    assert (english["tenure_income_gap"], dutch["tenure_income_gap"]) == ("1.37 standard deviations",
                                                                          "1,37 standaarddeviaties")
    assert english["current_price_year"] == dutch["current_price_year"] == "2022"
    assert dutch["cost_source"].startswith("TNO en CPB (2023)")


def test_tables_have_the_columns_their_headers_name():
    joins = {"KWB 2019": {"matched": 57, "polygons_without_statistics": [], "statistics_without_polygon": ["X"]}}
    assert list(method.join_table(joins)) == list(method.JOIN_TABLE)
    assert method.join_table(joins).iloc[0]["polygons_without_statistics"] == "–"
    assert list(method.sources_table()) == list(method.SOURCES_TABLE)
    assert list(method.components_table()) == list(method.COMPONENTS_TABLE)
    coverage = method.coverage_table({"a": ["P", "Q"], "b": ["R"], "c": []}, {"a": "Income"})
    assert list(coverage) == list(method.COVERAGE_TABLE) and list(coverage["indicator"]) == ["Income", "b"]
    assert list(method.coverage_table({}, {})) == list(method.COVERAGE_TABLE)


def test_the_source_table_speaks_dutch_and_keeps_publication_titles():
    with i18n.language("nl"):
        table = method.sources_table().set_index("raw_folder")
    assert table.loc["data/raw/cbs_kwb_heerlen_2016_2020", "period"] == "edities 2016-2020"
    assert table.loc["data/raw/cbs_uitkeringen_heerlen_85586NED", "source"] == (
        "Personen met een uitkering; wijken en buurten")


def _stock_tables():
    validation = pd.DataFrame({
        "buurt_code": ["BU1", "BU2"], "buurt_name": ["Noord", "Zuid"], "gas_m3_measured": [1200.0, None],
        "gas_m3_predicted": [1300.0, 900.0], "gas_m3_error_pct": [8.3, None],
        "margins_used": ["tenure, type, period", "none"], "estimate_quality": ["good", "weak"],
        "estimate_reason": ["internal", "internal"],
    })
    checks = pd.DataFrame({
        "check": ["totals", "gas by type and tenure"], "buurt_code": [None, "BU2"],
        "group": ["label (all, imputed)", "dwelling type"], "category": ["A", "mid-terrace"],
        "estimate": [10.0, 900.0], "reference": [11.0, 1000.0], "ratio": [0.9, 0.9],
        "deviation_pct": [-9.1, -10.0], "within_tolerance": [True, True],
    })
    return validation, checks


def test_the_stock_checks_show_user_words_not_build_terms():
    validation, checks = _stock_tables()
    with i18n.language("nl"):
        shown = method.stock_validation_table(validation)
        rows = method.stock_checks_table(checks, validation)
    assert list(shown) == list(method.STOCK_VALIDATION_TABLE) and "estimate_reason" not in shown
    assert list(shown["margins_used"]) == ["eigendomsvorm, type, bouwperiode", "geen"]
    assert list(shown["estimate_quality"]) == ["goed", "zwak"]
    assert list(rows) == list(method.STOCK_CHECKS_TABLE)
    assert list(rows["buurt_name"]) == ["hele gemeente", "Zuid"]
    assert list(rows["check"]) == ["totalen van de gemeente", "gasverbruik per type en eigendomsvorm"]
    assert list(rows["category"]) == ["A", "tussenwoning"]
    with i18n.language("en"):
        assert list(method.stock_checks_table(checks, validation)["group"]) == ["label (all, imputed)", "dwelling type"]


def test_every_stock_term_and_table_header_has_a_dutch_translation():
    dutch = catalogue("nl")
    labels = [*method.STOCK_TERMS.values(), *method.STOCK_BASIS.values()]
    for spec in (method.SOURCES_TABLE, method.COMPONENTS_TABLE, method.JOIN_TABLE, method.COVERAGE_TABLE,
                 method.STOCK_VALIDATION_TABLE, method.STOCK_CHECKS_TABLE):
        labels += [v if isinstance(v, str) else v[0] for v in spec.values()]
    assert [label for label in labels if not dutch.get(label)] == []


def test_the_join_table_names_each_source_in_the_users_language():
    joins = {"KWB 2019": {"matched": 57, "polygons_without_statistics": [], "statistics_without_polygon": []},
             "Benefits 2024": {"matched": 56, "polygons_without_statistics": ["BU1"], "statistics_without_polygon": []}}
    with i18n.language("nl"):
        table = method.join_table(joins)
    assert list(table["source_year"]) == ["KWB 2019", "Uitkeringen 2024"]
    assert table.loc[1, "polygons_without_statistics"] == "BU1"
