"""The Monitor indicators on the real Heerlen data, against the published national values and TNO's corporation share.

Band and why: Heerlen has more low incomes than the Netherlands (CBS KWB: 12.5 % of households below the low-income
line in 2018) and is named among the municipalities with the most energy poverty (TNO 2021), so its household-weighted
shares should sit at or above the national 2019 values, but not at several times them: we accept 0.5x to 3x the
national value per indicator (the model's bill leaves out fixed charges and uses 2019 prices, so HEQ and LIHE read
low), and require LIHELEK to be at least the national 8.6 %. TNO: about three quarters of the energy poor rent from a
corporation (2024); Heerlen's corporation share of the stock (37 %) is close to the national one, so we accept
40-90 % and report the value.
"""

import pandas as pd
import pytest

from geo import config
from geo.catalog.benchmarks import BENCHMARKS
from geo.io import processed as processed_data
from geo.metrics import monitor
from geo.params import MonitorSettings, Prices

BAND = (0.5, 3.0)


@pytest.fixture(scope="module")
def summary():
    b = pd.DataFrame(processed_data.read_buurten().drop(columns="geometry")).set_index("buurt_code")
    cells = processed_data.read_table(config.STOCK_CELLS)
    factors = processed_data.read_label_factors()
    year = processed_data.income_year(processed_data.read_metadata())
    table = monitor.add_monitor(b, cells, factors, Prices(), year)
    household_cells = monitor.household_cells(table, cells, factors, Prices(), year, MonitorSettings())
    return table, monitor.gemeente_summary(table, household_cells)


@pytest.mark.real_data
@pytest.mark.parametrize("indicator", ["heq", "lihe", "lilek", "lihelek"])
def test_heerlen_is_within_a_plausible_band_around_the_national_2019_value(summary, indicator):
    _, s = summary
    national = BENCHMARKS[f"{indicator}_nl_2019"].value
    assert BAND[0] * national <= s[indicator]["pct"] <= BAND[1] * national, (indicator, s[indicator], national)
    assert s[indicator]["p05"] <= s[indicator]["pct"] <= s[indicator]["p95"]


@pytest.mark.real_data
def test_heerlen_has_at_least_the_national_share_energy_poor(summary):
    _, s = summary
    assert s["lihelek"]["pct"] >= BENCHMARKS["lihelek_nl_2019"].value
    assert s["lihelek"]["pct"] >= max(s["lihe"]["pct"], s["lilek"]["pct"])


@pytest.mark.real_data
def test_the_share_of_energy_poor_in_corporation_housing_is_reported_near_tno(summary):
    _, s = summary
    tno = BENCHMARKS["energy_poor_in_corporation_housing"].value
    assert 40.0 <= s["corporation_share_of_energy_poor"] <= 90.0, (s["corporation_share_of_energy_poor"], tno)


@pytest.mark.real_data
def test_district_heated_t_loon_now_pays_a_heat_bill_and_suppressed_buurten_stay_missing(summary):
    table, _ = summary
    t = table.set_index("buurt_name")
    assert t.loc["'t Loon", "pct_lihelek_households"] >= 0 and not pd.isna(t.loc["'t Loon", "pct_heq_households"])
    for name in ["In de Cramer", "Terworm", "Imstenrade"]:
        assert pd.isna(t.loc[name, "pct_lihelek_households"])


@pytest.mark.real_data
def test_every_check_of_the_validation_view_holds_its_tolerance(summary):
    from geo.report import validation

    _, s = summary
    failing = [(c.figure, round(c.gap_pct)) for c in validation.monitor_checks(s) if not c.within_tolerance]
    assert failing == []
