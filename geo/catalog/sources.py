"""The registry of data sources: publisher, period, licence and raw folder.

The Data & method page renders this registry and the SOURCE.md of each folder,
so a source is described once, here and in its SOURCE.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

from geo import config
from geo.i18n import N_
from geo.vocab import GAS_M3_PER_GJ


@dataclass(frozen=True)
class Source:
    """One raw data source as shipped in ``data/raw``.

    ``title``, ``publisher``, ``period`` and ``licence`` are marked for the catalogue (:func:`geo.i18n.N_`) and
    translated where shown; publisher names and publication titles keep their published wording.
    """

    key: str
    title: str
    publisher: str
    period: str
    licence: str
    folder: str
    table: str = ""

    @property
    def source_md(self):
        """Path of the folder's SOURCE.md (provenance as copied with the data)."""
        return config.RAW_DIR / self.folder / "SOURCE.md"


SOURCES: dict[str, Source] = {
    s.key: s
    for s in [
        Source(
            key="buurten",
            title=N_("Wijk- en buurtkaart 2023: Heerlen buurt polygons"),
            publisher=N_("CBS / Kadaster"),
            period=N_("buurt classification 2023"),
            licence=N_("CC BY 4.0"),
            folder="heerlen_buurten_2023",
        ),
        Source(
            key="kwb",
            title=N_("Kerncijfers wijken en buurten (KWB), Heerlen"),
            publisher=N_("CBS"),
            period=N_("editions 2016-2020"),
            licence=N_("CC BY 4.0"),
            folder="cbs_kwb_heerlen_2016_2020",
            table="83487NED, 83765NED, 84286NED, 84583NED, 84799NED",
        ),
        Source(
            key="benefits",
            title=N_("Personen met een uitkering; wijken en buurten"),
            publisher=N_("CBS"),
            period=N_("quarterly 2013 Q1 - 2024 Q1"),
            licence=N_("CC BY 4.0"),
            folder="cbs_uitkeringen_heerlen_85586NED",
            table="85586NED",
        ),
        Source(
            key="vivet",
            title=N_("VIVET Referentieverbruik warmte woningen II (2025), per dwelling"),
            publisher=N_("PBL with CBS and TNO"),
            period=N_("VIVET II (2025)"),
            licence=N_("PBL open data (see SOURCE.md)"),
            folder="vivet_referentieverbruik_parkstad",
        ),
        Source(
            key="gemeenten",
            title=N_("Gemeenten 2022 with KWB 2022 indicators (national comparison)"),
            publisher=N_("CBS / Kadaster (via PDOK)"),
            period=N_("KWB 2022 edition"),
            licence=N_("CC BY 4.0"),
            folder="geoinzicht_gemeenten_2022",
        ),
        Source(
            key="wijken_nl",
            title=N_("Wijken 2024, whole Netherlands (wijk level of any municipality; scale benchmark)"),
            publisher=N_("CBS / Kadaster (via PDOK)"),
            period=N_("1 Jan 2024"),
            licence=N_("CC BY 4.0"),
            folder="geoinzicht_wijken_2024_nl",
        ),
    ]
}

# Reference facts used as defaults, each with its source (shown on the Data & method page). The source texts are
# marked for the catalogue with N_ and translated where shown: _(PRICE_SOURCE).
PRICE_SOURCE = N_(
    "CBS StatLine 81309NED 'Aardgas en elektriciteit, gemiddelde prijzen van eindverbruikers', "
    "households, transaction price incl. VAT and taxes, year 2019: gas 26.207 EUR/GJ "
    "(20-200 GJ class), electricity 0.205 EUR/kWh (2.5-5 MWh class)"
)
GAS_PRICE_2019_EUR_PER_M3 = round(26.207 / GAS_M3_PER_GJ, 3)
ELECTRICITY_PRICE_2019_EUR_PER_KWH = 0.205
PRICE_YEAR = 2019

