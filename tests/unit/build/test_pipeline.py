"""The build's stages on a tiny Heerlen of three buurten in two wijken, built in code."""

import hashlib
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo import config
from geo.build import pipeline
from geo.catalog import dictionary

BUURTEN = {"BU09170001": "Centrum", "BU09170002": "Markt", "BU09170101": "Heide"}
GAS = dictionary.kwb_columns()["gas_m3"]
INCOME = dictionary.kwb_columns()["income_per_inhabitant_keur"]


def polygons() -> gpd.GeoDataFrame:
    """Three squares side by side in RD New: 1 ha, 1 ha and 2 ha."""
    x0, y0 = 195_000, 320_000
    boxes = [shapely.box(x0, y0, x0 + 100, y0 + 100), shapely.box(x0 + 100, y0, x0 + 200, y0 + 100),
             shapely.box(x0 + 200, y0, x0 + 400, y0 + 100)]
    gdf = gpd.GeoDataFrame({"buurt_code": list(BUURTEN), "buurt_name": list(BUURTEN.values())},
                           geometry=boxes, crs=config.CRS_METRIC)
    return gdf.to_crs(config.CRS_WGS84)


def kwb() -> pd.DataFrame:
    """Editions 2017 and 2018: income only in 2017, gas suppressed for Heide, a wijk renamed, a code gone."""
    regions = [(code, "Buurt", name) for code, name in BUURTEN.items()] + [
        ("WK091700", "Wijk", "Oud Centrum"), ("WK091701", "Wijk", "Heide"),
        (config.GEMEENTE_CODE, "Gemeente", "Heerlen"),
    ]
    rows = []
    for year in (2017, 2018):
        for code, kind, name in regions:
            row = {"jaar": year, "regio_code": code, "regio_type": kind, "regio_naam": name}
            row |= {raw: 10.0 for raw in dictionary.kwb_columns().values()}
            row[GAS] = 1000.0 + year
            row[INCOME] = 25.0 if year == 2017 else np.nan
            rows.append(row)
    rows.append({"jaar": 2018, "regio_code": "BU09179999", "regio_type": "Buurt", "regio_naam": "Elders"})
    df = pd.DataFrame(rows)
    df.loc[(df["jaar"] == 2018) & (df["regio_code"] == "WK091700"), "regio_naam"] = "Centrum-Markt"
    df.loc[df["regio_code"] == "BU09170101", GAS] = np.nan
    return df


def benefits() -> pd.DataFrame:
    """Two quarters of social assistance; in the latest Markt is suppressed."""
    rows = []
    for year, quarter in ((2023, 4), (2024, 1)):
        for code in [*BUURTEN, "WK091700", config.GEMEENTE_CODE]:
            rows.append({"WijkenEnBuurten": code, "jaar": year, "kwartaal": quarter,
                         "Bijstandsuitkering_10": 4.0 + quarter, "Bijstandsuitkering_6": 40.0})
    df = pd.DataFrame(rows)
    df.loc[(df["jaar"] == 2024) & (df["WijkenEnBuurten"] == "BU09170002"), "Bijstandsuitkering_10"] = np.nan
    return df


def gemeenten() -> pd.DataFrame:
    """Heerlen and one other municipality, twice its size."""
    base = {"huishoudens": 100, "woningvoorraad": 100, "pct_rond_sociaal_min": 10, "gem_aardgas": 1000,
            "gem_elektriciteit": 2500, "koopwoningen": 50, "huurwoningen": 50, "aantal_inwoners": 200}
    other = {k: 2 * v for k, v in base.items()} | {"pct_rond_sociaal_min": 4}
    return pd.DataFrame([{"gemeentecode": config.GEMEENTE_CODE, **base}, {"gemeentecode": "GM0001", **other}])


@pytest.fixture
def raw() -> pipeline.RawInputs:
    return pipeline.RawInputs(polygons=polygons(), kwb=kwb(), benefits=benefits(), gemeenten=gemeenten())


