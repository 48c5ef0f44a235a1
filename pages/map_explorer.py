"""Map explorer: any indicator as a choropleth per buurt, wijk outlines, and the buurt profile on click."""

import streamlit as st

from geo.catalog import dictionary
from geo.catalog.stock_columns import BASIS_ADDRESS, BASIS_ESTIMATED
from geo.i18n import N_, _
from geo.map import classify
from geo.report import profile
from ui import data, exports, gemeente, livemap, mapview, mydata, settings, tables, trends, wijklevel

# How the stock figures were obtained (the values of stock_basis), in the user's words.
STOCK_BASIS = {BASIS_ESTIMATED: N_("estimated by raking to the CBS buurt figures"),
               BASIS_ADDRESS: N_("registered per address")}

data.ensure_data()
st.title(_("Map explorer"))

has_buurten = gemeente.current().has_buurten  # a municipality with wijk figures only is mapped per wijk
if not has_buurten:
    st.session_state["map.level"] = mapview.WIJK
table = data.current_table() if has_buurten else None
names = table["buurt_name"].to_dict() if has_buurten else {}


# Deep links (?indicator=gas_m3&buurt=BU09171000) are read by ui.links before the page runs; unknown values
# get its notice and the default.



def map_controls(replaced: str | None) -> None:
    """The map's controls, bound to the settings (whose values the map has just been drawn with)."""
    # The indicator is chosen in the map itself (ui/livemap.py): it recolours there without waiting for the server.
    c5, c1, c3, c4 = st.columns([1.3, 1.5, 1.3, 1.5])
    levels = {lv: _(text) for lv, text in mapview.LEVELS.items() if has_buurten or lv == mapview.WIJK}
    c5.radio(_("Map by"), list(levels), format_func=levels.get, horizontal=True,
             help=_("Wijk: the figures CBS publishes per wijk; estimates and derived figures such as the "
                    "energy-poverty index exist per buurt only."), **settings.widget_kwargs("map.level"))
    # Option texts translated now, looked up later (a format_func may run outside this session's language).
    schemes = {s: _(text) for s, text in classify.SCHEMES.items()}
    c1.selectbox(_("Classification"), list(schemes), format_func=schemes.get, help=_(classify.SCHEMES_HELP),
                 **settings.widget_kwargs("map.scheme"))
    c3.slider(_("Classes"), 3, 7, **settings.widget_kwargs("map.k"))
    c4.toggle(_("Background map"), help=_("OpenStreetMap tiles need internet; the buurten show without them."),
              **settings.widget_kwargs("map.tiles"))
    if replaced and has_buurten:
        st.info(_("{indicator} has no wijk figure; the wijk map shows {shown}.").format(
            indicator=mapview.indicator_title(replaced),
            shown=mapview.indicator_title(st.session_state["map.indicator"])))


@st.fragment
def explorer():
    """The map with its controls and the profile of the chosen buurt; reruns alone when a control changes."""
    # The controls' place comes first, the controls themselves after the map: a change reruns this fragment,
    # and the browser repaints the map as soon as its element arrives, not after every control (make bench).
    # The values come from the settings, which a control's change has updated before the rerun.
    controls = st.container()
    level = st.session_state["map.level"]
    replaced = mapview.indicator_for_level(level)  # a buurt-only indicator gives way at wijk level
    indicator, scheme, k, tiles = (st.session_state[f"map.{name}"] for name in ("indicator", "scheme", "k", "tiles"))
    clicked = livemap.show(level, indicator, scheme, k, tiles, settings.current())
    if level == mapview.WIJK:
        if clicked in mapview.wijk_table().index:  # a click comes once (a trigger): it picks the wijk's profile
            st.session_state["buurt_map.wijk"] = clicked
        mapview.wijk_profile(None)
        clicked = None
    with controls:
        map_controls(replaced)
    if not has_buurten:
        st.caption(_("Only wijk figures are present for {gemeente}. {how}").format(
            gemeente=gemeente.name(), how=wijklevel.how_to_add(gemeente.current())))
        return
    exports.offer_layer(indicator)
    if dictionary.BY_NAME[indicator].source == "vivet" and "estimate_quality" in table:
        weak = sorted(table.loc[table["estimate_quality"] == "weak", "buurt_name"])
        basis = table["stock_basis"].iloc[0]
        st.caption(_(
            "Estimated from the housing stock (basis: {basis}). The estimate is weak in {n} buurten, marked "
            "'(weak estimate)' in the tooltip: {names}. See Data & method."
        ).format(basis=_(STOCK_BASIS[basis]) if basis in STOCK_BASIS else basis, n=len(weak), names=", ".join(weak)))
    trends.change_map(k, tiles)
    if clicked and clicked.startswith("BU") and clicked in names:  # a click comes once (a trigger)
        st.session_state["map.pick"] = clicked

    code = st.selectbox(
        _("Buurt profile"), sorted(names, key=names.get), format_func=names.get, index=None,
        placeholder=_("Choose a buurt"), **settings.widget_kwargs("map.pick"),
        help=_("Click a buurt on the map, or pick one here."),
    )
    if code:
        s = settings.current()
        frames = data.tables()
        own = profile.gemeente_values(frames["gemeente"], s.prices, s.quote_threshold, data.income_year())
        st.subheader(_("Profile: {buurt}").format(buurt=names[code]))
        st.caption(_("Buurt {code} in {wijk}. 'Year' is the year a figure describes.").format(
            code=code, wijk=table.loc[code, "wijk_name"]
        ))
        tables.show(profile.buurt_profile(table, code, own, frames["metadata"]["columns"]), profile.PROFILE_TABLE)
        trends.profile_series(code, names[code], indicator)


explorer()
if has_buurten:
    mydata.explorer_section()  # the user's own layers (My data) over the buurten
