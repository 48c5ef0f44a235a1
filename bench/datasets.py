"""Inputs of growing size for the scale benchmark, all in EPSG:4326 with code/name/parent columns.

- Heerlen: the 57 buurten at full resolution (data/raw).
- Gemeenten: all 346 Dutch municipalities of 2022 (data/raw).
- Wijken: all 3,475 Dutch wijken of 2024 (data/raw); parent = gemeente.
- Synthetic: ~15,000 buurt-like cells covering the Netherlands, built here: Voronoi
  cells of points clustered around each gemeente in proportion to its inhabitants,
  clipped to the national outline (EPSG:28992). Cell edges are cut into 40 m pieces
  and bent by one smooth displacement field, so the cells get a buurt-like vertex
  density (~250 per cell, as Heerlen's) while neighbours keep identical shared edges
  (a valid coverage); parent = the gemeente the cell's seed lies in.

Every set gets three synthetic indicator columns (seeded), because the scale runs
measure drawing, not the meaning of the numbers.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import config

INDICATORS = ["ind_a", "ind_b", "ind_c"]
# Name of each set's level and of the level it can be aggregated to.
LEVELS = {
    "Heerlen buurten": ("buurt", None),
    "NL gemeenten": ("gemeente", None),
    "NL wijken": ("wijk", "gemeente"),
    "Synthetic NL buurten": ("buurt", "gemeente"),
}


def _with_values(gdf: gpd.GeoDataFrame, seed: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    n = len(gdf)
    out = gdf.copy()
    out["ind_a"] = rng.gamma(2.0, 600.0, n)
    out["ind_b"] = rng.uniform(0, 100, n).round(1)
    out["ind_c"] = rng.normal(30, 8, n).round(2)
    return out


def heerlen() -> gpd.GeoDataFrame:
    g = gpd.read_file(config.RAW_BUURTEN).rename(columns={"CBS-buurtcode": "code", "buurtnaam": "name"})
    g["parent"] = "GM0917"
    return _with_values(g[["code", "name", "parent", "geometry"]], 1)


def gemeenten() -> gpd.GeoDataFrame:
    g = gpd.read_file(config.RAW_GEMEENTEN_SHAPES).rename(columns={"gemeentecode": "code", "gemeentenaam": "name"})
    g["parent"] = "NL"
    g["geometry"] = _clean(g.geometry)
    return _with_values(g[["code", "name", "parent", "geometry"]], 2)


def wijken() -> gpd.GeoDataFrame:
    g = gpd.read_file(config.RAW_WIJKEN_NL).rename(
        columns={"wijkcode": "code", "wijknaam": "name", "gemeentecode": "parent"}
    )
    g["geometry"] = _clean(g.geometry)
    return _with_values(g[["code", "name", "parent", "geometry"]], 3)


def _bend(coords: np.ndarray, amplitude: float = 14.0) -> np.ndarray:
    """A smooth displacement field: the same point always moves the same way."""
    x, y = coords[:, 0], coords[:, 1]
    dx = amplitude * (np.sin(x / 97.0 + y / 211.0) + 0.6 * np.sin(y / 43.0 - x / 157.0))
    dy = amplitude * (np.cos(y / 89.0 - x / 233.0) + 0.6 * np.cos(x / 51.0 + y / 131.0))
    return np.column_stack([x + dx, y + dy])


def synthetic(n: int = 15_000, seed: int = 6, segment_m: float = 40.0) -> gpd.GeoDataFrame:
    """About ``n`` buurt-like cells tiling the Netherlands (see module docstring)."""
    rng = np.random.default_rng(seed)
    gm = gpd.read_file(config.RAW_GEMEENTEN_SHAPES).to_crs(config.CRS_METRIC)
    gm["geometry"] = _clean(gm.geometry)
    people = pd.to_numeric(gm["aantal_inwoners"], errors="coerce").fillna(1000).clip(lower=1000)
    # Overdraw: seeds falling outside the land are dropped below.
    per_gm = np.maximum(3, np.round(people / people.sum() * n * 1.15)).astype(int)
    outline = shapely.make_valid(shapely.union_all(gm.geometry.values))
    shapely.prepare(outline)
    seeds = []
    for geom, k in zip(gm.geometry.values, per_gm, strict=True):
        c = shapely.get_coordinates(geom.representative_point())[0]
        spread = np.sqrt(geom.area) / 3.0
        seeds.append(c + rng.normal(0, spread, size=(k, 2)))
    pts = shapely.points(np.vstack(seeds))
    pts = pts[shapely.contains(outline, pts)]
    pts = pts[rng.permutation(len(pts))[:n]]
    cells = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=outline.envelope)
    cells = np.asarray(shapely.get_parts(cells))
    cells = shapely.segmentize(cells, segment_m)
    cells = shapely.transform(cells, _bend)
    inside = shapely.contains(outline, cells)
    cells[~inside] = shapely.intersection(cells[~inside], outline)
    cells = shapely.make_valid(cells)
    keep = ~shapely.is_empty(cells) & np.isin(shapely.get_type_id(cells), [3, 6, 7])
    cells = cells[keep]
    cells = np.array([_polygonal(c) for c in cells], dtype=object)
    gdf = gpd.GeoDataFrame(geometry=gpd.GeoSeries(cells, crs=config.CRS_METRIC))
    gdf = gdf[~gdf.geometry.is_empty].reset_index(drop=True)
    # Parent: the gemeente holding the cell's representative point.
    rep = gpd.GeoDataFrame(geometry=gdf.geometry.representative_point(), crs=config.CRS_METRIC)
    joined = gpd.sjoin(rep, gm[["gemeentecode", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    gdf["parent"] = joined["gemeentecode"].fillna("GM0000").to_numpy()
    gdf["code"] = [f"BU{i:08d}" for i in range(len(gdf))]
    gdf["name"] = [f"Synthetic buurt {i}" for i in range(len(gdf))]
    return _with_values(gdf.to_crs(config.CRS_WGS84)[["code", "name", "parent", "geometry"]], 4)


def _polygonal(geom):
    """Keep only the polygon parts of a clipped cell (clipping can leave lines/points)."""
    if shapely.get_type_id(geom) in (3, 6):
        return geom
    parts = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) in (3, 6)]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _clean(geoms: gpd.GeoSeries) -> gpd.GeoSeries:
    """Valid polygons only (a few raw shapes are self-intersecting or collections)."""
    fixed = shapely.make_valid(geoms.values)
    return gpd.GeoSeries([_polygonal(g) for g in fixed], index=geoms.index, crs=geoms.crs)


def vertex_count(gdf: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(gdf.geometry.values).sum())


def all_sets() -> dict[str, gpd.GeoDataFrame]:
    """The four inputs, smallest first."""
    return {
        "Heerlen buurten": heerlen(),
        "NL gemeenten": gemeenten(),
        "NL wijken": wijken(),
        "Synthetic NL buurten": synthetic(),
    }
