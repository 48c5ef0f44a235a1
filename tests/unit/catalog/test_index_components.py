"""The index components: each reads a buurt column where higher means more energy poverty."""

from geo.catalog import dictionary
from geo.catalog.index_components import COMPONENTS, MISSING_RULES, NORMALISATIONS


def test_every_component_reads_a_documented_column_where_higher_is_worse():
    # The index normalises every component so that higher = more energy poverty, without flipping any.
    for component in COMPONENTS.values():
        assert dictionary.BY_NAME[component.column].higher_is_worse is True, component.key


def test_the_context_component_is_off_by_default_and_says_so():
    context = COMPONENTS["social_assistance"]
    assert context.default_weight == 0.0 and "weight 0 by default" in context.approximation


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
