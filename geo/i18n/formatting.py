"""Numbers, percentages, money and dates in the locale of the language in force (Babel, CLDR patterns)."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from geo.i18n.translate import LOCALES, current

NO_VALUE = "–"  # a missing or suppressed figure: shown as a dash, never as 0
# Money with the symbol where each locale puts it: "€ 1.234" (nl), "€1,234" (en).
_MONEY_PATTERN = {"nl": ("¤ #,##0", "¤ -#,##0"), "en": ("¤#,##0", "-¤#,##0")}


def _missing(value) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _decimals(decimals: int) -> str:
    return "." + "0" * decimals if decimals > 0 else ""


def number(value, decimals: int = 0) -> str:
    """A number with the locale's grouping and decimal sign; a missing value as a dash.

    Examples
    --------
    >>> from geo.i18n import language
    >>> with language("nl"):
    ...     number(1234567.891, 2), number(float("nan"))
    ('1.234.567,89', '–')
    """
    if _missing(value):
        return NO_VALUE
    return format_decimal(float(value), format="#,##0" + _decimals(decimals), locale=LOCALES[current()])


def percent(value_pct, decimals: int = 1) -> str:
    """A share given in percent points (12.3 means 12.3 %), in the locale's percent format."""
    if _missing(value_pct):
        return NO_VALUE
    return number(value_pct, decimals) + "%"


def money(value, decimals: int = 0) -> str:
    """An amount in euro in the locale's currency format."""
    if _missing(value):
        return NO_VALUE
    lang = current()
    pattern = ";".join(p + _decimals(decimals) for p in _MONEY_PATTERN[lang])
    return format_currency(float(value), "EUR", format=pattern, locale=LOCALES[lang], currency_digits=False)


def date(day: dt.date) -> str:
    """A date written out: "26 november 2026" (nl), "26 November 2026" (en)."""
    return format_date(day, format="long", locale=LOCALES[current()])
