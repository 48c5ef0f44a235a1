"""The command ``python -m geo.refresh GM0917``: fetch, then write every raw folder, or nothing.

Everything is fetched first (each answer kept in ``<target>/<GM>/.cache`` so a second run resumes),
then written: ``<target>/<GM>/cbs_kwb/``, ``<target>/<GM>/cbs_uitkeringen_85586NED/``,
``<target>/<GM>/pdok_buurten_<year>/``,
``<target>/<GM>/pdok_wijken_<year>/``, ``<target>/national/cbs_kwb_gemeenten/`` and, with
``--vivet-file``, ``<target>/<GM>/vivet_adres/``. A folder that exists with other data is only replaced
with ``--force`` (the old one is kept under ``.previous/``). Offline, the command prints one line and
exits with status 2; the shipped data is unchanged.

Exit status: 0 done, 1 a source answered with an error, 2 a source could not be reached,
3 a folder exists with other data (nothing written), 4 bad arguments, 130 interrupted (Ctrl-C; resumable).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import requests

from geo import config
from geo.i18n import _, language
from geo.refresh import benefits, cbs, national, pdok, vivet
from geo.refresh.progress import NotFound, Progress, RefreshError, Unreachable
from geo.refresh.store import CACHE, Exists, Fetcher, differs, write_folder

GM_CODE = re.compile(r"^GM\d{4}$")
USER_AGENT = "Buurtkompas-refresh (+https://opendata.cbs.nl; python-requests)"


@dataclass
class Plan:
    """What to fetch: the municipality, editions, boundary year, target folder and options."""

    gemeentecode: str
    editions: dict[int, str]
    boundaries_year: int | None = None
    target: Path = config.RAW_DIR
    boundaries: bool = True
    national: bool = True
    national_editions: int = 4
    benefits: bool = True
    vivet_file: Path | None = None
    force: bool = False
    retrieved: str = field(default_factory=lambda: date.today().isoformat())

    @property
    def folder(self) -> Path:
        """``<target>/<GM>``: the municipality's raw folders."""
        return Path(self.target) / self.gemeentecode


def parse_editions(text: str | None) -> dict[int, str]:
    """Editions from ``2016-2024``, ``2019,2023`` or None (all known editions).

    Examples
    --------
    >>> list(parse_editions("2022-2024"))
    [2022, 2023, 2024]
    >>> parse_editions("2023")
    {2023: '85618NED'}
    """
    if not text:
        return dict(cbs.EDITIONS)
    years: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (int(x) for x in part.split("-", 1))
            years.update(range(first, last + 1))
        elif part:
            years.add(int(part))
    unknown = sorted(y for y in years if y not in cbs.EDITIONS)
    if unknown:
        raise ValueError(_("No KWB table is known for {years}; known editions: {known}.").format(
            years=", ".join(map(str, unknown)), known=f"{min(cbs.EDITIONS)}-{max(cbs.EDITIONS)}"))
    return {y: cbs.EDITIONS[y] for y in sorted(years)}


def fetch_kwb(fetcher: Fetcher, plan: Plan, row_filter: str, progress: Progress):
    """Every requested edition for a filter: the editions fetched and the ones the API does not have."""
    editions, skipped = [], {}
    for year, table in plan.editions.items():
        edition = cbs.fetch_edition(fetcher, year, table, row_filter, progress)
        if edition is None:
            skipped[year] = table
        else:
            editions.append(edition)
    return editions, skipped


def kwb_folder(plan: Plan, editions, skipped) -> tuple[dict[str, bytes], str, pd.DataFrame]:
    """The files and SOURCE.md of ``<GM>/cbs_kwb``."""
    table = cbs.combine(editions)
    files = {"kwb_wijken_buurten.csv": cbs.to_csv_bytes(table),
             "kwb_columns.csv": cbs.to_csv_bytes(cbs.columns_table(editions, table))}
    described = {"kwb_wijken_buurten.csv": "one row per region (gemeente, wijken, buurten) per edition, one column "
                                           "per CBS variable (tidy-wide, as the shipped Heerlen table)",
                 "kwb_columns.csv": "column dictionary: kolom, eenheid, omschrijving (CBS title path), "
                                    "in_tabel_jaren, met_waarden_jaren, cbs_sleutels (OData key per edition)"}
    md = cbs.source_md(f"CBS Kerncijfers wijken en buurten, {plan.gemeentecode}", editions, skipped,
                       cbs.region_filter(plan.gemeentecode), plan.retrieved, described, table)
    return files, md, table


