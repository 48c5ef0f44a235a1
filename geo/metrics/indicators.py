"""Derived indicators: pure functions of the processed data and the user's settings.

The energy bill and energy quote are *estimates*: measured average use per
dwelling times configurable prices, divided by an approximate household income.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.metrics import income
from geo.params import Prices, QuoteThreshold


def energy_bill(gas_m3: pd.Series, electricity_kwh: pd.Series, prices: Prices) -> pd.Series:
    """Estimated yearly energy bill per dwelling in euro.

    Missing use stays missing: a buurt without a gas figure has no bill estimate.

    Examples
    --------
    >>> energy_bill(pd.Series([1000.0]), pd.Series([2000.0]), Prices(1.0, 0.25)).tolist()
    [1500.0]
    """
    return gas_m3 * prices.gas_eur_per_m3 + electricity_kwh * prices.electricity_eur_per_kwh


def energy_quote(bill_eur: pd.Series, income_eur: pd.Series) -> pd.Series:
    """Energy quote in percent of income; missing or non-positive income gives NaN."""
    income = income_eur.where(income_eur > 0)
    return 100.0 * bill_eur / income


def add_derived(buurten: pd.DataFrame, prices: Prices, threshold: QuoteThreshold, income_year: int) -> pd.DataFrame:
    """Return a copy of ``buurten`` with the derived energy columns added.

    Parameters
    ----------
    buurten : DataFrame
        Needs ``gas_m3``, ``electricity_kwh``, ``income_per_inhabitant_keur`` and ``household_size``.
    prices : Prices
        Energy prices.
    threshold : QuoteThreshold
        The high-energy-quote threshold.
    income_year : int
        The year the income figures describe (the CBS low-income line of that year calibrates the model).

    Returns
    -------
    DataFrame
        With ``energy_bill_eur``, ``household_income_eur``, ``energy_quote_pct``,
        ``high_energy_quote`` (boolean; missing where the quote is missing) and
        ``pct_high_quote_households`` (modelled share of households at or above the threshold).
    """
    out = buurten.copy()
    out["energy_bill_eur"] = energy_bill(out["gas_m3"], out["electricity_kwh"], prices)
    out["household_income_eur"] = income.household_income(out["income_per_inhabitant_keur"], out["household_size"])
    out["energy_quote_pct"] = energy_quote(out["energy_bill_eur"], out["household_income_eur"])
    high = out["energy_quote_pct"] >= threshold.pct
    out["high_energy_quote"] = high.astype("boolean").where(out["energy_quote_pct"].notna())
    out["pct_high_quote_households"] = 100.0 * high_quote_share(out, threshold, income_year)
    return out


def high_quote_share(table: pd.DataFrame, threshold: QuoteThreshold, income_year: int) -> np.ndarray:
    """Modelled share of households whose energy quote is at or above the threshold.

    Household incomes within a buurt are taken as lognormal around the approximate
    household income, with the spread calibrated so that the share below the CBS
    low-income line equals the buurt's measured low-income share (see
    :mod:`geo.metrics.income`). Buurten without a bill or income stay missing.
    """
    line = income.low_income_line(table["household_size"], income_year)
    sigma = income.calibrate_sigma(table["household_income_eur"], table["pct_low_income"], line)
    sigma = np.where(table["pct_low_income"].notna(), income.fill_sigma(sigma), np.nan)
    return income.high_quote_share(table["energy_bill_eur"], table["household_income_eur"], sigma, threshold.pct)
