"""Wijk level for any municipality, offline: its wijken from the shipped national wijken table.

The national table (CBS / Kadaster *Wijk- en buurtkaart 2024* via PDOK, ``config.RAW_WIJKEN_NL``) carries every
Dutch wijk with its population figures. For a municipality without refreshed buurt data this is what can be
shown: population, households, household size, density and age shares per wijk. No income, energy or housing
figures, no buurten, no stock: the app says so and tells how to add them (``make refresh GM=…``).

A wijk-level build writes ``data/processed/<GM>/`` with only ``wijken.parquet`` (figures), ``wijken_map.parquet``
(outlines) and ``join_report.json`` (``gemeente.level == "wijk"``). It never replaces a buurt-level build.

Run: ``python -m geo.build --gemeente GM0928`` when ``data/raw/GM0928`` is absent, and as part of
``python -m geo.build`` for the Parkstad neighbours (:data:`geo.config.PARKSTAD`).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import config
from geo.build.inputs import sha256
from geo.build.national import repair
from geo.errors import DataError
from geo.i18n import _
from geo.io.checks import check_numeric

WHAT = "The national wijken table"
LEVEL_WIJK, LEVEL_BUURT = "wijk", "buurt"
# The national table's properties and the dictionary columns they fill (geo.catalog.dictionary).
RAW_COLUMNS = {
    "aantal_inwoners": "inhabitants",
    "huishoudens": "households",
    "gem_huishouden_grootte": "household_size",
    "bevolkingsdichtheid": "density",
    "0_15": "pct_age_0_15",
    "15_25": "pct_age_15_25",
    "25_45": "pct_age_25_45",
    "45_65": "pct_age_45_65",
    "65plus": "pct_age_65plus",
}
# KWB 2024 edition (PDOK wijkenbuurten 2024). CBS's notes: population, households and their composition are
# counts on 1 January of the edition's year, so each of these figures describes 2024 (SOURCE.md: "1 Jan 2024").
EDITION, YEAR = "CBS Wijk- en buurtkaart 2024", 2024
BOUNDARIES_YEAR = 2024


def read_wijken_nl(path: Path = config.RAW_WIJKEN_NL) -> gpd.GeoDataFrame:
    """The shipped national wijken GeoJSON, checked: columns present, CRS WGS84 (RFC 7946 when none is named)."""
    gdf = gpd.read_file(path)
    if gdf.crs is None:
        gdf = gdf.set_crs(config.CRS_WGS84)
    missing = [c for c in ["wijkcode", "wijknaam", "gemeentecode", "gemeentenaam", *RAW_COLUMNS] if c not in gdf]
    if missing:
        raise DataError(f"{WHAT} lacks the column(s) {', '.join(missing)}.")
    return gdf.to_crs(config.CRS_WGS84)


def municipality_names(nl: pd.DataFrame) -> dict[str, str]:
    """Code -> name of every municipality in the national table.

    Examples
    --------
    >>> municipality_names(pd.DataFrame({"gemeentecode": ["GM0928", "GM0928"], "gemeentenaam": ["Kerkrade"] * 2}))
    {'GM0928': 'Kerkrade'}
    """
    return dict(nl[["gemeentecode", "gemeentenaam"]].drop_duplicates().itertuples(index=False))


def wijk_tables(nl: gpd.GeoDataFrame, gemeente: str) -> tuple[pd.DataFrame, gpd.GeoDataFrame, dict]:
    """One municipality's wijk figures, its outlines (repaired where invalid) and the build report.

    Parameters
    ----------
    nl : GeoDataFrame
        The national table (:func:`read_wijken_nl`).
    gemeente : str
        CBS municipality code (``GM0928``).

    Returns
    -------
    (DataFrame, GeoDataFrame, dict)
        ``wijk_code``, ``wijk_name`` and the columns of :data:`RAW_COLUMNS` (missing values stay missing);
        ``wijk_code``, ``wijk_name``, geometry; and the report (gemeente, columns with year and coverage,
        repaired outlines).

    Raises
    ------
    DataError
        When the table has no wijk of ``gemeente``.
    """
    rows = nl[nl["gemeentecode"].astype(str) == gemeente].sort_values("wijkcode").reset_index(drop=True)
    if rows.empty:
        raise DataError(_("The national wijken table (2024) has no wijk of {code}: is it a municipality of 2024? "
                          "For data of another year: make refresh GM={code} (needs internet).").format(code=gemeente))
    numeric = check_numeric(pd.DataFrame(rows.drop(columns="geometry")), list(RAW_COLUMNS), WHAT)
    figures = pd.DataFrame({"wijk_code": rows["wijkcode"].astype(str), "wijk_name": rows["wijknaam"].astype(str),
                            **{name: numeric[raw] for raw, name in RAW_COLUMNS.items()}})
    fixed, repaired = repair(rows.geometry)
    shapes = gpd.GeoDataFrame(figures[["wijk_code", "wijk_name"]], geometry=fixed.to_numpy(), crs=rows.crs)
    n = len(figures)
    report = {
        "gemeente": {"code": gemeente, "name": str(rows["gemeentenaam"].iloc[0]), "level": LEVEL_WIJK,
                     "boundaries_year": BOUNDARIES_YEAR},
        "columns": {name: {"edition": EDITION, "year": YEAR, "coverage": f"{int(figures[name].notna().sum())} of {n}"}
                    for name in RAW_COLUMNS.values()},
        "wijken": n,
        "invalid_geometries_repaired": len(repaired),
        "repaired": sorted(figures["wijk_code"].iloc[repaired]),
    }
    return figures, shapes, report


def existing_level(out_dir: Path) -> str | None:
    """The level of the build in ``out_dir`` (None when there is none)."""
    path = Path(out_dir) / config.JOIN_REPORT.name
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("gemeente", {}).get("level", LEVEL_BUURT)


def build_wijk_level(gemeente: str, out_dir: Path, nl: gpd.GeoDataFrame | None = None,
                     path: Path = config.RAW_WIJKEN_NL) -> dict | None:
    """Write one municipality's wijk-level files into ``out_dir``; return the metadata, or None when skipped.

    A folder holding a buurt-level build (from refreshed raw data) is left alone: it already has these wijken
    and much more.
    """
    if existing_level(out_dir) == LEVEL_BUURT:
        return None
    nl = read_wijken_nl(path) if nl is None else nl
    figures, shapes, meta = wijk_tables(nl, gemeente)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    figures.to_parquet(out_dir / config.WIJKEN.name)
    shapes.to_parquet(out_dir / config.WIJKEN_MAP.name)
    meta["raw_checksums"] = {Path(path).relative_to(config.RAW_DIR).as_posix()
                             if Path(path).is_relative_to(config.RAW_DIR) else Path(path).name: sha256(Path(path))}
    (out_dir / config.JOIN_REPORT.name).write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    return meta
