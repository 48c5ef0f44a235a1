"""Tests of the buurt housing-stock estimate (geo.stock, geo.stock_validation).

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network."""

from __future__ import annotations
import sys
from pathlib import Path
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from geo.build.stock import vivet  # noqa: E402
from geo.catalog import dictionary  # noqa: E402
from geo.build.stock import validation as sv  # noqa: E402
from geo.errors import DataError  # noqa: E402


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # plain `pytest` as well as `python -m pytest`


def dwellings(rows: list[tuple]) -> pd.DataFrame:
    """VIVET-format dwellings from (n, wt, bp, eg, lb, ic, gas_gj, op, buurt_code) rows."""
    out = []
    for n, wt, bp, eg, lb, ic, gas, op, bu in rows:
        for _ in range(n):
            out.append({"gemeentecode": "GM0917", "rv": gas * 0.8, "tw": gas * 0.1, "gas": gas, "op": op, "wt": wt, "bp": bp, "bj": 1950, "eg": eg, "lb": lb, "ic": ic, "BU_CODE": bu})
    df = pd.DataFrame(out)
    df.insert(0, "vbo_id", [f"0917010000{i:06d}" for i in range(len(df))])
    return df


# Three buurten whose KWB margins identify their dwellings exactly:
# A = owner-occupied single-family before 2000, B = social-rent apartments before 2000
# (some on district heating), C = private-rent apartments built 2000 or later.
EXACT_ROWS = [
    (6, 4, 2, 0, "C", "aaa", 40.0, 100, "BU09170001"),
    (4, 4, 2, 0, "x", "aaa", 44.0, 100, "BU09170001"),
    (2, 1, 0, 0, "G", "aaa", 80.0, 180, "BU09170001"),
    (2, 1, 0, 0, "x", "aaa", 70.0, 170, "BU09170001"),
    (5, 5, 3, 2, "E", "aaa", 30.0, 70, "BU09170002"),
    (3, 5, 3, 2, "x", "aaa", 28.0, 65, "BU09170002"),
    (2, 5, 3, 2, "x", "eww", 0.0, 65, "BU09170002"),
    (3, 5, 9, 1, "A", "aaa", 15.0, 80, "BU09170003"),
    (1, 5, 9, 1, "x", "aaa", 16.0, 80, "BU09170003"),
]


def write_fixture(tmp_path):
    """An address file under raw/vivet_adres_test/ and a plain VIVET file elsewhere."""
    full = dwellings(EXACT_ROWS)
    raw = tmp_path / "raw"
    (raw / "vivet_adres_test").mkdir(parents=True)
    full.to_csv(raw / "vivet_adres_test" / "GM0917.csv", index=False)
    other = full.head(3).assign(gemeentecode="GM0928")  # another gemeente, must be ignored
    plain = pd.concat([full.drop(columns="BU_CODE"), other.drop(columns="BU_CODE")])
    plain.to_csv(tmp_path / "vivet.csv", index=False)
    (tmp_path / "empty").mkdir()
    return raw


def test_address_file_is_found_only_by_the_glob(tmp_path):
    raw = write_fixture(tmp_path)
    assert vivet.find_address_file(raw).name == "GM0917.csv"
    assert vivet.find_address_file(tmp_path / "empty") is None
    dw = vivet.read_vivet_address(vivet.find_address_file(raw))
    assert len(dw) == sum(r[0] for r in EXACT_ROWS) and dw["buurt_code"].str.startswith("BU0917").all()


def test_bad_codes_raise_a_data_error():
    bad = dwellings(EXACT_ROWS[:1]).assign(lb="Z")
    with pytest.raises(DataError, match="lb"):
        vivet.check_vivet(bad)
