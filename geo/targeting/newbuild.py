"""New-build targeting: housing target, growth scenarios and a score per buurt.

Pure functions, no Streamlit. The buurt score has three visible parts:
(a) thinning ("verdunnen"): demolish label E-G dwellings and build fewer near-zero-energy
homes; (b) mixing target groups without displacing residents ("mengen zonder te
verdringen"): add the tenure that moves the buurt's mix most towards the Heerlen mix;
(c) transformation locations marked by the user.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import config
from geo.i18n import N_, _
from geo.params import MIX_REFERENCE_SHARE
from geo.vocab import CO2_GAS_KG_PER_M3, POOR_LABELS  # noqa: F401  POOR_LABELS: read from here by newbuild_score
from geo.vocab import TENURE_COLUMN_BY_NAME as TENURE_COLUMNS  # tenures by name, as in the stock cells table
from geo.vocab import TENURE_NAME_LIST as TENURES

TARGET_2030 = 2250
TARGET_2032 = 2500
LIMBURG_HOUSING_DEAL = 26_550  # later raised by 3,000 to 29,550
TARGET_START_YEAR = 2022  # year the provincial housing deals were signed; the target path starts here (setting)
TARGET_SOURCE = N_(
    "Gemeente Heerlen, meeting notes with Bouwend Nederland: 2,250 new homes by 2030 and at least 2,500 by 2032, "
    "Heerlen's share of the Limburg housing deal (woondeal) of 26,550 homes (later raised by 3,000 to 29,550)."
)


@dataclass(frozen=True)
class HousingTarget:
    """A municipality's published housing target: homes by 2030 and by 2032, and where it is published."""

    by_2030: int
    by_2032: int
    source: str  # a message id
    deal: int | None = None  # the provincial housing deal it is a share of


# Published targets that ship with the app, by CBS municipality code (Heerlen's is the shipped default's).
PUBLISHED_TARGETS = {config.GEMEENTE_CODE: HousingTarget(TARGET_2030, TARGET_2032, TARGET_SOURCE, LIMBURG_HOUSING_DEAL)}


def published_target(code: str) -> HousingTarget | None:
    """The housing target published for municipality ``code``, or None when none ships with the app.

    Examples
    --------
    >>> published_target(config.GEMEENTE_CODE).by_2032, published_target("GM0000")
    (2500, None)
    """
    return PUBLISHED_TARGETS.get(code)

# Growth scenarios: yearly household change. Defaults and what they rest on.
# Shrink: PBL/CBS Regionale prognose 2017-2040 (CBS StatLine 83490NED) expects 294.0 thousand private
# households in COROP Zuid-Limburg in 2040; KWB 2022 counts 300,155 in its 16 municipalities, so
# (294.0 / 300.155) ** (1 / 18) - 1 = -0.115 % per year, applied to Heerlen pro rata.
SHRINK_RATE = (294_000 / 300_155) ** (1 / 18) - 1
SCENARIOS = {
    "cbs_forecast_shrink": {
        "label": N_("CBS forecast (shrink)"),
        "rate_per_year": SHRINK_RATE,
        "extra_households_per_year": 0.0,
        "basis": N_("PBL/CBS regional forecast 2017-2040 (83490NED) for Zuid-Limburg, −0.115% a year, applied to "
                    "Heerlen"),
    },
    "migration": {
        "label": N_("Migration"),
        "rate_per_year": 0.0,
        "extra_households_per_year": None,  # None = the KWB 2016-2020 trend (see household_trend)
        "basis": N_("User assumption: the observed KWB 2016-2020 household trend of Heerlen (net in-migration) "
                    "continues"),
    },
    "plus_ambition": {
        "label": N_("Plus ambition"),
        "rate_per_year": 0.0,
        "extra_households_per_year": None,
        "ambition_households_per_year": 100.0,
        "basis": N_("User assumption: the migration trend plus 100 extra households a year attracted by policy"),
    },
}

