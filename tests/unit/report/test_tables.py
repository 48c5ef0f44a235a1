"""Every column the targeting pages show exists in the model's output, with a label and a valid format."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.report import tables
from geo.targeting import budget as rb
from geo.targeting import inputs
from geo.targeting import newbuild_score as ns
from geo.targeting import retrofit as r
from geo.targeting import savings as rs
from tests.support.retrofit_cells import income_of

KINDS = {"progress", "check", "text"}


def buurten() -> pd.DataFrame:
    rows = []
    for code, gas, owner in [("BU1", 1500.0, 80.0), ("BU2", 1100.0, 20.0)]:
        rows.append({"buurt_code": code, "buurt_name": f"Buurt {code}", "households": 100.0, "dwellings": 100.0,
                     "gas_m3": gas, "gas_m3_mid_terrace": gas, "electricity_kwh": 2500.0,
                     "income_per_inhabitant_keur": 20.0, "household_size": 2.0, "pct_low_income": 15.0,
                     "pct_owner_occupied": owner, "pct_social_rent": 90.0 - owner, "pct_private_rent": 10.0})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def outputs() -> dict[str, pd.DataFrame]:
    b = buurten()
    factors = pd.DataFrame({"dwelling_type": r.ALL, "build_period": r.ALL, "label": list(r.LABELS),
                            "factor": [0.8, 0.9, 1.0, 1.05, 1.1, 1.15, 1.2]})
    stock = pd.DataFrame({"buurt_code": ["BU1", "BU1", "BU2", "BU2"], "dwelling_type": "mid-terrace",
                          "build_period": "1946-1964", "tenure": ["owner-occupied", "social rent"] * 2,
                          "label": ["G", "B", "E", "C"], "dwellings": [40.0, 60.0, 70.0, 30.0]})
    cells = rb.add_costs(rs.cell_savings(stock, b, factors, income=income_of(b)))
    names = b.set_index("buurt_code")["buurt_name"].to_dict()
    scores = ns.newbuild_scores(b, cells)
    effects, _ = ns.newbuild_effects(pd.Series({"BU1": 20.0}), scores, b)
    return {
        "RETROFIT_BUURTEN": rs.add_share_of_co2(
            rb.cost_effectiveness(rs.buurt_savings(cells, b), cells), b
        ),
        "RANKING": rb.ranking_with_names(rb.allocate(cells, budget_eur=1e9), names),
        "MARKET": rb.market_volume(cells).assign(buurt_name=lambda m: m["buurt_code"].map(names)),
        "NEWBUILD_SCORES": scores,
        "NEWBUILD_EFFECTS": effects.assign(buurt_name=lambda t: t["buurt_code"].map(names)),
        "COST_EDITOR": inputs.cost_table(),
        "ALLOCATION_EDITOR": inputs.allocation_table(names, scores, ns.suggest_over_best(scores, 50, 2)),
        "LABEL_GAP": r.label_gap_beside_benchmarks(factors),
        "LABEL_GAP_BY_TYPE": r.label_gaps_by_type(factors),
    }


@pytest.mark.parametrize("table", ["RETROFIT_BUURTEN", "RANKING", "MARKET", "NEWBUILD_SCORES", "NEWBUILD_EFFECTS",
                                   "COST_EDITOR", "ALLOCATION_EDITOR", "LABEL_GAP",
                                   "LABEL_GAP_BY_TYPE"])
def test_every_shown_column_is_in_the_model_output(outputs, table):
    spec = getattr(tables, table)
    assert set(spec) <= set(outputs[table].columns), set(spec) - set(outputs[table].columns)


@pytest.mark.parametrize("table", ["MARKET", "COST_EDITOR", "ALLOCATION_EDITOR", "LABEL_GAP", "LABEL_GAP_BY_TYPE"])
def test_tables_shown_whole_label_every_column(outputs, table):
    assert set(getattr(tables, table)) == set(outputs[table].columns)


def test_every_column_has_a_label_and_a_number_format_or_a_kind():
    shown = [v for k, v in vars(tables).items() if k.isupper() and isinstance(v, dict)]
    assert len(shown) == 9
    for spec in shown:
        for value in spec.values():
            label, *rest = (value,) if isinstance(value, str) else value
            assert isinstance(label, str) and label
            if rest:
                assert rest[0] in KINDS or (rest[0].startswith("%") and rest[0][-1] in "fd"), value
                assert len(rest) == 1 or isinstance(rest[1], dict)


def test_every_label_has_a_dutch_translation_and_keeps_its_placeholder():
    from geo import i18n
    from geo.i18n import _
    from geo.targeting.newbuild import MIN_HOUSEHOLDS

    shown = [v for k, v in vars(tables).items() if k.isupper() and isinstance(v, dict)]
    labels = {value if isinstance(value, str) else value[0] for spec in shown for value in spec.values()}
    with i18n.language("nl"):
        dutch = {label: _(label) for label in labels}
        eligible = _(tables.NEWBUILD_SCORES["eligible"][0]).format(n=MIN_HOUSEHOLDS)
    same = {"Buurt", "Code", "Score"}  # the same word in both languages
    assert [label for label, text in dutch.items() if text == label and label not in same] == []
    assert dutch["Dwelling type"] == "Woningtype" and dutch["Cost (EUR)"] == "Kosten (€)"
    assert eligible == f"≥ {MIN_HOUSEHOLDS} huishoudens"
