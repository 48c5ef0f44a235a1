"""The build's table, map and metadata stages, and the whole build, on a tiny Heerlen built in code."""

import hashlib
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo import config
from geo.build import inputs, pipeline
from geo.catalog import dictionary
from tests.support.tiny_heerlen import BUURTEN, raw_inputs


@pytest.fixture
def raw():
    return raw_inputs()


def test_buurt_table_derives_wijk_codes_names_and_areas(raw, tmp_path):
    buurten = pipeline.buurt_table(raw, inputs.choose_editions(raw), tmp_path)
    b = buurten.set_index("buurt_code")
    assert b["wijk_code"].tolist() == ["WK091700", "WK091700", "WK091701"]
    assert b["wijk_name"].tolist() == ["Centrum-Markt", "Centrum-Markt", "Heide"]  # the latest edition's name
    assert b["area_ha"].round(3).tolist() == [1.0, 1.0, 2.0]
    assert b.loc["BU09170001", "gas_m3"] == 3018.0 and np.isnan(b.loc["BU09170101", "gas_m3"])
    assert b.loc["BU09170001", "income_per_inhabitant_keur"] == 25.0
    assert b.loc["BU09170001", "pct_social_assistance"] == 5.0
    written = gpd.read_parquet(tmp_path / config.BUURTEN.name)
    assert written["buurt_code"].tolist() == list(BUURTEN) and written.crs.to_epsg() == 4326


def test_map_shapes_share_borders_and_wijk_outlines_follow_them(raw, tmp_path):
    buurten = pipeline.buurt_table(raw, inputs.choose_editions(raw), tmp_path)
    pipeline.map_shapes(buurten, raw.wijk_names, tmp_path)
    shapes = gpd.read_parquet(tmp_path / config.BUURTEN_MAP.name)
    wijken = gpd.read_parquet(tmp_path / config.WIJKEN_MAP.name)
    assert shapes.columns.tolist() == ["buurt_code", "buurt_name", "wijk_code", "geometry"]
    assert shapes.is_valid.all()
    assert wijken.set_index("wijk_code")["wijk_name"].to_dict() == {"WK091700": "Centrum-Markt", "WK091701": "Heide"}
    centrum = wijken.set_index("wijk_code").geometry["WK091700"]
    assert centrum.geom_type == "Polygon"  # the two buurten of the wijk dissolve without a gap
    assert centrum.equals(shapes.geometry.iloc[:2].union_all())


def test_wijk_and_gemeente_tables_carry_the_national_comparison(raw, tmp_path):
    editions = inputs.choose_editions(raw)
    buurten = pipeline.buurt_table(raw, editions, tmp_path)
    pipeline.wijk_and_gemeente_tables(raw, editions, buurten, tmp_path)
    wijken = pd.read_parquet(tmp_path / config.WIJKEN.name)
    assert wijken[["wijk_code", "wijk_name"]].values.tolist() == [["WK091700", "Centrum-Markt"], ["WK091701", "Heide"]]
    assert wijken["gas_m3"].tolist() == [3018.0, 3018.0]
    assert wijken["pct_social_assistance"].tolist()[0] == 5.0 and np.isnan(wijken["pct_social_assistance"].iloc[1])
    gemeente = pd.read_parquet(tmp_path / config.GEMEENTE.name).set_index("column")
    assert gemeente.loc["gas_m3", "gemeente"] == 3018.0
    # Household shares are weighted by households: (10 x 100 + 4 x 200) / 300 = 6.
    assert gemeente.loc["pct_social_minimum", "netherlands_2022"] == pytest.approx(6.0)


def test_metadata_lists_suppressed_buurten_and_raw_checksums(raw, tmp_path):
    editions = inputs.choose_editions(raw)
    buurten = pipeline.buurt_table(raw, editions, tmp_path)
    (tmp_path / "raw").mkdir()
    raw_file = tmp_path / "raw" / "kwb.csv"
    raw_file.write_bytes(b"regio_code\nBU09170001\n")
    meta = pipeline.metadata(inputs.join_reports(raw), editions, buurten, {"stock_basis": "estimated"},
                             raw_files=[raw_file], root=tmp_path)
    assert meta["suppressed"]["gas_m3"] == ["Heide"]
    assert meta["suppressed"]["pct_social_assistance"] == ["Markt"]
    assert meta["suppressed"]["inhabitants"] == []
    assert list(meta["suppressed"]) == [*dictionary.kwb_columns(), "pct_social_assistance"]
    assert meta["raw_checksums"] == {"raw/kwb.csv": hashlib.sha256(b"regio_code\nBU09170001\n").hexdigest()}
    assert meta["benefits_period"] == "2024 Q1" and meta["stock"] == {"stock_basis": "estimated"}
    assert meta["simplify_tolerance_m"] == config.SIMPLIFY_TOLERANCE_M
    pipeline.write_metadata(meta, tmp_path)
    assert json.loads((tmp_path / config.JOIN_REPORT.name).read_text(encoding="utf-8")) == meta


def test_build_runs_the_stages_in_order_and_writes_every_table(raw, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "read_inputs", lambda paths: raw)
    stages = []  # the stock stage reads raw VIVET itself: tested in test_stock_stage_* and stock/
    monkeypatch.setattr(pipeline, "stock_stage", lambda raw, buurten, paths, out_dir: stages.append(out_dir)
                        or {"buurten": len(buurten)})
    national_written_to = []  # the stage reads the national raw file itself: tested in test_national.py
    monkeypatch.setattr(pipeline.national, "build_national",
                        lambda out_dir: national_written_to.append(out_dir) or {"invalid_geometries_repaired": 7})
    meta = pipeline.build(tmp_path / "processed", config.RawPaths(None, None, None, None, *[tmp_path / "absent"] * 6))
    assert stages == [tmp_path / "processed"] == national_written_to
    assert meta["national"] == {"invalid_geometries_repaired": 7}
    written = {p.name for p in (tmp_path / "processed").iterdir()}
    assert written == {config.BUURTEN.name, config.BUURTEN_MAP.name, config.WIJKEN_MAP.name, config.WIJKEN.name,
                       config.GEMEENTE.name, config.JOIN_REPORT.name, config.TRENDS.name}
    assert meta["stock"] == {"buurten": 3}
    assert meta["joins"]["KWB 2018"]["matched"] == 3
    assert meta["trends"]["editions"]["KWB 2018"]["matched"] == 3  # the newest edition needs no later marker
    assert meta["gemeente"] == {"code": "GM0917", "name": "Heerlen", "level": "buurt", "boundaries_year": None, "missing_kwb_columns": []}
