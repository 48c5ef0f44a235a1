"""The trends tables of the Data & method page: matches per edition with reasons, and the years per indicator."""

from geo import i18n
from geo.report import trends

REPORT = {
    "editions": {
        "KWB 2016": {"matched": 55, "of": 57, "absent": ["BU09179999"], "changed": ["BU09171000"]},
        "KWB 2020": {"matched": 57, "of": 57, "absent": [], "changed": []},
    },
    "indicators": {"gas_m3": [2016, 2017, 2018, 2019], "inhabitants": [2020]},
    "with_trend": ["gas_m3"],
}


def test_each_edition_says_how_many_buurten_matched_and_why_others_did_not():
    with i18n.language("en"):
        table = trends.matches_table(REPORT, {"BU09171000": "Maria Gewanden"}).set_index("edition")
    assert table.loc["KWB 2016", "matched"] == 55 and table.loc["KWB 2016", "of"] == 57
    why = table.loc["KWB 2016", "not_matched"]
    assert "BU09179999: code not in this edition" in why
    assert "Maria Gewanden (BU09171000): code or boundary changed in a later edition" in why
    assert table.loc["KWB 2020", "not_matched"] == "–"
    assert list(table.reset_index().columns) == list(trends.MATCHES_TABLE)


def test_reasons_in_dutch_and_an_older_build_without_trends_gives_an_empty_table():
    with i18n.language("nl"):
        table = trends.matches_table(REPORT)
        assert "code komt niet voor in deze editie" in table.iloc[0]["not_matched"]
        assert trends.matches_table({}).empty and trends.years_table({}).empty


def test_years_per_indicator_and_whether_it_has_a_trend():
    with i18n.language("en"):
        table = trends.years_table(REPORT).set_index("indicator")
    assert table.loc["Gas use per dwelling", "years"] == "2016, 2017, 2018, 2019"
    assert table.loc["Gas use per dwelling", "trend"] == "yes" and table.loc["Inhabitants", "trend"] == "no"
