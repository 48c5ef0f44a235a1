"""Streamlit glue shared by the pages: cached loaders, shared settings, the map widget.

geo/ stays free of Streamlit; everything that needs ``st`` lives here or in pages/.
"""
