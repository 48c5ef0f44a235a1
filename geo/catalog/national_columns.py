"""Data-dictionary entries of the municipality table (all Dutch municipalities, KWB 2022 edition).

The shipped file (``data/raw/geoinzicht_gemeenten_2022``) renamed CBS's variables to short keys; each entry
here names the raw key it is read from (``kwb``), the CBS variable it is (``extra["cbs"]``) and the year the
figure describes (``extra["year"]``), by CBS's table notes for the KWB editions: population, households and
the housing stock on 1 January 2022; gas and electricity use in 2022; income and wealth over 2022 (income
year 2022, CBS: "met het inkomen over het verslagjaar"); the WOZ value at the valuation date 1 January 2021.

One key is mislabelled in the shipped file: ``pct_hh_laag_inkomen`` ("households with a low income") holds
CBS's *40% huishoudens met laagste inkomen* (households in the national lowest 40 % of standardised
income), not *huishoudens met een laag inkomen* (below CBS's low-income threshold). Evidence: its
household-weighted national mean is 40 % (a share of the national lowest 40 % must average 40 %) and its
companion ``pct_hh_hoog_inkomen`` averages 20 % (the national highest 20 %); Heerlen's own KWB series (editions
2016-2018 in ``data/raw/cbs_kwb_heerlen_2016_2020``) has 53.3-54.1 % in the lowest 40 % and 12.4-12.5 % below
the low-income threshold, so 55 in 2022 continues the first. See :func:`check_national_shares` and
``docs/method/national.md``. It is labelled here by what it is.

Names start with ``gm_`` so they never collide with the buurt columns (which describe other years).

Examples
--------
>>> from geo.i18n import language
>>> with language("en"):
...     BY_NAME["gm_pct_bottom40_households"].display_label()
'Lowest 40% incomes (national)'
>>> BY_NAME["gm_pct_bottom40_households"].kwb, BY_NAME["gm_pct_bottom40_households"].extra["year"]
('pct_hh_laag_inkomen', 2022)
"""

from __future__ import annotations

from geo.catalog.column import MEASURED, Column
from geo.i18n import N_

SOURCE = "gemeenten"
EDITION = "KWB 2022"
# The shipped key that is mislabelled, the CBS variable it holds, and the expected national mean (%).
MISLABELLED = {"pct_hh_laag_inkomen": ("40% huishoudens met laagste inkomen", 40.0),
               "pct_hh_hoog_inkomen": ("20% huishoudens met hoogste inkomen", 20.0)}

_PCT_HH, _STOCK = N_("% of households"), N_("% of stock")


def _col(name, label, unit, meaning, raw, cbs, year, theme, decimals=0, worse=None, **extra) -> Column:
    return Column(name, label, unit, meaning, SOURCE, kind=MEASURED, kwb=raw, theme=theme, higher_is_worse=worse,
                  decimals=decimals, on_map=False, extra={"cbs": cbs, "year": year, "edition": EDITION, **extra})


