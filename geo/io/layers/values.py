"""Cells as people write them: numbers (decimal comma or point, CBS's markers), buurt and wijk codes, names.

Examples
--------
>>> to_number("1.234,5", dutch=True), to_number("1,234.5"), to_number("12,5"), to_number(".")
(1234.5, 1234.5, 12.5, None)
>>> buurt_or_wijk("0917 1000"), buurt_or_wijk("BU09171000"), buurt_or_wijk("WK091710"), buurt_or_wijk(9171000)
('BU09171000', 'BU09171000', 'WK091710', 'BU09171000')
>>> name_key("  Heerler-Heide ") == name_key("heerler heide")
True
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

# CBS's markers for a value that is secret, unknown or not applicable, and the usual empty words.
MARKERS = frozenset({".", "x", "-", "?", "–", "—", "..", "nvt", "n.v.t.", "na", "n/a", "#n/a", "null", "none",
                     "geheim", "onbekend"})
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_GROUPED_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_GROUPED_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f'’]")
NUMERIC_SHARE = 0.8  # a column is numeric when this share of its filled, non-marker cells are numbers
SAMPLE = 2_000  # the first cells of a column tell whether it can be numeric at all
# Column names that hold counts: a negative value there cannot be right.
COUNT_WORDS = ("aantal", "count", "number", "homes", "woningen", "dwellings", "households", "huishoudens",
               "inwoners", "inhabitants", "units", "stuks")


def is_blank(value) -> bool:
    """Whether a cell is empty (None, NaN, or only spaces)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def is_marker(value) -> bool:
    """Whether a cell holds one of CBS's markers for a missing value (``.``, ``x``, ``-``, ...)."""
    return isinstance(value, str) and value.strip().lower() in MARKERS


def to_number(value, dutch: bool = False) -> float | None:
    """A cell as a number, or None when it is empty, a marker or text.

    Both decimal signs are read: with both a point and a comma, the last one is the decimal sign;
    with only one, a comma is decimal unless it groups thousands (``1,234``) in a non-Dutch file,
    and a point groups thousands only in a Dutch file (``1.234``).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str) or is_blank(value) or is_marker(value):
        return None
    text = _SPACES.sub("", value.strip())
    if text.endswith("%"):
        text = text[:-1]
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif "," in text:
        text = text.replace(",", "") if (not dutch and _GROUPED_COMMA.match(text)) else text.replace(",", ".")
    elif "." in text and dutch and _GROUPED_DOT.match(text):
        text = text.replace(".", "")
    if not _NUMBER.match(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


_PLAIN = r"[+-]?\d+"
_POINT = r"[+-]?\d*\.\d+"
_COMMA = r"[+-]?\d*,\d+"
_THOUSANDS = r"[+-]?\d{1,3}[.,]\d{3}"


def to_numbers(cells: pd.Series, dutch: bool = False) -> pd.Series:
    """:func:`to_number` of every cell, as floats (NaN where not a number); the common forms without a loop.

    Examples
    --------
    >>> to_numbers(pd.Series(["3", "12,5", "1.234", ".", None, 7]), dutch=True).tolist()
    [3.0, 12.5, 1234.0, nan, nan, 7.0]
    """
    if pd.api.types.is_numeric_dtype(cells) and not pd.api.types.is_bool_dtype(cells):
        return pd.to_numeric(cells, errors="coerce").astype(float).where(lambda s: s.abs() != float("inf"))
    text = cells.astype(object).where(cells.notna(), "").astype(str).str.strip()
    out = pd.Series(float("nan"), index=cells.index)
    ambiguous = text.str.fullmatch(_THOUSANDS)  # 1.234 or 1,234: the file's language decides, cell by cell below
    plain = text.str.fullmatch(_PLAIN)
    point = text.str.fullmatch(_POINT) & ~ambiguous
    comma = text.str.fullmatch(_COMMA) & ~ambiguous
    out[plain] = pd.to_numeric(text[plain], errors="coerce")
    out[point] = pd.to_numeric(text[point], errors="coerce")
    out[comma] = pd.to_numeric(text[comma].str.replace(",", ".", regex=False), errors="coerce")
    rest = ~(plain | point | comma) & (text != "")
    if rest.any():
        out[rest] = pd.Series([to_number(v, dutch) for v in cells[rest]], index=cells.index[rest], dtype=float)
    return out.astype(float).where(lambda s: s.abs() != float("inf"))


@dataclass(frozen=True)
class NumericColumn:
    """A column read as numbers: the values (NaN where missing) and what could not be read."""

    values: pd.Series
    markers: int  # cells with a CBS marker (read as missing)
    text: int  # cells with text where a number belongs (read as missing)
    text_example: str
    negative_counts: int  # negative values in a count column (read as missing)


def numeric_column(cells: pd.Series, name: str = "", dutch: bool = False) -> NumericColumn | None:
    """The column as numbers when at least :data:`NUMERIC_SHARE` of its filled cells are numbers, else None.

    Examples
    --------
    >>> c = numeric_column(pd.Series(["3", ".", "x", "12,5", "abc", "4", "7"]), dutch=True)
    >>> c.values.tolist()[:4], c.markers, c.text
    ([3.0, nan, nan, 12.5], 2, 1)
    >>> numeric_column(pd.Series(["Noord", "Zuid", "3"])) is None
    True
    """
    text = cells.astype(object).where(cells.notna(), "").astype(str).str.strip()
    filled = cells[text != ""]
    real = filled[~text[filled.index].str.lower().isin(MARKERS)]
    if real.empty or to_numbers(real.iloc[:SAMPLE], dutch).notna().mean() < NUMERIC_SHARE:
        return None  # the first cells already show a column of text
    values = to_numbers(cells, dutch)
    numbers = values[real.index].notna().sum()
    if numbers == 0 or numbers < NUMERIC_SHARE * len(real):
        return None
    text_cells = real[values[real.index].isna()]
    negative = 0
    lowered = name.lower()
    if any(word in lowered for word in COUNT_WORDS):
        below = values < 0
        negative = int(below.sum())
        values = values.mask(below)
    return NumericColumn(values, len(filled) - len(real), len(text_cells),
                         str(text_cells.iloc[0])[:30] if len(text_cells) else "", negative)


def buurt_or_wijk(value) -> str | None:
    """A CBS buurt code (``BU`` + 8 digits) or wijk code (``WK`` + 6 digits) from the common ways to write one.

    Accepts ``BU09170000``, ``bu 0917 0000``, ``09170000``, ``0917 0000``, ``9170000`` (a spreadsheet dropped
    the leading zero), ``WK091710``, ``091710``; None for anything else.
    """
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = re.sub(r"[\s_.\-/]", "", str(value).upper())
    prefix = text[:2] if text[:2] in ("BU", "WK") else ""
    digits = text[len(prefix):]
    if not digits.isdigit() or not digits.isascii():
        return None
    if prefix == "BU" or (not prefix and len(digits) in (7, 8)):
        return "BU" + digits.zfill(8) if len(digits) in (7, 8) else None
    if prefix == "WK" or (not prefix and len(digits) in (5, 6)):
        return "WK" + digits.zfill(6) if len(digits) in (5, 6) else None
    return None


def name_key(value) -> str:
    """A name reduced for matching: no accents, case, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())
