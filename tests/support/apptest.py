"""Opening the app under Streamlit's AppTest as a user would: a link (query parameters), then a page."""

from streamlit.testing.v1 import AppTest

from geo import config

OVERVIEW = "pages/overview.py"


def open_app(page: str = OVERVIEW, query: dict | None = None, state: dict | None = None,
             timeout: float = 180) -> AppTest:
    """Run app.py with the link's ``query``, put ``state`` into the session, then go to ``page`` (a pages/ path)."""
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=timeout)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    for key, value in (state or {}).items():
        at.session_state[key] = value
    if page != OVERVIEW or state:
        at.switch_page(page)
        at.run()
    return at
