"""Placing tables and layers on the map: codes, coordinates, names; CRS; repairs; no generated table crashes."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from geo import config
from geo.errors import DataError
from geo.io.layers import locate
from tests.unit.io.layers.conftest import centre, make_buurten

BUURTEN = make_buurten()


def test_codes_in_every_form_join_to_their_buurt_or_wijk(buurten):
    df = pd.DataFrame({"gebied": ["BU09171000", "0917 1001", "9172000", "WK091710", "onbekend"], "n": list("12345")})
    located = locate.locate_table(df, buurten)
    assert located.frame["_code"].tolist() == ["BU09171000", "BU09171001", "BU09172000", "WK091710"]
    assert located.unmatched == ["onbekend"]
    wijk = located.frame.geometry.iloc[3]
    assert wijk.area == pytest.approx(buurten.geometry.iloc[:2].union_all().area)


def test_coordinates_in_rd_or_wgs84_by_any_common_name(buurten):
    rd, ll = centre(1, config.CRS_METRIC), centre(1)
    for df in (pd.DataFrame({"RD_X": [str(rd[0])], "rd_y": [str(rd[1])]}),
               pd.DataFrame({"Latitude": [ll[1]], "Longitude": [ll[0]]}),
               pd.DataFrame({"lat": [f"{ll[1]}".replace(".", ",")], "lng": [f"{ll[0]}".replace(".", ",")]})):
        located = locate.locate_table(df, buurten, dutch=True)
        assert located.joined_by == "coordinates"
        assert located.frame.geometry.iloc[0].within(buurten.geometry.iloc[1])


def test_names_as_a_fallback(buurten):
    located = locate.locate_table(pd.DataFrame({"Buurt": ["maria gewanden", "HEERLER-HEIDE", "Atlantis"]}), buurten)
    assert located.joined_by == "name" and located.frame["_code"].tolist() == ["BU09171000", "BU09172000"]
    assert located.unmatched == ["Atlantis"]


def test_a_declared_crs_is_used_and_an_undeclared_one_told_from_the_values():
    rd = gpd.GeoDataFrame(geometry=[Point(196500, 321500)])
    out, notes = locate.to_wgs84(rd, None)
    assert out.crs.to_epsg() == 4326 and abs(out.geometry.iloc[0].x - 5.97) < 0.05 and notes
    mercator = gpd.GeoDataFrame(geometry=[Point(665_000, 6_600_000)])
    out, notes = locate.to_wgs84(mercator, "EPSG:3857")
    assert out.crs.to_epsg() == 4326 and notes == []


def test_repair_keeps_areas_and_drops_what_cannot_stay_an_area():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    flat = Polygon([(0, 0), (1, 0), (2, 0), (0, 0)])
    gdf = gpd.GeoDataFrame(geometry=[bowtie, flat, None, Point(0, 0)], crs=config.CRS_METRIC)
    out, notes = locate.repair(gdf)
    assert len(out) == 2 and out.geometry.iloc[0].is_valid and out.geometry.iloc[0].area == pytest.approx(0.5)
    assert len(notes) == 3


def test_nothing_to_join_by_is_said(buurten):
    with pytest.raises(DataError, match="No column holds"):
        locate.locate_table(pd.DataFrame({"kleur": ["rood"]}), buurten)


CELLS = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**9, 10**9),
                  st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                  st.sampled_from(["BU09171000", "0917 1001", "WK091710", ".", "x", "-", "Terschuren", "=1+1",
                                   "5.98", "50.88", "196500", "321500", "<b>", "1.234,5"]))
NAMES = st.sampled_from(["buurt_code", "code", "x", "y", "lat", "lon", "lng", "rd_x", "rd_y", "naam", "buurt",
                         "wijk", "aantal", "n", "", "Unnamed: 0", "<script>"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAMES, min_size=1, max_size=4, unique=True).flatmap(
    lambda cols: st.lists(st.fixed_dictionaries({c: CELLS for c in cols}), min_size=0, max_size=8)
    .map(lambda rows, cols=cols: pd.DataFrame(rows, columns=cols))))
def test_no_generated_table_crashes_the_join(df):
    try:
        located = locate.locate_table(df, BUURTEN, dutch=bool(len(df) % 2))
    except DataError as err:
        assert str(err)
        return
    assert isinstance(located.frame, gpd.GeoDataFrame) and located.frame.crs.to_epsg() == 4326
    assert len(located.frame) <= len(df) and not located.frame.geometry.isna().any()
    assert np.isfinite(located.frame.geometry.bounds.to_numpy()).all()