TARGET_SERIES = N_("Target")  # the target path beside the scenarios (need_lines)
TARGET_COLUMN = N_("Target (cumulative)")  # its column in need_per_year
SCENARIO_INPUTS = ("rate", "extra", "ambition")  # what the user can edit of a scenario, in this order
REPLACEMENT_RATIO = 0.5  # M new homes per N demolished (M <= N), setting
SPREAD_OVER_BEST = 10  # the New-build suggestion spreads the target over this many best-scoring buurten
THINNING_SHARE = 0.5  # share of a buurt's allocated new homes built as replacement for demolished E-G homes
MIN_HOUSEHOLDS = 50  # buurten with fewer households get no score (too small to build in meaningfully)
VACANCY_FALLBACK_PCT = 5.0  # unoccupied share of the stock when KWB has no figure for the municipality


def spread_over_best(buurten: int) -> int:
    """How many best-scoring buurten the suggestion spreads over by default: 10, or all when there are fewer.

    Examples
    --------
    >>> spread_over_best(57), spread_over_best(4), spread_over_best(0)
    (10, 4, 1)
    """
    return min(SPREAD_OVER_BEST, max(1, buurten))


def household_trend(series: pd.Series) -> float:
    """Least-squares slope of a household series in households per year."""
    s = series.dropna()
    return float(np.polyfit(s.index.to_numpy(dtype=float), s.to_numpy(), 1)[0])


def target_path(years, start_year: int = TARGET_START_YEAR, target_2030: float = TARGET_2030,
                target_2032: float = TARGET_2032) -> np.ndarray:
    """Cumulative target: linear from 0 at ``start_year`` to ``target_2030`` in 2030 and ``target_2032`` in 2032.

    Examples
    --------
    >>> target_path([2022, 2026, 2031], 2022, target_2030=800, target_2032=1000).tolist()
    [0.0, 400.0, 900.0]
    """
    return np.interp(np.asarray(years, dtype=float), [start_year, 2030, 2032], [0, target_2030, target_2032])


def homes_needed(households_0: float, stock_0: float, base_year: int, trend_per_year: float,
                 scenarios: dict | None = None, vacancy_pct: float = 5.0, target_vacancy_pct: float | None = None,
                 demolitions_per_year: float = 0.0, end_year: int = 2032,
                 target_start_year: int = TARGET_START_YEAR, target_2030: float = TARGET_2030,
                 target_2032: float = TARGET_2032) -> pd.DataFrame:
    """Homes needed per year to ``end_year`` per scenario, against the housing target.

    Households grow as ``h(y) = h(y-1) x (1 + rate) + extra``. The required stock keeps
    today's ratio of stock to households, corrected for a change of vacancy:
    ``required(y) = stock_0 x h(y) / h_0 x (1 - vacancy) / (1 - target_vacancy)``.
    Homes needed (cumulative) = ``max(0, required(y) - stock_0)`` + demolitions to replace.

    Returns
    -------
    DataFrame
        ``scenario``, ``label``, ``year``, ``households``, ``required_stock``, ``homes_needed_cum``,
        ``homes_needed_year``, ``target_cum`` (:func:`target_path` to ``target_2030`` and ``target_2032``) and
        ``target_minus_need`` (positive: the target builds more than household growth needs,
        room for thinning and replacement).
    """
    scenarios = SCENARIOS if scenarios is None else scenarios
    tv = vacancy_pct if target_vacancy_pct is None else target_vacancy_pct
    rows = []
    for key, sc in scenarios.items():
        extra = trend_per_year if sc.get("extra_households_per_year") is None else sc["extra_households_per_year"]
        extra += sc.get("ambition_households_per_year", 0.0)
        h = float(households_0)
        prev_need = 0.0
        for year in range(base_year, end_year + 1):
            if year > base_year:
                h = h * (1 + sc["rate_per_year"]) + extra
            required = stock_0 * h / households_0 * (1 - vacancy_pct / 100) / (1 - tv / 100)
            need = max(0.0, required - stock_0) + demolitions_per_year * (year - base_year)
            rows.append((key, sc["label"], year, h, required, need, need - prev_need))
            prev_need = need
    out = pd.DataFrame(rows, columns=[
        "scenario", "label", "year", "households", "required_stock", "homes_needed_cum", "homes_needed_year",
    ])
    out["target_cum"] = target_path(out["year"], target_start_year, target_2030, target_2032)
    out["target_minus_need"] = out["target_cum"] - out["homes_needed_cum"]
    return out


