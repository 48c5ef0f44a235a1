"""Buurt and wijk boundaries of one municipality from PDOK (CBS/Kadaster *Wijk- en buurtkaart*, WFS).

The WFS ``https://service.pdok.nl/cbs/wijkenbuurten/<year>/wfs/v1_0`` serves layers ``buurten`` and
``wijken`` with the codes and names as properties (``buurtcode``, ``buurtnaam``, ``wijkcode``,
``wijknaam``, ``gemeentecode``, ``gemeentenaam``, ``water``). The request is filtered on
``gemeentecode`` (an OGC filter), asks for RD New (EPSG:28992, whose x/y order nobody disputes) and
pages with ``count``/``startIndex``; the result is written as GeoJSON in WGS84 lon/lat (RFC 7946, no
``crs`` member) with the same properties as the shipped Heerlen file (``CBS-buurtcode``, ``buurtnaam``)
plus the wijk and municipality codes.
"""

from __future__ import annotations

import json

import geopandas as gpd
from shapely.geometry import shape

from geo.i18n import _
from geo.refresh.progress import RefreshError
from geo.refresh.store import Fetcher

WFS = "https://service.pdok.nl/cbs/wijkenbuurten/{year}/wfs/v1_0"
PAGE = 1000
LICENCE = "CC BY 4.0"
CRS_RD = "EPSG:28992"
CRS_WGS84 = "EPSG:4326"

# Per layer: the code and name properties PDOK serves, and the names the written file uses.
LAYERS = {
    "buurten": {"code": "buurtcode", "name": "buurtnaam", "out_code": "CBS-buurtcode", "out_name": "buurtnaam",
                "prefix": "BU"},
    "wijken": {"code": "wijkcode", "name": "wijknaam", "out_code": "CBS-wijkcode", "out_name": "wijknaam",
               "prefix": "WK"},
}


def gemeente_filter(gemeentecode: str) -> str:
    """OGC Filter Encoding 2.0 (WFS 2.0) for one municipality's features.

    Examples
    --------
    >>> "<fes:Literal>GM0917</fes:Literal>" in gemeente_filter("GM0917")
    True
    """
    return (
        '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">'
        "<fes:PropertyIsEqualTo><fes:ValueReference>gemeentecode</fes:ValueReference>"
        f"<fes:Literal>{gemeentecode}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"
    )


def request_params(layer: str, gemeentecode: str, start: int = 0, count: int = PAGE) -> dict:
    """The GetFeature query for one page of a layer."""
    return {
        "service": "WFS",
        "version": "2.0.0",
        "request": "GetFeature",
        "typeNames": f"wijkenbuurten:{layer}",
        "outputFormat": "json",
        "srsName": CRS_RD,
        "filter": gemeente_filter(gemeentecode),
        "count": count,
        "startIndex": start,
    }


def fetch_features(fetcher: Fetcher, year: int, layer: str, gemeentecode: str, page: int = PAGE) -> list[dict]:
    """Every feature of a layer for one municipality, page by page.

    Public clients of these services filter ``gemeentecode`` both as ``GM0917`` and as ``0917``; when
    the first finds nothing, the second is tried.
    """
    url = WFS.format(year=year)
    for literal in (gemeentecode, gemeentecode[2:]):
        features: list[dict] = []
        start = 0
        while True:
            data = fetcher.get_json(url, request_params(layer, literal, start, page),
                                    _("PDOK {layer} {year}, features from {start}").format(layer=layer, year=year,
                                                                                           start=start))
            batch = data.get("features", []) if isinstance(data, dict) else []
            features.extend(batch)
            if len(batch) < page:
                break
            start += page
        if features:
            return features
    return []


def _looks_metric(gdf: gpd.GeoDataFrame) -> bool:
    minx, miny, maxx, maxy = gdf.total_bounds
    return maxx > 180 or maxy > 180


