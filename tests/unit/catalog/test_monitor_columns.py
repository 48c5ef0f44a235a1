"""The Monitor columns: four per indicator, the share on the map with its rule, the band beside it."""

from geo.catalog.monitor_columns import INDICATORS, MONITOR_COLUMNS


def test_four_columns_per_indicator_and_only_the_share_on_the_map():
    assert len(MONITOR_COLUMNS) == 4 * len(INDICATORS) == 20
    on_map = [c.name for c in MONITOR_COLUMNS if c.on_map]
    assert on_map == [f"pct_{k}_households" for k in INDICATORS]


def test_each_share_states_its_rule_and_is_marked_an_estimate():
    shares = {c.name: c for c in MONITOR_COLUMNS if c.on_map}
    lihe = shares["pct_lihe_households"]
    assert "130 % of the CBS low-income line" in lihe.meaning and "1,213" in lihe.meaning
    assert all(c.kind == "estimated" and c.higher_is_worse for c in shares.values())
    assert "LIHE or LILEK" in shares["pct_lihelek_households"].meaning
