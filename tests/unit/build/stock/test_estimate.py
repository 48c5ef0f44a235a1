"""Tests of the buurt housing-stock estimate (geo.stock, geo.stock_validation).

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geo.build.stock import estimate, raking, vivet  # noqa: E402
from geo.build.stock import validation as sv  # noqa: E402
from geo.vocab import LABELS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # plain `pytest` as well as `python -m pytest`


LABEL_COLS = [f"dwellings_label_{lab.lower()}" for lab in LABELS]


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


def exact_buurten() -> pd.DataFrame:
    """KWB-style buurt table matching EXACT_ROWS, plus a buurt without a dwelling count."""
    return pd.DataFrame(
        {
            "buurt_code": ["BU09170001", "BU09170002", "BU09170003", "BU09170004"],
            "buurt_name": ["A", "B", "C", "D"],
            "dwellings": [14.0, 10.0, 4.0, np.nan],
            "pct_owner_occupied": [100.0, 0.0, 0.0, np.nan],
            "pct_social_rent": [0.0, 100.0, 0.0, np.nan],
            "pct_private_rent": [0.0, 0.0, 100.0, np.nan],
            "pct_single_family": [100.0, 0.0, 0.0, np.nan],
            "pct_multi_family": [0.0, 100.0, 100.0, np.nan],
            "pct_built_before_2000": [100.0, 100.0, 0.0, np.nan],
            "pct_district_heating": [np.nan] * 4,
            "gas_m3": [1500.0, 700.0, 500.0, np.nan],
        }
    )


def random_population(n: int = 3000, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "wt": rng.integers(1, 6, n),
            "bp": rng.integers(0, 12, n),
            "eg": rng.integers(0, 3, n),
            "lb": rng.choice(list("ABCDEFGx"), n, p=[0.06, 0.06, 0.12, 0.07, 0.05, 0.04, 0.03, 0.57]),
            "ic": rng.choice(["aaa", "eww"], n, p=[0.93, 0.07]),
            "gas": rng.uniform(10, 60, n),
            "op": rng.integers(40, 200, n),
        }
    )
    df["rv"], df["tw"], df["gemeentecode"] = df["gas"] * 0.8, 4.0, "GM0917"
    return vivet.check_vivet(df)


def kwb_buurten(n: int = 5, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    tenure = rng.dirichlet([2, 2, 1], n) * 100
    sf = rng.uniform(20, 90, n)
    return pd.DataFrame(
        {
            "buurt_code": [f"BU091710{i:02d}" for i in range(n)],
            "buurt_name": [f"b{i}" for i in range(n)],
            "dwellings": rng.integers(100, 2000, n).astype(float),
            "pct_owner_occupied": tenure[:, 0], "pct_social_rent": tenure[:, 1], "pct_private_rent": tenure[:, 2],
            "pct_single_family": sf, "pct_multi_family": 100 - sf,
            "pct_built_before_2000": rng.uniform(60, 99, n),
            "pct_district_heating": np.nan,
            "gas_m3": np.nan,
        }
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
