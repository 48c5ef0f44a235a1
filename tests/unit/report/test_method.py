"""The method texts of the Data & method page: Markdown files in docs/method with their figures filled in."""

import re

import pytest

from geo import config
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
    text = method.targeting_markdown()
    heads = [line for line in text.splitlines() if line.startswith("### ")]
    assert heads == [
        "### Retrofit targeting: method, defaults and limits",
        "### Income model of the retrofit, and the gross-income proxy",
        "### Retrofit costs and budget allocation",
        "### New-build targeting: method, defaults and limits",
        "### Retrofit and New-build pages: what the pages add",
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
    assert method.section("braces") == "A set {1, 2} costs EUR 3,170."
    assert method.placeholders_in("braces") == {"cost_per_step_apartment_eur"}
