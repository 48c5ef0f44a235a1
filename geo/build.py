"""``make data``: derive ``data/processed`` from ``data/raw``, reproducibly.

Steps: read and check the raw files; pick per KWB column the latest edition with
enough buurten filled; join explicitly by buurt code and report matches per
source year; compute areas on full-resolution shapes; simplify the shapes once,
as a coverage, for the map; write GeoParquet and a metadata file.

Run: ``python -m geo.build``.
"""

from __future__ import annotations

import hashlib
import json
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import config, dictionary, stock
from geo.load import read_benefits, read_buurt_polygons, read_gemeenten, read_kwb

# KWB editions up to 2018 carry income of three years before the edition (CBS table
# explanations of 83487NED/83765NED/84286NED); other themes describe the edition year.
INCOME_LAG_YEARS = 3
MIN_COVERAGE = 0.8  # an edition is usable for a column when >= 80% of the best edition's buurten have a value


def reference_year(theme: str, edition: int) -> int:
    """The year a KWB figure describes, given its theme and the edition it was published in."""
    return edition - INCOME_LAG_YEARS if theme == "income" else edition


def pick_edition(kwb_buurten: pd.DataFrame, column: str, min_coverage: float = MIN_COVERAGE) -> tuple[int | None, int]:
    """Choose the latest KWB edition in which ``column`` is filled for enough buurten.

    Parameters
    ----------
    kwb_buurten : DataFrame
        KWB buurt rows with columns ``jaar`` and ``column``.
    column : str
        The KWB column.
    min_coverage : float
        Fraction of the best edition's count of filled buurten an edition needs.

    Returns
    -------
    (edition, filled) : tuple
        The chosen edition (None when no edition has values) and its count of filled buurten.
    """
    counts = kwb_buurten.groupby("jaar")[column].count()
    if counts.max() == 0:
        return None, 0
    usable = counts[counts >= min_coverage * counts.max()]
    edition = int(usable.index.max())
    return edition, int(counts[edition])


def join_report(left_codes, right_codes) -> dict:
    """Matched and unmatched codes between the polygons (left) and a statistics table (right)."""
    left, right = set(left_codes), set(right_codes)
    return {
        "matched": len(left & right),
        "polygons_without_statistics": sorted(left - right),
        "statistics_without_polygon": sorted(right - left),
    }


def kwb_values(kwb: pd.DataFrame, level_codes: list[str], editions: dict[str, int | None]) -> pd.DataFrame:
    """One row per region code with each processed column taken from its chosen edition."""
    out = pd.DataFrame(index=pd.Index(level_codes, name="code"))
    for name, raw in dictionary.kwb_columns().items():
        edition = editions.get(name)
        if edition is None:
            out[name] = np.nan
            continue
        year_rows = kwb[kwb["jaar"] == edition].set_index("regio_code")
        out[name] = year_rows[raw].reindex(out.index).astype(float)
    return out


