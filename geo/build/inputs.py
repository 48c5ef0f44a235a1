"""The build's first stages: read and check the raw tables, report the joins, choose editions.

Every statistics table is joined to the buurt polygons explicitly by code and the
result reported per source year; per column the latest KWB edition with enough
buurten filled is chosen, with the year it describes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo import config
from geo.build.kwb import benefits_values, join_report, kwb_values, pick_edition, reference_year
from geo.catalog import dictionary
from geo.io.raw import read_benefits, read_buurt_polygons, read_gemeenten, read_kwb

# The raw files whose checksums the metadata records.
RAW_FILES = (config.RAW_BUURTEN, config.RAW_KWB, config.RAW_BENEFITS, config.RAW_GEMEENTEN)


@dataclass(frozen=True)
class RawInputs:
    """The raw tables the build starts from, read and checked.

    Attributes
    ----------
    polygons : GeoDataFrame
        The 2023 buurt polygons (``buurt_code``, ``buurt_name``, geometry).
    kwb : DataFrame
        The CBS KWB table, one row per region per edition.
    benefits : DataFrame
        The CBS 85586NED social-assistance table, one row per region per quarter.
    gemeenten : DataFrame
        The national municipality table (KWB 2022 edition values).
    """

    polygons: gpd.GeoDataFrame
    kwb: pd.DataFrame
    benefits: pd.DataFrame
    gemeenten: pd.DataFrame

    @property
    def buurt_codes(self) -> list[str]:
        """Codes of the buurt polygons, the buurten every table is joined to."""
        return self.polygons["buurt_code"].tolist()

    @property
    def kwb_buurten(self) -> pd.DataFrame:
        """The KWB rows of buurten (not wijken or the gemeente)."""
        return self.kwb[self.kwb["regio_type"] == "Buurt"]

    @property
    def wijk_names(self) -> pd.Series:
        """Wijk name per wijk code, as the latest KWB edition spells it."""
        wijken = self.kwb[self.kwb["regio_type"] == "Wijk"]
        return wijken.sort_values("jaar").groupby("regio_code")["regio_naam"].last()


@dataclass(frozen=True)
class Editions:
    """Which source edition each processed column comes from.

    Attributes
    ----------
    kwb : dict of str to int or None
        KWB edition per KWB-sourced column (None when no edition has values).
    benefits_period : str
        The latest quarter of the benefits table, e.g. ``"2024 Q2"``.
    columns : dict of str to dict
        Per column the edition, the year it describes and its buurt coverage, as
        the metadata records them.
    """

    kwb: dict[str, int | None]
    benefits_period: str
    columns: dict[str, dict]


def sha256(path) -> str:
    """Checksum of a raw file, recorded so a processed build can be traced to its inputs."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_inputs() -> RawInputs:
    """Read and check the raw buurt polygons, KWB, benefits and municipality tables.

    Returns
    -------
    RawInputs
    """
    return RawInputs(
        polygons=read_buurt_polygons(),
        kwb=read_kwb(columns=list(dictionary.kwb_columns().values())),
        benefits=read_benefits(),
        gemeenten=read_gemeenten(),
    )


def join_reports(raw: RawInputs) -> dict[str, dict]:
    """Report the matched and unmatched buurt codes per source year.

    Codes and boundaries change between years, so every statistics table is
    joined to the polygons explicitly by code and the result reported per year.

    Parameters
    ----------
    raw : RawInputs

    Returns
    -------
    dict of str to dict
        Per source year (``"KWB 2019"``, ``"Benefits 2024"``) a :func:`~geo.build.kwb.join_report`.
    """
    buurt_codes = raw.buurt_codes
    joins = {
        f"KWB {year}": join_report(buurt_codes, rows["regio_code"]) for year, rows in raw.kwb_buurten.groupby("jaar")
    }
    ben_buurten = raw.benefits[raw.benefits["WijkenEnBuurten"].str.startswith("BU")]
    for year, rows in ben_buurten.groupby("jaar"):
        joins[f"Benefits {year}"] = join_report(buurt_codes, rows["WijkenEnBuurten"].unique())
    return joins


def choose_editions(raw: RawInputs) -> Editions:
    """Per column the latest edition with enough buurten filled, and the year it describes.

    Parameters
    ----------
    raw : RawInputs

    Returns
    -------
    Editions
        KWB columns in dictionary order, then the social-assistance columns of
        the latest benefits quarter.
    """
    buurt_codes = raw.buurt_codes
    editions: dict[str, int | None] = {}
    columns: dict[str, dict] = {}
    for col in dictionary.COLUMNS:
        if not col.kwb:
            continue
        edition, filled = pick_edition(raw.kwb_buurten, col.kwb)
        editions[col.name] = edition
        columns[col.name] = {
            "edition": f"KWB {edition}" if edition else "none",
            "year": reference_year(col.theme, edition) if edition else None,
            "coverage": f"{filled} of {len(buurt_codes)}",
        }
    ben, period = benefits_values(raw.benefits)
    of_buurten = ben[ben.index.isin(buurt_codes)]
    for name in ["pct_social_assistance", "social_assistance_persons"]:
        columns[name] = {
            "edition": f"85586NED {period}",
            "year": period,
            "coverage": f"{int(of_buurten[name].notna().sum())} of {len(buurt_codes)}",
        }
    return Editions(kwb=editions, benefits_period=period, columns=columns)


def region_values(raw: RawInputs, codes: list[str], editions: Editions) -> pd.DataFrame:
    """KWB figures from each column's chosen edition and the latest benefits figures, one row per region code."""
    ben, _ = benefits_values(raw.benefits)
    return kwb_values(raw.kwb, codes, editions.kwb).join(ben, how="left")
