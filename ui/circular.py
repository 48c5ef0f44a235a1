"""Circular building (issue 13): the materials the New-build plan releases and what of them can be reused.

The New-build page shows the tonnes its plan's demolitions release per buurt and material
(:mod:`geo.targeting.materials`), the share current Dutch practice recycles and reuses high-grade
(:mod:`geo.targeting.reuse`, shares a user may replace), and then the grid load of its new homes
(:mod:`ui.gridload`). Layout helpers and caches only; the figures are computed in ``geo``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import i18n
from geo.i18n import N_, _
from geo.params import NewbuildParams
from geo.report import profile
from geo.targeting import display, materials, reuse
from ui import charts, gridload, settings, tables, targeting

# Table specs (column -> header, format), headers marked for the catalogue.
MATERIALS_TABLE = {
    "buurt_code": N_("Code"),
    "buurt_name": N_("Buurt"),
    "demolished": (N_("Demolished dwellings"), "%.0f"),
    "floor_area_m2": (N_("Floor area demolished (m²)"), "%.0f"),
    "t_concrete": (N_("Concrete (t)"), "%.0f"),
    "t_masonry": (N_("Masonry (t)"), "%.0f"),
    "t_timber": (N_("Timber (t)"), "%.0f"),
    "t_steel": (N_("Steel (t)"), "%.0f"),
    "t_glass": (N_("Glass (t)"), "%.0f"),
    "t_other": (N_("Other (t)"), "%.0f"),
    "t_total": (N_("Total (t)"), "%.0f"),
    "t_recycled": (N_("Recycled today (t)"), "%.0f"),
    "t_high_grade": (N_("High-grade reusable (t)"), "%.0f"),
}
REUSE_EDITOR = {  # widths fixed so the Dutch headers fit and the notes get the rest
    "material_name": (N_("Material"), "text", {"disabled": True, "width": 110}),
    "recycled_pct": (N_("Recycled today (%)"), "text", {"disabled": True, "width": 140}),
    "high_grade_pct": (N_("High-grade reuse (%)"), "%.1f", {"min_value": 0.0, "max_value": 100.0, "step": 1.0,
                                                             "width": 190}),
    "note": (N_("Reading and sources"), "text", {"disabled": True}),
}
# What the map of the materials can show.
MAP_COLUMNS = {"t_total": N_("Total (t)"), "t_high_grade": N_("High-grade reusable (t)"),
               "t_recycled": N_("Recycled today (t)")}
INTENSITY_TABLE = {
    "building_type": N_("Building type (source)"),
    "dwelling_types": N_("Dwelling types of the stock"),
    "concrete": (N_("Concrete (kg/m²)"), "%.1f"),
    "masonry": (N_("Masonry (kg/m²)"), "%.1f"),
    "timber": (N_("Timber (kg/m²)"), "%.1f"),
    "steel": (N_("Steel (kg/m²)"), "%.1f"),
    "glass": (N_("Glass (kg/m²)"), "%.1f"),
    "other": (N_("Other (kg/m²)"), "%.1f"),
}
BUILDING_TYPES = {"single": N_("Single house"), "row": N_("Row house"), "apartment": N_("Apartment building"),
                  "high_rise": N_("High-rise (not used: floors unknown)")}


# ---- figures (cached by hashable arguments) ----------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=64)
def released(demolished: tuple) -> pd.DataFrame:
    """Materials released per buurt by ``((buurt_code, demolished dwellings), ...)``, with the buurt's name."""
    table = materials.materials_released(targeting.stock_cells(), pd.Series(dict(demolished), dtype=float))
    table.insert(1, "buurt_name", table["buurt_code"].map(targeting.names()))
    return table.sort_values("t_total", ascending=False)


@st.cache_data(show_spinner=False, max_entries=8)
def intensity_table(lang: str) -> pd.DataFrame:
    """The material intensities per building type, with the stock's dwelling types each one is used for."""
    mi = materials.intensities()
    used_for = {kind: ", ".join(display(t) for t, k in materials.TYPE_OF_DWELLING.items() if k == kind) or "–"
                for kind in mi.index}
    return mi.assign(building_type=[_(BUILDING_TYPES[k]) for k in mi.index],
                     dwelling_types=[used_for[k] for k in mi.index]).reset_index(drop=True)


def _shares_editor() -> dict:
    """The reuse shares per material (the high-grade column editable); returns the high-grade shares in force."""
    base = reuse.default_shares()
    base["note"] = [_(reuse.SHARE_NOTES[m]) for m in base["material"]]
    base["recycled_pct"] = [i18n.number(v, 1) for v in base["recycled_pct"]]  # read-only: in the locale's format
    base.insert(1, "material_name", [_(materials.MATERIAL_NAMES[m]) for m in base["material"]])
    edited = settings.kept_editor(base, REUSE_EDITOR, key="ci.reuse_editor", num_rows="fixed",
                                  column_order=list(REUSE_EDITOR))
    st.caption(_("High-grade reuse: reused as a product or recycled into the same material for building (concrete "
                 "granulate in new concrete, steel in new steel, glass in new glass), not crushed for road "
                 "foundations. A dash (–) means no published share was found: that material is left out of the "
                 "reuse potential, not counted as 0%. Enter your own share (0-100) to use it."))
    if st.button(_("Back to the published shares"), key="ci.reset_reuse"):
        settings.forget_edits("ci.reuse_editor")
        st.rerun()
    st.markdown("\n".join(f"- {profile.literal_markdown(_(text))}" for text in reuse.SOURCES.values()))
    return reuse.high_grade_shares(dict(zip(edited["material"], edited["high_grade_pct"], strict=True)))


