"""Uploaded transformation locations: good files give buurt codes, bad ones a clear message."""

import json

import pytest

from geo import config, i18n
from geo.errors import DataError
from geo.io.upload import locations_to_buurten


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages; the Dutch ones are checked where named."""
    with i18n.language("en"):
        yield


def geojson(features, crs=None) -> bytes:
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc).encode()


def point(x, y):
    return {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [x, y]}}


def test_csv_with_codes(three_buurten):
    data = b"buurt_code,note\nBU09170002,school\nbu09170001, kantoor\n"
    assert locations_to_buurten(data, "sites.csv", three_buurten) == ["BU09170001", "BU09170002"]


def test_points_in_wgs84_and_in_rd(three_buurten):
    centre = three_buurten.geometry.iloc[2].centroid
    assert locations_to_buurten(geojson([point(centre.x, centre.y)]), "a.geojson", three_buurten) == ["BU09170003"]
    rd = three_buurten.to_crs(config.CRS_METRIC).geometry.iloc[0].centroid
    data = geojson([point(rd.x, rd.y)], "urn:ogc:def:crs:EPSG::28992")
    assert locations_to_buurten(data, "a.geojson", three_buurten) == ["BU09170001"]


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"code\nBU09170001\n", "x.csv", "column 'buurt_code'"),
        (b"buurt_code\n12345\n", "x.csv", "not a buurt code"),
        (b"buurt_code\nBU09999999\n", "x.csv", "Not a buurt of this municipality"),
        (b"\xff\xfe\x00", "x.csv", "could not be read"),
        (b"{not json", "x.geojson", "not valid JSON"),
        (b'{"type": "Feature"}', "x.geojson", "FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "x.geojson", "no features"),
        (geojson([{"type": "Feature", "geometry": None}]), "x.geojson", "no geometry"),
        (geojson([{"type": "Feature", "geometry": {"type": "Point", "coordinates": "abc"}}]),
         "x.geojson", "cannot be read"),
        (b"x", "x.xlsx", "Upload a .csv"),
    ],
)
def test_bad_files_get_a_message(three_buurten, data, name, message):
    with pytest.raises(DataError, match=message):
        locations_to_buurten(data, name, three_buurten)


def test_rd_coordinates_without_crs_are_explained(three_buurten):
    rd = three_buurten.to_crs(config.CRS_METRIC).geometry.iloc[0].centroid
    with pytest.raises(DataError, match="not longitude/latitude"):
        locations_to_buurten(geojson([point(rd.x, rd.y)]), "a.geojson", three_buurten)


def test_unknown_crs_and_far_away_points(three_buurten):
    with pytest.raises(DataError, match="not known"):
        locations_to_buurten(geojson([point(5.9, 50.9)], "EPSG:999999"), "a.geojson", three_buurten)
    with pytest.raises(DataError, match="None of the locations"):
        locations_to_buurten(geojson([point(4.9, 52.37)]), "a.geojson", three_buurten)


def test_too_large(three_buurten):
    with pytest.raises(DataError, match="larger than"):
        locations_to_buurten(b"0" * (5 * 1024 * 1024 + 1), "a.csv", three_buurten)


def test_a_dutch_user_reads_the_message_in_dutch(three_buurten):
    with i18n.language("nl"), pytest.raises(DataError, match="Geen buurt van deze gemeente: BU09999999"):
        locations_to_buurten(b"buurt_code\nBU09999999\n", "x.csv", three_buurten)
    many = geojson([point(5.9, 50.9)] * 10_001)
    with i18n.language("nl"), pytest.raises(DataError, match="10.001 objecten; er worden er hoogstens 10.000"):
        locations_to_buurten(many, "x.geojson", three_buurten)
