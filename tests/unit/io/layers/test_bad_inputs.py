"""The corpus of bad inputs: every one gets the message it must give, and nothing crashes.

Each case is a file built in code, its name, and what the user must read: ``error`` (nothing
usable: :class:`DataError` with that message) or ``note`` (read, with that note or that
unmatched value listed). The ids read as what the case is.
"""

from __future__ import annotations

import io
import re
import zipfile

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import LineString, Point, Polygon

from geo import config, i18n
from geo.errors import DataError
from geo.io.layers import files
from geo.io.layers.layer import read_layer
from geo.report import export
from tests.unit.io.layers.conftest import X0, Y0, centre, feature, geo_file, geojson, point, xlsx

C0, C2 = centre(0), centre(2)
RD0 = centre(0, config.CRS_METRIC)
BOWTIE = {"type": "Polygon", "coordinates": [[[C0[0] - .002, C0[1] - .002], [C0[0] + .002, C0[1] + .002],
                                              [C0[0] + .002, C0[1] - .002], [C0[0] - .002, C0[1] + .002],
                                              [C0[0] - .002, C0[1] - .002]]]}
FLAT = {"type": "Polygon", "coordinates": [[[C0[0], C0[1]], [C0[0] + .001, C0[1]], [C0[0] + .002, C0[1]],
                                            [C0[0], C0[1]]]]}


def _sites(crs=config.CRS_METRIC) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"naam": ["a", "b"]}, geometry=[Point(X0 + 500, Y0 + 500), Point(X0 + 2500, Y0 + 500)],
                            crs=crs)


