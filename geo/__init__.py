"""Buurtkompas core: pure Python data, indicator, index and map code (no Streamlit)."""
