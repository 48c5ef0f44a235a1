"""The Monitor indicators per buurt: hand-counted tiny buurt, the income fit, and properties of the rules."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.stats import norm

from geo import vocab
from geo.metrics import household_income, monitor
from geo.metrics.income import low_income_line_single
from geo.params import MonitorSettings, Prices

YEAR = 2018
PRICES = Prices(1.0, 0.25)
NO_GAP = MonitorSettings(tenure_income_gap=0.0)


def _factors(values=None) -> pd.DataFrame:
    """Label factors of apartments only: 1 for every label unless given."""
    values = values or {label: 1.0 for label in vocab.LABELS}
    factor = list(values.values())
    return pd.DataFrame({"dwelling_type": "apartment", "build_period": "1946-1964", "label": list(values),
                         "factor_raw": factor, "n": 10, "level": "type", "factor": factor})


def _tiny(labels=("B", "F"), tenures=("owner-occupied", "social rent")):
    """One buurt, 100 one-person households in two cells of 50 apartments, 1,000 m3 gas and 2,000 kWh each."""
    buurten = pd.DataFrame({
        "households": [100.0], "household_size": [1.0], "gas_m3": [1000.0], "electricity_kwh": [2000.0],
        "pct_low_income": [20.0], "pct_bottom40_households": [60.0], "pct_top20_households": [10.0],
    }, index=pd.Index(["BU1"], name="buurt_code"))
    cells = pd.DataFrame({
        "buurt_code": "BU1", "dwelling_type": "apartment", "build_period": "1946-1964",
        "tenure": list(tenures), "label_class": list(labels), "dwellings": [50.0, 50.0],
    })
    # Incomes: ln Y ~ N(ln(1.3 x line), 0.5), so exactly half of the households have a low income.
    fits = pd.DataFrame({"income_mu": [math.log(1.3 * low_income_line_single(YEAR))], "income_sigma": [0.5]},
                        index=buurten.index)
    return buurten, cells, fits


def _shares(buurten, cells, fits, s=NO_GAP, **kw):
    hc = monitor.household_cells(buurten, cells, _factors(), PRICES, YEAR, s, fits, **kw)
    return monitor.buurt_shares(hc).iloc[0], hc


def test_a_tiny_buurt_counted_by_hand():
    shares, hc = _shares(*_tiny())
    # Bill 1,000 x 1 + 2,000 x 0.25 = EUR 1,500 > 1,213: high costs in both cells; half of each cell has a low income.
    assert hc["bill_eur"].tolist() == [1500.0, 1500.0]
    assert shares["pct_lihe_households"] == pytest.approx(50.0)  # 25 + 25 of 100
    assert shares["pct_lilek_households"] == pytest.approx(25.0)  # 25 low-income households in the F cell
    assert shares["pct_lekwi_households"] == pytest.approx(50.0)  # all 50 tenants of the F cell
    assert shares["pct_lihelek_households"] == pytest.approx(50.0)
    assert shares["households_lihe"] == pytest.approx(50.0)
    # HEQ: income <= 1,500 / 10 % = 15,000 against a median of 1.3 x 12,750 = 16,575
    heq = 100 * norm.cdf(math.log(15_000 / 16_575) / 0.5)
    assert shares["pct_heq_households"] == pytest.approx(heq) == pytest.approx(42.09, abs=0.01)


def test_below_the_high_cost_threshold_only_lilek_makes_households_energy_poor():
    shares, _ = _shares(*_tiny(), s=MonitorSettings(tenure_income_gap=0.0, high_cost_single_eur=2000.0))
    assert shares["pct_lihe_households"] == 0.0
    assert shares["pct_lihelek_households"] == pytest.approx(shares["pct_lilek_households"]) == pytest.approx(25.0)


def test_an_owner_with_a_poor_label_counts_for_lekwi_only_with_a_low_income():
    shares, _ = _shares(*_tiny(labels=("F", "F"), tenures=("owner-occupied", "owner-occupied")))
    assert shares["pct_lekwi_households"] == pytest.approx(50.0)  # half of the owners have a low income


def test_district_heated_dwellings_pay_for_heat():
    buurten, cells, fits = _tiny()
    buurten["pct_district_heating"] = 50.0
    buurten["heat_demand_gj"] = 30.0
    _, hc = _shares(buurten, cells, fits, s=MonitorSettings(tenure_income_gap=0.0, heat_eur_per_gj=20.0))
    heat = hc[hc["district_heat"]]
    assert heat["bill_eur"].tolist() == [30.0 * 20.0 + 500.0] * 2
    # the measured 1,000 m3 is the mean over all dwellings, half of them on district heat (~0 gas)
    assert hc.loc[~hc["district_heat"], "gas_m3"].tolist() == pytest.approx([2000.0, 2000.0])






def test_suppressed_income_shares_give_no_estimate():
    buurten, cells, _ = _tiny()
    buurten[["pct_low_income", "pct_bottom40_households", "pct_top20_households"]] = np.nan
    fits = household_income.income_fits(buurten, cells, YEAR, NO_GAP)
    assert fits["income_mu"].isna().all()
    assert monitor.buurt_shares(monitor.household_cells(buurten, cells, _factors(), PRICES, YEAR, NO_GAP, fits)) \
        ["pct_lihelek_households"].isna().all()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(shift=st.floats(0.0, 2.0), gap=st.floats(0.0, 1.0), threshold=st.floats(500.0, 3000.0))
def test_raising_incomes_never_raises_lihe_lilek_or_lihelek(shift, gap, threshold):
    buurten, cells, fits = _tiny()
    s = MonitorSettings(tenure_income_gap=gap, high_cost_single_eur=threshold)
    before, _ = _shares(buurten, cells, fits, s=s)
    after, _ = _shares(buurten, cells, fits, s=s, log_shift=shift)
    for k in ("lihe", "lilek", "lihelek", "heq", "lekwi"):
        assert after[monitor.share_column(k)] <= before[monitor.share_column(k)] + 1e-9


@settings(max_examples=60, deadline=None)
@given(factors=st.lists(st.floats(0.3, 2.0), min_size=7, max_size=7),
       better=st.integers(0, 6), worse=st.integers(0, 6))
def test_upgrading_a_label_never_raises_the_bill(factors, better, worse):
    better, worse = min(better, worse), max(better, worse)
    table = monitor.label_factor_table(_factors(dict(zip(vocab.LABELS, factors, strict=True))))
    assert (np.diff(table.to_numpy(), axis=1) >= 0).all()
    buurten, cells, fits = _tiny(labels=(vocab.LABELS[better], vocab.LABELS[worse]),
                                 tenures=("owner-occupied", "owner-occupied"))
    lf = _factors(dict(zip(vocab.LABELS, factors, strict=True)))
    hc = monitor.household_cells(buurten, cells, lf, PRICES, YEAR, NO_GAP, fits)
    assert hc["bill_eur"].iloc[0] <= hc["bill_eur"].iloc[1] + 1e-9


@given(bill=st.lists(st.floats(0, 5000), min_size=4, max_size=4), low=st.lists(st.floats(0, 1), min_size=4,
       max_size=4), mu=st.floats(8.0, 11.0), sigma=st.floats(0.1, 1.5))
def test_a_conjunction_is_never_larger_than_either_part_and_lihelek_covers_both(bill, low, mu, sigma):
    cells = pd.DataFrame({"bill_eur": bill, "equivalence": 1.0, "low_income": low,
                          "label_class": ["A", "E", "G", "C"],
                          "tenure": ["owner-occupied", "social rent", "private rent", "social rent"]})
    s = monitor.indicator_shares(cells, mu, sigma, MonitorSettings())
    low = np.array(low)
    lek = np.array([0, 1, 1, 0])
    assert (s["lihe"] <= low + 1e-12).all() and (s["lilek"] <= low + 1e-12).all() and (s["lilek"] <= lek).all()
    assert (s["lihelek"] >= np.maximum(s["lihe"], s["lilek"]) - 1e-12).all()
    assert (s["lihelek"] <= low + 1e-12).all() and (s["lekwi"] <= lek).all()


def test_with_the_aedes_gap_corporation_tenants_have_four_in_five_below_where_others_have_three_in_ten():
    # The gap is read from Aedes: 80 % of corporation tenants below an income limit, about 30 % of the others.
    buurten, cells, fits = _tiny(labels=("B", "B"))
    hc = monitor.household_cells(buurten, cells, _factors(), PRICES, YEAR, MonitorSettings(), fits)
    sigma = fits["income_sigma"].iloc[0]
    limit = fits["income_mu"].iloc[0] + norm.ppf(0.30) * sigma  # the level below which 30 % of owners fall
    mu = fits["income_mu"].iloc[0] - MonitorSettings().tenure_income_gap * sigma
    assert norm.cdf((limit - mu) / sigma) == pytest.approx(0.80, abs=0.005)
    corp, owner = hc.set_index("tenure")["low_income"][["social rent", "owner-occupied"]]
    assert corp > owner






