"""The launcher relies on a private Streamlit flag; an upgrade that removes it must fail here, clearly."""

import tomllib

import pytest
from streamlit.runtime.pages_manager import PagesManager

from geo.config import ROOT
from ui import serve


def test_streamlit_still_has_the_pages_directory_flag():
    assert hasattr(PagesManager, serve.PAGES_DIRECTORY_FLAG), (
        "Streamlit no longer has PagesManager.uses_pages_directory: ui/serve.py can no longer declare that app.py "
        "routes with st.navigation, so a deep link as the first request after a start would lose the router. "
        "Read streamlit/runtime/pages_manager.py of the new version and adapt ui/serve.declare_router."
    )


def test_declare_router_sets_the_flag(monkeypatch):
    monkeypatch.setattr(PagesManager, serve.PAGES_DIRECTORY_FLAG, None)
    serve.declare_router()
    assert getattr(PagesManager, serve.PAGES_DIRECTORY_FLAG) is False


def test_declare_router_says_what_to_do_when_the_flag_is_gone(monkeypatch):
    monkeypatch.delattr(PagesManager, serve.PAGES_DIRECTORY_FLAG)
    with pytest.raises(RuntimeError, match="uses_pages_directory"):
        serve.declare_router()


def test_streamlit_does_not_force_a_full_garbage_collection_after_every_run():
    # A gc.collect(2) on this app's heap took ~140 ms per rerun and stalled every other session (make bench,
    # "Many users"); the setting lives in .streamlit/config.toml, which `make run` reads.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
