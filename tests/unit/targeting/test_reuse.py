"""Reuse potential of released materials, on a hand-computed fixture (no processed data)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo.targeting import materials, reuse


def released():
    """Two buurten's tonnes; BU_B's floor area was unknown, so its tonnes are missing."""
    return pd.DataFrame({
        "buurt_code": ["BU_A", "BU_B"],
        "t_concrete": [200.0, math.nan], "t_masonry": [100.0, math.nan], "t_timber": [50.0, math.nan],
        "t_steel": [10.0, math.nan], "t_glass": [0.0, math.nan], "t_other": [20.0, math.nan],
        "t_total": [380.0, math.nan],
    })


def test_published_shares_give_the_hand_computed_tonnes():
    """BU_A with the published shares.

    high-grade: concrete 200 x 10 % = 20; steel 10 x 95 % = 9.5; glass 0 x 70 % = 0 -> 29.5 t
                (masonry, timber and other have no published share and are left out)
    recycled:   (200 + 100) x 94 % = 282; timber 50 x 32.2 % = 16.1; steel 9.5; glass 0 -> 307.6 t
                (other has no published share)
    """
    out = reuse.reuse_potential(released()).set_index("buurt_code")
    assert out.loc["BU_A", "t_high_grade"] == pytest.approx(29.5)
    assert out.loc["BU_A", "t_recycled"] == pytest.approx(307.6)
    assert out.loc["BU_A", "t_total"] == 380.0  # the tonnes themselves are untouched


def test_missing_tonnes_and_missing_shares_never_become_zero():
    out = reuse.reuse_potential(released()).set_index("buurt_code")
    assert pd.isna(out.loc["BU_B", "t_high_grade"]) and pd.isna(out.loc["BU_B", "t_recycled"])
    # No share for any material: the potential is unknown (NaN), not 0 t.
    none = reuse.reuse_potential(released(), high_grade=dict.fromkeys(materials.MATERIALS))
    assert none["t_high_grade"].isna().all()
    # What a sum leaves out is named with its tonnes (materials with 0 t released are not named).
    assert reuse.not_counted(released(), reuse.HIGH_GRADE_PCT) == {"masonry": 100.0, "timber": 50.0, "other": 20.0}
    assert reuse.not_counted(released(), reuse.RECYCLED_PCT) == {"other": 20.0}


def test_a_users_share_replaces_the_published_one_and_bad_ones_are_ignored():
    shares = reuse.high_grade_shares({"masonry": 20, "concrete": "30", "steel": -5, "glass": float("inf"),
                                      "timber": "veel", "wood": 50, "other": 101})
    assert shares == {"concrete": 30.0, "masonry": 20.0, "timber": None, "steel": 95.0, "glass": 70.0,
                      "other": None}
    out = reuse.reuse_potential(released(), shares).set_index("buurt_code")
    # 200 x 30 % + 100 x 20 % + 10 x 95 % = 60 + 20 + 9.5
    assert out.loc["BU_A", "t_high_grade"] == pytest.approx(89.5)


def test_every_share_is_a_percentage_with_a_source_and_a_reading():
    for material in materials.MATERIALS:
        for table in (reuse.RECYCLED_PCT, reuse.HIGH_GRADE_PCT):
            assert table[material] is None or 0 <= table[material] <= 100
        has_share = reuse.RECYCLED_PCT[material] is not None or reuse.HIGH_GRADE_PCT[material] is not None
        assert bool(reuse.SHARE_SOURCES[material]) == has_share  # a figure names where it comes from
        assert all(key in reuse.SOURCES for key in reuse.SHARE_SOURCES[material])
        assert reuse.SHARE_NOTES[material]
    # High-grade reuse is a part of what is recycled, never more.
    for material, high in reuse.HIGH_GRADE_PCT.items():
        if high is not None:
            assert high <= reuse.RECYCLED_PCT[material]
    # Timber: 560 kt recycled of 560 + 1,180 kt waste wood.
    assert reuse.RECYCLED_PCT["timber"] == pytest.approx(100 * 560 / 1740, abs=0.05)
