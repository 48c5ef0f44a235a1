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
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # plain `pytest` as well as `python -m pytest`

from geo.build import stock  # noqa: E402
from geo.catalog import dictionary  # noqa: E402
from geo.build.stock import validation as sv  # noqa: E402
from geo.errors import DataError  # noqa: E402

LABEL_COLS = [f"dwellings_label_{lab.lower()}" for lab in stock.LABELS]
REG_COLS = [f"dwellings_label_{lab.lower()}_registered" for lab in stock.LABELS]


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
    return stock.check_vivet(df)


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


# ---- raking ---------------------------------------------------------------------------------


def margin(x: np.ndarray, axis: int) -> np.ndarray:
    return x.sum(axis=tuple(a for a in range(x.ndim) if a != axis))


def test_rake_reproduces_margins_and_total():
    rng = np.random.default_rng(0)
    seed = rng.uniform(1, 50, stock.RAKE_SHAPE)
    shares = [rng.dirichlet(np.ones(k)) for k in stock.RAKE_SHAPE]
    fitted, residual = stock.rake(seed, np.array(1234.0), [(i, s) for i, s in enumerate(shares)])
    assert fitted.sum() == pytest.approx(1234.0, abs=1e-6)
    for i, s in enumerate(shares):
        np.testing.assert_allclose(margin(fitted, i), 1234.0 * s, atol=1e-6)
    assert residual < 1e-9


@settings(max_examples=40, deadline=None)
@given(
    seed=st.lists(st.floats(0.5, 100), min_size=6, max_size=6),
    a=st.lists(st.floats(0.01, 1), min_size=2, max_size=2),
    b=st.lists(st.floats(0.01, 1), min_size=3, max_size=3),
    total=st.floats(1, 1e5),
)
def test_rake_property_margins_exact(seed, a, b, total):
    fitted, _ = stock.rake(np.reshape(seed, (2, 3)), np.array(total), [(0, np.array(a)), (1, np.array(b))])
    np.testing.assert_allclose(fitted.sum(axis=1), total * np.array(a) / sum(a), atol=1e-6 * max(total, 1))
    np.testing.assert_allclose(fitted.sum(axis=0), total * np.array(b) / sum(b), atol=1e-6 * max(total, 1))


def test_rake_missing_margin_is_skipped_per_buurt():
    """A NaN margin row: that buurt is raked on the other margins only; others use all."""
    rng = np.random.default_rng(3)
    seed = rng.uniform(1, 50, (3, 2))
    tenure = np.array([[0.5, 0.3, 0.2], [np.nan, np.nan, np.nan]])
    typ = np.array([[0.4, 0.6], [0.7, 0.3]])
    fitted, residual = stock.rake(seed, np.array([100.0, 200.0]), [(0, tenure), (1, typ)])
    np.testing.assert_allclose(margin(fitted[0], 0), [50, 30, 20], atol=1e-6)
    np.testing.assert_allclose(margin(fitted[1], 1), [140, 60], atol=1e-6)
    only_type, _ = stock.rake(seed, np.array(200.0), [(1, typ[1])])
    np.testing.assert_allclose(fitted[1], only_type, atol=1e-9)
    assert np.all(residual < 1e-9)


def test_buurt_with_one_margin_missing_in_the_stock():
    pop = random_population()
    buurten = kwb_buurten(3)
    buurten.loc[1, ["pct_single_family", "pct_multi_family"]] = np.nan
    total, margins, used = stock.buurt_margins(buurten)
    assert used == ["tenure, type, period", "tenure, period", "tenure, type, period"]
    res = stock.estimate_stock(pop, buurten, n_boot=5)
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
    res = stock.estimate_stock(dwellings(EXACT_ROWS).drop(columns="BU_CODE").pipe(stock.check_vivet), exact_buurten(), n_boot=5)
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
    res = stock.estimate_stock(pop, buurten, n_boot=5)
    s = res["stock"].iloc[0]
    ref = stock.estimate_stock(pop, pd.DataFrame({"buurt_code": ["x"], "dwellings": [float(len(pop))]}), n_boot=5)["stock"].iloc[0]
    assert s["margins_used"] == "none"
    assert s["pct_label_efg_all"] == pytest.approx(ref["pct_label_efg_all"], rel=1e-9)
    assert s["dwellings_label_c"] == pytest.approx(ref["dwellings_label_c"] * buurten.loc[0, "dwellings"] / len(pop), rel=1e-9)


# ---- imputation -----------------------------------------------------------------------------


