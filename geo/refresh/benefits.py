"""CBS *Personen met een uitkering; wijken en buurten* (85586NED), quarterly, for one municipality.

The build reads the social-assistance figures of the latest quarter from this table, so a municipality
is only buildable with it. The same OData v3 client as the KWB (:mod:`geo.refresh.cbs`); the table is
one table on CBS's current wijk and buurt classification, with a ``Perioden`` dimension (``2024MM03`` =
the end of March 2024). Written as the shipped Heerlen file: one row per region per quarter, the OData
keys as column names (``Bijstandsuitkering_6`` persons, ``Bijstandsuitkering_10`` % of inhabitants 15+,
``InwonersVanaf15Jaar_13``, ...), suppressed values empty.
"""

from __future__ import annotations

import re

import pandas as pd

from geo.i18n import _
from geo.refresh import cbs
from geo.refresh.progress import NotFound, Progress
from geo.refresh.store import Fetcher

TABLE = "85586NED"
ID_COLUMNS = ["WijkenEnBuurten", "regio_type", "regio_naam", "Perioden", "jaar", "kwartaal"]
SKIPPED = {"ID", "WijkenEnBuurten", "Perioden", "Codering_3"}


def quarter(period: str) -> tuple[int, int] | None:
    """Year and quarter of a CBS period code (``2024MM03`` end of March, ``2024KW01``); None for other periods.

    Examples
    --------
    >>> quarter("2013MM03"), quarter("2024MM12"), quarter("2023KW02"), quarter("2023JJ00")
    ((2013, 1), (2024, 4), (2023, 2), None)
    """
    found = re.fullmatch(r"(\d{4})(MM|KW)(\d{2})", period.strip())
    if not found:
        return None
    year, kind, number = int(found.group(1)), found.group(2), int(found.group(3))
    if kind == "KW":
        return (year, number) if 1 <= number <= 4 else None
    return (year, number // 3) if number in (3, 6, 9, 12) else None


def frame(rows: list[dict], names: dict[str, str], datatypes: dict[str, str]) -> pd.DataFrame:
    """One row per region per quarter; monthly periods that are not a quarter's end are left out."""
    records = []
    for row in rows:
        yq = quarter(str(row.get("Perioden", "")))
        if yq is None:
            continue
        code = str(row.get("WijkenEnBuurten", "")).strip()
        record = {"WijkenEnBuurten": code, "regio_type": cbs.region_type(code), "regio_naam": names.get(code, ""),
                  "Perioden": str(row["Perioden"]).strip(), "jaar": yq[0], "kwartaal": yq[1]}
        for key, value in row.items():
            if key not in SKIPPED:
                record[key] = cbs.parse_value(value, datatypes.get(key, "Double"))
        records.append(record)
    table = pd.DataFrame.from_records(records)
    if table.empty:
        return pd.DataFrame(columns=ID_COLUMNS)
    return table.sort_values(["WijkenEnBuurten", "jaar", "kwartaal"]).reset_index(drop=True)


def fetch(fetcher: Fetcher, gemeentecode: str, progress: Progress) -> pd.DataFrame | None:
    """The municipality's benefit rows; None when the API does not have the table."""
    base = f"{cbs.BASE}/{TABLE}"
    row_filter = cbs.region_filter(gemeentecode)
    try:
        properties = fetcher.get_json(f"{base}/DataProperties", {"$format": "json"},
                                      _("CBS {table}: variables").format(table=TABLE))
    except NotFound:
        progress.line(_("CBS {table} is not on the OData API: skipped").format(table=TABLE))
        return None
    datatypes = {p["Key"]: p.get("Datatype") or "Double" for p in properties.get("value", [])
                 if p.get("Type") == "Topic"}
    name_rows = cbs.fetch_pages(fetcher, f"{base}/WijkenEnBuurten",
                                {"$format": "json", "$filter": row_filter.replace("WijkenEnBuurten", "Key")},
                                _("CBS {table}: region names").format(table=TABLE))
    names = {str(r.get("Key", "")).strip(): str(r.get("Title", "")).strip() for r in name_rows}
    rows = cbs.fetch_pages(fetcher, f"{base}/TypedDataSet", {"$format": "json", "$filter": row_filter},
                           _("CBS {table}: figures").format(table=TABLE))
    table = frame(rows, names, datatypes)
    progress.line(_("CBS {table}: {n} rows").format(table=TABLE, n=len(table)))
    return table


def source_md(gemeentecode: str, table: pd.DataFrame, retrieved: str, filename: str) -> str:
    """The ``SOURCE.md`` of the benefits folder."""
    periods = f"{table['Perioden'].min()} - {table['Perioden'].max()}" if not table.empty else "none"
    return "\n".join([
        f"# Persons with a benefit per wijk and buurt, {gemeentecode}, quarterly (CBS {TABLE})",
        "",
        f"Retrieved {retrieved} by `python -m geo.refresh` from CBS's OData v3 API.",
        "",
        f"**File:** `{filename}` - {len(table)} rows = {table['WijkenEnBuurten'].nunique() if not table.empty else 0}"
        f" regions x quarters ({periods}); one row per region per quarter.",
        "",
        "## Provenance",
        f"- Publisher: **CBS**, StatLine table **{TABLE}** (*Personen met een uitkering; wijken en buurten*). "
        "Licence: **CC BY 4.0**.",
        f"- URL: {cbs.BASE}/{TABLE}/TypedDataSet with `$filter={cbs.region_filter(gemeentecode)}`.",
        "",
        "## Columns",
        "- `WijkenEnBuurten` (code), `regio_type`, `regio_naam` (CBS's name in the table's classification), "
        "`Perioden` (`YYYYMMmm` = end of that month), `jaar`, `kwartaal`.",
        "- The other columns keep CBS's OData keys, as in the shipped Heerlen file: `Bijstandsuitkering_6` "
        "(persons, rounded to 10), `Bijstandsuitkering_10` (% of inhabitants 15+), `InwonersVanaf15Jaar_13`, ...",
        "- Secret or unavailable values (JSON `null`, `.`, `x`, `-`, empty) are empty cells, never 0.",
    ]) + "\n"
