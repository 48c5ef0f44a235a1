"""``python -m geo.build``'s command line: what a user sees for a municipality without refreshed raw data."""

import io
import json

import pytest

from geo import config
from geo.build import cli


@pytest.fixture(autouse=True)
def processed_in_tmp(tmp_path, monkeypatch):
    """data/processed/<GM> goes to tmp_path: the shipped data/processed is never written by these tests."""
    monkeypatch.setattr(config, "PROCESSED_DIR", tmp_path / "processed")
    monkeypatch.setattr(config.processed_dir, "__defaults__", (None, tmp_path / "processed"))


def test_without_raw_data_a_municipality_is_built_at_wijk_level_and_the_user_is_told_how_to_get_buurten(tmp_path):
    out = io.StringIO()
    assert cli.main(["--gemeente", "gm0928", "--raw-dir", str(tmp_path / "raw")], stream=out) == 0
    text = out.getvalue()
    assert text.startswith("Geen ruwe data voor GM0928") and "3 wijken" and "make refresh GM=GM0928" in text
    assert "Traceback" not in text and text.strip().splitlines()[-1].startswith("Kerkrade (GM0928)")
    meta = json.loads((tmp_path / "processed" / "GM0928" / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    assert meta["gemeente"]["level"] == "wijk" and meta["wijken"] == 3


def test_a_buurt_level_build_is_left_alone(tmp_path):
    folder = tmp_path / "processed" / "GM0928"
    folder.mkdir(parents=True)
    (folder / config.JOIN_REPORT.name).write_text('{"gemeente": {"code": "GM0928"}}')  # older builds name no level
    out = io.StringIO()
    assert cli.main(["--gemeente", "GM0928", "--raw-dir", str(tmp_path / "raw"), "--lang", "en"], stream=out) == 0
    assert "holds a buurt-level build of GM0928; left unchanged" in out.getvalue()
    assert [p.name for p in folder.iterdir()] == [config.JOIN_REPORT.name]


def test_the_parkstad_neighbours_are_built_at_wijk_level_except_the_one_built_at_buurt_level(tmp_path):
    root = tmp_path / "processed"
    (root / "GM0882").mkdir(parents=True)
    (root / "GM0882" / config.JOIN_REPORT.name).write_text('{"gemeente": {"level": "buurt"}}')
    out = io.StringIO()
    built = cli.build_parkstad_wijken(out, exclude="GM0917", processed_root=root)
    assert built == ["GM0899", "GM0928", "GM0965", "GM0986", "GM1954"]
    assert "Landgraaf" not in out.getvalue() and "Kerkrade" in out.getvalue()
    assert sorted(p.name for p in root.iterdir()) == ["GM0882", *built]
