"""The product's vocabulary: one spelling of every category, unit and physical factor.

Energy-label classes, dwelling types, build periods and tenures are named here
once, with the codes the sources use for them (VIVET's ``wt``, ``bp``, ``eg``),
so the stock estimate, the retrofit model and the new-build model cannot drift
apart. Factors carry their source in a comment.

Examples
--------
>>> LABELS[0], LABELS[-1]
('A', 'G')
>>> DWELLING_TYPE_BY_VIVET_CODE[5]
'apartment'
>>> round(GAS_M3_PER_GJ * 1.0, 1)
31.6
>>> TENURE_NAME_BY_VIVET_CODE[2], TENURE_COLUMN_BY_NAME["social rent"]
('social rent', 'pct_social_rent')
"""

from __future__ import annotations

# ---- energy labels --------------------------------------------------------------------------

LABELS = ("A", "B", "C", "D", "E", "F", "G")  # best to worst; A+ classes are merged into A
POOR_LABELS = ("E", "F", "G")
NO_LABEL = "x"  # VIVET: no registered EP-Online label at the reference date

# ---- dwellings ------------------------------------------------------------------------------

# VIVET dwelling type ``wt`` 1-5.
DWELLING_TYPES = ("detached", "semi-detached", "end-terrace", "mid-terrace", "apartment")
DWELLING_TYPE_BY_VIVET_CODE = dict(enumerate(DWELLING_TYPES, start=1))
# Measured (KWB) gas use per dwelling of each type: gas_m3_<type with '-' as '_'>.
GAS_COLUMN_BY_DWELLING_TYPE = {t: "gas_m3_" + t.replace("-", "_") for t in DWELLING_TYPES}
SINGLE_FAMILY_TYPES = DWELLING_TYPES[:4]
# Single- and multi-family (eengezins / meergezins, the KWB type shares): key as in the processed columns, name.
DWELLING_FAMILIES = {"single_family": "single-family", "multi_family": "multi-family"}

# VIVET build period ``bp`` 0-11.
BUILD_PERIODS = (
    "before 1930", "1930-1945", "1946-1964", "1965-1974", "1975-1991", "1992-1995", "1996-1999",
    "2000-2005", "2006-2010", "2011-2014", "2015-2020", "2021 and later",
)
BUILD_PERIOD_BY_VIVET_CODE = dict(enumerate(BUILD_PERIODS))
# Coarse build-period groups of the per-buurt stock columns: key -> the VIVET ``bp`` codes it spans.
BUILD_PERIOD_GROUPS = {
    "before_1946": range(0, 2), "1946_1974": range(2, 4), "1975_1999": range(4, 7), "2000_plus": range(7, 12),
}

# Tenures: keys as in the processed buurt columns (KWB order), names as shown to users. The stock
# cells table and the targeting tables store the names, the buurt columns the keys.
TENURES = ("owner_occupied", "social_rent", "private_rent")
TENURE_NAMES = {"owner_occupied": "owner-occupied", "social_rent": "social rent", "private_rent": "private rent"}
TENURE_NAME_LIST = tuple(TENURE_NAMES[t] for t in TENURES)  # the names, in KWB order
# VIVET ``eg``: 0 owner-occupied, 1 private rent, 2 social rent.
TENURE_BY_VIVET_CODE = {0: "owner_occupied", 1: "private_rent", 2: "social_rent"}
TENURE_NAME_BY_VIVET_CODE = {code: TENURE_NAMES[t] for code, t in TENURE_BY_VIVET_CODE.items()}
# KWB share column of each tenure, by key and by name.
TENURE_COLUMNS = {
    "owner_occupied": "pct_owner_occupied", "social_rent": "pct_social_rent", "private_rent": "pct_private_rent",
}
TENURE_COLUMN_BY_NAME = {TENURE_NAMES[t]: TENURE_COLUMNS[t] for t in TENURES}

# VIVET installation codes ``ic`` of dwellings on a district-heating network.
DISTRICT_HEATING_CODES = ("eww", "aww")

# ---- units and physical factors -------------------------------------------------------------

GAS_M3_PER_GJ = 31.6  # m3 natural gas (Groningen quality) per GJ: VNG DEGO documentation, VIVET SOURCE.md
KWH_PER_GJ = 1e6 / 3600.0  # exact: 1 GJ = 277.8 kWh

# Emission factors (defaults of settings): ISSO publicatie 82 as quoted in Dutch energy-label tooling.
CO2_GAS_KG_PER_M3 = 1.78
CO2_ELECTRICITY_KG_PER_KWH = 0.48
CO2_SOURCE = (
    "ISSO publicatie 82 (energy-label methodology) as quoted in Dutch label tooling: natural gas 1.78 kg CO2/m3, "
    "electricity 0.48 kg CO2/kWh (district heat 50.6 kg/GJ). Newer official factors (the Dutch CO2 emission factor "
    "list) differ; both are settings."
)
