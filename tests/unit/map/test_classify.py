"""Class breaks and legends."""

import numpy as np
import pandas as pd
import pytest

from geo import i18n
from geo.map.classify import NO_DATA_COLOUR, class_colours, classify, format_value, legend, palette


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "natural_breaks"])
def test_every_value_gets_a_class_and_missing_gets_none(scheme):
    values = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 100, np.nan])
    c = classify(values, scheme, 5)
    assert c.k <= 5
    assert c.classes[-1] == -1
    assert all(0 <= k < c.k for k in c.classes[:-1])
    assert c.classes[9] == c.k - 1  # the largest value is in the top class
    assert class_colours(c)[-1] == NO_DATA_COLOUR


def test_schemes_differ_on_skewed_data():
    values = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])
    assert classify(values, "equal_interval", 3).classes != classify(values, "quantiles", 3).classes


def test_fewer_distinct_values_than_classes():
    c = classify(pd.Series([5.0, 5.0, 7.0]), "quantiles", 5)
    assert c.k == 2


def test_all_missing():
    c = classify(pd.Series([np.nan, np.nan]), "quantiles", 5)
    assert c.k == 0 and c.classes == (-1, -1)
    with i18n.language("en"):
        assert legend(c) == [(NO_DATA_COLOUR, "no data")]
    with i18n.language("nl"):
        assert legend(c) == [(NO_DATA_COLOUR, "geen gegevens")]


def test_legend_says_no_data_and_ranges():
    c = classify(pd.Series([0.0, 10.0, np.nan]), "equal_interval", 2)
    with i18n.language("en"):
        rows = legend(c)
    assert rows[0][1] == "0 - 5" and rows[-1][1] == "no data"


def test_legend_numbers_follow_the_language():
    c = classify(pd.Series([0.0, 2500.5, 5001.0]), "equal_interval", 2)
    with i18n.language("nl"):
        assert [label for _colour, label in legend(c, decimals=1)] == ["0,0 - 2.500,5", "2.500,5 - 5.001,0"]
    with i18n.language("en"):
        assert [label for _colour, label in legend(c, decimals=1)] == ["0.0 - 2,500.5", "2,500.5 - 5,001.0"]


def test_palette_is_light_to_dark_and_reversible():
    p = palette(5)
    assert len(set(p)) == 5 and palette(5, reverse=True) == p[::-1]


def test_unknown_scheme():
    with pytest.raises(ValueError):
        classify(pd.Series([1.0]), "jenks-ish")


def test_format_value_in_both_languages():
    with i18n.language("en"):
        assert format_value(1234.5, 1) == "1,234.5" and format_value(np.nan) == "no data"
    with i18n.language("nl"):
        assert format_value(1234.5, 1) == "1.234,5" and format_value(None) == "geen gegevens"
        assert format_value(-0.25, 2) == "-0,25"