def to_frame(features: list[dict], layer: str, gemeentecode: str) -> gpd.GeoDataFrame:
    """The features of a municipality as a GeoDataFrame in WGS84 with the written properties.

    Coordinates in RD New are reprojected; a water part of a code that also has a land part is dropped.

    Raises
    ------
    RefreshError
        No features for the municipality, or coordinates outside the Netherlands.
    """
    spec = LAYERS[layer]
    rows = []
    for feature in features:
        props = feature.get("properties") or {}
        code = str(props.get(spec["code"], "")).strip()
        if not code.startswith(spec["prefix"]) or feature.get("geometry") is None:
            continue
        rows.append({
            spec["out_code"]: code,
            spec["out_name"]: str(props.get(spec["name"], "")).strip(),
            "wijkcode": str(props.get("wijkcode", "WK" + code[2:8])).strip(),
            "gemeentecode": str(props.get("gemeentecode", gemeentecode)).strip(),
            "gemeentenaam": str(props.get("gemeentenaam", "")).strip(),
            "water": str(props.get("water", "")).strip(),
            "geometry": shape(feature["geometry"]),
        })
    if not rows:
        raise RefreshError(_("PDOK has no {layer} for {code}.").format(layer=layer, code=gemeentecode))
    gdf = gpd.GeoDataFrame(rows, geometry="geometry")
    gdf = gdf.set_crs(CRS_RD if _looks_metric(gdf) else CRS_WGS84).to_crs(CRS_WGS84)
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (3.0 <= minx and maxx <= 7.5 and 50.5 <= miny and maxy <= 53.8):
        raise RefreshError(_("PDOK {layer} for {code} lie outside the Netherlands; nothing written.").format(
            layer=layer, code=gemeentecode))
    code_col = spec["out_code"]
    land = gdf[gdf["water"] != "JA"][code_col]
    gdf = gdf[~((gdf["water"] == "JA") & gdf[code_col].isin(land))]
    gdf = gdf.sort_values(code_col).reset_index(drop=True)
    gdf.insert(0, "id", range(len(gdf)))
    return gdf


def geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    """RFC 7946 GeoJSON (WGS84 lon/lat, no ``crs`` member), one feature per area."""
    collection = json.loads(gdf.to_json(drop_id=True))
    collection.pop("crs", None)
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def source_md(layer: str, year: int, gemeentecode: str, gdf: gpd.GeoDataFrame, retrieved: str, filename: str) -> str:
    """The ``SOURCE.md`` of a boundary folder."""
    spec = LAYERS[layer]
    return "\n".join([
        f"# {layer.capitalize()} {year} of {gemeentecode} (CBS / Kadaster Wijk- en buurtkaart, via PDOK)",
        "",
        f"Retrieved {retrieved} by `python -m geo.refresh`.",
        "",
        f"**File:** `{filename}` - GeoJSON FeatureCollection, {len(gdf)} features.",
        "",
        "## Provenance",
        f"- Publisher: **CBS / Kadaster**, *Wijk- en buurtkaart {year}*, distributed by PDOK. Licence: **{LICENCE}** "
        "(attribution: CBS / Kadaster).",
        f"- Service: WFS `{WFS.format(year=year)}`, layer `wijkenbuurten:{layer}`, filter `gemeentecode = "
        f"{gemeentecode}`, requested in EPSG:28992 and reprojected to WGS84.",
        "",
        "## CRS",
        "WGS84 lon/lat (EPSG:4326, RFC 7946 axis order), no `crs` member; full resolution (not simplified).",
        "",
        "## Fields (feature `properties`)",
        "| field | meaning |",
        "|---|---|",
        "| `id` | running number (no external meaning) |",
        f"| `{spec['out_code']}` | CBS code (as the shipped Heerlen file names it) |",
        f"| `{spec['out_name']}` | name in the {year} classification |",
        "| `wijkcode`, `gemeentecode`, `gemeentenaam` | the wijk and municipality it lies in |",
        "| `water` | PDOK's flag (`JA` for a water area; a water part of a code that also has land is left out) |",
    ]) + "\n"
