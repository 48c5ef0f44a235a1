"""Grid load: extra electricity a year and extra peak load per buurt of heat pumps and all-electric new homes.

* Retrofit: the package's extra electricity (:func:`geo.targeting.packages.package_use`, at the package's seasonal
  COP) per buurt; peak = dwellings with a heat pump x peak per dwelling x simultaneity.
* New-build: every new home is all-electric (no gas connection for new homes since 2018); its heat demand
  (``newbuild_heat_m3`` of gas equivalent x boiler efficiency x kWh per m3) comes from a heat pump at the
  all-electric COP; peak = homes x peak per new home x simultaneity. The household's other electricity use is not
  counted (a replacement home houses the household of the demolished one).

The peaks per dwelling are group values measured on cold days (already coincident), hence the default
simultaneity of 1. Beside a capacity the user enters (per buurt or for the whole municipality), a buurt is flagged
when its extra peak exceeds its own capacity or, when only the municipal capacity is short, when it is among the
buurten that, largest extra peak first, make up the shortfall. Method: ``docs/method/grid.md``. Pure, no Streamlit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.i18n import N_
from geo.params import GridParams
from geo.targeting.packages import KWH_PER_M3

GRID_SOURCES = N_(
    "Peak per dwelling, hybrid heat pump: 1.0 kW, RVO Installatiemonitor (BDH, interim results; as reported by "
    "N-TRA): on cold days the peak of a group of average dwellings (150-200 m²) lies just above 1 kW per dwelling. "
    "All-electric heat pump and new homes: 1.25 kW, from RVO's 2025 study of 6,000 smart meters (BDH with Techniek "
    "Nederland and Netbeheer Nederland; as reported by Warmte365, 24 February 2025): at −4 °C an all-electric "
    "dwelling of the smallest category uses 30 kWh a day (the largest 70 kWh), i.e. 1.25 kW on average over that "
    "day (70 kWh: 2.9 kW). Both are group values, so the simultaneity is 1. Heat demand of a new home: less than "
    "350 m³ of gas a year (RVO, as quoted by Van de Griendt & De Vries, 'Energieprestaties nieuwbouwwoningen'), "
    "an upper value. Seasonal COPs: the Retrofit page's settings."
)
PEAK_BASIS = N_("Mean load on a −4 °C day, not the peak hour: the peak within the day is higher.")


def peak_kw_per_dwelling(package: str, gp: GridParams) -> float:
    """Coincident peak per dwelling of a retrofit package, kW (no heat pump: 0).

    Examples
    --------
    >>> peak_kw_per_dwelling("hybrid", GridParams()), peak_kw_per_dwelling("insulate", GridParams())
    (1.0, 0.0)
    """
    peak = {"hybrid": gp.peak_kw_hybrid, "all_electric": gp.peak_kw_all_electric}.get(package, 0.0)
    return peak * gp.simultaneity


def retrofit_load(buurten: pd.DataFrame, package: str, gp: GridParams) -> pd.DataFrame:
    """Extra electricity and peak per buurt of a retrofit package.

    Parameters
    ----------
    buurten : DataFrame
        :func:`geo.targeting.savings.buurt_savings`-like table: ``buurt_code``, ``dwellings_upgraded`` and
        ``electricity_added_kwh`` (a year).
    package : str
        The package (only ``hybrid`` and ``all_electric`` add heat pumps).
    gp : GridParams
        Peaks and simultaneity.

    Returns
    -------
    DataFrame
        ``buurt_code``, ``heat_pumps``, ``extra_gwh`` (a year) and ``extra_peak_mw``.
    """
    pumps = buurten["dwellings_upgraded"].astype(float) if package in ("hybrid", "all_electric") else 0.0
    return pd.DataFrame({
        "buurt_code": buurten["buurt_code"],
        "heat_pumps": pumps if isinstance(pumps, pd.Series) else np.zeros(len(buurten)),
        "extra_gwh": buurten["electricity_added_kwh"].astype(float) / 1e6,
        "extra_peak_mw": buurten["dwellings_upgraded"].astype(float) * peak_kw_per_dwelling(package, gp) / 1000.0,
    }).reset_index(drop=True)


def newbuild_kwh_per_home(gp: GridParams, cop: float = sources.COP_ALL_ELECTRIC,
                          boiler_efficiency: float = sources.BOILER_EFFICIENCY) -> float:
    """Heat-pump electricity of one all-electric new home a year, kWh.

    Examples
    --------
    >>> round(newbuild_kwh_per_home(GridParams(), cop=3.0, boiler_efficiency=0.9))
    923
    """
    return gp.newbuild_heat_m3 * boiler_efficiency * KWH_PER_M3 / cop


def newbuild_load(homes: pd.Series, gp: GridParams, cop: float = sources.COP_ALL_ELECTRIC,
                  boiler_efficiency: float = sources.BOILER_EFFICIENCY) -> pd.DataFrame:
    """Extra electricity and peak per buurt of the new homes of a plan (all-electric).

    Returns
    -------
    DataFrame
        ``buurt_code``, ``homes``, ``extra_gwh`` (a year) and ``extra_peak_mw``; buurten with homes only.
    """
    h = homes[homes > 0].astype(float)
    return pd.DataFrame({
        "buurt_code": h.index, "homes": h.to_numpy(),
        "extra_gwh": h.to_numpy() * newbuild_kwh_per_home(gp, cop, boiler_efficiency) / 1e6,
        "extra_peak_mw": h.to_numpy() * gp.newbuild_peak_kw * gp.simultaneity / 1000.0,
    })


def against_capacity(load: pd.DataFrame, gp: GridParams) -> tuple[pd.DataFrame, dict]:
    """The extra peak per buurt beside the capacity the user entered, with the buurten flagged where it is short.

    Returns
    -------
    (table, summary) : tuple
        ``table``: ``load`` with ``capacity_mw`` (NaN where none entered), ``headroom_mw`` (capacity - extra peak)
        and ``flagged`` (bool), largest extra peak first. ``summary``: ``extra_gwh``, ``extra_peak_mw``,
        ``capacity_mw`` (municipal, NaN if not entered), ``shortfall_mw`` (municipal, 0 when it fits) and
        ``flagged`` (number of buurten flagged).

    Examples
    --------
    >>> load = pd.DataFrame({"buurt_code": ["A", "B", "C"], "extra_gwh": [1.0, 1.0, 1.0],
    ...                      "extra_peak_mw": [0.5, 0.3, 0.2]})
    >>> table, summary = against_capacity(load, GridParams(capacity_mw=0.6))
    >>> table["flagged"].tolist(), round(summary["shortfall_mw"], 2)
    ([True, False, False], 0.4)
    """
    t = load.sort_values("extra_peak_mw", ascending=False).reset_index(drop=True)
    own = dict(gp.capacities)
    t["capacity_mw"] = t["buurt_code"].map(own).astype(float)
    t["headroom_mw"] = t["capacity_mw"] - t["extra_peak_mw"]
    flagged = t["headroom_mw"] < 0
    total = float(t["extra_peak_mw"].sum())
    capacity = gp.capacity_mw if gp.capacity_mw > 0 else np.nan
    shortfall = max(total - capacity, 0.0) if np.isfinite(capacity) else 0.0
    if shortfall > 0:
        before = t["extra_peak_mw"].cumsum() - t["extra_peak_mw"]  # load of the larger buurten before this one
        flagged |= (before < shortfall) & (t["extra_peak_mw"] > 0)
    t["flagged"] = flagged.astype(bool)
    summary = {"extra_gwh": float(t["extra_gwh"].sum()), "extra_peak_mw": total, "capacity_mw": capacity,
               "shortfall_mw": shortfall, "flagged": int(t["flagged"].sum())}
    return t, summary
