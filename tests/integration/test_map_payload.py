"""Map building: escaped text, local assets only, a small payload; an indicator change sends only the layer."""

import pytest
import streamlit_folium

from geo.map import classify, render

pytestmark = pytest.mark.real_data


def _layer(shapes, table, code, name, indicator):
    values = table.reindex(shapes[code])[indicator].reset_index(drop=True)
    c = classify.classify(values, "quantiles", 5)
    texts = [classify.format_value(v) for v in values]
    return render.feature_collection(shapes, code, name, texts, classify.class_colours(c))


def test_heerlen_map_payload_stays_small(processed):
    shapes, wijken = processed["shapes"], processed["wijken"]
    fc = _layer(shapes, processed["buurten"].set_index("buurt_code"), "buurt_code", "buurt_name", "gas_m3")
    m = render.build_map(fc, render.wijk_collection(wijken), render.bounds_of(shapes), "Gas", tiles=True)
    assert render.payload_bytes(m) < 150 * 1024
    assert len(fc["features"]) == 57


def test_an_indicator_or_level_change_keeps_the_heerlen_map_and_sends_only_its_layer(processed, monkeypatch):
    shapes, wijken = processed["shapes"], processed["wijken"]
    buurten = processed["buurten"].set_index("buurt_code")
    wijk_table = buurten.groupby("wijk_code")[["gas_m3"]].median()  # any wijk values: only the drawing is tested
    sent = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.append(kwargs) or {})
    layers = [
        _layer(shapes, buurten, "buurt_code", "buurt_name", "gas_m3"),
        _layer(shapes, buurten, "buurt_code", "buurt_name", "pct_rent"),
        _layer(wijken, wijk_table, "wijk_code", "wijk_name", "gas_m3"),
    ]
    for fc in layers:
        m = render.base_map(render.encode(render.wijk_collection(wijken)), render.bounds_of(shapes), tiles=True)
        streamlit_folium.st_folium(m, key="map", feature_group_to_add=render.choropleth_layer(fc, "x"),
                                   returned_objects=["last_active_drawing"], render=False)
    assert len({s["key"] for s in sent}) == 1 and len({s["script"] for s in sent}) == 1  # the map stays mounted
    assert [s["feature_group"].count('"code":"BU') for s in sent] == [57, 57, 0]
    assert sent[2]["feature_group"].count('"code":"WK') == 23
    assert all(len(s["script"]) + len(s["feature_group"]) < 150 * 1024 for s in sent)