def test_imputation_uses_same_cell_mix_and_preserves_totals():
    rows = [
        (1, 4, 2, 0, "A", "aaa", 40.0, 100, ""),
        (3, 4, 2, 0, "C", "aaa", 40.0, 100, ""),
        (4, 4, 2, 0, "x", "aaa", 40.0, 100, ""),
        (5, 5, 3, 2, "G", "aaa", 30.0, 70, ""),  # another cell with a different mix
        (2, 5, 3, 2, "x", "aaa", 30.0, 70, ""),
    ]
    pop = stock.check_vivet(dwellings(rows))
    groups = stock.group_table(pop)
    mix = stock.label_mix(groups[0, ..., :7, 0].sum(axis=1))
    imp = stock.impute(groups, mix)[0, ..., 0].sum(axis=(0, 1))
    np.testing.assert_allclose(imp, [2, 0, 6, 0, 0, 0, 7])  # A 1+1, C 3+3, G 5+2
    assert imp.sum() == pytest.approx(len(pop))


def test_imputation_falls_back_to_type_and_period():
    rows = [(2, 4, 2, 0, "B", "aaa", 40.0, 100, ""), (2, 4, 2, 0, "D", "aaa", 40.0, 100, ""), (3, 4, 2, 2, "x", "aaa", 40.0, 100, "")]
    pop = stock.check_vivet(dwellings(rows))
    groups = stock.group_table(pop)
    mix = stock.label_mix(groups[0, ..., :7, 0].sum(axis=1))
    social_cell = (4 - 1) * 36 + 2 * 3 + 1  # mid-terrace, 1946-1964, social rent: no labelled dwelling
    np.testing.assert_allclose(mix[social_cell], [0, 0.5, 0, 0.5, 0, 0, 0])


# ---- exact path -----------------------------------------------------------------------------


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
    exact = stock.build_stock(buurten, tmp_path / "out_exact", raw_dir=raw, vivet_path=tmp_path / "vivet.csv", n_boot=20)
    est = stock.build_stock(buurten, tmp_path / "out_est", raw_dir=tmp_path / "empty", vivet_path=tmp_path / "vivet.csv", n_boot=20)
    assert exact["stock_basis"] == stock.BASIS_ADDRESS and est["stock_basis"] == stock.BASIS_ESTIMATED
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


def test_address_file_is_found_only_by_the_glob(tmp_path):
    raw = write_fixture(tmp_path)
    assert stock.find_address_file(raw).name == "GM0917.csv"
    assert stock.find_address_file(tmp_path / "empty") is None
    dw = stock.read_vivet_address(stock.find_address_file(raw))
    assert len(dw) == sum(r[0] for r in EXACT_ROWS) and dw["buurt_code"].str.startswith("BU0917").all()


def test_address_path_buurt_missing_from_file_is_nan():
    dw = stock.check_vivet(dwellings(EXACT_ROWS).rename(columns={"BU_CODE": "buurt_code"}))
    res = stock.estimate_stock(dw, exact_buurten())
    s = res["stock"].set_index("buurt_code")
    assert np.isnan(s.loc["BU09170004", "stock_dwellings"]) and s.loc["BU09170001", "stock_dwellings"] == 14


def test_bad_codes_raise_a_data_error():
    bad = dwellings(EXACT_ROWS[:1]).assign(lb="Z")
    with pytest.raises(DataError, match="lb"):
        stock.check_vivet(bad)


# ---- totals and bootstrap -------------------------------------------------------------------


def test_totals_are_preserved():
    pop = random_population()
    buurten = kwb_buurten(6)
    res = stock.estimate_stock(pop, buurten, n_boot=5)
    s = res["stock"]
    np.testing.assert_allclose(s[LABEL_COLS].sum(axis=1), buurten["dwellings"], rtol=1e-9)
    np.testing.assert_allclose(s[REG_COLS].sum(axis=1) + s["dwellings_unlabelled_registered"], buurten["dwellings"], rtol=1e-9)
    tenure = s[["dwellings_owner_occupied", "dwellings_social_rent", "dwellings_private_rent"]].sum(axis=1)
    np.testing.assert_allclose(tenure, buurten["dwellings"], rtol=1e-9)
    per_buurt = res["cells"].groupby("buurt_code")["dwellings"].sum()
    np.testing.assert_allclose(per_buurt.loc[buurten["buurt_code"]], buurten["dwellings"], rtol=1e-9)


