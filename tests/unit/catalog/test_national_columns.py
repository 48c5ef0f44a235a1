"""The municipality columns: each names the year it describes, the mislabelled share is labelled by what it is."""

from __future__ import annotations

import pytest

from geo import i18n
from geo.catalog import dictionary, national_columns
from geo.i18n import language


def test_every_column_names_its_year_and_its_cbs_variable_and_stays_off_the_buurt_map():
    for col in national_columns.NATIONAL_COLUMNS:
        assert col.extra["year"] in (2021, 2022) and col.extra["cbs"] and col.source == "gemeenten", col.name
        assert col.name.startswith("gm_") and not col.on_map
    assert national_columns.BY_NAME["gm_woz_keur"].extra["year"] == 2021  # valuation date 1 January 2021
    assert not set(national_columns.BY_NAME) & set(dictionary.map_indicators())


def test_the_shipped_low_income_key_is_the_lowest_40_percent_share():
    col = national_columns.BY_NAME["gm_pct_bottom40_households"]
    assert col.kwb == "pct_hh_laag_inkomen" and col.extra["cbs"] == "40% huishoudens met laagste inkomen"
    with language("en"):
        assert col.display_label() == "Lowest 40% incomes (national)"
        assert "not CBS's low-income rate" in col.display_meaning()
    with language("nl"):
        assert col.display_label() == "Laagste 40% inkomens (landelijk)"
    assert not any(c.kwb == "pct_hh_laag_inkomen" and "low income" in c.label.lower()
                   for c in national_columns.NATIONAL_COLUMNS)


def test_the_national_check_tells_a_group_share_from_a_low_income_rate():
    ok = national_columns.check_national_shares({"pct_hh_laag_inkomen": 39.7, "pct_hh_hoog_inkomen": 19.6})
    assert all(c["holds"] for c in ok.values())
    rate = national_columns.check_national_shares({"pct_hh_laag_inkomen": 7.5, "pct_hh_hoog_inkomen": 19.6})
    assert not rate["pct_hh_laag_inkomen"]["holds"]
    assert not national_columns.check_national_shares({})["pct_hh_hoog_inkomen"]["holds"]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_columns_are_in_the_data_dictionary_with_their_year(lang):
    with language(lang):
        rows = dictionary.describe({})
    year = [k for k in rows[0] if k in ("Year", "Jaar")][0]
    by_name = {r[next(iter(r))]: r for r in rows}
    assert by_name["gm_gas_m3"][year] == "2022" and by_name["gm_woz_keur"][year] == "2021"
    assert by_name["gas_m3"][year] == ""  # a buurt column's year comes from the build, not from here
