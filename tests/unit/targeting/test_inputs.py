"""The editable tables of the targeting pages: what the user starts with and how bad cells are handled."""

from __future__ import annotations

import pandas as pd

from geo import i18n
from geo.catalog import sources
from geo.targeting import inputs


def test_cost_table_lists_every_dwelling_type_with_its_default():
    t = inputs.cost_table()
    assert dict(zip(t["dwelling_type"], t["cost_per_step_eur"], strict=True)) == sources.COST_PER_STEP_EUR


def test_validate_costs_falls_back_per_cell():
    table = pd.DataFrame({"dwelling_type": list(sources.COST_PER_STEP_EUR),
                          "cost_per_step_eur": ["abc", -1, None, "1e9", "12,000"]})
    with i18n.language("en"):
        costs, messages = inputs.validate_costs(table)
    d = sources.COST_PER_STEP_EUR
    assert costs == {**d, "mid-terrace": d["mid-terrace"], "apartment": 12_000.0}
    assert len(messages) == 4
    for message, dtype in zip(messages, ["detached:", "semi-detached ", "end-terrace ", "mid-terrace "], strict=True):
        assert message.startswith(f"Cost per step for {dtype}"), message
    assert "typing error" in messages[3] and "€200,000" in messages[3]


def test_a_dutch_user_reads_the_cost_messages_in_dutch_with_euro_amounts():
    table = pd.DataFrame({"dwelling_type": list(sources.COST_PER_STEP_EUR), "cost_per_step_eur": [None, -1, 1, 1, 1]})
    with i18n.language("nl"):
        costs, messages = inputs.validate_costs(table)
    default = i18n.money(sources.COST_PER_STEP_EUR["detached"])
    assert messages[0].startswith("Kosten per stap voor ") and f"de standaardwaarde {default}" in messages[0]
    assert "€ " in default and "moeten boven nul liggen (ingevuld: € -1)" in messages[1], messages


def test_allocation_table_lists_buurten_by_name_with_the_suggestion():
    names = {"BU2": "Zuid", "BU1": "Noord", "BU3": "Midden"}
    scores = pd.DataFrame({"buurt_code": ["BU1", "BU2", "BU3"], "score": [0.12345, 1.0, 0.0]})
    t = inputs.allocation_table(names, scores, pd.Series({"BU1": 40, "BU2": 60}))
    assert t["buurt_name"].tolist() == ["Midden", "Noord", "Zuid"]
    assert t["suggested"].tolist() == [0, 40, 60] and t["homes"].tolist() == t["suggested"].tolist()
    assert t.loc[1, "score"] == 0.123


def test_validate_allocation_keeps_good_cells_and_explains_bad_ones():
    table = pd.DataFrame({"buurt_code": list("abcde"), "buurt_name": list("ABCDE"), "homes": [10, "x", -3, None, 2.6]})
    suggestion = pd.Series({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
    with i18n.language("en"):
        plan, messages = inputs.validate_allocation(table, suggestion)
    assert plan.to_dict() == {"a": 10, "b": 2, "c": 3, "d": 4, "e": 3}
    assert len(messages) == 4 and "rounded to 3" in messages[-1]


def test_allocation_messages_speak_dutch_with_dutch_numbers():
    table = pd.DataFrame({"buurt_code": ["a", "b"], "buurt_name": ["Noord", "Zuid"], "homes": [-3, 2.6]})
    with i18n.language("nl"):
        plan, messages = inputs.validate_allocation(table, pd.Series({"a": 1200, "b": 5}))
    assert plan.to_dict() == {"a": 1200, "b": 3}
    assert messages == ["Noord: het aantal woningen kan niet negatief zijn (-3); het voorstel (1.200) wordt gebruikt.",
                        "Zuid: 2,60 is geen heel aantal woningen; afgerond op 3."]