def fetch_boundaries(fetcher: Fetcher, plan: Plan, years: list[int], progress: Progress) -> dict[str, tuple]:
    """Buurt and wijk boundaries of the chosen year (falling back to earlier years PDOK has)."""
    out = {}
    for year in years:
        try:
            for layer in ("buurten", "wijken"):
                gdf = pdok.to_frame(pdok.fetch_features(fetcher, year, layer, plan.gemeentecode), layer,
                                    plan.gemeentecode)
                name = f"{layer}_{year}.geojson"
                out[f"pdok_{layer}_{year}"] = ({name: pdok.geojson_bytes(gdf)},
                                              pdok.source_md(layer, year, plan.gemeentecode, gdf, plan.retrieved,
                                                             name))
            return out
        except NotFound:
            progress.line(_("PDOK has no wijk- en buurtkaart {year}: trying the year before").format(year=year))
    return out


def run(plan: Plan, session, progress: Progress) -> dict[str, str]:
    """Fetch everything the plan asks for, then write the folders; the outcome per folder.

    Raises
    ------
    Unreachable, RefreshError, Exists
        Nothing has been written when these are raised.
    """
    fetcher = Fetcher(session, plan.folder / CACHE, progress)
    started = time.perf_counter()
    editions, skipped = fetch_kwb(fetcher, plan, cbs.region_filter(plan.gemeentecode), progress)
    if not editions or all(e.rows.empty for e in editions):
        raise RefreshError(_("CBS has no wijken or buurten for {code} in the editions asked for.").format(
            code=plan.gemeentecode))
    folders: dict[Path, tuple[dict[str, bytes], str]] = {}
    files, md, _table = kwb_folder(plan, editions, skipped)
    folders[plan.folder / "cbs_kwb"] = (files, md)
    if plan.benefits:
        table = benefits.fetch(fetcher, plan.gemeentecode, progress)
        if table is not None and not table.empty:
            name = "uitkeringen.csv"
            folders[plan.folder / f"cbs_uitkeringen_{benefits.TABLE}"] = (
                {name: cbs.to_csv_bytes(table)}, benefits.source_md(plan.gemeentecode, table, plan.retrieved, name))
    if plan.boundaries:
        with_rows = [e.year for e in editions if not e.rows.empty]
        first = plan.boundaries_year or max(with_rows)
        for name, content in fetch_boundaries(fetcher, plan, list(range(first, 2020, -1)), progress).items():
            folders[plan.folder / name] = content
    if plan.national:
        recent = dict(list(plan.editions.items())[-plan.national_editions:])
        nat_editions, nat_skipped = fetch_kwb(fetcher, Plan(plan.gemeentecode, recent), national.GM_FILTER,
                                              progress)
        table = cbs.combine(nat_editions)
        if not table.empty:
            attrs, chosen = national.attributes(table)
            described = {"kwb_gemeenten.csv": "one row per municipality per edition (tidy-wide)",
                         "kwb_columns.csv": "column dictionary, as for the municipality's table",
                         "gemeenten_attributes.csv": "one row per municipality, short column names (see below)",
                         "gemeenten_attributes_editions.csv": "the edition each short column comes from"}
            nat_files = {"kwb_gemeenten.csv": cbs.to_csv_bytes(table),
                         "kwb_columns.csv": cbs.to_csv_bytes(cbs.columns_table(nat_editions, table)),
                         "gemeenten_attributes.csv": cbs.to_csv_bytes(attrs),
                         "gemeenten_attributes_editions.csv": cbs.to_csv_bytes(chosen)}
            folders[Path(plan.target) / "national" / "cbs_kwb_gemeenten"] = (
                nat_files, national.source_md(nat_editions, nat_skipped, plan.retrieved, described, table, chosen))
    if plan.vivet_file:
        data = vivet.read_file(plan.vivet_file)
        facts = vivet.check(data, plan.gemeentecode)
        name = Path(plan.vivet_file).name
        folders[plan.folder / "vivet_adres"] = (
            {name: data}, vivet.source_md(plan.gemeentecode, name, str(plan.vivet_file), facts, plan.retrieved))
    refused = [target for target, (content, _md) in folders.items() if differs(target, content)]
    if refused and not plan.force:
        raise Exists(_("{folder} already exists with other data; nothing was written. Run again with --force to "
                       "keep the old version under .previous/ and write the new one.").format(
                           folder=", ".join(str(t) for t in refused)))
    outcomes = {str(target): write_folder(target, content, md_text, progress, force=plan.force)
                for target, (content, md_text) in folders.items()}
    fetcher.clear()
    progress.line(_("done in {seconds} s: {fetched} answers fetched, {reused} taken from an earlier run").format(
        seconds=f"{time.perf_counter() - started:.1f}", fetched=fetcher.fetched, reused=fetcher.reused))
    return outcomes


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(prog="python -m geo.refresh",
                                description="Fetch CBS KWB, PDOK boundaries and the national table for one "
                                            "municipality into data/raw/<GM>/.")
    p.add_argument("gemeentecode", help="CBS municipality code, e.g. GM0917 (Heerlen)")
    p.add_argument("--editions", help="KWB editions, e.g. 2016-2024 or 2019,2023 (default: all known)")
    p.add_argument("--boundaries-year", type=int, help="year of the PDOK wijk- en buurtkaart (default: newest edition)")
    p.add_argument("--target", type=Path, default=config.RAW_DIR, help="raw-data folder (default: data/raw)")
    p.add_argument("--force", action="store_true", help="replace folders with other data (old kept in .previous/)")
    p.add_argument("--no-boundaries", action="store_true", help="skip the PDOK boundaries")
    p.add_argument("--no-national", action="store_true", help="skip the national municipality table")
    p.add_argument("--no-benefits", action="store_true", help="skip the quarterly benefits table (85586NED)")
    p.add_argument("--national-editions", type=int, default=4, help="newest editions in the national table")
    p.add_argument("--vivet-file", type=Path, help="a PBL VIVET CSV of the municipality (with BU_CODE) to copy in")
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the messages")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    return p