def _not_counted_text(mats: pd.DataFrame, shares: dict) -> str:
    """Which materials a reuse potential leaves out for want of a share, with their tonnes ('' when none)."""
    left = reuse.not_counted(mats, shares)
    return ", ".join(f"{_(materials.MATERIAL_NAMES[m])} {i18n.number(t)} t" for m, t in left.items())


def newbuild_sections(sp: NewbuildParams, effects: pd.DataFrame) -> None:
    """The New-build page's sections on circular building and grid load of the plan in ``effects``."""
    st.subheader(_("Circular building: materials the plan releases"))
    demolished = tuple((c, float(d)) for c, d in zip(effects["buurt_code"], effects["demolished"], strict=True)
                       if d > 0)
    _materials_section(demolished)
    gridload.newbuild_section(sp, effects)


@st.fragment
def _materials_section(demolished: tuple) -> None:
    """Tonnes, reuse potential, table, map and shares of the demolitions ``((buurt_code, dwellings), ...)``.

    A fragment: a share typed in or another map choice reruns this section only, not the whole page (the plan
    above it is what ``demolished`` comes from, and a change there reruns the page).
    """
    num = i18n.number
    figures = st.container()  # filled below, after the shares editor has given the shares in force
    tab_table, tab_map, tab_reuse, tab_mi = st.tabs([_("Table"), _("Map"), _("Reuse shares"),
                                                     _("Material intensities")])
    with tab_reuse:
        shares = _shares_editor()
    mats = reuse.reuse_potential(released(demolished), shares)
    t = materials.totals(mats)
    with figures:
        m1, m2, m3, m4, m5 = st.columns(5)
        m1.metric(_("Materials (t)"), num(t["t_total"]),
                  help=_("Released by {n} demolished dwellings, {area} m² floor area.").format(
                      n=num(t["demolished"]), area=num(t["floor_area_m2"])))
        for col, m in zip((m2, m3, m4, m5), ("concrete", "masonry", "timber", "steel"), strict=True):
            col.metric(_("{material} (t)").format(material=_(materials.MATERIAL_NAMES[m])), num(t[f"t_{m}"]))
        r1, r2, _r3 = st.columns(3)
        r1.metric(_("High-grade reusable (t)"), num(mats["t_high_grade"].sum()),
                  help=_("Tonnes × the high-grade reuse share of each material (tab Reuse shares)."))
        r2.metric(_("Recycled today (t)"), num(mats["t_recycled"].sum()),
                  help=_("Tonnes × the share current practice recycles in any use, mostly as road foundation."))
        left = _not_counted_text(mats, shares)
        left_recycled = _not_counted_text(mats, reuse.RECYCLED_PCT)
        st.caption(_("Demolished label E-G dwellings (thinning) × floor area (VIVET) × material intensity of the "
                     "building type (kg/m²). Transformation locations are not counted: what stands there is not in "
                     "the data. Glass: the source lists none for dwellings (windows count as components there).")
                   + " " + _(materials.UNCERTAINTY) + " " + _(reuse.UNCERTAINTY)
                   + (" " + _("Left out of the high-grade reuse potential for want of a published share: "
                              "{materials}.").format(materials=left) if left else "")
                   + (" " + _("Left out of the recycled tonnes for want of a published share: {materials}.").format(
                       materials=left_recycled) if left_recycled else ""))
    shares_text = "; ".join(f"{_(materials.MATERIAL_NAMES[m])}: " + ("–" if v is None else f"{num(v, 1)} %")
                            for m, v in shares.items())
    meta = {_("Material intensities"): _(materials.SOURCE), _("Uncertainty"): _(materials.UNCERTAINTY),
            _("High-grade reuse shares"): shares_text,
            _("Reuse shares: sources"): " ".join(_(text) for text in reuse.SOURCES.values()),
            _("Reuse shares: uncertainty"): _(reuse.UNCERTAINTY),
            _("Units"): _("tonnes (t); floor area in m² (BAG usable floor area, VIVET)")}
    with tab_table:
        tables.show(mats, MATERIALS_TABLE, height=300, key="nb.materials", download_settings=meta,
                    download=_("Materials released by the new-build plan"))
    with tab_map:
        st.session_state.setdefault("ci.map", "t_total")
        shown = {k: _(v) for k, v in MAP_COLUMNS.items()}  # translated now: format_func may run outside
        st.radio(_("Show"), list(shown), format_func=shown.get, horizontal=True, **settings.widget_kwargs("ci.map"))
        column = st.session_state["ci.map"]
        charts.value_map(mats, column, shown[column])
    with tab_mi:
        tables.show(intensity_table(i18n.current()), INTENSITY_TABLE, download=_("Material intensities"),
                    download_settings=meta)
        st.caption(_(materials.SOURCE))
