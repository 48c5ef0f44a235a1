"""Reading and validating the raw and processed data.

Raw readers check the shape of what they read (pandera schemas, CRS, codes) and
raise :class:`DataError` with a message a user can act on; they never change
the files. Processed readers are what the app's cached loader calls.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from geo import config

BUURT_CODE = r"^BU\d{8}$"
WIJK_CODE = r"^WK\d{6}$"
GEMEENTE_CODE = r"^GM\d{4}$"


class DataError(ValueError):
    """Raised when input data does not have the expected shape; the message is for users."""


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


def check_numeric(df: pd.DataFrame, columns: list[str], what: str) -> pd.DataFrame:
    """Return ``df`` with ``columns`` as floats; text where numbers belong is an error.

    Empty cells stay missing (NaN); they are never filled with zero.
    """
    out = df.copy()
    for col in columns:
        if col not in out.columns:
            raise DataError(f"{what} lacks the column '{col}'.")
        converted = pd.to_numeric(out[col], errors="coerce")
        bad = converted.isna() & out[col].notna() & (out[col].astype(str).str.strip() != "")
        if bad.any():
            example = out.loc[bad, col].astype(str).iloc[0]
            raise DataError(f"{what}: column '{col}' holds text where a number belongs (e.g. '{example}').")
        out[col] = converted.astype(float)
    return out


def validate_polygons(gdf: gpd.GeoDataFrame, code_column: str, code_pattern: str, what: str) -> gpd.GeoDataFrame:
    """Check codes, CRS and geometry of a polygon layer and return it in WGS84.

    Parameters
    ----------
    gdf : GeoDataFrame
        Polygon layer as read.
    code_column : str
        Column holding the region code.
    code_pattern : str
        Regular expression the codes must match.
    what : str
        Name of the layer for messages.

    Returns
    -------
    GeoDataFrame
        The layer in EPSG:4326 with invalid rings repaired by ``make_valid``.
    """
    if code_column not in gdf.columns:
        raise DataError(f"{what} lacks the column '{code_column}'.")
    if gdf.crs is None:
        raise DataError(f"{what} has no coordinate reference system; expected WGS84 (EPSG:4326) or RD New (EPSG:28992).")
    if gdf.geometry.isna().any() or gdf.geometry.is_empty.any():
        missing = gdf.loc[gdf.geometry.isna() | gdf.geometry.is_empty, code_column].astype(str).tolist()
        raise DataError(f"{what}: {len(missing)} feature(s) without geometry: {', '.join(missing[:5])}.")
    codes = gdf[code_column].astype(str)
    bad = codes[~codes.str.match(code_pattern)]
    if len(bad):
        raise DataError(f"{what}: codes not in the expected form, e.g. '{bad.iloc[0]}'.")
    if codes.duplicated().any():
        raise DataError(f"{what}: duplicate codes, e.g. '{codes[codes.duplicated()].iloc[0]}'.")
    if not set(gdf.geom_type.unique()) <= {"Polygon", "MultiPolygon"}:
        raise DataError(f"{what}: only polygons are allowed, found {sorted(set(gdf.geom_type))}.")
    out = gdf.to_crs(config.CRS_WGS84)
    minx, miny, maxx, maxy = out.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataError(f"{what}: coordinates are outside longitude/latitude range; is the CRS declared correctly?")
    invalid = ~out.geometry.is_valid
    if invalid.any():
        out.loc[invalid, "geometry"] = out.loc[invalid, "geometry"].make_valid()
    return out


def read_buurt_polygons(path: Path = config.RAW_BUURTEN) -> gpd.GeoDataFrame:
    """Read the CBS/Kadaster buurt polygons as ``buurt_code``, ``buurt_name``, geometry (EPSG:4326)."""
    gdf = gpd.read_file(path)
    gdf = gdf.rename(columns={"CBS-buurtcode": "buurt_code", "buurtnaam": "buurt_name"})
    if gdf.crs is None:
        # RFC 7946: GeoJSON without a crs member is WGS84 lon/lat.
        gdf = gdf.set_crs(config.CRS_WGS84)
    gdf = validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurt polygons")
    return gdf[["buurt_code", "buurt_name", "geometry"]].sort_values("buurt_code").reset_index(drop=True)


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


# ---- processed data -------------------------------------------------------------------------


def processed_ready() -> bool:
    """True when every processed file the app needs exists."""
    needed = [config.BUURTEN, config.BUURTEN_MAP, config.WIJKEN_MAP, config.WIJKEN, config.GEMEENTE, config.JOIN_REPORT,
              config.STOCK, config.STOCK_CELLS, config.STOCK_VALIDATION, config.STOCK_CHECKS]
    return all(p.exists() for p in needed)


def read_buurten(path: Path = config.BUURTEN, stock_path: Path = config.STOCK) -> gpd.GeoDataFrame:
    """Buurt table with full-resolution geometry, all processed indicators and the stock estimate.

    The estimated stock per buurt (labels, heat demand; see :mod:`geo.stock`) is joined
    by buurt code when it has been built.
    """
    buurten = gpd.read_parquet(path)
    if Path(stock_path).exists():
        import geo.stock  # noqa: F401  registers the stock columns in the data dictionary

        stock = pd.read_parquet(stock_path)
        buurten = buurten.merge(stock, on="buurt_code", how="left", validate="one_to_one")
    return buurten


def read_map_shapes(path: Path = config.BUURTEN_MAP) -> gpd.GeoDataFrame:
    """Simplified polygons (code + geometry) for drawing."""
    return gpd.read_parquet(path)


def read_table(path: Path) -> pd.DataFrame:
    """A processed non-spatial table."""
    return pd.read_parquet(path)


def read_metadata(path: Path = config.JOIN_REPORT) -> dict:
    """The build metadata: editions and years per column, join report, checksums."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
