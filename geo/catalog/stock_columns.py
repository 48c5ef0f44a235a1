"""Data-dictionary entries of the housing stock per buurt (energy labels, heat demand, district heating).

The stock figures come from VIVET dwellings, estimated per buurt by raking (or
counted with the per-address file; see :mod:`geo.build.stock`). Their names
follow the vocabulary: one column per label class, per tenure and per dwelling
family x build-period group.

Examples
--------
>>> [c.label for c in STOCK_COLUMNS if c.name == "dwellings_social_rent"]
['Dwellings, tenure social rent']
>>> [c.formula for c in STOCK_COLUMNS if c.name == "heat_demand_kwh_m2"]
['sum(rv + tw) x 277.8 / sum(floor area)']
"""

from __future__ import annotations

from geo.catalog.column import ESTIMATED, Column
from geo.vocab import (
    BUILD_PERIOD_GROUPS,
    DISTRICT_HEATING_CODES,
    DWELLING_FAMILIES,
    GAS_M3_PER_GJ,
    KWH_PER_GJ,
    LABELS,
    TENURE_NAMES,
    TENURES,
)

# Values of ``stock_basis``: how the buurt's stock figures were obtained.
BASIS_ESTIMATED = "estimated (raking)"
BASIS_ADDRESS = "registered per address"

_V = "vivet"
_EST = (
    "Estimated (raking of the Heerlen VIVET dwellings to the buurt's CBS margins) unless the per-address file "
    "is present. "
)
_DWELLINGS = "dwellings"
_PCT = "% of dwellings"
_SCORE = "1 = A ... 7 = G"


def _col(name: str, label: str, unit: str, meaning: str, on_map: bool = False, decimals: int = 0,
         higher_is_worse: bool | None = None, formula: str = "") -> Column:
    """Return a column of the stock table: estimated, from VIVET, off the map unless said otherwise."""
    return Column(name, label, unit, meaning, _V, kind=ESTIMATED, decimals=decimals, on_map=on_map,
                  higher_is_worse=higher_is_worse, formula=formula)


def _label_columns(lab: str) -> list[Column]:
    """Return the four columns of one label class: all dwellings, registered, p05 and p95."""
    low = lab.lower()
    return [
        _col(f"dwellings_label_{low}", f"Dwellings with energy label class {lab} (all dwellings)", _DWELLINGS,
             _EST + f"Label class {lab}; dwellings without a registered label imputed from labelled dwellings of "
             "the same dwelling type x build period x tenure"),
        _col(f"dwellings_label_{low}_registered", f"Dwellings with registered energy label class {lab}", _DWELLINGS,
             _EST + f"Dwellings with a registered EP-Online label {lab} at the VIVET reference date"),
        _col(f"dwellings_label_{low}_p05", f"Dwellings with label class {lab}: lower bound (p05)", _DWELLINGS,
             "5th percentile over bootstrap resamples of the VIVET dwellings (sampling uncertainty of the estimate, "
             "not model error)"),
        _col(f"dwellings_label_{low}_p95", f"Dwellings with label class {lab}: upper bound (p95)", _DWELLINGS,
             "95th percentile over bootstrap resamples of the VIVET dwellings"),
    ]


def _period_name(group: str) -> str:
    """Return a build-period group in words: 'before_1946' -> 'before 1946', '2000_plus' -> '2000 and later'."""
    return group.replace("_plus", " and later").replace("before_", "before ").replace("_", "-")


def _family_period_column(family: str, words: str, group: str) -> Column:
    """Return the column of dwellings of one family (single/multi) built in one build-period group."""
    period = _period_name(group)
    return _col(f"dwellings_{family}_{group}", f"Dwellings, {words}, built {period}", _DWELLINGS,
                _EST + f"{words.capitalize()} dwellings (dwelling type) built {period} (build period)")