@dataclass(frozen=True, eq=False)
class HouseholdBase:
    """Where the growth scenarios start: the municipality's households, dwelling stock and vacancy (CBS KWB).

    Attributes
    ----------
    series : Series
        Private households per KWB year.
    trend : float
        Least-squares household change per year over the series.
    base_year : int
        Latest year with a household count; ``households`` is that count.
    households, stock : float
        Households and dwelling stock in the base year (the stock of the latest year before it when missing).
    stock_year : int
        Year of ``stock``.
    vacancy_pct : float
        Latest unoccupied share of the stock (%), :data:`VACANCY_FALLBACK_PCT` without a figure.
    vacancy_year : int or None
        Year of ``vacancy_pct`` (None for the fallback).
    """

    series: pd.Series
    trend: float
    base_year: int
    households: float
    stock: float
    stock_year: int
    vacancy_pct: float
    vacancy_year: int | None


def household_base(gemeente: pd.DataFrame) -> HouseholdBase:
    """Find where the scenarios start in the municipality's table of households, stock and vacancy per year.

    ``gemeente`` is :func:`geo.io.processed.read_gemeente_households`: one row per KWB year with ``year``,
    ``households``, ``dwellings`` and ``pct_unoccupied``.
    """
    g = gemeente.set_index("year").sort_index()
    series = g["households"].astype(float)
    stock_series = g["dwellings"].dropna()
    vacancy = g["pct_unoccupied"].dropna()
    base_year = int(series.dropna().index.max())
    return HouseholdBase(
        series=series,
        trend=household_trend(series),
        base_year=base_year,
        households=float(series[base_year]),
        stock=float(stock_series.get(base_year, stock_series.iloc[-1])),
        stock_year=int(base_year if base_year in stock_series.index else stock_series.index[-1]),
        vacancy_pct=float(vacancy.iloc[-1]) if len(vacancy) else VACANCY_FALLBACK_PCT,
        vacancy_year=int(vacancy.index[-1]) if len(vacancy) else None,
    )


def scenario_defaults(trend_per_year: float) -> dict[str, dict[str, float]]:
    """Give the editable inputs of each scenario at their defaults, named as in :data:`SCENARIO_INPUTS`.

    ``rate`` is the growth rate in % per year, ``extra`` and ``ambition`` are households per year; a scenario
    without its own number of extra households takes the observed trend, rounded to whole households.
    """
    out = {}
    for key, sc in SCENARIOS.items():
        extra = sc.get("extra_households_per_year")
        out[key] = {"rate": round(sc["rate_per_year"] * 100, 3),
                    "extra": float(round(trend_per_year if extra is None else extra)),
                    "ambition": float(sc.get("ambition_households_per_year", 0.0))}
    return out


def user_scenarios(inputs: dict[str, tuple[float, float, float]]) -> dict[str, dict]:
    """Return :data:`SCENARIOS` as the user set them, for :func:`homes_needed`.

    Parameters
    ----------
    inputs : dict
        Scenario key -> the values of :data:`SCENARIO_INPUTS`: (growth rate in % per year, extra households
        per year, ambition households per year); the ambition counts only for a scenario that has one.
    """
    out = {}
    for key, (rate_pct, extra, ambition) in inputs.items():
        sc = SCENARIOS[key]
        out[key] = {"label": sc["label"], "rate_per_year": float(rate_pct) / 100,
                    "extra_households_per_year": float(extra),
                    "ambition_households_per_year": float(ambition) if "ambition_households_per_year" in sc else 0.0}
    return out


