"""Cells as people write them: numbers, markers, codes and names."""

import math

import pandas as pd
import pytest

from geo.io.layers import values as v


@pytest.mark.parametrize("text, dutch, number", [
    ("12,5", True, 12.5), ("12.5", False, 12.5), ("1.234,5", True, 1234.5), ("1,234.5", False, 1234.5),
    ("1.234", True, 1234.0), ("1,234", False, 1234.0), (" 3 ", False, 3.0), ("-4", False, -4.0),
    ("1 234", True, 1234.0), ("12%", False, 12.0), ("1e3", False, 1000.0),
    (".", False, None), ("x", True, None), ("-", True, None), ("", False, None), ("abc", False, None),
    ("nan", False, None), ("inf", False, None), (float("nan"), False, None), (True, False, None), (7, False, 7.0),
])
def test_numbers_as_written(text, dutch, number):
    assert v.to_number(text, dutch) == number


def test_a_column_with_markers_text_and_negative_counts():
    col = v.numeric_column(pd.Series(["3", ".", "-2", "5", "6", "7", "x", "tekst"]), "aantal woningen")
    assert col.markers == 2 and col.text == 1 and col.text_example == "tekst" and col.negative_counts == 1
    assert math.isnan(col.values[2]) and col.values[0] == 3.0


def test_negative_values_stay_in_a_column_that_is_not_a_count():
    col = v.numeric_column(pd.Series(["-3", "4"]), "saldo")
    assert col.values.tolist() == [-3.0, 4.0] and col.negative_counts == 0


@pytest.mark.parametrize("cell, code", [
    ("BU09171000", "BU09171000"), ("bu0917 1000", "BU09171000"), ("09171000", "BU09171000"),
    ("0917 1000", "BU09171000"), ("9171000", "BU09171000"), (9171000, "BU09171000"), (9171000.0, "BU09171000"),
    ("WK091710", "WK091710"), ("091710", "WK091710"), ("wk 0917 10", "WK091710"),
    ("BU123", None), ("GM0917", None), ("0917", None), ("", None), (None, None), (3.5, None), ("١٢٣٤٥٦٧٨", None),
])
def test_codes_in_their_common_forms(cell, code):
    assert v.buurt_or_wijk(cell) == code


def test_names_match_without_case_accents_or_punctuation():
    assert v.name_key("Heerler-Heide") == v.name_key(" heerler heide ") == v.name_key("Heerler Héide")
