"""The Monitor columns: four per indicator, the share on the map with its rule, the band beside it."""

from geo.catalog.monitor_columns import INDICATORS, MONITOR_COLUMNS
from geo.i18n import language


def test_four_columns_per_indicator_and_only_the_share_on_the_map():
    assert len(MONITOR_COLUMNS) == 4 * len(INDICATORS) == 20
    on_map = [c.name for c in MONITOR_COLUMNS if c.on_map]
    assert on_map == [f"pct_{k}_households" for k in INDICATORS]


def test_each_share_states_its_rule_and_is_marked_an_estimate():
    shares = {c.name: c for c in MONITOR_COLUMNS if c.on_map}
    with language("en"):
        lihe = shares["pct_lihe_households"].display_meaning()
        assert "130 % of the CBS low-income line" in lihe and "1,213" in lihe
        assert "LIHE or LILEK" in shares["pct_lihelek_households"].display_meaning()
    with language("nl"):
        lihe = shares["pct_lihe_households"].display_meaning()
        assert "130% van de lage-inkomensgrens van het CBS" in lihe and "€ 1.213" in lihe
        assert "Inkomensmodel binnen de buurt" in lihe  # the model note follows the rule
    assert all(c.kind == "estimated" and c.higher_is_worse for c in shares.values())


def test_the_acronyms_stay_and_the_words_around_them_are_translated():
    households = next(c for c in MONITOR_COLUMNS if c.name == "households_lekwi")
    with language("nl"):
        assert households.display_label() == "LEKWI: huishoudens"
        assert households.display_unit() == "huishoudens"
    with language("en"):
        assert households.display_label() == "LEKWI: households"
    shares = [c for c in MONITOR_COLUMNS if c.on_map]
    with language("nl"):
        assert [c.display_label() for c in shares] == [
            "Hoge energiequote (HEQ)", "Laag inkomen, hoge kosten (LIHE)", "Laag inkomen, slecht label (LILEK)",
            "Slecht label, weinig middelen (LEKWI)", "Energiearm (LIHELEK)",
        ]
