import copy
import math

import pandas as pd

from geo.refresh import cbs
from geo.refresh.progress import Progress
from geo.refresh.store import Fetcher
from tests.unit.refresh.replay import ReplaySession, load, query

PAGE1 = load("85318NED_TypedDataSet_page1.json")
NAMES = load("85318NED_WijkenEnBuurten.json")
PROPS_2024 = load("85984NED_DataProperties.json")["value"]
SYNTHETIC = "BU05999999"  # the second page's row is built here, not recorded


def _props_85318() -> list[dict]:
    """DataProperties for the recorded 85318NED row, built in code from its keys (groups give gas/electricity)."""
    row = PAGE1["value"][0]
    props = [{"ID": 1, "ParentID": None, "Type": "TopicGroup", "Key": "", "Title": "Energie"},
             {"ID": 2, "ParentID": 1, "Type": "TopicGroup", "Key": "", "Title": "Gemiddelde elektriciteitslevering"},
             {"ID": 3, "ParentID": 1, "Type": "TopicGroup", "Key": "", "Title": "Gemiddeld aardgasverbruik"}]
    for i, key in enumerate(k for k in row if k not in {"ID", "WijkenEnBuurten"}):
        position = int(key.rsplit("_", 1)[1])
        parent = 2 if 47 <= position <= 54 else 3 if 55 <= position <= 63 else None
        text = key.startswith(("Gemeentenaam", "SoortRegio", "Codering", "MeestVoorkomende"))
        datatype = "String" if text else "Double"
        props.append({"ID": 10 + i, "ParentID": parent, "Type": "Topic", "Key": key, "Title": cbs.stem(key),
                      "Datatype": datatype, "Unit": ""})
    return props


def _page2() -> dict:
    """The recorded row again, as CBS's UntypedDataSet writes suppressed cells, under a synthetic code."""
    row = copy.deepcopy(PAGE1["value"][0])
    row.update({"WijkenEnBuurten": SYNTHETIC, "AantalInwoners_5": "       .", "Woningvoorraad_34": "x",
                "GemiddeldAardgasverbruikTotaal_55": "-", "HuishoudensMetEenLaagInkomen_78": "",
                "GemiddeldInkomenPerInwoner_72": "      43.4"})
    return {"odata.metadata": PAGE1["odata.metadata"], "value": [row]}


def _handler(url, params):
    base, q = query(url, params)
    if base.endswith("/DataProperties"):
        return 200, {"value": _props_85318()}
    if base.endswith("/WijkenEnBuurten"):
        return 200, NAMES
    return 200, (_page2() if q.get("$skip") == "1" else PAGE1)


def _edition(tmp_path):
    session = ReplaySession(_handler)
    fetcher = Fetcher(session, tmp_path / ".cache", Progress(quiet=True))
    edition = cbs.fetch_edition(fetcher, 2022, "85318NED", cbs.region_filter("GM0599"), Progress(quiet=True))
    return edition, session


def test_paging_follows_odata_nextlink_to_the_second_page(tmp_path):
    edition, session = _edition(tmp_path)
    assert edition.rows["regio_code"].tolist() == ["BU05990110", SYNTHETIC]
    typed = [url for url, _ in session.calls if "TypedDataSet" in url]
    assert len(typed) == 2 and "$skip=1" in typed[1]


def test_secrecy_markers_become_missing_never_zero(tmp_path):
    edition, _ = _edition(tmp_path)
    real, marked = edition.rows.iloc[0], edition.rows.iloc[1]
    for column in ["Bevolking_Aantal_inwoners", "Wonen_Woningvoorraad",
                   "Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal",
                   "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen"]:
        assert not math.isnan(real[column]) and math.isnan(marked[column]), column
    # JSON null in the recorded row (CBS suppresses gas use of the few semi-detached houses) stays missing
    assert math.isnan(real["Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Twee_onder_één_kap_woning"])
    # a real zero stays zero, and a padded number is a number
    assert real["Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Hoekwoning"] == 0
    assert marked["Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inwoner"] == 43.4


