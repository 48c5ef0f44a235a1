"""The user's layer on the map: escaped labels, a colour per layer, a cap on what is drawn."""

import folium
import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from geo import i18n
from geo.map import overlay

HOSTILE = "<img src=x onerror=alert(1)>"


def test_labels_and_names_are_escaped_in_the_map_html():
    gdf = gpd.GeoDataFrame({"naam": [HOSTILE], "n": [1234.5]}, geometry=[Point(5.98, 50.88)], crs=4326)
    m = folium.Map(tiles=None)
    overlay.overlay_layer(gdf, "naam", HOSTILE + ".csv", HOSTILE).add_to(m)
    page = m.get_root().render()
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page.replace("\\u0026", "&").replace(
        "\\u003c", "<").replace("\\u003e", ">")


def test_numbers_label_in_the_locale():
    gdf = gpd.GeoDataFrame({"n": [1234.5]}, geometry=[box(5.9, 50.8, 5.91, 50.81)], crs=4326)
    with i18n.language("nl"):
        assert overlay.label_texts(gdf, "n") == ["1.234,5"]


def test_very_many_features_are_drawn_in_part(monkeypatch):
    monkeypatch.setattr(overlay, "MAX_DRAWN", 3)
    gdf = gpd.GeoDataFrame(geometry=[Point(5.9 + i / 1000, 50.8) for i in range(10)], crs=4326)
    assert len(overlay.overlay_collection(gdf, None)["features"]) == 3


def test_colours_cycle_and_only_hex_colours_pass():
    assert overlay.colour_of(0) == overlay.colour_of(len(overlay.COLOURS))
    gdf = gpd.GeoDataFrame(geometry=[Point(5.9, 50.8)], crs=4326)
    with pytest.raises(ValueError):
        overlay.overlay_layer(gdf, None, "x", "x", colour="red;}")
