"""Map building: escaped text, local assets only, a small payload."""

import re

import pytest
import streamlit_folium

from geo.map import render


def _collection(shapes, names=None, values=None):
    names = names or list(shapes["buurt_name"])
    shapes = shapes.assign(buurt_name=names)
    return render.feature_collection(
        shapes, "buurt_code", "buurt_name", values or ["1"] * len(shapes), ["#ff0000"] * len(shapes)
    )


def test_names_and_values_are_escaped(three_buurten):
    fc = _collection(
        three_buurten,
        names=["<script>alert(1)</script>", "A & B", "Zuid"],
        values=['<img src=x onerror="1">', "2", "3"],
    )
    props = [f["properties"] for f in fc["features"]]
    assert props[0]["name"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert props[1]["name"] == "A &amp; B"
    assert "<img" not in props[0]["value"]


def test_only_the_needed_properties_travel(three_buurten):
    fc = _collection(three_buurten)
    assert set(fc["features"][0]["properties"]) == {"code", "name", "value", "fill", "hl"}


def test_fill_must_be_a_hex_colour():
    assert render.fill_colour("#A1b2C3") == "#A1b2C3"
    with pytest.raises(ValueError):
        render.fill_colour("red;background:url(x)")


def test_map_loads_leaflet_locally_and_nothing_external_without_tiles(three_buurten):
    m = render.build_map(_collection(three_buurten), None, render.bounds_of(three_buurten), "Gas <m3>", tiles=False)
    html = m.get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert re.findall(r"https?://[^\"' )]+", html) == []
    assert "Gas <m3>" not in html  # the label is escaped (then JSON-encoded into the tooltip code)
    assert "Gas \\u0026lt;m3\\u0026gt;" in html


def test_tiles_are_optional(three_buurten):
    m = render.build_map(_collection(three_buurten), None, render.bounds_of(three_buurten), "x", tiles=True)
    assert "tile.openstreetmap.org" in m.get_root().render()


def test_highlighted_buurten_get_a_thick_outline(three_buurten):
    fc = render.feature_collection(
        three_buurten, "buurt_code", "buurt_name", ["1"] * 3, ["#ff0000"] * 3, frozenset({"BU09170002"})
    )
    assert [f["properties"]["hl"] for f in fc["features"]] == [-1, 1, -1]  # the others are drawn faint
    styles = [render._buurt_style(f) for f in fc["features"]]
    assert styles[1]["color"] == render.HIGHLIGHT_COLOUR and styles[1]["weight"] > styles[0]["weight"]
    assert styles[0]["fillOpacity"] < styles[1]["fillOpacity"]
    plain = _collection(three_buurten)
    assert {render._buurt_style(f)["fillOpacity"] for f in plain["features"]} == {0.75}


def _sent(monkeypatch, m, layer) -> dict:
    """The arguments st_folium sends to its front end for map ``m`` with ``layer`` swapped in dynamically."""
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs) or {})
    streamlit_folium.st_folium(m, key="k", feature_group_to_add=layer, returned_objects=["last_active_drawing"],
                               render=False)
    return sent


def test_another_indicator_swaps_only_the_layer_and_keeps_the_map_mounted(three_buurten, monkeypatch):
    bounds = render.bounds_of(three_buurten)
    wijk = {"type": "FeatureCollection", "features": []}
    red = render.feature_collection(three_buurten, "buurt_code", "buurt_name", ["1", "2", "3"], ["#ff0000"] * 3)
    blue = render.feature_collection(three_buurten, "buurt_code", "buurt_name", ["7", "8", "9"], ["#0000ff"] * 3)
    first = _sent(monkeypatch, render.base_map(wijk, bounds, tiles=False), render.choropleth_layer(red, "Gas"))
    second = _sent(monkeypatch, render.base_map(wijk, bounds, tiles=False), render.choropleth_layer(blue, "Rent"))
    # The widget's key is a hash of the map's script: the same key keeps the Leaflet map (zoom, pan) in the page.
    assert first["key"] == second["key"] and first["script"] == second["script"]
    assert "#ff0000" in first["feature_group"] and "#0000ff" in second["feature_group"]
    assert "#ff0000" not in second["feature_group"] and "Rent" in second["feature_group"]
    # The front end removes the previous layer before it adds this one.
    assert "window.feature_group.push" in second["feature_group"]


def test_layer_text_is_data_not_template_code(three_buurten):
    fc = _collection(three_buurten, names=["{{ 7 * 7 }}", "{% if true %}x{% endif %}", "Zuid"])
    m = render.base_map(None, render.bounds_of(three_buurten), tiles=False)
    render.choropleth_layer(fc, "Gas", "Wijk").add_to(m)
    html = m.get_root().render()
    assert '"name":"{{ 7 * 7 }}"' in html and '"name":"49"' not in html and "{% if true %}" in html


def test_wijk_outlines_lie_above_the_choropleth_and_let_clicks_through(three_buurten):
    wijk = {"type": "FeatureCollection", "features": []}
    html = render.build_map(_collection(three_buurten), wijk, render.bounds_of(three_buurten), "x",
                            tiles=False).get_root().render()
    assert re.search(r'createPane\(\s*"' + render.OUTLINE_PANE + r'"\)', html)
    assert f".style.zIndex = {render.OUTLINE_Z_INDEX}" in html and render.OUTLINE_Z_INDEX > 400  # overlay pane: 400
    assert "pointerEvents = 'none'" in html and "interactive: false" in html


def test_tooltip_names_the_area_and_the_indicator_escaped(three_buurten):
    m = render.base_map(None, render.bounds_of(three_buurten), tiles=False)
    render.choropleth_layer(_collection(three_buurten), "Gas <m3>", "Wijk & co").add_to(m)
    html = m.get_root().render()
    assert "Gas \\u0026lt;m3\\u0026gt;" in html and "Wijk \\u0026amp; co" in html
