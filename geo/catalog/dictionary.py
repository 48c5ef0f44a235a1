"""The data dictionary: every processed and derived column, in the user's language.

One entry per column: what it means, its unit, where it comes from, and whether
it is measured (a published CBS figure), derived (a formula on measured figures)
or estimated (a model). The year a figure *describes* is decided by the build
(latest KWB edition with enough buurten filled) and stored in the processed
metadata; :func:`describe` merges both for the Data & method page.

The texts are stored in English, marked for the catalogue, and translated when
shown: pages read them through :func:`label`, :func:`unit`, :func:`meaning`,
:func:`label_with_unit` and :func:`kind` (by column name), or a
:class:`Column`'s ``display_*`` methods, never through the raw fields.

Examples
--------
>>> from geo.i18n import language
>>> with language("nl"):
...     label("pct_low_income"), unit("pct_low_income")
('Huishoudens met laag inkomen', '% van de huishoudens')
>>> with language("en"):
...     label_with_unit("gas_m3")
'Gas use per dwelling (m³ per dwelling per year)'
"""

from __future__ import annotations

from geo.catalog.column import DERIVED, ESTIMATED, MEASURED, Column
from geo.catalog.monitor_columns import MONITOR_COLUMNS
from geo.catalog.national_columns import NATIONAL_COLUMNS
from geo.catalog.stock_columns import STOCK_COLUMNS
from geo.i18n import N_, _

__all__ = [
    "COLUMNS", "DERIVED", "DERIVED_COLUMNS", "DESCRIBE_HEADERS", "ESTIMATED", "MEASURED", "NATIONAL_COLUMNS",
    "STOCK_COLUMNS", "BY_NAME",
    "Column", "describe", "kind", "kwb_columns", "label", "label_with_unit", "map_indicators", "meaning", "unit",
]

