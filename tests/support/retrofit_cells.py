"""Tiny buurt tables, stock cells and label factors built in code, shared by the retrofit savings and budget tests.

Every figure is a round number, so a test can work out the right answer by hand: no file in data/ is read.
"""

from __future__ import annotations

import pandas as pd

from geo.metrics.household_income import income_fits
from geo.params import MonitorSettings
from geo.targeting import retrofit as r

# Relative gas use per energy label, the same for every dwelling type and build period.
POOLED = {"A": 0.8, "B": 0.9, "C": 1.0, "D": 1.05, "E": 1.1, "F": 1.15, "G": 1.2}


def pooled_factors(values: dict[str, float] = POOLED) -> pd.DataFrame:
    """A factor table with only the pooled level: every cell falls back to it."""
    return pd.DataFrame(
        {"dwelling_type": r.ALL, "build_period": r.ALL, "label": list(values), "factor": list(values.values())}
    )


def buurt(code: str, gas: float = 1000.0, elec: float = 2000.0, income_keur: float = 20.0, size: float = 2.0,
          low: float = 10.0, households: float = 20.0, dwellings: float = 20.0, name: str | None = None) -> dict:
    """One row of a buurt table: KWB gas and electricity use per dwelling, income, households and stock."""
    return {
        "buurt_code": code, "buurt_name": name or code, "households": households, "dwellings": dwellings,
        "gas_m3": gas, "gas_m3_mid_terrace": gas, "electricity_kwh": elec, "income_per_inhabitant_keur": income_keur,
        "household_size": size, "pct_low_income": low,
    }


def cells_for(code: str, counts: dict[str, float], dtype: str = "mid-terrace") -> pd.DataFrame:
    """Stock cells of one buurt: ``counts`` dwellings per label, all of one type, period and tenure."""
    return pd.DataFrame(
        {"buurt_code": code, "dwelling_type": dtype, "build_period": "1946-1964", "tenure": "owner",
         "label": list(counts), "dwellings": list(counts.values())}
    )


def income_of(buurten: pd.DataFrame, cells: pd.DataFrame | None = None, income_year: int = 2017) -> pd.DataFrame:
    """The Monitor's income model of a test buurt table (the CBS low-income line of ``income_year``).

    Without ``cells`` every buurt counts as owner-occupied for the fit (no tenure shift).
    """
    cells = pd.DataFrame(columns=["buurt_code", "tenure", "dwellings"]) if cells is None else cells
    return income_fits(pd.DataFrame(buurten).set_index("buurt_code"), cells, income_year, MonitorSettings())
