import io
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from openpyxl import load_workbook
from shapely.geometry import Polygon, box

from geo import config
from geo.i18n import language
from geo.report import export

HOSTILE = "<script>alert(1)</script>"
SPEC = {
    "buurt_name": "Buurt",
    "cost_eur": ("Test cost (EUR)", "%.0f"),
    "co2_saved_t": ("CO₂ saved (t/yr)", "%.1f"),
    "note": HOSTILE,
}
META = {"title": "Test", "language": "nl", "settings": {"Gas price": 1.45, "Index weights": {"HEQ": 0.5}},
        "sources": [{"title": "Kerncijfers wijken en buurten", "publisher": "CBS", "licence": "CC BY 4.0"}],
        "columns": [{"header": "Buurt", "unit": "", "year": 2020, "meaning": "name"}]}


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "buurt_name": ["Heerlerbaan", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1)", "-2+3"],
        "cost_eur": [1234567.5, np.nan, 0.0, -12.25],
        "co2_saved_t": [1.5, 2.0, 3.25, 4.0],
        "note": [HOSTILE, "+31 45", "\tTAB", "plain"],
        "internal_only": [1, 2, 3, 4],
    })


@pytest.fixture
def buurten() -> gpd.GeoDataFrame:
    """Two 1 km squares in RD New near Heerlen (one wound clockwise), in WGS84 as the processed data stores them."""
    x0, y0 = 196000, 321000
    clockwise = Polygon([(x0, y0), (x0, y0 + 1000), (x0 + 1000, y0 + 1000), (x0 + 1000, y0)])
    gdf = gpd.GeoDataFrame(
        {"buurt_code": ["BU09170001", "BU09170002"], "buurt_name": ["Noord", HOSTILE],
         "wijk_name": ["Wijk 10", "Wijk 11"], "gas_m3": [1234.5, np.nan], "energy_poverty_index": [55.0, 70.0]},
        geometry=[clockwise, box(x0 + 1000, y0, x0 + 2000, y0 + 1000)], crs=config.CRS_METRIC,
    )
    return gdf.to_crs(config.CRS_WGS84)


LAYER = ["buurt_code", "buurt_name", "wijk_name", "gas_m3", "energy_poverty_index"]


def test_headers_are_the_shown_labels_with_units_never_internal_names():
    with language("en"):
        assert export.header("cost_eur", SPEC) == "Test cost (EUR)"
        assert export.header("gas_m3") == "Gas use per dwelling (m³ per dwelling per year)"
        assert export.header("buurt_code") == "Buurt code"  # a code has no unit to repeat
        assert export.headers(["a", "b"], {"a": "Same", "b": "Same"}) == {"a": "Same", "b": "Same (2)"}


def test_csv_in_dutch_uses_semicolons_and_decimal_commas_and_round_trips(table):
    with language("nl"):
        raw = export.to_csv(table, SPEC, "nl")
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == ["Buurt", "Test cost (EUR)", "CO₂-besparing (t/jaar)", HOSTILE]
    assert back["Test cost (EUR)"].iloc[0] == 1234567.5 and np.isnan(back["Test cost (EUR)"].iloc[1])
    assert back["Test cost (EUR)"].iloc[3] == -12.25  # a negative number stays a number
    assert back["CO₂-besparing (t/jaar)"].tolist() == [1.5, 2.0, 3.25, 4.0]
    assert "1234567,5" in raw.decode("utf-8-sig") and "1.234.567" not in raw.decode("utf-8-sig")


def test_csv_in_english_uses_commas_and_decimal_points(table):
    raw = export.to_csv(table, SPEC, "en")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert back.iloc[0, 1] == 1234567.5 and list(back.columns)[:2] == ["Buurt", "Test cost (EUR)"]


def test_csv_defuses_every_text_cell_a_spreadsheet_would_run_as_a_formula(table):
    back = pd.read_csv(io.BytesIO(export.to_csv(table, SPEC, "en")), encoding="utf-8-sig",
                       keep_default_na=False)
    names = back["Buurt"].tolist()
    assert names[0] == "Heerlerbaan"
    assert names[1] == "'=HYPERLINK(\"http://evil\",\"x\")" and names[2] == "'@SUM(1)" and names[3] == "'-2+3"
    assert back[HOSTILE].tolist() == [HOSTILE, "'+31 45", "'\tTAB", "plain"]  # hostile label: plain text


