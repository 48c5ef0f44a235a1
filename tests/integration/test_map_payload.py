"""Map building: escaped text, local assets only, a small payload."""

import pytest

from geo.map import classify, render


@pytest.mark.real_data
def test_heerlen_map_payload_stays_small(processed):
    shapes, wijken = processed["shapes"], processed["wijken"]
    values = processed["buurten"].set_index("buurt_code").reindex(shapes["buurt_code"])["gas_m3"].reset_index(drop=True)
    c = classify.classify(values, "quantiles", 5)
    texts = [classify.format_value(v) for v in values]
    fc = render.feature_collection(shapes, "buurt_code", "buurt_name", texts, classify.class_colours(c))
    m = render.build_map(fc, render.wijk_collection(wijken), render.bounds_of(shapes), "Gas", tiles=True)
    assert render.payload_bytes(m) < 150 * 1024
    assert len(fc["features"]) == 57
