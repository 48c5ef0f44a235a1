"""The validation view: the gap to a benchmark, the tolerance, and the gas check computed by hand."""

import math

import pandas as pd
import pytest

from geo import i18n
from geo.catalog.benchmarks import BENCHMARKS, Benchmark
from geo.i18n.translate import catalogue
from geo.report import validation

BENCH = Benchmark("heq", "HEQ, the Netherlands", 7.4, "% of households", "2019", "Monitor")


def test_gap_and_tolerance():
    close = validation.Check("HEQ Heerlen", 8.0, BENCH, 10.0, "")
    far = validation.Check("HEQ Heerlen", 14.8, BENCH, 50.0, "")
    assert close.gap_pct == pytest.approx(100 * 0.6 / 7.4) and close.within_tolerance
    assert far.gap_pct == pytest.approx(100.0) and not far.within_tolerance


def test_a_missing_model_value_is_never_within_tolerance():
    check = validation.Check("HEQ Heerlen", float("nan"), BENCH, 1000.0, "")
    assert math.isnan(check.gap_pct) and not check.within_tolerance


def test_the_table_names_year_source_and_reading():
    with i18n.language("en"):
        table = validation.validation_table([validation.Check("HEQ Heerlen (2019)", 8.0, BENCH, 10.0, "close")])
    assert list(table) == list(validation.VALIDATION_TABLE)
    row = table.iloc[0]
    assert row["describes"] == "HEQ, the Netherlands, 2019" and row["source"] == "Monitor"
    assert row["benchmark"] == "7.4 % of households"
    assert row["within"] and row["reading"] == "close" and row["gap_pct"] == 8


def test_the_table_speaks_dutch():
    summary = {k: {"pct": 8.0, "p05": 6.0, "p95": 10.0} for k in ("heq", "lihe", "lilek", "lihelek")}
    summary["corporation_share_of_energy_poor"] = 60.0
    with i18n.language("nl"):
        checks = validation.monitor_checks(summary)
        table = validation.validation_table(checks)
    heq = table.iloc[0]
    assert heq["figure"] == "HEQ, Heerlen, gewogen naar huishoudens (geschat)" and heq["band"] == "6,0-10,0"
    assert heq["benchmark"] == "7,4 % van de huishoudens"
    assert heq["describes"] == "Huishoudens met een hoge energiequote (HEQ), Nederland, 2019"
    assert heq["reading"].startswith("Heerlen heeft meer lage inkomens dan Nederland")
    assert table.iloc[-1]["source"].startswith("TNO, Landelijk Programma Energiearmoede (cijfers 2024)")


def test_every_shown_benchmark_text_and_header_has_a_dutch_translation():
    dutch = catalogue("nl")
    texts = [t for b in BENCHMARKS.values() for t in (b.label, b.unit, b.year, b.source)]
    texts += [*validation.MONITOR_READINGS.values()]
    texts += [v if isinstance(v, str) else v[0] for v in validation.VALIDATION_TABLE.values()]
    assert [t for t in texts if not dutch.get(t)] == []


def test_stock_gas_check_weighs_buurten_by_dwellings_and_skips_missing():
    v = pd.DataFrame({"buurt_code": ["a", "b", "c"], "gas_m3_measured": [1000.0, 2000.0, None],
                      "gas_m3_predicted": [1100.0, 1800.0, 900.0], "gas_m3_error_pct": [10.0, -10.0, None]})
    b = pd.DataFrame({"buurt_code": ["a", "b", "c"], "dwellings": [300.0, 100.0, 50.0]})
    with i18n.language("en"):
        check = validation.stock_gas_check(v, b)
    assert check.benchmark.value == 1250  # (1000 x 300 + 2000 x 100) / 400
    assert check.model == pytest.approx((1100 * 300 + 1800 * 100) / 400)
    assert "median error is 10 %" in check.reading
    with i18n.language("nl"):
        assert "de mediane fout 10 %" in validation.stock_gas_check(v, b).reading


def test_label_gap_checks_compare_one_heerlen_gap_with_both_measured_gaps():
    factors = pd.DataFrame({"dwelling_type": "all", "build_period": "all", "label": ["A", "G"], "factor": [0.7, 1.0]})
    majcen, rabo = validation.label_gap_checks(factors)
    assert majcen.model == rabo.model == pytest.approx(30.0)
    assert majcen.benchmark.value == 28.0 and rabo.benchmark.value == 34.0
    assert majcen.within_tolerance and rabo.within_tolerance


def test_monitor_checks_set_each_indicator_beside_its_2019_value_and_the_corporation_share_beside_tno():
    summary = {k: {"pct": 8.0, "p05": 6.0, "p95": 10.0, "households": 1.0} for k in ("heq", "lihe", "lilek")}
    summary["lihelek"] = {"pct": 10.0, "p05": 8.0, "p95": 12.0, "households": 1.0}
    summary["corporation_share_of_energy_poor"] = 60.0
    with i18n.language("en"):
        checks = {c.benchmark.key: c for c in validation.monitor_checks(summary)}
    assert checks["lihelek_nl_2019"].gap_pct == pytest.approx(100 * (10 / 8.6 - 1))
    assert checks["lihelek_nl_2019"].band == "8.0-12.0"
    assert checks["energy_poor_in_corporation_housing"].gap_pct == pytest.approx(-20.0)
    assert all(c.within_tolerance for c in checks.values())
    summary["lihelek"]["pct"] = 30.0  # a model that triples energy poverty fails its check
    assert not {c.benchmark.key: c for c in validation.monitor_checks(summary)}["lihelek_nl_2019"].within_tolerance
