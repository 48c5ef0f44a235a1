"""Retrofit costs, budget allocation, abatement-cost curve and market view.

Works on the cell table of :func:`geo.targeting.savings.cell_savings`. Pure functions, no Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.catalog import sources
from geo.catalog.sources import COST_PER_STEP_AVERAGE_EUR, COST_PER_STEP_EUR
from geo.metrics.user_layers import score_parts
from geo.params import LIFETIME_YEARS
from geo.targeting import packages as pk
from geo.vocab import LABELS


def add_costs(cell_table: pd.DataFrame, cost_per_step: dict[str, float] | None = None,
              default_cost_per_step: float = COST_PER_STEP_AVERAGE_EUR, package: str = "insulate",
              hybrid_cost: float = sources.HYBRID_HEAT_PUMP_EUR,
              heat_pump_cost: float = sources.ALL_ELECTRIC_HEAT_PUMP_EUR) -> pd.DataFrame:
    """Add ``cost_per_dwelling_eur`` and ``cost_eur`` (cell total) of the package; zero where not upgraded.

    The cost per dwelling is :func:`geo.targeting.packages.package_cost_per_dwelling`.
    """
    costs = COST_PER_STEP_EUR if cost_per_step is None else cost_per_step
    out = cell_table.copy()
    per_step = out["dwelling_type"].map(costs).fillna(default_cost_per_step).astype(float)
    per_dwelling = pk.package_cost_per_dwelling(out["steps"], per_step, package, hybrid_cost, heat_pump_cost)
    out["cost_per_dwelling_eur"] = pd.Series(per_dwelling, index=out.index).where(out["steps"] > 0, 0.0)
    out["cost_eur"] = out["cost_per_dwelling_eur"] * out["dwellings_upgraded"]
    return out


def cost_effectiveness(buurt_table: pd.DataFrame, cell_table: pd.DataFrame,
                       lifetime_years: int = LIFETIME_YEARS, discount_rate: float = sources.DISCOUNT_RATE
                       ) -> pd.DataFrame:
    """Add costs and both costs per tonne CO2 to a :func:`geo.targeting.savings.buurt_savings` table.

    Returns
    -------
    DataFrame
        The buurt table with ``cost_eur``, ``co2_saved_t_lifetime`` (= yearly x ``lifetime_years``),
        ``eur_per_tonne`` (**gross**: cost / lifetime tonnes), ``eur_per_tonne_net`` (net national cost, PBL
        method: :func:`geo.targeting.packages.net_eur_per_tonne`) and ``eur_per_tonne_year`` (cost / yearly
        tonnes, the first-year view). NaN where no CO2 is saved.
    """
    cost = cell_table.groupby("buurt_code")["cost_eur"].sum(min_count=1)
    out = buurt_table.copy()
    out["cost_eur"] = out["buurt_code"].map(cost)
    co2 = out["co2_saved_t"].where(out["co2_saved_t"] > 0)
    out["co2_saved_t_lifetime"] = out["co2_saved_t"] * lifetime_years
    out["eur_per_tonne"] = pk.gross_eur_per_tonne(out["cost_eur"], out["co2_saved_t"], lifetime_years)
    out["eur_per_tonne_net"] = pk.net_eur_per_tonne(out["cost_eur"], out["eur_saved"], out["co2_saved_t"],
                                                    lifetime_years, discount_rate)
    out["eur_per_tonne_year"] = out["cost_eur"] / co2
    return out


def mac_curve(buurt_table: pd.DataFrame, co2_col: str = "co2_saved_t_lifetime") -> pd.DataFrame:
    """Marginal abatement cost curve: buurten sorted by EUR per tonne, as steps.

    Buurten without CO2 savings or without a cost are left out.

    Returns
    -------
    DataFrame
        ``buurt_code``, ``buurt_name``, ``eur_per_tonne``, ``co2_t`` (the step width), ``cost_eur``,
        ``cum_co2_t_start``, ``cum_co2_t_end`` and ``cum_cost_eur``; draw each buurt as a bar from
        ``cum_co2_t_start`` to ``cum_co2_t_end`` at height ``eur_per_tonne``.
    """
    t = buurt_table[(buurt_table[co2_col] > 0) & buurt_table["cost_eur"].notna()].copy()
    t["eur_per_tonne"] = t["cost_eur"] / t[co2_col]
    t = t.sort_values(["eur_per_tonne", "buurt_code"]).reset_index(drop=True)
    out = pd.DataFrame(
        {
            "buurt_code": t["buurt_code"],
            "buurt_name": t.get("buurt_name", pd.Series("", index=t.index)),
            "eur_per_tonne": t["eur_per_tonne"],
            "co2_t": t[co2_col],
            "cost_eur": t["cost_eur"],
        }
    )
    out["cum_co2_t_end"] = out["co2_t"].cumsum()
    out["cum_co2_t_start"] = out["cum_co2_t_end"] - out["co2_t"]
    out["cum_cost_eur"] = out["cost_eur"].cumsum()
    return out[[
        "buurt_code", "buurt_name", "eur_per_tonne", "co2_t", "cost_eur",
        "cum_co2_t_start", "cum_co2_t_end", "cum_cost_eur",
    ]]


@dataclass
class Allocation:
    """Result of :func:`allocate`.

    Attributes
    ----------
    chosen : list of str
        Buurt codes that receive work, in allocation order.
    ranking : DataFrame
        One row per candidate buurt, best score first: ``rank``, ``buurt_code``, ``score``,
        ``score_co2`` and ``score_poverty`` (normalised 0-1), ``co2_per_meur`` (t CO2/yr per EUR million),
        ``lifted_per_meur`` (households per EUR million), ``dwellings_allocated``, ``cost_eur``,
        ``co2_saved_t`` (per year), ``households_lifted``.
    packages : DataFrame
        Allocated work per buurt x label: ``buurt_code``, ``label``, ``dwellings``, ``cost_eur``,
        ``co2_saved_t``, ``households_lifted``.
    totals : dict
        ``dwellings``, ``cost_eur``, ``co2_saved_t`` (per year), ``co2_saved_t_lifetime``,
        ``households_lifted``, ``budget_eur``, ``dwelling_cap``, ``alpha``.
    mac : DataFrame
        :func:`mac_curve` of the allocated work.
    """

    chosen: list
    ranking: pd.DataFrame
    packages: pd.DataFrame
    totals: dict = field(default_factory=dict)
    mac: pd.DataFrame | None = None


def _packages(cell_table: pd.DataFrame) -> pd.DataFrame:
    """Upgradable work per buurt x label with per-dwelling averages (cells without savings data dropped)."""
    upgradable = (
        (cell_table["dwellings_upgraded"] > 0) & cell_table["co2_saved_t"].notna() & cell_table["cost_eur"].notna()
    )
    c = cell_table[upgradable]
    p = c.groupby(["buurt_code", "label"])[["dwellings_upgraded", "cost_eur", "co2_saved_t", "households_lifted"]].sum()
    p = p[p["dwellings_upgraded"] > 0].reset_index()
    p["households_lifted"] = p["households_lifted"].fillna(0.0)
    return p


def buurt_scores(packages: pd.DataFrame, alpha: float, user: tuple = ()) -> pd.DataFrame:
    """Combined normalised score per buurt over its whole upgradable stock.

    Returns ``buurt_code``, ``score``, ``score_co2``, ``score_poverty``, ``co2_per_meur``,
    ``lifted_per_meur`` and ``rank`` (1 = best), best first.

    ``score = (1 - alpha) x co2_per_eur / max(co2_per_eur) + alpha x lifted_per_eur / max(lifted_per_eur)``;
    alpha = 0 ranks by most CO2 per euro, alpha = 1 by most households lifted out of a high
    energy quote per euro. The user's own figures (``user``, :class:`geo.params.UserIndicator`) add
    parts on 0-1 with their weights beside that blend (weight 1):
    ``score = (blend + sum(w_u x part_u)) / (1 + sum(w_u))``.
    """
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must lie in [0, 1], got {alpha!r}")
    s = packages.groupby("buurt_code")[["cost_eur", "co2_saved_t", "households_lifted"]].sum()
    cost = s["cost_eur"].where(s["cost_eur"] > 0)
    s["co2_per_meur"] = 1e6 * s["co2_saved_t"] / cost
    s["lifted_per_meur"] = 1e6 * s["households_lifted"].clip(lower=0) / cost
    for col, name in [("co2_per_meur", "score_co2"), ("lifted_per_meur", "score_poverty")]:
        top = s[col].max()
        s[name] = (s[col] / top if top and top > 0 else 0.0)
        s[name] = s[name].fillna(0.0)
    s["score"] = (1 - alpha) * s["score_co2"] + alpha * s["score_poverty"]
    if user:
        parts = score_parts(s.index, user)
        s["score"] = (s["score"] + sum(u.weight * parts["score_" + u.column] for u in user)) / (
            1.0 + sum(u.weight for u in user))
    s = s.reset_index().sort_values(["score", "buurt_code"], ascending=[False, True]).reset_index(drop=True)
    s["rank"] = np.arange(1, len(s) + 1)
    return s[["buurt_code", "score", "score_co2", "score_poverty", "co2_per_meur", "lifted_per_meur", "rank"]]


def allocate(cell_table: pd.DataFrame, budget_eur: float | None = None, dwellings_cap: float | None = None,
             alpha: float = 0.5, lifetime_years: int = LIFETIME_YEARS, user: tuple = ()) -> Allocation:
    """Greedy allocation of a budget (or a number of dwellings) over buurten.

    Rule: rank buurten by :func:`buurt_scores`; walk down the ranking and, within a buurt,
    upgrade the worst labels first (G, then F, ...). A package that does not fit is
    filled with as many whole dwellings as the remaining budget (or dwelling cap) allows,
    then the walk continues with the next buurt (a cheaper package further down may still
    fit). The allocated cost never exceeds ``budget_eur``.

    Parameters
    ----------
    cell_table : DataFrame
        :func:`geo.targeting.savings.cell_savings` + :func:`add_costs` output.
    budget_eur : float, optional
        Budget in euro. At least one of ``budget_eur`` and ``dwellings_cap`` is required.
    dwellings_cap : float, optional
        Maximum number of dwellings (e.g. per year).
    alpha : float
        0 = most CO2 per euro, 1 = most energy poverty relieved per euro.
    lifetime_years : int
        Lifetime for the lifetime CO2 total and the abatement curve.
    user : tuple of UserIndicator
        The user's own figures as further parts of the ranking score (:func:`buurt_scores`).

    Returns
    -------
    Allocation
    """
    if budget_eur is None and dwellings_cap is None:
        raise ValueError("give budget_eur or dwellings_cap")
    if (budget_eur is not None and budget_eur < 0) or (dwellings_cap is not None and dwellings_cap < 0):
        raise ValueError("budget and dwelling cap must be non-negative")
    money = math.inf if budget_eur is None else float(budget_eur)
    cap = math.inf if dwellings_cap is None else float(dwellings_cap)
    packages = _packages(cell_table)
    scores = buurt_scores(packages, alpha, user) if len(packages) else pd.DataFrame(
        columns=["buurt_code", "score", "score_co2", "score_poverty", "co2_per_meur", "lifted_per_meur", "rank"])
    worst_first = {lab: -i for i, lab in enumerate(LABELS)}
    spent, used, rows = 0.0, 0.0, []
    for code in scores["buurt_code"]:
        mine = packages[packages["buurt_code"] == code].sort_values("label", key=lambda s: s.map(worst_first))
        for p in mine.itertuples(index=False):
            unit_cost = p.cost_eur / p.dwellings_upgraded
            n = min(p.dwellings_upgraded, cap - used)
            if unit_cost > 0 and n * unit_cost > money - spent:
                n = math.floor((money - spent) / unit_cost)
                while n > 0 and spent + n * unit_cost > money:
                    n -= 1
            if n <= 0:
                continue
            share = n / p.dwellings_upgraded
            rows.append((code, p.label, n, n * unit_cost, p.co2_saved_t * share, p.households_lifted * share))
            spent += n * unit_cost
            used += n
    alloc = pd.DataFrame(
        rows, columns=["buurt_code", "label", "dwellings", "cost_eur", "co2_saved_t", "households_lifted"]
    )
    per_buurt = alloc.groupby("buurt_code")[["dwellings", "cost_eur", "co2_saved_t", "households_lifted"]].sum()
    ranking = scores.merge(per_buurt.rename(columns={"dwellings": "dwellings_allocated"}), on="buurt_code", how="left")
    for col in ["dwellings_allocated", "cost_eur", "co2_saved_t", "households_lifted"]:
        ranking[col] = ranking[col].fillna(0.0)
    ranking = ranking[["rank", "buurt_code", "score", "score_co2", "score_poverty", "co2_per_meur", "lifted_per_meur",
                       "dwellings_allocated", "cost_eur", "co2_saved_t", "households_lifted"]]
    chosen = list(dict.fromkeys(alloc["buurt_code"]))
    curve_in = per_buurt.reset_index().assign(co2_saved_t_lifetime=lambda d: d["co2_saved_t"] * lifetime_years)
    totals = {
        "dwellings": float(alloc["dwellings"].sum()),
        "cost_eur": float(alloc["cost_eur"].sum()),
        "co2_saved_t": float(alloc["co2_saved_t"].sum()),
        "co2_saved_t_lifetime": float(alloc["co2_saved_t"].sum() * lifetime_years),
        "households_lifted": float(alloc["households_lifted"].sum()),
        "budget_eur": budget_eur,
        "dwelling_cap": dwellings_cap,
        "alpha": alpha,
    }
    return Allocation(chosen, ranking, alloc, totals, mac_curve(curve_in))


def market_volume(cell_table: pd.DataFrame,
                  by: tuple[str, ...] = ("buurt_code", "dwelling_type", "build_period", "label"),
                  labels: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Retrofit volume as a tidy table for CSV export (e.g. pre-1975 terraced houses with label E-G).

    Parameters
    ----------
    cell_table : DataFrame
        :func:`geo.targeting.savings.cell_savings` (+ :func:`add_costs`) output.
    by : tuple of str
        Grouping columns (add ``'tenure'`` for owner / landlord splits).
    labels : tuple of str, optional
        Keep only these current labels (e.g. ``('E', 'F', 'G')``).

    Returns
    -------
    DataFrame
        ``by`` columns plus ``dwellings`` (estimated stock), ``dwellings_to_upgrade``, ``gas_saved_m3``,
        ``co2_saved_t``, ``cost_eur`` (when costs were added) and ``estimated`` (True: model output).
    """
    c = cell_table if labels is None else cell_table[cell_table["label"].isin(labels)]
    cols = {"dwellings": "dwellings", "dwellings_upgraded": "dwellings_to_upgrade", "gas_saved_m3": "gas_saved_m3",
            "co2_saved_t": "co2_saved_t"}
    if "cost_eur" in c.columns:
        cols["cost_eur"] = "cost_eur"
    out = c.groupby(list(by), observed=True)[list(cols)].sum(min_count=1).rename(columns=cols).reset_index()
    out["estimated"] = True
    return out


