"""What the map tooltip says: value and unit, the band of an estimate, a weak-estimate warning."""

import pandas as pd

from geo.map.tooltip import value_texts


def test_tooltip_texts_show_band_and_weak_estimates():
    t = pd.DataFrame(
        {
            "pct_label_efg_all": [25.0, float("nan"), 30.0],
            "pct_label_efg_all_p05": [23.0, float("nan"), 28.0],
            "pct_label_efg_all_p95": [27.0, float("nan"), 32.0],
            "estimate_quality": ["good", "none", "weak"],
            "gas_m3": [1000.0, 1200.0, float("nan")],
        },
        index=["a", "b", "c"],
    )
    texts = value_texts(t, "pct_label_efg_all")
    assert texts[0].startswith("25") and "90% band 23.0-27.0" in texts[0] and "weak" not in texts[0]
    assert texts[1] == "no data"
    assert texts[2].endswith("(weak estimate)")
    assert value_texts(t, "gas_m3") == ["1,000 m3 per dwelling per year", "1,200 m3 per dwelling per year", "no data"]
