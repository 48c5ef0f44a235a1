"""The live map's data: one indicator's colours, texts and legend; the shapes packed once; text never as HTML."""

import re

import pandas as pd
import pytest

from geo.map import classify, live, packed


def test_a_layer_gives_every_area_a_colour_of_its_class_and_missing_values_the_no_data_grey():
    values = pd.Series([10.0, 20.0, None, 40.0, 50.0])
    layer = live.indicator_layer(values, ["10", "20", "–", "40", "50"], "quantiles", 2)
    colours = [layer["p"][c] for c in layer["c"]]
    assert colours[2] == classify.NO_DATA_COLOUR
    assert colours[0] == colours[1] != colours[3] == colours[4]  # low half and high half
    assert len(set(layer["p"])) == len(layer["p"])  # each colour once in the palette
    assert layer["t"] == ["10", "20", "–", "40", "50"]
    assert [colour for colour, _label in layer["legend"]] == [*dict.fromkeys(colours[:2] + colours[3:]),
                                                              classify.NO_DATA_COLOUR]


def test_a_reversed_indicator_is_dark_where_its_values_are_low():
    values = pd.Series([1.0, 2.0, 3.0, 4.0])
    plain = live.indicator_layer(values, list("abcd"), "quantiles", 2)
    reverse = live.indicator_layer(values, list("abcd"), "quantiles", 2, reverse=True)
    assert [plain["p"][c] for c in plain["c"]] == [reverse["p"][c] for c in reverse["c"]][::-1]


def test_texts_must_match_the_areas():
    with pytest.raises(ValueError, match="2 texts for 3 areas"):
        live.indicator_layer(pd.Series([1.0, 2.0, 3.0]), ["1", "2"], "quantiles", 2)


def test_shapes_are_packed_once_in_the_order_of_their_codes_and_names(three_buurten):
    payload = live.shapes_payload(three_buurten, "buurt_code", "buurt_name", 2.0)
    assert payload["codes"] == ["BU09170001", "BU09170002", "BU09170003"]
    assert payload["names"] == ["Noord", "Midden", "Zuid"]
    shapes = packed.unpack(packed.Packed(**payload["packed"], vertices=0))
    assert len(shapes) == 3
    for shape, original in zip(shapes, three_buurten.geometry, strict=True):
        assert shape.symmetric_difference(original).area < 0.01 * original.area


def test_shapes_in_metres_are_refused(three_buurten):
    with pytest.raises(ValueError, match="EPSG:4326"):
        live.shapes_payload(three_buurten.to_crs(28992), "buurt_code", "buurt_name", 2.0)


def test_names_and_values_stay_text_the_script_never_writes_html(three_buurten):
    hostile = three_buurten.assign(buurt_name=["<script>alert(1)</script>", "A & B", "Zuid"])
    payload = live.shapes_payload(hostile, "buurt_code", "buurt_name", 2.0)
    assert payload["names"][0] == "<script>alert(1)</script>"  # unescaped data ...
    # ... because the script puts data into the page only as text nodes.
    assert "innerHTML" not in live.LIVE_JS and "insertAdjacentHTML" not in live.LIVE_JS
    assert "textContent" in live.LIVE_JS
    # Leaflet would read a string tooltip as HTML: the tooltip is built as elements.
    assert re.search(r"bindTooltip\(\(\) => tip\(", live.LIVE_JS)


def test_styles_are_plain_data():
    styles = live.styles()
    assert styles["area"]["weight"] < styles["hover"]["weight"]
    assert styles["outline"]["fill"] is False
