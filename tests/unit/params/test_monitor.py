"""Monitor Energiearmoede settings: the sourced defaults and refused values."""

import pytest

from geo.catalog import sources
from geo.i18n import language
from geo.params import DEFAULT_QUOTE_THRESHOLD_PCT, MonitorSettings


def test_the_defaults_are_the_monitors_sourced_values():
    m = MonitorSettings()
    assert m.quote_pct == DEFAULT_QUOTE_THRESHOLD_PCT == 10.0
    assert m.low_income_factor == sources.MONITOR_LOW_INCOME_FACTOR == 1.3
    assert m.high_cost_single_eur == sources.MONITOR_HIGH_COST_SINGLE_EUR[2019]
    assert MonitorSettings(bottom40_boundary_eur=None).bottom40_boundary_eur is None  # left out of the fit


@pytest.mark.parametrize("change, message", [
    ({"quote_pct": 0.0}, "threshold"),
    ({"low_income_factor": 0.0}, "low_income_factor must be a number above 0"),
    ({"tenure_income_gap": -1.0}, "tenure_income_gap must be a number at least 0"),
    ({"top20_boundary_eur": float("nan")}, "top20_boundary_eur"),
    ({"heat_eur_per_gj": -3.0}, "heat_eur_per_gj"),
])
def test_monitor_settings_refuse_nonsense(change, message):
    with language("en"), pytest.raises(ValueError, match=message):
        MonitorSettings(**change)