NATIONAL_COLUMNS: list[Column] = [
    _col("gm_inhabitants", N_("Inhabitants"), N_("persons"), N_("Inhabitants on 1 January 2022."),
         "aantal_inwoners", "Aantal inwoners", 2022, "population"),
    _col("gm_households", N_("Households"), N_("households"), N_("Private households on 1 January 2022."),
         "huishoudens", "Huishoudens totaal", 2022, "population"),
    _col("gm_population_density", N_("Population density"), N_("inhabitants per km²"),
         N_("Inhabitants per km² of land on 1 January 2022."), "bevolkingsdichtheid", "Bevolkingsdichtheid",
         2022, "population"),
    _col("gm_address_density", N_("Address density"), N_("addresses per km²"),
         N_("CBS omgevingsadressendichtheid: the average number of addresses within one kilometre of each "
            "address; the measure behind CBS's urbanity classes."), "omgevingsadressendichtheid",
         "Omgevingsadressendichtheid", 2022, "population"),
    _col("gm_urbanity", N_("Urbanity class"), N_("1 = very strongly urban, 5 = not urban"),
         N_("CBS stedelijkheid: class 1 at 2,500 or more addresses per km² (address density), 2 at 1,500-2,500, "
            "3 at 1,000-1,500, 4 at 500-1,000, 5 below 500."), "stedelijkheid", "Stedelijkheid", 2022,
         "population", unit_in_value=False),
    _col("gm_dwellings", N_("Dwellings"), N_("dwellings"), N_("Dwelling stock on 1 January 2022."),
         "woningvoorraad", "Woningvoorraad", 2022, "housing"),
    _col("gm_woz_keur", N_("Average WOZ value"), N_("× €1,000"),
         N_("Average WOZ (property tax) value of dwellings at the valuation date 1 January 2021 (KWB 2022)."),
         "gem_woz_waarde", "Gemiddelde WOZ-waarde van woningen", 2021, "woz", worse=False),
    _col("gm_pct_owner_occupied", N_("Owner-occupied"), _STOCK, N_("Owner-occupied dwellings, 1 January 2022."),
         "koopwoningen", "Koopwoningen", 2022, "housing"),
    _col("gm_pct_rent", N_("Rented"), _STOCK, N_("Rental dwellings in total, 1 January 2022."),
         "huurwoningen", "Huurwoningen totaal", 2022, "housing"),
    _col("gm_pct_social_rent", N_("Social rent (corporation)"), _STOCK,
         N_("Rental dwellings owned by a housing corporation, 1 January 2022."), "pct_huurcorporatie",
         "In bezit woningcorporatie", 2022, "housing"),
    _col("gm_gas_m3", N_("Gas use per dwelling"), N_("m³ per dwelling per year"),
         N_("Average natural-gas supply per dwelling in 2022 (measured; dwellings on district heating count "
            "with ~0)."), "gem_aardgas", "Gemiddeld aardgasverbruik totaal", 2022, "energy", worse=True),
    _col("gm_electricity_kwh", N_("Electricity use per dwelling"), N_("kWh per dwelling per year"),
         N_("Average electricity supply per dwelling in 2022 (measured)."), "gem_elektriciteit",
         "Gemiddeld elektriciteitsverbruik totaal", 2022, "energy", worse=True),
    _col("gm_income_per_inhabitant_keur", N_("Income per inhabitant"), N_("× €1,000 per year"),
         N_("Average personal (gross) income per inhabitant, income year 2022."), "gem_inkomen_inwoner",
         "Gemiddeld inkomen per inwoner", 2022, "income", decimals=1, worse=False),
    _col("gm_standardised_income_keur", N_("Standardised household income"), N_("× €1,000 per year"),
         N_("Average standardised disposable income of households, income year 2022."), "gem_gestand_inkomen",
         "Gemiddeld gestandaardiseerd inkomen van huishoudens", 2022, "income", decimals=1, worse=False),
    _col("gm_pct_bottom40_households", N_("Lowest 40% incomes (national)"), _PCT_HH,
         N_("Households in the national lowest-40% group of standardised disposable income, income year 2022 "
            "(CBS: 40% huishoudens met laagste inkomen). The shipped file calls it 'low-income households'; it is "
            "not CBS's low-income rate (below the low-income threshold), which is far lower."),
         "pct_hh_laag_inkomen", "40% huishoudens met laagste inkomen", 2022, "income", worse=True),
    _col("gm_pct_top20_households", N_("Highest 20% incomes (national)"), _PCT_HH,
         N_("Households in the national highest-20% group of standardised disposable income, income year 2022 "
            "(CBS: 20% huishoudens met hoogste inkomen)."), "pct_hh_hoog_inkomen",
         "20% huishoudens met hoogste inkomen", 2022, "income", worse=False),
    _col("gm_pct_social_minimum", N_("Around the social minimum"), _PCT_HH,
         N_("Households with an income up to 101% of the social minimum, income year 2022 (CBS: huishoudens onder "
            "of rond sociaal minimum)."), "pct_rond_sociaal_min", "Huishoudens onder of rond sociaal minimum",
         2022, "income", worse=True),
    _col("gm_median_wealth_keur", N_("Median household wealth"), N_("× €1,000"),
         N_("Median wealth of private households, 2022 (CBS: mediaan vermogen van particuliere huishoudens)."),
         "mediaan_vermogen", "Mediaan vermogen van particuliere huishoudens", 2022, "income", decimals=1,
         worse=False),
]

BY_NAME: dict[str, Column] = {c.name: c for c in NATIONAL_COLUMNS}
# The size and urbanity measures that pick comparable municipalities (geo.report.context).
SIZE, URBANITY, DENSITY = "gm_inhabitants", "gm_urbanity", "gm_address_density"


def raw_columns() -> dict[str, str]:
    """Map processed column name -> key in the shipped municipality file."""
    return {c.name: c.kwb for c in NATIONAL_COLUMNS}


def check_national_shares(means: dict[str, float], tolerance: float = 1.5) -> dict[str, dict]:
    """Whether each group share averages what its CBS definition forces it to, nationally.

    A share of households in the *national* lowest 40 % (highest 20 %) income group must average 40 % (20 %)
    over all households of the country; CBS's low-income rate averages far less (about 5-8 %).

    Parameters
    ----------
    means : dict
        Raw key -> household-weighted national mean (%) of that key.
    tolerance : float
        Points the mean may differ from the group's size (rounding, households without income).

    Returns
    -------
    dict
        Raw key -> ``{"cbs": CBS variable, "expected": size, "mean": mean, "holds": bool}``.

    Examples
    --------
    >>> check_national_shares({"pct_hh_laag_inkomen": 39.7, "pct_hh_hoog_inkomen": 19.6})["pct_hh_laag_inkomen"]
    {'cbs': '40% huishoudens met laagste inkomen', 'expected': 40.0, 'mean': 39.7, 'holds': True}
    """
    out = {}
    for raw, (cbs, expected) in MISLABELLED.items():
        mean = means.get(raw)
        out[raw] = {"cbs": cbs, "expected": expected, "mean": mean,
                    "holds": mean is not None and abs(mean - expected) <= tolerance}
    return out
