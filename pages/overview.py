"""Overview: headline figures for Heerlen beside the national values, and the ten buurten with the highest index."""

import streamlit as st

from geo.report import overview
from ui import data, settings

data.ensure_data()
st.title("Buurtkompas Heerlen")
st.caption("Energy poverty and retrofit potential per buurt, from CBS, Kadaster and PBL open data.")

s = settings.current()
tables = data.tables()
table = data.current_table()
figures = overview.headline_figures(tables["gemeente"], table, tables["metadata"]["columns"], s.prices,
                                   s.quote_threshold)

cols = st.columns(4)
for i, fig in enumerate(figures):
    with cols[i % 4]:
        st.metric(fig["label"], fig["value"], help=fig["help"])
        st.caption(fig["comparison"])

st.subheader("Ten buurten with the highest energy-poverty index")
st.dataframe(overview.top_buurten(table, 10), hide_index=True, width="stretch")
st.caption(
    "Index 0-100 under the current settings (Energy-poverty index page); higher = more energy poverty. "
    "Buurten whose figures CBS suppresses have no index."
)
st.download_button(
    "Download one-page briefing (HTML, printable)",
    data=overview.briefing_html(figures, overview.top_buurten(table, 10), s.quote_threshold, s.index),
    file_name="buurtkompas-heerlen-briefing.html",
    mime="text/html",
)
