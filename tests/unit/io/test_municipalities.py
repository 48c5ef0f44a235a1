"""The registry of municipalities present: what the switch offers, found from folders made in tmp_path."""

import json

from geo import config
from geo.io import municipalities as mu


def _folder(root, name, gemeente=None, text=None):
    folder = root / name
    folder.mkdir(parents=True)
    body = text if text is not None else json.dumps({"gemeente": gemeente or {}})
    (folder / "join_report.json").write_text(body, encoding="utf-8")
    return folder


def test_the_shipped_root_comes_first_then_every_built_folder_by_name_with_its_level(tmp_path):
    (tmp_path / "join_report.json").write_text("{}", encoding="utf-8")
    _folder(tmp_path, "GM0928", {"code": "GM0928", "name": "Kerkrade", "level": "wijk"})
    _folder(tmp_path, "GM0882", {"code": "GM0882", "name": "Landgraaf"})  # no level: buurt
    (tmp_path / "GM0899").mkdir()  # no join_report: not built
    (tmp_path / "notes").mkdir()
    found, skipped = mu.present(tmp_path, ())
    assert [(m.code, m.name, m.level) for m in found] == [
        (config.GEMEENTE_CODE, config.GEMEENTE_NAME, "buurt"), ("GM0928", "Kerkrade", "wijk"),
        ("GM0882", "Landgraaf", "buurt")]
    assert found[0].folder == tmp_path and found[1].paths.wijken == tmp_path / "GM0928" / "wijken.parquet"
    assert skipped == [] and found[1].has_buurten is False and found[2].has_buurten


def test_extra_roots_are_scanned_and_a_broken_or_repeated_folder_is_skipped_with_a_reason(tmp_path):
    root, extra = tmp_path / "processed", tmp_path / "elsewhere"
    root.mkdir()
    _folder(root, "GM0928", {"code": "GM0928", "name": "Kerkrade", "level": "wijk"})
    _folder(extra, "GM0928", {"code": "GM0928", "name": "Kerkrade"})
    _folder(extra, "GM0965", text="{not json")
    _folder(extra, "GM0986", {"code": "GM0986", "name": "Voerendaal", "level": "province"})  # unknown level
    found, skipped = mu.present(root, (extra,))
    assert [m.code for m in found] == ["GM0928", "GM0986"]  # no shipped data built in this root
    assert found[1].level == "buurt"
    assert [(p.name, "already listed" in why or "cannot be read" in why) for p, why in skipped] == [
        ("GM0928", True), ("GM0965", True)]


def test_a_refreshed_build_of_the_shipped_code_takes_the_shipped_datas_place(tmp_path):
    (tmp_path / "join_report.json").write_text("{}", encoding="utf-8")
    refreshed = _folder(tmp_path, config.GEMEENTE_CODE, {"code": config.GEMEENTE_CODE, "name": config.GEMEENTE_NAME})
    found, _skipped = mu.present(tmp_path, ())
    assert len(found) == 1 and found[0].folder == refreshed


def test_the_shipped_default_is_data_processed():
    assert mu.shipped().paths == config.SHIPPED and mu.shipped().has_buurten
