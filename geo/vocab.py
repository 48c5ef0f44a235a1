"""The product's vocabulary: one spelling of every category, unit and physical factor.

Energy-label classes, dwelling types, build periods and tenures are named here
once, with the codes the sources use for them (VIVET's ``wt``, ``bp``, ``eg``),
so the stock estimate, the retrofit model and the new-build model cannot drift
apart. Factors carry their source in a comment.

The category names are *data*: the processed tables, the stock cells and the
models store them as written here (in English), so they never change with the
language. To show one on screen, pass it through :func:`display`, which
translates it into the language in force ("social rent" -> "sociale huur
(corporatiewoning)"); anything it does not know (label classes, year ranges,
numbers, missing values) comes back unchanged.

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
>>> from geo.i18n import language
>>> with language("nl"):
...     display("social rent"), display("before 1930"), display("C"), display("1946-1964")
('sociale huur (corporatiewoning)', 'vóór 1930', 'C', '1946-1964')
>>> with language("en"):
...     display("semi-detached")
'semi-detached'
"""

from __future__ import annotations

import re

from geo.i18n import N_, _

# ---- energy labels --------------------------------------------------------------------------

LABELS = ("A", "B", "C", "D", "E", "F", "G")  # best to worst; A+ classes are merged into A
POOR_LABELS = ("E", "F", "G")
NO_LABEL = "x"  # VIVET: no registered EP-Online label at the reference date
NO_LABEL_NAME = N_("no label")  # how NO_LABEL is shown

# ---- dwellings ------------------------------------------------------------------------------

# VIVET dwelling type ``wt`` 1-5.
DWELLING_TYPES = (N_("detached"), N_("semi-detached"), N_("end-terrace"), N_("mid-terrace"), N_("apartment"))
DWELLING_TYPE_BY_VIVET_CODE = dict(enumerate(DWELLING_TYPES, start=1))
# Measured (KWB) gas use per dwelling of each type: gas_m3_<type with '-' as '_'>.
GAS_COLUMN_BY_DWELLING_TYPE = {t: "gas_m3_" + t.replace("-", "_") for t in DWELLING_TYPES}
SINGLE_FAMILY_TYPES = DWELLING_TYPES[:4]
# Single- and multi-family (eengezins / meergezins, the KWB type shares): key as in the processed columns, name.
DWELLING_FAMILIES = {"single_family": N_("single-family"), "multi_family": N_("multi-family")}

# VIVET build period ``bp`` 0-11.
BUILD_PERIODS = (
    N_("before 1930"), "1930-1945", "1946-1964", "1965-1974", "1975-1991", "1992-1995", "1996-1999",
    "2000-2005", "2006-2010", "2011-2014", "2015-2020", N_("2021 and later"),
)
BUILD_PERIOD_BY_VIVET_CODE = dict(enumerate(BUILD_PERIODS))
# Coarse build-period groups of the per-buurt stock columns: key -> the VIVET ``bp`` codes it spans.
BUILD_PERIOD_GROUPS = {
    "before_1946": range(0, 2), "1946_1974": range(2, 4), "1975_1999": range(4, 7), "2000_plus": range(7, 12),
}
# The groups in words (labels of the stock columns).
BUILD_PERIOD_GROUP_NAMES = {
    "before_1946": N_("before 1946"), "1946_1974": "1946-1974", "1975_1999": "1975-1999",
    "2000_plus": N_("2000 and later"),
}

# Tenures: keys as in the processed buurt columns (KWB order), names as shown to users. The stock
# cells table and the targeting tables store the names, the buurt columns the keys.
TENURES = ("owner_occupied", "social_rent", "private_rent")
TENURE_NAMES = {
    "owner_occupied": N_("owner-occupied"), "social_rent": N_("social rent"), "private_rent": N_("private rent"),
}
RENTED = N_("rented")  # social and private rent together
TENURE_NAME_LIST = tuple(TENURE_NAMES[t] for t in TENURES)  # the names, in KWB order
# VIVET ``eg``: 0 owner-occupied, 1 private rent, 2 social rent.
TENURE_BY_VIVET_CODE = {0: "owner_occupied", 1: "private_rent", 2: "social_rent"}
TENURE_NAME_BY_VIVET_CODE = {code: TENURE_NAMES[t] for code, t in TENURE_BY_VIVET_CODE.items()}
# KWB share column of each tenure, by key and by name.
TENURE_COLUMNS = {
    "owner_occupied": "pct_owner_occupied", "social_rent": "pct_social_rent", "private_rent": "pct_private_rent",
}
TENURE_COLUMN_BY_NAME = {TENURE_NAMES[t]: TENURE_COLUMNS[t] for t in TENURES}

# How the buurt stock figures were obtained (values of ``stock_basis``) and how good the estimate is
# (values of ``estimate_quality``).
BASIS_ESTIMATED = N_("estimated (raking)")
BASIS_ADDRESS = N_("registered per address")
ESTIMATE_QUALITIES = (N_("good"), N_("weak"), N_("none"))

# VIVET installation codes ``ic`` of dwellings on a district-heating network.
DISTRICT_HEATING_CODES = ("eww", "aww")

# ---- units and physical factors -------------------------------------------------------------

GAS_M3_PER_GJ = 31.6  # m3 natural gas (Groningen quality) per GJ: VNG DEGO documentation, VIVET SOURCE.md
KWH_PER_GJ = 1e6 / 3600.0  # exact: 1 GJ = 277.8 kWh

# Emission factors (defaults of settings): ISSO publicatie 82 as quoted in Dutch energy-label tooling.
CO2_GAS_KG_PER_M3 = 1.78
CO2_ELECTRICITY_KG_PER_KWH = 0.48
CO2_SOURCE = N_(
    "ISSO publicatie 82 (energy-label methodology) as quoted in Dutch label tooling: natural gas 1.78 kg CO₂/m³, "
    "electricity 0.48 kg CO₂/kWh (district heat 50.6 kg/GJ). Newer official factors (the Dutch CO₂ emission factor "
    "list) differ; both are settings."
)

# ---- showing a category ---------------------------------------------------------------------

_YEAR_RANGE = re.compile(r"\d{4}-\d{4}")
# Every stored category name that reads differently per language, and the message it is shown as.
_SHOWN = {
    name: name
    for name in (
        *DWELLING_TYPES, *DWELLING_FAMILIES.values(), *BUILD_PERIODS, *BUILD_PERIOD_GROUP_NAMES.values(),
        *TENURE_NAMES.values(), RENTED, BASIS_ESTIMATED, BASIS_ADDRESS, *ESTIMATE_QUALITIES,
    )
    if not _YEAR_RANGE.fullmatch(name)  # "1946-1964" reads the same in every language
} | {NO_LABEL: NO_LABEL_NAME}


def display(value):
    """A stored category value as the user reads it, in the language in force.

    Dwelling types, dwelling families, build periods, tenures, the stock basis,
    the estimate quality and "no label" are translated; any other value (a
    label class, a year range, a number, a missing value) is returned as is. Use
    it for the screen only (e.g. ``df["tenure"].map(display)``): the data keep
    the stored English names.

    Parameters
    ----------
    value : object
        A category value as stored.

    Returns
    -------
    object
        The translated name, or ``value`` unchanged.
    """
    if isinstance(value, str) and value in _SHOWN:
        return _(_SHOWN[value])
    return value


def co2_source() -> str:
    """Where the CO2 emission factors come from, in the language in force."""
    return _(CO2_SOURCE)