def main(argv: list[str] | None = None, session=None, stream=None) -> int:
    """Run the command; messages to ``stream`` (stderr), never a traceback for an expected failure."""
    args = parser().parse_args(argv)
    out = stream or sys.stderr
    with language(args.lang):
        progress = Progress(out, quiet=args.quiet)
        code = args.gemeentecode.strip().upper()
        if not GM_CODE.match(code):
            print(_("'{code}' is not a CBS municipality code (GM followed by four digits, e.g. GM0917).").format(
                code=args.gemeentecode), file=out)
            return 4
        try:
            plan = Plan(code, parse_editions(args.editions), args.boundaries_year, args.target,
                        boundaries=not args.no_boundaries, national=not args.no_national, benefits=not args.no_benefits,
                        national_editions=max(1, args.national_editions), vivet_file=args.vivet_file,
                        force=args.force)
        except ValueError as err:
            print(str(err), file=out)
            return 4
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
        try:
            run(plan, session, progress)
        except Unreachable as err:
            print(_("Could not reach {source}: the shipped data is unchanged.").format(source=err.source), file=out)
            return 2
        except Exists as err:
            print(str(err), file=out)
            return 3
        except RefreshError as err:
            print(_("Refresh stopped: {reason} The shipped data is unchanged.").format(reason=str(err)), file=out)
            return 1
        except KeyboardInterrupt:
            print(_("Refresh interrupted: the shipped data is unchanged; run the same command again to resume."),
                  file=out)
            return 130
    return 0
