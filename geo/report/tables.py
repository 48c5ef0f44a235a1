"""Column labels and number formats of the tables the Retrofit and New-build pages show.

One table per shown table, in the order of its columns. A value is either

* a label (a text column),
* ``(label, format)``: a number shown with a printf-style ``format`` (``"%.0f"``, ``"%d"``),
* ``(label, format, options)``: the same with options for an editable column (``disabled``, ``step``,
  ``min_value``),
* ``(label, "progress")``: a score between 0 and 1 drawn as a bar, ``(label, "check")``: a yes/no column,
  ``(label, "text", options)``: a text column with options.

Kept next to the model, so a renamed output column and its label change together
(the tests check every column shown exists in the model's output). Pure data, no Streamlit.
"""

from __future__ import annotations

from geo.targeting.newbuild import MIN_HOUSEHOLDS

RETROFIT_BUURTEN = {
    "buurt_name": "Buurt",
    "dwellings_upgraded": ("Dwellings to upgrade (est.)", "%.0f"),
    "gas_saved_m3": ("Gas saved (m³/yr)", "%.0f"),
    "electricity_added_kwh": ("Electricity added (kWh/yr)", "%.0f"),
    "co2_saved_t": ("CO₂ saved (t/yr)", "%.0f"),
    "pct_co2_saved": ("% of today's CO₂", "%.1f"),
    "eur_saved_per_household": ("EUR saved per household/yr", "%.0f"),
    "eur_saved_per_upgraded_dwelling": ("EUR saved per upgraded dwelling/yr", "%.0f"),
    "energy_quote_before_pct": ("Energy quote now (%)", "%.1f"),
    "energy_quote_after_pct": ("Energy quote after (%)", "%.1f"),
    "heq_households_before": ("High-quote households now (modelled)", "%.0f"),
    "households_lifted": ("Households lifted (modelled)", "%.0f"),
    "cost_eur": ("Cost (EUR)", "%.0f"),
    "eur_per_tonne": ("Gross EUR per tonne CO₂ (investment / lifetime tonnes)", "%.0f"),
    "eur_per_tonne_net": ("Net national cost per tonne CO₂ (PBL method, EUR)", "%.0f"),
}

LABEL_GAP = {
    "benchmark": "Measured benchmark",
    "year": "Year",
    "benchmark_pct": ("A uses less gas than G (benchmark, %)", "%.0f"),
    "heerlen_pct": ("Heerlen model (%)", "%.1f"),
    "difference_pp": ("Difference (percentage points)", "%+.1f"),
    "difference_pct": ("Difference (% of the benchmark)", "%+.0f"),
    "within_tolerance": ("Within tolerance", "check"),
}

LABEL_GAP_BY_TYPE = {
    "dwelling_type": "Dwelling type",
    "gap_model": ("A against G, model (pooled over types, used)", "%.3f"),
    "gap_own_type": ("A against G, fitted within the type (shown only)", "%.3f"),
}

COST_EDITOR = {
    "dwelling_type": ("Dwelling type", "text", {"disabled": True}),
    "cost_per_step_eur": ("Cost per label step (EUR per dwelling)", "%.0f", {"step": 100}),
}

RANKING = {
    "rank": "Rank",
    "buurt_name": "Buurt",
    "chosen": "Gets work",
    "score": ("Score", "progress"),
    "co2_per_meur": ("t CO₂/yr per EUR million", "%.1f"),
    "lifted_per_meur": ("Households lifted per EUR million", "%.2f"),
    "dwellings_allocated": ("Dwellings", "%.0f"),
    "cost_eur": ("Cost (EUR)", "%.0f"),
    "co2_saved_t": ("CO₂ saved (t/yr)", "%.1f"),
    "households_lifted": ("Households lifted", "%.1f"),
}

MARKET = {
    "buurt_code": "Code",
    "buurt_name": "Buurt",
    "dwelling_type": "Dwelling type",
    "build_period": "Build period",
    "label": "Label now",
    "estimated": "Estimate",
    "dwellings": ("Dwellings (est.)", "%.1f"),
    "dwellings_to_upgrade": ("To upgrade (est.)", "%.1f"),
    "gas_saved_m3": ("Gas saved (m³/yr)", "%.0f"),
    "co2_saved_t": ("CO₂ saved (t/yr)", "%.2f"),
    "cost_eur": ("Cost (EUR)", "%.0f"),
}

NEWBUILD_SCORES = {
    "buurt_name": "Buurt",
    "score": ("Score", "progress"),
    "score_thinning": ("Thinning (verdunnen)", "%.2f"),
    "score_mixing": ("Mixing without displacing", "%.2f"),
    "score_transformation": ("Transformation", "%.0f"),
    "efg_dwellings": ("Label E-G dwellings (est.)", "%.0f"),
    "efg_co2_t": ("Their CO₂ (t/yr)", "%.0f"),
    "efg_heq_households": ("Their high-quote households (modelled)", "%.0f"),
    "mix_tenure_added": "Tenure that mixes most",
    "mix_gain": ("Mix gain", "%.3f"),
    "eligible": (f"≥ {MIN_HOUSEHOLDS} households", "check"),
}

ALLOCATION_EDITOR = {
    "buurt_code": ("Code", "text", {"disabled": True}),
    "buurt_name": ("Buurt", "text", {"disabled": True}),
    "score": ("Score", "%.2f", {"disabled": True}),
    "suggested": ("Suggested", "%d", {"disabled": True}),
    "homes": ("Homes (your plan)", "%d", {"min_value": 0, "step": 1}),
}

NEWBUILD_EFFECTS = {
    "buurt_name": "Buurt",
    "homes": "Homes",
    "replacement_homes": "Replacement homes",
    "added_homes": "Added homes",
    "demolished": ("Demolished E-G", "%.0f"),
    "net_stock_change": ("Net stock change", "%.0f"),
    "co2_saved_t": ("CO₂ saved (t/yr)", "%.0f"),
    "heq_households_relieved": ("High-quote households relieved", "%.1f"),
    "mix_tenure_added": "Added tenure",
    "mix_distance_before": ("Mix distance before", "%.3f"),
    "mix_distance_after": ("after", "%.3f"),
}
