"""The New-build page's market pipeline: a market party's planned projects beside the municipality's allocation.

The file is read like any upload (:func:`geo.io.layers.layer.read_layer`) and kept in this session
only (``nb.pipeline``); :mod:`geo.targeting.pipeline` finds the projects' buurten, homes and years
and counts them against the housing target. A small map beside the table draws the projects (points,
or a point inside their area or buurt) over the buurten of the municipality's plan; the tooltips are
escaped in :func:`geo.targeting.pipeline.map_features`.
"""

from __future__ import annotations

import html
import json

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import i18n
from geo.errors import DataError
from geo.i18n import N_, _
from geo.io.layers.layer import read_layer, unmatched_note
from geo.map import render
from geo.report import profile
from geo.targeting import pipeline as pl
from ui import data, mydata, tables

KEY, SEEN, PENDING = "nb.pipeline", "nb.pipeline_seen", "nb.pipeline_pending"
BESIDE = {"buurt_name": N_("Buurt"), "plan_homes": (N_("Homes in the municipality's plan"), "%d"),
          "market_homes": (N_("Homes planned by the market"), "%d"),
          "market_projects": (N_("Market projects"), "%d"),
          "market_by_2032": (N_("Market homes completed by 2032"), "%d")}
PROJECTS = {"project": N_("Project"), "buurt_name": N_("Buurt"), "homes": (N_("Homes"), "%d"),
            "year": (N_("Year of completion"), "text"), "dwelling_type": N_("Type"),
            "standard": N_("Label or energy standard")}


def _read(uploaded) -> None:
    """Read a newly picked file into the session (once per file); an error message when it cannot be used.

    A file handed over in code (``nb.pipeline_pending`` = (name, bytes), e.g. by a test) is read the same way.
    """
    ss = st.session_state
    handed = ss.pop(PENDING, None)
    if handed is not None:
        name, content = handed
    elif uploaded is None or ss.get(SEEN) == uploaded.file_id:
        return
    else:
        ss[SEEN] = uploaded.file_id
        name, content = uploaded.name, uploaded.getvalue()
    try:
        layer = read_layer(content, name, data.buurten()[mydata.BUURT_COLUMNS])
        found, notes = pl.projects(layer, data.buurten()[mydata.BUURT_COLUMNS])
    except DataError as err:
        ss.pop(KEY, None)
        st.error(profile.literal_markdown(_("{file}: {problem}").format(file=name[:80], problem=err)))
        return
    except Exception:  # never a traceback for a user's file
        ss.pop(KEY, None)
        st.error(profile.literal_markdown(_("{file}: the file could not be read.").format(file=name[:80])))
        return
    ss[KEY] = (name, found, [*layer.notes, *filter(None, [unmatched_note(layer)]), *notes])


PLAN_FILL, PROJECT_COLOUR = "#6baed6", "#08306b"


def _map(found: pd.DataFrame, plan: dict, names: dict) -> None:
    """The projects as dots over the buurten (the plan's buurten in blue); hover for name, homes, year and label."""
    shapes = data.map_shapes()[0][["buurt_code", "geometry"]]
    m = render.base_map(None, render.bounds_of(shapes), tiles=False)
    planned = {code for code, homes in plan.items() if homes}

    def style(feature: dict) -> dict:
        filled = feature["properties"]["buurt_code"] in planned
        return {"color": "#737373", "weight": 1, "fillColor": PLAN_FILL if filled else "#f0f0f0",
                "fillOpacity": 0.6 if filled else 0.3}

    folium.GeoJson(json.loads(shapes.to_json(drop_id=True)), style_function=style, interactive=False).add_to(m)
    fields = list(pl.TOOLTIP)
    folium.GeoJson(
        pl.map_features(found, names),
        marker=folium.CircleMarker(radius=6, color="white", weight=1, fill=True, fill_color=PROJECT_COLOUR,
                                   fill_opacity=0.9),
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=[html.escape(_(pl.TOOLTIP[f])) for f in fields],
                                      labels=True, sticky=True),
    ).add_to(m)
    st_folium(m, key=f"nb.pipeline_map.{i18n.current()}", height=380, use_container_width=True,
              returned_objects=[])
    st.caption(_("Dark dots: the market's projects (hover for name, homes, year and label; a project placed by buurt "
                 "code is drawn inside its buurt). Blue: buurten with homes in the municipality's plan."))


def section(plan: dict, target_2030: int, target_2032: int, names: dict) -> None:
    """Upload the market's planned projects; show them beside the plan and against the targets."""
    st.subheader(_("Market pipeline"))
    st.caption(_("A market party's planned projects: a CSV, xlsx or GeoJSON with a location (buurt code, x/y or "
                 "lon/lat, or a point or area), the number of homes and, where known, the type, the year of "
                 "completion and the label or energy standard. The file stays in your session."))
    _read(st.file_uploader(_("Upload planned projects"), key="nb.pipeline_upload",
                           help=mydata.limits_text()))
    kept = st.session_state.get(KEY)
    if not kept:
        return
    name, found, notes = kept
    for note in notes:
        st.caption(profile.literal_markdown(note))
    count = pl.against_target(found, target_2030, target_2032)
    num, pct = i18n.number, i18n.percent
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(_("Market homes by 2030"), num(count["by_2030"]),
              help=_("{share} of the target of {target}.").format(share=pct(count["share_2030_pct"], 0),
                                                                  target=num(target_2030)))
    m2.metric(_("Market homes by 2032"), num(count["by_2032"]),
              help=_("{share} of the target of {target}.").format(share=pct(count["share_2032_pct"], 0),
                                                                  target=num(target_2032)))
    plan_homes = sum(plan.values())
    m3.metric(_("Plan and market by 2032"), num(plan_homes + count["by_2032"]),
              help=_("The municipality's plan ({plan}) plus the market's homes completed by 2032, against the "
                     "target of {target}.").format(plan=num(plan_homes), target=num(target_2032)))
    m4.metric(_("Undated or later"), num(count["undated"] + count["after_2032"]),
              help=_("Homes without a year of completion, or after 2032: counted towards neither target."))
    st.caption(profile.literal_markdown(_("From {file}: {n} projects. A market project may overlap with a home in "
                                          "the municipality's plan; check before adding them up.").format(
        file=name[:80], n=num(len(found)))))
    left, right = st.columns([3, 2])
    with left:
        tables.show(pl.beside_plan(found, plan, names), BESIDE, height=380, key="nb.pipeline_beside",
                    download=_("Market pipeline beside the plan"))
    with right:
        _map(found, plan, names)
    shown = found.assign(buurt_name=found["buurt_code"].map(names),  # a year as text: 2028, never 2.028
                         year=[str(int(y)) if y == y else "–" for y in found["year"]])
    tables.show(shown, PROJECTS, height=220, key="nb.pipeline_projects", download=_("Market projects"))
