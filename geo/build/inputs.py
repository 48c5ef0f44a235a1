"""The build's first stages: read and check the raw tables, report the joins, choose editions.

Every statistics table is joined to the buurt polygons explicitly by code and the
result reported per source year; per column the latest KWB edition with enough
buurten filled is chosen, with the year it describes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import config
from geo.errors import DataError
from geo.i18n import _
from geo.io.checks import check_numeric
from geo.build.kwb import (
    benefits_values,
    documented_editions,
    join_report,
    kwb_values,
    pick_edition,
    reference_year,
)
from geo.build.stock.vivet import find_address_file
from geo.catalog import dictionary
from geo.io.raw import read_benefits, read_buurt_polygons, read_gemeenten, read_kwb, read_wijk_names

# The raw files whose checksums the metadata records (the shipped Heerlen build).
RAW_FILES = config.raw_paths().files

# Where the dwellings of the stock estimate come from (:func:`vivet_source`).
VIVET_ADDRESS, VIVET_SHARED, VIVET_NONE = "address", "shared", "none"


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
    boundary_wijk_names : Series, optional
        Wijk name per wijk code from the boundaries (PDOK), for wijken no KWB edition lists.
    missing_columns : tuple of str
        KWB columns the build reads that the KWB table lacks (read as missing).
    """

    polygons: gpd.GeoDataFrame
    kwb: pd.DataFrame
    benefits: pd.DataFrame
    gemeenten: pd.DataFrame
    boundary_wijk_names: pd.Series | None = None
    missing_columns: tuple[str, ...] = ()

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
        """Wijk name per wijk code, as the latest KWB edition spells it (else as the boundaries name it)."""
        wijken = self.kwb[self.kwb["regio_type"] == "Wijk"]
        names = wijken.sort_values("jaar").groupby("regio_code")["regio_naam"].last()
        if self.boundary_wijk_names is not None:
            names = names.combine_first(self.boundary_wijk_names)
        return names

    @property
    def gemeente_code(self) -> str:
        """The municipality's CBS code, from its KWB row (else from the buurt codes: BU + 4 digits)."""
        codes = self.kwb.loc[self.kwb["regio_type"] == "Gemeente", "regio_code"].unique()
        if len(codes) == 1:
            return str(codes[0])
        return "GM" + self.buurt_codes[0][2:6]

    @property
    def gemeente_name(self) -> str:
        """The municipality's name as the latest KWB edition spells it (the code when no row names it)."""
        rows = self.kwb[self.kwb["regio_code"] == self.gemeente_code].sort_values("jaar")["regio_naam"].dropna()
        return str(rows.iloc[-1]).strip() if len(rows) else self.gemeente_code


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


def read_inputs(paths: config.RawPaths | None = None) -> RawInputs:
    """Read and check the raw buurt polygons, KWB, benefits and municipality tables.

    Parameters
    ----------
    paths : RawPaths, optional
        The municipality's raw files (:func:`geo.config.raw_paths`); default the shipped Heerlen files.

    Returns
    -------
    RawInputs
        A KWB column the build reads but the table lacks (a refreshed set of editions may not have it) is
        added as missing and listed in ``missing_columns``.

    Raises
    ------
    DataError
        When a raw file is missing or malformed.
    """
    paths = paths or config.raw_paths()
    for path, what in ((paths.buurten, "pdok_buurten_<year>"), (paths.kwb, "cbs_kwb"),
                       (paths.gemeenten, "national table")):
        if path is None or not path.exists():
            raise DataError(_("The raw data lacks {what} ({path}): run python -m geo.refresh {code} to fetch it.")
                            .format(what=what, path=path or paths.gemeente, code=paths.gemeente or "GM...."))
    kwb = read_kwb(paths.kwb)
    wanted = list(dictionary.kwb_columns().values())
    missing = tuple(c for c in wanted if c not in kwb.columns)
    kwb = check_numeric(kwb.assign(**{c: np.nan for c in missing}), wanted, "The KWB table")
    return RawInputs(
        polygons=read_buurt_polygons(paths.buurten),
        kwb=kwb,
        # Without the benefits table (refreshed with --no-benefits) social assistance stays missing.
        benefits=read_benefits(paths.benefits) if paths.benefits.exists() else pd.DataFrame(
            columns=["WijkenEnBuurten", "jaar", "kwartaal", "Bijstandsuitkering_6", "Bijstandsuitkering_10"]),
        gemeenten=read_gemeenten(paths.gemeenten),
        boundary_wijk_names=read_wijk_names(paths.wijken) if paths.wijken else None,
        missing_columns=missing,
    )