# Energy prices per price year: (gas EUR/m3, electricity EUR/kWh), households, transaction price incl. VAT and taxes,
# CBS StatLine 81309NED (gas 20-200 GJ class, electricity 2.5-5 MWh class). 2022 is the last year of that series
# (it ran 2007-2022): gas EUR 43.282/GJ, electricity EUR 0.105/kWh. The 2022 electricity price is low because the
# fixed energy-tax reduction (about EUR 825 a year in 2022, CBS 84672NED) is spread over the kWh used: the price of
# one *extra* kWh (a heat pump's) is higher; edit it on the sidebar if you need the marginal price.
PRICE_SETS = {
    2019: (GAS_PRICE_2019_EUR_PER_M3, ELECTRICITY_PRICE_2019_EUR_PER_KWH),
    2022: (round(43.282 / GAS_M3_PER_GJ, 3), 0.105),
}
CURRENT_PRICE_YEAR = max(PRICE_SETS)
PRICE_SET_SOURCE = N_(
    "CBS StatLine 81309NED 'Aardgas en elektriciteit, gemiddelde prijzen van eindverbruikers', households, "
    "transaction price incl. VAT and taxes: 2019 gas EUR 26.207/GJ, electricity EUR 0.205/kWh; 2022 (the last year "
    "of the series) gas EUR 43.282/GJ, electricity EUR 0.105/kWh. The 2022 electricity price includes the fixed "
    "energy-tax reduction spread over the kWh used, so an extra kWh costs more than this average."
)

# Cost of insulating, per label step and dwelling type (package (a)). Source: TNO and CPB (2023), the cost of
# insulating roof, floor, facade, doors and glass of a dwelling built before 1992, by type: apartment EUR 9,500,
# end-terrace 15,000, mid-terrace 16,000, semi-detached from 20,000 (up to 40,000), detached about 33,000 (average
# EUR 19,000; as reported, April-May 2023). That package saves on average 25 % of the gas use (same source), which
# by the Heerlen label factors is the fall from label D (the middle of the pre-1992 stock) to A (factor 0.90 ->
# 0.68, -25 %): 3 label steps. Cost per step = package cost / 3. Check: Milieu Centraal, cavity-wall insulation
# alone EUR 1,100 (mid-terrace) to 3,500 (detached), one measure of the five.
INSULATION_PACKAGE_EUR = {
    "detached": 33_000.0,
    "semi-detached": 20_000.0,
    "end-terrace": 15_000.0,
    "mid-terrace": 16_000.0,
    "apartment": 9_500.0,
}
INSULATION_PACKAGE_STEPS = 3
COST_PER_STEP_EUR = {t: round(eur / INSULATION_PACKAGE_STEPS, -1) for t, eur in INSULATION_PACKAGE_EUR.items()}
COST_PER_STEP_AVERAGE_EUR = round(19_000.0 / INSULATION_PACKAGE_STEPS, -1)
COST_SOURCE = N_(
    "TNO and CPB (2023), as reported: insulating roof, floor, facade, doors and glass of a pre-1992 dwelling costs "
    "EUR 9,500 (apartment), 15,000 (end-terrace), 16,000 (mid-terrace), from 20,000 (semi-detached) and about "
    "33,000 (detached), and saves on average 25 % of gas. By the Heerlen label factors a 25 % fall is label D -> A, "
    "3 steps, so cost per step = package cost / 3. Costs per dwelling vary widely; edit them."
)

