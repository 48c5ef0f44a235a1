"""Both paths of the stock estimate: raking to CBS margins and counting per address.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.build.stock import estimate, raking, vivet
from geo.build.stock import validation as sv
from tests.support.stock_population import (
    EXACT_ROWS,
    LABEL_COLS,
    dwellings,
    exact_buurten,
    kwb_buurten,
    random_population,
    write_fixture,
)


def test_buurt_with_one_margin_missing_in_the_stock():
    pop = random_population()
    buurten = kwb_buurten(3)
    buurten.loc[1, ["pct_single_family", "pct_multi_family"]] = np.nan
    total, margins, used = raking.buurt_margins(buurten)
    assert used == ["tenure, type, period", "tenure, period", "tenure, type, period"]
    res = estimate.estimate_stock(pop, buurten, n_boot=5)
    s = res["stock"].set_index("buurt_code")
    b = buurten.set_index("buurt_code")
    code = buurten.loc[1, "buurt_code"]
    # the margins it has are met, and it still gets a full estimate
    assert s.loc[code, "dwellings_owner_occupied"] == pytest.approx(b.loc[code, "dwellings"] * b.loc[code, "pct_owner_occupied"] / 100, rel=1e-6)
    assert s.loc[code, LABEL_COLS].sum() == pytest.approx(b.loc[code, "dwellings"], rel=1e-9)
    v = sv.gas_check(res["stock"], buurten)
    reason = v.set_index("buurt_code").loc[code, "estimate_reason"]
    assert v.set_index("buurt_code").loc[code, "estimate_quality"] == "weak" and "type" in reason


def test_no_dwelling_count_gives_nan_not_zero():
    res = estimate.estimate_stock(dwellings(EXACT_ROWS).drop(columns="BU_CODE").pipe(vivet.check_vivet), exact_buurten(), n_boot=5)
    row = res["stock"].set_index("buurt_code").loc["BU09170004"]
    numeric = row.drop(["stock_basis", "margins_used"])
    assert numeric.isna().all()
    assert not (res["cells"]["buurt_code"] == "BU09170004").any()
    v = sv.gas_check(res["stock"], exact_buurten()).set_index("buurt_code")
    assert v.loc["BU09170004", "estimate_quality"] == "none"


def test_no_margins_gives_gemeente_average_scaled():
    pop = random_population()
    buurten = kwb_buurten(2)
    cols = [c for c in buurten if c.startswith("pct_")]
    buurten.loc[0, cols] = np.nan
    res = estimate.estimate_stock(pop, buurten, n_boot=5)
    s = res["stock"].iloc[0]
    ref = estimate.estimate_stock(pop, pd.DataFrame({"buurt_code": ["x"], "dwellings": [float(len(pop))]}), n_boot=5)["stock"].iloc[0]
    assert s["margins_used"] == "none"
    assert s["pct_label_efg_all"] == pytest.approx(ref["pct_label_efg_all"], rel=1e-9)
    assert s["dwellings_label_c"] == pytest.approx(ref["dwellings_label_c"] * buurten.loc[0, "dwellings"] / len(pop), rel=1e-9)


def test_exact_and_estimated_paths_agree(tmp_path):
    raw = write_fixture(tmp_path)
    buurten = exact_buurten()
    exact = estimate.build_stock(buurten, tmp_path / "out_exact", raw_dir=raw, vivet_path=tmp_path / "vivet.csv", n_boot=20)
    est = estimate.build_stock(buurten, tmp_path / "out_est", raw_dir=tmp_path / "empty", vivet_path=tmp_path / "vivet.csv", n_boot=20)
    assert exact["stock_basis"] == estimate.BASIS_ADDRESS and est["stock_basis"] == estimate.BASIS_ESTIMATED
    a = pd.read_parquet(tmp_path / "out_exact" / "stock_buurt.parquet").set_index("buurt_code")
    b = pd.read_parquet(tmp_path / "out_est" / "stock_buurt.parquet").set_index("buurt_code")
    point = [c for c in a.columns if a[c].dtype.kind == "f" and not c.endswith(("_p05", "_p95", "_band")) and c not in ("effective_dwellings", "rake_residual")]
    pd.testing.assert_frame_equal(a[point], b[point], check_exact=False, rtol=1e-6, atol=1e-6)
    assert a.loc["BU09170001", "dwellings_label_c"] == pytest.approx(6 + 4)  # all unlabelled of that cell are C
    assert a.loc["BU09170002", "pct_district_heating_vivet"] == pytest.approx(20.0)
    # the exact path's band collapses to the value
    np.testing.assert_allclose(a["pct_label_efg_all_p05"].dropna(), a["pct_label_efg_all"].dropna())
    np.testing.assert_allclose(a["dwellings_label_e_p95"].dropna(), a["dwellings_label_e"].dropna())
    ca = pd.read_parquet(tmp_path / "out_exact" / "stock_cells.parquet").drop(columns="stock_basis")
    cb = pd.read_parquet(tmp_path / "out_est" / "stock_cells.parquet").drop(columns="stock_basis")
    pd.testing.assert_frame_equal(ca.reset_index(drop=True), cb.reset_index(drop=True), check_exact=False, rtol=1e-6, atol=1e-6)


def test_address_path_buurt_missing_from_file_is_nan():
    dw = vivet.check_vivet(dwellings(EXACT_ROWS).rename(columns={"BU_CODE": "buurt_code"}))
    res = estimate.estimate_stock(dw, exact_buurten())
    s = res["stock"].set_index("buurt_code")
    assert np.isnan(s.loc["BU09170004", "stock_dwellings"]) and s.loc["BU09170001", "stock_dwellings"] == 14
