"""The wijk level of any municipality from the national wijken table: a tiny national table built in code.

"Proefdorp" (GM9999) has two wijken, one of them with suppressed (empty) age shares and a self-intersecting
outline; "Elders" (GM0001) has one wijk that must not leak into Proefdorp's files.
"""

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from geo import config
from geo.build import wijk_level
from geo.errors import DataError
from geo.i18n import language

BOWTIE = Polygon([(6.0, 50.0), (6.02, 50.02), (6.02, 50.0), (6.0, 50.02)])  # self-intersecting


def national_table() -> gpd.GeoDataFrame:
    rows = [
        ("WK999901", "Wijk 01 Veld", "GM9999", "Proefdorp", 1200.0, 20.0, shapely.box(6.02, 50.0, 6.04, 50.02)),
        ("WK999900", "Wijk 00 Dorp", "GM9999", "Proefdorp", 3000.0, None, BOWTIE),
        ("WK000100", "Wijk 00 Elders", "GM0001", "Elders", 500.0, 10.0, shapely.box(5.0, 52.0, 5.01, 52.01)),
    ]
    table = gpd.GeoDataFrame(
        [{"wijkcode": c, "wijknaam": n, "gemeentecode": g, "gemeentenaam": gn, "aantal_inwoners": inh,
          "huishoudens": inh / 2, "gem_huishouden_grootte": 2.0, "bevolkingsdichtheid": inh / 4,
          "0_15": age, "15_25": age, "25_45": age, "45_65": age, "65plus": None if age is None else 100 - 4 * age}
         for c, n, g, gn, inh, age, _geom in rows],
        geometry=[r[-1] for r in rows], crs=config.CRS_WGS84)
    return table


def test_one_municipalitys_wijken_with_every_population_figure_and_its_year():
    figures, shapes, report = wijk_level.wijk_tables(national_table(), "GM9999")
    assert figures["wijk_code"].tolist() == ["WK999900", "WK999901"]  # sorted by code, Elders left out
    f = figures.set_index("wijk_code")
    assert f.loc["WK999901", "inhabitants"] == 1200 and f.loc["WK999901", "households"] == 600
    assert f.loc["WK999901", "density"] == 300 and f.loc["WK999901", "pct_age_65plus"] == 20  # 100 - 4 x 20
    assert np.isnan(f.loc["WK999900", "pct_age_0_15"])  # suppressed stays missing, never 0
    assert report["gemeente"] == {"code": "GM9999", "name": "Proefdorp", "level": "wijk", "boundaries_year": 2024}
    assert report["columns"]["pct_age_0_15"] == {"edition": "CBS Wijk- en buurtkaart 2024", "year": 2024,
                                                 "coverage": "1 of 2"}
    assert report["columns"]["inhabitants"]["coverage"] == "2 of 2"
    assert report["invalid_geometries_repaired"] == 1 and report["repaired"] == ["WK999900"]
    assert shapes.geometry.is_valid.all() and shapes.crs.to_epsg() == 4326


def test_an_unknown_municipality_is_a_clear_error_in_the_users_language():
    with language("nl"), pytest.raises(DataError, match="heeft geen wijk van GM0002"):
        wijk_level.wijk_tables(national_table(), "GM0002")


def test_the_build_writes_only_the_wijk_files_and_never_replaces_a_buurt_build(tmp_path):
    path = tmp_path / "wijken_2024.geojson"
    national_table().to_file(path, driver="GeoJSON")
    out = tmp_path / "GM9999"
    meta = wijk_level.build_wijk_level("GM9999", out, path=path)
    assert {p.name for p in out.iterdir()} == {config.WIJKEN.name, config.WIJKEN_MAP.name, config.JOIN_REPORT.name}
    written = json.loads((out / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert written == meta and written["gemeente"]["level"] == "wijk" and len(written["raw_checksums"]) == 1
    shapes = gpd.read_parquet(out / config.WIJKEN_MAP.name)
    assert shapes.columns.tolist() == ["wijk_code", "wijk_name", "geometry"]
    buurt_build = tmp_path / "GM0001"
    buurt_build.mkdir()
    (buurt_build / config.JOIN_REPORT.name).write_text('{"gemeente": {"code": "GM0001", "level": "buurt"}}')
    assert wijk_level.build_wijk_level("GM0001", buurt_build, path=path) is None
    assert {p.name for p in buurt_build.iterdir()} == {config.JOIN_REPORT.name}


def test_a_table_without_the_population_columns_stops_the_build(tmp_path):
    path = tmp_path / "w.geojson"
    national_table().drop(columns=["huishoudens"]).to_file(path, driver="GeoJSON")
    with pytest.raises(DataError, match="huishoudens"):
        wijk_level.read_wijken_nl(path)


def test_the_shipped_table_gives_kerkrade_three_wijken():
    figures, _shapes, report = wijk_level.wijk_tables(wijk_level.read_wijken_nl(), "GM0928")
    assert report["gemeente"]["name"] == "Kerkrade" and len(figures) == 3
    assert figures["inhabitants"].notna().all() and figures["wijk_name"].str.contains("Kerkrade").all()
