"""Packed pages of the scale benchmark: the page carries the decoder and escaped data; a change sends classes only."""

import json

import geopandas as gpd
import shapely

from bench import scale
from geo import config
from geo.map import strategy as ms


def test_packed_page_and_change():
    x0, y0 = 196_000, 321_000
    squares = [shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(4)]
    gdf = gpd.GeoDataFrame({"name": ["A</script>", "B", "C", "D"], "ind_a": [1.0, 2.0, 3.0, None],
                            "ind_b": [4.0, 3.0, 2.0, 1.0]}, geometry=squares, crs=config.CRS_METRIC).to_crs(
        config.CRS_WGS84)
    strategy = ms.choose(4, 20, "buurt", packed=True)
    page = scale.packed_page(gdf, strategy)
    assert "function bkDecode" in page and "bkRecolour" in page
    assert "</script>\"" not in page and "A&lt;/script&gt;" in page  # names escaped: the page cannot be broken
    change = json.loads(json.dumps(scale._classes(gdf, "ind_a")))
    assert change["classes"][3] == -1 and len(change["texts"]) == 4  # no data stays no data
    assert scale.packed_change(gdf, "ind_b") < 400  # bytes: classes and texts, no geometry


def test_fast_texts_are_the_texts_of_format_value():
    from geo.i18n import language
    from geo.map import classify

    values = [1234567.891, -0.05, 0.0, float("nan"), 12.25, 999.95]
    for lang in ("nl", "en"):
        with language(lang):
            assert scale.texts(values, 1) == [classify.format_value(v, 1) for v in values]
            assert scale.texts(values, 0) == [classify.format_value(v, 0) for v in values]
