"""Buurtkompas: router and shared sidebar. Run with `make run`."""

import streamlit as st

from geo.i18n import _
from ui import gemeente, language, links, settings

st.set_page_config(page_title="Buurtkompas", page_icon="🧭", layout="wide")
links.start()  # the first run of a session reads the link's settings (language included)
language.init()

# The default page lives at "/". Start the app with `make run` (python -m ui.serve), which stops
# Streamlit from treating pages/ as an old-style multipage folder on the first request.
# URL paths stay the same in both languages, so a link works whatever language its reader uses.
PAGES = [
    st.Page("pages/overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
    st.Page("pages/map_explorer.py", title=_("Map explorer"), icon=":material/map:", url_path="map_explorer"),
    st.Page(
        "pages/energy_poverty_index.py",
        title=_("Energy-poverty index"),
        icon=":material/tune:",
        url_path="energy_poverty_index",
    ),
    st.Page("pages/retrofit.py", title=_("Retrofit"), icon=":material/construction:", url_path="retrofit"),
    st.Page("pages/newbuild.py", title=_("New-build"), icon=":material/apartment:", url_path="newbuild"),
    st.Page("pages/context.py", title=_("National and Parkstad context"), icon=":material/public:", url_path="context"),
    st.Page("pages/my_data.py", title=_("My data"), icon=":material/upload_file:", url_path="my_data"),
    st.Page("pages/data_method.py", title=_("Data & method"), icon=":material/menu_book:", url_path="data_method"),
]

page = st.navigation(PAGES)
language.switch()
settings.sidebar()
links.keep()  # settings held by widget keys survive a page change
links.sync()  # the URL holds every setting that differs from its default
links.notice()  # what the link asked for and did not get
gemeente.notice()  # what a municipality switch reset
page.run()
links.sync()  # and what the page changed while it ran
