"""KWB and benefits stage: which edition per column, the year it describes, values per region.

CBS codes and boundaries change between editions, so every join is explicit by
code and reported per source year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import config
from geo.catalog import dictionary

MIN_COVERAGE = 0.8  # an edition is usable for a column when >= 80% of the best edition's buurten have a value

# The KWB editions for which CBS documents, per theme, the year a figure describes as :func:`reference_year`
# computes it. An edition outside this list is not used for a column of that theme (the build says so).
# * 2016-2020: CBS's table notes, quoted in data/raw/cbs_kwb_heerlen_2016_2020/SOURCE.md.
# * 2022-2024: CBS, "Toelichting Wijk- en Buurtkaart 2022, 2023 en 2024" (published 30-10-2024), chapter 5:
#   population and housing "Peildatum: 1 januari van het desbetreffende jaar"; the WOZ value "wordt bepaald met
#   de waardepeildatum van voorgaand jaar"; income from the IIVS "met het inkomen over het verslagjaar". For
#   energy it states no year (only "gemiddeld jaarverbruik"). CBS's separate energy tables say "Gegevens
#   beschikbaar: over 2021" (85359NED) and that "Gemiddeld elektriciteitsverbruik" was renamed "Gemiddelde
#   elektriciteitslevering", but no note at hand says which year a KWB edition's energy columns describe:
#   energy columns after 2020 are not used.
# * 2021 and 2025: no CBS note on these editions was at hand: not used.
NOTED_EDITIONS = (2016, 2017, 2018, 2019, 2020)
TOELICHTING_2022_2024 = (2022, 2023, 2024)
DOCUMENTED_EDITIONS: dict[str, tuple[int, ...]] = {
    "population": NOTED_EDITIONS + TOELICHTING_2022_2024,
    "housing": NOTED_EDITIONS + TOELICHTING_2022_2024,
    "woz": NOTED_EDITIONS + TOELICHTING_2022_2024,
    "income": NOTED_EDITIONS + TOELICHTING_2022_2024,
    "energy": NOTED_EDITIONS,
}


def documented_editions(theme: str) -> tuple[int, ...]:
    """The KWB editions whose reference year CBS documents for ``theme`` (see :data:`DOCUMENTED_EDITIONS`).

    Examples
    --------
    >>> 2024 in documented_editions("income"), 2024 in documented_editions("energy"), 2025 in documented_editions("woz")
    (True, False, False)
    """
    return DOCUMENTED_EDITIONS.get(theme, NOTED_EDITIONS)


def reference_year(theme: str, edition: int) -> int:
    """The year a KWB figure describes, given its theme and the edition it was published in.

    CBS's table notes: income in edition X is the income over year X (of the population of 1 January X;
    CBS fills it in two to three years later); population, households and the housing stock are counts on
    1 January X; gas and electricity use is the use in calendar year X; the WOZ value of edition X is the
    value at the valuation date 1 January X-1.

    Examples
    --------
    >>> reference_year("income", 2017), reference_year("energy", 2019), reference_year("woz", 2019)
    (2017, 2019, 2018)
    """
    return edition - 1 if theme == "woz" else edition


def pick_edition(kwb_buurten: pd.DataFrame, column: str, min_coverage: float = MIN_COVERAGE,
                 editions=None) -> tuple[int | None, int]:
    """Choose the latest KWB edition in which ``column`` is filled for enough buurten.

    Parameters
    ----------
    kwb_buurten : DataFrame
        KWB buurt rows with columns ``jaar`` and ``column``.
    column : str
        The KWB column.
    min_coverage : float
        Fraction of the best edition's count of filled buurten an edition needs.
    editions : iterable of int, optional
        Only these editions may be chosen (e.g. :func:`documented_editions`); default all.

    Returns
    -------
    (edition, filled) : tuple
        The chosen edition (None when no edition has values) and its count of filled buurten.
    """
    counts = kwb_buurten.groupby("jaar")[column].count()
    if editions is not None:
        counts = counts[counts.index.isin(list(editions))]
    if counts.empty or counts.max() == 0:
        return None, 0
    usable = counts[counts >= min_coverage * counts.max()]
    edition = int(usable.index.max())
    return edition, int(counts[edition])


def join_report(left_codes, right_codes) -> dict:
    """Matched and unmatched codes between the polygons (left) and a statistics table (right)."""
    left, right = set(left_codes), set(right_codes)
    return {
        "matched": len(left & right),
        "polygons_without_statistics": sorted(left - right),
        "statistics_without_polygon": sorted(right - left),
    }


def kwb_values(kwb: pd.DataFrame, level_codes: list[str], editions: dict[str, int | None]) -> pd.DataFrame:
    """One row per region code with each processed column taken from its chosen edition."""
    out = pd.DataFrame(index=pd.Index(level_codes, name="code"))
    for name, raw in dictionary.kwb_columns().items():
        edition = editions.get(name)
        if edition is None:
            out[name] = np.nan
            continue
        year_rows = kwb[kwb["jaar"] == edition].set_index("regio_code")
        out[name] = year_rows[raw].reindex(out.index).astype(float)
    return out


def benefits_values(benefits: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Social-assistance figures of the latest quarter per region code (none, period ``"none"``, without rows)."""
    if benefits.empty:
        empty = pd.Series(dtype=float, index=pd.Index([], dtype=object))
        return pd.DataFrame({"pct_social_assistance": empty, "social_assistance_persons": empty}), "none"
    latest = benefits.sort_values(["jaar", "kwartaal"]).iloc[-1]
    year, quarter = int(latest["jaar"]), int(latest["kwartaal"])
    rows = benefits[(benefits["jaar"] == year) & (benefits["kwartaal"] == quarter)].set_index("WijkenEnBuurten")
    out = pd.DataFrame(
        {
            "pct_social_assistance": rows["Bijstandsuitkering_10"].astype(float),
            "social_assistance_persons": rows["Bijstandsuitkering_6"].astype(float),
        }
    )
    return out, f"{year} Q{quarter}"


