"""The editable tables of the Retrofit and New-build pages: their starting content and the checks of what was typed.

A user types into a table (cost per label step, homes per buurt); the ``validate_*``
functions turn the edited table into model inputs plus messages, never an exception:
a bad cell falls back to its default or suggestion and says so. Pure, no Streamlit; the messages
are in the language in force (:mod:`geo.i18n`), the tables keep the model's values.
"""

from __future__ import annotations

import math

import pandas as pd

from geo import i18n
from geo.catalog.sources import COST_PER_STEP_EUR
from geo.i18n import _
from geo.targeting import display

MAX_COST_PER_STEP_EUR = 200_000.0  # above this a per-step cost is taken as a typing error


def cost_table(defaults: dict[str, float] = COST_PER_STEP_EUR) -> pd.DataFrame:
    """Return the cost table as the user first sees it: ``dwelling_type`` and ``cost_per_step_eur``."""
    return pd.DataFrame({"dwelling_type": list(defaults), "cost_per_step_eur": list(defaults.values())})


def validate_costs(edited: pd.DataFrame, defaults: dict[str, float] = COST_PER_STEP_EUR) -> tuple[dict, list[str]]:
    """Cost per label step per dwelling type from an edited table, with messages for bad cells.

    ``edited`` has columns ``dwelling_type`` and ``cost_per_step_eur``. Text, empty cells,
    zero or negative numbers and absurd values (above :data:`MAX_COST_PER_STEP_EUR`) fall back
    to the default of that type, each with a message. Types missing from the table keep their default.
    """
    costs, messages = dict(defaults), []
    rows = edited.set_index("dwelling_type")["cost_per_step_eur"] if len(edited) else pd.Series(dtype=object)
    for dtype, default in defaults.items():
        raw = rows.get(dtype, default)
        words = {"type": display(dtype), "default": i18n.money(default)}
        try:
            value = float(str(raw).replace(",", "").replace("€", "").strip()) if raw is not None else math.nan
        except ValueError:
            messages.append(_("Cost per step for {type}: '{text}' is not a number; the default {default} is used.")
                            .format(text=str(raw)[:20], **words))
            continue
        if math.isnan(value):
            messages.append(_("Cost per step for {type} is empty or not a number; the default {default} is used.")
                            .format(**words))
        elif value <= 0:
            messages.append(_("Cost per step for {type} must be above zero (got {value}); the default {default} is "
                              "used.").format(value=i18n.money(value), **words))
        elif not math.isfinite(value) or value > MAX_COST_PER_STEP_EUR:
            messages.append(_("Cost per step for {type} above {limit} looks like a typing error; the default "
                              "{default} is used.").format(limit=i18n.money(MAX_COST_PER_STEP_EUR), **words))
        else:
            costs[dtype] = value
    return costs, messages


def allocation_table(names: dict[str, str], scores: pd.DataFrame, suggested: pd.Series) -> pd.DataFrame:
    """Return the allocation table as the user first sees it, sorted by buurt name.

    Columns ``buurt_code``, ``buurt_name``, ``score`` (rounded to 3 decimals), ``suggested`` and ``homes``
    (the suggestion, to be edited). Listing by name keeps an edit with its buurt when the suggestion changes.
    """
    out = pd.DataFrame({"buurt_code": list(names), "buurt_name": [names[c] for c in names]})
    out["score"] = out["buurt_code"].map(scores.set_index("buurt_code")["score"]).round(3)
    out["suggested"] = out["buurt_code"].map(suggested).fillna(0).astype(int)
    out["homes"] = out["suggested"]
    return out.sort_values("buurt_name").reset_index(drop=True)


def validate_allocation(edited: pd.DataFrame, suggested_homes: pd.Series) -> tuple[pd.Series, list[str]]:
    """Homes per buurt from the edited allocation table, with messages for bad cells.

    ``edited`` has ``buurt_code``, ``buurt_name`` and ``homes``. Text, empty cells and negative
    numbers fall back to the suggested number of that buurt; fractions are rounded to whole homes.
    Returns integer homes per buurt_code and the messages.
    """
    out, messages = {}, []
    for row in edited.itertuples(index=False):
        fallback = int(suggested_homes.get(row.buurt_code, 0))
        words = {"buurt": row.buurt_name, "suggestion": i18n.number(fallback)}
        raw = row.homes
        try:
            value = float(str(raw).strip()) if raw is not None else math.nan
        except ValueError:
            messages.append(_("{buurt}: '{text}' is not a number of homes; the suggestion ({suggestion}) is used.")
                            .format(text=str(raw)[:20], **words))
            out[row.buurt_code] = fallback
            continue
        if not math.isfinite(value):
            messages.append(_("{buurt}: the cell is empty or not a number; the suggestion ({suggestion}) is used.")
                            .format(**words))
            value = fallback
        elif value < 0:
            messages.append(_("{buurt}: homes cannot be negative ({value}); the suggestion ({suggestion}) is used.")
                            .format(value=i18n.number(value, 0 if value == round(value) else 2), **words))
            value = fallback
        elif value != round(value):
            messages.append(_("{buurt}: {value} is not a whole number of homes; rounded to {rounded}.")
                            .format(value=i18n.number(value, 2), rounded=i18n.number(round(value)), **words))
            value = round(value)
        out[row.buurt_code] = int(value)
    return pd.Series(out, dtype=int), messages
