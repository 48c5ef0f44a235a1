"""CBS *Kerncijfers wijken en buurten* (KWB) for one municipality, every edition, through CBS's OData v3 API.

Why plain ``requests`` against OData v3 (``opendata.cbs.nl/ODataApi/odata/<table>``) and not ``cbsodata``
or OData v4: v3 serves every KWB edition 2016-2024 under its StatLine table id with the same three
endpoints (``DataProperties``, the ``WijkenEnBuurten`` dimension, ``TypedDataSet``), it accepts a
server-side ``$filter`` on the region code, so one municipality is a few hundred rows instead of a
national table, and it pages with ``odata.nextLink``, which this module follows itself so every page
lands in the resumable cache (:class:`~geo.refresh.store.Fetcher`). ``cbsodata`` wraps the same v3
API but downloads through its own session, so pages could neither be cached for a resume nor replayed
in the tests; v4 (``datasets.cbs.nl``) serves observations in long format with measure codes that
differ per edition, which would need a second mapping.

Columns are named as in the shipped Heerlen table (StatLine's CSV header path, ``Thema_Subthema_Onderwerp``
with ``%`` as ``proc``), built from each edition's ``DataProperties``; the variables the build reads have
a fixed name whatever the edition calls them (CBS renamed some: ``GemiddeldeElektriciteitsleveringTotaal``
from 2021, ``GemiddeldeWOZWaardeVanWoningen`` from 2022, the theme ``Wonen en vastgoed`` in 2024).
CBS's secrecy and 'not available' markers become missing values, never zero.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from geo.i18n import _
from geo.refresh.progress import NotFound, Progress
from geo.refresh.store import Fetcher

BASE = "https://opendata.cbs.nl/ODataApi/odata"
STATLINE = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table"
LICENCE = "CC BY 4.0"

# KWB edition -> StatLine table id. 2016-2020 as shipped (data/raw/cbs_kwb_heerlen_2016_2020/SOURCE.md,
# geo/catalog/sources.py). 2021 85039NED, 2022 85318NED and 2023 85618NED are titled "Kerncijfers wijken en
# buurten <year>" on their cbs.nl/nl-nl/cijfers/detail/<id> pages; 2024 85984NED has "MapYear": 2024 in its
# DataProperties (tests/fixtures/refresh); 2025 86165NED is only listed by public code that calls it. A table
# the API does not have (yet) is skipped and reported, never guessed.
EDITIONS: dict[int, str] = {
    2016: "83487NED",
    2017: "83765NED",
    2018: "84286NED",
    2019: "84583NED",
    2020: "84799NED",
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}

# CBS's markers for a value that is secret, unknown or not applicable (StatLine 'verklaring van tekens':
# '.' not available, 'x' secret, '-' nil or not applicable, empty); in the UntypedDataSet they come
# right-aligned in padded strings ('       .'). All are read as missing: a suppressed figure is never a zero.
MISSING_MARKERS = frozenset({"", ".", "x", "X", "-", "?", ".."})

ID_COLUMNS = ["jaar", "regio_code", "regio_type", "wijk_code", "regio_naam"]
REGION_TYPES = {"GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}
# Topics of the region group that repeat the region code or name (the id columns carry them).
SKIPPED_STEMS = frozenset({"Gemeentenaam", "SoortRegio", "Codering"})

# The variables the build reads, by OData key stem (the key without its _NN position), whatever
# the edition's titles say. Values: the column name of the shipped Heerlen table.
CANONICAL: dict[str, str] = {
    "IndelingswijzigingWijkenEnBuurten": "Regioaanduiding_Indelingswijziging_wijken_en_buurten",
    "IndelingswijzigingGemeenteWijkBuurt": "Regioaanduiding_Indelingswijziging_wijken_en_buurten",
    "AantalInwoners": "Bevolking_Aantal_inwoners",
    "HuishoudensTotaal": "Bevolking_Particuliere_huishoudens_Huishoudens_totaal",
    "GemiddeldeHuishoudensgrootte": "Bevolking_Particuliere_huishoudens_Gemiddelde_huishoudensgrootte",
    "Woningvoorraad": "Wonen_Woningvoorraad",
    "GemiddeldeWoningwaarde": "Wonen_Gemiddelde_woningwaarde",
    "GemiddeldeWOZWaardeVanWoningen": "Wonen_Gemiddelde_woningwaarde",
    "PercentageEengezinswoning": "Wonen_Woningen_naar_type_Percentage_eengezinswoning",
    "PercentageMeergezinswoning": "Wonen_Woningen_naar_type_Percentage_meergezinswoning",
    "PercentageBewoond": "Wonen_Woningen_naar_bewoning_Percentage_bewoond",
    "PercentageOnbewoond": "Wonen_Woningen_naar_bewoning_Percentage_onbewoond",
    "OnbewoondeWoningen": "Wonen_Woningen_naar_bewoning_Percentage_onbewoond",  # 2024: same %, new title
    "Koopwoningen": "Wonen_Woningen_naar_eigendom_Koopwoningen",
    "HuurwoningenTotaal": "Wonen_Woningen_naar_eigendom_Huurwoningen_Huurwoningen_totaal",
    "InBezitWoningcorporatie": "Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_woningcorporatie",
    "InBezitOverigeVerhuurders": "Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_overige_verhuurders",
    "EigendomOnbekend": "Wonen_Woningen_naar_eigendom_Eigendom_onbekend",
    "BouwjaarVoor2000": "Wonen_Woningen_naar_bouwjaar_Bouwjaar_voor_2000",
    "BouwjaarVanaf2000": "Wonen_Woningen_naar_bouwjaar_Bouwjaar_vanaf_2000",
    "GemiddeldElektriciteitsverbruikTotaal":
        "Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal",
    "GemiddeldeElektriciteitsleveringTotaal":
        "Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal",
    "GemiddeldAardgasverbruikTotaal": "Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal",
    "PercentageWoningenMetStadsverwarming": "Energie_Gemiddeld_aardgasverbruik_Percentage_woningen_met_stadsverwarming",
    "GemiddeldInkomenPerInkomensontvanger": "Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inkomensontvanger",
    "GemiddeldInkomenPerInwoner": "Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inwoner",
    "HuishoudensMetEenLaagInkomen": "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen",
    "HuishOnderOfRondSociaalMinimum": "Inkomen_Inkomen_van_huishoudens_Huish_onder_of_rond_sociaal_minimum",
    "k_40HuishoudensMetLaagsteInkomen": "Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen",
    "k_20HuishoudensMetHoogsteInkomen": "Inkomen_Inkomen_van_huishoudens_20proc_huishoudens_met_hoogste_inkomen",
    "PersonenPerSoortUitkeringBijstand": "Sociale_zekerheid_Personen_per_soort_uitkering_Bijstand",
    "PersonenPerSoortUitkeringAO": "Sociale_zekerheid_Personen_per_soort_uitkering_AO",
    "PersonenPerSoortUitkeringWW": "Sociale_zekerheid_Personen_per_soort_uitkering_WW",
    "PersonenPerSoortUitkeringAOW": "Sociale_zekerheid_Personen_per_soort_uitkering_AOW",
}
# Use per dwelling type and tenure: the same key stems occur under gas and under electricity.
ENERGY_SUBTOPICS = {
    "Appartement": "Naar_woningtype_Appartement",
    "Tussenwoning": "Naar_woningtype_Tussenwoning",
    "Hoekwoning": "Naar_woningtype_Hoekwoning",
    "TweeOnderEenKapWoning": "Naar_woningtype_Twee_onder_één_kap_woning",
    "VrijstaandeWoning": "Naar_woningtype_Vrijstaande_woning",
    "Huurwoning": "Naar_eigendom_Huurwoning",
    "EigenWoning": "Naar_eigendom_Eigen_woning",
}
ENERGY_PREFIX = {
    "gas": "Energie_Gemiddeld_aardgasverbruik_",
    "electricity": "Energie_Gemiddeld_elektriciteitsverbruik_",
}


def stem(key: str) -> str:
    """An OData key without its position suffix.

    Examples
    --------
    >>> stem("AantalInwoners_5"), stem("k_40HuishoudensMetLaagsteInkomen_76"), stem("WijkenEnBuurten")
    ('AantalInwoners', 'k_40HuishoudensMetLaagsteInkomen', 'WijkenEnBuurten')
    """
    return re.sub(r"_\d+$", "", key)


def flat_title(parts: list[str]) -> str:
    """StatLine's CSV header path flattened as in the shipped Heerlen table.

    Examples
    --------
    >>> flat_title(["Inkomen", "Inkomen van huishoudens", "40% huishoudens met laagste inkomen"])
    'Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen'
    >>> flat_title(["Energie", "Gemiddeld aardgasverbruik", "Naar woningtype", "Twee-onder-één-kap woning "])
    'Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Twee_onder_één_kap_woning'
    """
    cleaned = [re.sub(r"\W+", "_", p.replace("%", "proc")).strip("_") for p in parts]
    return "_".join(p for p in cleaned if p)


def parse_value(value, datatype: str = "Double"):
    """A CBS cell as a float (or stripped text for text topics); secrecy markers and empties become missing.

    Examples
    --------
    >>> parse_value(87406, "Long"), parse_value("  12.5", "Double")
    (87406.0, 12.5)
    >>> [math.isnan(parse_value(v)) for v in [None, "", "       .", "x", "-", "  "]]
    [True, True, True, True, True, True]
    >>> parse_value("      3011", "String")
    '3011'
    """
    if value is None:
        return math.nan if datatype != "String" else None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text in MISSING_MARKERS:
        return math.nan if datatype != "String" else None
    if datatype == "String":
        return text
    try:
        return float(text)
    except ValueError:
        return math.nan


@dataclass(frozen=True)
class Topic:
    """One KWB variable of one edition: its OData key, column name, unit, Dutch title path and type."""

    key: str
    name: str
    unit: str
    title: str
    datatype: str


def topics(properties: list[dict]) -> list[Topic]:
    """The variables of one edition from its ``DataProperties``, named as the Heerlen table names them.

    The region-code and region-name topics are left out (the id columns carry them); two keys that would
    get the same name keep the second under ``<name>_<key stem>``.
    """
    by_id = {p.get("ID"): p for p in properties}
    out: list[Topic] = []
    used: set[str] = set()
    for prop in properties:
        if prop.get("Type") != "Topic":
            continue
        key = prop["Key"]
        if stem(key) in SKIPPED_STEMS:
            continue
        parents: list[str] = []
        parent = by_id.get(prop.get("ParentID"))
        while parent is not None:
            parents.insert(0, (parent.get("Title") or "").strip())
            parent = by_id.get(parent.get("ParentID"))
        title = (prop.get("Title") or "").strip()
        name = _canonical(stem(key), parents) or flat_title([*parents, title])
        if name in used:
            name = f"{name}_{stem(key)}"
        used.add(name)
        datatype = prop.get("Datatype") or "Double"
        if stem(key).startswith("Indelingswijziging"):
            datatype = "Double"  # a code 1/2/3 that the build compares as a number
        out.append(Topic(key, name, (prop.get("Unit") or "").strip(), " | ".join([*parents, title]), datatype))
    return out


def _canonical(key_stem: str, parents: list[str]) -> str | None:
    if key_stem in CANONICAL:
        return CANONICAL[key_stem]
    if key_stem in ENERGY_SUBTOPICS:
        path = " ".join(parents).lower()
        carrier = "gas" if "aardgas" in path else "electricity" if "elektriciteit" in path else None
        if carrier:
            return ENERGY_PREFIX[carrier] + ENERGY_SUBTOPICS[key_stem]
    return None


def region_filter(gemeentecode: str, field_name: str = "WijkenEnBuurten") -> str:
    """OData filter for a municipality's own row, its wijken and its buurten.

    Examples
    --------
    >>> for part in region_filter("GM0917").split(" or "):
    ...     print(part)
    startswith(WijkenEnBuurten,'GM0917')
    startswith(WijkenEnBuurten,'WK0917')
    startswith(WijkenEnBuurten,'BU0917')
    """
    digits = gemeentecode[2:]
    return " or ".join(f"startswith({field_name},'{p}{digits}')" for p in ("GM", "WK", "BU"))


def fetch_pages(fetcher: Fetcher, url: str, params: dict | None, label: str) -> list[dict]:
    """Every row of an OData v3 collection, following ``odata.nextLink`` page by page."""
    rows: list[dict] = []
    page = 1
    while url:
        data = fetcher.get_json(url, params, _("{what}, page {n}").format(what=label, n=page))
        rows.extend(data.get("value", []))
        url = data.get("odata.nextLink")
        params = None  # the next link carries the query
        page += 1
    return rows


@dataclass
class Edition:
    """One KWB edition as fetched: its year, table id, variables and rows (tidy-wide)."""

    year: int
    table: str
    topics: list[Topic] = field(default_factory=list)
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)


def region_type(code: str) -> str:
    """``Gemeente``, ``Wijk`` or ``Buurt`` from a CBS region code."""
    return REGION_TYPES.get(code[:2], "")


def parent_wijk(code: str) -> str:
    """The wijk a region lies in (a wijk is its own; empty for a municipality).

    Examples
    --------
    >>> parent_wijk("BU09171000"), parent_wijk("WK091710"), parent_wijk("GM0917")
    ('WK091710', 'WK091710', '')
    """
    if code.startswith("BU"):
        return "WK" + code[2:8]
    return code if code.startswith("WK") else ""


def edition_frame(year: int, rows: list[dict], names: dict[str, str], edition_topics: list[Topic]) -> pd.DataFrame:
    """Tidy-wide rows of one edition: the id columns, then one column per variable."""
    records = []
    for row in rows:
        code = str(row.get("WijkenEnBuurten", "")).strip()
        record = {
            "jaar": year,
            "regio_code": code,
            "regio_type": region_type(code),
            "wijk_code": parent_wijk(code),
            "regio_naam": names.get(code, code),
        }
        for topic in edition_topics:
            record[topic.name] = parse_value(row.get(topic.key), topic.datatype)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=ID_COLUMNS + [t.name for t in edition_topics])
    return frame


def fetch_edition(fetcher: Fetcher, year: int, table: str, row_filter: str, progress: Progress) -> Edition | None:
    """One edition's variables, region names and rows for a filter; None when the API has no such table."""
    base = f"{BASE}/{table}"
    try:
        properties = fetcher.get_json(f"{base}/DataProperties", {"$format": "json"},
                                      _("CBS {table} ({year}): variables").format(table=table, year=year))
    except NotFound:
        progress.line(_("CBS {table} ({year}) is not on the OData API: skipped").format(table=table, year=year))
        return None
    edition_topics = topics(properties.get("value", []))
    name_rows = fetch_pages(fetcher, f"{base}/WijkenEnBuurten",
                            {"$format": "json", "$filter": row_filter.replace("WijkenEnBuurten", "Key")},
                            _("CBS {table} ({year}): region names").format(table=table, year=year))
    names = {str(r.get("Key", "")).strip(): str(r.get("Title", "")).strip() for r in name_rows}
    rows = fetch_pages(fetcher, f"{base}/TypedDataSet", {"$format": "json", "$filter": row_filter},
                       _("CBS {table} ({year}): figures").format(table=table, year=year))
    progress.line(_("CBS {table} ({year}): {n} regions").format(table=table, year=year, n=len(rows)))
    return Edition(year, table, edition_topics, edition_frame(year, rows, names, edition_topics))