def vivet_source(paths: config.RawPaths, gemeente: str) -> tuple[str, Path | None]:
    """Where the stock estimate's dwellings come from: the per-address file, the shared file, or nowhere.

    The per-address VIVET file (with ``BU_CODE``) under ``paths.vivet_address_root`` counts labels per buurt
    exactly; otherwise the shipped Parkstad file is used when it lists dwellings of ``gemeente``; otherwise
    there is no stock estimate for the municipality.

    Returns
    -------
    (kind, path) : tuple
        ``(VIVET_ADDRESS, file)``, ``(VIVET_SHARED, file)`` or ``(VIVET_NONE, None)``.
    """
    address = find_address_file(paths.vivet_address_root)
    if address is not None:
        return VIVET_ADDRESS, address
    if paths.vivet.exists():
        codes = pd.read_csv(paths.vivet, usecols=["gemeentecode"], dtype=str)["gemeentecode"]
        if (codes == gemeente).any():
            return VIVET_SHARED, paths.vivet
    return VIVET_NONE, None


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

    Only editions whose reference year CBS documents for the column's theme are chosen
    (:func:`~geo.build.kwb.documented_editions`); editions with values that were passed over for that reason
    are listed per column as ``editions_not_used``. Coverage counts the buurten of the polygons.

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
    # Coverage counts the buurten of the polygons: a row under a code the boundaries no longer have shows nowhere.
    of_polygons = raw.kwb_buurten[raw.kwb_buurten["regio_code"].isin(buurt_codes)]
    editions: dict[str, int | None] = {}
    columns: dict[str, dict] = {}
    for col in dictionary.COLUMNS:
        if not col.kwb:
            continue
        allowed = documented_editions(col.theme)
        edition, filled = pick_edition(of_polygons, col.kwb, editions=allowed)
        editions[col.name] = edition
        columns[col.name] = {
            "edition": f"KWB {edition}" if edition else "none",
            "year": reference_year(col.theme, edition) if edition else None,
            "coverage": f"{filled} of {len(buurt_codes)}",
        }
        counts = raw.kwb_buurten.groupby("jaar")[col.kwb].count()
        unused = [int(e) for e in counts.index[counts > 0] if e not in allowed]
        if unused:  # values CBS published, but without a note on the year they describe
            columns[col.name]["editions_not_used"] = unused
    ben, period = benefits_values(raw.benefits)
    of_buurten = ben[ben.index.isin(buurt_codes)]
    for name in ["pct_social_assistance", "social_assistance_persons"]:
        columns[name] = {
            "edition": f"85586NED {period}" if period != "none" else "none",
            "year": period if period != "none" else None,
            "coverage": f"{int(of_buurten[name].notna().sum())} of {len(buurt_codes)}",
        }
    return Editions(kwb=editions, benefits_period=period, columns=columns)


def region_values(raw: RawInputs, codes: list[str], editions: Editions) -> pd.DataFrame:
    """KWB figures from each column's chosen edition and the latest benefits figures, one row per region code."""
    ben = benefits_values(raw.benefits)[0]
    return kwb_values(raw.kwb, codes, editions.kwb).join(ben, how="left")
