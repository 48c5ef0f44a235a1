"""Building any municipality from its refreshed raw folder: a small synthetic one, built in code.

"Proefdorp" (GM9999): three buurten in two wijken, KWB editions 2020 and 2024 in which one buurt changed its
code (BU99990100 in 2020 is BU99990101 in 2024), boundaries of 2023 and 2024, no VIVET file.
"""

import io
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo import config
from geo.build import cli as build_cli
from geo.build import inputs
from geo.build.stock import BASIS_ADDRESS
from geo.catalog import dictionary
from tests.support import stock_population
from tests.support.stock_population import EXACT_ROWS

GM = "GM9999"
BUURTEN = {"BU99990001": "Dorp", "BU99990002": "Kerkbuurt", "BU99990101": "Veld"}
WIJKEN = {"WK999900": "Wijk 00 Dorp", "WK999901": "Wijk 01 Veld"}
K = dictionary.kwb_columns()


def _geojson(path, frame):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(frame.to_crs(config.CRS_WGS84).to_json(), encoding="utf-8")


def write_refreshed_raw(raw_dir):
    """The folders python -m geo.refresh writes for GM9999, with values chosen so the right answer is known."""
    folder = raw_dir / GM
    x0, y0 = 190_000, 320_000
    boxes = [shapely.box(x0 + 100 * i, y0, x0 + 100 * (i + 1), y0 + 100) for i in range(3)]
    buurten = gpd.GeoDataFrame({"CBS-buurtcode": list(BUURTEN), "buurtnaam": list(BUURTEN.values())},
                               geometry=boxes, crs=config.CRS_METRIC)
    for year in (2023, 2024):  # the newest year present is built
        _geojson(folder / f"pdok_buurten_{year}" / f"buurten_{year}.geojson",
                 buurten.assign(buurtnaam=buurten["buurtnaam"] + ("" if year == 2024 else " (oud)")))
    wijken = gpd.GeoDataFrame({"wijkcode": list(WIJKEN), "wijknaam": list(WIJKEN.values())},
                              geometry=[shapely.union_all(boxes[:2]), boxes[2]], crs=config.CRS_METRIC)
    _geojson(folder / "pdok_wijken_2024" / "wijken_2024.geojson", wijken)

    rows = []
    for year in (2020, 2024):
        third = "BU99990100" if year == 2020 else "BU99990101"
        regions = [(GM, "Gemeente", "Proefdorp"), ("WK999900", "Wijk", "Wijk 00 Dorp"),
                   ("BU99990001", "Buurt", "Dorp"), ("BU99990002", "Buurt", "Kerkbuurt"), (third, "Buurt", "Veld")]
        for code, kind, name in regions:  # no KWB row for WK999901: its name comes from the boundaries
            row = {"jaar": year, "regio_code": code, "regio_type": kind, "regio_naam": name,
                   "wijk_code": "WK" + code[2:8] if kind == "Buurt" else ""}
            row |= {raw: 10.0 for raw in K.values()}
            row[K["gas_m3"]] = 1000.0 + year  # energy 2024: CBS states no year it describes -> not used
            row[K["income_per_inhabitant_keur"]] = 20.0 + year - 2020
            row[K["woz_keur"]] = 200.0 + year - 2020
            rows.append(row)
    kwb = pd.DataFrame(rows).drop(columns=[K["pct_built_before_2000"]])  # a column the editions lack
    (folder / "cbs_kwb").mkdir(parents=True)
    kwb.to_csv(folder / "cbs_kwb" / "kwb_wijken_buurten.csv", index=False)

    ben = [{"WijkenEnBuurten": code, "Perioden": "2024KW01", "jaar": 2024, "kwartaal": 1, "Bijstandsuitkering_6": 20.0,
            "Bijstandsuitkering_10": 3.0, "InwonersVanaf15Jaar_13": 500.0} for code in [*BUURTEN, "WK999900", GM]]
    (folder / "cbs_uitkeringen_85586NED").mkdir(parents=True)
    pd.DataFrame(ben).to_csv(folder / "cbs_uitkeringen_85586NED" / "uitkeringen.csv", index=False)

    national = raw_dir / config.RAW_GEMEENTEN.parent.name
    national.mkdir(parents=True)
    base = {"huishoudens": 100, "woningvoorraad": 100, "pct_rond_sociaal_min": 10, "gem_aardgas": 1000,
            "gem_elektriciteit": 2500, "koopwoningen": 50, "huurwoningen": 50, "aantal_inwoners": 200}
    pd.DataFrame([{"gemeentecode": GM, "gemeentenaam": "Proefdorp", **base},
                  {"gemeentecode": "GM0001", "gemeentenaam": "Elders", **{k: 3 * v for k, v in base.items()}}]
                 ).to_csv(national / config.RAW_GEMEENTEN.name, index=False)
    return folder


@pytest.fixture
def built(tmp_path):
    raw_dir, out_dir = tmp_path / "raw", tmp_path / "processed"
    write_refreshed_raw(raw_dir)
    out = io.StringIO()
    code = build_cli.main(["--gemeente", GM.lower(), "--raw-dir", str(raw_dir), "--lang", "en"], stream=out)
    return code, out.getvalue(), raw_dir, out_dir


