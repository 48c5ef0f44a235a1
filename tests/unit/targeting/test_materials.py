"""Materials released by demolition, on a hand-computed fixture (no processed data)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.targeting import materials


def cells():
    """Two buurten of stock cells.

    BU_A: 10 detached (F, 200 m²), 30 mid-terrace (E, 100 m²), 50 apartments (B, 70 m², kept);
    BU_B: 20 apartments (G, 80 m²).
    """
    return pd.DataFrame({
        "buurt_code": ["BU_A", "BU_A", "BU_A", "BU_B"],
        "dwelling_type": ["detached", "mid-terrace", "apartment", "apartment"],
        "label_class": ["F", "E", "B", "G"],
        "dwellings": [10.0, 30.0, 50.0, 20.0],
        "floor_area_m2_mean": [200.0, 100.0, 70.0, 80.0],
    })


def test_tonnes_per_buurt_match_the_hand_computation():
    """Demolish 8 dwellings in BU_A and 5 in BU_B.

    BU_A's E-G stock is 40 dwellings: 10/40 of the 8 are detached (2 x 200 = 400 m², source type "single"),
    30/40 mid-terrace (6 x 100 = 600 m², "row"); the label-B apartments stay.
      concrete  974.12 x 400 + 353.20 x 600 = 389,648 + 211,920 kg = 601.568 t
      masonry   635.29 x 400 + (124.10 + 16.11) x 600 = 254,116 + 84,126 kg = 338.242 t
      timber    216.47 x 400 + 39.04 x 600 = 86,588 + 23,424 kg = 110.012 t
      steel     34.09 x 400 + 12.36 x 600 = 13,636 + 7,416 kg = 21.052 t
      glass     0
      other     81.18 x 400 + (10.26 + 7.65 + 36.21) x 600 = 32,472 + 32,472 kg = 64.944 t
      total     1,941.15 x 400 + 598.93 x 600 = 776,460 + 359,358 kg = 1,135.818 t
    BU_B: 5 x 80 = 400 m² of "apartment": concrete 883.09 x 400 = 353.236 t, total 1,290.60 x 400 = 516.24 t.
    """
    out = materials.materials_released(cells(), pd.Series({"BU_A": 8.0, "BU_B": 5.0})).set_index("buurt_code")
    a, b = out.loc["BU_A"], out.loc["BU_B"]
    assert a["floor_area_m2"] == pytest.approx(1000.0)
    assert a["t_concrete"] == pytest.approx(601.568)
    assert a["t_masonry"] == pytest.approx(338.242)
    assert a["t_timber"] == pytest.approx(110.012)
    assert a["t_steel"] == pytest.approx(21.052)
    assert a["t_glass"] == 0
    assert a["t_other"] == pytest.approx(64.944)
    assert a["t_total"] == pytest.approx(1135.818)
    assert b["t_concrete"] == pytest.approx(353.236) and b["t_total"] == pytest.approx(516.24)
    t = materials.totals(out.reset_index())
    assert t["t_total"] == pytest.approx(1135.818 + 516.24) and t["demolished"] == pytest.approx(13.0)


def test_no_demolition_releases_nothing_and_unknown_floor_area_stays_missing():
    assert materials.materials_released(cells(), pd.Series({"BU_A": 0.0})).empty
    c = cells().assign(floor_area_m2_mean=[None, None, 70.0, 80.0])
    out = materials.materials_released(c, pd.Series({"BU_A": 4.0})).set_index("buurt_code")
    assert pd.isna(out.loc["BU_A", "t_total"])  # never a made-up zero


def test_every_stock_type_has_a_source_type_and_the_groups_add_up_to_the_source_totals():
    mi = materials.intensities()
    assert set(materials.TYPE_OF_DWELLING.values()) <= set(mi.index)
    for kind, total in materials.RAW_TOTAL_KG_M2.items():
        assert mi.loc[kind].sum() == pytest.approx(total, abs=0.01)
    assert mi.loc["single", "concrete"] > mi.loc["row", "concrete"]  # detached houses: most per m²
