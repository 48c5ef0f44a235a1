"""Download offers in the app: a table shown with ui.tables.show and the Map explorer's layer, in both languages.

AppTest lists download buttons (label, key) but runs without the server that
serves their files, so a small script records the callable each button got and
the test calls it: what a click would download, read back and compared.
"""

import io
import json

import geopandas as gpd
import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from geo import config

pytestmark = pytest.mark.real_data


def _table_script(lang: str):
    import pandas as pd
    import streamlit as st

    from tests.support.downloads import captured_downloads
    from ui import language, tables

    st.session_state[language.KEY] = lang  # as the app's language switch does
    with captured_downloads() as captured:
        df = pd.DataFrame({"buurt_name": ["Heerlerbaan", "=cmd|' /C calc'!A0"], "cost_eur": [1234.5, None],
                           "hidden": [1, 2]})
        tables.show(df, {"buurt_name": "Buurt", "cost_eur": ("Cost (EUR)", "%.0f")}, download="Test table",
                    download_settings={"Budget (EUR)": 1e6})
    st.session_state["captured"] = captured


def _run(script, lang: str) -> AppTest:
    at = AppTest.from_function(script, args=(lang,), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_shown_table_offers_excel_csv_and_its_metadata_built_at_the_click():
    at = _run(_table_script, "nl")
    assert [b.label for b in at.download_button] == ["Excel (xlsx)", "CSV", "Metadata bij de CSV (JSON)"]
    files = at.session_state["captured"]
    assert set(files) == {"buurtkompas-test-table.xlsx", "buurtkompas-test-table.csv",
                          "buurtkompas-test-table.metadata.json"}
    assert all(callable(build) for build in files.values())  # nothing is built on a rerun

    csv = files["buurtkompas-test-table.csv"]()
    back = pd.read_csv(io.BytesIO(csv), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == ["Buurt", "Kosten (€)"] and back.iloc[0, 1] == 1234.5 and pd.isna(back.iloc[1, 1])
    assert back.iloc[1, 0] == "'=cmd|' /C calc'!A0"

    book = load_workbook(io.BytesIO(files["buurtkompas-test-table.xlsx"]()))
    assert [ws.title for ws in book.worksheets] == ["Tabel", "Metadata"]
    assert book.worksheets[0]["B2"].value == 1234.5 and book.worksheets[0]["A3"].data_type == "s"
    rows = {r[0]: r[1] for r in book.worksheets[1].iter_rows(values_only=True) if r and r[0]}
    assert rows["Titel"] == "Test table" and rows["Taal"] == "nl"
    assert rows["Instellingen: Budget (EUR)"] == 1e6 and rows["Instellingen: Prijsjaar"] == 2019
    assert rows["Versie van de methode"].startswith("0.") and rows["Geëxporteerd op (UTC)"].endswith("Z")

    meta = json.loads(files["buurtkompas-test-table.metadata.json"]())
    assert meta["csv"] == {"separator": ";", "decimal": ",", "encoding": "UTF-8 with BOM"}
    assert meta["data_built"] and {s["publisher"] for s in meta["sources"]} >= {"CBS", "CBS / Kadaster"}
    assert [c["header"] for c in meta["columns"]] == ["Buurt", "Kosten (€)"]


def test_in_english_the_csv_uses_commas_and_points():
    files = _run(_table_script, "en").session_state["captured"]
    back = pd.read_csv(io.BytesIO(files["buurtkompas-test-table.csv"]()), encoding="utf-8-sig")
    assert back.iloc[0, 1] == 1234.5
    assert json.loads(files["buurtkompas-test-table.metadata.json"]())["language"] == "en"


def _layer_script(lang: str):
    import streamlit as st

    from tests.support.downloads import captured_downloads
    from ui import exports, language

    st.session_state[language.KEY] = lang
    with captured_downloads() as captured:
        exports.offer_layer("gas_m3")
    st.session_state["captured"] = captured


def test_the_map_layer_downloads_as_geopackage_and_geojson_with_full_geometry(tmp_path, processed):
    files = _run(_layer_script, "nl").session_state["captured"]
    path = tmp_path / "layer.gpkg"
    path.write_bytes(files["buurtkompas-map-gas-m3.gpkg"]())
    layer = gpd.read_file(path, layer="buurten")
    assert layer.crs.to_epsg() == 28992 and len(layer) == len(processed["buurten"])
    assert "gas_m3" not in layer.columns and "Buurt" in layer.columns and "Wijk" in layer.columns
    full = processed["buurten"].to_crs(config.CRS_METRIC).geometry.area.sum()
    assert abs(layer.geometry.area.sum() / full - 1) < 1e-4  # the full-resolution polygons, not the map shapes
    meta = gpd.read_file(path, layer="metadata")
    assert "EPSG:28992" in dict(zip(meta["key"], meta["value"], strict=True))["Coördinatenstelsel"]

    doc = json.loads(files["buurtkompas-map-gas-m3.geojson"]())
    assert doc["metadata"]["crs"].startswith("EPSG:4326") and len(doc["features"]) == len(layer)
    assert set(doc["features"][0]["properties"]) == set(layer.columns) - {"geometry"}


def test_the_map_explorer_offers_the_layer_in_both_languages():
    for lang, label in (("nl", "GeoPackage (RD New)"), ("en", "GeoPackage (RD New)")):
        at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=180)
        at.query_params["lang"] = lang
        at.run()
        at.switch_page("pages/map_explorer.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        labels = [b.label for b in at.download_button]
        assert label in labels and "GeoJSON (WGS 84)" in labels
