"""Every AppTest runs the app as `make run` does: app.py (router, sidebar, link sync) on every run."""

import pytest
from streamlit.runtime.pages_manager import PagesManager

from ui import serve


@pytest.fixture(autouse=True)
def app_py_routes_every_run(monkeypatch):
    """Declare the router before each run, as ``ui.serve`` does.

    AppTest resets ``PagesManager.uses_pages_directory`` before each run, so with a ``pages/`` folder every run
    after the first would run the page file alone: no router, no sidebar, no link sync.
    """
    init = PagesManager.__init__

    def declared(self, *args, **kwargs):
        serve.declare_router()
        init(self, *args, **kwargs)

    monkeypatch.setattr(PagesManager, "__init__", declared)
