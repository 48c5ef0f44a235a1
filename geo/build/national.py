"""National stage: every Dutch municipality (KWB 2022 edition) for the context page.

Reads the shipped municipality outlines with their KWB 2022 figures, keeps the columns of the data dictionary
(:mod:`geo.catalog.national_columns`, each labelled by what CBS publishes, one key relabelled), repairs the
geometries the source's simplification left invalid (``shapely.make_valid``, polygon parts kept) and writes a
table (``config.GEMEENTEN``) and the outlines (``config.GEMEENTEN_MAP``). Missing values stay missing.

Run as part of ``python -m geo.build``.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from geo import config
from geo.build.inputs import sha256
from geo.catalog import national_columns
from geo.errors import DataError
from geo.io.checks import GEMEENTE_CODE, check_numeric

WHAT = "The municipality table"
# CBS's map carries a region that is no municipality: the Belgian enclaves in Baarle-Nassau ("Buitenland", no
# figures). Left out, so 345 municipalities remain (the classification of 1 January 2022, Weesp still separate).
NOT_MUNICIPALITIES = {"GM0998": "Buitenland"}


def polygonal(geom):
    """The polygon parts of a geometry (``make_valid`` may add lines or points where rings touched).

    Examples
    --------
    >>> from shapely.geometry import GeometryCollection, LineString, box
    >>> polygonal(GeometryCollection([box(0, 0, 1, 1), LineString([(1, 1), (2, 2)])])).geom_type
    'Polygon'
    """
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    polys = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    if not polys:
        return Polygon()
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def repair(geometry: gpd.GeoSeries) -> tuple[gpd.GeoSeries, list[int]]:
    """Invalid geometries made valid (polygon parts only); return them and the positions that were repaired.

    Examples
    --------
    >>> from shapely.geometry import Polygon, box
    >>> bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])  # self-intersecting
    >>> fixed, repaired = repair(gpd.GeoSeries([box(0, 0, 1, 1), bowtie]))
    >>> repaired, bool(fixed.is_valid.all()), round(float(fixed.area.iloc[1]), 1)
    ([1], True, 2.0)
    """
    invalid = ~geometry.is_valid.to_numpy()
    fixed = geometry.copy()
    if invalid.any():
        fixed[invalid] = [polygonal(g) for g in shapely.make_valid(geometry[invalid].to_numpy())]
    return fixed, [int(i) for i in invalid.nonzero()[0]]


def read_municipalities(path=config.RAW_GEMEENTEN_SHAPES) -> gpd.GeoDataFrame:
    """The shipped municipality GeoJSON, checked: codes, CRS (WGS84 when the file names none), columns."""
    gdf = gpd.read_file(path)
    if gdf.crs is None:
        gdf = gdf.set_crs(config.CRS_WGS84)  # RFC 7946: GeoJSON without a crs member is WGS84 lon/lat
    missing = [c for c in ["gemeentecode", "gemeentenaam", *national_columns.raw_columns().values()]
               if c not in gdf.columns]
    if missing:
        raise DataError(f"{WHAT} lacks the column(s) {', '.join(missing)}.")
    codes = gdf["gemeentecode"].astype(str)
    if (~codes.str.match(GEMEENTE_CODE)).any() or codes.duplicated().any():
        raise DataError(f"{WHAT}: municipality codes must be unique and of the form GM0000.")
    return gdf.to_crs(config.CRS_WGS84)


def national_means(table: pd.DataFrame, columns) -> dict[str, float]:
    """Household-weighted national mean of each share column (municipalities with both values).

    Examples
    --------
    >>> t = pd.DataFrame({"huishoudens": [100.0, 300.0, None], "s": [10.0, 50.0, 99.0]})
    >>> national_means(t, ["s"])
    {'s': 40.0}
    """
    out = {}
    for col in columns:
        ok = table[col].notna() & table["huishoudens"].notna()
        weights = table.loc[ok, "huishoudens"]
        out[col] = round(float((table.loc[ok, col] * weights).sum() / weights.sum()), 2) if ok.any() else None
    return out


def municipality_table(raw: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, dict]:
    """The processed municipalities: code, name, dictionary columns, repaired outlines; and the build report.

    Returns
    -------
    (GeoDataFrame, dict)
        One row per municipality; the report holds the count, the repaired codes and the national check of
        the income-group shares (:func:`geo.catalog.national_columns.check_national_shares`).
    """
    raw_names = national_columns.raw_columns()
    left_out = raw["gemeentecode"].astype(str).isin(NOT_MUNICIPALITIES)
    left_codes = sorted(raw.loc[left_out, "gemeentecode"].astype(str))
    raw = raw[~left_out].reset_index(drop=True)
    numeric = check_numeric(pd.DataFrame(raw.drop(columns="geometry")), list(raw_names.values()), WHAT)
    out = gpd.GeoDataFrame(
        {"gemeente_code": raw["gemeentecode"].astype(str), "gemeente_name": raw["gemeentenaam"].astype(str),
         **{name: numeric[key] for name, key in raw_names.items()}},
        geometry=raw.geometry.to_numpy(), crs=raw.crs,
    )
    fixed, repaired = repair(out.geometry)
    out = out.set_geometry(fixed).sort_values("gemeente_code").reset_index(drop=True)
    checks = national_columns.check_national_shares(
        national_means(numeric, list(national_columns.MISLABELLED)))
    report = {
        "municipalities": len(out),
        "left_out": {code: NOT_MUNICIPALITIES[code] for code in left_codes},
        "invalid_geometries_repaired": len(repaired),
        "repaired": sorted(raw["gemeentecode"].iloc[repaired].astype(str)),
        "still_invalid": int((~out.geometry.is_valid).sum()),
        "without_figures": sorted(out.loc[out[list(raw_names)].isna().all(axis=1), "gemeente_code"]),
        "income_group_check": checks,
    }
    return out, report


def build_national(out_dir=config.PROCESSED_DIR, path=config.RAW_GEMEENTEN_SHAPES) -> dict:
    """Write ``config.GEMEENTEN`` (table) and ``config.GEMEENTEN_MAP`` (outlines) into ``out_dir``; return the report.

    A failed income-group check stops the build: the labels would no longer say what the columns hold.
    """
    table, report = municipality_table(read_municipalities(path))
    failed = [raw for raw, c in report["income_group_check"].items() if not c["holds"]]
    if failed:
        raise DataError(f"{WHAT}: {', '.join(failed)} no longer averages its CBS group size; check the labels.")
    report["raw_file"], report["raw_sha256"] = Path(path).name, sha256(Path(path))
    pd.DataFrame(table.drop(columns="geometry")).to_parquet(out_dir / config.GEMEENTEN.name)
    table[["gemeente_code", "gemeente_name", "geometry"]].to_parquet(out_dir / config.GEMEENTEN_MAP.name)
    return report
