import datetime as dt

import pytest

from geo.i18n import language, money, number, percent
from geo.i18n.formatting import NO_VALUE, date


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", ("12.345,7", "38,2%", "€ 1.250", "€ -80", "26 november 2026")),
     ("en", ("12,345.7", "38.2%", "€1,250", "-€80", "26 November 2026"))],
)
def test_numbers_money_and_dates_follow_the_locale(lang, expected):
    with language(lang):
        got = (number(12345.67, 1), percent(38.24), money(1249.6), money(-80), date(dt.date(2026, 11, 26)))
    assert got == expected


@pytest.mark.parametrize("value", [None, float("nan"), "x", "."])
def test_missing_or_suppressed_values_show_as_a_dash_never_as_zero(value):
    assert number(value) == percent(value) == money(value) == NO_VALUE


def test_decimals_are_kept_as_asked():
    with language("nl"):
        assert number(3, 2) == "3,00"
        assert money(12.5, 2) == "€ 12,50"