def allocation_limits(limit_by: str, budget_meur: float, dwellings: float) -> tuple[float | None, float | None]:
    """Budget in euro and dwelling cap for :func:`allocate` from what the user chose to limit by.

    Parameters
    ----------
    limit_by : str
        ``'budget'`` (a budget in EUR million) or ``'dwellings'`` (a number of dwellings per year).
    budget_meur, dwellings : float
        The two inputs; only the chosen one is used.

    Examples
    --------
    >>> allocation_limits("budget", 20.0, 500)
    (20000000.0, None)
    >>> allocation_limits("dwellings", 20.0, 500)
    (None, 500.0)
    """
    if limit_by == "budget":
        return float(budget_meur) * 1e6, None
    if limit_by == "dwellings":
        return None, float(dwellings)
    raise ValueError(f"limit_by must be 'budget' or 'dwellings', got {limit_by!r}")


def ranking_with_names(allocation: Allocation, names: dict[str, str]) -> pd.DataFrame:
    """Return the allocation's ranking with ``buurt_name`` after the code and ``chosen`` (the buurt gets work)."""
    ranking = allocation.ranking.copy()
    ranking.insert(2, "buurt_name", ranking["buurt_code"].map(names))
    ranking["chosen"] = ranking["buurt_code"].isin(allocation.chosen)
    return ranking


def mac_steps(mac: pd.DataFrame) -> pd.DataFrame:
    """Cumulative cost against cumulative CO2 of a :func:`mac_curve`, starting at (0, 0): ``co2``, ``cost``."""
    return pd.concat([pd.DataFrame({"co2": [0.0], "cost": [0.0]}),
                      pd.DataFrame({"co2": mac["cum_co2_t_end"], "cost": mac["cum_cost_eur"]})])


def market_selection(market: pd.DataFrame, labels, dwelling_types) -> tuple[pd.DataFrame, dict[str, float]]:
    """Rows of a :func:`market_volume` table with work to do in the chosen labels and dwelling types, and totals.

    Returns
    -------
    (view, totals) : tuple
        ``view``: the selected rows with ``dwellings_to_upgrade`` above zero; ``totals``:
        ``dwellings_to_upgrade`` and ``cost_eur`` summed over them.
    """
    keep = market["label"].isin(labels) & market["dwelling_type"].isin(dwelling_types)
    view = market[keep & (market["dwellings_to_upgrade"] > 0)]
    return view, {"dwellings_to_upgrade": float(view["dwellings_to_upgrade"].sum()),
                  "cost_eur": float(view["cost_eur"].sum())}