def need_lines(need: pd.DataFrame) -> pd.DataFrame:
    """Cumulative homes needed per scenario plus the target path, long (``series``, ``year``, ``homes``) for a chart.

    The scenario lines are named by ``need``'s ``label``; the target path by :data:`TARGET_SERIES` in the
    language in force.
    """
    lines = need[["label", "year", "homes_needed_cum"]].rename(columns={"label": "series", "homes_needed_cum": "homes"})
    target = need.drop_duplicates("year")[["year", "target_cum"]].rename(columns={"target_cum": "homes"})
    return pd.concat([lines, target.assign(series=_(TARGET_SERIES))])


def need_per_year(need: pd.DataFrame) -> pd.DataFrame:
    """Homes needed per year per scenario (one column per scenario label) and the cumulative target, rounded.

    Scenario labels and :data:`TARGET_COLUMN` are catalogue message ids: translate them where shown.
    """
    wide = need.pivot_table(index="year", columns="label", values="homes_needed_year", aggfunc="sum").round(0)
    wide[TARGET_COLUMN] = need.drop_duplicates("year").set_index("year")["target_cum"].round(0)
    return wide.reset_index()


def need_at_end(need: pd.DataFrame) -> pd.DataFrame:
    """Select the last year of :func:`homes_needed` per scenario (index: scenario label)."""
    return need[need["year"] == need["year"].max()].set_index("label")


def tenure_shares(buurten: pd.DataFrame) -> pd.DataFrame:
    """Tenure shares (0-1) per buurt from the KWB percentages (index buurt_code); NaN stays NaN."""
    t = buurten.set_index("buurt_code")[[TENURE_COLUMNS[k] for k in TENURES]].astype(float) / 100.0
    t.columns = list(TENURES)
    return t


def gemeente_mix(buurten: pd.DataFrame) -> pd.Series:
    """Heerlen tenure mix: buurt shares weighted by dwellings."""
    t = tenure_shares(buurten)
    w = buurten.set_index("buurt_code")["dwellings"].where(t.notna().all(axis=1))
    mix = (t.mul(w, axis=0)).sum() / w.sum()
    return mix / mix.sum()


def mix_distance(shares: pd.DataFrame, reference: pd.Series) -> pd.Series:
    """Total-variation distance (0-1) between each row's tenure mix and the reference."""
    return 0.5 * (shares[list(TENURES)] - reference[list(TENURES)]).abs().sum(axis=1, min_count=3)


def add_homes(shares: pd.DataFrame, dwellings: pd.Series, tenure: pd.Series, homes: pd.Series) -> pd.DataFrame:
    """Tenure shares after adding ``homes`` of the given tenure per buurt (nobody leaves)."""
    counts = shares.mul(dwellings, axis=0)
    for t in TENURES:
        counts[t] = counts[t] + homes.where(tenure == t, 0.0)
    return counts.div(counts.sum(axis=1), axis=0)


def best_mixing_tenure(shares: pd.DataFrame, dwellings: pd.Series, reference: pd.Series,
                       share: float = MIX_REFERENCE_SHARE) -> pd.DataFrame:
    """The tenure whose addition moves each buurt's mix most towards the Heerlen mix.

    Where social rent dominates this is owner-occupied or private (mid-rent) homes; where
    owner-occupation dominates, social rent.

    Returns
    -------
    DataFrame
        Index buurt_code; ``mix_tenure_added``, ``mix_distance_before``, ``mix_distance_after``
        (after adding ``share`` x the buurt's stock in homes, so large and small buurten compare
        fairly) and ``mix_gain`` (before - after).
    """
    before = mix_distance(shares, reference)
    best = pd.DataFrame(index=shares.index)
    options = {}
    for t in TENURES:
        after = add_homes(shares, dwellings, pd.Series(t, index=shares.index), dwellings.astype(float) * share)
        options[t] = mix_distance(after, reference)
    opts = pd.DataFrame(options)
    complete = opts.notna().all(axis=1)
    best["mix_tenure_added"] = opts[complete].idxmin(axis=1).reindex(opts.index)
    best["mix_distance_before"] = before
    best["mix_distance_after"] = opts.min(axis=1, skipna=False)
    best["mix_gain"] = best["mix_distance_before"] - best["mix_distance_after"]
    return best
