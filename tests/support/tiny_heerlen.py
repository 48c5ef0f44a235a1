"""A tiny Heerlen built in code: three buurten in two wijken, two KWB editions, two benefit quarters.

Shared by the tests of the build's stages; every value is chosen so the right answer is known.
"""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import config
from geo.build.inputs import RawInputs
from geo.catalog import dictionary

BUURTEN = {"BU09170001": "Centrum", "BU09170002": "Markt", "BU09170101": "Heide"}
GAS = dictionary.kwb_columns()["gas_m3"]
INCOME = dictionary.kwb_columns()["income_per_inhabitant_keur"]


def polygons() -> gpd.GeoDataFrame:
    """Three squares side by side in RD New: 1 ha, 1 ha and 2 ha."""
    x0, y0 = 195_000, 320_000
    boxes = [shapely.box(x0, y0, x0 + 100, y0 + 100), shapely.box(x0 + 100, y0, x0 + 200, y0 + 100),
             shapely.box(x0 + 200, y0, x0 + 400, y0 + 100)]
    gdf = gpd.GeoDataFrame({"buurt_code": list(BUURTEN), "buurt_name": list(BUURTEN.values())},
                           geometry=boxes, crs=config.CRS_METRIC)
    return gdf.to_crs(config.CRS_WGS84)


def kwb() -> pd.DataFrame:
    """Editions 2017 and 2018: income only in 2017, gas suppressed for Heide, a wijk renamed, a code gone."""
    regions = [(code, "Buurt", name) for code, name in BUURTEN.items()] + [
        ("WK091700", "Wijk", "Oud Centrum"), ("WK091701", "Wijk", "Heide"),
        (config.GEMEENTE_CODE, "Gemeente", "Heerlen"),
    ]
    rows = []
    for year in (2017, 2018):
        for code, kind, name in regions:
            row = {"jaar": year, "regio_code": code, "regio_type": kind, "regio_naam": name}
            row |= {raw: 10.0 for raw in dictionary.kwb_columns().values()}
            row[GAS] = 1000.0 + year
            row[INCOME] = 25.0 if year == 2017 else np.nan
            rows.append(row)
    rows.append({"jaar": 2018, "regio_code": "BU09179999", "regio_type": "Buurt", "regio_naam": "Elders"})
    df = pd.DataFrame(rows)
    df.loc[(df["jaar"] == 2018) & (df["regio_code"] == "WK091700"), "regio_naam"] = "Centrum-Markt"
    df.loc[df["regio_code"] == "BU09170101", GAS] = np.nan
    return df


def benefits() -> pd.DataFrame:
    """Two quarters of social assistance; in the latest Markt is suppressed."""
    rows = []
    for year, quarter in ((2023, 4), (2024, 1)):
        for code in [*BUURTEN, "WK091700", config.GEMEENTE_CODE]:
            rows.append({"WijkenEnBuurten": code, "jaar": year, "kwartaal": quarter,
                         "Bijstandsuitkering_10": 4.0 + quarter, "Bijstandsuitkering_6": 40.0})
    df = pd.DataFrame(rows)
    df.loc[(df["jaar"] == 2024) & (df["WijkenEnBuurten"] == "BU09170002"), "Bijstandsuitkering_10"] = np.nan
    return df


def gemeenten() -> pd.DataFrame:
    """Heerlen and one other municipality, twice its size."""
    base = {"huishoudens": 100, "woningvoorraad": 100, "pct_rond_sociaal_min": 10, "gem_aardgas": 1000,
            "gem_elektriciteit": 2500, "koopwoningen": 50, "huurwoningen": 50, "aantal_inwoners": 200}
    other = {k: 2 * v for k, v in base.items()} | {"pct_rond_sociaal_min": 4}
    return pd.DataFrame([{"gemeentecode": config.GEMEENTE_CODE, **base}, {"gemeentecode": "GM0001", **other}])


def raw_inputs() -> RawInputs:
    """The four raw tables of the tiny Heerlen, as the build reads them."""
    return RawInputs(polygons=polygons(), kwb=kwb(), benefits=benefits(), gemeenten=gemeenten())
