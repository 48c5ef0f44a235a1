"""Where a refresh keeps what it fetched: a resumable page cache and raw folders that are never overwritten silently.

* :class:`Fetcher` gets JSON over HTTP through a ``requests``-like session and keeps
  every answer in a cache folder, so a refresh that stopped half-way (network gone,
  Ctrl-C) skips the pages it already has when it runs again.
* :func:`write_folder` writes one raw folder (``data/raw/<GM>/<source>/``) with its
  ``SOURCE.md`` and ``SHA256SUMS``: into a staging folder first, then renamed into
  place, so a half-written folder never appears. An existing folder with different
  content is kept: without ``force`` the refresh refuses with a message; with
  ``force`` the old version moves to ``.previous/<source>-<date>/``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import requests

from geo.i18n import _
from geo.refresh.progress import NotFound, Progress, RefreshError, Unreachable

SUMS = "SHA256SUMS"
SOURCE_MD = "SOURCE.md"
CACHE = ".cache"  # under data/raw/<GM>/: pages already fetched (deleted when a refresh finishes)
PREVIOUS = ".previous"  # under data/raw/<GM>/: versions replaced with --force


class Exists(RefreshError):
    """A raw folder with different content exists and ``--force`` was not given."""


def cache_key(url: str, params: dict | None) -> str:
    """A file name for one request (URL and parameters), stable between runs.

    Examples
    --------
    >>> cache_key("https://x/a", {"b": 1}) == cache_key("https://x/a", {"b": 1})
    True
    >>> cache_key("https://x/a", {"b": 1}) == cache_key("https://x/a", {"b": 2})
    False
    """
    text = url + "?" + json.dumps(params or {}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Fetcher:
    """JSON over HTTP with a page cache: what was fetched once is read from disk on the next run.

    Parameters
    ----------
    session : requests.Session or alike
        Anything with ``get(url, params=..., timeout=...)`` returning a response with
        ``status_code`` and ``json()``; the tests pass a session that replays recorded answers.
    cache_dir : Path
        Where answers are kept; created only when the first answer arrives, so an
        offline run leaves no trace.
    progress : Progress
    timeout : float
        Seconds per request.
    """

    def __init__(self, session, cache_dir: Path, progress: Progress, timeout: float = 60.0):
        self.session = session
        self.cache_dir = Path(cache_dir)
        self.progress = progress
        self.timeout = timeout
        self.fetched = 0
        self.reused = 0

    def get_json(self, url: str, params: dict | None = None, label: str = ""):
        """The JSON answer to ``GET url?params``, from the cache when it was fetched before.

        Raises
        ------
        Unreachable
            No connection (DNS, refused, timeout).
        NotFound
            HTTP 404: the service has no such table or layer.
        RefreshError
            Any other HTTP error or an answer that is not JSON.
        """
        path = self.cache_dir / f"{cache_key(url, params)}.json"
        if path.exists():
            self.reused += 1
            self.progress.line(_("{what}: already fetched, skipped").format(what=label or url))
            return json.loads(path.read_text(encoding="utf-8"))
        host = urlsplit(url).netloc or url
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout, OSError) as err:
            raise Unreachable(host, str(err)) from None
        if response.status_code == 404:
            raise NotFound(_("{host} has no {what} (HTTP 404).").format(host=host, what=label or url))
        if response.status_code >= 400:
            raise RefreshError(
                _("{host} answered HTTP {status} for {what}.").format(host=host, status=response.status_code,
                                                                      what=label or url))
        try:
            data = response.json()
        except ValueError:
            raise RefreshError(_("{host} did not answer with JSON for {what}.").format(host=host, what=label or url)) \
                from None
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        self.fetched += 1
        self.progress.line(_("{what}: fetched").format(what=label or url))
        return data

    def clear(self) -> None:
        """Delete the cache (after a refresh has written everything)."""
        if self.cache_dir.exists():
            shutil.rmtree(self.cache_dir)


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def checksums(files: dict[str, bytes]) -> str:
    """``SHA256SUMS`` text (``sha256sum`` format, sorted by name) for named file contents.

    Examples
    --------
    >>> checksums({"b.csv": b"", "a.csv": b"x"}).splitlines()[0].endswith("  a.csv")
    True
    """
    return "".join(f"{sha256_bytes(files[name])}  {name}\n" for name in sorted(files))


def read_checksums(folder: Path) -> dict[str, str]:
    """Name -> checksum from a folder's ``SHA256SUMS`` (empty when it has none)."""
    path = Path(folder) / SUMS
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2:
            out[parts[1].strip()] = parts[0]
    return out


def differs(target: Path, files: dict[str, bytes]) -> bool:
    """Whether writing ``files`` to ``target`` would replace other data (False when absent or identical)."""
    target = Path(target)
    if not target.exists():
        return False
    old = read_checksums(target)
    return not (old and all(old.get(name) == sha256_bytes(data) for name, data in files.items()))


def _retrieved(folder: Path) -> str:
    """The retrieval date a folder's SOURCE.md states (``YYYY-MM-DD``), or ``undated``."""
    md = folder / SOURCE_MD
    if md.exists():
        found = re.search(r"(\d{4}-\d{2}-\d{2})", md.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return "undated"


def write_folder(target: Path, files: dict[str, bytes], source_md: str, progress: Progress,
                 force: bool = False) -> str:
    """Write a raw folder with its data files, ``SOURCE.md`` and ``SHA256SUMS``; never overwrite silently.

    Parameters
    ----------
    target : Path
        The folder, e.g. ``data/raw/GM0917/cbs_kwb``.
    files : dict of str to bytes
        The data files by name.
    source_md : str
        The provenance text.
    progress : Progress
    force : bool
        Replace a folder with different content (the old one is kept under ``.previous/``).

    Returns
    -------
    str
        ``"written"``, ``"unchanged"`` (same data files as the existing folder: nothing written)
        or ``"replaced"``.

    Raises
    ------
    Exists
        The folder exists with different data and ``force`` is false.
    """
    target = Path(target)
    outcome = "written"
    if target.exists():
        if not differs(target, files):
            progress.line(_("{folder}: unchanged, nothing written").format(folder=target))
            return "unchanged"
        if not force:
            raise Exists(
                _("{folder} already exists with other data (retrieved {date}); nothing was overwritten. "
                  "Run again with --force to keep it under {previous} and write the new version.").format(
                    folder=target, date=_retrieved(target), previous=target.parent / PREVIOUS))
        previous = target.parent / PREVIOUS / f"{target.name}-{_retrieved(target)}"
        n = 2
        while previous.exists():
            previous = previous.with_name(f"{target.name}-{_retrieved(target)}-{n}")
            n += 1
        previous.parent.mkdir(parents=True, exist_ok=True)
        target.rename(previous)
        progress.line(_("{folder}: previous version kept in {previous}").format(folder=target, previous=previous))
        outcome = "replaced"
    staging = target.parent / f".incoming-{target.name}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    everything = {**files, SOURCE_MD: source_md.encode("utf-8")}
    for name, data in everything.items():
        (staging / name).write_bytes(data)
    (staging / SUMS).write_text(checksums(everything), encoding="utf-8")
    staging.rename(target)
    progress.line(_("{folder}: {n} files written").format(folder=target, n=len(everything) + 1))
    return outcome