STOCK_COLUMNS: list[Column] = [
    _col("stock_basis", "Basis of the stock figures", "text",
         f"'{BASIS_ESTIMATED}' or '{BASIS_ADDRESS}' (PBL VIVET file with buurt code per dwelling)"),
    _col("stock_dwellings", "Dwellings (stock estimate)", _DWELLINGS,
         _EST + "Dwelling count the estimate is calibrated to (KWB); with the address file, the dwellings counted"),
    *[column for lab in LABELS for column in _label_columns(lab)],
    _col("dwellings_unlabelled_registered", "Dwellings without a registered energy label", _DWELLINGS,
         _EST + "Dwellings without an EP-Online label at the VIVET reference date (57 % in Heerlen)"),
    _col("pct_label_efg_registered", "Energy label class E, F or G (registered labels)", "% of labelled dwellings",
         _EST + "Share of E/F/G among dwellings with a registered label; labelled dwellings are not a random sample "
         "of the stock",
         on_map=True, decimals=1, higher_is_worse=True, formula="100 x (E+F+G) / (A+...+G), registered only"),
    _col("pct_label_efg_all", "Energy label class E, F or G (all dwellings)", _PCT,
         _EST + "Share of E/F/G among all dwellings, unlabelled dwellings imputed by the label mix of their dwelling "
         "type x build period x tenure",
         on_map=True, decimals=1, higher_is_worse=True, formula="100 x (E+F+G) / all dwellings, imputed basis"),
    _col("pct_label_efg_all_p05", "Label class E/F/G (all): lower bound (p05)", _PCT,
         "5th percentile over 200 bootstrap resamples of the VIVET dwellings", decimals=1),
    _col("pct_label_efg_all_p95", "Label class E/F/G (all): upper bound (p95)", _PCT,
         "95th percentile over 200 bootstrap resamples of the VIVET dwellings", decimals=1),
    _col("pct_label_efg_all_band", "Uncertainty of the E/F/G share", "percentage points",
         "Width p95 - p05 of the bootstrap band of the E/F/G share (all dwellings). Covers sampling noise in VIVET "
         "only; the gas-use check shows the larger model error",
         on_map=True, decimals=1, higher_is_worse=True, formula="pct_label_efg_all_p95 - pct_label_efg_all_p05"),
    _col("label_score", "Average energy label class (all dwellings)", _SCORE,
         _EST + "Mean label class score A=1 ... G=7, unlabelled dwellings imputed",
         on_map=True, decimals=2, higher_is_worse=True, formula="sum(score x dwellings) / dwellings"),
    _col("label_score_registered", "Average energy label class (registered labels)", _SCORE,
         _EST + "Mean label class score over dwellings with a registered label", decimals=2, higher_is_worse=True),
    *[
        _col(f"dwellings_{t}", f"Dwellings, tenure {TENURE_NAMES[t]}", _DWELLINGS,
             _EST + f"Dwellings with tenure {TENURE_NAMES[t]} (VIVET tenure code)")
        for t in TENURES
    ],
    *[
        _family_period_column(family, words, group)
        for family, words in DWELLING_FAMILIES.items()
        for group in BUILD_PERIOD_GROUPS
    ],
    _col("pct_built_before_1975", "Built before 1975", _PCT,
         _EST + "Dwellings built before 1975, before insulation was required by the building code",
         on_map=True, decimals=0, higher_is_worse=True),
    _col("heat_demand_gj", "Heat demand per dwelling", "GJ per dwelling per year",
         _EST + "VIVET reference heat demand for space heating and hot water (rv + tw), modelled, per dwelling",
         decimals=1, higher_is_worse=True),
    _col("heat_demand_kwh_m2", "Heat demand per m2", "kWh per m2 floor area per year",
         _EST + "VIVET reference heat demand (rv + tw) divided by usable floor area (BAG); independent of dwelling "
         "size",
         on_map=True, decimals=0, higher_is_worse=True, formula=f"sum(rv + tw) x {KWH_PER_GJ:.1f} / sum(floor area)"),
    _col("floor_area_m2", "Floor area per dwelling", "m2",
         _EST + "Average usable floor area (BAG gebruiksoppervlakte)", decimals=0),
    _col("gas_m3_vivet", "Modelled gas use per dwelling (VIVET)", "m3 per dwelling per year",
         _EST + f"VIVET reference gas use (GJ x {GAS_M3_PER_GJ}), a model figure for a later year than the measured "
         "KWB gas use",
         decimals=0, higher_is_worse=True),
    _col("pct_district_heating_vivet", "District heating (VIVET)", _PCT,
         _EST + "Dwellings with a district-heating installation in VIVET (installation codes "
         f"{'/'.join(DISTRICT_HEATING_CODES)}, mostly the Mijnwater network)",
         on_map=True, decimals=1),
    _col("effective_dwellings", "Effective VIVET dwellings behind the estimate", _DWELLINGS,
         "Kish effective sample size of the raking weights: how many VIVET dwellings the buurt estimate effectively "
         "rests on"),
    _col("margins_used", "CBS shares used", "text",
         "KWB shares the buurt was raked to (tenure, type, period, district heating); missing ones are "
         "CBS-suppressed"),
    _col("rake_residual", "Raking residual", "share of dwellings",
         "Largest deviation from a published share after raking (0 = all met)"),
    _col("estimate_quality", "Quality of the stock estimate", "good/weak/none",
         "'weak' when the measured gas use is missed by more than 25 %, shares are suppressed or cannot be met, or "
         "few VIVET dwellings carry the estimate; 'none' without a dwelling count"),
    _col("estimate_reason", "Why the estimate is good or weak", "text", "The reason behind estimate_quality in words"),
]
