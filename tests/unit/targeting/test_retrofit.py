"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.targeting import retrofit as r


def test_label_factors_isolate_label_within_type_and_period():
    # Two periods with very different use; within each, G uses 1.5x what A uses.
    d = pd.DataFrame(
        {
            "dwelling_type": ["mid-terrace"] * 8,
            "build_period": ["before 1930"] * 4 + ["1975-1991"] * 4,
            "label": ["A", "A", "G", "G"] * 2,
            "gas_gj": [40.0, 40.0, 60.0, 60.0, 20.0, 20.0, 30.0, 30.0],
        }
    )
    f = r.label_factors(d, min_n=1)
    cell = f.set_index(["dwelling_type", "build_period", "label"])["factor"]
    # cell means 50 and 25 -> A = 0.8, G = 1.2 in both periods, although raw A-use differs 2x
    assert cell[("mid-terrace", "before 1930", "A")] == pytest.approx(0.8)
    assert cell[("mid-terrace", "1975-1991", "G")] == pytest.approx(1.2)
    assert cell[("all", "all", "G")] == pytest.approx(1.2)
    # With a threshold above the cell size, the cell falls back and says so
    f2 = r.label_factors(d, min_n=3).set_index(["dwelling_type", "build_period", "label"])
    assert f2.loc[("mid-terrace", "before 1930", "A"), "level"] == "type"


def test_monotone_by_label_pools_violators():
    out = r.monotone_by_label(np.array([0.9, 1.1, 1.0, 1.2]), np.array([1.0, 1.0, 3.0, 1.0]))
    assert out.tolist() == pytest.approx([0.9, 1.025, 1.025, 1.2])
    assert np.all(np.diff(out) >= 0)
