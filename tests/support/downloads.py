"""Catching what a page offers for download, inside an AppTest script (the files are built only when called)."""

import contextlib
from collections.abc import Iterator

import streamlit as st


@contextlib.contextmanager
def captured_downloads() -> Iterator[dict]:
    """Within the block, every ``st.download_button`` also records its ``data`` under its file name."""
    captured, original = {}, st.download_button

    def capture(label, data, **kwargs):
        captured[kwargs["file_name"]] = data
        return original(label, data, **kwargs)

    st.download_button = capture
    try:
        yield captured
    finally:
        st.download_button = original