def combine(editions: list[Edition]) -> pd.DataFrame:
    """All editions in one tidy-wide table (union of the columns, a column absent in an edition is empty)."""
    frames = [e.rows for e in editions if not e.rows.empty]
    if not frames:
        return pd.DataFrame(columns=ID_COLUMNS)
    table = pd.concat(frames, ignore_index=True, sort=False)
    order = {"Gemeente": 0, "Wijk": 1, "Buurt": 2}
    table = table.assign(_o=table["regio_type"].map(order)).sort_values(["jaar", "_o", "regio_code"])
    return table.drop(columns="_o").reset_index(drop=True)


def columns_table(editions: list[Edition], table: pd.DataFrame) -> pd.DataFrame:
    """The column dictionary (``kwb_columns.csv``): unit, CBS title, years present and years with values, keys."""
    entries: dict[str, dict] = {}
    for edition in editions:
        year_rows = table[table["jaar"] == edition.year]
        for topic in edition.topics:
            entry = entries.setdefault(topic.name, {"kolom": topic.name, "eenheid": topic.unit,
                                                    "omschrijving": topic.title, "years": [], "filled": [],
                                                    "keys": []})
            entry["years"].append(edition.year)
            entry["keys"].append(f"{edition.year}:{topic.key}")
            if topic.name in year_rows and year_rows[topic.name].notna().any():
                entry["filled"].append(edition.year)
    return pd.DataFrame(
        [
            {
                "kolom": e["kolom"],
                "eenheid": e["eenheid"],
                "omschrijving": e["omschrijving"],
                "in_tabel_jaren": ",".join(map(str, e["years"])),
                "met_waarden_jaren": ",".join(map(str, e["filled"])),
                "cbs_sleutels": ";".join(e["keys"]),
            }
            for e in entries.values()
        ],
        columns=["kolom", "eenheid", "omschrijving", "in_tabel_jaren", "met_waarden_jaren", "cbs_sleutels"],
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as the shipped tables are written: UTF-8, comma, whole numbers without ``.0``, missing as empty."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            values = out[col].dropna()
            if len(values) and (values == values.round()).all() and values.abs().max() < 2**53:
                out[col] = out[col].astype("Int64")
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def source_md(title: str, editions: list[Edition], skipped: dict[int, str], row_filter: str, retrieved: str,
              files: dict[str, str], table: pd.DataFrame) -> str:
    """The ``SOURCE.md`` of a refreshed KWB folder: publisher, tables, URLs, date, licence, files, caveats."""
    lines = [
        f"# {title}",
        "",
        f"Retrieved {retrieved} by `python -m geo.refresh` from CBS's OData v3 API.",
        "",
        "## Provenance",
        "- Publisher: **CBS** (Statistics Netherlands), StatLine *Kerncijfers wijken en buurten*. "
        f"Licence: **{LICENCE}** (attribution: CBS).",
        f"- Filter: `$filter={row_filter}` on `TypedDataSet` and on the `WijkenEnBuurten` dimension (names).",
        "",
        "| edition | table | regions | data URL |",
        "|---|---|---|---|",
    ]
    for e in editions:
        lines.append(f"| {e.year} | {e.table} | {len(e.rows)} | {BASE}/{e.table}/TypedDataSet |")
    for year, tid in sorted(skipped.items()):
        lines.append(f"| {year} | {tid} | not on the API when retrieved | {BASE}/{tid} |")
    lines += [
        "",
        "## Files",
        *[f"- `{name}` - {what}" for name, what in files.items()],
        "",
        "## Columns and values",
        "- `jaar` = KWB edition; `regio_code` (GM/WK/BU code), `regio_type` (from the code prefix), `wijk_code` "
        "(BU: WK + characters 3-8; a wijk's own code; empty for the gemeente), `regio_naam` (CBS's title in that "
        "edition).",
        "- Other columns: one per CBS variable, named by StatLine's header path as in the shipped Heerlen table "
        "(`Thema_Subthema_Onderwerp`, `%` as `proc`); the variables the build reads keep one name across editions "
        "even where CBS renamed them (the keys per edition are in `kwb_columns.csv`, column `cbs_sleutels`).",
        "- CBS's markers for secret or unavailable values (`.`, `x`, `-`, empty, padded strings such as "
        "`'       .'`) and JSON `null` are **empty cells** (missing), never 0.",
        "- Which year a figure describes (CBS's table notes): income in edition X is the income over year X "
        "(filled in two to three years later); population, households and stock on 1 January X; gas and "
        "electricity use in calendar year X; the WOZ value at valuation date 1 January X-1.",
        "- Codes and boundaries change between editions: `Regioaanduiding_Indelingswijziging_wijken_en_buurten` "
        "is CBS's indicator (1 = code and boundary unchanged against the year before).",
    ]
    if not table.empty and "regio_type" in table:
        counts = table.groupby(["jaar", "regio_type"]).size().unstack(fill_value=0)
        lines += ["", "## Rows per edition", "", "| edition | " + " | ".join(counts.columns) + " |",
                  "|---|" + "---|" * len(counts.columns)]
        for year, row in counts.iterrows():
            lines.append(f"| {year} | " + " | ".join(str(int(v)) for v in row) + " |")
    return "\n".join(lines) + "\n"
