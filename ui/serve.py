"""Start the app: ``python -m ui.serve [streamlit options]`` (what ``make run`` does).

Streamlit treats a folder named ``pages/`` next to the main script as an old-style
multipage app until the main script has called ``st.navigation`` once in the
server process. So the first request after a start that goes straight to a deep
link (``/map_explorer`` from a bookmark) would run that page on its own, without
the router and the shared sidebar, for every session. The folder name is part of
the product's shape, so this launcher declares up front that ``app.py`` routes
itself. A browser test guards the behaviour; ``tests/unit/ui/test_serve.py``
fails with a clear message when a Streamlit upgrade removes the flag.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from geo import config

# streamlit/runtime/pages_manager.py (1.67): ``PagesManager.uses_pages_directory`` is a
# class attribute, ``None`` until the first PagesManager sets it to "does <main>/pages
# exist". A private flag: setting it to False before the server starts makes Streamlit
# treat the app as st.navigation-routed from the first request on.
PAGES_DIRECTORY_FLAG = "uses_pages_directory"


def declare_router() -> None:
    """Tell Streamlit that ``app.py`` routes with ``st.navigation`` (the ``pages/`` folder is not v1 pages).

    Raises
    ------
    RuntimeError
        When the installed Streamlit no longer has the private flag this relies on.
    """
    if not hasattr(PagesManager, PAGES_DIRECTORY_FLAG):
        raise RuntimeError(
            f"streamlit {getattr(sys.modules.get('streamlit'), '__version__', '?')} has no "
            f"PagesManager.{PAGES_DIRECTORY_FLAG}: check how it now detects a pages/ folder before upgrading."
        )
    setattr(PagesManager, PAGES_DIRECTORY_FLAG, False)


def main() -> None:
    """Run ``streamlit run app.py`` with the given options, router declared first."""
    declare_router()
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