def _zip(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def _docx() -> bytes:
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


GOOD_XLSX = xlsx([["buurt", "aantal"], ["BU09171000", 3], ["BU09172000", 4]])
GOOD_GPKG = geo_file(_sites(), "GPKG")

CORPUS = [
    # ---- empty, truncated, corrupt, wrong kind ----
    ("empty file", b"", "x.csv", "error", "The file is empty"),
    ("only blank lines", b"\n\n  \r\n", "x.csv", "error", "The file is empty"),
    ("csv with a header and no rows", b"buurt_code;aantal\n", "x.csv", "error", "no rows"),
    ("truncated geojson", geojson([point(*C0)])[:40], "x.geojson", "error", "GeoJSON file could not be read"),
    ("json that is not geojson", b"[1, 2, 3]", "x.json", "error", "GeoJSON file could not be read"),
    ("corrupt zip", b"PK\x03\x04" + b"\x00garbage" * 20, "x.zip", "error", "zip file is damaged or incomplete"),
    ("truncated xlsx", GOOD_XLSX[: len(GOOD_XLSX) // 2], "x.xlsx", "error", "damaged or incomplete"),
    ("truncated geopackage", GOOD_GPKG[:3000], "x.gpkg", "error", "GeoPackage file could not be read"),
    ("old excel xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "x.xls", "error",
     r"old Excel file \(\.xls\)"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "x.pdf", "error", "This is a PDF"),
    ("png image named csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.csv", "error", "not in a format the app reads"),
    ("word document", _docx(), "x.docx", "error", "Word document"),
    ("zip without a shapefile", _zip({"readme.txt": "hi"}), "x.zip", "error", "holds no shapefile"),
    ("shapefile without its dbf", geo_file(_sites(), "ESRI Shapefile", drop=(".dbf",)), "x.zip", "error",
     r"lacks its \.dbf"),
    # ---- extension ----
    ("geojson named csv", geojson([point(*C0, naam="a")]), "sites.csv", "note", "named .csv but holds GeoJSON"),
    ("csv without extension", b"buurt_code\nBU09171000\n", "sites", "note", "no extension"),
    # ---- geometry ----
    ("geojson features all without geometry or codes", geojson([feature(None, naam="a")]), "x.geojson", "error",
     "No column holds buurt or wijk codes"),
    ("geojson without geometry but with codes", geojson([feature(None, code="BU09171000")]), "x.geojson", "note",
     "has no geometry; its rows were placed"),
    ("one feature without geometry", geojson([point(*C0), feature(None)]), "x.geojson", "note",
     "1 feature has no geometry and was left out"),
    ("self-intersecting polygon", geojson([feature(BOWTIE, naam="bowtie")]), "x.geojson", "note",
     "invalid geometry .* was repaired"),
    ("polygon that collapses to a line", geojson([feature(FLAT), point(*C0)]), "x.geojson", "note",
     "could not be repaired without changing its kind"),
    # ---- coordinate reference systems ----
    ("shapefile without prj in rd new", geo_file(_sites(), "ESRI Shapefile", drop=(".prj",)), "x.zip", "note",
     r"declares no coordinate reference system; .* RD New"),
    ("shapefile without prj and unknown coordinates",
     geo_file(gpd.GeoDataFrame({"a": [1]}, geometry=[Point(9e6, 9e6)]), "ESRI Shapefile"), "x.zip", "error",
     "declares no coordinate reference system and its coordinates are neither"),
    ("unknown crs", geojson([point(*C0)], "EPSG:999999"), "x.geojson", "error", "'EPSG:999999' is not known"),
    ("rd coordinates in a geojson without crs", geojson([point(*RD0)]), "x.geojson", "note",
     "RD New .* although the file says WGS84"),
    ("swapped lat lon in geojson", geojson([point(C0[1], C0[0])]), "x.geojson", "note",
     "Latitude and longitude were swapped"),
    ("swapped lat lon columns in csv", f"lat,lon\n{C0[0]},{C0[1]}\n".encode(), "x.csv", "note",
     "two coordinate columns were swapped"),
    ("coordinates far away", b"lon,lat\n4.90,52.37\n", "x.csv", "error", "None of the features lies in or near"),
    ("coordinates outside the netherlands", b"x,y\n1,2\n3,4\n", "x.csv", "error",
     "lie neither in the Netherlands"),
    ("rows without coordinates", f"x;y\n{RD0[0]:.0f};{RD0[1]:.0f}\n;\n".encode(), "x.csv", "note",
     "1 row has no coordinates"),
    # ---- codes and names ----
    ("no code, coordinate or name column", b"kleur,aantal\nrood,3\n", "x.csv", "error",
     "No column holds buurt or wijk codes"),
    ("codes that match no buurt", b"buurt_code\nBU09999999\nBU03630000\n", "x.csv", "error",
     "None of the rows matches .* BU03630000, BU09999999"),
    ("some codes that match no buurt", b"code\nBU09171000\nBU09999999\n", "x.csv", "unmatched", "BU09999999"),
    ("names that match no buurt", b"buurt;n\nMaria Gewanden;1\nAtlantis;2\n", "x.csv", "unmatched",
     "Atlantis"),
    ("duplicate rows", b"buurt_code,n\nBU09171000,1\nBU09171000,1\n", "x.csv", "note",
     "1 row repeats an earlier row"),
    ("duplicate codes", b"buurt_code,n\nBU09171000,1\nBU09171000,2\n", "x.csv", "note",
     "1 code appears more than once"),
    # ---- numbers ----
    ("cbs markers in a numeric column", b"buurt_code;n\nBU09171000;.\nBU09171001;x\nBU09172000;4\n", "x.csv",
     "note", "2 cells hold a CBS marker"),
    ("text in a numeric column", b"buurt_code;n\nBU09171000;veel\nBU09171001;3\nBU09172000;4\nWK091710;5\n"
     b"WK091720;6\n", "x.csv", "note", "1 cell holds text where a number belongs .*'veel'"),
    ("negative counts", b"buurt_code;aantal woningen\nBU09171000;-3\nBU09171001;3\n", "x.csv", "note",
     "1 negative count is read as missing"),
    ("ragged csv lines", b"buurt_code,n\nBU09171000,1\nBU09171001,2,3,4\n", "x.csv", "note",
     "1 line.* more fields than the header"),
    # ---- encodings ----
    ("windows-1252 text", "buurt;naam\nBU09171000;café Ôdeur\n".encode("cp1252"), "x.csv", "note",
     "read as Windows-1252"),
    # ---- size ----
    ("file over 50 MB", b"a" * (files.MAX_BYTES + 1), "x.csv", "error", r"at most 50 MB"),
    ("csv over 100,000 rows", b"buurt_code\n" + b"BU09171000\n" * (files.MAX_FEATURES + 1), "x.csv", "error",
     "more than 100,000 rows"),
    ("geojson over 100,000 features", geojson([point(*C0)] * (files.MAX_FEATURES + 1)), "x.geojson", "error",
     "100,001 features; at most 100,000"),
    # ---- several layers ----
    ("geopackage with two layers", geo_file(_sites(), "GPKG", layers=2), "x.gpkg", "note", "holds 2 layers"),
    ("xlsx with two sheets", None, "x.xlsx", "note", "Only the first sheet"),
]


def _two_sheets() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["buurt_code"])
    wb.active.append(["BU09171000"])
    wb.create_sheet("Tweede")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data, filename, outcome, message",
                         [pytest.param(d if d is not None else _two_sheets(), f, o, m, id=case)
                          for case, d, f, o, m in CORPUS])
def test_every_bad_input_gets_its_message(buurten, data, filename, outcome, message):
    if outcome == "error":
        with pytest.raises(DataError, match=message):
            read_layer(data, filename, buurten)
        return
    layer = read_layer(data, filename, buurten)
    if outcome == "unmatched":
        assert message in layer.unmatched
    else:
        assert any(re.search(message, note) for note in layer.notes), layer.notes
    assert layer.rows_kept > 0


def test_the_corpus_has_at_least_thirty_cases():
    assert len(CORPUS) >= 30


def test_a_zip_that_unpacks_beyond_the_limit_is_refused(buurten, monkeypatch):
    monkeypatch.setattr(files, "MAX_UNZIPPED", 1000)
    data = _zip({"big.shp": b"\x00" * 2000, "big.shx": b"", "big.dbf": b""})
    with pytest.raises(DataError, match="unpacks to more than"):
        read_layer(data, "big.zip", buurten)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"klik\")", "+SUM(A1:A2)", "-2+3", "@SUM(A1)"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_cells_stay_text_and_are_defused_in_exports(buurten, cell, kind):
    data = (f"buurt_code;naam\nBU09171000;{cell}\n".encode() if kind == "csv"
            else xlsx([["buurt_code", "naam"], ["BU09171000", cell]]))
    layer = read_layer(data, f"x.{kind}", buurten)
    assert layer.frame["naam"].iloc[0] == cell  # the value as written, never evaluated
    table = layer.frame.drop(columns=["geometry", "_code"])
    csv_text = export.to_csv(table, None, "en").decode("utf-8-sig")
    assert f"'{cell[:5]}" in csv_text.replace('""', '"')
    sheet = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(table, None, {}))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert cell in values or f"'{cell}" in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_html_in_names_and_values_is_kept_as_text(buurten):
    hostile = "<img src=x onerror=alert(1)>"
    layer = read_layer(geojson([point(*C0, naam=hostile)]), hostile + ".geojson", buurten)
    assert layer.frame["naam"].iloc[0] == hostile and layer.name == hostile + ".geojson"


def test_a_dutch_user_reads_the_messages_in_dutch(buurten):
    with i18n.language("nl"):
        with pytest.raises(DataError, match="Het bestand is leeg"):
            read_layer(b"", "x.csv", buurten)
        layer = read_layer(b"buurt_code;n\nBU09171000;.\nBU09171001;3\nBU09172000;4\n", "x.csv", buurten)
    assert any("CBS-teken" in note for note in layer.notes), layer.notes


def test_lines_and_polygons_outside_are_left_out_with_a_note(buurten):
    far = LineString([(4.8, 52.3), (4.9, 52.4)])
    near = Polygon([(C2[0] - .001, C2[1] - .001), (C2[0] + .001, C2[1] - .001), (C2[0], C2[1] + .001)])
    gdf = gpd.GeoDataFrame({"n": [1, 2]}, geometry=[far, near], crs=config.CRS_WGS84)
    layer = read_layer(gdf.to_json().encode(), "x.geojson", buurten)
    assert layer.rows_kept == 1 and any("1 feature lies outside" in n for n in layer.notes)