def test_join_reports_list_unmatched_codes_per_source_year(raw):
    joins = pipeline.join_reports(raw)
    assert list(joins) == ["KWB 2017", "KWB 2018", "Benefits 2023", "Benefits 2024"]
    assert joins["KWB 2017"]["matched"] == 3
    assert joins["KWB 2018"]["statistics_without_polygon"] == ["BU09179999"]
    assert joins["Benefits 2024"]["polygons_without_statistics"] == []


def test_choose_editions_takes_the_latest_filled_edition_and_the_year_it_describes(raw):
    editions = pipeline.choose_editions(raw)
    assert editions.kwb["gas_m3"] == 2018
    assert editions.columns["gas_m3"] == {"edition": "KWB 2018", "year": 2018, "coverage": "2 of 3"}
    # Income only in 2017, describing three years earlier.
    assert editions.columns["income_per_inhabitant_keur"] == {"edition": "KWB 2017", "year": 2014, "coverage": "3 of 3"}
    assert editions.benefits_period == "2024 Q1"
    assert editions.columns["pct_social_assistance"] == {"edition": "85586NED 2024 Q1", "year": "2024 Q1",
                                                         "coverage": "2 of 3"}
    kwb_first = [c.name for c in dictionary.COLUMNS if c.kwb]
    assert list(editions.columns) == [*kwb_first, "pct_social_assistance", "social_assistance_persons"]


def test_buurt_table_derives_wijk_codes_names_and_areas(raw, tmp_path):
    buurten = pipeline.buurt_table(raw, pipeline.choose_editions(raw), tmp_path)
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
    buurten = pipeline.buurt_table(raw, pipeline.choose_editions(raw), tmp_path)
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
    editions = pipeline.choose_editions(raw)
    buurten = pipeline.buurt_table(raw, editions, tmp_path)
    pipeline.wijk_and_gemeente_tables(raw, editions, buurten, tmp_path)
    wijken = pd.read_parquet(tmp_path / config.WIJKEN.name)
    assert wijken[["wijk_code", "wijk_name"]].values.tolist() == [["WK091700", "Centrum-Markt"], ["WK091701", "Heide"]]
    assert wijken["gas_m3"].tolist() == [3018.0, 3018.0]
    assert wijken["pct_social_assistance"].tolist()[0] == 5.0 and np.isnan(wijken["pct_social_assistance"].iloc[1])
    gemeente = pd.read_parquet(tmp_path / config.GEMEENTE.name).set_index("column")
    assert gemeente.loc["gas_m3", "heerlen"] == 3018.0
    # Household shares are weighted by households: (10 x 100 + 4 x 200) / 300 = 6.
    assert gemeente.loc["pct_social_minimum", "netherlands_2022"] == pytest.approx(6.0)


def test_metadata_lists_suppressed_buurten_and_raw_checksums(raw, tmp_path):
    editions = pipeline.choose_editions(raw)
    buurten = pipeline.buurt_table(raw, editions, tmp_path)
    (tmp_path / "raw").mkdir()
    raw_file = tmp_path / "raw" / "kwb.csv"
    raw_file.write_bytes(b"regio_code\nBU09170001\n")
    meta = pipeline.metadata(pipeline.join_reports(raw), editions, buurten, {"stock_basis": "estimated"},
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
    monkeypatch.setattr(pipeline, "read_inputs", lambda: raw)
    monkeypatch.setattr(pipeline.stock, "build_stock", lambda buurten, out_dir: {"buurten": len(buurten)})
    targeting_inputs_written_to = []  # the stage reads raw VIVET itself: tested in test_targeting_inputs.py
    monkeypatch.setattr(pipeline.targeting_inputs, "write_targeting_inputs", targeting_inputs_written_to.append)
    monkeypatch.setattr(pipeline, "RAW_FILES", ())
    meta = pipeline.build(tmp_path / "processed")
    assert targeting_inputs_written_to == [tmp_path / "processed"]
    written = {p.name for p in (tmp_path / "processed").iterdir()}
    assert written == {config.BUURTEN.name, config.BUURTEN_MAP.name, config.WIJKEN_MAP.name, config.WIJKEN.name,
                       config.GEMEENTE.name, config.JOIN_REPORT.name}
    assert meta["stock"] == {"buurten": 3}
    assert meta["joins"]["KWB 2018"]["matched"] == 3
