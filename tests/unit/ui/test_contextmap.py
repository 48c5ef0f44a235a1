from geo.i18n import language
from ui import contextmap


def test_a_metric_shows_a_short_number_never_a_unit_that_would_be_cut_off():
    with language("nl"):
        share = contextmap.metric_text(55.04, "gm_pct_bottom40_households")
        people = contextmap.metric_text(87_300, "gm_inhabitants")
        missing = contextmap.metric_text(float("nan"), "gm_inhabitants")
    assert share == "55%" and people == "87.300" and missing == "–"
