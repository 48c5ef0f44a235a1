"""My data: the user's own layers in the session: upload, account, use (overlay, figure per buurt), map.

A layer lives in this session's state only (``my.layers``, by the hash of its file): nothing is
written to disk, and closing the browser tab ends it. A layer is drawn over the buurten and/or
turned into a figure per buurt (count, sum, mean, area share) that the map colours and that the
energy-poverty index (``my.index``, read by :func:`ui.settings.current`), the retrofit ranking
and the new-build score take with their own weight and direction.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import i18n
from geo.errors import DataError
from geo.i18n import N_, _, ngettext
from geo.io.layers import files, locate
from geo.io.layers.layer import Layer, read_layer
from geo.map import classify, overlay, render
from geo.metrics import user_layers as ul
from geo.params import UserIndicator
from geo.report import profile
from ui import data, mapview, settings, tables

LAYERS, SEEN, MESSAGES, INDEX, PENDING = "my.layers", "my.seen", "my.messages", "my.index", "my.pending"
# The uses of a figure per buurt, and what a higher value means in each (message ids, translated where shown).
USES = {"index": N_("Energy-poverty index"), "retrofit": N_("Retrofit ranking"), "newbuild": N_("New-build score")}
DIRECTIONS = {
    "index": (N_("Higher = more energy poverty"), N_("Higher = less energy poverty")),
    "retrofit": (N_("Higher = better place to retrofit"), N_("Higher = worse place to retrofit")),
    "newbuild": (N_("Higher = better place to build"), N_("Higher = worse place to build")),
}
JOINED_BY = {"geometry": N_("its own geometry"), "buurt_code": N_("buurt code"), "wijk_code": N_("wijk code"),
             "coordinates": N_("coordinates"), "name": N_("buurt or wijk name")}
GEOMETRY_KINDS = {"points": N_("points"), "lines": N_("lines"), "polygons": N_("areas"), "mixed": N_("mixed")}
NO_COLOUR = "-"
BUURT_COLUMNS = ["buurt_code", "buurt_name", "wijk_code", "wijk_name", "geometry"]


def layers() -> dict[str, Layer]:
    """The session's layers by key, in upload order."""
    return st.session_state.setdefault(LAYERS, {})


def _k(layer_key: str, name: str) -> str:
    return f"my.{layer_key}.{name}"


