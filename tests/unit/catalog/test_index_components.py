"""The index components: each reads a buurt column where higher means more energy poverty."""

from geo.catalog import dictionary
from geo.catalog.index_components import (
    COMPONENTS,
    MISSING_RULES,
    NORMALISATIONS,
    missing_rule,
    missing_rule_name,
    normalisation,
    normalisation_name,
)
from geo.i18n import language


def test_every_component_reads_a_documented_column_where_higher_is_worse():
    # The index normalises every component so that higher = more energy poverty, without flipping any.
    for component in COMPONENTS.values():
        assert dictionary.BY_NAME[component.column].higher_is_worse is True, component.key


def test_the_context_component_is_off_by_default_and_says_so():
    context = COMPONENTS["social_assistance"]
    assert context.default_weight == 0.0
    with language("en"):
        assert "weight 0 by default" in context.display_approximation()
    with language("nl"):
        assert "standaard gewicht 0" in context.display_approximation()


def test_by_default_the_index_weighs_household_level_monitor_conjunctions_only():
    # Issue 10: the index is built from the Monitor's household-level indicators; the buurt-share proxies stay
    # selectable at weight 0.
    on = {k for k, c in COMPONENTS.items() if c.default_weight > 0}
    assert on == {"lihelek", "heq", "lekwi"}
    assert all(COMPONENTS[k].column.endswith("_households") for k in on)
    assert {"low_income", "energy_quote", "energy_quality", "investment_capacity"} <= set(COMPONENTS)


def test_every_choice_on_the_index_page_has_a_description():
    assert list(NORMALISATIONS) == ["minmax", "rank", "zscore"]
    assert list(MISSING_RULES) == ["reweight", "median", "exclude"]
    assert all(text.strip() for text in [*NORMALISATIONS.values(), *MISSING_RULES.values()])


def test_the_index_page_texts_come_out_in_the_language_in_force():
    with language("nl"):
        assert [normalisation_name(k) for k in NORMALISATIONS] == ["Min-max", "Rang", "Z-score"]
        assert [missing_rule_name(k) for k in MISSING_RULES] == ["Herwegen", "Mediaan van de buurten", "Uitsluiten"]
        assert missing_rule("exclude") == "Geen index voor een buurt waarvan een onderdeel ontbreekt"
        assert normalisation("rank").startswith("Rang: percentielrang")
        heq = COMPONENTS["heq"]
        assert heq.display_label() == "Hoge energiequote (HEQ)"
        assert heq.display_indicator().startswith("HEQ: energierekening / besteedbaar inkomen")
    with language("en"):
        assert normalisation_name("zscore") == "Z-score" and missing_rule_name("reweight") == "Re-weight"
        assert COMPONENTS["heq"].display_label() == "High energy quote (HEQ)"


def test_every_component_label_is_short_enough_for_a_slider_in_both_languages():
    for lang in ("nl", "en"):
        with language(lang):
            too_long = [c.display_label() for c in COMPONENTS.values() if len(c.display_label()) > 38]
        assert too_long == [], lang
