"""Building a refreshed municipality: a replayed Heerlen refresh builds to the same figures as the shipped data.

The refresh is replayed from the shipped raw files (tests/unit/refresh/replay.py: CBS OData v3 and PDOK WFS
answers in their real formats), written into tmp_path by ``python -m geo.refresh``'s own code, then built by
``python -m geo.build --gemeente GM0917`` with both folders in tmp_path.
"""

import io
import json
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo import config
from geo.build import cli as build_cli
from geo.build import pipeline
from geo.build.stock import BASIS_ESTIMATED
from geo.refresh import cli
from tests.unit.refresh.replay import HeerlenReplay, ReplaySession

pytestmark = pytest.mark.real_data


@pytest.fixture(scope="module")
def replayed_build(tmp_path_factory):
    """A replayed Heerlen refresh in a tmp raw folder, built with --gemeente into a tmp processed folder."""
    root = tmp_path_factory.mktemp("build_any")
    raw_dir, out_dir = root / "raw", root / "processed" / "GM0917"
    code = cli.main(["GM0917", "--boundaries-year", "2023", "--lang", "en", "--quiet", "--target", str(raw_dir)],
                    session=ReplaySession(HeerlenReplay()), stream=io.StringIO())
    assert code == 0
    out = io.StringIO()
    started = time.perf_counter()
    code = build_cli.main(["--gemeente", "GM0917", "--raw-dir", str(raw_dir), "--out-dir", str(out_dir),
                           "--lang", "en"], stream=out)
    seconds = time.perf_counter() - started
    assert code == 0, out.getvalue()
    return {"out": out_dir, "raw": raw_dir, "text": out.getvalue(), "seconds": seconds}


def test_the_replayed_refresh_builds_every_processed_file_with_57_buurten(replayed_build, capsys):
    out = replayed_build["out"]
    assert {p.name for p in out.iterdir()} == {p.name for p in config.PROCESSED_DIR.glob("*.parquet")} | {
        config.JOIN_REPORT.name}
    buurten = gpd.read_parquet(out / config.BUURTEN.name)
    assert len(buurten) == 57 and buurten["buurt_code"].str.startswith("BU0917").all()
    meta = json.loads((out / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    for year in range(2016, 2021):
        assert meta["joins"][f"KWB {year}"]["matched"] == 57
        assert meta["joins"][f"KWB {year}"]["polygons_without_statistics"] == []
    assert meta["gemeente"] == {
        "code": "GM0917", "name": "Heerlen", "level": "buurt", "boundaries_year": 2023, "missing_kwb_columns": []}
    assert meta["stock"]["stock_basis"] == BASIS_ESTIMATED  # the shipped Parkstad VIVET file covers Heerlen
    assert "KWB 2019: 57 buurten matched, 0 without statistics" in replayed_build["text"]
    assert "Heerlen (GM0917): processed data written to" in replayed_build["text"]
    with capsys.disabled():
        print(f"\nbuild of the replayed Heerlen refresh (python -m geo.build --gemeente GM0917): "
              f"{replayed_build['seconds']:.1f} s")


def test_the_replayed_build_has_the_shipped_builds_values_and_missing_stays_missing(replayed_build):
    shipped = pd.DataFrame(gpd.read_parquet(config.BUURTEN)).drop(columns="geometry").set_index("buurt_code")
    built = pd.DataFrame(gpd.read_parquet(replayed_build["out"] / config.BUURTEN.name)).drop(columns="geometry")
    built = built.set_index("buurt_code").loc[shipped.index]
    # Areas differ by reprojection noise only (the replay sends the polygons in RD New, as PDOK does).
    np.testing.assert_allclose(built.pop("area_ha"), shipped.pop("area_ha"), rtol=1e-6)
    pd.testing.assert_frame_equal(built, shipped)
    assert built["gas_m3"].isna().sum() == 5  # suppressed by CBS, still missing, not zero
    for name in ["wijken", "gemeente", "stock_buurt"]:
        pd.testing.assert_frame_equal(pd.read_parquet(replayed_build["out"] / f"{name}.parquet"),
                                      pd.read_parquet(config.PROCESSED_DIR / f"{name}.parquet"), obj=name)
    meta = json.loads((replayed_build["out"] / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    shipped_meta = json.loads(config.JOIN_REPORT.read_text(encoding="utf-8"))
    assert meta["columns"] == shipped_meta["columns"] and meta["suppressed"] == shipped_meta["suppressed"]


def test_building_the_shipped_data_gives_the_same_buurten_as_before(tmp_path):
    meta = pipeline.build(tmp_path)
    for name in [config.BUURTEN.name, config.BUURTEN_MAP.name, config.WIJKEN.name, config.GEMEENTE.name,
                 config.STOCK.name, config.LABEL_FACTORS.name, config.GEMEENTE_HOUSEHOLDS.name]:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / name), pd.read_parquet(config.PROCESSED_DIR / name),
                                      obj=name)
    assert meta["gemeente"]["code"] == config.GEMEENTE_CODE and meta["gemeente"]["name"] == config.GEMEENTE_NAME
