"""Every published benchmark names what it is, its year and its source; keys are unique and match."""

from geo import i18n
from geo.catalog.benchmarks import BENCHMARKS
from geo.i18n import _


def test_every_benchmark_is_sourced_and_dated():
    for key, b in BENCHMARKS.items():
        assert b.key == key
        assert b.source and b.year and b.unit and b.label, key


def test_the_national_energy_poverty_figures_are_the_monitors():
    assert BENCHMARKS["lihelek_nl_2019"].value == 8.6 and BENCHMARKS["heq_nl_2019"].value == 7.4
    # LIHELEK is LIHE or LILEK: never below either component of the same year
    parts = BENCHMARKS["lihe_nl_2019"].value, BENCHMARKS["lilek_nl_2019"].value
    assert BENCHMARKS["lihelek_nl_2019"].value >= max(parts)


def test_the_shown_texts_are_marked_for_the_catalogue_and_read_dutch():
    heq = BENCHMARKS["heq_nl_2019"]
    with i18n.language("nl"):
        assert _(heq.label) == "Huishoudens met een hoge energiequote (HEQ), Nederland"
        assert _(heq.unit) == "% van de huishoudens"
        assert _(BENCHMARKS["lihelek_nl_2023"].year) == "2023 (herzien)"
        assert _(BENCHMARKS["gas_gap_a_vs_g_majcen"].source) == BENCHMARKS["gas_gap_a_vs_g_majcen"].source
    with i18n.language("en"):
        assert _(heq.label) == heq.label
