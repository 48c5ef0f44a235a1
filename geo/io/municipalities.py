"""The municipalities whose processed data is present: what the app's municipality switch offers.

How a municipality is found (pure; no Streamlit):

- the shipped default: ``data/processed`` itself, at buurt level, with the code and name of
  :data:`geo.config.GEMEENTE_CODE` / :data:`geo.config.GEMEENTE_NAME` (its ``join_report.json`` may name them);
- every folder ``<root>/<code>/`` holding a ``join_report.json``, for ``root`` in ``data/processed`` and
  :data:`geo.config.EXTRA_PROCESSED_ROOTS`, where ``<code>`` looks like a CBS code (``GM`` + four digits).
  Its code and name come from ``join_report.json["gemeente"]`` (``code``, ``name``; the folder name and the code
  when absent), its level from ``["gemeente"]["level"]`` (``"buurt"`` or ``"wijk"``; default ``"buurt"``).

A folder whose report cannot be read, or whose code is already listed, is passed over (listed in ``skipped``
with the reason); a refreshed build of the shipped default's code (``data/processed/<its code>/``) takes the
shipped data's place, since it is newer. The shipped default comes first, the others by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from geo import config

BUURT, WIJK = "buurt", "wijk"
LEVELS = (BUURT, WIJK)
_CODE = re.compile(r"GM\d{4}")


@dataclass(frozen=True)
class Municipality:
    """One municipality present: CBS code, name, level of its data and the folder of its processed files."""

    code: str
    name: str
    level: str
    folder: Path

    @property
    def paths(self) -> config.ProcessedPaths:
        """Its processed files."""
        return config.processed_paths(self.folder)

    @property
    def has_buurten(self) -> bool:
        """Whether it has buurt data (buurt table, stock, trends), not only wijk figures."""
        return self.level == BUURT


def _report(folder: Path) -> dict | None:
    try:
        report = json.loads((Path(folder) / config.JOIN_REPORT.name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None


def read_entry(folder: Path, default_code: str | None = None, default_name: str | None = None) -> Municipality | None:
    """The municipality built into ``folder`` (from its ``join_report.json``), or None when the report is unreadable.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "GM0928"
    >>> folder.mkdir()
    >>> _ = (folder / "join_report.json").write_text('{"gemeente": {"code": "GM0928", "name": "Kerkrade", '
    ...                                              '"level": "wijk"}}')
    >>> entry = read_entry(folder)
    >>> entry.code, entry.name, entry.level
    ('GM0928', 'Kerkrade', 'wijk')
    """
    report = _report(folder)
    if report is None:
        return None
    about = report.get("gemeente") if isinstance(report.get("gemeente"), dict) else {}
    code = str(about.get("code") or default_code or Path(folder).name)
    name = str(about.get("name") or default_name or code)
    level = about.get("level", BUURT)
    return Municipality(code, name, level if level in LEVELS else BUURT, Path(folder))


def present(root: Path = config.PROCESSED_DIR, extra_roots: tuple[Path, ...] = config.EXTRA_PROCESSED_ROOTS,
            ) -> tuple[tuple[Municipality, ...], list[tuple[Path, str]]]:
    """The municipalities present (shipped default first, the others by name) and the folders passed over.

    Parameters
    ----------
    root : Path
        ``data/processed``: the shipped default's files and the refreshed municipalities' folders.
    extra_roots : tuple of Path
        More folders scanned for ``<code>/join_report.json``.

    Returns
    -------
    municipalities : tuple of Municipality
    skipped : list of (Path, str)
        Folders with a CBS-code name that were not listed, with the reason (English, for a log).
    """
    found: dict[str, Municipality] = {}
    skipped: list[tuple[Path, str]] = []
    for base in (root, *extra_roots):
        if not Path(base).is_dir():
            continue
        for folder in sorted(Path(base).iterdir()):
            if not (folder.is_dir() and _CODE.fullmatch(folder.name)):
                continue
            entry = read_entry(folder, folder.name)
            if entry is None:
                if (folder / config.JOIN_REPORT.name).exists():
                    skipped.append((folder, "join_report.json cannot be read"))
                continue
            if entry.code in found:
                skipped.append((folder, f"{entry.code} is already listed from {found[entry.code].folder}"))
                continue
            found[entry.code] = entry
    shipped = found.pop(config.GEMEENTE_CODE, None)
    if shipped is None and (Path(root) / config.JOIN_REPORT.name).exists():
        shipped = read_entry(Path(root), config.GEMEENTE_CODE, config.GEMEENTE_NAME)
        shipped = Municipality(config.GEMEENTE_CODE, config.GEMEENTE_NAME, BUURT, Path(root)) if shipped else None
    others = sorted(found.values(), key=lambda m: (m.name, m.code))
    return ((shipped,) if shipped else ()) + tuple(others), skipped


def shipped() -> Municipality:
    """The shipped default (``data/processed``), whether or not it has been built yet."""
    return Municipality(config.GEMEENTE_CODE, config.GEMEENTE_NAME, BUURT, config.PROCESSED_DIR)
