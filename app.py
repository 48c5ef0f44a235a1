"""Buurtkompas: router and shared sidebar. Run with `make run`."""

import streamlit as st

from ui import settings

st.set_page_config(page_title="Buurtkompas Heerlen", page_icon="🧭", layout="wide")

# The default page lives at "/". Start the app with `make run` (python -m ui.serve), which stops
# Streamlit from treating pages/ as an old-style multipage folder on the first request.
PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/map_explorer.py", title="Map explorer", icon=":material/map:", url_path="map_explorer"),
    st.Page(
        "pages/energy_poverty_index.py",
        title="Energy-poverty index",
        icon=":material/tune:",
        url_path="energy_poverty_index",
    ),
    st.Page("pages/retrofit.py", title="Retrofit", icon=":material/construction:", url_path="retrofit"),
    st.Page("pages/newbuild.py", title="New-build", icon=":material/apartment:", url_path="newbuild"),
    st.Page("pages/data_method.py", title="Data & method", icon=":material/menu_book:", url_path="data_method"),
]

page = st.navigation(PAGES)
settings.sidebar()
page.run()
