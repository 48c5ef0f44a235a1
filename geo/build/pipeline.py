"""``make data``: derive ``data/processed`` from ``data/raw``, reproducibly.

:func:`build` runs one function per stage: read and check the raw files
(:func:`~geo.build.inputs.read_inputs`); join explicitly by buurt code and report matches per
source year (:func:`~geo.build.inputs.join_reports`); pick per column the latest edition with
enough buurten filled and the year it describes (:func:`~geo.build.inputs.choose_editions`); the
buurt table, with areas on full-resolution shapes (:func:`buurt_table`); the
shapes simplified once, as a coverage, for the map, and the wijk outlines
(:func:`map_shapes`); the wijk and gemeente tables with the national comparison
(:func:`wijk_and_gemeente_tables`); the housing stock (:mod:`geo.build.stock`);
the label factors and households of the targeting models
(:mod:`geo.build.targeting_inputs`); every figure over all editions by the year it describes
(:mod:`geo.build.trends`); the metadata file (:func:`metadata`).

Run (:mod:`geo.build.cli`): ``python -m geo.build`` (the shipped Heerlen data into ``data/processed``) or
``python -m geo.build --gemeente GM0928`` (a refreshed municipality, ``data/raw/GM0928`` into
``data/processed/GM0928``; paths from :func:`geo.config.raw_paths` and :func:`geo.config.processed_dir`).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import config
from geo.build import national, stock, targeting_inputs, trends
from geo.build.wijk_level import LEVEL_BUURT
from geo.build.inputs import (
    RAW_FILES,
    VIVET_ADDRESS,
    VIVET_NONE,
    VIVET_SHARED,
    Editions,
    RawInputs,
    choose_editions,
    join_reports,
    read_inputs,
    region_values,
    sha256,
    vivet_source,
)
from geo.build.kwb import national_comparison
from geo.build.shapes import simplify_coverage
from geo.catalog import dictionary
from geo.errors import DataError


def buurt_table(raw: RawInputs, editions: Editions, out_dir) -> gpd.GeoDataFrame:
    """Write the buurt table: polygons with wijk, area and every figure; return it.

    Areas come from the full-resolution shapes in the metric CRS, before any
    simplification.

    Parameters
    ----------
    raw : RawInputs
    editions : Editions
    out_dir : Path
        Folder the table is written to (``config.BUURTEN``'s name).

    Returns
    -------
    GeoDataFrame
        One row per buurt polygon with ``buurt_code``, ``buurt_name``, ``wijk_code``,
        ``wijk_name``, ``area_ha`` and the figures of :func:`region_values`.
    """
    buurten = raw.polygons.set_index("buurt_code")
    buurten["wijk_code"] = "WK" + buurten.index.str[2:8]
    buurten["wijk_name"] = buurten["wijk_code"].map(raw.wijk_names)
    buurten["area_ha"] = buurten.geometry.to_crs(config.CRS_METRIC).area / 10_000
    buurten = buurten.join(region_values(raw, raw.buurt_codes, editions))
    buurten = buurten.reset_index()
    buurten.to_parquet(out_dir / config.BUURTEN.name)
    return buurten


def map_shapes(buurten: gpd.GeoDataFrame, wijk_names: pd.Series, out_dir) -> None:
    """Write the simplified buurt shapes for the map and the wijk outlines drawn from them.

    Wijk outlines are dissolved from the simplified buurten, so wijk and buurt
    borders coincide on the map.

    Parameters
    ----------
    buurten : GeoDataFrame
        The buurt table (full-resolution shapes).
    wijk_names : Series
        Wijk name per wijk code.
    out_dir : Path
        Folder for ``config.BUURTEN_MAP`` and ``config.WIJKEN_MAP``.
    """
    columns = ["buurt_code", "buurt_name", "wijk_code", "geometry"]
    shapes = simplify_coverage(buurten[columns], config.SIMPLIFY_TOLERANCE_M, config.COORD_DECIMALS)
    shapes.to_parquet(out_dir / config.BUURTEN_MAP.name)
    wijken = shapes.dissolve(by="wijk_code", as_index=False)[["wijk_code", "geometry"]]
    wijken["wijk_name"] = wijken["wijk_code"].map(wijk_names)
    wijken.to_parquet(out_dir / config.WIJKEN_MAP.name)


def wijk_and_gemeente_tables(raw: RawInputs, editions: Editions, buurten: pd.DataFrame, out_dir) -> None:
    """Write the figures of the wijken of the buurten and of the gemeente, with the national comparison.

    Parameters
    ----------
    raw : RawInputs
    editions : Editions
    buurten : DataFrame
        The buurt table; its ``wijk_code`` values are the wijken written.
    out_dir : Path
        Folder for ``config.WIJKEN`` and ``config.GEMEENTE``.
    """
    wijk_codes = sorted(buurten["wijk_code"].unique())
    wijken = region_values(raw, wijk_codes, editions)
    wijken.insert(0, "wijk_name", wijken.index.map(raw.wijk_names))
    wijken.reset_index().rename(columns={"code": "wijk_code"}).to_parquet(out_dir / config.WIJKEN.name)

    # Municipality-neutral column names: "gemeente" (its KWB values) and "gemeente_2022" (the national table's).
    gemeente = region_values(raw, [raw.gemeente_code], editions).iloc[0]
    table = pd.DataFrame({"column": gemeente.index, "gemeente": gemeente.to_numpy(dtype=float)})
    table = table.merge(national_comparison(raw.gemeenten, raw.gemeente_code), on="column", how="left")
    table.to_parquet(out_dir / config.GEMEENTE.name)


def _relative(path, root) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:  # a raw folder outside the project (a test's tmp_path)
        return str(path)


def metadata(joins: dict, editions: Editions, buurten: pd.DataFrame, stock_summary: dict,
             raw_files=None, root=config.ROOT, gemeente: dict | None = None) -> dict:
    """Collect what the build did, for the Data & method page: editions, joins, suppressed buurten, checksums.

    Parameters
    ----------
    joins : dict
        From :func:`join_reports`.
    editions : Editions
        From :func:`choose_editions`.
    buurten : DataFrame
        The buurt table; a buurt without a value in a column is listed as suppressed.
    stock_summary : dict
        From :func:`geo.build.stock.build_stock`.
    raw_files : sequence of Path, optional
        Raw files to checksum, keyed by their path relative to ``root`` (default :data:`RAW_FILES`).
    root : Path
    gemeente : dict, optional
        The municipality built (``code``, ``name``, ``boundaries_year``, ``missing_kwb_columns``), taken from
        the data; recorded under ``"gemeente"`` when given.

    Returns
    -------
    dict
        The content of ``config.JOIN_REPORT``.
    """
    return ({"gemeente": gemeente} if gemeente else {}) | {
        "columns": editions.columns,
        "joins": joins,
        "benefits_period": editions.benefits_period,
        # In dictionary order (not a set's), so the page lists buurten the same way after every build.
        "suppressed": {
            name: sorted(buurten.loc[buurten[name].isna(), "buurt_name"].tolist())
            for name in [*dictionary.kwb_columns(), "pct_social_assistance"]
        },
        "raw_checksums": {_relative(p, root): sha256(p) for p in (RAW_FILES if raw_files is None else raw_files)},
        "simplify_tolerance_m": config.SIMPLIFY_TOLERANCE_M,
        "coord_decimals": config.COORD_DECIMALS,
        "stock": stock_summary,
    }


def write_metadata(meta: dict, out_dir) -> dict:
    """Write the metadata as ``config.JOIN_REPORT`` in ``out_dir``; return it."""
    (out_dir / config.JOIN_REPORT.name).write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    return meta


def stock_stage(raw: RawInputs, buurten: gpd.GeoDataFrame, paths: config.RawPaths, out_dir) -> dict:
    """The housing stock and the targeting inputs from the VIVET source the municipality has (or none).

    Per-address file: labels counted per buurt; the shared Parkstad file: estimated for a municipality it
    lists; neither: no stock files and no label factors, and the summary says so (``stock_basis`` None).

    Returns
    -------
    dict
        The stock summary for the metadata.
    """
    code = raw.gemeente_code
    kind, path = vivet_source(paths, code)
    if kind == VIVET_NONE:
        targeting_inputs.write_targeting_inputs(out_dir, paths.kwb, None, code)
        return {"stock_basis": None, "source": None,
                "note": "no VIVET dwellings for this municipality: no stock estimate and no label factors "
                        "(energy labels per buurt, retrofit targeting); add data/raw/<GM>/vivet_adres/ to get them"}
    summary = stock.build_stock(buurten, out_dir, paths.vivet_address_root,
                                path if kind == VIVET_SHARED else paths.vivet, gemeente=code)
    targeting_inputs.write_targeting_inputs(out_dir, paths.kwb, paths.vivet if kind == VIVET_SHARED else None, code,
                                            address_path=path if kind == VIVET_ADDRESS else None)
    return summary


def build(out_dir=config.PROCESSED_DIR, paths: config.RawPaths | None = None) -> dict:
    """Derive every processed file, stage by stage; return the metadata that was written.

    Parameters
    ----------
    out_dir : Path
        Folder for the processed files (created when missing).
    paths : RawPaths, optional
        The raw files (:func:`geo.config.raw_paths`); default the shipped Heerlen files.

    Returns
    -------
    dict
        The metadata written to ``config.JOIN_REPORT``.
    """
    paths = paths or config.raw_paths()
    out_dir.mkdir(parents=True, exist_ok=True)
    raw = read_inputs(paths)
    joins = join_reports(raw)
    editions = choose_editions(raw)
    buurten = buurt_table(raw, editions, out_dir)
    map_shapes(buurten, raw.wijk_names, out_dir)
    wijk_and_gemeente_tables(raw, editions, buurten, out_dir)
    stock_summary = stock_stage(raw, buurten, paths, out_dir)
    gemeente = {"code": raw.gemeente_code, "name": raw.gemeente_name, "level": LEVEL_BUURT,
                "boundaries_year": paths.boundaries_year,
                "missing_kwb_columns": list(raw.missing_columns)}
    meta = metadata(joins, editions, buurten, stock_summary, raw_files=paths.files, gemeente=gemeente)
    meta["trends"] = trends.build_trends(raw.kwb, raw.benefits, raw.buurt_codes, out_dir)
    meta["national"] = national.build_national(out_dir)  # every municipality, for the context page
    return write_metadata(meta, out_dir)
