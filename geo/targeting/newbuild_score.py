"""New-build score per buurt, suggested allocation of the target and its effects.

Uses the cell table of :func:`geo.targeting.savings.cell_savings` (estimated stock with measured-gas
based use per dwelling and modelled high-energy-quote households) and the KWB tenure mix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.metrics.user_layers import score_parts
from geo.params import MIX_REFERENCE_SHARE, SCORE_WEIGHTS
from geo.targeting import newbuild as nb
from geo.vocab import CO2_GAS_KG_PER_M3


def _norm(s: pd.Series) -> pd.Series:
    """Divide by the maximum (0-1); all-zero or missing gives 0."""
    top = s.max()
    return (s / top).fillna(0.0) if pd.notna(top) and top > 0 else pd.Series(0.0, index=s.index)


def poor_label_stock(cell_table: pd.DataFrame, labels=nb.POOR_LABELS,
                     co2_gas_kg_per_m3: float = CO2_GAS_KG_PER_M3) -> pd.DataFrame:
    """Per buurt: E-G dwellings, their CO2 and high-quote households, and their tenure split.

    Returns
    -------
    DataFrame
        Index buurt_code; ``efg_dwellings``, ``efg_co2_t`` (per year, from measured-gas based use),
        ``efg_heq_households`` (modelled) and ``efg_share_<tenure>`` for each tenure.
    """
    lab = "label" if "label" in cell_table else "label_class"
    c = cell_table[cell_table[lab].isin(labels)].copy()
    c["co2"] = c["gas_before_m3"] * c["dwellings"] * co2_gas_kg_per_m3 / 1000.0
    g = c.groupby("buurt_code")
    out = pd.DataFrame({
        "efg_dwellings": g["dwellings"].sum(),
        "efg_co2_t": g["co2"].sum(min_count=1),
        "efg_heq_households": g["heq_households_before"].sum(min_count=1),
    })
    if "tenure" in c:
        split = c.pivot_table(index="buurt_code", columns="tenure", values="dwellings", aggfunc="sum")
        split = split.reindex(columns=list(nb.TENURES)).fillna(0.0)
        split = split.div(split.sum(axis=1).where(lambda s: s > 0), axis=0)
        for t in nb.TENURES:
            out[f"efg_share_{t}"] = split[t]
    return out


def newbuild_scores(buurten: pd.DataFrame, cell_table: pd.DataFrame, transformation=(),
                    weights: dict | None = None, mix_reference_share: float = MIX_REFERENCE_SHARE,
                    min_households: float = nb.MIN_HOUSEHOLDS, user: tuple = ()) -> pd.DataFrame:
    """New-build score per buurt with each part visible.

    * ``score_thinning`` = mean of the normalised CO2 of the buurt's E-G dwellings and the
      normalised modelled high-quote households living in them (what thinning can remove);
    * ``score_mixing`` = normalised ``mix_gain``: how much adding ``mix_reference_share`` x the stock
      in homes of the best tenure moves the buurt's tenure mix towards the Heerlen mix (nobody leaves);
    * ``score_transformation`` = 1 for user-marked transformation locations, else 0;
    * ``score_user.<key>`` for each of the user's own figures (``user``, :class:`geo.params.UserIndicator`,
      on 0-1 in the direction it gives, :func:`geo.metrics.user_layers.score_parts`);
    * ``score`` = weighted mean of the parts (weights :data:`geo.params.SCORE_WEIGHTS` and each user figure's).
    Each part is normalised by its maximum over the buurten, so 1 = the best buurt on that part.
    Buurten with fewer than ``min_households`` households score 0 on thinning and mixing
    (``eligible`` False); a transformation location always counts.

    Returns
    -------
    DataFrame
        ``buurt_code``, ``buurt_name``, ``dwellings``, the columns of :func:`poor_label_stock` and of
        :func:`geo.targeting.newbuild.best_mixing_tenure`, ``transformation`` (bool), ``eligible`` (bool),
        ``score_thinning``, ``score_mixing``, ``score_transformation`` and ``score``, best first.
    """
    w = SCORE_WEIGHTS if weights is None else weights
    b = buurten.set_index("buurt_code")
    out = pd.DataFrame(index=b.index)
    out["buurt_name"] = b["buurt_name"] if "buurt_name" in b else ""
    out["dwellings"] = b["dwellings"]
    out = out.join(poor_label_stock(cell_table))
    shares = nb.tenure_shares(buurten)
    out = out.join(nb.best_mixing_tenure(shares, b["dwellings"], nb.gemeente_mix(buurten), mix_reference_share))
    out["transformation"] = out.index.isin(list(transformation))
    out["eligible"] = b["households"].fillna(0) >= min_households
    el = out["eligible"]
    out["score_thinning"] = 0.5 * (_norm(out["efg_co2_t"].where(el)) + _norm(out["efg_heq_households"].where(el)))
    out["score_mixing"] = _norm(out["mix_gain"].clip(lower=0).where(el))
    out["score_transformation"] = out["transformation"].astype(float)
    parts = score_parts(out.index, user)
    out = out.join(parts)
    total = sum(w.values()) + sum(u.weight for u in user)
    out["score"] = (w["thinning"] * out["score_thinning"] + w["mixing"] * out["score_mixing"]
                    + w["transformation"] * out["score_transformation"]
                    + sum(u.weight * out["score_" + u.column] for u in user)) / (total if total > 0 else 1.0)
    out = out.reset_index().sort_values(["score", "buurt_code"], ascending=[False, True]).reset_index(drop=True)
    return out


def largest_remainder(weights: pd.Series, total: int) -> pd.Series:
    """Integers proportional to ``weights`` that sum exactly to ``total`` (Hamilton's method).

    Examples
    --------
    >>> largest_remainder(pd.Series([1.0, 1.0, 1.0], index=list("abc")), 10).tolist()
    [4, 3, 3]
    """
    w = weights.fillna(0.0).clip(lower=0.0)
    if total <= 0 or w.sum() <= 0:
        return pd.Series(0, index=weights.index, dtype=int)
    quota = w / w.sum() * total
    base = np.floor(quota).astype(int)
    rest = int(total - base.sum())
    order = (quota - base).sort_values(ascending=False, kind="stable").index[:rest]
    base[order] += 1
    return base.astype(int)


def suggest_allocation(scores: pd.DataFrame, target: int = nb.TARGET_2032, fixed: dict | None = None,
                       score_col: str = "score") -> pd.Series:
    """Suggested new homes per buurt: the target shared by score, editable via ``fixed``.

    Parameters
    ----------
    scores : DataFrame
        :func:`newbuild_scores` output.
    target : int
        Homes to allocate (default 2,500 by 2032).
    fixed : dict, optional
        ``{buurt_code: homes}`` set by the user; the rest of the target is shared over the
        other buurten by score.

    Returns
    -------
    Series
        Integer homes per buurt_code, summing exactly to ``target``.
    """
    fixed = {k: int(v) for k, v in (fixed or {}).items()}
    rest = int(target) - sum(fixed.values())
    if rest < 0:
        raise ValueError("the fixed homes exceed the target")
    s = scores.set_index("buurt_code")[score_col]
    free = s.drop(index=[k for k in fixed if k in s.index])
    out = largest_remainder(free, rest).reindex(s.index, fill_value=0)
    for k, v in fixed.items():
        out[k] = v
    if out.sum() != target:  # no free buurt with a positive score: put the rest on the best buurt
        out[s.idxmax()] += int(target) - int(out.sum())
    return out.astype(int)


def suggest_over_best(scores: pd.DataFrame, target: int, top_n: int) -> pd.Series:
    """Share the target by score over the ``top_n`` best buurten plus every transformation location.

    Parameters
    ----------
    scores : DataFrame
        :func:`newbuild_scores` output (best first).
    target : int
        Homes to allocate.
    top_n : int
        Number of best-scoring buurten that share the target.

    Returns
    -------
    Series
        Integer homes per buurt_code (:func:`suggest_allocation`), summing to ``target``.
    """
    s = scores.reset_index(drop=True)
    keep = (s.index < top_n) | s["transformation"]
    s["score_used"] = s["score"].where(keep, 0.0)
    return suggest_allocation(s, int(target), score_col="score_used")


def planned_homes(plan: pd.Series) -> tuple[tuple[str, int], ...]:
    """List the buurten of a plan that get homes as sorted ``((buurt_code, homes), ...)`` (hashable, a cache key)."""
    return tuple(sorted(plan[plan > 0].items()))


def progress_pct(homes: float, target: float) -> float | None:
    """Homes in the plan as % of a target; None for a target of zero.

    Examples
    --------
    >>> progress_pct(2250, 3000), progress_pct(10, 0)
    (75.0, None)
    """
    return 100 * homes / target if target else None


def mix_change(effects: pd.DataFrame) -> dict:
    """Tenure-mix change of the planned buurten, weighted by their homes.

    Returns
    -------
    dict
        ``before`` and ``after``: mean distance to the Heerlen tenure mix (0 = same mix) of the buurten
        with homes, weighted by homes; ``added_by_tenure``: added homes (besides replacement homes) per tenure.
    """
    eff = effects[effects["homes"] > 0]
    homes = max(eff["homes"].sum(), 1)
    return {
        "before": (eff["mix_distance_before"] * eff["homes"]).sum() / homes,
        "after": (eff["mix_distance_after"] * eff["homes"]).sum() / homes,
        "added_by_tenure": eff.groupby("mix_tenure_added")["added_homes"].sum(),
    }


def newbuild_effects(allocation: pd.Series, scores: pd.DataFrame, buurten: pd.DataFrame,
                     thinning_share: float = nb.THINNING_SHARE,
                     replacement_ratio: float = nb.REPLACEMENT_RATIO) -> tuple[pd.DataFrame, dict]:
    """CO2, energy-poverty and tenure-mix effect of an allocation of new homes.

    Per buurt with H new homes: ``thinning_share`` x H are replacement homes for demolished
    E-G dwellings, ``N = replacement_homes / replacement_ratio`` (capped at the buurt's E-G stock);
    replacement homes keep the tenure of what is demolished (residents can return: no displacement),
    the other homes get the buurt's mixing tenure. New homes are near-zero-energy and assumed to use
    no natural gas (BENG, gas-free since 2018).

    Returns
    -------
    (table, totals) : tuple
        ``table`` per buurt: ``buurt_code``, ``homes``, ``replacement_homes``, ``added_homes``,
        ``demolished``, ``net_stock_change``, ``co2_saved_t`` (per year), ``heq_households_relieved``
        (modelled), ``mix_tenure_added``, ``mix_distance_before``, ``mix_distance_after``.
        ``totals``: ``homes``, ``demolished``, ``net_stock_change``, ``co2_saved_t``,
        ``heq_households_relieved``, ``progress_2030`` and ``progress_2032`` (homes / target).
    """
    if not 0 < replacement_ratio <= 1:
        raise ValueError("replacement_ratio must be in (0, 1]: M new homes per N demolished, M <= N")
    s = scores.set_index("buurt_code")
    h = allocation.reindex(s.index).fillna(0).astype(float)
    efg = s["efg_dwellings"].fillna(0.0)
    repl = np.minimum(np.round(h * thinning_share), np.floor(efg * replacement_ratio))
    demolished = repl / replacement_ratio
    per_dw_co2 = (s["efg_co2_t"] / efg.where(efg > 0)).fillna(0.0)
    per_dw_heq = (s["efg_heq_households"] / efg.where(efg > 0)).fillna(0.0)
    added = h - repl
    shares = nb.tenure_shares(buurten).reindex(s.index)
    dw = s["dwellings"].astype(float)
    counts = shares.mul(dw, axis=0)
    for t in nb.TENURES:
        efg_share = s.get(f"efg_share_{t}", pd.Series(0.0, index=s.index)).fillna(0.0)
        counts[t] = counts[t] - demolished * efg_share + repl * efg_share + added.where(s["mix_tenure_added"] == t, 0.0)
    after = counts.div(counts.sum(axis=1), axis=0)
    table = pd.DataFrame({
        "homes": h.astype(int), "replacement_homes": repl.astype(int), "added_homes": added.astype(int),
        "demolished": demolished, "net_stock_change": h - demolished,
        "co2_saved_t": demolished * per_dw_co2, "heq_households_relieved": demolished * per_dw_heq,
        "mix_tenure_added": s["mix_tenure_added"], "mix_distance_before": s["mix_distance_before"],
        "mix_distance_after": nb.mix_distance(after, nb.gemeente_mix(buurten)),
    }).reset_index()
    homes = float(table["homes"].sum())
    totals = {
        "homes": homes, "demolished": float(table["demolished"].sum()),
        "net_stock_change": float(table["net_stock_change"].sum()), "co2_saved_t": float(table["co2_saved_t"].sum()),
        "heq_households_relieved": float(table["heq_households_relieved"].sum()),
        "progress_2030": homes / nb.TARGET_2030, "progress_2032": homes / nb.TARGET_2032,
    }
    return table, totals