def national_comparison(gemeenten: pd.DataFrame, code: str = config.GEMEENTE_CODE) -> pd.DataFrame:
    """The municipality ``code`` and the Netherlands from the KWB 2022 edition (one municipality table).

    National values are totals or weighted means over all municipalities:
    household shares weighted by households, per-dwelling use by dwellings. A municipality the table does not
    list (e.g. formed after 2022) gets missing values, never another one's. ``gemeente_2022`` holds the values
    of ``code``.
    """
    g = gemeenten.copy()
    for col in ["huishoudens", "woningvoorraad", "pct_rond_sociaal_min", "gem_aardgas", "gem_elektriciteit", "koopwoningen", "huurwoningen", "aantal_inwoners"]:
        g[col] = pd.to_numeric(g[col], errors="coerce")

    def weighted(value: str, weight: str) -> float:
        ok = g[value].notna() & g[weight].notna()
        return float((g.loc[ok, value] * g.loc[ok, weight]).sum() / g.loc[ok, weight].sum())

    own = g[g["gemeentecode"] == code]
    own_row = own.iloc[0] if len(own) else pd.Series(np.nan, index=g.columns)
    rows = [
        ("inhabitants", float(own_row["aantal_inwoners"]), float(g["aantal_inwoners"].sum())),
        ("households", float(own_row["huishoudens"]), float(g["huishoudens"].sum())),
        ("pct_social_minimum", float(own_row["pct_rond_sociaal_min"]), weighted("pct_rond_sociaal_min", "huishoudens")),
        ("gas_m3", float(own_row["gem_aardgas"]), weighted("gem_aardgas", "woningvoorraad")),
        ("electricity_kwh", float(own_row["gem_elektriciteit"]), weighted("gem_elektriciteit", "woningvoorraad")),
        ("pct_owner_occupied", float(own_row["koopwoningen"]), weighted("koopwoningen", "woningvoorraad")),
        ("pct_rent", float(own_row["huurwoningen"]), weighted("huurwoningen", "woningvoorraad")),
    ]
    return pd.DataFrame(rows, columns=["column", "gemeente_2022", "netherlands_2022"])
