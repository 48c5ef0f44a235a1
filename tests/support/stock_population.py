"""Tiny VIVET populations and buurt tables built in code, shared by the stock-estimate tests.

The right answer is known for each: no file in data/raw is read or written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.build.stock import vivet
from geo.vocab import LABELS


def dwellings(rows: list[tuple]) -> pd.DataFrame:
    """VIVET-format dwellings from (n, wt, bp, eg, lb, ic, gas_gj, op, buurt_code) rows."""
    out = []
    for n, wt, bp, eg, lb, ic, gas, op, bu in rows:
        for _ in range(n):
            out.append({
                "gemeentecode": "GM0917", "rv": gas * 0.8, "tw": gas * 0.1, "gas": gas, "op": op,
                "wt": wt, "bp": bp, "bj": 1950, "eg": eg, "lb": lb, "ic": ic, "BU_CODE": bu,
            })
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


LABEL_COLS = [f"dwellings_label_{lab.lower()}" for lab in LABELS]
