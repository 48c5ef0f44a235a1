"""The stock columns of the data dictionary: exactly the columns the stock build writes, named by the vocabulary."""

import numpy as np
import pandas as pd

from geo.build.stock import estimate, vivet
from geo.catalog import stock_columns
from geo.catalog.column import ESTIMATED
from geo.i18n import language
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
        col = DOCUMENTED[f"dwellings_label_{lab.lower()}"]
        with language("en"):
            assert col.display_label() == f"Label {lab}: dwellings"
        with language("nl"):
            assert col.display_label() == f"Label {lab}: woningen"
        assert f"dwellings_label_{lab.lower()}_p95" in DOCUMENTED
    with language("en"):
        assert DOCUMENTED["dwellings_private_rent"].display_label() == f"Dwellings: {TENURE_NAMES['private_rent']}"
        assert DOCUMENTED["dwellings_multi_family_2000_plus"].display_label() == "Built 2000 and later, multi-family"
        assert DOCUMENTED["dwellings_single_family_before_1946"].display_label() == "Built before 1946, single-family"
    with language("nl"):
        assert DOCUMENTED["dwellings_private_rent"].display_label() == "Woningen: particuliere huur"
        assert DOCUMENTED["dwellings_multi_family_2000_plus"].display_label() == "Bouwjaar 2000 en later, meergezins"
        assert DOCUMENTED["dwellings_single_family_before_1946"].display_label() == "Bouwjaar vóór 1946, eengezins"


def test_the_texts_quote_the_factors_the_build_uses():
    with language("en"):
        assert "(GJ x 31.6)" in DOCUMENTED["gas_m3_vivet"].display_meaning()
        assert DOCUMENTED["heat_demand_kwh_m2"].display_formula() == "sum(rv + tw) x 277.8 / sum(floor area)"
        assert "'estimated (raking)' or 'registered per address'" in DOCUMENTED["stock_basis"].display_meaning()
    with language("nl"):
        assert "(GJ x 31,6)" in DOCUMENTED["gas_m3_vivet"].display_meaning()
        assert "'geschat (weging)' of 'geregistreerd per adres'" in DOCUMENTED["stock_basis"].display_meaning()


def test_an_estimated_stock_column_says_how_it_is_estimated_after_its_meaning():
    with language("nl"):
        text = DOCUMENTED["pct_label_efg_all"].display_meaning()
    assert text.startswith("Aandeel labelklassen E, F en G onder alle woningen")
    assert text.endswith("tenzij het bestand per adres aanwezig is.")
