"""Paths in one place: every raw input the build needs is shipped, every product path stays inside the repository."""

from pathlib import Path

from geo import config


def _paths(prefix: str) -> dict[str, Path]:
    return {k: v for k, v in vars(config).items() if k.startswith(prefix) and isinstance(v, Path)}


def test_every_raw_input_is_shipped_with_its_provenance():
    raw = _paths("RAW_")
    raw.pop("RAW_DIR")
    assert raw, "config names no raw inputs"
    for name, path in raw.items():
        assert path.exists(), f"{name}: {path} is missing from data/raw"
        assert (path.parent / "SOURCE.md").exists(), f"{name}: no SOURCE.md beside {path.name}"


def test_processed_files_live_under_data_processed():
    processed = {k: v for k, v in vars(config).items() if isinstance(v, Path) and v.suffix in {".parquet", ".json"}}
    assert processed
    assert all(p.parent == config.PROCESSED_DIR for p in processed.values())


def test_municipality_code_is_a_cbs_gemeente_code():
    assert config.GEMEENTE_CODE.startswith("GM") and len(config.GEMEENTE_CODE) == 6
