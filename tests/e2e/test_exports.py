"""A download in Debian's chromium: the server builds the file at the click, in the user's language."""

import json

import geopandas as gpd
import pytest

from tests.support.browser import live_map

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


@pytest.mark.parametrize(("lang", "opener", "crs_key"), [("en", "Download map layer", "crs"),
                                                         ("nl", "Kaartlaag downloaden", "crs")])
def test_the_map_layer_downloads_as_geojson_and_geopackage(app_url, page, tmp_path, lang, opener, crs_key):
    page.goto(f"{app_url}/map_explorer?lang={lang}")
    live_map(page)
    page.get_by_role("button", name=opener).click()
    with page.expect_download(timeout=60_000) as geojson:
        page.get_by_role("button", name="GeoJSON (WGS 84)").click()
    doc = json.loads(open(geojson.value.path(), encoding="utf-8").read())
    assert geojson.value.suggested_filename.endswith(".geojson")
    assert len(doc["features"]) == 57 and doc["metadata"]["language"] == lang
    assert doc["metadata"][crs_key].startswith("EPSG:4326")

    with page.expect_download(timeout=60_000) as gpkg:
        page.get_by_role("button", name="GeoPackage (RD New)").click()
    path = tmp_path / gpkg.value.suggested_filename
    gpkg.value.save_as(path)
    layer = gpd.read_file(path, layer="buurten")
    assert len(layer) == 57 and layer.crs.to_epsg() == 28992
