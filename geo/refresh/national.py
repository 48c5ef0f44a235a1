"""The national municipality table for the comparison page: the KWB rows of every municipality.

Fetched through the same OData v3 client as the municipality's own table (:mod:`geo.refresh.cbs`),
filtered on ``GM`` codes, for the chosen editions. Written twice: tidy-wide like the municipality's
table (``kwb_gemeenten.csv``, one row per municipality per edition) and as one row per municipality
with the short column names the build's municipality reader knows (``gemeenten_attributes.csv``),
each column from the newest edition in which CBS has filled it for most municipalities.
"""

from __future__ import annotations

import pandas as pd

from geo.refresh import cbs

GM_FILTER = "startswith(WijkenEnBuurten,'GM')"
MIN_FILLED = 0.8  # an edition counts for a column when at least 80 % of municipalities have a value

# Short name (as in the shipped gemeenten_2022_attributes.csv, read by geo.io.raw.read_gemeenten) -> KWB column.
# pct_hh_laag_inkomen is CBS's low-income rate here (the shipped file's column of that name holds the
# lowest-40 % share, see its SOURCE.md); the lowest-40 % share is pct_hh_laagste_40.
SHORT_NAMES: dict[str, str] = {
    "aantal_inwoners": "Bevolking_Aantal_inwoners",
    "huishoudens": "Bevolking_Particuliere_huishoudens_Huishoudens_totaal",
    "gem_huishouden_grootte": "Bevolking_Particuliere_huishoudens_Gemiddelde_huishoudensgrootte",
    "woningvoorraad": "Wonen_Woningvoorraad",
    "gem_woz_waarde": "Wonen_Gemiddelde_woningwaarde",
    "koopwoningen": "Wonen_Woningen_naar_eigendom_Koopwoningen",
    "huurwoningen": "Wonen_Woningen_naar_eigendom_Huurwoningen_Huurwoningen_totaal",
    "pct_huurcorporatie": "Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_woningcorporatie",
    "pct_eengezins": "Wonen_Woningen_naar_type_Percentage_eengezinswoning",
    "pct_meergezins": "Wonen_Woningen_naar_type_Percentage_meergezinswoning",
    "pct_leegstand": "Wonen_Woningen_naar_bewoning_Percentage_onbewoond",
    "pct_stadsverwarming": "Energie_Gemiddeld_aardgasverbruik_Percentage_woningen_met_stadsverwarming",
    "gem_aardgas": "Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal",
    "gem_elektriciteit": "Energie_Gemiddeld_elektriciteitsverbruik_Gemiddeld_elektriciteitsverbruik_totaal",
    "gem_inkomen_inwoner": "Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inwoner",
    "gem_inkomen_ontvanger": "Inkomen_Inkomen_van_personen_Gemiddeld_inkomen_per_inkomensontvanger",
    "pct_hh_laag_inkomen": "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen",
    "pct_hh_laagste_40": "Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen",
    "pct_hh_hoogste_20": "Inkomen_Inkomen_van_huishoudens_20proc_huishoudens_met_hoogste_inkomen",
    "pct_rond_sociaal_min": "Inkomen_Inkomen_van_huishoudens_Huish_onder_of_rond_sociaal_minimum",
}


def attributes(table: pd.DataFrame, min_filled: float = MIN_FILLED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per municipality with the short column names, each from its newest well-filled edition.

    Parameters
    ----------
    table : DataFrame
        Tidy-wide KWB rows of municipalities (``jaar``, ``regio_code``, ``regio_naam``, KWB columns).
    min_filled : float
        Share of the edition's municipalities that must have a value.

    Returns
    -------
    (attributes, editions) : tuple of DataFrame
        ``gemeentecode``, ``gemeentenaam`` and the short columns (municipalities of the newest edition);
        and per short column the edition used (``kolom``, ``editie``, ``gevuld``).

    Examples
    --------
    >>> t = pd.DataFrame({"jaar": [2023, 2023, 2024, 2024], "regio_code": ["GM1", "GM2"] * 2,
    ...                   "regio_naam": ["A", "B"] * 2, "Bevolking_Aantal_inwoners": [10, 20, 11, 21],
    ...                   "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen": [5, 6, None, None]})
    >>> a, e = attributes(t)
    >>> a[["gemeentecode", "aantal_inwoners", "pct_hh_laag_inkomen"]].values.tolist()
    [['GM1', 11.0, 5.0], ['GM2', 21.0, 6.0]]
    >>> e.set_index("kolom")["editie"].to_dict()
    {'aantal_inwoners': 2024, 'pct_hh_laag_inkomen': 2023}
    """
    newest = int(table["jaar"].max())
    latest = table[table["jaar"] == newest]
    out = pd.DataFrame({"gemeentecode": latest["regio_code"].values, "gemeentenaam": latest["regio_naam"].values})
    chosen = []
    for short, column in SHORT_NAMES.items():
        if column not in table:
            continue
        filled = table.groupby("jaar")[column].apply(lambda s: s.notna().mean())
        usable = filled[filled >= min_filled]
        if usable.empty:
            continue
        edition = int(usable.index.max())
        values = table[table["jaar"] == edition].set_index("regio_code")[column]
        out[short] = out["gemeentecode"].map(values).astype(float)
        chosen.append({"kolom": short, "editie": edition, "gevuld": round(float(filled[edition]), 3)})
    return out, pd.DataFrame(chosen, columns=["kolom", "editie", "gevuld"])


def source_md(editions: list[cbs.Edition], skipped: dict[int, str], retrieved: str, files: dict[str, str],
              table: pd.DataFrame, chosen: pd.DataFrame) -> str:
    """The ``SOURCE.md`` of the national folder (the KWB provenance plus the short-name table)."""
    text = cbs.source_md("CBS Kerncijfers wijken en buurten: every municipality", editions, skipped, GM_FILTER,
                         retrieved, files, table)
    lines = ["", "## `gemeenten_attributes.csv`: short names, and the edition each comes from", "",
             "| short name | KWB column | edition | share filled |", "|---|---|---|---|"]
    for row in chosen.itertuples():
        lines.append(f"| `{row.kolom}` | `{SHORT_NAMES[row.kolom]}` | {row.editie} | {row.gevuld:.0%} |")
    lines += ["", "`pct_hh_laag_inkomen` is CBS's low-income rate (below CBS's low-income threshold); the national "
              "lowest-40 % share is `pct_hh_laagste_40` (the shipped 2022 GeoInzicht file labels the latter "
              "`pct_hh_laag_inkomen`)."]
    return text + "\n".join(lines) + "\n"
