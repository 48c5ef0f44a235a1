"""The three retrofit packages and the two costs per tonne CO2 (gross and net national).

A package is applied to every dwelling worse than the target label (method: ``docs/method/retrofit.md``):

* ``insulate``: gas falls to the use of the target label (label factors of the same type and floor area);
* ``hybrid``: no insulation; a hybrid heat pump replaces a share of the gas use, electricity rises by the heat it
  delivers / its COP;
* ``all_electric``: insulate to the target label, then an all-electric heat pump: gas to zero, electricity up by
  the remaining heat demand / COP.

Heat demand = gas x boiler efficiency x kWh per m3. Pure functions, no Streamlit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.params import PACKAGES
from geo.vocab import GAS_M3_PER_GJ, KWH_PER_GJ

KWH_PER_M3 = KWH_PER_GJ / GAS_M3_PER_GJ  # energy content of a m3 of natural gas, about 8.79 kWh


def package_use(gas_before_m3, gas_insulated_m3, package: str, hybrid_gas_share: float = sources.HYBRID_GAS_SHARE,
                cop: float = sources.COP_ALL_ELECTRIC, boiler_efficiency: float = sources.BOILER_EFFICIENCY):
    """Gas use and extra electricity per dwelling after a package.

    Parameters
    ----------
    gas_before_m3, gas_insulated_m3 : array-like
        Gas use today and after insulating to the target label (m3 per year).
    package : str
        One of :data:`geo.params.PACKAGES`.
    hybrid_gas_share : float
        Share of the gas use a hybrid heat pump replaces.
    cop : float
        Seasonal COP of the package's heat pump (unused for ``insulate``).
    boiler_efficiency : float
        Heat delivered per unit of gas burnt, to turn gas into heat demand.

    Returns
    -------
    (gas_after_m3, electricity_added_kwh) : tuple of arrays

    Examples
    --------
    >>> gas, kwh = package_use(np.array([1000.0]), np.array([800.0]), "all_electric", cop=3.0,
    ...                        boiler_efficiency=0.9)
    >>> float(gas[0]), round(float(kwh[0]))
    (0.0, 2110)
    """
    before = np.asarray(gas_before_m3, dtype=float)
    insulated = np.asarray(gas_insulated_m3, dtype=float)
    if package not in PACKAGES:
        raise ValueError(f"package must be one of {', '.join(PACKAGES)}, got {package!r}")
    if package == "insulate":
        return insulated, np.zeros_like(before)
    if package == "hybrid":
        replaced = before * hybrid_gas_share
        return before - replaced, replaced * boiler_efficiency * KWH_PER_M3 / cop
    return np.zeros_like(before), insulated * boiler_efficiency * KWH_PER_M3 / cop


def package_cost_per_dwelling(steps, per_step_eur, package: str, hybrid_cost: float = sources.HYBRID_HEAT_PUMP_EUR,
                              heat_pump_cost: float = sources.ALL_ELECTRIC_HEAT_PUMP_EUR):
    """Investment per upgraded dwelling of a package.

    Insulation: label steps x cost per step; hybrid: the heat pump; all-electric: both.

    Examples
    --------
    >>> package_cost_per_dwelling(np.array([2.0]), np.array([5000.0]), "all_electric", heat_pump_cost=12000.0)
    array([22000.])
    """
    insulation = np.asarray(steps, dtype=float) * np.asarray(per_step_eur, dtype=float)
    if package == "insulate":
        return insulation
    if package == "hybrid":
        return np.full_like(insulation, hybrid_cost)
    return insulation + heat_pump_cost


def annuity_factor(rate: float, years: int) -> float:
    """Share of an investment paid each year when spread evenly over ``years`` at interest ``rate``.

    Examples
    --------
    >>> round(annuity_factor(0.0225, 30), 4), annuity_factor(0.0, 4)
    (0.0462, 0.25)
    """
    if rate == 0:
        return 1.0 / years
    return rate / (1.0 - (1.0 + rate) ** -years)


def _positive(values):
    """``values`` with zero and negative entries as NaN (a Series stays a Series, a number a number)."""
    if isinstance(values, pd.Series):
        return values.astype(float).where(values > 0)
    return float(values) if values > 0 else np.nan


def gross_eur_per_tonne(investment_eur, co2_saved_t_per_year, lifetime_years: int):
    """Gross cost per tonne: investment / tonnes over the lifetime (no discounting, no energy saved).

    NaN where no CO2 is saved.
    """
    co2 = _positive(co2_saved_t_per_year)
    return investment_eur / (co2 * lifetime_years)


def net_eur_per_tonne(investment_eur, energy_saved_eur_per_year, co2_saved_t_per_year, lifetime_years: int,
                      discount_rate: float = sources.DISCOUNT_RATE):
    """Net national cost per tonne (PBL method).

    (annuity of the investment - yearly energy cost saved) / yearly tonnes. Negative when the energy saved pays
    for the investment; NaN where no CO2 is saved.

    Examples
    --------
    >>> round(net_eur_per_tonne(10_000.0, 200.0, 0.5, 30, 0.0225))
    524
    """
    co2 = _positive(co2_saved_t_per_year)
    return (investment_eur * annuity_factor(discount_rate, lifetime_years) - energy_saved_eur_per_year) / co2


def per_tonne_summary(cell_table: pd.DataFrame, lifetime_years: int,
                      discount_rate: float = sources.DISCOUNT_RATE) -> dict[str, float]:
    """Heerlen totals of a costed cell table: gas saved per upgraded dwelling and both costs per tonne.

    Returns
    -------
    dict
        ``dwellings_upgraded``, ``gas_saved_m3_per_dwelling``, ``gas_saved_pct`` (of those dwellings' gas),
        ``electricity_added_kwh_per_dwelling``, ``co2_saved_t``, ``cost_eur``, ``eur_saved`` (energy cost saved a
        year), ``eur_per_tonne_gross`` and ``eur_per_tonne_net``.
    """
    c = cell_table[(cell_table["dwellings_upgraded"] > 0) & cell_table["measured_gas_m3"].notna()]
    n = float(c["dwellings_upgraded"].sum())
    gas_before = float((c["gas_before_m3"] * c["dwellings_upgraded"]).sum())
    co2, cost, saved = float(c["co2_saved_t"].sum()), float(c["cost_eur"].sum()), float(c["eur_saved"].sum())
    return {
        "dwellings_upgraded": n,
        "gas_saved_m3_per_dwelling": float(c["gas_saved_m3"].sum()) / n if n else np.nan,
        "gas_saved_pct": 100.0 * float(c["gas_saved_m3"].sum()) / gas_before if gas_before else np.nan,
        "electricity_added_kwh_per_dwelling": float(c["electricity_added_kwh"].sum()) / n if n else np.nan,
        "co2_saved_t": co2, "cost_eur": cost, "eur_saved": saved,
        "eur_per_tonne_gross": float(gross_eur_per_tonne(cost, co2, lifetime_years)),
        "eur_per_tonne_net": float(net_eur_per_tonne(cost, saved, co2, lifetime_years, discount_rate)),
    }
