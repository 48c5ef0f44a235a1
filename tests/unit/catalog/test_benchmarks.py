"""Every published benchmark names what it is, its year and its source; keys are unique and match."""

from geo.catalog.benchmarks import BENCHMARKS


def test_every_benchmark_is_sourced_and_dated():
    for key, b in BENCHMARKS.items():
        assert b.key == key
        assert b.source and b.year and b.unit and b.label, key


def test_the_national_energy_poverty_figures_are_the_monitors():
    assert BENCHMARKS["lihelek_nl_2019"].value == 8.6 and BENCHMARKS["heq_nl_2019"].value == 7.4
    # LIHELEK is LIHE or LILEK: never below either component of the same year
    parts = BENCHMARKS["lihe_nl_2019"].value, BENCHMARKS["lilek_nl_2019"].value
    assert BENCHMARKS["lihelek_nl_2019"].value >= max(parts)
