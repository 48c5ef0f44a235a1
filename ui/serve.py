"""Start the app: ``python -m ui.serve [streamlit options]`` (what ``make run`` does).

Streamlit treats a folder named ``pages/`` next to the main script as an old-style
multipage app until the main script has called ``st.navigation`` once in the
server process. So the first request after a start that goes straight to a deep
link (``/map_explorer`` from a bookmark) would run that page on its own, without
the router and the shared sidebar, for every session. This launcher declares up
front that ``app.py`` routes itself. A browser test guards it.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from geo import config


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