_K = "kwb"
_WIJKEN_NL = "wijken_nl"
_PCT_INHABITANTS = N_("% of inhabitants")
_CODE, _NAME, _PERSONS, _HOUSEHOLDS, _DWELLINGS = N_("code"), N_("name"), N_("persons"), N_("households"), N_("dwellings")
_STOCK, _PCT_DWELLINGS, _PCT_HOUSEHOLDS = N_("% of stock"), N_("% of dwellings"), N_("% of households")
_M3 = N_("m³ per dwelling per year")
_KEUR_YEAR = N_("× €1,000 per year")
_YES_NO = N_("yes/no")
COLUMNS: list[Column] = [
    Column("buurt_code", N_("Buurt code"), _CODE, N_("CBS buurt code: BU + gemeente + wijk + buurt."), "buurten", on_map=False),
    Column("buurt_name", N_("Buurt"), _NAME, N_("Buurt name (CBS buurt classification 2023)."), "buurten", on_map=False),
    Column("wijk_code", N_("Wijk code"), _CODE, N_("Code of the wijk the buurt lies in: WK + characters 3-8 of the buurt code."), "buurten", kind=DERIVED, on_map=False),
    Column("wijk_name", N_("Wijk"), _NAME, N_("Wijk name as in the CBS KWB table."), _K, on_map=False),
    Column("area_ha", N_("Surface area"), N_("ha"), N_("Area of the full-resolution buurt polygon, computed in RD New (EPSG:28992)."), "buurten", kind=DERIVED, decimals=1, formula=N_("polygon area in EPSG:28992 / 10,000")),
    Column("inhabitants", N_("Inhabitants"), _PERSONS, N_("Inhabitants on 1 January (rounded to 5 by CBS)."), _K, kwb="Bevolking_Aantal_inwoners", theme="population"),
    Column("households", N_("Households"), _HOUSEHOLDS, N_("Private households on 1 January."), _K, kwb="Bevolking_Particuliere_huishoudens_Huishoudens_totaal", theme="population"),
    Column("household_size", N_("Average household size"), _PERSONS, N_("Average size of private households."), _K, kwb="Bevolking_Particuliere_huishoudens_Gemiddelde_huishoudensgrootte", theme="population", decimals=1),
    # Per wijk only, from the national wijken table (geo.build.wijk_level): the wijk level of any municipality.
    Column("density", N_("Population density"), N_("inhabitants per km²"), N_("Inhabitants per km² of land on 1 January."), _WIJKEN_NL, theme="population"),
    *[Column(f"pct_age_{band}", label, _PCT_INHABITANTS, N_("Share of inhabitants in this age group on 1 January."), _WIJKEN_NL, theme="population")
      for band, label in [("0_15", N_("Aged 0-15")), ("15_25", N_("Aged 15-25")), ("25_45", N_("Aged 25-45")),
                          ("45_65", N_("Aged 45-65")), ("65plus", N_("Aged 65 and over"))]],
    Column("dwellings", N_("Dwellings"), _DWELLINGS, N_("Dwelling stock on 1 January."), _K, kwb="Wonen_Woningvoorraad", theme="housing"),
    Column("woz_keur", N_("Average WOZ value"), N_("× €1,000"), N_("Average WOZ (property tax) value of dwellings."), _K, kwb="Wonen_Gemiddelde_woningwaarde", theme="woz", higher_is_worse=False),
    Column("pct_owner_occupied", N_("Owner-occupied"), _STOCK, N_("Owner-occupied dwellings."), _K, kwb="Wonen_Woningen_naar_eigendom_Koopwoningen", theme="housing"),
    Column("pct_social_rent", N_("Social rent (corporation)"), _STOCK, N_("Rental dwellings owned by a housing corporation."), _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_woningcorporatie", theme="housing"),
    Column("pct_private_rent", N_("Private rent"), _STOCK, N_("Rental dwellings owned by other landlords."), _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_overige_verhuurders", theme="housing"),
    Column("pct_rent", N_("Rented"), _STOCK, N_("Rental dwellings in total (social + private); tenants cannot invest in the dwelling themselves."), _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_Huurwoningen_totaal", theme="housing", higher_is_worse=True),
    Column("pct_single_family", N_("Single-family dwellings"), _STOCK, N_("Single-family (eengezins) dwellings."), _K, kwb="Wonen_Woningen_naar_type_Percentage_eengezinswoning", theme="housing"),
    Column("pct_multi_family", N_("Multi-family dwellings"), _STOCK, N_("Multi-family (meergezins) dwellings: apartments."), _K, kwb="Wonen_Woningen_naar_type_Percentage_meergezinswoning", theme="housing"),
    Column("pct_built_before_2000", N_("Built before 2000"), _STOCK, N_("Dwellings built before 2000."), _K, kwb="Wonen_Woningen_naar_bouwjaar_Bouwjaar_voor_2000", theme="housing", higher_is_worse=True),
    Column("pct_unoccupied", N_("Unoccupied dwellings"), _STOCK, N_("Unoccupied dwellings."), _K, kwb="Wonen_Woningen_naar_bewoning_Percentage_onbewoond", theme="housing"),
    Column("gas_m3", N_("Gas use per dwelling"), _M3, N_("Average natural-gas supply per dwelling (measured; dwellings on district heating count with ~0)."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal", theme="energy", higher_is_worse=True),
    Column("electricity_kwh", N_("Electricity use per dwelling"), N_("kWh per dwelling per year"), N_("Average electricity supply per dwelling (measured)."), _K, kwb="Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal", theme="energy", higher_is_worse=True),
    Column("gas_m3_apartment", N_("Gas use, apartments"), _M3, N_("Average gas supply per apartment."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Appartement", theme="energy", on_map=False),
    Column("gas_m3_mid_terrace", N_("Gas use, mid-terrace"), _M3, N_("Average gas supply per mid-terrace house."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Tussenwoning", theme="energy", on_map=False),
    Column("gas_m3_end_terrace", N_("Gas use, end-terrace"), _M3, N_("Average gas supply per end-terrace house."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Hoekwoning", theme="energy", on_map=False),
    Column("gas_m3_semi_detached", N_("Gas use, semi-detached"), _M3, N_("Average gas supply per semi-detached house."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Twee_onder_één_kap_woning", theme="energy", on_map=False),
    Column("gas_m3_detached", N_("Gas use, detached"), _M3, N_("Average gas supply per detached house."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Vrijstaande_woning", theme="energy", on_map=False),
    Column("gas_m3_rented", N_("Gas use, rented"), _M3, N_("Average gas supply per rented dwelling."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_eigendom_Huurwoning", theme="energy", on_map=False),
    Column("gas_m3_owned", N_("Gas use, owner-occupied"), _M3, N_("Average gas supply per owner-occupied dwelling."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_eigendom_Eigen_woning", theme="energy", on_map=False),
    Column("pct_district_heating", N_("District heating"), _PCT_DWELLINGS, N_("Dwellings with district heating (CBS publishes it for a few buurten only)."), _K, kwb="Energie_Gemiddeld_aardgasverbruik_Percentage_woningen_met_stadsverwarming", theme="energy"),
    Column("income_per_inhabitant_keur", N_("Income per inhabitant"), _KEUR_YEAR, N_("Average personal (gross) income per inhabitant."), _K, kwb="Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inwoner", theme="income", higher_is_worse=False, decimals=1),
    Column("income_per_recipient_keur", N_("Income per recipient"), _KEUR_YEAR, N_("Average personal (gross) income per income recipient."), _K, kwb="Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inkomensontvanger", theme="income", higher_is_worse=False, decimals=1),
    Column("pct_low_income", N_("Households with a low income"), _PCT_HOUSEHOLDS, N_("Households below the CBS low-income threshold (100%; the Monitor Energiearmoede uses 130%, so this is an approximation of that component)."), _K, kwb="Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen", theme="income", higher_is_worse=True, decimals=1),
    Column("pct_social_minimum", N_("Around the social minimum"), _PCT_HOUSEHOLDS, N_("Households with an income up to 101% of the social minimum (CBS: onder of rond het sociaal minimum)."), _K, kwb="Inkomen_Inkomen_van_huishoudens_Huish_onder_of_rond_sociaal_minimum", theme="income", higher_is_worse=True, decimals=1),
    Column("pct_bottom40_households", N_("Lowest 40% incomes (national)"), _PCT_HOUSEHOLDS, N_("Households in the national lowest-40% standardised income group."), _K, kwb="Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen", theme="income", higher_is_worse=True),
    Column("pct_top20_households", N_("Highest 20% incomes (national)"), _PCT_HOUSEHOLDS, N_("Households in the national highest-20% standardised disposable income group."), _K, kwb="Inkomen_Inkomen_van_huishoudens_20proc_huishoudens_met_hoogste_inkomen", theme="income", higher_is_worse=False),
    Column("pct_social_assistance", N_("Social assistance (bijstand)"), N_("% of inhabitants 15+"), N_("Persons with a social-assistance benefit (Participatiewet) as published by CBS, relative to inhabitants aged 15 and over."), "benefits", higher_is_worse=True, decimals=0),
    Column("social_assistance_persons", N_("Persons on social assistance"), _PERSONS, N_("Persons with a social-assistance benefit (rounded to 10 by CBS)."), "benefits", on_map=False),
]

# Derived at run time from the columns above and the user's settings (geo.metrics.indicators).
DERIVED_COLUMNS: list[Column] = [
    Column("energy_bill_eur", N_("Estimated energy bill"), N_("€ per dwelling per year"), N_("Measured average gas and electricity use per dwelling times the configured prices."), "derived", kind=ESTIMATED, higher_is_worse=True, formula=N_("gas_m3 x gas price + electricity_kwh x electricity price")),
    Column("household_income_eur", N_("Approximate household income"), N_("€ per household per year"), N_("Approximation: average gross personal income per inhabitant x average household size. CBS publishes no disposable household income per buurt in these editions; gross income overstates disposable income, so the energy quote below is understated."), "derived", kind=ESTIMATED, higher_is_worse=False, formula=N_("income_per_inhabitant_keur x 1000 x household_size")),
    Column("energy_quote_pct", N_("Estimated energy quote"), N_("% of income"), N_("Estimated energy bill / approximate household income: an approximation of the Monitor Energiearmoede energy quote for the average household of the buurt, not the share of households with a high quote."), "derived", kind=ESTIMATED, higher_is_worse=True, decimals=1, formula=N_("100 x energy_bill_eur / household_income_eur")),
    Column("high_energy_quote", N_("Quote at or above threshold"), _YES_NO, N_("Whether the buurt's estimated energy quote is at or above the configured high-quote threshold (default 10%, DEGO)."), "derived", kind=ESTIMATED, formula=N_("energy_quote_pct >= threshold")),
    Column("pct_high_quote_households", N_("High energy quote (buurt model)"), _PCT_HOUSEHOLDS, N_("Modelled share of households whose energy quote is at or above the threshold: incomes within the buurt lognormal around the approximate household income, spread calibrated to the buurt's measured low-income share (CBS low-income line). An approximation of the Monitor Energiearmoede HEQ indicator."), "derived", kind=ESTIMATED, higher_is_worse=True, decimals=1, formula=N_("P(income <= bill / threshold) under the calibrated lognormal")),
    *MONITOR_COLUMNS,
    Column("income_fit_residual_pp", N_("Income model residual"), N_("percentage points"), N_("Root-mean-square gap between the published income shares and the fitted within-buurt income distribution."), "derived", kind=ESTIMATED, on_map=False, decimals=1),
    Column("income_sigma_fitted", N_("Income spread (fitted)"), N_("sigma of ln income"), N_("Spread of the fitted lognormal standardised disposable income within the buurt."), "derived", kind=ESTIMATED, on_map=False, decimals=2),
    Column("monitor_weak", N_("Monitor estimate weak"), _YES_NO, N_("Yes where income shares are suppressed or fewer than two, the fit residual is above 3 points, the buurt has under 100 households or the stock estimate is weak."), "derived", kind=ESTIMATED, on_map=False),
    Column("energy_poverty_index", N_("Energy-poverty index"), N_("0-100"), N_("Weighted mean of the normalised index components; 100 = the most energy poverty among the buurten of the municipality on every component. Tunable on the Index page."), "derived", kind=DERIVED, higher_is_worse=True, decimals=0, formula=N_("100 x sum(w_k x n_k) / sum(w_k) over available components")),
]

# Every column the app knows, in the order the Data & method page and the map's indicator list show them; the
# municipality table's columns (national context page, never on the buurt map) last.
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS + DERIVED_COLUMNS + STOCK_COLUMNS + NATIONAL_COLUMNS}


def kwb_columns() -> dict[str, str]:
    """Map processed column name -> raw KWB column for every KWB-sourced column."""
    return {c.name: c.kwb for c in COLUMNS if c.kwb}


def map_indicators(present=None) -> list[str]:
    """Names of the columns a user can pick on the map, in dictionary order.

    Parameters
    ----------
    present : collection of str, optional
        Only these columns (those of the table the map shows: a municipality may lack some); default every one.

    Examples
    --------
    >>> map_indicators(present={"gas_m3", "buurt_name", "density"})
    ['density', 'gas_m3']
    """
    return [c.name for c in BY_NAME.values() if c.on_map and c.name != "high_energy_quote"
            and (present is None or c.name in present)]


def _column(name: str) -> Column | None:
    return BY_NAME.get(name)


def label(name: str) -> str:
    """The short label of a column in the language in force, falling back to the name."""
    col = _column(name)
    return col.display_label() if col else name


def unit(name: str) -> str:
    """The unit of a column in the language in force ('' when unknown)."""
    col = _column(name)
    return col.display_unit() if col else ""


def meaning(name: str) -> str:
    """What a column means (a sentence or two, for a help text or caption) in the language in force."""
    col = _column(name)
    return col.display_meaning() if col else ""


def label_with_unit(name: str) -> str:
    """``label (unit)`` in the language in force, as the map's indicator list and legend show it."""
    col = _column(name)
    return col.display_label_with_unit() if col else name


def kind(name: str) -> str:
    """'measured', 'derived' or 'estimated' for a column, in the language in force."""
    col = _column(name)
    return col.display_kind() if col else ""


# The fields of a row of :func:`describe` and their headers (translated when the rows are made).
DESCRIBE_HEADERS = {
    "column": N_("Column"),
    "label": N_("Shown as"),
    "unit": N_("Unit"),
    "meaning": N_("Meaning"),
    "source": N_("Source"),
    "kind": N_("Kind"),
    "edition": N_("Edition"),
    "year": N_("Year"),
    "buurten with a value": N_("Buurten with a value"),
    "formula": N_("Formula"),
}


def describe(metadata: dict) -> list[dict]:
    """Rows of the data dictionary for display, merged with build metadata, texts in the language in force.

    Parameters
    ----------
    metadata : dict
        The ``columns`` mapping of the processed metadata: per column the KWB
        edition used, the year the figure describes and its buurt coverage.

    Returns
    -------
    list of dict
        One row per column, keyed by the headers of :data:`DESCRIBE_HEADERS`
        in the language in force (so the rows make a table as they are):
        column name, label, unit, meaning, source key, kind, edition, year,
        coverage and formula.

    Examples
    --------
    >>> from geo.i18n import language
    >>> with language("nl"):
    ...     row = next(r for r in describe({"gas_m3": {"year": 2019}}) if r["Kolom"] == "gas_m3")
    >>> row["Weergegeven als"], row["Eenheid"], row["Soort"], row["Jaar"]
    ('Aardgasverbruik per woning', 'm³ per woning per jaar', 'gemeten', '2019')
    """
    headers = {field: _(header) for field, header in DESCRIBE_HEADERS.items()}
    rows = []
    for col in BY_NAME.values():
        meta = metadata.get(col.name, {})
        row = {
            "column": col.name,
            "label": col.display_label(),
            "unit": col.display_unit(),
            "meaning": col.display_meaning(),
            "source": col.source,
            "kind": col.display_kind(),
            "edition": meta.get("edition", col.extra.get("edition", "")),
            "year": str(meta.get("year") or col.extra.get("year", "")),
            "buurten with a value": str(meta.get("coverage") or ""),
            "formula": col.display_formula(),
        }
        rows.append({headers[field]: value for field, value in row.items()})
    return rows
