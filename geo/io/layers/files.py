r"""Reading an uploaded file's bytes into a table or a geometry layer, within the stated limits.

The format is told by the content, not the name: a GeoJSON called ``.csv`` is read as GeoJSON
(and the user is told). Text files are read in whatever encoding and separator a spreadsheet
used (UTF-8, UTF-16, Windows-1252; ``,`` ``;`` tab or ``|``). Every problem becomes a
:class:`~geo.errors.DataError` in the language in force; what was read in an unexpected way
comes back as notes. Nothing is written to disk.

Examples
--------
>>> kind_of(b'{"type": "FeatureCollection", "features": []}', "x.json")
'geojson'
>>> kind_of(b"buurt;aantal\nBU09171000;3\n", "sites.csv")
'csv'
>>> separator_of("a;b;c\n1,5;2;3\n")
';'
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

from geo.errors import DataError
from geo.i18n import N_, _, number

MAX_BYTES = 50 * 1024 * 1024  # the limits the My data page states
MAX_FEATURES = 100_000
MAX_UNZIPPED = 4 * MAX_BYTES  # a zipped shapefile may unpack to this much (a zip bomb stops here)
# What the uploader accepts (the content decides the format; a missing or wrong extension is said, not refused).
EXTENSIONS = ("geojson", "json", "gpkg", "zip", "csv", "txt", "tsv", "xlsx")
KINDS = {"geojson": N_("GeoJSON"), "gpkg": N_("GeoPackage"), "shapefile": N_("zipped Shapefile"),
         "csv": N_("CSV text"), "xlsx": N_("Excel workbook (xlsx)")}
_EXTENSION_KIND = {"geojson": "geojson", "json": "geojson", "gpkg": "gpkg", "zip": "shapefile", "csv": "csv",
                   "txt": "csv", "tsv": "csv", "xlsx": "xlsx"}
SEPARATORS = (";", ",", "\t", "|")
SEPARATOR_NAMES = {";": N_("semicolon"), ",": N_("comma"), "\t": N_("tab"), "|": N_("vertical bar")}
_GEOJSON_CRS = re.compile(rb'"crs"\s*:\s*\{.{0,200}?"name"\s*:\s*"([^"]{1,200})"', re.S)
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf")


@dataclass
class Read:
    """What a file held: a table (``geometry`` None) or a geometry layer, and notes on how it was read."""

    kind: str
    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    declared_crs: str | None = None  # the CRS the file declares (None: none declared)
    dutch: bool = False  # numbers may be written the Dutch way (decimal comma)


def kind_name(kind: str) -> str:
    """The name of a file kind (a key of :data:`KINDS`) in the language in force."""
    return _(KINDS[kind])


def kind_of(data: bytes, filename: str) -> str:
    """The kind of file the bytes are (a key of :data:`KINDS`), told by the content.

    Raises
    ------
    DataError
        For an empty file, an old .xls, a PDF or other binary content, a zip without a shapefile.
    """
    head = data[:8192]
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise DataError(_("The file is empty."))
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise DataError(_("The zip file is damaged or incomplete.")) from None
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.lower().endswith(".shp") for n in names):
            return "shapefile"
        if any(n.startswith("word/") for n in names):
            raise DataError(_("This is a Word document; upload the data as CSV, xlsx, GeoJSON, GeoPackage or a "
                              "zipped Shapefile."))
        raise DataError(_("The zip file holds no shapefile (.shp with its .shx and .dbf)."))
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DataError(_("This is an old Excel file (.xls); save it as .xlsx or CSV and upload that."))
    if head.startswith(b"%PDF"):
        raise DataError(_("This is a PDF; upload the data as CSV, xlsx, GeoJSON, GeoPackage or a zipped Shapefile."))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # UTF-16 text, as Excel's 'Unicode text' saves it
    if b"\x00" in head or head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")):
        raise DataError(_("The file is not in a format the app reads (CSV, xlsx, GeoJSON, GeoPackage, zipped "
                          "Shapefile)."))
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        return "geojson"
    return "csv"


def extension_note(kind: str, filename: str) -> str | None:
    """A note when the file's name does not say what it is (no or another extension), else None."""
    suffix = PurePosixPath(filename.lower()).suffix.lstrip(".")
    if _EXTENSION_KIND.get(suffix) == kind:
        return None
    if not suffix:
        return _("The file name has no extension; it was read as {kind}.").format(kind=kind_name(kind))
    return _("The file is named .{extension} but holds {kind}; it was read as {kind}.").format(
        extension=suffix[:10], kind=kind_name(kind))


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of a file in the encoding it was most likely written in, and a note when not UTF-8.

    UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark are read as such;
    anything else as Windows-1252 (what Dutch Excel writes), failing that as Latin-1.

    Examples
    --------
    >>> decode("café".encode("cp1252"))[0]
    'café'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise DataError(_("The text file says it is UTF-16 but is damaged.")) from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), _("The file is not UTF-8; it was read as Windows-1252 (as Excel saves it).")
    except UnicodeDecodeError:
        return data.decode("latin-1"), _("The file is not UTF-8; it was read as Latin-1.")


