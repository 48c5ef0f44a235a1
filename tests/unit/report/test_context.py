"""Rank, percentile, comparable municipalities and the Parkstad neighbours on small tables built here."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.report import context


def _table() -> pd.DataFrame:
    return pd.DataFrame({
        "gemeente_code": ["GM0917", "GM0928", "GM0882", "GM0001", "GM0002", "GM0003", "GM0004"],
        "gemeente_name": ["Heerlen", "Kerkrade", "Landgraaf", "Big", "Twin", "Rural", "Gap"],
        "gm_inhabitants": [87_000.0, 45_000.0, 37_000.0, 800_000.0, 90_000.0, 85_000.0, np.nan],
        "gm_urbanity": [2.0, 2.0, 3.0, 2.0, 2.0, 5.0, 2.0],
        "gm_address_density": [1830.0, 1757.0, 1456.0, 6000.0, 1900.0, 300.0, np.nan],
        "share": [55.0, 52.0, 43.0, 50.0, 55.0, 30.0, np.nan],
    })


def test_rank_one_is_the_highest_ties_share_it_and_missing_has_no_rank():
    ranked = context.ranking(_table(), "share").set_index("gemeente_code")
    assert ranked.loc["GM0917", "rank"] == ranked.loc["GM0002", "rank"] == 1
    assert ranked.loc["GM0928", "rank"] == 3 and ranked.loc["GM0003", "rank"] == 6
    assert np.isnan(ranked.loc["GM0004", "rank"]) and np.isnan(ranked.loc["GM0004", "percentile"])
    assert list(ranked.index)[-1] == "GM0004"  # no value: last, never counted as the lowest


def test_percentile_is_the_share_of_municipalities_with_a_lower_value():
    pos = context.position(_table(), "share", "GM0917")
    assert (pos["rank"], pos["n"]) == (1, 6)
    assert pos["percentile"] == pytest.approx(100 * 4 / 6, abs=0.1)  # 52, 43, 50, 30 are lower
    assert context.position(_table(), "share", "GM0003")["percentile"] == 0


def test_a_municipality_without_a_value_has_no_position_but_keeps_its_name():
    pos = context.position(_table(), "share", "GM0004")
    assert pos["value"] is None and pos["rank"] is None and pos["name"] == "Gap" and pos["n"] == 6


def test_comparable_municipalities_share_the_urbanity_class_and_are_closest_in_size():
    rows, basis = context.comparable(_table(), "GM0917", n=3)
    assert basis == "urbanity"
    assert rows["gemeente_code"].tolist() == ["GM0002", "GM0928", "GM0001"]  # class 2; Rural (class 5) never
    assert "GM0917" not in set(rows["gemeente_code"]) and "GM0004" not in set(rows["gemeente_code"])


def test_without_an_urbanity_class_address_density_decides():
    table = _table()
    table.loc[table["gemeente_code"] == "GM0917", "gm_urbanity"] = np.nan
    rows, basis = context.comparable(table, "GM0917", n=2)
    assert basis == "density" and rows["gemeente_code"].tolist() == ["GM0002", "GM0928"]


def test_neighbours_keep_the_order_and_name_the_codes_the_table_lacks():
    rows, missing = context.neighbours(_table(), ["GM0928", "GM0917", "GM1954"])
    assert rows["gemeente_name"].tolist() == ["Kerkrade", "Heerlen"] and missing == ["GM1954"]


def test_the_context_table_lists_each_municipality_once_selected_first():
    rows, basis = context.context_table(_table(), "share", "GM0917", n_comparable=3,
                                        parkstad=("GM0917", "GM0928", "GM0882"))
    assert rows["gemeente_code"].tolist() == ["GM0917", "GM0928", "GM0882", "GM0002", "GM0001"]
    assert rows["group"].tolist() == ["self", "parkstad", "parkstad", "comparable", "comparable"]
    assert rows.loc[0, "rank"] == 1 and basis == "urbanity"


def test_an_unknown_code_or_indicator_is_a_key_error():
    with pytest.raises(KeyError):
        context.comparable(_table(), "GM9999")
    with pytest.raises(KeyError):
        context.ranking(_table(), "nope")