def test_the_recorded_row_lands_in_the_columns_the_build_reads(tmp_path):
    edition, _ = _edition(tmp_path)
    real = edition.rows.iloc[0]
    assert real["regio_naam"] == "Stadsdriehoek" and real["regio_type"] == "Buurt" and real["wijk_code"] == "WK059901"
    assert real["Bevolking_Aantal_inwoners"] == 18050
    assert real["Wonen_Gemiddelde_woningwaarde"] == 371  # GemiddeldeWOZWaardeVanWoningen since 2022
    assert real["Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal"] == 2000
    assert real["Energie_Gemiddeld_elektriciteitsverbruik_Naar_woningtype_Tussenwoning"] == 2230
    assert real["Energie_Gemiddeld_aardgasverbruik_Naar_eigendom_Huurwoning"] == 90
    assert real["Regioaanduiding_Indelingswijziging_wijken_en_buurten"] == 1
    assert "Gemeentenaam_1" not in edition.rows and "Gemeentenaam" not in edition.rows


def test_2024_dataproperties_give_the_heerlen_names_despite_cbs_renaming():
    names = {t.key: t.name for t in cbs.topics(PROPS_2024)}
    assert names["AantalInwoners_5"] == "Bevolking_Aantal_inwoners"
    assert names["Woningvoorraad_35"] == "Wonen_Woningvoorraad"  # theme renamed "Wonen en vastgoed" in 2024
    assert names["OnbewoondeWoningen_46"] == "Wonen_Woningen_naar_bewoning_Percentage_onbewoond"
    assert names["Appartement_54"] == "Energie_Gemiddeld_elektriciteitsverbruik_Naar_woningtype_Appartement"
    assert names["Appartement_62"] == "Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Appartement"
    assert names["TweeOnderEenKapWoning_65"] == (
        "Energie_Gemiddeld_aardgasverbruik_Naar_woningtype_Twee_onder_één_kap_woning")
    assert names["k_40HuishoudensMetLaagsteInkomen_87"] == (
        "Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen")
    # a variable with another meaning keeps its own name (ten years is not "before 2000")
    assert names["BouwjaarMeerDanTienJaarGeleden_51"] == (
        "Wonen_en_vastgoed_Woningen_naar_bouwjaar_Bouwjaar_meer_dan_tien_jaar_geleden")
    assert not {"Gemeentenaam_1", "SoortRegio_2", "Codering_3"} & set(names)


def test_a_table_the_api_lacks_is_skipped_and_reported(tmp_path):
    session = ReplaySession(lambda url, params: (404, {}))
    progress = Progress(quiet=True)
    fetcher = Fetcher(session, tmp_path / ".cache", progress)
    assert cbs.fetch_edition(fetcher, 2025, "86165NED", cbs.region_filter("GM0917"), progress) is None
    assert "not on the OData API" in progress.lines[-1]


def test_csv_writes_missing_as_empty_and_whole_numbers_without_decimals(tmp_path):
    edition, _ = _edition(tmp_path)
    table = cbs.combine([edition])
    text = cbs.to_csv_bytes(table[["regio_code", "Bevolking_Aantal_inwoners"]]).decode()
    assert text.splitlines() == ["regio_code,Bevolking_Aantal_inwoners", "BU05990110,18050", f"{SYNTHETIC},"]
    columns = cbs.columns_table([edition], table).set_index("kolom")
    assert columns.loc["Bevolking_Aantal_inwoners", "cbs_sleutels"] == "2022:AantalInwoners_5"
    assert columns.loc["Bevolking_Aantal_inwoners", "met_waarden_jaren"] == "2022"


def test_source_md_names_publisher_tables_licence_date_and_skipped_editions(tmp_path):
    edition, _ = _edition(tmp_path)
    table = cbs.combine([edition])
    md = cbs.source_md("KWB", [edition], {2025: "86165NED"}, cbs.region_filter("GM0599"), "2026-11-26",
                       {"kwb.csv": "rows"}, table)
    for fact in ["CBS", "85318NED", "86165NED", "CC BY 4.0", "2026-11-26", "opendata.cbs.nl", "never 0"]:
        assert fact in md
    assert isinstance(table, pd.DataFrame)
