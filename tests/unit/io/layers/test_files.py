"""Reading a file's bytes: the kind by content, encodings, separators, sheets, geometry files."""

import pytest

from geo.errors import DataError
from geo.io.layers import files
from tests.unit.io.layers.conftest import centre, geo_file, geojson, point, xlsx


@pytest.mark.parametrize("data, kind", [
    (b'{"type": "FeatureCollection", "features": []}', "geojson"),
    (b"\xef\xbb\xbf  [", "geojson"),
    (b"a;b\n1;2\n", "csv"),
    ("a\tb\n".encode("utf-16"), "csv"),
    (b"SQLite format 3\x00rest", "gpkg"),
])
def test_the_content_decides_the_kind(data, kind):
    assert files.kind_of(data, "whatever.bin") == kind


def test_a_dutch_excel_csv_is_read_with_its_separator_encoding_and_decimal_comma():
    data = "buurt;naam;gemiddeld\nBU09171000;Café;12,5\n".encode("cp1252")
    read = files.read_file(data, "x.csv")
    assert read.frame.iloc[0].tolist() == ["BU09171000", "Café", "12,5"]
    assert read.dutch and any("Windows-1252" in n for n in read.notes) and any("semicolon" in n for n in read.notes)


def test_utf16_text_as_excel_saves_unicode_text():
    read = files.read_file("buurt\tn\nBU09171000\t3\n".encode("utf-16"), "x.txt")
    assert read.frame.columns.tolist() == ["buurt", "n"] and read.frame.iloc[0, 1] == "3"


def test_blank_and_repeated_column_names_get_names():
    read = files.read_file(b"a,,a\n1,2,3\n", "x.csv")
    assert read.frame.columns.tolist() == ["a", "column 2", "a.1"]


def test_xlsx_first_sheet_numbers_stay_numbers():
    read = files.read_file(xlsx([["code", "n"], ["BU09171000", 2.5], [None, None]]), "x.xlsx")
    assert read.frame.shape == (1, 2) and read.frame.iloc[0, 1] == 2.5


def test_geometry_files_keep_their_declared_crs(buurten):
    rd = buurten.to_crs("EPSG:28992")
    for driver, name in (("GPKG", "x.gpkg"), ("ESRI Shapefile", "x.zip")):
        read = files.read_file(geo_file(rd, driver), name)
        assert read.kind in ("gpkg", "shapefile") and "28992" in read.declared_crs and len(read.frame) == 3
    read = files.read_file(geojson([point(*centre(0))], "urn:ogc:def:crs:EPSG::28992"), "x.geojson")
    assert read.declared_crs == "urn:ogc:def:crs:EPSG::28992"


def test_limits_are_parameters():
    with pytest.raises(DataError, match="at most 1 MB"):
        files.read_file(b"x" * 2_000_000, "x.csv", max_bytes=1024 * 1024)
    with pytest.raises(DataError, match="more than 2 rows"):
        files.read_file(b"a\n1\n2\n3\n", "x.csv", max_features=2)


def test_title_lines_above_the_header_as_statline_exports_have():
    data = b"Tabel: laadpalen per buurt\nBron: gemeente\n\nbuurt;aantal\nBU09171000;3\nBU09171001;4\n"
    read = files.read_file(data, "statline.csv")
    assert read.frame.columns.tolist() == ["buurt", "aantal"] and len(read.frame) == 2
    assert any("above the column names" in n for n in read.notes)
