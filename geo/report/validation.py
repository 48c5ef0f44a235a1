"""The validation view: every model figure beside the published figure it should approach.

Each :class:`Check` names the model figure, the benchmark (a published figure from
:mod:`geo.catalog.benchmarks`, or a measured CBS figure), the gap in percent, the
tolerance the tests hold it to, and a one-line reading. The Data & method page shows
:func:`validation_table`; tests assert every check stays within its tolerance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from geo import config, i18n
from geo.catalog.benchmarks import BENCHMARKS, Benchmark
from geo.i18n import N_, _
from geo.targeting import retrofit


@dataclass(frozen=True)
class Check:
    """One model figure against one benchmark.

    Attributes
    ----------
    figure : str
        What the model figure is, in the users' words, with its year (already in the user's language).
    model : float
        The model's value.
    benchmark : Benchmark
        The published (or measured) figure it should approach.
    tolerance_pct : float
        Largest gap, in % of the benchmark, the tests accept.
    reading : str
        One line: what the gap means (already in the user's language).
    band : str
        The model's uncertainty band as text, in the user's number format ('' when it has none).
    """

    figure: str
    model: float
    benchmark: Benchmark
    tolerance_pct: float
    reading: str
    band: str = ""

    @property
    def gap_pct(self) -> float:
        """Model minus benchmark, in % of the benchmark (NaN when either is missing or the benchmark is zero).

        Examples
        --------
        >>> b = Benchmark("x", "x", 8.0, "%", "2019", "s")
        >>> Check("f", 10.0, b, 30.0, "").gap_pct
        25.0
        """
        if self.model is None or math.isnan(self.model) or not self.benchmark.value:
            return float("nan")
        return 100.0 * (self.model - self.benchmark.value) / self.benchmark.value

    @property
    def within_tolerance(self) -> bool:
        """Whether the gap is within the tolerance (False when the model has no value)."""
        return not math.isnan(self.gap_pct) and abs(self.gap_pct) <= self.tolerance_pct


# The validation table's columns and their headers (marked for the catalogue; ui.tables.show translates them).
VALIDATION_TABLE = {
    "figure": N_("Model figure"),
    "model": (N_("Model"), "%.1f"),
    "band": N_("Band"),
    "benchmark": N_("Benchmark"),
    "describes": N_("Benchmark describes"),
    "source": N_("Source"),
    "gap_pct": (N_("Gap (%)"), "%+.0f"),
    "tolerance_pct": (N_("Tolerance (%)"), "%.0f"),
    "within": (N_("Within tolerance"), "check"),
    "reading": N_("Reading"),
}


def benchmark_text(benchmark: Benchmark) -> str:
    """A benchmark's value and unit in the user's language and number format ("7,4 % van de huishoudens")."""
    decimals = 0 if float(benchmark.value).is_integer() else 1
    return _("{value} {unit}").format(value=i18n.number(benchmark.value, decimals), unit=_(benchmark.unit))


def validation_table(checks: list[Check]) -> pd.DataFrame:
    """The checks as a table for the page: figure, model, benchmark with its year and source, gap, reading.

    The columns are the keys of :data:`VALIDATION_TABLE`; texts of the benchmarks are translated here, the
    figures and readings of the checks are already in the user's language.
    """
    return pd.DataFrame(
        {
            "figure": [c.figure for c in checks],
            "model": [round(c.model, 1) for c in checks],
            "band": [c.band for c in checks],
            "benchmark": [benchmark_text(c.benchmark) for c in checks],
            "describes": [_("{label}, {year}").format(label=_(c.benchmark.label), year=_(c.benchmark.year))
                          for c in checks],
            "source": [_(c.benchmark.source) for c in checks],
            "gap_pct": [round(c.gap_pct, 0) for c in checks],
            "tolerance_pct": [c.tolerance_pct for c in checks],
            "within": [c.within_tolerance for c in checks],
            "reading": [c.reading for c in checks],
        }
    )


# Municipalities whose model figures were checked against published benchmarks (the readings below are theirs):
# the shipped default only. The Data & method page says so for any other municipality.
VALIDATED = {config.GEMEENTE_CODE: config.GEMEENTE_NAME}


def stock_gas_check(stock_validation: pd.DataFrame, buurten: pd.DataFrame) -> Check:
    """Heerlen's measured gas use against the use the housing-stock model predicts, dwelling-weighted.

    Parameters
    ----------
    stock_validation : DataFrame
        The build's gas check per buurt (``gas_m3_measured``, ``gas_m3_predicted``).
    buurten : DataFrame
        The processed buurt table (``buurt_code``, ``dwellings``), for the weights.
    """
    v = stock_validation.merge(buurten[["buurt_code", "dwellings"]], on="buurt_code", how="left")
    ok = v[["gas_m3_measured", "gas_m3_predicted", "dwellings"]].notna().all(axis=1)
    w = v.loc[ok, "dwellings"]
    measured = float((v.loc[ok, "gas_m3_measured"] * w).sum() / w.sum())
    predicted = float((v.loc[ok, "gas_m3_predicted"] * w).sum() / w.sum())
    median_error = float(v.loc[ok, "gas_m3_error_pct"].abs().median())
    bench = Benchmark("gas_measured", N_("Measured gas use per dwelling, Heerlen buurten with a figure"),
                      round(measured), N_("m3 per dwelling"), N_("2019"),
                      N_("CBS Kerncijfers wijken en buurten 2019 (KWB)"))
    return Check(
        figure=_("Gas use per dwelling predicted from the estimated housing stock (VIVET), Heerlen"),
        model=predicted, benchmark=bench, tolerance_pct=5.0,
        reading=_("The level is fitted (leave-one-out), so the Heerlen total agrees by design; per buurt the median "
                  "error is {error} %: the spread between buurten is the real test.").format(
                      error=i18n.number(median_error, 0)),
    )


def label_gap_checks(factors: pd.DataFrame) -> list[Check]:
    """Heerlen's A-versus-G gap in gas use (the model's label factors) against Majcen and RaboResearch.

    The tolerance of each, 30 % of the benchmark, is about the 8 percentage points the two measured
    gaps themselves differ by.
    """
    heerlen = 100.0 * retrofit.label_gap(factors)
    return [
        Check(
            figure=_("Gas use, label A against label G, same dwelling type and floor area (VIVET, Heerlen)"),
            model=heerlen, benchmark=BENCHMARKS[key], tolerance_pct=30.0,
            reading=_("Measured gaps lie between {low} and {high} %; the label model itself predicts about {label} %.")
            .format(low=i18n.number(28), high=i18n.number(34), label=i18n.number(70)),
        )
        for key in ("gas_gap_a_vs_g_majcen", "gas_gap_a_vs_g_rabo")
    ]


# One line per Monitor indicator: why Heerlen's estimate may differ from the national value of 2019.
MONITOR_READINGS = {
    "heq": N_("Heerlen has more low incomes than the Netherlands, so HEQ should be higher; the model's bill leaves "
              "out fixed charges per connection, which pulls HEQ (and LIHE) down."),
    "lihe": N_("Low income and a bill above the Monitor's threshold; the same missing fixed charges pull it down."),
    "lilek": N_("Low income and label E-G: Heerlen's older stock and lower incomes should put it above the national "
                "value."),
    "lihelek": N_("The headline figure: energy poverty concentrates outside the Randstad, South Limburg included, so "
                  "a value above the national one is expected; income 2018 and use 2019 against the Monitor's 2019."),
}
MONITOR_NAMES = {"heq": "HEQ", "lihe": "LIHE", "lilek": "LILEK", "lihelek": "LIHELEK"}


def monitor_checks(summary: dict) -> list[Check]:
    """Heerlen's estimated Monitor indicators against the national values of 2019, and the corporation share.

    Parameters
    ----------
    summary : dict
        :func:`geo.metrics.monitor.gemeente_summary`: per indicator ``pct``, ``p05``, ``p95``, and
        ``corporation_share_of_energy_poor``.

    Notes
    -----
    Heerlen and the Netherlands are different populations, so the tolerance is wide (60 %): it catches a model
    that breaks, not a Heerlen that differs. LEKWI has no published national figure in the shipped facts and is
    left out here (it is on the map and in the profile).
    """
    checks = []
    for key, name in MONITOR_NAMES.items():
        s = summary[key]
        checks.append(Check(
            figure=_("{name}, Heerlen, household-weighted (estimated)").format(name=name), model=s["pct"],
            benchmark=BENCHMARKS[f"{key}_nl_2019"], tolerance_pct=60.0, reading=_(MONITOR_READINGS[key]),
            band=f"{i18n.number(s['p05'], 1)}-{i18n.number(s['p95'], 1)}",
        ))
    checks.append(Check(
        figure=_("Energy-poor households (LIHELEK) renting from a housing corporation, Heerlen (estimated)"),
        model=summary["corporation_share_of_energy_poor"],
        benchmark=BENCHMARKS["energy_poor_in_corporation_housing"], tolerance_pct=35.0,
        reading=_("Depends on the income gap between corporation tenants and others (Aedes) and on the tenure mix of "
                  "the E-G stock; a lower share means the model spreads energy poverty more over owners."),
    ))
    return checks
