"""The national build step: columns labelled by what they hold, invalid outlines repaired and counted, gaps kept.

Tiny municipality files are written here in the shipped file's shape (GeoJSON without a crs member, short keys),
so the right answer is known; nothing in data/raw is read.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon, box, mapping

from geo import config
from geo.build import national
from geo.catalog import national_columns
from geo.errors import DataError

BOWTIE = Polygon([(5.0, 50.0), (5.1, 50.1), (5.1, 50.0), (5.0, 50.1)])  # self-intersecting, like the shipped 7


def _props(code: str, name: str, households: float, low40: float | None, top20: float) -> dict:
    props = {key: 1.0 for key in national_columns.raw_columns().values()}
    props.update(gemeentecode=code, gemeentenaam=name, huishoudens=households, pct_hh_laag_inkomen=low40,
                 pct_hh_hoog_inkomen=top20, aantal_inwoners=households * 2)
    return props


def _write(tmp_path, rows) -> object:
    features = [{"type": "Feature", "properties": props, "geometry": mapping(geom)} for props, geom in rows]
    path = tmp_path / "gemeenten.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def _rows():
    # Household-weighted: (100 x 55 + 300 x 35) / 400 = 40 and (100 x 9 + 300 x 23.67) / 400 = 20: group sizes.
    return [
        (_props("GM0917", "Heerlen", 100.0, 55.0, 9.0), box(5.9, 50.8, 6.0, 50.9)),
        (_props("GM0928", "Kerkrade", 300.0, 35.0, 23.67), BOWTIE),
        (_props("GM0998", "Buitenland", 0.0, None, 0.0), box(4.8, 51.4, 4.9, 51.5)),
    ]


def test_the_build_repairs_invalid_outlines_and_reports_how_many(tmp_path):
    report = national.build_national(tmp_path, _write(tmp_path, _rows()))
    assert report["invalid_geometries_repaired"] == 1 and report["repaired"] == ["GM0928"]
    assert report["still_invalid"] == 0
    shapes = gpd.read_parquet(tmp_path / config.GEMEENTEN_MAP.name)
    assert shapes.geometry.is_valid.all() and set(shapes.geom_type) <= {"Polygon", "MultiPolygon"}
    assert shapes.crs.to_epsg() == 4326


def test_the_lowest_40_share_is_relabelled_and_buitenland_left_out(tmp_path):
    report = national.build_national(tmp_path, _write(tmp_path, _rows()))
    table = pd.read_parquet(tmp_path / config.GEMEENTEN.name).set_index("gemeente_code")
    assert list(table.index) == ["GM0917", "GM0928"] and report["left_out"] == {"GM0998": "Buitenland"}
    assert table.loc["GM0917", "gm_pct_bottom40_households"] == 55.0
    assert "pct_hh_laag_inkomen" not in table.columns and "pct_low_income" not in table.columns
    check = report["income_group_check"]["pct_hh_laag_inkomen"]
    assert check["holds"] and check["mean"] == pytest.approx(40.0)


def test_a_true_low_income_rate_would_stop_the_build(tmp_path):
    rows = _rows()
    rows[0] = (_props("GM0917", "Heerlen", 100.0, 12.0, 9.0), rows[0][1])  # a real low-income rate: mean 29
    rows[1] = (_props("GM0928", "Kerkrade", 300.0, 8.0, 23.67), rows[1][1])
    with pytest.raises(DataError, match="pct_hh_laag_inkomen"):
        national.build_national(tmp_path, _write(tmp_path, rows))


def test_missing_values_stay_missing(tmp_path):
    rows = _rows()
    rows[0][0]["gem_aardgas"] = None
    national.build_national(tmp_path, _write(tmp_path, rows))
    table = pd.read_parquet(tmp_path / config.GEMEENTEN.name).set_index("gemeente_code")
    assert pd.isna(table.loc["GM0917", "gm_gas_m3"]) and table.loc["GM0928", "gm_gas_m3"] == 1.0


def test_a_file_without_a_column_of_the_dictionary_is_refused_clearly(tmp_path):
    rows = _rows()
    for props, _geom in rows:
        del props["stedelijkheid"]
    with pytest.raises(DataError, match="stedelijkheid"):
        national.build_national(tmp_path, _write(tmp_path, rows))


@pytest.mark.filterwarnings("ignore:Could not parse column")
def test_text_where_a_number_belongs_is_refused(tmp_path):
    rows = _rows()
    rows[0][0]["gem_aardgas"] = "geheim"
    with pytest.raises(DataError, match="gem_aardgas"):
        national.build_national(tmp_path, _write(tmp_path, rows))


def test_a_geometry_collection_keeps_only_its_polygons():
    fixed, repaired = national.repair(gpd.GeoSeries([BOWTIE]))
    assert repaired == [0] and fixed.iloc[0].geom_type == "MultiPolygon" and fixed.iloc[0].area > 0