@pytest.fixture(autouse=True)
def processed_in_tmp(tmp_path, monkeypatch):
    """data/processed/<GM> goes to tmp_path: the shipped data/processed is never written by these tests."""
    monkeypatch.setattr(config, "PROCESSED_DIR", tmp_path / "processed")
    monkeypatch.setattr(config.processed_dir, "__defaults__", (None, tmp_path / "processed"))


def test_raw_paths_take_the_newest_boundaries_and_the_municipalitys_folders(tmp_path):
    folder = write_refreshed_raw(tmp_path / "raw")
    paths = config.raw_paths(GM, tmp_path / "raw")
    assert paths.boundaries_year == 2024 and paths.buurten == folder / "pdok_buurten_2024" / "buurten_2024.geojson"
    assert paths.wijken == folder / "pdok_wijken_2024" / "wijken_2024.geojson"
    assert paths.kwb == folder / "cbs_kwb" / "kwb_wijken_buurten.csv"
    assert paths.gemeenten.parent.parent == tmp_path / "raw"  # the copy in this raw folder
    assert paths.vivet == config.RAW_VIVET  # no copy here: the shipped Parkstad file
    assert config.processed_dir(GM, tmp_path) == tmp_path / GM


def test_the_build_reports_per_edition_how_many_buurten_matched_and_which_did_not(built):
    code, text, _raw, out_dir = built
    assert code == 0, text
    assert "KWB 2020: 2 buurten matched, 1 without statistics (BU99990101)" in text
    assert "KWB 2024: 3 buurten matched, 0 without statistics" in text
    meta = json.loads((out_dir / GM / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["joins"]["KWB 2020"] == {"matched": 2, "polygons_without_statistics": ["BU99990101"],
                                         "statistics_without_polygon": ["BU99990100"]}
    assert meta["joins"]["KWB 2024"]["matched"] == 3 and meta["joins"]["KWB 2024"]["statistics_without_polygon"] == []


def test_code_name_and_figures_come_from_the_municipalitys_data(built):
    code, text, _raw, out_dir = built
    out = out_dir / GM
    meta = json.loads((out / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["gemeente"] == {"code": GM, "name": "Proefdorp", "level": "buurt", "boundaries_year": 2024,
                                "missing_kwb_columns": [K["pct_built_before_2000"]]}
    assert text.strip().splitlines()[-1] == f"Proefdorp ({GM}): processed data written to {out}"
    b = gpd.read_parquet(out / config.BUURTEN.name).set_index("buurt_code")
    assert b["buurt_name"].tolist() == list(BUURTEN.values())  # the 2024 boundaries, not the 2023 ones
    assert b["wijk_name"].tolist() == ["Wijk 00 Dorp", "Wijk 00 Dorp", "Wijk 01 Veld"]  # WK999901 from PDOK
    assert b["income_per_inhabitant_keur"].tolist() == [24.0, 24.0, 24.0]  # KWB 2024, documented for income
    assert b["woz_keur"].tolist() == [204.0] * 3 and meta["columns"]["woz_keur"]["year"] == 2023
    # Energy: KWB 2024 is not used (CBS documents no year for it); 2020's changed code stays missing, not zero.
    assert b.loc["BU99990001", "gas_m3"] == 3020.0 and np.isnan(b.loc["BU99990101", "gas_m3"])
    assert meta["columns"]["gas_m3"] == {"edition": "KWB 2020", "year": 2020, "coverage": "2 of 3",
                                         "editions_not_used": [2024]}
    assert "KWB editions 2024 not used for some columns" in text
    assert b["pct_built_before_2000"].isna().all() and "lacks 1 column(s)" in text
    gemeente = pd.read_parquet(out / config.GEMEENTE.name).set_index("column")
    assert gemeente.loc["income_per_inhabitant_keur", "gemeente"] == 24.0
    assert gemeente.loc["households", "gemeente_2022"] == 100 and gemeente.loc["households", "netherlands_2022"] == 400
    households = pd.read_parquet(out / config.GEMEENTE_HOUSEHOLDS.name)
    assert households["year"].tolist() == [2020, 2024]


def test_without_vivet_the_build_says_so_and_writes_no_stock(built):
    code, text, _raw, out_dir = built
    out = out_dir / GM
    assert "No VIVET dwellings for this municipality: built without the stock estimate" in text
    meta = json.loads((out / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["stock"]["stock_basis"] is None and "no stock estimate" in meta["stock"]["note"]
    written = {p.name for p in out.iterdir()}
    assert config.STOCK.name not in written and config.LABEL_FACTORS.name not in written
    assert {config.BUURTEN.name, config.BUURTEN_MAP.name, config.WIJKEN.name, config.WIJKEN_MAP.name,
            config.GEMEENTE.name, config.GEMEENTE_HOUSEHOLDS.name} <= written
    shapes = gpd.read_parquet(out / config.WIJKEN_MAP.name)
    assert shapes.set_index("wijk_code")["wijk_name"].to_dict() == WIJKEN


def test_bad_input_gets_one_line_in_dutch_by_default(tmp_path):
    out = io.StringIO()
    assert build_cli.main(["--gemeente", "0917"], stream=out) == 4
    assert out.getvalue().count("\n") == 1 and "GM" in out.getvalue() and "Traceback" not in out.getvalue()
    out = io.StringIO()
    assert build_cli.main(["--gemeente", "GM0001", "--raw-dir", str(tmp_path)], stream=out) == 1
    assert out.getvalue().startswith("De bewerking is gestopt: De landelijke wijkentabel (2024) heeft geen wijk van GM0001")
    assert "make refresh GM=GM0001" in out.getvalue() and not (config.PROCESSED_DIR / "GM0001").exists()
    (tmp_path / "GM0002" / "cbs_kwb").mkdir(parents=True)  # a refresh that fetched no boundaries
    out = io.StringIO()
    assert build_cli.main(["--gemeente", "GM0002", "--raw-dir", str(tmp_path), "--lang", "en"], stream=out) == 1
    assert out.getvalue().startswith("The build stopped: The raw data lacks pdok_buurten_<year>")


def _address_dwellings():
    """The exact-margins population of the stock tests, in GM9999's buurten, plus a dwelling of another gemeente."""
    to_gm = {"BU09170001": "BU99990001", "BU09170002": "BU99990002", "BU09170003": "BU99990101"}
    rows = [(*row[:-1], to_gm[row[-1]]) for row in EXACT_ROWS] + [(3, 1, 0, 0, "G", "aaa", 80.0, 150, "BU09280000")]
    return stock_population.dwellings(rows).drop(columns="gemeentecode")


def test_a_per_address_vivet_file_counts_the_labels_per_buurt(tmp_path):
    folder = write_refreshed_raw(tmp_path / "raw")
    (folder / "vivet_adres").mkdir()
    _address_dwellings().to_csv(folder / "vivet_adres" / "vivet_gm9999.csv", index=False)
    out = io.StringIO()
    assert build_cli.main(["--gemeente", GM, "--raw-dir", str(tmp_path / "raw"), "--lang", "en"], stream=out) == 0
    built = tmp_path / "processed" / GM
    meta = json.loads((built / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["stock"]["stock_basis"] == BASIS_ADDRESS and meta["stock"]["source"].endswith("vivet_gm9999.csv")
    assert meta["stock"]["address_rows_outside_buurten"] == 0  # Kerkrade's dwelling is filtered out on the code
    stock = pd.read_parquet(built / config.STOCK.name).set_index("buurt_code")
    assert stock["stock_dwellings"].to_dict() == {"BU99990001": 14.0, "BU99990002": 10.0, "BU99990101": 4.0}
    assert (built / config.LABEL_FACTORS.name).exists() and "No VIVET" not in out.getvalue()


def test_the_shared_parkstad_file_serves_only_the_municipalities_it_lists(tmp_path):
    raw_dir = tmp_path / "raw"
    folder = write_refreshed_raw(raw_dir)
    shared = raw_dir / config.RAW_VIVET.parent.name / config.RAW_VIVET.name
    shared.parent.mkdir(parents=True)
    pd.DataFrame({"gemeentecode": ["GM0928", "GM0917"], "lb": ["A", "B"]}).to_csv(shared, index=False)
    (raw_dir / "GM0928").mkdir()
    assert inputs.vivet_source(config.raw_paths("GM0928", raw_dir), "GM0928") == (inputs.VIVET_SHARED, shared)
    assert inputs.vivet_source(config.raw_paths(GM, raw_dir), GM) == (inputs.VIVET_NONE, None)
    (folder / "vivet_adres").mkdir()
    (folder / "vivet_adres" / "v.csv").write_text("BU_CODE\n")
    assert inputs.vivet_source(config.raw_paths(GM, raw_dir), GM) == (inputs.VIVET_ADDRESS,
                                                                       folder / "vivet_adres" / "v.csv")


def test_without_the_benefits_table_social_assistance_stays_missing(tmp_path):
    folder = write_refreshed_raw(tmp_path / "raw")
    (folder / "cbs_uitkeringen_85586NED" / "uitkeringen.csv").unlink()  # refreshed with --no-benefits
    out = io.StringIO()
    assert build_cli.main(["--gemeente", GM, "--raw-dir", str(tmp_path / "raw"), "--lang", "en"], stream=out) == 0
    assert "No benefits table (CBS 85586NED): the social-assistance figures stay empty." in out.getvalue()
    built = tmp_path / "processed" / GM
    b = gpd.read_parquet(built / config.BUURTEN.name)
    assert b["pct_social_assistance"].isna().all() and b["income_per_inhabitant_keur"].notna().all()
    meta = json.loads((built / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["columns"]["pct_social_assistance"] == {"edition": "none", "year": None, "coverage": "0 of 3"}
    assert not any(source.startswith("Benefits") for source in meta["joins"])
