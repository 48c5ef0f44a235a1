"""Every model figure of the validation view stays within its stated tolerance of its benchmark, on the real data."""

import pandas as pd
import pytest

from geo import config
from geo.report import validation

pytestmark = pytest.mark.real_data


def test_the_stock_model_reproduces_heerlens_measured_gas_use(processed):
    check = validation.stock_gas_check(pd.read_parquet(config.STOCK_VALIDATION), processed["buurten"])
    assert check.within_tolerance, (check.model, check.benchmark.value)
