"""Replayed CBS and PDOK answers for the refresh tests: recorded fixtures and a Heerlen replay built from data/raw.

The Heerlen replay answers as CBS's OData v3 API and PDOK's WFS would, in their formats (v3 envelope,
``odata.nextLink`` paging, WFS ``count``/``startIndex`` paging), with the values of the shipped raw files:
KWB 2016-2020 from ``data/raw/cbs_kwb_heerlen_2016_2020`` under the 85984NED keys of the recorded
``DataProperties``, the 2023 buurt polygons (reprojected to RD New, as the refresh asks PDOK), and the 2022
municipality table as KWB 2022 (85318NED) municipality rows. Other tables answer 404.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import geopandas as gpd
import pandas as pd
import requests

from geo import config
from geo.refresh import cbs

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "refresh"
SHIPPED_YEARS = {2016: "83487NED", 2017: "83765NED", 2018: "84286NED", 2019: "84583NED", 2020: "84799NED"}
NATIONAL_TABLE = "85318NED"  # the shipped municipality table holds KWB 2022 values
BENEFITS_TABLE = "85586NED"
# Short names of the shipped municipality table -> 85984NED keys of the recorded DataProperties.
NATIONAL_KEYS = {
    "aantal_inwoners": "AantalInwoners_5", "huishoudens": "HuishoudensTotaal_29",
    "woningvoorraad": "Woningvoorraad_35", "gem_woz_waarde": "GemiddeldeWOZWaardeVanWoningen_39",
    "koopwoningen": "Koopwoningen_47", "huurwoningen": "HuurwoningenTotaal_48",
    "gem_aardgas": "GemiddeldAardgasverbruikTotaal_61",
    "gem_elektriciteit": "GemiddeldeElektriciteitsleveringTotaal_53",
    "pct_rond_sociaal_min": "HuishOnderOfRondSociaalMinimum_90",
}


def load(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeResponse:
    def __init__(self, status_code: int, data):
        self.status_code = status_code
        self._data = data

    def json(self):
        if isinstance(self._data, Exception):
            raise self._data
        return self._data


class ReplaySession:
    """A requests-like session answering from a handler ``(url, params) -> (status, json)``; counts calls."""

    def __init__(self, handler, fail_after: int | None = None):
        self.handler = handler
        self.calls: list[tuple[str, dict | None]] = []
        self.fail_after = fail_after

    def get(self, url, params=None, timeout=None):
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise requests.ConnectionError("Connection reset by peer")
        self.calls.append((url, params))
        status, data = self.handler(url, dict(params or {}))
        return FakeResponse(status, data)


class OfflineSession:
    """No network: every request fails as a DNS failure does."""

    def __init__(self):
        self.calls = 0

    def get(self, url, params=None, timeout=None):
        self.calls += 1
        raise requests.ConnectionError(f"Failed to resolve '{urlsplit(url).netloc}'")


def query(url: str, params: dict) -> tuple[str, dict]:
    """The URL without query and all query parameters (from the URL and from ``params``)."""
    parts = urlsplit(url)
    merged = dict(parse_qsl(parts.query))
    merged.update({k: str(v) for k, v in params.items()})
    return f"{parts.scheme}://{parts.netloc}{parts.path}", merged


def odata_page(base: str, rows: list[dict], q: dict, page_size: int) -> dict:
    """One page of a v3 collection, with ``odata.nextLink`` when more rows follow."""
    skip = int(q.get("$skip", 0))
    page = {"odata.metadata": f"{base}/$metadata", "value": rows[skip:skip + page_size]}
    if skip + page_size < len(rows):
        page["odata.nextLink"] = (f"{base}?$format=json&$filter={q.get('$filter', '')}&$skip={skip + page_size}")
    return page


def _json_value(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class HeerlenReplay:
    """CBS and PDOK for Heerlen (GM0917), built from the shipped raw files."""

    def __init__(self, page_size: int = 100, pdok_page: int = 1000, change: float = 0.0):
        self.page_size = page_size
        self.pdok_page = pdok_page
        self.properties = load("85984NED_DataProperties.json")
        # Editions up to 2022 have "Bouwjaar voor 2000" (key of the recorded 85318NED row) where 2024 has
        # "Bouwjaar meer dan tien jaar geleden": the replayed 2016-2020 tables carry it too.
        self.old_properties = {**self.properties, "value": [*self.properties["value"], {
            "odata.type": "Cbs.OData.Topic", "ID": 1067, "Position": 45, "ParentID": 66, "Type": "Topic",
            "Key": "BouwjaarVoor2000_45", "Title": "Bouwjaar voor 2000", "Description": None, "Datatype": "Long",
            "Unit": "%", "Decimals": 0, "Default": "Impossible", "PresentationType": "Relative"}]}
        key_of = {t.name: t.key for t in cbs.topics(self.old_properties["value"])}
        kwb = pd.read_csv(config.RAW_KWB, dtype={"regio_code": str, "wijk_code": str, "regio_naam": str})
        self.kwb = kwb
        self.rows: dict[str, list[dict]] = {}
        self.names: dict[str, list[dict]] = {}
        for year, table in SHIPPED_YEARS.items():
            part = kwb[kwb["jaar"] == year]
            rows = []
            for i, rec in enumerate(part.to_dict("records")):
                row = {"ID": i, "WijkenEnBuurten": rec["regio_code"].ljust(10)}
                for name, key in key_of.items():
                    if name in rec:
                        value = _json_value(rec[name])
                        if name == "Bevolking_Aantal_inwoners" and value is not None:
                            value += change
                        row[key] = value
                rows.append(row)
            self.rows[table] = rows
            pairs = zip(part["regio_code"], part["regio_naam"], strict=True)
            self.names[table] = [{"Key": c.ljust(10), "Title": n} for c, n in pairs]
        benefits = pd.read_csv(config.RAW_BENEFITS, dtype={"WijkenEnBuurten": str, "Perioden": str})
        value_keys = [c for c in benefits.columns if re.fullmatch(r"[A-Z][A-Za-z0-9]*_\d+", c)]
        self.benefits_properties = {"value": [
            {"ID": i, "ParentID": None, "Type": "Topic", "Key": key, "Title": key, "Datatype": "Long", "Unit": ""}
            for i, key in enumerate(value_keys)]}
        self.benefits = [{"ID": i, "WijkenEnBuurten": rec["WijkenEnBuurten"].ljust(10), "Perioden": rec["Perioden"],
                          **{key: _json_value(float(rec[key])) for key in value_keys}}
                         for i, rec in enumerate(benefits.to_dict("records"))]
        latest_names = kwb[kwb["jaar"] == 2020].set_index("regio_code")["regio_naam"]
        self.benefits_names = [{"Key": code.ljust(10), "Title": latest_names.get(code, code)}
                               for code in benefits["WijkenEnBuurten"].unique()]
        gemeenten = pd.read_csv(config.RAW_GEMEENTEN, dtype={"gemeentecode": str})
        self.national = [
            {"ID": i, "WijkenEnBuurten": rec["gemeentecode"].ljust(10),
             **{key: _json_value(float(rec[short]) if pd.notna(rec[short]) else None)
                for short, key in NATIONAL_KEYS.items()}}
            for i, rec in enumerate(gemeenten.to_dict("records"))
        ]
        self.national_names = [{"Key": c.ljust(10), "Title": n}
                               for c, n in zip(gemeenten["gemeentecode"], gemeenten["gemeentenaam"], strict=True)]
        polygons = gpd.read_file(config.RAW_BUURTEN).to_crs(config.CRS_METRIC)
        polygons["wijkcode"] = "WK" + polygons["CBS-buurtcode"].str[2:8]
        wijk_names = kwb[(kwb["regio_type"] == "Wijk") & (kwb["jaar"] == 2020)].set_index("regio_code")["regio_naam"]
        self.buurten = [
            {"type": "Feature", "properties": {"buurtcode": r["CBS-buurtcode"], "buurtnaam": r["buurtnaam"],
                                               "wijkcode": r["wijkcode"], "gemeentecode": "GM0917",
                                               "gemeentenaam": "Heerlen", "water": "NEE"},
             "geometry": r["geometry"].__geo_interface__}
            for r in polygons.to_dict("records")
        ]
        wijken = polygons.dissolve(by="wijkcode", as_index=False)
        self.wijken = [
            {"type": "Feature", "properties": {"wijkcode": r["wijkcode"], "wijknaam": wijk_names.get(r["wijkcode"], ""),
                                               "gemeentecode": "GM0917", "gemeentenaam": "Heerlen", "water": "NEE"},
             "geometry": r["geometry"].__geo_interface__}
            for r in wijken.to_dict("records")
        ]

    def __call__(self, url: str, params: dict):
        base, q = query(url, params)
        if "service.pdok.nl" in base:
            if "/2023/" not in base:
                return 404, {"error": "not found"}
            layer = q["typeNames"].split(":")[1]
            features = self.buurten if layer == "buurten" else self.wijken
            start, count = int(q.get("startIndex", 0)), int(q.get("count", self.pdok_page))
            return 200, {"type": "FeatureCollection", "features": features[start:start + count]}
        table, endpoint = base.rstrip("/").split("/")[-2:]
        national = "'GM')" in q.get("$filter", "")
        if table == BENEFITS_TABLE:
            if endpoint == "DataProperties":
                return 200, self.benefits_properties
            rows = self.benefits_names if endpoint == "WijkenEnBuurten" else self.benefits
            return 200, odata_page(base, rows, q, self.page_size)
        if table not in self.rows and table != NATIONAL_TABLE:
            return 404, {"odata.error": {"message": {"value": "Resource not found"}}}
        if endpoint == "DataProperties":
            return 200, self.old_properties if table in self.rows else self.properties
        if table == NATIONAL_TABLE:
            rows = self.national_names if endpoint == "WijkenEnBuurten" else self.national
            if not national:
                rows = [r for r in rows if str(r.get("Key", r.get("WijkenEnBuurten"))).startswith("GM0917")]
        else:
            rows = self.names[table] if endpoint == "WijkenEnBuurten" else self.rows[table]
            if national:
                rows = [r for r in rows if str(r.get("Key", r.get("WijkenEnBuurten"))).startswith("GM")]
        return 200, odata_page(base, rows, q, self.page_size)
