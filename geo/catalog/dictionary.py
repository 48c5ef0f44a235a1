"""The data dictionary: every processed and derived column, in the user's language.

One entry per column: what it means, its unit, where it comes from, and whether
it is measured (a published CBS figure), derived (a formula on measured figures)
or estimated (a model). The year a figure *describes* is decided by the build
(latest KWB edition with enough buurten filled) and stored in the processed
metadata; :func:`describe` merges both for the Data & method page.
"""

from __future__ import annotations

from geo.catalog.column import DERIVED, ESTIMATED, MEASURED, Column
from geo.catalog.monitor_columns import MONITOR_COLUMNS
from geo.catalog.stock_columns import STOCK_COLUMNS

__all__ = [
    "COLUMNS", "DERIVED", "DERIVED_COLUMNS", "ESTIMATED", "MEASURED", "STOCK_COLUMNS", "BY_NAME", "Column",
    "describe", "kwb_columns", "label", "map_indicators", "unit",
]

_K = "kwb"
COLUMNS: list[Column] = [
    Column("buurt_code", "Buurt code", "code", "CBS buurt code BU + gemeente + wijk + buurt", "buurten", on_map=False),
    Column("buurt_name", "Buurt", "name", "Buurt name (CBS buurt classification 2023)", "buurten", on_map=False),
    Column("wijk_code", "Wijk code", "code", "Parent wijk code: WK + characters 3-8 of the buurt code", "buurten", kind=DERIVED, on_map=False),
    Column("wijk_name", "Wijk", "name", "Wijk name as in the CBS KWB table", _K, on_map=False),
    Column("area_ha", "Area", "ha", "Area of the full-resolution buurt polygon, computed in RD New (EPSG:28992)", "buurten", kind=DERIVED, decimals=1, formula="polygon area in EPSG:28992 / 10,000"),
    Column("inhabitants", "Inhabitants", "persons", "Inhabitants on 1 January (rounded to 5 by CBS)", _K, kwb="Bevolking_Aantal_inwoners", theme="population"),
    Column("households", "Households", "households", "Private households on 1 January", _K, kwb="Bevolking_Particuliere_huishoudens_Huishoudens_totaal", theme="population"),
    Column("household_size", "Average household size", "persons", "Average size of private households", _K, kwb="Bevolking_Particuliere_huishoudens_Gemiddelde_huishoudensgrootte", theme="population", decimals=1),
    Column("dwellings", "Dwellings", "dwellings", "Dwelling stock on 1 January", _K, kwb="Wonen_Woningvoorraad", theme="housing"),
    Column("woz_keur", "Average WOZ value", "x EUR 1,000", "Average WOZ (property tax) value of dwellings", _K, kwb="Wonen_Gemiddelde_woningwaarde", theme="woz", higher_is_worse=False),
    Column("pct_owner_occupied", "Owner-occupied", "% of stock", "Owner-occupied dwellings", _K, kwb="Wonen_Woningen_naar_eigendom_Koopwoningen", theme="housing"),
    Column("pct_social_rent", "Social rent (corporation)", "% of stock", "Rental dwellings owned by a housing corporation", _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_woningcorporatie", theme="housing"),
    Column("pct_private_rent", "Private rent", "% of stock", "Rental dwellings owned by other landlords", _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_overige_verhuurders", theme="housing"),
    Column("pct_rent", "Rented", "% of stock", "Rental dwellings in total (social + private); tenants cannot invest in the dwelling themselves", _K, kwb="Wonen_Woningen_naar_eigendom_Huurwoningen_Huurwoningen_totaal", theme="housing", higher_is_worse=True),
    Column("pct_single_family", "Single-family dwellings", "% of stock", "Single-family (eengezins) dwellings", _K, kwb="Wonen_Woningen_naar_type_Percentage_eengezinswoning", theme="housing"),
    Column("pct_multi_family", "Multi-family dwellings", "% of stock", "Multi-family (meergezins) dwellings: apartments", _K, kwb="Wonen_Woningen_naar_type_Percentage_meergezinswoning", theme="housing"),
    Column("pct_built_before_2000", "Built before 2000", "% of stock", "Dwellings built before 2000", _K, kwb="Wonen_Woningen_naar_bouwjaar_Bouwjaar_voor_2000", theme="housing", higher_is_worse=True),
    Column("pct_unoccupied", "Unoccupied dwellings", "% of stock", "Unoccupied dwellings", _K, kwb="Wonen_Woningen_naar_bewoning_Percentage_onbewoond", theme="housing"),
    Column("gas_m3", "Gas use per dwelling", "m3 per dwelling per year", "Average natural-gas supply per dwelling (measured; dwellings on district heating count with ~0)", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal", theme="energy", higher_is_worse=True),
    Column("electricity_kwh", "Electricity use per dwelling", "kWh per dwelling per year", "Average electricity supply per dwelling (measured)", _K, kwb="Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal", theme="energy", higher_is_worse=True),
    Column("gas_m3_apartment", "Gas use, apartments", "m3 per dwelling per year", "Average gas supply per apartment", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Appartement", theme="energy", on_map=False),
    Column("gas_m3_mid_terrace", "Gas use, mid-terrace", "m3 per dwelling per year", "Average gas supply per mid-terrace house", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Tussenwoning", theme="energy", on_map=False),
    Column("gas_m3_end_terrace", "Gas use, end-terrace", "m3 per dwelling per year", "Average gas supply per end-terrace house", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Hoekwoning", theme="energy", on_map=False),
    Column("gas_m3_semi_detached", "Gas use, semi-detached", "m3 per dwelling per year", "Average gas supply per semi-detached house", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Twee_onder_één_kap_woning", theme="energy", on_map=False),
    Column("gas_m3_detached", "Gas use, detached", "m3 per dwelling per year", "Average gas supply per detached house", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Vrijstaande_woning", theme="energy", on_map=False),
    Column("gas_m3_rented", "Gas use, rented dwellings", "m3 per dwelling per year", "Average gas supply per rented dwelling", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_eigendom_Huurwoning", theme="energy", on_map=False),
    Column("gas_m3_owned", "Gas use, owner-occupied", "m3 per dwelling per year", "Average gas supply per owner-occupied dwelling", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Naar_eigendom_Eigen_woning", theme="energy", on_map=False),
    Column("pct_district_heating", "District heating", "% of dwellings", "Dwellings with district heating (CBS publishes it for a few buurten only)", _K, kwb="Energie_Gemiddeld_aardgasverbruik_Percentage_woningen_met_stadsverwarming", theme="energy"),
    Column("income_per_inhabitant_keur", "Income per inhabitant", "x EUR 1,000 per year", "Average personal (gross) income per inhabitant", _K, kwb="Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inwoner", theme="income", higher_is_worse=False, decimals=1),
    Column("income_per_recipient_keur", "Income per income recipient", "x EUR 1,000 per year", "Average personal (gross) income per income recipient", _K, kwb="Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inkomensontvanger", theme="income", higher_is_worse=False, decimals=1),
    Column("pct_low_income", "Households with a low income", "% of households", "Households below the CBS low-income threshold (100%; the Monitor Energiearmoede uses 130%, so this is an approximation of that component)", _K, kwb="Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen", theme="income", higher_is_worse=True, decimals=1),
    Column("pct_social_minimum", "Households under or around the social minimum", "% of households", "Households with an income up to 101% of the social minimum (CBS: onder of rond het sociaal minimum)", _K, kwb="Inkomen_Inkomen_van_huishoudens_Huish_onder_of_rond_sociaal_minimum", theme="income", higher_is_worse=True, decimals=1),
    Column("pct_bottom40_households", "Households in the national bottom 40%", "% of households", "Households in the national lowest-40% standardised income group", _K, kwb="Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen", theme="income", higher_is_worse=True),
    Column("pct_top20_households", "Households in the national top 20%", "% of households", "Households in the national highest-20% standardised disposable income group", _K, kwb="Inkomen_Inkomen_van_huishoudens_20proc_huishoudens_met_hoogste_inkomen", theme="income", higher_is_worse=False),
    Column("pct_social_assistance", "Social assistance (bijstand)", "% of inhabitants 15+", "Persons with a social-assistance benefit (Participatiewet) as published by CBS, relative to inhabitants aged 15 and over", "benefits", higher_is_worse=True, decimals=0),
    Column("social_assistance_persons", "Persons on social assistance", "persons", "Persons with a social-assistance benefit (rounded to 10 by CBS)", "benefits", on_map=False),
]

# Derived at run time from the columns above and the user's settings (geo.metrics.indicators).
DERIVED_COLUMNS: list[Column] = [
    Column("energy_bill_eur", "Estimated energy bill", "EUR per dwelling per year", "Measured average gas and electricity use per dwelling times the configured prices", "derived", kind=ESTIMATED, higher_is_worse=True, formula="gas_m3 x gas price + electricity_kwh x electricity price"),
    Column("household_income_eur", "Approximate household income", "EUR per household per year", "Approximation: average gross personal income per inhabitant x average household size. CBS publishes no disposable household income per buurt in these editions; gross income overstates disposable income, so the energy quote below is understated", "derived", kind=ESTIMATED, higher_is_worse=False, formula="income_per_inhabitant_keur x 1000 x household_size"),
    Column("energy_quote_pct", "Estimated energy quote", "% of income", "Estimated energy bill / approximate household income: an approximation of the Monitor Energiearmoede energy quote for the average household of the buurt, not the share of households with a high quote", "derived", kind=ESTIMATED, higher_is_worse=True, decimals=1, formula="100 x energy_bill_eur / household_income_eur"),
    Column("high_energy_quote", "Energy quote at or above the threshold", "yes/no", "Whether the buurt's estimated energy quote is at or above the configured high-quote threshold (default 10%, DEGO)", "derived", kind=ESTIMATED, formula="energy_quote_pct >= threshold"),
    Column("pct_high_quote_households", "Households with a high energy quote (modelled)", "% of households", "Modelled share of households whose energy quote is at or above the threshold: incomes within the buurt lognormal around the approximate household income, spread calibrated to the buurt's measured low-income share (CBS low-income line). An approximation of the Monitor Energiearmoede HEQ indicator", "derived", kind=ESTIMATED, higher_is_worse=True, decimals=1, formula="P(income <= bill / threshold) under the calibrated lognormal"),
    *MONITOR_COLUMNS,
    Column("income_fit_residual_pp", "Income model fit residual", "percentage points", "Root-mean-square gap between the published income shares and the fitted within-buurt income distribution", "derived", kind=ESTIMATED, on_map=False, decimals=1),
    Column("income_sigma_fitted", "Income spread (fitted)", "sigma of ln income", "Spread of the fitted lognormal standardised disposable income within the buurt", "derived", kind=ESTIMATED, on_map=False, decimals=2),
    Column("monitor_weak", "Monitor estimate weak", "yes/no", "True where income shares are suppressed or fewer than two, the fit residual is above 3 points, the buurt has under 100 households or the stock estimate is weak", "derived", kind=ESTIMATED, on_map=False),
    Column("energy_poverty_index", "Energy-poverty index", "0-100", "Weighted mean of the normalised index components; 100 = most energy poverty in Heerlen on every component. Tunable on the Index page", "derived", kind=DERIVED, higher_is_worse=True, decimals=0, formula="100 x sum(w_k x n_k) / sum(w_k) over available components"),
]

# Every column the app knows, in the order the Data & method page and the map's indicator list show them.
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS + DERIVED_COLUMNS + STOCK_COLUMNS}


def kwb_columns() -> dict[str, str]:
    """Map processed column name -> raw KWB column for every KWB-sourced column."""
    return {c.name: c.kwb for c in COLUMNS if c.kwb}


def map_indicators() -> list[str]:
    """Names of the columns a user can pick on the map, in dictionary order."""
    return [c.name for c in BY_NAME.values() if c.on_map and c.name != "high_energy_quote"]


def label(name: str) -> str:
    """User-facing label of a column, falling back to the name."""
    col = BY_NAME.get(name)
    return col.label if col else name


def unit(name: str) -> str:
    """Unit of a column ('' when unknown)."""
    col = BY_NAME.get(name)
    return col.unit if col else ""


def describe(metadata: dict) -> list[dict]:
    """Rows of the data dictionary for display, merged with build metadata.

    Parameters
    ----------
    metadata : dict
        The ``columns`` mapping of the processed metadata: per column the KWB
        edition used, the year the figure describes and its buurt coverage.

    Returns
    -------
    list of dict
        One row per column with name, label, unit, meaning, source, kind,
        edition, year and formula.
    """
    rows = []
    for col in BY_NAME.values():
        meta = metadata.get(col.name, {})
        rows.append(
            {
                "column": col.name,
                "label": col.label,
                "unit": col.unit,
                "meaning": col.meaning,
                "source": col.source,
                "kind": col.kind,
                "edition": meta.get("edition", ""),
                "year": str(meta.get("year") or ""),
                "buurten with a value": str(meta.get("coverage") or ""),
                "formula": col.formula,
            }
        )
    return rows
