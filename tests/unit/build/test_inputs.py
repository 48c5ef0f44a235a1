"""The build's first stages on a tiny Heerlen: the join report per source year and the choice of editions."""

import pytest

from geo.build import inputs
from geo.catalog import dictionary
from tests.support.tiny_heerlen import raw_inputs


@pytest.fixture
def raw():
    return raw_inputs()


def test_join_reports_list_unmatched_codes_per_source_year(raw):
    joins = inputs.join_reports(raw)
    assert list(joins) == ["KWB 2017", "KWB 2018", "Benefits 2023", "Benefits 2024"]
    assert joins["KWB 2017"]["matched"] == 3
    assert joins["KWB 2018"]["statistics_without_polygon"] == ["BU09179999"]
    assert joins["Benefits 2024"]["polygons_without_statistics"] == []


def test_choose_editions_takes_the_latest_filled_edition_and_the_year_it_describes(raw):
    editions = inputs.choose_editions(raw)
    assert editions.kwb["gas_m3"] == 2018
    assert editions.columns["gas_m3"] == {"edition": "KWB 2018", "year": 2018, "coverage": "2 of 3"}
    # Income only in 2017, describing three years earlier.
    assert editions.columns["income_per_inhabitant_keur"] == {"edition": "KWB 2017", "year": 2017, "coverage": "3 of 3"}
    assert editions.benefits_period == "2024 Q1"
    assert editions.columns["pct_social_assistance"] == {"edition": "85586NED 2024 Q1", "year": "2024 Q1",
                                                         "coverage": "2 of 3"}
    kwb_first = [c.name for c in dictionary.COLUMNS if c.kwb]
    assert list(editions.columns) == [*kwb_first, "pct_social_assistance", "social_assistance_persons"]