def _field_counts(lines: list[str], sep: str) -> list[int]:
    try:
        return [len(row) - 1 for row in csv.reader(lines, delimiter=sep)]
    except csv.Error:
        return []


def separator_of(text: str) -> str:
    """The field separator of a CSV text: the candidate that splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (0.0, 0)
    for sep in SEPARATORS:
        counts = _field_counts(lines, sep)
        if not counts or max(counts) == 0:
            continue
        usual = max(set(counts), key=lambda c: (counts.count(c), c))  # the most common split (title lines aside)
        consistent = sum(c == usual for c in counts) / len(counts)
        score = (round(consistent, 1), usual)
        if usual > 0 and score > best_score:
            best, best_score = sep, score
    return best


def header_line(text: str, sep: str) -> int:
    r"""How many lines before the header: title lines (as CBS StatLine exports have) split into fewer fields.

    Examples
    --------
    >>> header_line("Tabel 1: laadpalen\n\nbuurt;n\nBU09171000;3\n", ";")
    2
    """
    lines = text.splitlines()[:30]
    counts = _field_counts(lines, sep)
    filled = [c for c, line in zip(counts, lines, strict=False) if line.strip()]
    if not filled:
        return 0
    usual = max(set(filled), key=lambda c: (filled.count(c), c))
    return next((i for i, (c, line) in enumerate(zip(counts, lines, strict=False)) if line.strip() and c == usual), 0)


def _read_csv(data: bytes, max_features: int) -> Read:
    text, note = decode(data)
    notes = [note] if note else []
    if not text.strip():
        raise DataError(_("The file is empty."))
    if text.count("\n") > max_features + 1:
        raise DataError(_("The file has more than {most} rows; at most {most} are read.").format(
            most=number(max_features)))
    sep = separator_of(text)
    title = header_line(text, sep)
    skipped: list[int] = []

    def bad_line(fields: list[str]):
        skipped.append(len(fields))
        return None

    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, engine="python",
                         skipinitialspace=True, on_bad_lines=bad_line, skip_blank_lines=True, index_col=False,
                         skiprows=title)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError):
        raise DataError(_("The text file could not be read as a table (CSV).")) from None
    df.columns = _unique(["" if str(c).startswith("Unnamed:") else str(c).strip() for c in df.columns])
    if skipped:
        notes.append(_("{n} line(s) had more fields than the header and were left out.").format(
            n=number(len(skipped))))
    if sep != ",":
        notes.append(_("Fields separated by {separator}.").format(separator=_(SEPARATOR_NAMES[sep])))
    if title:
        notes.append(_("The first {n} line(s) above the column names (a title) were left out.").format(n=title))
    return Read("csv", df, notes, dutch=(sep == ";"))


def _read_xlsx(data: bytes, max_features: int) -> Read:
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises zipfile, KeyError, XML and its own errors on a damaged workbook
        raise DataError(_("The Excel file could not be read: it is damaged, incomplete or not an .xlsx.")) from None
    notes = []
    try:
        if not wb.worksheets:
            raise DataError(_("The Excel file has no sheet."))
        ws = wb.worksheets[0]
        if len(wb.worksheets) > 1:
            notes.append(_("Only the first sheet ('{sheet}') was read.").format(sheet=ws.title[:40]))
        if (ws.max_row or 0) > max_features + 1:
            raise DataError(_("The file has more than {most} rows; at most {most} are read.").format(
                most=number(max_features)))
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
    except DataError:
        raise
    except Exception:
        raise DataError(_("The Excel file could not be read: it is damaged, incomplete or not an .xlsx.")) from None
    finally:
        wb.close()
    rows = [r for r in rows if any(v is not None and str(v).strip() != "" for v in r)]
    if not rows:
        raise DataError(_("The file is empty."))
    width = max(len(r) for r in rows)
    header = [str(v).strip() if v is not None else "" for v in rows[0]] + [""] * (width - len(rows[0]))
    body = [[("" if v is None else v) for v in r] + [""] * (width - len(r)) for r in rows[1:]]
    return Read("xlsx", pd.DataFrame(body, columns=_unique(header), dtype=object), notes)


def _unique(names: list[str]) -> list[str]:
    """Column names made unique and non-empty ('column 3', 'name (2)')."""
    out, seen = [], {}
    for i, name in enumerate(names):
        base = name or _("column {n}").format(n=i + 1)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return out


def _geojson_crs(data: bytes) -> str | None:
    match = _GEOJSON_CRS.search(data[:8192])
    return match.group(1).decode("utf-8", "replace") if match else None


def _flat_shapefile_zip(data: bytes, notes: list[str]) -> bytes:
    """The first shapefile of a zip (any folder) repacked flat in memory, so GDAL finds its parts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.filename.startswith("__MACOSX/") and not i.is_dir()]
        if sum(i.file_size for i in infos) > MAX_UNZIPPED:
            raise DataError(_("The zip file unpacks to more than {mb} MB; at most {mb} MB is read.").format(
                mb=number(MAX_UNZIPPED // (1024 * 1024))))
        shps = sorted(i.filename for i in infos if i.filename.lower().endswith(".shp"))
        stem = shps[0][:-4]
        if len(shps) > 1:
            notes.append(_("The zip file holds {n} shapefiles; only '{name}' was read.").format(
                n=len(shps), name=PurePosixPath(shps[0]).name[:60]))
        parts = {i.filename[len(stem):].lower(): i for i in infos if i.filename[:len(stem)] == stem
                 and i.filename[len(stem):].startswith(".")}
        lacking = [p for p in _SHAPEFILE_PARTS if p not in parts]
        if lacking:
            raise DataError(_("The shapefile lacks its {parts} part(s); zip all files of the shapefile together.")
                            .format(parts=", ".join(lacking)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as flat:
            for suffix, info in parts.items():
                flat.writestr("layer" + suffix, zf.read(info))
        return out.getvalue()
    except DataError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError):
        raise DataError(_("The zip file is damaged or incomplete.")) from None


def _read_geo(kind: str, data: bytes, max_features: int) -> Read:
    notes: list[str] = []
    declared = _geojson_crs(data) if kind == "geojson" else None
    source = _flat_shapefile_zip(data, notes) if kind == "shapefile" else data
    damaged = _("The {kind} file could not be read: it is damaged or incomplete.").format(kind=kind_name(kind))
    try:
        layers = pyogrio.list_layers(io.BytesIO(source))
        if len(layers) == 0:
            raise DataError(_("The file holds no layer."))
        if len(layers) > 1:
            notes.append(_("The file holds {n} layers; only '{name}' was read.").format(
                n=len(layers), name=str(layers[0][0])[:60]))
        info = pyogrio.read_info(io.BytesIO(source), layer=0)
        if info.get("features", 0) > max_features:
            raise DataError(_("The file has {n} features; at most {most} are read.").format(
                n=number(info["features"]), most=number(max_features)))
        gdf = pyogrio.read_dataframe(io.BytesIO(source), layer=0)
    except DataError:
        raise
    except (DataSourceError, DataLayerError, RuntimeError, ValueError, OSError):
        raise DataError(damaged) from None
    if len(gdf) > max_features:
        raise DataError(_("The file has {n} features; at most {most} are read.").format(
            n=number(len(gdf)), most=number(max_features)))
    crs = declared if kind == "geojson" else (gdf.crs.to_string() if gdf.crs is not None else None)
    return Read(kind, gdf if isinstance(gdf, gpd.GeoDataFrame) else pd.DataFrame(gdf), notes, declared_crs=crs)


def read_file(data: bytes, filename: str, max_bytes: int = MAX_BYTES, max_features: int = MAX_FEATURES) -> Read:
    """Read an uploaded file as a table or a geometry layer.

    Parameters
    ----------
    data : bytes
        The file's content.
    filename : str
        Its name (only used to say when it does not match the content).
    max_bytes, max_features : int
        Limits (default: 50 MB and 100,000 features or rows).

    Returns
    -------
    Read
        ``frame`` a DataFrame of text cells (tables) or a GeoDataFrame as read (geometry files).

    Raises
    ------
    DataError
        With a message for the user, in the language in force.
    """
    if len(data) > max_bytes:
        raise DataError(_("The file is {size} MB; at most {most} MB is read.").format(
            size=number(len(data) / (1024 * 1024), 1), most=number(max_bytes / (1024 * 1024))))
    kind = kind_of(data, filename)
    if kind == "csv":
        read = _read_csv(data, max_features)
    elif kind == "xlsx":
        read = _read_xlsx(data, max_features)
    else:
        read = _read_geo(kind, data, max_features)
    note = extension_note(kind, filename)
    if note:
        read.notes.insert(0, note)
    if read.frame.empty:
        raise DataError(_("The file has no rows (only column names, or nothing at all)."))
    if len(read.frame) > max_features:
        raise DataError(_("The file has more than {most} rows; at most {most} are read.").format(
            most=number(max_features)))
    return read
