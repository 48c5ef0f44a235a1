"""Circular building: the materials a new-build plan releases when it demolishes dwellings (thinning).

Material intensities (kg per m2 of floor area) per building type come from the Dutch demolition database of
Sprecher et al. (2022), *Material intensity database for the Dutch building stock: Towards Big Data in material
stock analysis*, Journal of Industrial Ecology 26(1), 272-280, doi:10.1111/jiec.13143 (61 demolition projects,
781 data points). The figures below are the per-type means as tabulated, with that paper as their source, in
``sources/material_volumes.csv`` of the public repository GidoStoop/BAG_classification_material_volumes (commit
d0a263d18e2e206ec3412450e88667fd78f00173); the paper's own tables were not available to check them against. The
table lists means only: the spread over the demolition projects (the paper's Figure 3) is not in it, so the app
names the uncertainty in words, not as a range. The method is in ``docs/method/circular.md``.

Tonnes per buurt = sum over the demolished dwellings of floor area (VIVET, BAG usable floor area) x intensity of
the dwelling's building type. Pure functions, no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from geo.i18n import N_
from geo.vocab import POOR_LABELS

SOURCE = N_("Sprecher, B., Verhagen, T.J., Sauer, M.L., Baars, M., Heintz, J. & Fishman, T. (2022). Material "
            "intensity database for the Dutch building stock: Towards Big Data in material stock analysis. Journal "
            "of Industrial Ecology 26(1), 272-280, doi:10.1111/jiec.13143. Per-type means as tabulated in "
            "GidoStoop/BAG_classification_material_volumes, sources/material_volumes.csv (commit d0a263d).")
SOURCE_DOI = "10.1111/jiec.13143"
SOURCE_FILE = ("https://github.com/GidoStoop/BAG_classification_material_volumes/blob/"
               "d0a263d18e2e206ec3412450e88667fd78f00173/sources/material_volumes.csv")
UNCERTAINTY = N_("Means per building type; the spread between demolition projects (the paper's Figure 3) is not in "
                 "the table used here and is not quantified. The paper reports average intensities of 612 to 1,909 "
                 "kg/m² across building types, with dwellings at both ends; the table used here gives 599 to 1,941 "
                 "kg/m² for the dwelling types. Read the tonnes as an order of magnitude.")

# kg per m2 floor area, per building type of the source, per material as the source names it (row "Type" of the
# CSV: Row, Single, High_rise, Appartment). Columns whose value is 0 for all four residential types are left out.
RAW_INTENSITY_KG_M2 = {
    "row": {"bitumen": 10.26, "ceramics": 16.11, "brickwork": 124.10, "concrete": 353.20, "steel": 12.36,
            "gypsum": 7.65, "wood": 39.04, "c_and_dw": 36.21},
    "single": {"bitumen": 0.00, "ceramics": 0.00, "brickwork": 635.29, "concrete": 974.12, "steel": 34.09,
               "gypsum": 0.00, "wood": 216.47, "c_and_dw": 81.18},
    "high_rise": {"bitumen": 6.70, "ceramics": 0.00, "brickwork": 245.78, "concrete": 699.53, "steel": 24.48,
                  "gypsum": 5.11, "wood": 30.86, "c_and_dw": 42.24},
    "apartment": {"bitumen": 10.96, "ceramics": 0.00, "brickwork": 310.28, "concrete": 883.09, "steel": 30.91,
                  "gypsum": 0.00, "wood": 18.87, "c_and_dw": 36.49},
}
RAW_TOTAL_KG_M2 = {"row": 598.93, "single": 1941.15, "high_rise": 1054.70, "apartment": 1290.60}  # the CSV's Total

# The six groups the app shows, and which of the source's materials fall in each. Glass: the source table has no
# glass for dwellings (0 kg/m2); windows are among the components the paper records apart from the structure.
MATERIALS = ("concrete", "masonry", "timber", "steel", "glass", "other")
MATERIAL_NAMES = {"concrete": N_("Concrete"), "masonry": N_("Masonry"), "timber": N_("Timber"), "steel": N_("Steel"),
                  "glass": N_("Glass"), "other": N_("Other")}
GROUPS = {"concrete": ("concrete",), "masonry": ("brickwork", "ceramics"), "timber": ("wood",), "steel": ("steel",),
          "glass": (), "other": ("bitumen", "gypsum", "c_and_dw")}

# Dwelling types of the stock (VIVET) -> building type of the source. Semi-detached houses share a wall, as row
# houses do; an apartment's number of floors is not in the stock, so every apartment counts as "apartment" (the
# source's high-rise intensity is lower).
TYPE_OF_DWELLING = {"detached": "single", "semi-detached": "row", "end-terrace": "row", "mid-terrace": "row",
                    "apartment": "apartment"}


def intensities() -> pd.DataFrame:
    """Material intensity (kg/m2) per source building type and app material group.

    Examples
    --------
    >>> mi = intensities()
    >>> float(mi.loc["row", "masonry"]), float(mi.loc["single", "timber"])
    (140.21, 216.47)
    >>> bool((mi.sum(axis=1).round(2) == pd.Series(RAW_TOTAL_KG_M2)).all())
    True
    """
    rows = {t: {g: round(sum(raw[m] for m in members), 2) for g, members in GROUPS.items()}
            for t, raw in RAW_INTENSITY_KG_M2.items()}
    return pd.DataFrame.from_dict(rows, orient="index")[list(MATERIALS)]


def demolished_floor_area(cells: pd.DataFrame, demolished: pd.Series, labels=POOR_LABELS) -> pd.DataFrame:
    """Floor area demolished per buurt and dwelling type.

    A buurt's demolished dwellings are taken from its label E-G stock in proportion to the dwellings of each cell
    (type, build period, tenure), as :func:`geo.targeting.newbuild_score.newbuild_effects` takes their CO2.

    Parameters
    ----------
    cells : DataFrame
        Stock cells: ``buurt_code``, ``dwelling_type``, ``label_class`` (or ``label``), ``dwellings`` and
        ``floor_area_m2_mean`` (VIVET).
    demolished : Series
        Demolished dwellings per buurt code.
    labels : sequence of str
        The labels demolition takes (E-G).

    Returns
    -------
    DataFrame
        ``buurt_code``, ``dwelling_type``, ``demolished`` (dwellings) and ``floor_area_m2``.
    """
    lab = "label" if "label" in cells else "label_class"
    c = cells[cells[lab].isin(labels) & (cells["dwellings"] > 0)]
    stock = c.groupby("buurt_code")["dwellings"].sum()
    share = c["dwellings"] / c["buurt_code"].map(stock)
    n = c["buurt_code"].map(demolished).fillna(0.0).astype(float) * share
    out = pd.DataFrame({"buurt_code": c["buurt_code"], "dwelling_type": c["dwelling_type"], "demolished": n,
                        "floor_area_m2": n * c["floor_area_m2_mean"]})
    return out.groupby(["buurt_code", "dwelling_type"], as_index=False)[["demolished", "floor_area_m2"]].sum(
        min_count=1)


def materials_released(cells: pd.DataFrame, demolished: pd.Series, labels=POOR_LABELS) -> pd.DataFrame:
    """Tonnes of each material released per buurt by demolishing ``demolished`` E-G dwellings.

    Returns
    -------
    DataFrame
        One row per buurt with demolition: ``buurt_code``, ``demolished``, ``floor_area_m2``, ``t_<material>``
        for each of :data:`MATERIALS` and ``t_total``. A buurt whose demolished cells lack a floor area gets NaN
        tonnes (never 0).
    """
    fa = demolished_floor_area(cells, demolished, labels)
    fa = fa[fa["demolished"] > 0]
    mi = intensities()
    kind = fa["dwelling_type"].map(TYPE_OF_DWELLING)
    cols = {}
    for m in MATERIALS:
        cols[f"t_{m}"] = fa["floor_area_m2"] * kind.map(mi[m]).astype(float) / 1000.0
    per_cell = pd.concat([fa[["buurt_code", "demolished", "floor_area_m2"]], pd.DataFrame(cols, index=fa.index)],
                         axis=1)
    out = per_cell.groupby("buurt_code", as_index=False).sum(min_count=1)
    out["t_total"] = out[[f"t_{m}" for m in MATERIALS]].sum(axis=1, min_count=1)
    return out


def totals(table: pd.DataFrame) -> dict[str, float]:
    """Municipality totals of :func:`materials_released`: dwellings, floor area and tonnes per material.

    Examples
    --------
    >>> t = totals(pd.DataFrame({"demolished": [2.0], "floor_area_m2": [200.0], "t_concrete": [70.64],
    ...                          "t_total": [119.79]}))
    >>> t["t_concrete"], t["t_steel"]
    (70.64, 0.0)
    """
    keys = ["demolished", "floor_area_m2", *(f"t_{m}" for m in MATERIALS), "t_total"]
    return {k: float(table[k].sum()) if k in table else 0.0 for k in keys}
