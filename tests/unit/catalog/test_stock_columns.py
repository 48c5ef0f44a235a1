"""The stock columns of the data dictionary: exactly the columns the stock build writes, named by the vocabulary."""

import numpy as np
import pandas as pd

from geo.build.stock import estimate, vivet
from geo.catalog import stock_columns
from geo.catalog.column import ESTIMATED
from geo.vocab import LABELS, TENURE_NAMES

DOCUMENTED = {c.name: c for c in stock_columns.STOCK_COLUMNS}


def tiny_stock() -> pd.DataFrame:
    """Return the buurt stock table of 400 random VIVET dwellings raked to two buurten."""
    rng = np.random.default_rng(3)
    n = 400
    dwellings = pd.DataFrame({
        "wt": rng.integers(1, 6, n), "bp": rng.integers(0, 12, n), "eg": rng.integers(0, 3, n),
        "lb": rng.choice(list("ABCDEFGx"), n), "ic": rng.choice(["aaa", "eww"], n), "gas": rng.uniform(10, 60, n),
        "op": rng.integers(40, 200, n), "rv": 20.0, "tw": 4.0, "gemeentecode": "GM0917",
    })
    buurten = pd.DataFrame({
        "buurt_code": ["BU09170001", "BU09170002"], "dwellings": [300.0, 500.0],
        "pct_owner_occupied": [50.0, 30.0], "pct_social_rent": [30.0, 60.0], "pct_private_rent": [20.0, 10.0],
        "pct_single_family": [70.0, 20.0], "pct_multi_family": [30.0, 80.0], "pct_built_before_2000": [90.0, 60.0],
        "pct_district_heating": np.nan,
    })
    return estimate.estimate_stock(vivet.check_vivet(dwellings), buurten, n_boot=3)["stock"]


def test_the_dictionary_describes_exactly_the_columns_the_stock_build_writes():
    written = set(tiny_stock().columns) - {"buurt_code"} | {"estimate_quality", "estimate_reason"}  # + gas check
    assert written == set(DOCUMENTED)


def test_every_stock_column_is_marked_estimated_from_vivet():
    # The map's tooltip warns about weak estimates for exactly these columns.
    assert {c.kind for c in stock_columns.STOCK_COLUMNS} == {ESTIMATED}
    assert {c.source for c in stock_columns.STOCK_COLUMNS} == {"vivet"}


def test_each_label_class_and_tenure_has_its_columns_with_readable_labels():
    for lab in LABELS:
        label = DOCUMENTED[f"dwellings_label_{lab.lower()}"].label
        assert label == f"Dwellings with energy label class {lab} (all dwellings)"
        assert f"dwellings_label_{lab.lower()}_p95" in DOCUMENTED
    assert DOCUMENTED["dwellings_private_rent"].label == f"Dwellings, tenure {TENURE_NAMES['private_rent']}"
    assert DOCUMENTED["dwellings_multi_family_2000_plus"].label == "Dwellings, multi-family, built 2000 and later"
    assert DOCUMENTED["dwellings_single_family_before_1946"].label == "Dwellings, single-family, built before 1946"


def test_the_texts_quote_the_factors_the_build_uses():
    assert "(GJ x 31.6)" in DOCUMENTED["gas_m3_vivet"].meaning
    assert DOCUMENTED["heat_demand_kwh_m2"].formula == "sum(rv + tw) x 277.8 / sum(floor area)"
    assert "'estimated (raking)' or 'registered per address'" in DOCUMENTED["stock_basis"].meaning
