"""Data-dictionary entries of the housing stock per buurt (energy labels, heat demand, district heating).

The stock figures come from VIVET dwellings, estimated per buurt by raking (or
counted with the per-address file; see :mod:`geo.build.stock`). Their names
follow the vocabulary: one column per label class, per tenure and per dwelling
family x build-period group. Their texts are message ids with placeholders
(the label class, the tenure, ...), shown through :class:`Column`'s ``display_*``
methods.

Examples
--------
>>> from geo.i18n import language
>>> col = next(c for c in STOCK_COLUMNS if c.name == "dwellings_social_rent")
>>> with language("en"):
...     col.display_label()
'Dwellings: social rent'
>>> with language("nl"):
...     col.display_label()
'Woningen: sociale huur (corporatiewoning)'
>>> with language("nl"):
...     [c.display_formula() for c in STOCK_COLUMNS if c.name == "heat_demand_kwh_m2"]
['som(rv + tw) x 277,8 / som(vloeroppervlak)']
"""

from __future__ import annotations

from geo.catalog.column import ESTIMATED, Column
from geo.i18n import N_
from geo.vocab import (
    BASIS_ADDRESS,
    BASIS_ESTIMATED,
    BUILD_PERIOD_GROUP_NAMES,
    BUILD_PERIOD_GROUPS,
    DISTRICT_HEATING_CODES,
    DWELLING_FAMILIES,
    GAS_M3_PER_GJ,
    KWH_PER_GJ,
    LABELS,
    TENURE_NAMES,
    TENURES,
)

__all__ = ["BASIS_ADDRESS", "BASIS_ESTIMATED", "STOCK_COLUMNS"]  # the basis values live in geo.vocab

_V = "vivet"
_EST = N_(
    "Estimated (raking of the VIVET dwellings of the municipality to the buurt's CBS margins) unless the per-address file "
    "is present."
)
_DWELLINGS = N_("dwellings")
_PCT = N_("% of dwellings")
_SCORE = N_("1 = A ... 7 = G")


def _col(name: str, label: str, unit: str, meaning: str, on_map: bool = False, decimals: int = 0,
         higher_is_worse: bool | None = None, formula: str = "", args: dict | None = None,
         note: str = "") -> Column:
    """Return a column of the stock table: estimated, from VIVET, off the map unless said otherwise."""
    return Column(name, label, unit, meaning, _V, kind=ESTIMATED, decimals=decimals, on_map=on_map,
                  higher_is_worse=higher_is_worse, formula=formula, args=args or {}, note=note)


def _label_columns(lab: str) -> list[Column]:
    """Return the four columns of one label class: all dwellings, registered, p05 and p95."""
    low = lab.lower()
    args = {"label": lab}
    return [
        _col(f"dwellings_label_{low}", N_("Label {label}: dwellings"), _DWELLINGS,
             N_("Dwellings with energy label class {label}, all dwellings; dwellings without a registered label "
                "imputed from labelled dwellings of the same dwelling type x build period x tenure."),
             args=args, note=_EST),
        _col(f"dwellings_label_{low}_registered", N_("Label {label}: registered"), _DWELLINGS,
             N_("Dwellings with a registered EP-Online label {label} at the VIVET reference date."),
             args=args, note=_EST),
        _col(f"dwellings_label_{low}_p05", N_("Label {label}: lower bound (p05)"), _DWELLINGS,
             N_("Dwellings with label class {label}: 5th percentile over bootstrap resamples of the VIVET dwellings "
                "(sampling uncertainty of the estimate, not model error)."), args=args),
        _col(f"dwellings_label_{low}_p95", N_("Label {label}: upper bound (p95)"), _DWELLINGS,
             N_("Dwellings with label class {label}: 95th percentile over bootstrap resamples of the VIVET "
                "dwellings."), args=args),
    ]


def _family_period_column(family: str, words: str, group: str) -> Column:
    """Return the column of dwellings of one family (single/multi) built in one build-period group."""
    args = {"family": words, "period": BUILD_PERIOD_GROUP_NAMES[group]}
    return _col(f"dwellings_{family}_{group}", N_("Built {period}, {family}"), _DWELLINGS,
                N_("Dwellings of type {family} (dwelling type) built {period} (build period)."), args=args,
                note=_EST)


