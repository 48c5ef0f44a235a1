"""The optional PBL VIVET file of one municipality (``BU_CODE`` per dwelling), copied in with its provenance.

PBL publishes *Referentieverbruik warmte woningen* (VIVET) per municipality as a CSV whose rows carry
the buurt code (``BU_CODE``) of every dwelling; with it the build counts labels per buurt exactly instead
of estimating them. No stable, documented download URL per municipality could be sourced for this
refresh (the shipped Parkstad file came from a repository that dropped ``BU_CODE``), so the refresh does
not guess one: a user who has downloaded the municipality's file from PBL passes it with
``--vivet-file``, and this module checks it and writes it as a raw folder. :data:`URL_PATTERN` is the
hook for a download once PBL's pattern is known.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from geo.i18n import _
from geo.refresh.progress import RefreshError

URL_PATTERN: str | None = None  # e.g. "https://.../{gemeentecode}.csv" once PBL documents one
REQUIRED = ("BU_CODE",)


def check(data: bytes, gemeentecode: str) -> dict:
    r"""Check a VIVET CSV: it has ``BU_CODE`` and its buurt codes lie in the municipality.

    Returns
    -------
    dict
        ``rows``, ``buurten`` (distinct codes), ``delimiter``.

    Raises
    ------
    RefreshError
        No ``BU_CODE`` column, no rows, or codes of another municipality.

    Examples
    --------
    >>> check(b"BU_CODE;lb\nBU09171000;C\nBU09171001;A\n", "GM0917")["buurten"]
    2
    """
    text = data.decode("utf-8-sig", errors="replace")
    head = text.splitlines()[0] if text else ""
    delimiter = ";" if head.count(";") > head.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise RefreshError(_("The VIVET file lacks the column {column}; nothing written.").format(
            column=", ".join(missing)))
    codes = [row["BU_CODE"].strip() for row in reader]
    if not codes:
        raise RefreshError(_("The VIVET file has no rows; nothing written."))
    prefix = "BU" + gemeentecode[2:]
    foreign = sorted({c for c in codes if c and not c.startswith(prefix)})
    if foreign:
        raise RefreshError(_("The VIVET file has buurten of another municipality ({codes}); nothing written.").format(
            codes=", ".join(foreign[:3])))
    return {"rows": len(codes), "buurten": len(set(codes)), "delimiter": delimiter}


def read_file(path: Path) -> bytes:
    """The bytes of a downloaded VIVET file, with a clear message when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise RefreshError(_("Cannot read the VIVET file {path} ({error}).").format(path=path, error=err.strerror)) \
            from None


def source_md(gemeentecode: str, filename: str, origin: str, facts: dict, retrieved: str) -> str:
    """The ``SOURCE.md`` of a VIVET folder."""
    return "\n".join([
        f"# VIVET Referentieverbruik warmte woningen, {gemeentecode}, per dwelling",
        "",
        f"Copied {retrieved} by `python -m geo.refresh` from `{origin}` (unchanged).",
        "",
        f"**File:** `{filename}` - {facts['rows']} dwellings in {facts['buurten']} buurten, "
        f"delimiter `{facts['delimiter']}`.",
        "",
        "## Provenance",
        "- Publisher: **PBL** (Planbureau voor de Leefomgeving) with CBS and TNO, VIVET *Referentieverbruik warmte "
        "woningen*. Licence: PBL open data (see PBL's download page for the terms of the downloaded version).",
        "- `BU_CODE` is the CBS buurt code of each dwelling: with it labels per buurt are counted, not estimated.",
    ]) + "\n"
