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
buurten that, largest extra peak first, make up the shortfall. The capacity per buurt can also come from one of the
user's layers (:func:`capacities_from_layer`): a column of free capacity (MW) summed or averaged per buurt, or an
uploaded layer of congested areas whose buurten get no free capacity. Method: ``docs/method/grid.md``. Pure, no
Streamlit.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.errors import DataError
from geo.i18n import N_, _, ngettext, number
from geo.metrics import user_layers
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
# How a user's layer gives the free capacity per buurt: key -> name (message ids, translated where shown).
CAPACITY_RULES = {
    "sum": N_("A column of free capacity (MW), summed per buurt"),
    "mean": N_("A column of free capacity (MW), averaged per buurt"),
    "congested": N_("Congested areas: no free capacity in the buurten they cover"),
}
THRESHOLD_PCT = 50.0  # default: a buurt is congested when the areas cover more than half of it


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


def capacities_from_layer(frame: gpd.GeoDataFrame, buurten: gpd.GeoDataFrame, rule: str, column: str | None = None,
                          threshold_pct: float = THRESHOLD_PCT) -> tuple[tuple, list[str]]:
    """Free capacity per buurt from a user's layer, as :attr:`GridParams.capacities` takes it.

    Parameters
    ----------
    frame : GeoDataFrame
        The layer (EPSG:4326), e.g. :attr:`geo.io.layers.layer.Layer.frame`.
    buurten : GeoDataFrame
        ``buurt_code`` and polygons (EPSG:4326).
    rule : str
        A key of :data:`CAPACITY_RULES`: ``sum`` or ``mean`` of ``column`` (MW) over the features in, across or
        overlapping a buurt (:func:`geo.metrics.user_layers.per_buurt`; a feature counts fully in every buurt it
        touches); ``congested``: 0 MW in every buurt whose area the layer's areas cover for more than
        ``threshold_pct`` percent.
    column : str, optional
        The numeric column of free capacity (MW) for ``sum`` and ``mean``.
    threshold_pct : float
        Share of a buurt's area (0-100) above which it counts as congested.

    Returns
    -------
    (capacities, notes) : tuple
        ``((buurt_code, MW), ...)`` sorted by code, for the buurten the layer gives a value only (the others keep
        "not entered"), and notes for the user (negative capacities read as 0).

    Raises
    ------
    DataError
        For an unknown rule, a layer without the numeric column, a congestion layer without areas, or a layer
        that gives no buurt a value.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> buurten = gpd.GeoDataFrame({"buurt_code": ["A", "B"]}, geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100)],
    ...                            crs="EPSG:28992").to_crs("EPSG:4326")
    >>> congested = gpd.GeoDataFrame(geometry=[box(0, 0, 100, 60)], crs="EPSG:28992").to_crs("EPSG:4326")
    >>> capacities_from_layer(congested, buurten, "congested", threshold_pct=50.0)
    ((('A', 0.0),), [])
    """
    if rule not in CAPACITY_RULES:
        raise DataError(_("Unknown way to read grid capacity: {rule}.").format(rule=str(rule)[:30]))
    notes: list[str] = []
    if rule == "congested":
        if not frame.geom_type.isin(["Polygon", "MultiPolygon"]).any():
            raise DataError(_("Congested areas must be areas (polygons); this layer has only points or lines. "
                              "Choose a column of free capacity or another layer."))
        share = user_layers.per_buurt(frame, buurten, "area_share")
        if not (share > 0).any():
            raise DataError(_("The congested areas of this layer cover no buurt of the municipality."))
        values = pd.Series(0.0, index=share.index)[share > threshold_pct]
    else:
        if column is None or column not in frame or not pd.api.types.is_numeric_dtype(frame[column]):
            raise DataError(_("This layer has no column of numbers to read as free capacity (MW). Choose a layer "
                              "with such a column, or read it as congested areas."))
        present = user_layers.per_buurt(frame, buurten, "count") > 0  # a buurt without features gets no value
        values = user_layers.per_buurt(frame, buurten, rule, column)[present].dropna()
        if values.empty:
            raise DataError(_("No feature of this layer with a value in '{column}' lies in a buurt of the "
                              "municipality.").format(column=str(column)[:40]))
        negative = int((values < 0).sum())
        if negative:
            notes.append(ngettext("{n} buurt has a negative free capacity in the layer; it is read as 0 MW (no room "
                                  "left).", "{n} buurten have a negative free capacity in the layer; they are read "
                                  "as 0 MW (no room left).", negative).format(n=number(negative)))
            values = values.clip(lower=0.0)
    return tuple(sorted((str(code), float(mw)) for code, mw in values.items())), notes
