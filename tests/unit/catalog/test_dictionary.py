"""The data dictionary: every column described once, the stock columns included without importing the build.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from geo.build.stock import estimate, vivet  # noqa: E402
from geo.catalog import dictionary  # noqa: E402

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


def test_columns_are_registered_in_the_dictionary():
    res = estimate.estimate_stock(random_population(500), kwb_buurten(2), n_boot=3)
    for col in res["stock"].columns.drop("buurt_code"):
        assert dictionary.BY_NAME[col].kind == dictionary.ESTIMATED, col
    on_map = set(dictionary.map_indicators())
    assert {"pct_label_efg_all", "pct_label_efg_registered", "label_score", "heat_demand_kwh_m2", "pct_built_before_1975", "pct_district_heating_vivet", "pct_label_efg_all_band"} <= on_map


def test_every_column_is_described_once():
    names = [c.name for c in dictionary.COLUMNS + dictionary.DERIVED_COLUMNS + dictionary.STOCK_COLUMNS]
    assert len(names) == len(set(names)) == len(dictionary.BY_NAME)


def test_the_map_lists_all_35_indicators_without_importing_anything_else():
    """The dictionary is static: the stock columns are there before (and without) the build or the loaders."""
    script = (
        "import sys\n"
        "from geo.catalog import dictionary\n"
        "names = dictionary.map_indicators()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('geo.build', 'geo.io', 'geo.metrics', 'ui')))\n"
        "print(len(names), names[-1], loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(dictionary.__file__).resolve().parents[2])
    assert out.stdout.split(maxsplit=2) == ["35", "pct_district_heating_vivet", "[]\n"]


def test_map_indicators_list_measured_then_derived_then_stock_columns():
    names = dictionary.map_indicators()
    assert "high_energy_quote" not in names  # yes/no, not a colour scale
    assert names.index("gas_m3") < names.index("energy_poverty_index") < names.index("pct_label_efg_all")
    assert all(dictionary.BY_NAME[n].on_map for n in names)
