"""``python -m geo.build``: the command line of the build, and what it tells the user.

``python -m geo.build`` builds the shipped Heerlen data (:func:`geo.build.pipeline.build`) and the Parkstad
neighbours at wijk level (:mod:`geo.build.wijk_level`); ``--gemeente GM0928`` builds a refreshed municipality from
``data/raw/GM0928``, or, when there is no such folder, that municipality's wijken from the national wijken table.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from geo import config
from geo.build import wijk_level
from geo.build.pipeline import build
from geo.errors import DataError
from geo.i18n import _, language

GM_CODE = re.compile(r"^GM\d{4}$")


def report_lines(meta: dict) -> list[str]:
    """What the build tells the user: matches per source year, editions not used, the stock estimate."""
    lines = []
    for source, rep in meta["joins"].items():
        if source.startswith("KWB") or source.endswith(("2013", "2024")):
            missing = rep["polygons_without_statistics"]
            line = _("{source}: {matched} buurten matched, {missing} without statistics").format(
                source=source, matched=rep["matched"], missing=len(missing))
            if missing:
                line += " (" + ", ".join(missing[:8]) + (", …" if len(missing) > 8 else "") + ")"
            lines.append(line)
    unused = sorted({e for col in meta["columns"].values() for e in col.get("editions_not_used", [])})
    if unused:
        lines.append(_("KWB editions {editions} not used for some columns: CBS's notes on the year they describe "
                       "were not at hand (see geo/build/kwb.py).").format(editions=", ".join(map(str, unused))))
    if meta["benefits_period"] == "none":
        lines.append(_("No benefits table (CBS 85586NED): the social-assistance figures stay empty."))
    missing_columns = meta.get("gemeente", {}).get("missing_kwb_columns")
    if missing_columns:
        lines.append(_("The KWB table lacks {n} column(s); they stay empty: {columns}").format(
            n=len(missing_columns), columns=", ".join(missing_columns)))
    if meta["stock"].get("stock_basis") is None:
        lines.append(_("No VIVET dwellings for this municipality: built without the stock estimate and label "
                       "factors (energy labels per buurt). Add the PBL VIVET file with python -m geo.refresh "
                       "GM.... --vivet-file FILE to get them."))
    nat = meta.get("national")
    if nat:
        lines.append(_("Municipalities: {n}, invalid outlines repaired: {repaired} ({codes})").format(
            n=nat["municipalities"], repaired=nat["invalid_geometries_repaired"], codes=", ".join(nat["repaired"])))
    return lines


def main(argv: list[str] | None = None, stream=None) -> int:
    """Build the shipped data, or ``--gemeente GM....`` from its refreshed raw folder; return the exit code."""
    p = argparse.ArgumentParser(prog="python -m geo.build", description="Derive data/processed from data/raw.")
    p.add_argument("--gemeente", help="CBS code of a refreshed municipality (data/raw/<GM> -> data/processed/<GM>)")
    p.add_argument("--raw-dir", type=Path, default=config.RAW_DIR,
                   help="raw-data folder holding <GM>/ (with --gemeente; default: data/raw)")
    p.add_argument("--out-dir", type=Path, help="output folder (default: data/processed[/<GM>])")
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the messages")
    args = p.parse_args(argv)
    out = stream or sys.stdout
    with language(args.lang):
        code = args.gemeente.strip().upper() if args.gemeente else None
        if code is not None and not GM_CODE.match(code):
            print(_("'{code}' is not a CBS municipality code (GM followed by four digits, e.g. GM0917).").format(
                code=args.gemeente), file=out)
            return 4
        out_dir = args.out_dir or config.processed_dir(code)
        try:
            if code is not None and not (args.raw_dir / code).is_dir():
                return _wijk_level_only(code, out_dir, args.raw_dir, out)
            meta = build(out_dir, config.raw_paths(code, args.raw_dir))
            if code is None and args.out_dir is None:
                build_parkstad_wijken(out, exclude=meta["gemeente"]["code"])
        except DataError as err:
            print(_("The build stopped: {reason}").format(reason=str(err)), file=out)
            return 1
        for line in report_lines(meta):
            print(line, file=out)
        print(_("{name} ({code}): processed data written to {folder}").format(
            name=meta["gemeente"]["name"], code=meta["gemeente"]["code"], folder=out_dir), file=out)
    return 0


def _wijk_level_only(code: str, out_dir: Path, raw_dir: Path, out) -> int:
    """``--gemeente`` without refreshed raw data: the municipality's wijken from the shipped national table."""
    meta = wijk_level.build_wijk_level(code, out_dir)
    if meta is None:
        print(_("{folder} holds a buurt-level build of {code}; left unchanged (no raw data in {raw}).").format(
            folder=out_dir, code=code, raw=raw_dir), file=out)
        return 0
    print(_("No raw data for {code} in {folder}: built at wijk level from the national wijken table ({n} wijken, "
            "population figures of 1 January {year}). For buurten, incomes and energy use: make refresh GM={code} "
            "(needs internet), then make data GM={code}.").format(
        code=code, folder=raw_dir, n=meta["wijken"], year=wijk_level.YEAR), file=out)
    print(_("{name} ({code}): processed data written to {folder}").format(
        name=meta["gemeente"]["name"], code=code, folder=out_dir), file=out)
    return 0


def build_parkstad_wijken(out, exclude: str, processed_root: Path = config.PROCESSED_DIR) -> list[str]:
    """The Parkstad neighbours at wijk level (each skipped where a buurt-level build is present); their codes."""
    nl = wijk_level.read_wijken_nl()
    built = []
    for code in sorted(set(config.PARKSTAD) - {exclude}):
        if wijk_level.build_wijk_level(code, config.processed_dir(code, processed_root), nl=nl) is not None:
            built.append(code)
    if built:
        print(_("Parkstad neighbours at wijk level (national wijken table): {names}").format(
            names=", ".join(config.PARKSTAD[c] for c in built)), file=out)
    return built
