"""The registry of data sources: publisher, period, licence and raw folder.

The Data & method page renders this registry and the SOURCE.md of each folder,
so a source is described once, here and in its SOURCE.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

from geo import config
from geo.vocab import GAS_M3_PER_GJ


@dataclass(frozen=True)
class Source:
    """One raw data source as shipped in ``data/raw``."""

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
            title="Wijk- en buurtkaart 2023: Heerlen buurt polygons",
            publisher="CBS / Kadaster",
            period="buurt classification 2023",
            licence="CC BY 4.0",
            folder="heerlen_buurten_2023",
        ),
        Source(
            key="kwb",
            title="Kerncijfers wijken en buurten (KWB), Heerlen",
            publisher="CBS",
            period="editions 2016-2020",
            licence="CC BY 4.0",
            folder="cbs_kwb_heerlen_2016_2020",
            table="83487NED, 83765NED, 84286NED, 84583NED, 84799NED",
        ),
        Source(
            key="benefits",
            title="Personen met een uitkering; wijken en buurten",
            publisher="CBS",
            period="quarterly 2013 Q1 - 2024 Q1",
            licence="CC BY 4.0",
            folder="cbs_uitkeringen_heerlen_85586NED",
            table="85586NED",
        ),
        Source(
            key="vivet",
            title="VIVET Referentieverbruik warmte woningen II (2025), per dwelling",
            publisher="PBL with CBS and TNO",
            period="VIVET II (2025)",
            licence="PBL open data (see SOURCE.md)",
            folder="vivet_referentieverbruik_parkstad",
        ),
        Source(
            key="gemeenten",
            title="Gemeenten 2022 with KWB 2022 indicators (national comparison)",
            publisher="CBS / Kadaster (via PDOK)",
            period="KWB 2022 edition",
            licence="CC BY 4.0",
            folder="geoinzicht_gemeenten_2022",
        ),
        Source(
            key="wijken_nl",
            title="Wijken 2024, whole Netherlands (scale benchmark)",
            publisher="CBS / Kadaster (via PDOK)",
            period="1 Jan 2024",
            licence="CC BY 4.0",
            folder="geoinzicht_wijken_2024_nl",
        ),
    ]
}

# Reference facts used as defaults, each with its source (shown on the Data & method page).
PRICE_SOURCE = (
    "CBS StatLine 81309NED 'Aardgas en elektriciteit, gemiddelde prijzen van eindverbruikers', "
    "households, transaction price incl. VAT and taxes, year 2019: gas 26.207 EUR/GJ "
    "(20-200 GJ class), electricity 0.205 EUR/kWh (2.5-5 MWh class)"
)
GAS_PRICE_2019_EUR_PER_M3 = round(26.207 / GAS_M3_PER_GJ, 3)
ELECTRICITY_PRICE_2019_EUR_PER_KWH = 0.205
PRICE_YEAR = 2019

# Cost per label step per dwelling (retrofit). No published per-step table was found (the Nationale Energieatlas
# 'Labelsprongen' page shows that per-step costs vary widely and only gives a worked example), so the
# default is derived from two sourced totals:
#   EIB: ~EUR 40,000 to make an existing home natural-gas-free; taken as label D (the average label of the
#        existing stock) -> A, 3 steps -> EUR 13,300 per step;
#   PBL: ~EUR 35,000 to make a home energy-neutral; taken as D -> A++ (two classes beyond A), 5 steps ->
#        EUR 7,000 per step.
# Default = the mean of the two, EUR 10,000 per step, for a dwelling of Heerlen's mean floor area
# (115 m2, VIVET 2025); scaled per dwelling type by the type's mean floor area in Heerlen (VIVET):
# detached 227 m2, semi-detached 148, end-terrace 128, mid-terrace 123, apartment 76.
COST_PER_STEP_AVERAGE_EUR = 10_000.0
COST_PER_STEP_RANGE_EUR = (7_000.0, 13_300.0)
COST_PER_STEP_EUR = {
    "detached": 19_800.0,
    "semi-detached": 12_900.0,
    "end-terrace": 11_200.0,
    "mid-terrace": 10_700.0,
    "apartment": 6_700.0,
}
COST_SOURCE = (
    "Derived, not published per step: EIB (~EUR 40k to make an existing home natural-gas-free, read as label D->A, "
    "3 steps = EUR 13.3k/step) and PBL (~EUR 35k energy-neutral, read as D->A++, 5 steps = EUR 7k/step); default "
    "EUR 10k per step for a 115 m2 dwelling (Heerlen mean, PBL VIVET), scaled by the mean floor area per dwelling "
    "type. Per-step costs vary widely in practice (Nationale Energieatlas, 'Labelsprongen'); edit them."
)


# CBS low-income threshold (lage-inkomensgrens) for a one-person household, euro per year, by the income year it
# applies to: a fixed purchasing power, indexed for prices only. 2013: EUR 1,010/month (CBS, 'Risico op armoede',
# 2016); 2015: 1,030/month and 2017: 1,040/month (CBS figures as reported in February 2017 and November 2018);
# 2018: EUR 12,750 a year (CBS figures on 2018 as reported in December 2019); 2020: 1,100/month (CBS,
# 'De lage-inkomensgrens', 2022).
LOW_INCOME_LINE_SINGLE_EUR_PER_YEAR = {2013: 12_120.0, 2015: 12_360.0, 2017: 12_480.0, 2018: 12_750.0, 2020: 13_200.0}
LOW_INCOME_LINE_SOURCE = (
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
MONITOR_SOURCE = "TNO/CBS Monitor Energiearmoede (TNO, 2021, on CBS 2019 data; VNG DEGO documentation)"
MONITOR_LOW_INCOME_FACTOR = 1.30
MONITOR_HIGH_COST_SINGLE_EUR = {2019: 1_213.0}
# National boundaries of standardised disposable household income (lowest 40 %, highest 20 %) of the income year.
# NOT FOUND with the search tool (CBS publishes them in StatLine 'Welvaart; grenzen van 10%-groepen inkomen en
# vermogen'); so they are assumptions, settings in geo.params.MonitorSettings, shown as such in the app. The fit
# can leave these moments out (boundary None). The social-minimum moment is left out for the same reason: the CBS
# social minimum per household type in standardised disposable income was not found (UWV's Toeslagenwet amounts
# are gross, not the CBS net social minimum).
NATIONAL_BOUNDARIES_STATUS = (
    "Assumption, not sourced: the national lowest-40 % and highest-20 % boundaries of standardised disposable income "
    "were not found with the search tool (CBS StatLine 'Welvaart; grenzen van 10%-groepen inkomen en vermogen' has "
    "them); the values used are settings. The social-minimum share is not used in the fit (its euro level in "
    "standardised income was not found)."
)
# District heat: the ACM maximum heat tariff of 2019 was not found with the search tool. The Warmtewet caps the
# price at 'niet meer dan anders' (what a comparable gas-heated home pays), so the default heat price per GJ of
# heat demand is the CBS 2019 household gas price per GJ (81309NED, see PRICE_SOURCE), fixed charges left out.
HEAT_PRICE_2019_EUR_PER_GJ = 26.207
HEAT_PRICE_SOURCE = (
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
TENURE_INCOME_GAP_SOURCE = (
    "Aedes, 'Wie zijn de bewoners van een corporatiewoning?': 80 % of corporation tenants have an income below "
    "EUR 34,229 (the 2013 allocation limit) against about 30 % in other rented and owner-occupied dwellings, read "
    "as a gap of 1.37 standard deviations of log income between corporation tenants and the others (same spread "
    "assumed; Aedes counts allocation income, not standardised disposable income). 0 = income independent of tenure."
)
