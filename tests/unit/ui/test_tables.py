import pandas as pd

from geo.i18n import language
from ui import tables


def test_numbers_are_formatted_for_the_language_and_sort_values_are_kept():
    df = pd.DataFrame({"cost_eur": [1234567.0, float("nan")], "change": [2.54, -1.0], "name": ["a", "b"]})
    spec = {"name": "Buurt", "cost_eur": ("Cost (EUR)", "%.0f"), "change": ("Change", "%+.1f")}
    with language("nl"):
        shown = tables.styled(df, spec).to_html()
    assert "1.234.567" in shown and "+2,5" in shown and "-1,0" in shown and "–" in shown
    assert tables.styled(df, spec).data["cost_eur"].iloc[0] == 1234567.0  # the value a header click sorts on


def test_printf_formats_give_decimals_and_sign():
    assert tables.decimals_of("%+.1f") == (1, True)
    assert tables.decimals_of("%d") == (0, False)
    assert tables.decimals_of("%.3f") == (3, False)
