import json

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo import config
from geo.refresh import pdok
from geo.refresh.progress import Progress, RefreshError
from geo.refresh.store import Fetcher
from tests.unit.refresh.replay import ReplaySession, load, query

RECORDED = load("pdok_buurten_GM0392.json")


def test_a_recorded_pdok_feature_becomes_the_shipped_property_names_in_wgs84():
    gdf = pdok.to_frame(RECORDED["features"], "buurten", "GM0392")
    row = gdf.iloc[0]
    assert (row["CBS-buurtcode"], row["buurtnaam"], row["wijkcode"], row["gemeentecode"]) == (
        "BU03920301", "Garenkokerskwartier", "WK039203", "GM0392")
    assert gdf.crs.to_epsg() == 4326
    collection = json.loads(pdok.geojson_bytes(gdf))
    assert "crs" not in collection and collection["features"][0]["properties"]["CBS-buurtcode"] == "BU03920301"


def test_rd_new_coordinates_are_reprojected_to_lon_lat_in_the_netherlands():
    square = box(196000, 321000, 197000, 322000)  # RD New near Heerlen
    features = [{"type": "Feature", "properties": {"buurtcode": "BU09171000", "buurtnaam": "A", "water": "NEE"},
                 "geometry": square.__geo_interface__}]
    gdf = pdok.to_frame(features, "buurten", "GM0917")
    minx, miny, maxx, maxy = gdf.total_bounds
    assert 5.8 < minx < maxx < 6.1 and 50.8 < miny < maxy < 51.0


def test_coordinates_outside_the_netherlands_are_refused():
    features = [{"type": "Feature", "properties": {"buurtcode": "BU09171000"},
                 "geometry": box(-74.0, 40.7, -73.9, 40.8).__geo_interface__}]
    with pytest.raises(RefreshError):
        pdok.to_frame(features, "buurten", "GM0917")


def test_a_water_part_of_a_buurt_with_land_is_left_out():
    land = {"type": "Feature", "properties": {"buurtcode": "BU09171000", "water": "NEE"},
            "geometry": box(196000, 321000, 197000, 322000).__geo_interface__}
    water = {"type": "Feature", "properties": {"buurtcode": "BU09171000", "water": "JA"},
             "geometry": box(197000, 321000, 197100, 322000).__geo_interface__}
    assert len(pdok.to_frame([land, water], "buurten", "GM0917")) == 1


def test_features_are_fetched_page_by_page_with_the_municipality_filter(tmp_path):
    features = [{"type": "Feature", "properties": {"buurtcode": f"BU091710{i:02d}"},
                 "geometry": box(196000 + i * 100, 321000, 196100 + i * 100, 321100).__geo_interface__}
                for i in range(5)]

    def handler(url, params):
        _, q = query(url, params)
        start, count = int(q["startIndex"]), int(q["count"])
        return 200, {"type": "FeatureCollection", "features": features[start:start + count]}

    session = ReplaySession(handler)
    got = pdok.fetch_features(Fetcher(session, tmp_path, Progress(quiet=True)), 2023, "buurten", "GM0917", page=2)
    assert len(got) == 5 and len(session.calls) == 3
    url, params = session.calls[0]
    assert url == "https://service.pdok.nl/cbs/wijkenbuurten/2023/wfs/v1_0"
    assert params["typeNames"] == "wijkenbuurten:buurten" and "GM0917" in params["filter"]


def test_a_filter_without_the_gm_prefix_is_tried_when_the_first_finds_nothing(tmp_path):
    feature = RECORDED["features"][0]

    def handler(url, params):
        found = "<fes:Literal>0392</fes:Literal>" in params["filter"]
        return 200, {"type": "FeatureCollection", "features": [feature] if found else []}

    session = ReplaySession(handler)
    got = pdok.fetch_features(Fetcher(session, tmp_path, Progress(quiet=True)), 2023, "buurten", "GM0392")
    assert len(got) == 1 and len(session.calls) == 2


def test_the_heerlen_polygons_survive_the_round_trip(tmp_path):
    shipped = gpd.read_file(config.RAW_BUURTEN).to_crs(config.CRS_METRIC)
    features = [{"type": "Feature", "properties": {"buurtcode": r["CBS-buurtcode"], "buurtnaam": r["buurtnaam"],
                                                   "water": "NEE"},
                 "geometry": r["geometry"].__geo_interface__} for r in shipped.to_dict("records")]
    gdf = pdok.to_frame(features, "buurten", "GM0917")
    assert len(gdf) == 57
    md = pdok.source_md("buurten", 2023, "GM0917", gdf, "2026-11-26", "buurten_2023.geojson")
    assert "CC BY 4.0" in md and "CBS / Kadaster" in md and "2026-11-26" in md and "57 features" in md
