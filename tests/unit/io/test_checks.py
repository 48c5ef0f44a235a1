"""Loading and validation: bad input gets a clear DataError, never a traceback deep inside."""

import pandas as pd
import pytest
from shapely.geometry import LineString, Polygon

from geo import config, i18n
from geo.errors import DataError
from geo.io.checks import BUURT_CODE, check_numeric, validate_polygons


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages; the Dutch ones are checked where named."""
    with i18n.language("en"):
        yield


def test_valid_polygons_come_back_in_wgs84(three_buurten):
    out = validate_polygons(three_buurten.to_crs(config.CRS_METRIC), "buurt_code", BUURT_CODE, "Buurten")
    assert out.crs.to_epsg() == 4326
    assert out.total_bounds[0] == pytest.approx(5.9, abs=0.2)


def test_missing_crs_is_refused(three_buurten):
    gdf = three_buurten.set_crs(None, allow_override=True)
    with pytest.raises(DataError, match="no coordinate reference system"):
        validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurten")


def test_rd_coordinates_declared_as_wgs84_are_refused(three_buurten):
    wrong = three_buurten.to_crs(config.CRS_METRIC).set_crs(config.CRS_WGS84, allow_override=True)
    with pytest.raises(DataError, match="outside longitude/latitude"):
        validate_polygons(wrong, "buurt_code", BUURT_CODE, "Buurten")


def test_missing_geometry_names_the_buurt(three_buurten):
    gdf = three_buurten.copy()
    gdf.loc[1, "geometry"] = None
    with pytest.raises(DataError, match="BU09170002"):
        validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurten")


def test_missing_code_column_and_bad_codes(three_buurten):
    with pytest.raises(DataError, match="lacks the column"):
        validate_polygons(three_buurten.drop(columns="buurt_code"), "buurt_code", BUURT_CODE, "Buurten")
    bad = three_buurten.assign(buurt_code=["BU1", "BU09170002", "BU09170003"])
    with pytest.raises(DataError, match="'BU1'"):
        validate_polygons(bad, "buurt_code", BUURT_CODE, "Buurten")
    dup = three_buurten.assign(buurt_code=["BU09170001"] * 3)
    with pytest.raises(DataError, match="duplicate"):
        validate_polygons(dup, "buurt_code", BUURT_CODE, "Buurten")


def test_lines_are_not_buurten(three_buurten):
    gdf = three_buurten.copy()
    gdf.loc[0, "geometry"] = LineString([(5.9, 50.9), (5.91, 50.91)])
    with pytest.raises(DataError, match="only polygons"):
        validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurten")


def test_invalid_ring_is_repaired(three_buurten):
    gdf = three_buurten.copy()
    gdf.loc[0, "geometry"] = Polygon([(5.9, 50.9), (5.92, 50.92), (5.92, 50.9), (5.9, 50.92)])  # bow-tie
    out = validate_polygons(gdf, "buurt_code", BUURT_CODE, "Buurten")
    assert out.geometry.is_valid.all()


def test_text_where_numbers_belong_is_named():
    df = pd.DataFrame({"gas": ["1000", "veel", ""]})
    with pytest.raises(DataError, match="'veel'"):
        check_numeric(df, ["gas"], "Upload")


def test_empty_cells_stay_missing_not_zero():
    out = check_numeric(pd.DataFrame({"gas": ["1000", "", None]}), ["gas"], "Upload")
    assert out["gas"].iloc[0] == 1000
    assert out["gas"].iloc[1:].isna().all()


def test_the_message_is_dutch_for_a_dutch_user(three_buurten):
    with i18n.language("nl"), pytest.raises(DataError, match="Buurten: dubbele codes, bijv. 'BU09170001'"):
        validate_polygons(pd.concat([three_buurten, three_buurten]), "buurt_code", BUURT_CODE, "Buurten")
