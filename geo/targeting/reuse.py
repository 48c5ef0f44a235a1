"""Reuse potential of the materials a demolition releases: which share goes back into building materials.

The tonnes of :mod:`geo.targeting.materials` say what a demolition releases; a materials bank also asks what of it
can come back into buildings. Two shares per material describe current Dutch practice, each from a published,
dated figure (``SHARE_SOURCES``):

- **recycled**: recovered as a material in any use, including crushed stone for road foundations (downcycling);
- **high-grade reuse** (*hoogwaardig hergebruik*): reused as a product or recycled into the same material for
  building (concrete granulate in new concrete, steel scrap in new steel, flat glass in new glass).

No share is invented: where no published figure was found (masonry and timber back into building, anything for
"other") the share is missing, the tonnes of that material are not counted in the potential, and the page and the
export say so. The high-grade share is a setting a user (or a materials bank) may replace. The method is in
``docs/method/circular.md``. Pure functions, no Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from geo.i18n import N_
from geo.targeting.materials import MATERIALS

# Published figures, one per key; the shares below name the key they come from.
SOURCES = {
    "betonhuis_2023": N_("Betonhuis, 'Betonrecycling in Nederland: er zijn veel mogelijkheden' (R. Kerkhoven, "
                         "10 February 2023): about 10% of concrete residual streams is reused in new concrete; "
                         "selective demolition could raise that to 20-30%."),
    "betonakkoord_2025": N_("Duurzaam Gebouwd, 'Hele keten nodig voor honderd procent betonhergebruik' (21 May "
                            "2025): the Betonakkoord aims to return all demolished concrete to the concrete "
                            "industry by 2030."),
    "afvalbedrijven_2013": N_("Vereniging Afvalbedrijven, 'Sluiten van de kringloop van bouw- en sloopafval' (H. "
                              "van de Wiel, 16 December 2013): of 23.8 Mt construction and demolition waste a "
                              "year, 94% is recycled and 3.5% incinerated with energy recovery; 90% of the weight "
                              "is stony (concrete, asphalt, masonry)."),
    "rivm_2015": N_("Rijkswaterstaat and RIVM, 'Beleidsverkenning circulaire economie in de bouw' (RIVM report "
                    "2015-0197, 18 December 2015): construction and demolition waste is recycled on a large scale "
                    "into foundation material for roads, new residential areas and industrial estates; buildings "
                    "are hardly ever made with recycled products."),
    "envigroup_2020": N_("Envigroup, 'Mogelijkheden om hout te recyclen nog uiterst beperkt' (22 May 2020): of "
                         "the waste wood released in the Netherlands about 560 kt is recycled and about 1,180 kt "
                         "used for energy (all waste wood, not only from demolition)."),
    "staal_95": N_("Bouwkunde-online, 'Recycling en hergebruik', and Donorstaal, 'Recycling vs. hergebruik': about "
                   "95% of the steel released by construction and demolition in the Netherlands is recycled into "
                   "new steel; hot-rolled beams (HE, IPE) are reused as beams for 51%, which does not apply to "
                   "the reinforcement steel of dwellings."),
    "vlakglas_2016": N_("Bouwend Nederland, 'Vlakglas Recycling Nederland zamelt miljard kilo vlakglas in' (C. "
                        "Wittekoek, 1 December 2016): of about 100,000 t of flat-glass waste a year, about 70% is "
                        "collected by Vlakglas Recycling Nederland; its results page (vlakglasrecycling.nl, 2024) "
                        "says the collected glass becomes new flat glass, container glass or glass wool."),
    "mulders_2013": N_("L. Mulders (2013), High quality recycling of construction and demolition waste in the "
                       "Netherlands, master thesis, Utrecht University: 90% of the construction and demolition "
                       "waste of 2012 was recycled or incinerated with energy recovery, but only 11% of its "
                       "weight was recycled within the building sector."),
}

# Share (%) of each material's tonnes, as published; None = no published figure found (never 0).
RECYCLED_PCT: dict[str, float | None] = {"concrete": 94.0, "masonry": 94.0, "timber": round(100 * 560 / 1740, 1),
                                         "steel": 95.0, "glass": 70.0, "other": None}
HIGH_GRADE_PCT: dict[str, float | None] = {"concrete": 10.0, "masonry": None, "timber": None, "steel": 95.0,
                                           "glass": 70.0, "other": None}
SHARE_SOURCES: dict[str, tuple[str, ...]] = {
    "concrete": ("afvalbedrijven_2013", "rivm_2015", "betonhuis_2023", "betonakkoord_2025"),
    "masonry": ("afvalbedrijven_2013", "rivm_2015"),
    "timber": ("envigroup_2020",),
    "steel": ("staal_95",),
    "glass": ("vlakglas_2016",),
    "other": (),
}
# Why a share is missing or how it should be read, per material.
SHARE_NOTES = {
    "concrete": N_("Recycled: the share of all construction and demolition waste (mostly stony). High-grade: "
                   "concrete granulate in new concrete today; 20-30% with selective demolition, 100% is the "
                   "Betonakkoord's aim for 2030."),
    "masonry": N_("Recycled: the share of all construction and demolition waste, mostly as mixed granulate for "
                  "road foundations. High-grade: no published share found; harvested bricks are reused, in "
                  "unknown amounts."),
    "timber": N_("Recycled (mostly into chipboard): the share of all waste wood; the rest is burnt for energy. "
                 "High-grade: no published share found."),
    "steel": N_("Recycled into new steel, which counts as high-grade."),
    "glass": N_("Flat glass collected for recycling; the material intensities list no glass for dwellings."),
    "other": N_("Bitumen, gypsum and mixed waste: no published shares found."),
}
UNCERTAINTY = N_("The shares are national figures for all construction and demolition waste or for the whole "
                 "material stream, from trade bodies and trade press of 2013-2025, not measurements of demolished "
                 "dwellings; how much of a buurt's demolition is reused depends on how it is demolished. Read the "
                 "reuse potential as an order of magnitude beside the tonnes.")


def default_shares() -> pd.DataFrame:
    """The published shares per material: ``material``, ``recycled_pct``, ``high_grade_pct`` (NaN = none found).

    Examples
    --------
    >>> s = default_shares().set_index("material")
    >>> float(s.loc["concrete", "high_grade_pct"]), bool(pd.isna(s.loc["masonry", "high_grade_pct"]))
    (10.0, True)
    >>> float(s.loc["timber", "recycled_pct"])
    32.2
    """
    nan = float("nan")
    return pd.DataFrame({"material": list(MATERIALS),
                         "recycled_pct": [nan if RECYCLED_PCT[m] is None else RECYCLED_PCT[m] for m in MATERIALS],
                         "high_grade_pct": [nan if HIGH_GRADE_PCT[m] is None else HIGH_GRADE_PCT[m]
                                            for m in MATERIALS]})


def high_grade_shares(edits: Mapping[str, float] | None = None) -> dict[str, float | None]:
    """The high-grade reuse share (%) per material in force: the published one unless ``edits`` gives another.

    Parameters
    ----------
    edits : mapping of str to float, optional
        Material -> share in % (0-100) the user entered. Unknown materials, non-numbers and values outside
        0-100 are ignored (the published share stays).

    Examples
    --------
    >>> s = high_grade_shares({"masonry": 5, "concrete": 250, "wood": 9})
    >>> s["masonry"], s["concrete"], s["other"]
    (5.0, 10.0, None)
    """
    shares = dict(HIGH_GRADE_PCT)
    for material, value in (edits or {}).items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if material in shares and math.isfinite(number) and 0.0 <= number <= 100.0:
            shares[material] = number
    return shares


def reuse_potential(released: pd.DataFrame, high_grade: Mapping[str, float | None] | None = None,
                    recycled: Mapping[str, float | None] | None = None) -> pd.DataFrame:
    """Tonnes per buurt that current practice recycles and that can go back into building (high-grade).

    Parameters
    ----------
    released : DataFrame
        :func:`geo.targeting.materials.materials_released`: ``t_<material>`` per buurt.
    high_grade, recycled : mapping of str to float or None, optional
        Share in % per material (None = no figure). Default: the published shares.

    Returns
    -------
    DataFrame
        ``released`` with ``t_recycled`` and ``t_high_grade``: the sums over the materials that have a share.
        Materials without a share are left out of a sum, never counted as 0 % silently: :func:`not_counted`
        names them. A buurt whose tonnes are missing gets NaN.

    Examples
    --------
    >>> r = reuse_potential(pd.DataFrame({"t_concrete": [100.0], "t_masonry": [50.0], "t_steel": [2.0]}))
    >>> float(r["t_high_grade"][0]), float(r["t_recycled"][0])
    (11.9, 142.9)
    """
    out = released.copy()
    for column, shares in (("t_recycled", recycled or RECYCLED_PCT), ("t_high_grade", high_grade or HIGH_GRADE_PCT)):
        parts = [out[f"t_{m}"] * shares[m] / 100.0 for m in MATERIALS
                 if shares.get(m) is not None and f"t_{m}" in out]
        out[column] = pd.concat(parts, axis=1).sum(axis=1, min_count=1) if parts else float("nan")
    return out


def not_counted(released: pd.DataFrame, shares: Mapping[str, float | None]) -> dict[str, float]:
    """Materials with tonnes but no share: material -> tonnes released that a potential leaves out.

    Examples
    --------
    >>> not_counted(pd.DataFrame({"t_masonry": [40.0, 2.0], "t_other": [0.0, 0.0], "t_steel": [1.0, 1.0]}),
    ...             HIGH_GRADE_PCT)
    {'masonry': 42.0}
    """
    return {m: float(released[f"t_{m}"].sum()) for m in MATERIALS
            if shares.get(m) is None and f"t_{m}" in released and released[f"t_{m}"].sum() > 0}
