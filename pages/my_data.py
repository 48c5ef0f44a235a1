"""My data (Mijn data): your own layers on the map, as figures per buurt, in the index and the scores."""

import streamlit as st

from geo.i18n import _
from geo.report import profile
from ui import data, mydata, settings

data.ensure_data()
settings.init()
st.title(_("My data"))
st.markdown(_("Add your own data to the map: sites, grid congestion, plans of market parties, counts per buurt. "
              "Each file becomes a layer you can draw over the buurten and turn into a figure per buurt "
              "(number, sum or mean of a column, share of the area) for the map, the energy-poverty index, the "
              "retrofit ranking and the new-build score, each with its own weight and direction."))
st.info(mydata.limits_text() + " " + mydata.privacy_text())
mydata.uploader()

for layer in list(mydata.layers().values()):
    with st.expander(profile.literal_markdown(layer.name[:80]), expanded=True):
        mydata.account(layer)
        mydata.controls(layer)
        st.button(_("Remove this layer"), key=f"my.remove.{layer.key}", on_click=mydata.remove, args=(layer.key,))
mydata.update_index()

if mydata.layers():
    st.subheader(_("On the map"))
    mydata.layers_map()
    mydata.figures_table()
else:
    st.caption(_("No layers yet. Examples: a CSV with a column of buurt codes and a count, a CSV of addresses with "
                 "x/y coordinates, a GeoJSON of grid congestion areas."))
