"""The change map's colours: falls and rises apart, the worse direction in red, missing in grey."""

import numpy as np
import pandas as pd

from geo import i18n
from geo.map import classify
from ui import trends


def test_falls_and_rises_get_their_own_colours_and_no_change_is_white():
    values = pd.Series([-300.0, -100.0, -50.0, -10.0, 0.0, 5.0, 20.0, 80.0, np.nan])
    with i18n.language("en"):
        fill, rows = trends.diverging(values, 5, 0, worse_up=True)
    labels = [label for _colour, label in rows]
    assert labels[0] == "-300 - -100" and labels[-1] == "no data" and "0" in labels
    assert fill[4] == trends.NO_CHANGE_COLOUR and fill[8] == classify.NO_DATA_COLOUR
    reds, blues = fill[7], fill[0]
    assert int(reds[1:3], 16) > int(reds[5:7], 16)  # the largest rise (worse) is red
    assert int(blues[5:7], 16) > int(blues[1:3], 16)  # the largest fall is blue


def test_where_higher_is_better_a_fall_is_red():
    values = pd.Series([-20.0, -5.0, 3.0, 9.0])
    with i18n.language("en"):
        fill, _rows = trends.diverging(values, 4, 1, worse_up=False)
    assert int(fill[0][1:3], 16) > int(fill[0][5:7], 16)  # a fall of income: red
    assert int(fill[3][5:7], 16) > int(fill[3][1:3], 16)  # a rise: blue