def limits_text() -> str:
    """What the page accepts, in the user's language."""
    return _("Accepted: GeoJSON, GeoPackage, zipped Shapefile, CSV (also as Dutch Excel saves it: semicolons, "
             "decimal commas, Windows-1252) and Excel (xlsx). At most {mb} MB and {features} rows or features per "
             "file. A table is placed by buurt or wijk code ({examples}), by "
             "coordinates (x/y, lon/lat, lat/lng, rd_x/rd_y; RD New or WGS84) or by buurt name.").format(
        mb=i18n.number(files.MAX_BYTES // (1024 * 1024)), features=i18n.number(files.MAX_FEATURES),
        examples=locate.example_codes(data.buurten()["buurt_code"]))


def privacy_text() -> str:
    """What happens to the data, in the user's language."""
    return _("Your files stay in this browser session: they are not saved on the server or shared with other "
             "users, and they are gone when you close the tab or reload the page.")


def _defaults(layer: Layer) -> None:
    ss = st.session_state
    ss.setdefault(_k(layer.key, "draw"), True)
    ss.setdefault(_k(layer.key, "aggregate"), layer.joined_by in ("buurt_code", "wijk_code", "name"))
    ss.setdefault(_k(layer.key, "label"), layer.labels[0] if layer.labels else None)
    ss.setdefault(_k(layer.key, "how"), "sum" if layer.numeric and layer.joined_by != "geometry" else "count")
    ss.setdefault(_k(layer.key, "column"), layer.numeric[0] if layer.numeric else None)
    for use in USES:
        ss.setdefault(_k(layer.key, f"w.{use}"), 0.0)
        ss.setdefault(_k(layer.key, f"dir.{use}"), "up")


def add_file(name: str, content: bytes) -> Layer | None:
    """Read one uploaded file into the session; a message says what happened (the app keeps running)."""
    messages = st.session_state.setdefault(MESSAGES, [])
    buurten = data.buurten()[BUURT_COLUMNS]
    try:
        layer = read_layer(content, name, buurten)
    except DataError as err:
        messages.append(("error", _("{file}: {problem}").format(file=name[:80], problem=err)))
        return None
    except Exception:  # never a traceback for a user's file: say it could not be read
        messages.append(("error", _("{file}: the file could not be read.").format(file=name[:80])))
        return None
    layers()[layer.key] = layer
    _defaults(layer)
    messages.append(("success", ngettext("{file}: {n} row or feature on the map.",
                                         "{file}: {n} rows or features on the map.", layer.rows_kept).format(
        file=name[:80], n=i18n.number(layer.rows_kept))))
    return layer


def uploader() -> None:
    """The file picker; each new file is read once, and the messages of the last upload are shown."""
    picked = st.file_uploader(_("Add files"), accept_multiple_files=True, key="my.upload",
                              help=limits_text())
    seen = st.session_state.setdefault(SEEN, set())
    new = [f for f in picked or [] if f.file_id not in seen]
    handed = st.session_state.pop(PENDING, [])  # files handed over in code, e.g. by a test: (name, bytes)
    if new or handed:
        st.session_state[MESSAGES] = []
    for f in new:
        seen.add(f.file_id)
        add_file(f.name, f.getvalue())
    for name, content in handed:
        add_file(name, content)
    for kind, text in st.session_state.get(MESSAGES, []):
        getattr(st, kind)(profile.literal_markdown(text))


def remove(layer_key: str) -> None:
    """Forget a layer and its settings (button callback)."""
    layers().pop(layer_key, None)
    for key in [k for k in st.session_state if str(k).startswith((f"my.{layer_key}.", f"w.my.{layer_key}."))]:
        del st.session_state[key]
    update_index()


def account(layer: Layer) -> None:
    """What happened to the file: rows read and kept, how it was placed, what did not match, repairs."""
    st.markdown(profile.literal_markdown(_("{kind}, {read} rows or features read, {kept} on the map ({geometry}), "
                                           "placed by {joined}.").format(
        kind=files.kind_name(layer.kind), read=i18n.number(layer.rows_read), kept=i18n.number(layer.rows_kept),
        geometry=_(GEOMETRY_KINDS[layer.geometry_kind]), joined=_(JOINED_BY[layer.joined_by]))))
    for note in layer.notes:
        st.caption(profile.literal_markdown(note))
    if layer.unmatched:
        st.warning(profile.literal_markdown(_("Not matched ({n}): {values}").format(
            n=i18n.number(len(layer.unmatched)), values=", ".join(layer.unmatched))))
    preview = pd.DataFrame(layer.frame.drop(columns=["geometry", "_code"], errors="ignore").head(200))
    text = [c for c in preview.columns if c not in layer.numeric]
    preview[text] = preview[text].astype(object).where(preview[text].notna(), "")  # an empty cell shows empty
    tables.show(preview, None, height=180, key=_k(layer.key, "preview"), download=_("My data: {file}").format(
        file=layer.name[:40]))


def controls(layer: Layer) -> None:
    """How the layer is used: drawn (with its label column) and/or a figure per buurt with weights per use."""
    _defaults(layer)  # again after "Reset all settings", which drops every bound setting
    w = settings.widget_kwargs
    c1, c2 = st.columns(2)
    c1.toggle(_("Draw on the map"), **w(_k(layer.key, "draw")))
    if layer.labels:
        c1.selectbox(_("Label in the tooltip"), list(layer.labels), **w(_k(layer.key, "label")))
    c2.toggle(_("Make a figure per buurt"), **w(_k(layer.key, "aggregate")))
    if not st.session_state[_k(layer.key, "aggregate")]:
        return
    areas = layer.geometry_kind in ("polygons", "mixed") and layer.joined_by == "geometry"
    options = [h for h in ul.AGGREGATIONS if (h not in ul.NEEDS_COLUMN or layer.numeric)
               and (h != "area_share" or areas)]
    if st.session_state[_k(layer.key, "how")] not in options:
        st.session_state[_k(layer.key, "how")] = options[0]
    names = {h: ul.aggregation_name(h) for h in options}  # translated now: a format_func may run outside the session
    c2.selectbox(_("Per buurt"), options, format_func=names.get, **w(_k(layer.key, "how")))
    if st.session_state[_k(layer.key, "how")] in ul.NEEDS_COLUMN:
        c2.selectbox(_("Column"), list(layer.numeric), **w(_k(layer.key, "column")))
    cols = st.columns(len(USES))
    for col, (use, title) in zip(cols, USES.items(), strict=True):
        col.slider(_("Weight in: {use}").format(use=_(title)), 0.0, 3.0, step=0.25, **w(_k(layer.key, f"w.{use}")),
                   help=_("0 leaves the figure out."))
        up, down = DIRECTIONS[use]
        directions = {"up": _(up), "down": _(down)}
        col.radio(_("Direction"), list(directions), format_func=directions.get, label_visibility="collapsed",
                  **w(_k(layer.key, f"dir.{use}")))


@st.cache_data(show_spinner=False, max_entries=64)
def _figure(layer_key: str, how: str, column: str | None, _frame, mtime: float) -> tuple:
    """The layer's figure per buurt as ((buurt_code, value or None), ...): keyed by the file's hash, not its data."""
    values = ul.per_buurt(_frame, data.buurten()[BUURT_COLUMNS], how, column)
    return tuple((code, None if pd.isna(v) else float(v)) for code, v in values.items())


def indicator_label(layer: Layer) -> str:
    """The name of a layer's figure per buurt: the file, and what is counted."""
    how = st.session_state[_k(layer.key, "how")]
    column = st.session_state[_k(layer.key, "column")] if how in ul.NEEDS_COLUMN else None
    what = ul.aggregation_name(how) + (f": {column}" if column else "")
    return f"{layer.name} ({what})"


def figure(layer: Layer, use: str | None = None) -> UserIndicator | None:
    """The layer's figure per buurt, with the weight and direction of ``use`` (None: weight 1, higher is worse)."""
    ss = st.session_state
    _defaults(layer)
    if not ss.get(_k(layer.key, "aggregate")):
        return None
    how = ss[_k(layer.key, "how")]
    column = ss[_k(layer.key, "column")] if how in ul.NEEDS_COLUMN else None
    try:
        values = _figure(layer.key, how, column, layer.frame, data.stamp(data.paths().buurten))
    except DataError:
        return None
    weight = float(ss[_k(layer.key, f"w.{use}")]) if use else 1.0
    worse = ss[_k(layer.key, f"dir.{use}")] == "up" if use else True
    return UserIndicator(f"{layer.key}:{how}:{column or ''}", indicator_label(layer), values, weight, worse)


def parts(use: str) -> tuple[UserIndicator, ...]:
    """The user's figures with a weight above 0 in ``use`` ("index", "retrofit" or "newbuild")."""
    found = (figure(layer, use) for layer in layers().values())
    return tuple(u for u in found if u is not None and u.weight > 0)


def parts_caption(use: str) -> None:
    """A caption naming the user's own figures in ``use`` with their weights (nothing when there are none)."""
    found = parts(use)
    if found:
        listed = ", ".join(f"{u.label} ({i18n.number(u.weight, 2)})" for u in found)
        st.caption(profile.literal_markdown(_("Your own figures in this score (weight): {figures}. Set on the My "
                                              "data page.").format(figures=listed)))


def update_index() -> None:
    """Put the user's index components where :func:`ui.settings.current` reads them."""
    st.session_state[INDEX] = parts("index")


def figures_table() -> None:
    """The figures per buurt of every layer made into one, side by side, with buurt names."""
    made = [u for u in (figure(layer) for layer in layers().values()) if u is not None]
    if not made:
        return
    names = data.buurten().set_index("buurt_code")["buurt_name"]
    table = pd.DataFrame({u.label: u.series() for u in made}).reindex(names.index)
    table.insert(0, _("Buurt"), names)
    st.subheader(_("Your figures per buurt"))
    tables.show(table.reset_index(drop=True), None, height=300, key="my.figures", download=_("My figures per buurt"))


def _colour_layer(u: UserIndicator) -> tuple[object, list]:
    shapes = data.map_shapes()[0]
    values = u.series().reindex(shapes["buurt_code"]).reset_index(drop=True)
    classes = classify.classify(values, "quantiles", 5)
    texts = [classify.format_value(v, 1) for v in values]
    fc = render.feature_collection(shapes, "buurt_code", "buurt_name", texts, classify.class_colours(classes))
    return render.choropleth_layer(fc, u.label), classify.legend(classes, 1)


@st.fragment
def layers_map(key: str = "my") -> None:
    """The buurten coloured by one of your figures (or the Map explorer's indicator) with your layers on top."""
    made = {layer.key: figure(layer) for layer in layers().values()}
    made = {k: u for k, u in made.items() if u is not None}
    indicator = st.session_state.get("map.indicator", mapview.WIJK_FALLBACK)
    options = {**{k: u.label for k, u in made.items()}, NO_COLOUR: mapview.indicator_title(indicator)}
    pick = st.selectbox(_("Colour the buurten by"), list(options), format_func=options.get, key=f"{key}.colour")
    shapes = data.map_shapes()[0]
    mtime = mapview._shapes_mtime()
    m = render.base_map(mapview.wijk_outlines(mtime), render.bounds_of(shapes), tiles=False)
    if pick in made:
        layer, legend = _colour_layer(made[pick])
        title = made[pick].label
    else:
        fc, legend = mapview.choropleth(indicator, "quantiles", 5, settings.current(), i18n.current())
        title = mapview.indicator_title(indicator)
        layer = render.choropleth_layer(fc, title)
    layer.add_to(m)
    drawn = [(i, lay) for i, lay in enumerate(layers().values()) if st.session_state.get(_k(lay.key, "draw"))]
    for i, lay in drawn:
        label = st.session_state.get(_k(lay.key, "label"))
        overlay.overlay_layer(lay.frame, label, lay.name, str(label or lay.name), overlay.colour_of(i)).add_to(m)
    left, right = st.columns([4, 1])
    with left:
        st_folium(m, key=f"{key}.map.{i18n.current()}", height=520, use_container_width=True, returned_objects=[])
    with right:
        st.markdown(mapview.legend_html(legend, title), unsafe_allow_html=True)
        for i, lay in drawn:
            st.markdown(f'<span style="color:{overlay.colour_of(i)}">&#9679;</span> {html.escape(lay.name)}',
                        unsafe_allow_html=True)
            if lay.rows_kept > overlay.MAX_DRAWN:
                st.caption(_("The first {n} features are drawn; the figures per buurt use all.").format(
                    n=i18n.number(overlay.MAX_DRAWN)))


def explorer_section() -> None:
    """The Map explorer's part: your layers over the buurten, or where to add them."""
    if not layers():
        st.caption(_("Your own data (sites, grid congestion, plans) can be added on the My data page."))
        return
    st.subheader(_("Your layers"))
    layers_map("map.my")


def index_controls() -> None:
    """The Index page's part: the weight and direction of each of your figures in the index."""
    for layer in layers().values():
        _defaults(layer)
    made = [layer for layer in layers().values() if st.session_state.get(_k(layer.key, "aggregate"))]
    if not made:
        st.caption(_("Your own figures per buurt can be added to the index on the My data page."))
        return
    w = settings.widget_kwargs
    up, down = DIRECTIONS["index"]
    directions = {"up": _(up), "down": _(down)}
    for layer in made:
        st.slider(profile.literal_markdown(indicator_label(layer)), 0.0, 3.0, step=0.25, **w(_k(layer.key, "w.index")))
        st.radio(_("Direction"), list(directions), format_func=directions.get, horizontal=True,
                 label_visibility="collapsed", **w(_k(layer.key, "dir.index")))
    update_index()
