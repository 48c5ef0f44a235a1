"""Reading VIVET and the per-address file: columns, codes and where the file is found.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network."""

from __future__ import annotations

import pytest

from geo.build.stock import vivet
from geo.errors import DataError
from tests.support.stock_population import EXACT_ROWS, dwellings, write_fixture


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
