"""Map explorer: any indicator as a choropleth per buurt, wijk outlines, and the buurt profile on click."""

from collections.abc import Container

import streamlit as st

from geo.catalog import dictionary
from geo.map import classify
from geo.report import profile
from ui import data, exports, mapview, settings

data.ensure_data()
st.title("Map explorer")

table = data.current_table()
options = dictionary.map_indicators()
names = table["buurt_name"].to_dict()


def follow_link(param: str, key: str, known: Container[str], unknown: str) -> None:
    """Preselect the widget ``key`` from the link's ``param``, once; an unknown value gets the ``unknown`` warning."""
    params = st.query_params
    if param in params and key not in st.session_state:
        if params[param] in known:
            st.session_state[key] = params[param]
        else:
            st.warning(unknown.format(profile.safe_param(params[param])))


# Deep links: ?indicator=gas_m3&buurt=BU09171000. Unknown values get a message, never an error.
follow_link("indicator", "map.indicator", options, "The link asks for an unknown indicator ({}); showing the default.")
follow_link("buurt", "map.pick", names, "The link names an unknown buurt code ({}); pick a buurt on the map.")


st.session_state.setdefault("map.indicator", "energy_poverty_index")


@st.fragment
def explorer():
    """The map with its controls and the profile of the chosen buurt; reruns alone when a control changes."""
    c1, c2, c3, c4 = st.columns([3, 2, 1, 1])
    indicator = c1.selectbox(
        "Indicator", options, format_func=lambda c: f"{dictionary.label(c)} ({dictionary.unit(c)})",
        **settings.widget_kwargs("map.indicator"),
    )
    scheme = c2.selectbox(
        "Classification", list(classify.SCHEMES), format_func=classify.SCHEMES.get,
        **settings.widget_kwargs("map.scheme"),
    )
    k = c3.slider("Classes", 3, 7, **settings.widget_kwargs("map.k"))
    tiles = c4.toggle(
        "Background map", **settings.widget_kwargs("map.tiles"),
        help="OpenStreetMap tiles need internet; the buurten show without them.",
    )
    st.caption(dictionary.BY_NAME[indicator].meaning)

    clicked = mapview.show_map(indicator, scheme, k, tiles)
    exports.offer_layer(indicator)
    if dictionary.BY_NAME[indicator].source == "vivet" and "estimate_quality" in table:
        weak = sorted(table.loc[table["estimate_quality"] == "weak", "buurt_name"])
        st.caption(f"Estimated from the housing stock (basis: {table['stock_basis'].iloc[0]}). The estimate is weak in "
                   f"{len(weak)} buurten, marked '(weak estimate)' in the tooltip: {', '.join(weak)}. "
                   "See Data & method.")
    if clicked and clicked != st.session_state.get("map.last_click"):
        st.session_state["map.last_click"] = clicked
        st.session_state["map.pick"] = clicked

    code = st.selectbox(
        "Buurt profile (click a buurt on the map, or pick one here)", sorted(names, key=names.get),
        format_func=names.get, index=None, placeholder="Choose a buurt", **settings.widget_kwargs("map.pick"),
    )
    if code:
        s = settings.current()
        tables = data.tables()
        heerlen = profile.heerlen_values(tables["gemeente"], s.prices, s.quote_threshold, data.income_year())
        st.subheader(f"Profile: {names[code]}")
        st.caption(f"Buurt {code}, {table.loc[code, 'wijk_name']}. 'year' is the year a figure describes.")
        st.dataframe(
            profile.buurt_profile(table, code, heerlen, tables["metadata"]["columns"]), hide_index=True, width="stretch"
        )


explorer()