STOCK_COLUMNS: list[Column] = [
    _col("stock_basis", N_("Basis of the stock figures"), N_("text"),
         N_("'{estimated}' or '{address}' (PBL VIVET file with buurt code per dwelling)."),
         args={"estimated": BASIS_ESTIMATED, "address": BASIS_ADDRESS}),
    _col("stock_dwellings", N_("Dwellings (stock estimate)"), _DWELLINGS,
         N_("Dwelling count the estimate is calibrated to (KWB); with the address file, the dwellings counted."),
         note=_EST),
    *[column for lab in LABELS for column in _label_columns(lab)],
    _col("dwellings_unlabelled_registered", N_("Dwellings without a label"), _DWELLINGS,
         N_("Dwellings without a registered EP-Online label at the VIVET reference date."),
         note=_EST),
    _col("pct_label_efg_registered", N_("Label E, F or G (registered)"), N_("% of labelled dwellings"),
         N_("Share of label classes E, F and G among dwellings with a registered label; labelled dwellings are not "
            "a random sample of the stock."),
         on_map=True, decimals=1, higher_is_worse=True, formula=N_("100 x (E+F+G) / (A+...+G), registered only"),
         note=_EST),
    _col("pct_label_efg_all", N_("Label E, F or G (all dwellings)"), _PCT,
         N_("Share of label classes E, F and G among all dwellings, unlabelled dwellings imputed by the label mix "
            "of their dwelling type x build period x tenure."),
         on_map=True, decimals=1, higher_is_worse=True, formula=N_("100 x (E+F+G) / all dwellings, imputed basis"),
         note=_EST),
    _col("pct_label_efg_all_p05", N_("Label E-G: lower bound (p05)"), _PCT,
         N_("Share of label classes E, F and G (all dwellings): 5th percentile over 200 bootstrap resamples of the "
            "VIVET dwellings."), decimals=1),
    _col("pct_label_efg_all_p95", N_("Label E-G: upper bound (p95)"), _PCT,
         N_("Share of label classes E, F and G (all dwellings): 95th percentile over 200 bootstrap resamples of "
            "the VIVET dwellings."), decimals=1),
    _col("pct_label_efg_all_band", N_("Uncertainty of label E-G"), N_("percentage points"),
         N_("Width p95 - p05 of the bootstrap band of the E/F/G share (all dwellings). Covers sampling noise in "
            "VIVET only; the gas-use check shows the larger model error."),
         on_map=True, decimals=1, higher_is_worse=True, formula=N_("pct_label_efg_all_p95 - pct_label_efg_all_p05")),
    _col("label_score", N_("Average label class"), _SCORE,
         N_("Mean label class score A=1 ... G=7 over all dwellings, unlabelled dwellings imputed."),
         on_map=True, decimals=2, higher_is_worse=True, formula=N_("sum(score x dwellings) / dwellings"), note=_EST),
    _col("label_score_registered", N_("Average label class (registered)"), _SCORE,
         N_("Mean label class score over dwellings with a registered label."), decimals=2, higher_is_worse=True,
         note=_EST),
    *[
        _col(f"dwellings_{t}", N_("Dwellings: {tenure}"), _DWELLINGS,
             N_("Dwellings with tenure {tenure} (VIVET tenure code)."), args={"tenure": TENURE_NAMES[t]}, note=_EST)
        for t in TENURES
    ],
    *[
        _family_period_column(family, words, group)
        for family, words in DWELLING_FAMILIES.items()
        for group in BUILD_PERIOD_GROUPS
    ],
    _col("pct_built_before_1975", N_("Built before 1975"), _PCT,
         N_("Dwellings built before 1975, before insulation was required by the building code."),
         on_map=True, decimals=0, higher_is_worse=True, note=_EST),
    _col("heat_demand_gj", N_("Heat demand per dwelling"), N_("GJ per dwelling per year"),
         N_("VIVET reference heat demand for space heating and hot water (rv + tw), modelled, per dwelling."),
         decimals=1, higher_is_worse=True, note=_EST),
    _col("heat_demand_kwh_m2", N_("Heat demand per m²"), N_("kWh per m² floor area per year"),
         N_("VIVET reference heat demand (rv + tw) divided by usable floor area (BAG); independent of dwelling "
            "size."),
         on_map=True, decimals=0, higher_is_worse=True, formula=N_("sum(rv + tw) x {kwh_per_gj} / sum(floor area)"),
         args={"kwh_per_gj": round(KWH_PER_GJ, 1)}, note=_EST),
    _col("floor_area_m2", N_("Floor area per dwelling"), N_("m²"),
         N_("Average usable floor area (BAG gebruiksoppervlakte)."), decimals=0, note=_EST),
    _col("gas_m3_vivet", N_("Modelled gas use (VIVET)"), N_("m³ per dwelling per year"),
         N_("VIVET reference gas use per dwelling (GJ x {m3_per_gj}), a model figure for a later year than the "
            "measured KWB gas use."),
         decimals=0, higher_is_worse=True, args={"m3_per_gj": GAS_M3_PER_GJ}, note=_EST),
    _col("pct_district_heating_vivet", N_("District heating (VIVET)"), _PCT,
         N_("Dwellings with a district-heating installation in VIVET (installation codes {codes}, mostly the "
            "Mijnwater network)."),
         on_map=True, decimals=1, args={"codes": "/".join(DISTRICT_HEATING_CODES)}, note=_EST),
    _col("effective_dwellings", N_("Effective VIVET dwellings"), _DWELLINGS,
         N_("Kish effective sample size of the raking weights: how many VIVET dwellings the buurt estimate "
            "effectively rests on.")),
    _col("margins_used", N_("CBS shares used"), N_("text"),
         N_("KWB shares the buurt was raked to (tenure, type, period, district heating); missing ones are "
            "suppressed by CBS.")),
    _col("rake_residual", N_("Raking residual"), N_("share of dwellings"),
         N_("Largest deviation from a published share after raking (0 = all met).")),
    _col("estimate_quality", N_("Quality of the stock estimate"), N_("good/weak/none"),
         N_("'weak' when the measured gas use is missed by more than 25 %, shares are suppressed or cannot be met, "
            "or few VIVET dwellings carry the estimate; 'none' without a dwelling count.")),
    _col("estimate_reason", N_("Why the estimate is good or weak"), N_("text"),
         N_("The reason behind the quality of the stock estimate, in words.")),
]
