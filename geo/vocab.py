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
"""

from __future__ import annotations

# ---- energy labels --------------------------------------------------------------------------

LABELS = ("A", "B", "C", "D", "E", "F", "G")  # best to worst; A+ classes are merged into A
POOR_LABELS = ("E", "F", "G")
NO_LABEL = "x"  # VIVET: no registered EP-Online label at the reference date

# ---- dwellings ------------------------------------------------------------------------------

# VIVET dwelling type ``wt`` 1-5; the KWB gas column of a type is gas_m3_<type with '-' as '_'>.
DWELLING_TYPES = ("detached", "semi-detached", "end-terrace", "mid-terrace", "apartment")
DWELLING_TYPE_BY_VIVET_CODE = dict(enumerate(DWELLING_TYPES, start=1))
SINGLE_FAMILY_TYPES = DWELLING_TYPES[:4]

# VIVET build period ``bp`` 0-11.
BUILD_PERIODS = (
    "before 1930", "1930-1945", "1946-1964", "1965-1974", "1975-1991", "1992-1995", "1996-1999",
    "2000-2005", "2006-2010", "2011-2014", "2015-2020", "2021 and later",
)
BUILD_PERIOD_BY_VIVET_CODE = dict(enumerate(BUILD_PERIODS))

# Tenures: keys as in the processed columns (KWB order), names as shown to users.
TENURES = ("owner_occupied", "social_rent", "private_rent")
TENURE_NAMES = {"owner_occupied": "owner-occupied", "social_rent": "social rent", "private_rent": "private rent"}
# VIVET ``eg``: 0 owner-occupied, 1 private rent, 2 social rent.
TENURE_BY_VIVET_CODE = {0: "owner_occupied", 1: "private_rent", 2: "social_rent"}
# KWB share column of each tenure.
TENURE_COLUMNS = {"owner_occupied": "pct_owner_occupied", "social_rent": "pct_social_rent", "private_rent": "pct_private_rent"}

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
