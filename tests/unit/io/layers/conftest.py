"""Tiny buurten and files built in code for the tests of reading a user's layer."""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import box

from geo import config, i18n

X0, Y0 = 196000, 321000  # RD New, in Heerlen


def make_buurten() -> gpd.GeoDataFrame:
    """Three adjacent 1 km squares (RD New, near Heerlen) in two wijken, returned in WGS84."""
    shapes = [box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000) for i in range(3)]
    gdf = gpd.GeoDataFrame({"buurt_code": ["BU09171000", "BU09171001", "BU09172000"],
                            "buurt_name": ["Maria Gewanden", "Terschuren", "Heerler Heide"],
                            "wijk_code": ["WK091710", "WK091710", "WK091720"],
                            "wijk_name": ["Centrum", "Centrum", "Heerlerheide"]},
                           geometry=shapes, crs=config.CRS_METRIC)
    return gdf.to_crs(config.CRS_WGS84)


@pytest.fixture
def buurten() -> gpd.GeoDataFrame:
    return make_buurten()


@pytest.fixture(autouse=True)
def english():
    """The tests read the English messages; the Dutch ones are checked where named."""
    with i18n.language("en"):
        yield


def centre(i: int, crs: str = config.CRS_WGS84) -> tuple[float, float]:
    """The centre of buurt ``i`` in ``crs``."""
    p = gpd.GeoSeries(make_buurten().to_crs(config.CRS_METRIC).geometry.iloc[i].centroid,
                      crs=config.CRS_METRIC).to_crs(crs).iloc[0]
    return p.x, p.y


def geojson(features: list, crs: str | None = None) -> bytes:
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc).encode()


def feature(geometry: dict | None, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def point(x: float, y: float, **properties) -> dict:
    return feature({"type": "Point", "coordinates": [x, y]}, **properties)


def xlsx(rows: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a text starting with '=' stays text, as a user's sheet would hold it
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def geo_file(gdf: gpd.GeoDataFrame, driver: str, drop: tuple = (), layers: int = 1) -> bytes:
    """``gdf`` written by GDAL as a GeoPackage or a zipped Shapefile (leaving out the parts in ``drop``)."""
    with tempfile.TemporaryDirectory() as d:
        if driver == "GPKG":
            path = os.path.join(d, "layer.gpkg")
            for i in range(layers):
                gdf.to_file(path, driver="GPKG", layer=f"layer{i + 1}")
            with open(path, "rb") as f:
                return f.read()
        gdf.to_file(os.path.join(d, "sites.shp"))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for name in os.listdir(d):
                if not name.endswith(drop):
                    z.write(os.path.join(d, name), "folder/" + name)
        return out.getvalue()
