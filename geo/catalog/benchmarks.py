"""Published figures a model figure of Buurtkompas should approach, each with its source and year.

The validation view on the Data & method page sets every model figure beside the
benchmark named here, with the gap in percent; each benchmark is also a test with a
stated tolerance, so a regression shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.i18n import N_


@dataclass(frozen=True)
class Benchmark:
    """One published figure.

    Attributes
    ----------
    key : str
        Short name used in code and tests.
    label : str
        What the figure is, in the users' words.
    value : float
        The published value.
    unit : str
        Its unit.
    year : str
        The year (or period) it describes.
    source : str
        Publisher and publication.

    ``label``, ``unit``, ``year`` and ``source`` are marked for the catalogue (:func:`geo.i18n.N_`): translate them
    with ``_()`` where they are shown.
    """

    key: str
    label: str
    value: float
    unit: str
    year: str
    source: str


MONITOR = N_("TNO/CBS Monitor Energiearmoede")

BENCHMARKS: dict[str, Benchmark] = {
    b.key: b
    for b in [
        Benchmark("energy_quote_all_households_nl_2024",
                  N_("Energy bill as a share of disposable income, all households, the Netherlands"), 5.0,
                  N_("% of income"), N_("2024"), N_("TNO/CBS Monitor Energiearmoede (about 5 %)")),
        Benchmark("heq_nl_2019", N_("Households with a high energy quote (HEQ), the Netherlands"), 7.4,
                  N_("% of households"), N_("2019"), N_("TNO/CBS Monitor Energiearmoede, 2019 components")),
        Benchmark("lihe_nl_2019", N_("Low income and high energy costs (LIHE), the Netherlands"), 6.1,
                  N_("% of households"), N_("2019"), N_("TNO/CBS Monitor Energiearmoede, 2019 components")),
        Benchmark("lilek_nl_2019", N_("Low income and low energy quality (LILEK), the Netherlands"), 5.4,
                  N_("% of households"), N_("2019"), N_("TNO/CBS Monitor Energiearmoede, 2019 components")),
        Benchmark("lihelek_nl_2019", N_("Energy-poor households (LIHELEK), the Netherlands"), 8.6,
                  N_("% of households"), N_("2019"), N_("TNO/CBS Monitor Energiearmoede")),
        Benchmark("lihelek_nl_2023", N_("Energy-poor households (LIHELEK), the Netherlands"), 4.0,
                  N_("% of households"), N_("2023 (revised)"), N_("TNO/CBS Monitor Energiearmoede")),
        Benchmark("energy_poor_in_corporation_housing",
                  N_("Share of energy-poor households renting from a housing corporation"), 75.0,
                  N_("% of energy-poor households"), N_("2024"),
                  N_("TNO, Landelijk Programma Energiearmoede (2024 figures): about three quarters")),
        Benchmark("gas_gap_a_vs_g_majcen", N_("Measured gas use, label A against label G"), 28.0, N_("% less for A"),
                  N_("2013"), N_("Majcen, Itard & Visscher (TU Delft, 2013), Energy Policy 54")),
        Benchmark("gas_gap_a_vs_g_rabo", N_("Measured gas use, label A against label G (same type and size)"), 34.0,
                  N_("% less for A"), N_("2023"), N_("RaboResearch (2023), on WoON data")),
    ]
}