def test_xlsx_round_trips_numbers_headers_and_metadata_and_keeps_formulas_text(table):
    with language("nl"):
        raw = export.to_xlsx(table, SPEC, META)
    back = pd.read_excel(io.BytesIO(raw), sheet_name=0)
    assert list(back.columns) == ["Buurt", "Test cost (EUR)", "CO₂-besparing (t/jaar)", HOSTILE]
    assert back["Test cost (EUR)"].iloc[0] == 1234567.5 and np.isnan(back["Test cost (EUR)"].iloc[1])
    assert back["Buurt"].iloc[1] == "=HYPERLINK(\"http://evil\",\"x\")"  # the text itself, not a formula's result
    wb = load_workbook(io.BytesIO(raw))
    sheet, meta = wb.worksheets
    assert sheet.title == "Tabel" and meta.title == "Metadata"
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} became a formula: {cell.value!r}"
    assert sheet["A3"].value == "=HYPERLINK(\"http://evil\",\"x\")" and sheet["A3"].quotePrefix
    assert sheet["B2"].data_type == "n" and sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].number_format == "#,##0.0" and sheet["D1"].value == HOSTILE
    rows = {r[0]: r[1] for r in meta.iter_rows(values_only=True) if r and r[0]}
    assert rows["Titel"] == "Test" and rows["Instellingen: Gas price"] == 1.45
    assert rows["Instellingen: Index weights: HEQ"] == 0.5
    assert "CBS" in rows["Bron"] and "CC BY 4.0" in rows["Bron"]
    assert rows["Kolom"] == "Eenheid" and rows["Buurt"] is None  # the column notes follow their header row


def test_metadata_json_is_the_full_nested_record():
    assert json.loads(export.metadata_json(META)) == META


def test_column_notes_give_unit_year_and_meaning_from_the_dictionary():
    with language("en"):
        notes = export.column_notes(["gas_m3", "x"], None, {"gas_m3": {"year": 2019}})
    assert notes[0]["header"].startswith("Gas use per dwelling") and notes[0]["year"] == 2019
    assert notes[0]["unit"] == "m³ per dwelling per year" and "natural-gas" in notes[0]["meaning"]
    assert notes[1] == {"header": "x", "unit": "", "year": None, "meaning": ""}


def test_geojson_is_rfc7946_with_labels_as_attributes_and_metadata(buurten):
    with language("en"):
        raw = export.to_geojson(buurten, LAYER, META)
    doc = json.loads(raw)
    assert doc["type"] == "FeatureCollection" and doc["metadata"]["title"] == "Test" and "crs" not in doc
    props = doc["features"][0]["properties"]
    assert props["Gas use per dwelling (m³ per dwelling per year)"] == 1234.5
    assert doc["features"][1]["properties"]["Buurt"] == HOSTILE
    assert doc["features"][1]["properties"]["Gas use per dwelling (m³ per dwelling per year)"] is None
    ring = doc["features"][0]["geometry"]["coordinates"][0]
    assert 5.8 < ring[0][0] < 6.1 and 50.8 < ring[0][1] < 51.0  # longitude first, WGS84
    assert all(len(str(c).split(".")[1]) <= 6 for xy in ring for c in xy)
    assert Polygon(ring).exterior.is_ccw  # RFC 7946: exterior rings counter-clockwise
    back = gpd.read_file(io.BytesIO(raw))
    assert back.crs.to_epsg() == 4326 and len(back) == 2
    assert back.geometry.iloc[0].normalize().equals_exact(buurten.geometry.iloc[0].normalize(), 1e-6)


def test_geopackage_round_trips_in_rd_new_with_metadata_and_attribute_tables(buurten, tmp_path):
    with language("nl"):
        raw = export.to_geopackage(buurten, LAYER, {**META, "columns": export.column_notes(LAYER)})
        expected = list(export.headers(LAYER).values())
    path = tmp_path / "x.gpkg"
    path.write_bytes(raw)
    assert set(pyogrio.list_layers(path)[:, 0]) == {"buurten", "metadata", "attributes"}
    back = gpd.read_file(path, layer="buurten")
    assert back.crs.to_epsg() == 28992
    assert list(back.columns[:-1]) == expected and not set(expected) & set(LAYER)
    assert back.iloc[1, 1] == HOSTILE and back.iloc[0, 3] == 1234.5 and np.isnan(back.iloc[1, 3])
    x0, y0, *_rest = back.geometry.iloc[0].bounds
    assert abs(x0 - 196000) < 2 and abs(y0 - 321000) < 2  # full geometry, back in RD New within a metre or two
    meta = pyogrio.read_dataframe(path, layer="metadata")
    assert dict(zip(meta["key"], meta["value"], strict=True))["Titel"] == "Test"
    attributes = pyogrio.read_dataframe(path, layer="attributes")
    assert list(attributes["attribute"]) == list(back.columns[:-1])
