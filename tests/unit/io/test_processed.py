"""The app's loaders: the buurt table gets the stock estimate joined by code, and works without it."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.io import processed


@pytest.fixture
def buurten_file(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"buurt_code": ["BU09170001", "BU09170002"], "gas_m3": [1200.0, None]},
        geometry=[box(5.9, 50.8, 5.91, 50.81), box(5.91, 50.8, 5.92, 50.81)],
        crs="EPSG:4326",
    )
    path = tmp_path / "buurten.parquet"
    gdf.to_parquet(path)
    return path


def test_stock_is_joined_by_buurt_code(buurten_file, tmp_path):
    stock = tmp_path / "stock.parquet"
    pd.DataFrame({"buurt_code": ["BU09170002", "BU09170001"], "pct_label_efg_all": [30.0, 20.0]}).to_parquet(stock)
    out = processed.read_buurten(buurten_file, stock).set_index("buurt_code")
    assert out.loc["BU09170001", "pct_label_efg_all"] == 20.0
    assert pd.isna(out.loc["BU09170002", "gas_m3"])  # suppressed stays missing


def test_without_a_stock_file_the_buurten_still_load(buurten_file, tmp_path):
    out = processed.read_buurten(buurten_file, tmp_path / "absent.parquet")
    assert len(out) == 2 and "pct_label_efg_all" not in out


def test_a_duplicated_stock_row_is_refused(buurten_file, tmp_path):
    stock = tmp_path / "stock.parquet"
    pd.DataFrame({"buurt_code": ["BU09170001", "BU09170001"], "pct_label_efg_all": [1.0, 2.0]}).to_parquet(stock)
    with pytest.raises(Exception, match="one-to-one|one_to_one"):
        processed.read_buurten(buurten_file, stock)