def test_totals_check_on_an_exact_partition():
    dw = stock.check_vivet(dwellings(EXACT_ROWS).drop(columns="BU_CODE"))
    res = stock.estimate_stock(dw, exact_buurten(), n_boot=5)
    check = sv.totals_check(res["cells"], res["reference_cells"])
    np.testing.assert_allclose(check["ratio"].dropna(), 1.0, atol=1e-9)
    assert check["within_tolerance"].all()
    # a buurt that takes more than its share of one category is visible in the check
    skewed = res["cells"].copy()
    skewed.loc[skewed["label_class"] == "A", "dwellings"] *= 1.5
    assert not sv.totals_check(skewed, res["reference_cells"])["within_tolerance"].all()


def test_bootstrap_band_contains_point_estimate():
    pop = random_population(4000)
    buurten = kwb_buurten(8)
    s = stock.estimate_stock(pop, buurten, n_boot=100, seed=5)["stock"]
    assert (s["pct_label_efg_all_p05"] <= s["pct_label_efg_all"] + 1e-9).all()
    assert (s["pct_label_efg_all"] <= s["pct_label_efg_all_p95"] + 1e-9).all()
    assert (s["pct_label_efg_all_band"] > 0).all()
    for col in LABEL_COLS:
        assert (s[f"{col}_p05"] <= s[col] + 1e-9).all() and (s[col] <= s[f"{col}_p95"] + 1e-9).all()


def test_bootstrap_is_reproducible():
    pop = random_population(1500)
    buurten = kwb_buurten(3)
    a = stock.estimate_stock(pop, buurten, n_boot=30, seed=7)["stock"]["pct_label_efg_all_p95"]
    b = stock.estimate_stock(pop, buurten, n_boot=30, seed=7)["stock"]["pct_label_efg_all_p95"]
    pd.testing.assert_series_equal(a, b)


# ---- validation -----------------------------------------------------------------------------


def test_validation_flags_a_large_gas_error_as_weak():
    codes = [f"BU0917000{i}" for i in range(5)]
    stock_tab = pd.DataFrame(
        {
            "buurt_code": codes,
            "stock_dwellings": [500.0] * 5,
            "gas_m3_vivet": [1000.0] * 5,
            "effective_dwellings": [5000.0] * 5,
            "margins_used": ["tenure, type, period"] * 5,
            "rake_residual": [0.0] * 5,
        }
    )
    buurten = pd.DataFrame({"buurt_code": codes, "buurt_name": list("abcde"), "gas_m3": [1100.0, 1100.0, 1100.0, 1100.0, 2200.0]})
    v = sv.gas_check(stock_tab, buurten).set_index("buurt_code")
    assert list(v["estimate_quality"]) == ["good", "good", "good", "good", "weak"]
    assert "off the measured" in v.loc[codes[4], "estimate_reason"]
    # leave-one-out level: the good buurten are predicted from the others, including the outlier
    assert v.loc[codes[0], "level_factor"] == pytest.approx((3 * 1100 + 2200) / 4000)
    assert v.loc[codes[4], "gas_m3_error_pct"] == pytest.approx(100 * (1100 - 2200) / 2200)


def test_validation_flags_few_effective_dwellings_and_unmet_margins():
    row = pd.DataFrame(
        {"buurt_code": ["BU09170000", "BU09170001"], "stock_dwellings": [50.0, 50.0], "gas_m3_vivet": [1000.0, 1000.0],
         "effective_dwellings": [40.0, 5000.0], "margins_used": ["tenure, type, period"] * 2, "rake_residual": [0.0, 0.05]}
    )
    buurten = pd.DataFrame({"buurt_code": row["buurt_code"], "buurt_name": ["a", "b"], "gas_m3": [1000.0, 1000.0]})
    v = sv.gas_check(row, buurten)
    assert list(v["estimate_quality"]) == ["weak", "weak"]
    assert "few VIVET dwellings" in v.loc[0, "estimate_reason"] and "could not all be met" in v.loc[1, "estimate_reason"]


def test_columns_are_registered_in_the_dictionary():
    res = stock.estimate_stock(random_population(500), kwb_buurten(2), n_boot=3)
    for col in res["stock"].columns.drop("buurt_code"):
        assert dictionary.BY_NAME[col].kind == dictionary.ESTIMATED, col
    on_map = set(dictionary.map_indicators())
    assert {"pct_label_efg_all", "pct_label_efg_registered", "label_score", "heat_demand_kwh_m2", "pct_built_before_1975", "pct_district_heating_vivet", "pct_label_efg_all_band"} <= on_map
    assert "registered" in stock.METHOD_MARKDOWN and "57 %" in stock.METHOD_MARKDOWN
