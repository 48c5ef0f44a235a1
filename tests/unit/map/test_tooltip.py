"""What the map tooltip says: value and unit, the band of an estimate, a weak-estimate warning."""

import pandas as pd

from geo import i18n
from geo.catalog import dictionary
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
    with i18n.language("en"):
        texts = value_texts(t, "pct_label_efg_all")
        gas = value_texts(t, "gas_m3")
        unit = dictionary.unit("gas_m3")
    assert texts[0].startswith("25") and "90% band 23.0-27.0" in texts[0] and "weak" not in texts[0]
    assert texts[1] == "no data"
    assert texts[2].endswith("(weak estimate)")
    assert gas == [f"1,000 {unit}", f"1,200 {unit}", "no data"]


def test_tooltip_texts_speak_dutch_by_default():
    t = pd.DataFrame(
        {
            "pct_label_efg_all": [25.0, 30.0],
            "pct_label_efg_all_p05": [23.0, 28.0],
            "pct_label_efg_all_p95": [27.0, 32.0],
            "estimate_quality": ["good", "weak"],
            "gas_m3": [1234.0, float("nan")],
        },
        index=["a", "b"],
    )
    texts = value_texts(t, "pct_label_efg_all")
    assert "(90%-bandbreedte 23,0-27,0)" in texts[0]
    assert texts[1].endswith("(zwakke schatting)")
    assert value_texts(t, "gas_m3") == [f"1.234 {dictionary.unit('gas_m3')}", "geen gegevens"]