# Heat-pump packages (b) and (c). Costs: Milieu Centraal's reference cases as given by Vereniging Eigen Huis
# ('Wat kost een warmtepomp?', kennisbank): hybrid heat pump EUR 6,000 (4 kW, next to the existing boiler; range
# 6,000-8,000), all-electric air-water heat pump EUR 12,000 (8 kW; range 8,000-16,000), before subsidy.
HYBRID_HEAT_PUMP_EUR = 6_000.0
ALL_ELECTRIC_HEAT_PUMP_EUR = 12_000.0
# Share of a dwelling's gas use a hybrid heat pump replaces: 50-70 % (Vereniging Eigen Huis, after Milieu Centraal);
# Milieu Centraal reported 60 % on average (as reported in 2023); a field study of ministries, Techniek Nederland and
# NVDE (2023, about 120 homes) measured 1,850 -> 475 m3 (74 %) with 2,360 kWh extra electricity.
HYBRID_GAS_SHARE = 0.60
# Seasonal COP. Hybrid: from that field study, 1,375 m3 replaced x 8.79 kWh/m3 x 0.90 boiler efficiency / 2,360 kWh
# = 4.6. All-electric: no measured Dutch figure found; an assumption of 3.0, below the hybrid because an
# all-electric pump also runs on the coldest days and heats tap water (Vereniging Eigen Huis: its average efficiency
# is lower than a hybrid's). Both are settings on the Retrofit page.
COP_HYBRID = 4.6
COP_ALL_ELECTRIC = 3.0
# Heat demand = measured gas x boiler efficiency (an assumption: a condensing (HR) boiler, about 90 % on the lower
# heating value). VIVET's own heat demand is not used: the model scales measured buurt gas, not VIVET's estimates.
BOILER_EFFICIENCY = 0.90
HEAT_PUMP_SOURCE = N_(
    "Costs: Milieu Centraal reference cases via Vereniging Eigen Huis ('Wat kost een warmtepomp?'): hybrid EUR 6,000 "
    "(4 kW), all-electric air-water EUR 12,000 (8 kW), before subsidy. Hybrid replaces 60 % of the gas use (Milieu "
    "Centraal, as reported 2023; VEH 50-70 %; field study 2023: 74 %). COP: hybrid 4.6 derived from that field "
    "study (1,375 m3 replaced by 2,360 kWh at 90 % boiler efficiency); all-electric 3.0 is an assumption (no "
    "measured Dutch figure found). Heat demand = measured gas x 90 % boiler efficiency (assumption)."
)

# Net national cost per tonne (PBL method: Hof, Van der Wal & Mot, 'Kosten- en batenbegrippen in klimaatbeleid',
# PBL and CPB, 2020): the investment as an annuity over the lifetime at a discount rate, plus running costs, minus
# the energy saved, per tonne CO2 a year. Discount rate: the standard discount rate for Dutch social cost-benefit
# analysis, 2.25 % real (Werkgroep discontovoet 2020, adopted by the cabinet from 1 January 2021).
DISCOUNT_RATE = 0.0225
NATIONAL_COST_SOURCE = N_(
    "Net national cost per tonne after the PBL/CPB method (Hof, Van der Wal & Mot, 'Kosten- en batenbegrippen in "
    "klimaatbeleid', 2020): annuity of the investment over the lifetime at the discount rate, minus the yearly "
    "energy cost saved, divided by the yearly tonnes. Discount rate 2.25 % (standard rate, Werkgroep discontovoet "
    "2020, in force from 2021). PBL values energy at prices without taxes; here the bill prices of the sidebar "
    "(with taxes) are used, so the saving is larger and the net cost lower than PBL's would be."
)


# CBS low-income threshold (lage-inkomensgrens) for a one-person household, euro per year, by the income year it
# applies to: a fixed purchasing power, indexed for prices only. 2013: EUR 1,010/month (CBS, 'Risico op armoede',
# 2016); 2015: 1,030/month and 2017: 1,040/month (CBS figures as reported in February 2017 and November 2018);
# 2018: EUR 12,750 a year (CBS figures on 2018 as reported in December 2019); 2020: 1,100/month (CBS,
# 'De lage-inkomensgrens', 2022).
LOW_INCOME_LINE_SINGLE_EUR_PER_YEAR = {2013: 12_120.0, 2015: 12_360.0, 2017: 12_480.0, 2018: 12_750.0, 2020: 13_200.0}
LOW_INCOME_LINE_SOURCE = N_(
    "CBS low-income threshold (lage-inkomensgrens) for a single person: EUR 1,010/month in 2013, 1,030 in 2015, "
    "1,040 in 2017, EUR 12,750 a year in 2018, 1,100/month in 2020 (CBS publications and CBS figures as reported); "
    "household-size scaling from the CBS 2020 lines EUR 1,100 / 1,550 / 2,110 for single / couple / couple with "
    "two children (CBS, 2022)."
)

