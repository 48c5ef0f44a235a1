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

import pandas as pd

from geo import config
from geo.build import stock, targeting_inputs
from geo.build.kwb import benefits_values, join_report, kwb_values, national_comparison, pick_edition, reference_year
from geo.build.shapes import simplify_coverage
from geo.catalog import dictionary
from geo.io.raw import read_benefits, read_buurt_polygons, read_gemeenten, read_kwb


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
    targeting_inputs.write_targeting_inputs(out_dir)  # label factors and households for the targeting models
    (out_dir / config.JOIN_REPORT.name).write_text(json.dumps(metadata, indent=1, ensure_ascii=False), encoding="utf-8")
    return metadata


def main() -> int:
    meta = build()
    for source, rep in meta["joins"].items():
        if source.startswith("KWB") or source.endswith(("2013", "2024")):
            print(f"{source}: {rep['matched']} buurten matched, {len(rep['polygons_without_statistics'])} without statistics")
    print(f"processed data written to {config.PROCESSED_DIR}")
    return 0
