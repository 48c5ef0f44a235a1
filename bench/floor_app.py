"""Streamlit's floor for the index figures: a page with a title and a three-row table, nothing else.

Any Streamlit page, ours or the baseline, first loads Streamlit's front end (a few MB of JS, parsed afresh
in a cold browser) and the table component; this page shows how long that alone takes on this machine, so
the index page's time to its first ranking can be read against it.
Run: ``streamlit run bench/floor_app.py`` (the benchmark starts it).
"""

import pandas as pd
import streamlit as st

if __name__ == "__main__":
    st.title("Floor")
    st.dataframe(pd.DataFrame({"rank": [1, 2, 3], "name": ["a", "b", "c"]}))