def benefits_values(benefits: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Social-assistance figures of the latest quarter per region code."""
    latest = benefits.sort_values(["jaar", "kwartaal"]).iloc[-1]
    year, quarter = int(latest["jaar"]), int(latest["kwartaal"])
    rows = benefits[(benefits["jaar"] == year) & (benefits["kwartaal"] == quarter)].set_index("WijkenEnBuurten")
    out = pd.DataFrame(
        {
            "pct_social_assistance": rows["Bijstandsuitkering_10"].astype(float),
            "social_assistance_persons": rows["Bijstandsuitkering_6"].astype(float),
        }
    )
    return out, f"{year} Q{quarter}"


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float, decimals: int) -> gpd.GeoDataFrame:
    """Simplify polygons that tile an area without opening gaps between neighbours.

    The shapes are simplified together as a coverage in a metric CRS (so shared
    borders stay shared), then returned in WGS84 with coordinates rounded to
    ``decimals`` places, which is what keeps the map payload small.
    """
    metric = gdf.to_crs(config.CRS_METRIC)
    simplified = metric.geometry.simplify_coverage(tolerance_m)
    out = gdf[[c for c in gdf.columns if c != "geometry"]].copy()
    wgs = gpd.GeoSeries(simplified, crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    rounded = shapely.transform(wgs.values, lambda xy: np.round(xy, decimals))
    out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(rounded, crs=config.CRS_WGS84, index=gdf.index))
    invalid = ~out.geometry.is_valid
    if invalid.any():
        out.loc[invalid, "geometry"] = out.loc[invalid, "geometry"].make_valid()
    return out


def national_comparison(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Heerlen and the Netherlands from the KWB 2022 edition (one municipality table).

    National values are totals or weighted means over all municipalities:
    household shares weighted by households, per-dwelling use by dwellings.
    """
    g = gemeenten.copy()
    for col in ["huishoudens", "woningvoorraad", "pct_rond_sociaal_min", "gem_aardgas", "gem_elektriciteit", "koopwoningen", "huurwoningen", "aantal_inwoners"]:
        g[col] = pd.to_numeric(g[col], errors="coerce")

    def weighted(value: str, weight: str) -> float:
        ok = g[value].notna() & g[weight].notna()
        return float((g.loc[ok, value] * g.loc[ok, weight]).sum() / g.loc[ok, weight].sum())

    heerlen = g[g["gemeentecode"] == config.GEMEENTE_CODE].iloc[0]
    rows = [
        ("inhabitants", float(heerlen["aantal_inwoners"]), float(g["aantal_inwoners"].sum())),
        ("households", float(heerlen["huishoudens"]), float(g["huishoudens"].sum())),
        ("pct_social_minimum", float(heerlen["pct_rond_sociaal_min"]), weighted("pct_rond_sociaal_min", "huishoudens")),
        ("gas_m3", float(heerlen["gem_aardgas"]), weighted("gem_aardgas", "woningvoorraad")),
        ("electricity_kwh", float(heerlen["gem_elektriciteit"]), weighted("gem_elektriciteit", "woningvoorraad")),
        ("pct_owner_occupied", float(heerlen["koopwoningen"]), weighted("koopwoningen", "woningvoorraad")),
        ("pct_rent", float(heerlen["huurwoningen"]), weighted("huurwoningen", "woningvoorraad")),
    ]
    return pd.DataFrame(rows, columns=["column", "heerlen_2022", "netherlands_2022"])


def sha256(path) -> str:
    """Checksum of a raw file, recorded so a processed build can be traced to its inputs."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(out_dir=config.PROCESSED_DIR) -> dict:
    """Derive every processed file; return the metadata that was written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    polygons = read_buurt_polygons()
    kwb = read_kwb(columns=list(dictionary.kwb_columns().values()))
    benefits = read_benefits()

    buurt_codes = polygons["buurt_code"].tolist()
    kwb_buurten = kwb[kwb["regio_type"] == "Buurt"]

    # Explicit join report per source year: codes and boundaries change between years.
    joins = {
        f"KWB {year}": join_report(buurt_codes, rows["regio_code"]) for year, rows in kwb_buurten.groupby("jaar")
    }
    ben_buurten = benefits[benefits["WijkenEnBuurten"].str.startswith("BU")]
    for year, rows in ben_buurten.groupby("jaar"):
        joins[f"Benefits {year}"] = join_report(buurt_codes, rows["WijkenEnBuurten"].unique())

    editions: dict[str, int | None] = {}
    columns_meta: dict[str, dict] = {}
    for col in dictionary.COLUMNS:
        if not col.kwb:
            continue
        edition, filled = pick_edition(kwb_buurten, col.kwb)
        editions[col.name] = edition
        columns_meta[col.name] = {
            "edition": f"KWB {edition}" if edition else "none",
            "year": reference_year(col.theme, edition) if edition else None,
            "coverage": f"{filled} of {len(buurt_codes)}",
        }

    values = kwb_values(kwb, buurt_codes, editions)
    ben, period = benefits_values(benefits)
    values = values.join(ben, how="left")
    for name in ["pct_social_assistance", "social_assistance_persons"]:
        columns_meta[name] = {
            "edition": f"85586NED {period}",
            "year": period,
            "coverage": f"{int(values[name].notna().sum())} of {len(buurt_codes)}",
        }

    buurten = polygons.set_index("buurt_code")
    buurten["wijk_code"] = "WK" + buurten.index.str[2:8]
    wijk_names = kwb[(kwb["regio_type"] == "Wijk")].sort_values("jaar").groupby("regio_code")["regio_naam"].last()
    buurten["wijk_name"] = buurten["wijk_code"].map(wijk_names)
    buurten["area_ha"] = buurten.geometry.to_crs(config.CRS_METRIC).area / 10_000
    buurten = buurten.join(values)
    buurten = buurten.reset_index()
    buurten.to_parquet(out_dir / config.BUURTEN.name)

    map_shapes = simplify_coverage(
        buurten[["buurt_code", "buurt_name", "wijk_code", "geometry"]], config.SIMPLIFY_TOLERANCE_M, config.COORD_DECIMALS
    )
    map_shapes.to_parquet(out_dir / config.BUURTEN_MAP.name)
    # Wijk outlines from the simplified buurten, so wijk and buurt borders coincide on the map.
    wijken_map = map_shapes.dissolve(by="wijk_code", as_index=False)[["wijk_code", "geometry"]]
    wijken_map["wijk_name"] = wijken_map["wijk_code"].map(wijk_names)
    wijken_map.to_parquet(out_dir / config.WIJKEN_MAP.name)

    wijk_codes = sorted(buurten["wijk_code"].unique())
    wijk_values = kwb_values(kwb, wijk_codes, editions).join(ben, how="left")
    wijk_values.insert(0, "wijk_name", wijk_values.index.map(wijk_names))
    wijk_values.reset_index().rename(columns={"code": "wijk_code"}).to_parquet(out_dir / config.WIJKEN.name)

    gemeente = kwb_values(kwb, [config.GEMEENTE_CODE], editions).join(ben, how="left").iloc[0]
    comparison = national_comparison(read_gemeenten())
    gemeente_table = pd.DataFrame({"column": gemeente.index, "heerlen": gemeente.to_numpy(dtype=float)})
    gemeente_table = gemeente_table.merge(comparison, on="column", how="left")
    gemeente_table.to_parquet(out_dir / config.GEMEENTE.name)

    metadata = {
        "columns": columns_meta,
        "joins": joins,
        "benefits_period": period,
        "suppressed": {
            name: sorted(buurten.loc[buurten[name].isna(), "buurt_name"].tolist())
            for name in dictionary.kwb_columns().keys() | {"pct_social_assistance"}
        },
        "raw_checksums": {
            str(p.relative_to(config.ROOT)): sha256(p)
            for p in [config.RAW_BUURTEN, config.RAW_KWB, config.RAW_BENEFITS, config.RAW_GEMEENTEN]
        },
        "simplify_tolerance_m": config.SIMPLIFY_TOLERANCE_M,
        "coord_decimals": config.COORD_DECIMALS,
    }
    metadata["stock"] = stock.build_stock(buurten, out_dir)  # issue 4: labels and housing stock per buurt
    (out_dir / config.JOIN_REPORT.name).write_text(json.dumps(metadata, indent=1, ensure_ascii=False), encoding="utf-8")
    return metadata


def main() -> int:
    meta = build()
    for source, rep in meta["joins"].items():
        if source.startswith("KWB") or source.endswith(("2013", "2024")):
            print(f"{source}: {rep['matched']} buurten matched, {len(rep['polygons_without_statistics'])} without statistics")
    print(f"processed data written to {config.PROCESSED_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
