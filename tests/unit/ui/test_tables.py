import pandas as pd
from streamlit.testing.v1 import AppTest

from geo.i18n import language
from ui import exports, tables


def test_numbers_are_formatted_for_the_language_and_sort_values_are_kept():
    df = pd.DataFrame({"cost_eur": [1234567.0, float("nan")], "change": [2.54, -1.0], "name": ["a", "b"]})
    spec = {"name": "Buurt", "cost_eur": ("Cost (EUR)", "%.0f"), "change": ("Change", "%+.1f")}
    with language("nl"):
        shown = tables.styled(df, spec).to_html()
    assert "1.234.567" in shown and "+2,5" in shown and "-1,0" in shown and "–" in shown
    assert tables.styled(df, spec).data["cost_eur"].iloc[0] == 1234567.0  # the value a header click sorts on


def test_small_whole_numbers_skip_the_styler_and_large_ones_keep_the_locale_format():
    ranks = pd.DataFrame({"rank": [1, 2, 57], "name": ["a", "b", "c"]})
    assert isinstance(tables.styled(ranks, {"rank": ("Rank", "%d"), "name": "Buurt"}), pd.DataFrame)  # no Styler
    many = pd.DataFrame({"rank": [1, 2, 1500]})
    with language("nl"):
        assert "1.500" in tables.styled(many, {"rank": ("Rank", "%d")}).to_html()
    gaps = pd.DataFrame({"n": pd.array([1, None], dtype="Int64")})
    with language("nl"):
        assert "–" in tables.styled(gaps).to_html()  # a missing value still shows as a dash


def test_printf_formats_give_decimals_and_sign():
    assert tables.decimals_of("%+.1f") == (1, True)
    assert tables.decimals_of("%d") == (0, False)
    assert tables.decimals_of("%.3f") == (3, False)


def _shown(download):
    import pandas as pd
    import streamlit as st

    from tests.support.downloads import captured_downloads
    from ui import tables

    with captured_downloads() as captured:
        df = pd.DataFrame({"buurt_name": ["A"], "gas_m3": [1.5], "extra": [2], "secret": [3]})
        tables.show(df, column_config={"extra": "Own label", "secret": None}, download=download)
    st.session_state["captured"] = captured


def test_show_offers_the_table_with_the_shown_labels_and_without_hidden_columns():
    at = AppTest.from_function(_shown, args=("My table",), default_timeout=60).run()
    assert not at.exception
    files = at.session_state["captured"]
    assert len(at.download_button) == 3 and set(files) == {
        "buurtkompas-my-table.xlsx", "buurtkompas-my-table.csv", "buurtkompas-my-table.metadata.json"}
    with language("en"):
        text = files["buurtkompas-my-table.csv"]().decode("utf-8-sig")
    header = text.splitlines()[0]
    assert "Own label" in header and "Buurt" in header and "secret" not in header and "gas_m3" not in header


def test_show_without_download_offers_nothing():
    at = AppTest.from_function(_shown, args=(False,), default_timeout=60).run()
    assert not at.exception and len(at.download_button) == 0


def _twice():
    import pandas as pd

    from ui import tables

    df = pd.DataFrame({"buurt_name": ["A"], "gas_m3": [1.5]})
    tables.show(df)
    tables.show(df)


def test_the_same_table_twice_on_a_page_gets_two_offers_not_a_duplicate_key_error():
    at = AppTest.from_function(_twice, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.download_button) == 6 and len({b.key for b in at.download_button}) == 6


def test_file_names_are_safe_whatever_the_table_is_called():
    assert exports._slug("<script>alert('x')</script>/../Kosten €") == "buurtkompas-script-alert-x-script-kosten"
    assert exports._slug("") == "buurtkompas-table"