# ---- Monitor Energiearmoede indicators per buurt (geo.metrics.monitor) ----
# Thresholds as published by TNO/CBS (Monitor Energiearmoede; /work/shared reference values): a low income is at
# most 130 % of the CBS low-income line; high energy costs (LIHE) are an energy bill above EUR 1,213 a year for a
# one-person household in 2019, scaled by the CBS equivalence factors; low energy quality (LEK) is read as label
# E, F or G (the Monitor's 2024 renewal of the LEK rule was not checked).
MONITOR_SOURCE = N_("TNO/CBS Monitor Energiearmoede (TNO, 2021, on CBS 2019 data; VNG DEGO documentation)")
MONITOR_LOW_INCOME_FACTOR = 1.30
MONITOR_HIGH_COST_SINGLE_EUR = {2019: 1_213.0}
# National boundaries of standardised disposable household income (lowest 40 %, highest 20 %) of the income year.
# NOT FOUND with the search tool (CBS publishes them in StatLine 'Welvaart; grenzen van 10%-groepen inkomen en
# vermogen'); so they are assumptions, settings in geo.params.MonitorSettings, shown as such in the app. The fit
# can leave these moments out (boundary None). The social-minimum moment is left out for the same reason: the CBS
# social minimum per household type in standardised disposable income was not found (UWV's Toeslagenwet amounts
# are gross, not the CBS net social minimum).
NATIONAL_BOUNDARIES_STATUS = N_(
    "Assumption, not sourced: the national lowest-40 % and highest-20 % boundaries of standardised disposable income "
    "were not found with the search tool (CBS StatLine 'Welvaart; grenzen van 10%-groepen inkomen en vermogen' has "
    "them); the values used are settings. The social-minimum share is not used in the fit (its euro level in "
    "standardised income was not found)."
)
# District heat: the ACM maximum heat tariff of 2019 was not found with the search tool. The Warmtewet caps the
# price at 'niet meer dan anders' (what a comparable gas-heated home pays), so the default heat price per GJ of
# heat demand is the CBS 2019 household gas price per GJ (81309NED, see PRICE_SOURCE), fixed charges left out.
HEAT_PRICE_2019_EUR_PER_GJ = 26.207
HEAT_PRICE_SOURCE = N_(
    "Assumption: the ACM maximum heat tariff of 2019 was not found; the Warmtewet's 'niet meer dan anders' principle "
    "is applied as heat demand (PBL VIVET, GJ) x the CBS 2019 gas price per GJ (26.207 EUR/GJ, 81309NED), without "
    "the fixed charge, so district-heat bills are on the low side."
)
# Income by tenure. Aedes ('Wie zijn de bewoners van een corporatiewoning?', aedes.nl feiten en cijfers): 80 % of
# the residents of a corporation dwelling have a (household) income below EUR 34,229 (the 2013 allocation limit),
# against about 30 % in other rented and owner-occupied dwellings. With one spread for both groups that is a gap of
# Phi^-1(0.80) - Phi^-1(0.30) = 1.37 standard deviations of log income; the model applies it to standardised
# disposable income (an assumption: Aedes counts the income used for allocation, not CBS's standardised income).
CORPORATION_BELOW_LIMIT_SHARE = 0.80
OTHER_BELOW_LIMIT_SHARE = 0.30
TENURE_INCOME_GAP_SD = round(float(NormalDist().inv_cdf(CORPORATION_BELOW_LIMIT_SHARE)
                                   - NormalDist().inv_cdf(OTHER_BELOW_LIMIT_SHARE)), 2)
TENURE_INCOME_GAP_SOURCE = N_(
    "Aedes, 'Wie zijn de bewoners van een corporatiewoning?': 80 % of corporation tenants have an income below "
    "EUR 34,229 (the 2013 allocation limit) against about 30 % in other rented and owner-occupied dwellings, read "
    "as a gap of 1.37 standard deviations of log income between corporation tenants and the others (same spread "
    "assumed; Aedes counts allocation income, not standardised disposable income). 0 = income independent of tenure."
)
