"""Grid load of heat pumps and all-electric new homes, on a hand-computed fixture."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geo import i18n
from geo.errors import DataError
from geo.params import GridParams
from geo.targeting import grid
from geo.targeting.packages import KWH_PER_M3


def retrofit_buurten():
    return pd.DataFrame({"buurt_code": ["BU_A", "BU_B"], "dwellings_upgraded": [100.0, 40.0],
                         "electricity_added_kwh": [250_000.0, 80_000.0]})


def test_retrofit_load_matches_the_hand_computation():
    """Peaks and electricity of the packages, by hand.

    Hybrid, defaults (1.0 kW per dwelling, simultaneity 1): BU_A 100 x 1.0 kW = 0.1 MW, BU_B 40 x 1.0 = 0.04 MW;
    250,000 kWh = 0.25 GWh. All-electric at 2.0 kW and simultaneity 0.5: BU_A 100 x 2.0 x 0.5 = 0.1 MW.
    Insulation alone: no heat pumps, 0 MW.
    """
    hybrid = grid.retrofit_load(retrofit_buurten(), "hybrid", GridParams()).set_index("buurt_code")
    assert hybrid.loc["BU_A", "extra_peak_mw"] == pytest.approx(0.1)
    assert hybrid.loc["BU_B", "extra_peak_mw"] == pytest.approx(0.04)
    assert hybrid.loc["BU_A", "extra_gwh"] == pytest.approx(0.25)
    electric = grid.retrofit_load(retrofit_buurten(), "all_electric",
                                  GridParams(peak_kw_all_electric=2.0, simultaneity=0.5)).set_index("buurt_code")
    assert electric.loc["BU_A", "extra_peak_mw"] == pytest.approx(0.1)
    insulate = grid.retrofit_load(retrofit_buurten(), "insulate", GridParams())
    assert insulate["extra_peak_mw"].sum() == 0 and insulate["heat_pumps"].sum() == 0


def test_newbuild_load_matches_the_hand_computation():
    """Electricity and peak of all-electric new homes, by hand.

    300 m³ gas equivalent x 0.9 x 8.790 kWh/m³ (277.78 kWh/GJ / 31.6 m³/GJ) / COP 3 = 791.1 kWh per home;
    200 homes: 0.15822 GWh a year; peak 200 x 1.25 kW = 0.25 MW. A buurt without homes is left out.
    """
    gp = GridParams(newbuild_heat_m3=300.0)
    assert KWH_PER_M3 == pytest.approx(8.790, abs=1e-3)
    out = grid.newbuild_load(pd.Series({"BU_A": 200, "BU_B": 0}), gp, cop=3.0, boiler_efficiency=0.9)
    assert out["buurt_code"].tolist() == ["BU_A"]
    assert out.loc[0, "extra_gwh"] == pytest.approx(200 * 300 * 0.9 * KWH_PER_M3 / 3.0 / 1e6)
    assert out.loc[0, "extra_gwh"] == pytest.approx(0.15822, abs=1e-4)
    assert out.loc[0, "extra_peak_mw"] == pytest.approx(0.25)


def test_capacity_flags_the_buurten_where_it_is_short():
    """Flags beside the capacity, by hand.

    Peaks 0.5, 0.3, 0.2 MW. BU_B's own capacity 0.2 MW: headroom −0.1, flagged. Municipal capacity 0.6 MW:
    shortfall 1.0 − 0.6 = 0.4 MW, made up by the largest first: BU_A (0.5) alone covers it, so BU_A is flagged,
    BU_C not.
    """
    load = pd.DataFrame({"buurt_code": ["BU_C", "BU_A", "BU_B"], "extra_gwh": [0.1, 0.1, 0.1],
                         "extra_peak_mw": [0.2, 0.5, 0.3]})
    table, summary = grid.against_capacity(load, GridParams(capacity_mw=0.6, capacities=(("BU_B", 0.2),)))
    t = table.set_index("buurt_code")
    assert table["buurt_code"].tolist() == ["BU_A", "BU_B", "BU_C"]  # largest extra peak first
    assert t.loc["BU_B", "headroom_mw"] == pytest.approx(-0.1)
    assert t["flagged"].to_dict() == {"BU_A": True, "BU_B": True, "BU_C": False}
    assert summary["shortfall_mw"] == pytest.approx(0.4) and summary["flagged"] == 2
    _t, none = grid.against_capacity(load, GridParams())  # nothing entered: nothing flagged, no shortfall
    assert none["flagged"] == 0 and none["shortfall_mw"] == 0 and pd.isna(none["capacity_mw"])


def test_bad_grid_settings_are_refused():
    for bad in ({"simultaneity": 0.0}, {"simultaneity": 1.5}, {"peak_kw_hybrid": -1.0},
                {"capacities": (("BU_A", -2.0),)}):
        with pytest.raises(ValueError):
            GridParams(**bad)


# ---- capacity from a user's layer ---------------------------------------------------------------
# Three buurten of 100 m x 100 m side by side (RD New), A at x 0-100, B at 100-200, C at 200-300.
def squares() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"buurt_code": ["BU_A", "BU_B", "BU_C"]},
                            geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)],
                            crs="EPSG:28992").to_crs("EPSG:4326")


def rd(geometries, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geometries, crs="EPSG:28992").to_crs("EPSG:4326")


def test_a_column_of_free_capacity_is_summed_or_averaged_per_buurt_by_hand():
    """Stations at (50, 50) 2 MW and (60, 40) 1 MW lie in A, (150, 50) 0.5 MW in B, none in C.

    Sum: A 2 + 1 = 3 MW, B 0.5 MW; mean: A (2 + 1) / 2 = 1.5 MW, B 0.5 MW; C gets no value (not entered, not 0).
    """
    stations = rd([Point(50, 50), Point(60, 40), Point(150, 50)], vrij_mw=[2.0, 1.0, 0.5])
    total, notes = grid.capacities_from_layer(stations, squares(), "sum", "vrij_mw")
    assert total == (("BU_A", pytest.approx(3.0)), ("BU_B", pytest.approx(0.5))) and notes == []
    mean, _notes = grid.capacities_from_layer(stations, squares(), "mean", "vrij_mw")
    assert dict(mean) == {"BU_A": pytest.approx(1.5), "BU_B": pytest.approx(0.5)}


def test_congested_areas_take_the_room_of_the_buurten_they_cover_above_the_threshold_by_hand():
    """One congested area x 40-130, y 0-100: it covers 60 % of A (60 x 100 of 100 x 100) and 30 % of B.

    Threshold 50 %: A only gets 0 MW; threshold 25 %: A and B. With extra peaks A 0.2, B 0.1, C 0.4 MW the flags
    follow as for a typed capacity: A (and B) have headroom below 0 and are flagged; C, with no capacity given, not.
    """
    area = rd([box(40, 0, 130, 100)], naam=["Congestiegebied"])
    half, _notes = grid.capacities_from_layer(area, squares(), "congested", threshold_pct=50.0)
    assert half == (("BU_A", 0.0),)
    quarter, _notes = grid.capacities_from_layer(area, squares(), "congested", threshold_pct=25.0)
    assert quarter == (("BU_A", 0.0), ("BU_B", 0.0))
    load = pd.DataFrame({"buurt_code": ["BU_A", "BU_B", "BU_C"], "extra_gwh": [0.1, 0.1, 0.1],
                         "extra_peak_mw": [0.2, 0.1, 0.4]})
    table, summary = grid.against_capacity(load, GridParams(capacities=quarter))
    assert table.set_index("buurt_code")["flagged"].to_dict() == {"BU_A": True, "BU_B": True, "BU_C": False}
    assert summary["flagged"] == 2


@pytest.fixture
def english():
    """These tests read the English messages (Dutch is the default)."""
    with i18n.language("en"):
        yield


def test_negative_capacity_is_read_as_no_room_and_said(english):
    stations = rd([Point(50, 50)], vrij_mw=[-1.5])
    caps, notes = grid.capacities_from_layer(stations, squares(), "sum", "vrij_mw")
    assert caps == (("BU_A", 0.0),) and "negative free capacity" in notes[0]


@pytest.mark.parametrize("frame, rule, column, message", [
    (rd([Point(50, 50)], naam=["station"]), "sum", "naam", "no column of numbers"),
    (rd([Point(50, 50)], vrij_mw=[1.0]), "mean", None, "no column of numbers"),
    (rd([Point(50, 50)], vrij_mw=[1.0]), "congested", None, "only points or lines"),
    (rd([box(1000, 1000, 1100, 1100)]), "congested", None, "cover no buurt"),
    (rd([Point(5000, 50)], vrij_mw=[1.0]), "sum", "vrij_mw", "lies in a buurt"),
    (rd([Point(50, 50)], vrij_mw=[1.0]), "median", "vrij_mw", "Unknown way"),
])
def test_a_layer_that_does_not_fit_gets_a_clear_message(english, frame, rule, column, message):
    with pytest.raises(DataError, match=message):
        grid.capacities_from_layer(frame, squares(), rule, column)


def test_a_dutch_user_reads_why_a_layer_does_not_fit():
    with i18n.language("nl"), pytest.raises(DataError, match="Congestiegebieden moeten vlakken"):
        grid.capacities_from_layer(rd([Point(50, 50)]), squares(), "congested")
