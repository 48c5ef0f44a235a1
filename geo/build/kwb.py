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


def pick_edition(kwb_buurten: pd.DataFrame, column: str, min_coverage: float = MIN_COVERAGE) -> tuple[int | None, int]:
    """Choose the latest KWB edition in which ``column`` is filled for enough buurten.

    Parameters
    ----------
    kwb_buurten : DataFrame
        KWB buurt rows with columns ``jaar`` and ``column``.
    column : str
        The KWB column.
    min_coverage : float
        Fraction of the best edition's count of filled buurten an edition needs.

    Returns
    -------
    (edition, filled) : tuple
        The chosen edition (None when no edition has values) and its count of filled buurten.
    """
    counts = kwb_buurten.groupby("jaar")[column].count()
    if counts.max() == 0:
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
    """Social-assistance figures of the latest quarter per region code."""
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


def national_comparison(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Heerlen and the Netherlands from the KWB 2022 edition (one municipality table).

    National values are totals or weighted means over all municipalities:
    household shares weighted by households, per-dwelling use by dwellings.
    """
    g = gemeenten.copy()
    for col in ["huishoudens", "woningvoorraad", "pct_rond_sociaal_min", "gem_aardgas", "gem_elektriciteit", "koopwoningen", "huurwoningen", "aantal_inwoners"]:
        g[col] = pd.to_numeric(g[col], errors="coerce")

    def weighted(value: str, weight: str) -> float:
        ok = g[value].notna() & g[weight].notna()
        return float((g.loc[ok, value] * g.loc[ok, weight]).sum() / g.loc[ok, weight].sum())

    heerlen = g[g["gemeentecode"] == config.GEMEENTE_CODE].iloc[0]
    rows = [
        ("inhabitants", float(heerlen["aantal_inwoners"]), float(g["aantal_inwoners"].sum())),
        ("households", float(heerlen["huishoudens"]), float(g["huishoudens"].sum())),
        ("pct_social_minimum", float(heerlen["pct_rond_sociaal_min"]), weighted("pct_rond_sociaal_min", "huishoudens")),
        ("gas_m3", float(heerlen["gem_aardgas"]), weighted("gem_aardgas", "woningvoorraad")),
        ("electricity_kwh", float(heerlen["gem_elektriciteit"]), weighted("gem_elektriciteit", "woningvoorraad")),
        ("pct_owner_occupied", float(heerlen["koopwoningen"]), weighted("koopwoningen", "woningvoorraad")),
        ("pct_rent", float(heerlen["huurwoningen"]), weighted("huurwoningen", "woningvoorraad")),
    ]
    return pd.DataFrame(rows, columns=["column", "heerlen_2022", "netherlands_2022"])
