"""A tiny Heerlen built in code for the Overview and briefing tests: three buurten in two wijken."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import config
from geo.params import IndexSettings, Prices, QuoteThreshold

CODES = ["BU09170001", "BU09170002", "BU09170003"]
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def mini_town():
    """Everything :func:`geo.report.briefing.build` takes, as keyword arguments (area still to choose)."""
    x0, y0 = 196000, 321000
    shapes = gpd.GeoDataFrame({"buurt_code": CODES},
                              geometry=[box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(3)],
                              crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    wijken = gpd.GeoDataFrame({"wijk_code": ["WK091700", "WK091701"]},
                              geometry=[box(x0, y0, x0 + 2000, y0 + 1000), box(x0 + 2000, y0, x0 + 3000, y0 + 1000)],
                              crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    table = pd.DataFrame({
        "buurt_name": ["Noord", HOSTILE, "Zuid"], "wijk_code": ["WK091700", "WK091700", "WK091701"],
        "wijk_name": ["Wijk 0 Centrum", "Wijk 0 Centrum", "Wijk 1 Zuid"],
        "households": [1000.0, 3000.0, 500.0], "pct_low_income": [20.0, 10.0, float("nan")],
        "pct_lihelek_households": [20.0, 4.0, float("nan")], "pct_lihelek_households_p05": [15.0, 3.0, float("nan")],
        "pct_lihelek_households_p95": [25.0, 5.0, float("nan")], "households_lihelek": [200.0, 120.0, float("nan")],
        "pct_heq_households": [12.0, 6.0, float("nan")], "pct_lekwi_households": [30.0, 10.0, float("nan")],
        "energy_poverty_index": [80.0, 30.0, float("nan")],
    }, index=pd.Index(CODES, name="buurt_code"))
    rows = {"households": 4500.0, "pct_low_income": 12.5, "pct_social_minimum": 11.0, "pct_social_assistance": 5.0,
            "gas_m3": 1170.0, "electricity_kwh": 2590.0, "income_per_inhabitant_keur": 25.0, "household_size": 2.0}
    gemeente = pd.DataFrame({"gemeente": rows, "gemeente_2022": {"households": 4600.0, "gas_m3": 980.0},
                             "netherlands_2022": {"households": 8_138_591.0, "gas_m3": 982.0}})
    meta = {"households": {"year": 2020}, "pct_low_income": {"year": 2018}, "gas_m3": {"year": 2019},
            "income_per_inhabitant_keur": {"year": 2017}, "pct_social_assistance": {"year": "2024 Q1"}}
    return {"table": table, "gemeente": gemeente, "meta": meta, "shapes": shapes, "wijken": wijken,
            "prices": Prices(), "threshold": QuoteThreshold(), "index": IndexSettings()}
