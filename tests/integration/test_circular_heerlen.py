"""Heerlen's default new-build plan on the real data: the tonnes it releases and the grid load it adds.

Run with ``-s`` to print the totals (``.venv/bin/python -m pytest -q -s tests/integration/test_circular_heerlen.py``).
The default plan is the New-build page's: the 2032 target (2,500 homes) over the 10 best-scoring buurten, thinning
share 0.5, replacement ratio 0.5; the retrofit packages at the Retrofit page's defaults (every dwelling worse than B).
"""

from __future__ import annotations

import pandas as pd
import pytest

from geo import config
from geo.catalog import sources
from geo.io import processed as io_processed
from geo.metrics.household_income import income_fits
from geo.params import GridParams, MonitorSettings
from geo.targeting import budget as rb
from geo.targeting import grid, materials, reuse
from geo.targeting import newbuild as nb
from geo.targeting import newbuild_score as ns
from geo.targeting import savings as rs


@pytest.fixture(scope="module")
def heerlen(processed):
    b = pd.DataFrame(processed["buurten"].drop(columns="geometry"))
    stock = pd.read_parquet(config.STOCK_CELLS)
    factors = io_processed.read_label_factors()
    income = income_fits(b.set_index("buurt_code"), stock, io_processed.income_year(processed["metadata"]),
                         MonitorSettings())
    return b, stock, factors, income


def test_default_plan_releases_hundreds_of_thousands_of_tonnes_and_adds_megawatts(heerlen):
    b, stock, factors, income = heerlen
    cells = rb.add_costs(rs.cell_savings(stock, b, factors, income=income))
    scores = ns.newbuild_scores(b, cells)
    plan = ns.suggest_over_best(scores, nb.TARGET_2032, 10)
    effects, totals = ns.newbuild_effects(plan, scores, b)
    released = materials.materials_released(stock, effects.set_index("buurt_code")["demolished"])
    t = materials.totals(released)
    potential = reuse.reuse_potential(released)
    high, recycled = potential["t_high_grade"].sum(), potential["t_recycled"].sum()
    gp = GridParams()
    _n, new = grid.against_capacity(grid.newbuild_load(effects.set_index("buurt_code")["homes"], gp), gp)
    lines = [f"Heerlen default plan: {totals['homes']:,.0f} homes, {t['demolished']:,.0f} E-G dwellings demolished, "
             f"{t['floor_area_m2']:,.0f} m2 floor area",
             *(f"  {m:<9} {t['t_' + m]:>10,.0f} t" for m in (*materials.MATERIALS, "total")),
             f"  high-grade reusable {high:,.0f} t, recycled today {recycled:,.0f} t (published shares)",
             f"  new-build all-electric: {new['extra_gwh']:.2f} GWh/yr, {new['extra_peak_mw']:.2f} MW peak"]
    for package in ("hybrid", "all_electric"):
        pc = rs.cell_savings(stock, b, factors, income=income, package=package,
                             cop=sources.COP_HYBRID if package == "hybrid" else sources.COP_ALL_ELECTRIC)
        _r, load = grid.against_capacity(grid.retrofit_load(rs.buurt_savings(pc, b), package, gp), gp)
        lines.append(f"  retrofit {package} (all worse than B): {load['extra_gwh']:.1f} GWh/yr, "
                     f"{load['extra_peak_mw']:.1f} MW peak")
    print("\n" + "\n".join(lines))
    assert t["demolished"] == pytest.approx(totals["demolished"])  # every demolished dwelling has a floor area
    assert 100_000 < t["t_total"] < 1_000_000
    assert t["t_concrete"] > t["t_masonry"] > t["t_timber"] > t["t_steel"] > 0
    # High-grade: concrete at 10 % and steel at 95 % (glass 0 t); recycled: everything but "other".
    assert high == pytest.approx(0.10 * t["t_concrete"] + 0.95 * t["t_steel"])
    assert t["t_total"] - t["t_other"] > recycled > high
    assert 0 < new["extra_peak_mw"] < 10 and 0 < new["extra_gwh"] < 10
