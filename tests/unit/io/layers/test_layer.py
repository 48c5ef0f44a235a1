"""An uploaded file as a layer: what it holds, how it was read, and the buurten it touches."""

import geopandas as gpd
import pytest
from shapely.geometry import Point, Polygon

from geo import config
from geo.errors import DataError
from geo.io.layers.layer import buurt_codes, content_key, read_layer, unmatched_note
from tests.unit.io.layers.conftest import centre, geo_file, geojson, point, xlsx


def test_a_csv_of_sites_by_code(buurten):
    layer = read_layer(b"buurt_code;aantal;naam\nBU09171000;3;school\nbu0917 2000;4,5;kantoor\n", "s.csv", buurten)
    assert layer.joined_by == "buurt_code" and layer.rows_read == 2 and layer.rows_kept == 2
    assert layer.numeric == ("aantal",) and layer.frame["aantal"].tolist() == [3.0, 4.5]
    assert "naam" in layer.labels and layer.frame.crs.to_epsg() == 4326 and layer.geometry_kind == "polygons"
    assert buurt_codes(layer, buurten) == ["BU09171000", "BU09172000"]


def test_points_in_every_geometry_format_touch_their_buurt(buurten):
    rd = gpd.GeoDataFrame({"naam": ["a"]}, geometry=[Point(*centre(2, config.CRS_METRIC))], crs=config.CRS_METRIC)
    for data, name in ((geojson([point(*centre(2), naam="a")]), "a.geojson"), (geo_file(rd, "GPKG"), "a.gpkg"),
                       (geo_file(rd, "ESRI Shapefile"), "a.zip")):
        layer = read_layer(data, name, buurten)
        assert layer.geometry_kind == "points" and buurt_codes(layer, buurten) == ["BU09172000"], name


def test_an_area_counts_where_it_overlaps_not_where_it_touches(buurten):
    square = buurten.geometry.iloc[0]
    layer = read_layer(gpd.GeoDataFrame(geometry=[square], crs=4326).to_json().encode(), "a.geojson", buurten)
    assert buurt_codes(layer, buurten) == ["BU09171000"]


def test_a_wijk_code_gives_every_buurt_of_the_wijk(buurten):
    layer = read_layer(xlsx([["wijk", "n"], ["WK091710", 1]]), "w.xlsx", buurten)
    assert layer.joined_by == "wijk_code" and buurt_codes(layer, buurten) == ["BU09171000", "BU09171001"]


def test_same_content_same_key_and_unmatched_listed(buurten):
    data = b"code\nBU09171000\nBU09999999\n"
    assert read_layer(data, "a.csv", buurten).key == read_layer(data, "b.csv", buurten).key == content_key(data)
    assert "BU09999999" in unmatched_note(read_layer(data, "a.csv", buurten))


def test_locations_far_away_are_said(buurten):
    far = Polygon([(4.8, 52.3), (4.9, 52.3), (4.9, 52.4)])
    with pytest.raises(DataError, match="None of the features lies in or near"):
        read_layer(gpd.GeoDataFrame(geometry=[far], crs=4326).to_json().encode(), "a.geojson", buurten)
