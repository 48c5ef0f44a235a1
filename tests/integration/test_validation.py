"""Every model figure of the validation view stays within its stated tolerance of its benchmark, on the real data."""

import pandas as pd
import pytest

from geo import config
from geo.report import validation

pytestmark = pytest.mark.real_data


def test_the_stock_model_reproduces_heerlens_measured_gas_use(processed):
    check = validation.stock_gas_check(pd.read_parquet(config.STOCK_VALIDATION), processed["buurten"])
    assert check.within_tolerance, (check.model, check.benchmark.value)


def test_heerlens_label_gap_is_within_the_measured_gaps_tolerance():
    from geo.io import processed as loaders

    checks = validation.label_gap_checks(loaders.read_label_factors())
    assert len(checks) == 2 and all(c.within_tolerance for c in checks), [(c.model, c.benchmark.value) for c in checks]
