"""Column labels and number formats of the tables the Retrofit and New-build pages show.

One table per shown table, in the order of its columns. A value is either

* a label (a text column),
* ``(label, format)``: a number shown with a printf-style ``format`` (``"%.0f"``, ``"%d"``),
* ``(label, format, options)``: the same with options for an editable column (``disabled``, ``step``,
  ``min_value``),
* ``(label, "progress")``: a score between 0 and 1 drawn as a bar, ``(label, "check")``: a yes/no column,
  ``(label, "text", options)``: a text column with options.

Kept next to the model, so a renamed output column and its label change together
(the tests check every column shown exists in the model's output). Pure data, no Streamlit: labels are
marked for the catalogue with ``N_`` and translated where the table is shown (:mod:`ui.tables`). A label
with a placeholder (``{n}``) is formatted where it is shown.
"""

from __future__ import annotations

from geo.i18n import N_

RETROFIT_BUURTEN = {
    "buurt_name": N_("Buurt"),
    "dwellings_upgraded": (N_("Dwellings to upgrade (est.)"), "%.0f"),
    "gas_saved_m3": (N_("Gas saved (m³/yr)"), "%.0f"),
    "electricity_added_kwh": (N_("Electricity added (kWh/yr)"), "%.0f"),
    "co2_saved_t": (N_("CO₂ saved (t/yr)"), "%.0f"),
    "pct_co2_saved": (N_("Share of today's CO₂ (%)"), "%.1f"),
    "eur_saved_per_household": (N_("EUR saved per household/yr"), "%.0f"),
    "eur_saved_per_upgraded_dwelling": (N_("EUR saved per upgraded dwelling/yr"), "%.0f"),
    "energy_quote_before_pct": (N_("Energy quote now (%)"), "%.1f"),
    "energy_quote_after_pct": (N_("Energy quote after (%)"), "%.1f"),
    "heq_households_before": (N_("High-quote households now (modelled)"), "%.0f"),
    "households_lifted": (N_("Households lifted (modelled)"), "%.0f"),
    "cost_eur": (N_("Cost (EUR)"), "%.0f"),
    "eur_per_tonne": (N_("Gross EUR per tonne CO₂ (investment / lifetime tonnes)"), "%.0f"),
    "eur_per_tonne_net": (N_("Net national cost per tonne CO₂ (PBL method, EUR)"), "%.0f"),
}

LABEL_GAP = {
    "benchmark": N_("Measured benchmark"),
    "year": N_("Year"),
    "benchmark_pct": (N_("A uses less gas than G (benchmark, %)"), "%.0f"),
    "model_pct": (N_("Model (%)"), "%.1f"),
    "difference_pp": (N_("Difference (percentage points)"), "%+.1f"),
    "difference_pct": (N_("Difference (% of the benchmark)"), "%+.0f"),
    "within_tolerance": (N_("Within tolerance"), "check"),
}

LABEL_GAP_BY_TYPE = {
    "dwelling_type": N_("Dwelling type"),
    "gap_model": (N_("A against G, model (pooled over types, used)"), "%.3f"),
    "gap_own_type": (N_("A against G, fitted within the type (shown only)"), "%.3f"),
}

COST_EDITOR = {
    "dwelling_type": (N_("Dwelling type"), "text", {"disabled": True}),
    "cost_per_step_eur": (N_("€ per dwelling per label step"), "%.0f", {"step": 100}),
}

RANKING = {
    "rank": N_("Rank"),
    "buurt_name": N_("Buurt"),
    "chosen": N_("Gets work"),
    "score": (N_("Score"), "progress"),
    "co2_per_meur": (N_("t CO₂/yr per EUR million"), "%.1f"),
    "lifted_per_meur": (N_("Households lifted per EUR million"), "%.2f"),
    "dwellings_allocated": (N_("Dwellings"), "%.0f"),
    "cost_eur": (N_("Cost (EUR)"), "%.0f"),
    "co2_saved_t": (N_("CO₂ saved (t/yr)"), "%.1f"),
    "households_lifted": (N_("Households lifted"), "%.1f"),
}

MARKET = {
    "buurt_code": N_("Code"),
    "buurt_name": N_("Buurt"),
    "dwelling_type": N_("Dwelling type"),
    "build_period": N_("Build period"),
    "label": N_("Label now"),
    "estimated": N_("Estimate"),
    "dwellings": (N_("Dwellings (est.)"), "%.1f"),
    "dwellings_to_upgrade": (N_("To upgrade (est.)"), "%.1f"),
    "gas_saved_m3": (N_("Gas saved (m³/yr)"), "%.0f"),
    "co2_saved_t": (N_("CO₂ saved (t/yr)"), "%.2f"),
    "cost_eur": (N_("Cost (EUR)"), "%.0f"),
}

NEWBUILD_SCORES = {
    "buurt_name": N_("Buurt"),
    "score": (N_("Score"), "progress"),
    "score_thinning": (N_("Thinning (verdunnen)"), "%.2f"),
    "score_mixing": (N_("Mixing without displacing"), "%.2f"),
    "score_transformation": (N_("Transformation"), "%.0f"),
    "efg_dwellings": (N_("Label E-G dwellings (est.)"), "%.0f"),
    "efg_co2_t": (N_("Their CO₂ (t/yr)"), "%.0f"),
    "efg_heq_households": (N_("Their high-quote households (modelled)"), "%.0f"),
    "mix_tenure_added": N_("Tenure that mixes most"),
    "mix_gain": (N_("Mix gain"), "%.3f"),
    "eligible": (N_("≥ {n} households"), "check"),  # n: geo.targeting.newbuild.MIN_HOUSEHOLDS, filled where shown
}

ALLOCATION_EDITOR = {
    "buurt_code": (N_("Code"), "text", {"disabled": True}),
    "buurt_name": (N_("Buurt"), "text", {"disabled": True}),
    "score": (N_("Score"), "%.2f", {"disabled": True}),
    "suggested": (N_("Suggested"), "%d", {"disabled": True}),
    "homes": (N_("Homes (your plan)"), "%d", {"min_value": 0, "step": 1}),
}

NEWBUILD_EFFECTS = {
    "buurt_name": N_("Buurt"),
    "homes": N_("Homes"),
    "replacement_homes": N_("Replacement homes"),
    "added_homes": N_("Added homes"),
    "demolished": (N_("Demolished E-G"), "%.0f"),
    "net_stock_change": (N_("Net stock change"), "%.0f"),
    "co2_saved_t": (N_("CO₂ saved (t/yr)"), "%.0f"),
    "heq_households_relieved": (N_("High-quote households relieved"), "%.1f"),
    "mix_tenure_added": N_("Added tenure"),
    "mix_distance_before": (N_("Mix distance before"), "%.3f"),
    "mix_distance_after": (N_("Mix distance after"), "%.3f"),
}
