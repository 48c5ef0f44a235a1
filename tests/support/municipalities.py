"""Municipalities besides the shipped Heerlen data, built in code for the switch's tests.

- :func:`wijk_level` writes what ``python -m geo.build --wijk-level`` writes (the lead's contract): ``wijken.parquet``
  (``wijk_code``, ``wijk_name`` and dictionary indicator columns), ``wijken_map.parquet`` (EPSG:4326) and
  ``join_report.json`` with ``gemeente.level == "wijk"``. Synthetic values, three square wijken.
- :func:`buurt_level` replays a refresh from the recorded-format answers (tests/unit/refresh/replay.py, built from
  the shipped raw files), builds it with ``python -m geo.build --gemeente`` into a temporary folder, then gives it a
  code and name of its own (GM9917 "Proefstad": codes BU0917…/WK0917… become BU9917…/WK9917…), so the switch has a
  second buurt-level municipality that is not Heerlen.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from geo import config
from geo.build import cli as build_cli
from geo.refresh import cli
from tests.unit.refresh.replay import HeerlenReplay, ReplaySession

WIJK_CODE, WIJK_NAME = "GM9928", "Wijkdorp"
BUURT_CODE, BUURT_NAME = "GM9917", "Proefstad"
WIJK_NAMES = {"WK992801": "Centrum", "WK992802": "Noordveld", "WK992803": "Zuidhoek"}


def wijk_level(root: Path, code: str = WIJK_CODE, name: str = WIJK_NAME) -> Path:
    """A wijk-level municipality in ``root/<code>/``: three wijken with synthetic figures (one suppressed)."""
    folder = Path(root) / code
    folder.mkdir(parents=True, exist_ok=True)
    codes = list(WIJK_NAMES)
    table = pd.DataFrame({
        "wijk_code": codes, "wijk_name": [WIJK_NAMES[c] for c in codes],
        "inhabitants": [4200.0, 2900.0, 1500.0], "households": [2100.0, 1300.0, float("nan")],
        "household_size": [2.0, 2.2, float("nan")], "density": [3100.0, 1800.0, 600.0],
        "pct_age_0_15": [14.0, 16.0, 12.0], "pct_age_15_25": [11.0, 10.0, 9.0], "pct_age_25_45": [24.0, 22.0, 20.0],
        "pct_age_45_65": [28.0, 29.0, 31.0], "pct_age_65plus": [23.0, 23.0, 28.0],
        "cars_per_household": [1.0, 1.3, float("nan")],
    })
    table.to_parquet(folder / config.WIJKEN.name)
    x0, y0 = 199000, 317000  # RD New, near the Parkstad
    shapes = gpd.GeoDataFrame({"wijk_code": codes, "wijk_name": table["wijk_name"]},
                              geometry=[box(x0 + i * 1500, y0, x0 + (i + 1) * 1500, y0 + 1500) for i in range(3)],
                              crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)
    shapes.to_parquet(folder / config.WIJKEN_MAP.name)
    columns = {c: {"edition": "KWB 2024", "year": 2024, "coverage": f"{int(table[c].notna().sum())} of 3"}
               for c in table.columns[2:]}
    report = {"gemeente": {"code": code, "name": name, "level": "wijk", "boundaries_year": 2024},
              "columns": columns, "raw_checksums": {}}
    (folder / config.JOIN_REPORT.name).write_text(json.dumps(report), encoding="utf-8")
    return folder


def _relabel(text: str, old: str, new: str) -> str:
    for prefix in ("BU", "WK", "GM"):
        text = text.replace(prefix + old, prefix + new)
    return text


def buurt_level(root: Path, work: Path, code: str = BUURT_CODE, name: str = BUURT_NAME) -> Path:
    """A buurt-level municipality in ``root/<code>/``: a replayed refresh built by the build, then relabelled."""
    shipped = config.GEMEENTE_CODE
    raw_dir, built = Path(work) / "raw", Path(work) / "built" / shipped
    assert cli.main([shipped, "--boundaries-year", "2023", "--lang", "en", "--quiet", "--target", str(raw_dir)],
                    session=ReplaySession(HeerlenReplay()), stream=io.StringIO()) == 0
    out = io.StringIO()
    assert build_cli.main(["--gemeente", shipped, "--raw-dir", str(raw_dir), "--out-dir", str(built),
                           "--lang", "en"], stream=out) == 0, out.getvalue()
    old, new = shipped[2:], code[2:]
    folder = Path(root) / code
    folder.mkdir(parents=True, exist_ok=True)
    for path in built.glob("*.parquet"):
        try:
            frame = gpd.read_parquet(path)
        except ValueError:  # no geometry column
            frame = pd.read_parquet(path)
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = frame[col].map(lambda v: _relabel(v, old, new) if isinstance(v, str) else v)
        frame.to_parquet(folder / path.name)
    report = json.loads(_relabel((built / config.JOIN_REPORT.name).read_text(encoding="utf-8"), old, new))
    report["gemeente"].update({"code": code, "name": name})
    (folder / config.JOIN_REPORT.name).write_text(json.dumps(report), encoding="utf-8")
    return folder
