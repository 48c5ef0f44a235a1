"""The data dictionary: every column described once, the stock columns included without importing the build.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from geo.build.stock import estimate
from geo.catalog import dictionary
from tests.support.stock_population import kwb_buurten, random_population


def test_columns_are_registered_in_the_dictionary():
    res = estimate.estimate_stock(random_population(500), kwb_buurten(2), n_boot=3)
    for col in res["stock"].columns.drop("buurt_code"):
        assert dictionary.BY_NAME[col].kind == dictionary.ESTIMATED, col
    on_map = set(dictionary.map_indicators())
    assert {
        "pct_label_efg_all", "pct_label_efg_registered", "label_score", "heat_demand_kwh_m2", "pct_built_before_1975",
        "pct_district_heating_vivet", "pct_label_efg_all_band",
    } <= on_map


def test_every_column_is_described_once():
    names = [c.name for c in dictionary.COLUMNS + dictionary.DERIVED_COLUMNS + dictionary.STOCK_COLUMNS]
    assert len(names) == len(set(names)) == len(dictionary.BY_NAME)


def test_the_map_lists_all_41_indicators_without_importing_anything_else():
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
    assert out.stdout.split(maxsplit=2) == ["41", "pct_district_heating_vivet", "[]\n"]


def test_map_indicators_list_measured_then_derived_then_stock_columns():
    names = dictionary.map_indicators()
    assert "high_energy_quote" not in names  # yes/no, not a colour scale
    assert names.index("gas_m3") < names.index("energy_poverty_index") < names.index("pct_label_efg_all")
    assert all(dictionary.BY_NAME[n].on_map for n in names)
