"""The briefing's inputs from the processed files, as the app computes them."""

import pytest

from geo.params import QuoteThreshold
from geo.report import briefing_data

pytestmark = pytest.mark.real_data


def test_the_inputs_hold_the_index_and_the_headline_indicator_under_the_given_settings():
    base = briefing_data.inputs()
    assert {"energy_poverty_index", "pct_lihelek_households"} <= set(base["table"].columns)
    assert len(base["table"]) == len(base["shapes"]) and "gemeente" in base["gemeente"].columns
    lower = briefing_data.inputs(threshold=QuoteThreshold(8.0))
    assert lower["table"]["pct_heq_households"].sum() > base["table"]["pct_heq_households"].sum()
