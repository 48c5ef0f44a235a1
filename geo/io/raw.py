"""Readers of the raw open data (used by the build only).

Each reader checks the shape of what it reads (pandera schemas, CRS, codes) and
raises :class:`~geo.errors.DataError` with a message a user can act on; it never
changes the files.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from geo import config
from geo.errors import DataError
from geo.io.checks import BUURT_CODE, check_numeric, validate_polygons

KWB_SCHEMA = pa.DataFrameSchema(
    {
        "jaar": pa.Column(int, pa.Check.in_range(2000, 2100)),
        "regio_code": pa.Column(str, pa.Check.str_matches(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")),
        "regio_type": pa.Column(str, pa.Check.isin(["Gemeente", "Wijk", "Buurt"])),
        "regio_naam": pa.Column(str),
    },
    unique=["jaar", "regio_code"],
    strict=False,
    coerce=True,
)

BENEFITS_SCHEMA = pa.DataFrameSchema(
    {
        "WijkenEnBuurten": pa.Column(str, pa.Check.str_matches(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")),
        "jaar": pa.Column(int),
        "kwartaal": pa.Column(int, pa.Check.isin([1, 2, 3, 4])),
        "Bijstandsuitkering_6": pa.Column(float, pa.Check.ge(0), nullable=True),
        "Bijstandsuitkering_10": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        "InwonersVanaf15Jaar_13": pa.Column(float, pa.Check.ge(0), nullable=True),
    },
    unique=["WijkenEnBuurten", "jaar", "kwartaal"],
    strict=False,
    coerce=True,
)


def _validate(schema: pa.DataFrameSchema, df: pd.DataFrame, what: str) -> pd.DataFrame:
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases[["column", "check"]].drop_duplicates().head(5)
        detail = "; ".join(f"{r.column}: {r.check}" for r in cases.itertuples())
        raise DataError(f"{what} does not have the expected columns or values ({detail}).") from None


def read_buurt_polygons(path: Path = config.RAW_BUURTEN) -> gpd.GeoDataFrame:
    """Read the CBS/Kadaster buurt polygons as ``buurt_code``, ``buurt_name``, geometry (EPSG:4326)."""
    gdf = gpd.read_file(path)
    gdf = gdf.rename(columns={"CBS-buurtcode": "buurt_code", "buurtnaam": "buurt_name"})
    if gdf.crs is None:
        # RFC 7946: GeoJSON without a crs member is WGS84 lon/lat.
        gdf = gdf.set_crs(config.CRS_WGS84)
    gdf = validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurt polygons")
    return gdf[["buurt_code", "buurt_name", "geometry"]].sort_values("buurt_code").reset_index(drop=True)


def read_wijk_names(path: Path) -> pd.Series:
    """Wijk name per wijk code from refreshed PDOK wijk boundaries (``wijkcode``/``CBS-wijkcode``, ``wijknaam``)."""
    gdf = gpd.read_file(path)
    code = "wijkcode" if "wijkcode" in gdf.columns else "CBS-wijkcode"
    if code not in gdf.columns or "wijknaam" not in gdf.columns:
        raise DataError(f"The wijk boundaries {Path(path).name} lack the columns 'wijkcode' and 'wijknaam'.")
    return pd.Series(gdf["wijknaam"].astype(str).to_numpy(), index=gdf[code].astype(str).to_numpy(), name="wijk_name")


def read_kwb(path: Path = config.RAW_KWB, columns: list[str] | None = None) -> pd.DataFrame:
    """Read the CBS KWB table (one row per region per edition), checked and with numeric columns as floats."""
    df = pd.read_csv(path, dtype={"regio_code": str, "wijk_code": str, "regio_naam": str, "regio_type": str})
    df = _validate(KWB_SCHEMA, df, "The KWB table")
    if columns:
        df = check_numeric(df, columns, "The KWB table")
    return df


def read_benefits(path: Path = config.RAW_BENEFITS) -> pd.DataFrame:
    """Read the CBS 85586NED benefits table, checked."""
    df = pd.read_csv(path, dtype={"WijkenEnBuurten": str, "Perioden": str})
    return _validate(BENEFITS_SCHEMA, df, "The benefits table")


def read_gemeenten(path: Path = config.RAW_GEMEENTEN) -> pd.DataFrame:
    """Read the national municipality attribute table (KWB 2022 edition values)."""
    df = pd.read_csv(path, dtype={"gemeentecode": str})
    if "gemeentecode" not in df.columns:
        raise DataError("The municipality table lacks the column 'gemeentecode'.")
    return df
