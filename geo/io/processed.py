"""Readers of the processed data (what the app's cached loader calls)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import config

POOLED = "all"  # label factors: the dwelling_type or build_period of a row pooled over that level


def processed_ready(paths: config.ProcessedPaths = config.SHIPPED) -> bool:
    """True when every processed file the app needs at buurt level exists in ``paths`` (default: the shipped data)."""
    needed = [paths.buurten, paths.buurten_map, paths.wijken_map, paths.wijken, paths.gemeente, paths.join_report,
              paths.stock, paths.stock_cells, paths.stock_validation, paths.stock_checks,
              paths.label_factors, paths.gemeente_households]
    return all(p.exists() for p in needed)


def wijk_ready(paths: config.ProcessedPaths) -> bool:
    """True when the files of a wijk-level municipality exist: wijk figures, wijk shapes and the build report."""
    return all(p.exists() for p in (paths.wijken, paths.wijken_map, paths.join_report))


def read_buurten(path: Path = config.BUURTEN, stock_path: Path = config.STOCK) -> gpd.GeoDataFrame:
    """Buurt table with full-resolution geometry, all processed indicators and the stock estimate.

    The estimated stock per buurt (labels, heat demand; see :mod:`geo.catalog.stock_columns`)
    is joined by buurt code when it has been built.
    """
    buurten = gpd.read_parquet(path)
    if Path(stock_path).exists():
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


def read_label_factors(path: Path = config.LABEL_FACTORS) -> pd.DataFrame:
    """Read the relative gas use per energy label within dwelling type x build period (the retrofit factors).

    Rows pooled over all build periods of a type, or over all dwellings, carry :data:`POOLED` there.
    """
    return pd.read_parquet(path)


def read_gemeente_households(path: Path = config.GEMEENTE_HOUSEHOLDS) -> pd.DataFrame:
    """Read the municipality's households, dwelling stock and unoccupied share per KWB year (new-build scenarios)."""
    return pd.read_parquet(path)


def income_year(metadata: dict) -> int:
    """The year the buurt income figures describe, as the build recorded it (from the low-income share).

    Examples
    --------
    >>> income_year({"columns": {"pct_low_income": {"edition": "KWB 2017", "year": 2017}}})
    2017
    """
    return int(metadata["columns"]["pct_low_income"]["year"])
