"""End to end: switch from Heerlen to another municipality and back; the map and the title follow, offline.

The app runs as ``make run`` starts it, with ``BUURTKOMPAS_PROCESSED_ROOTS`` pointing at the municipalities built
for the tests (tests/conftest.py ``other_municipalities``: Proefstad at buurt level, Wijkdorp with wijken only).
"""

import re
import time

import pytest

from geo import config
from tests.support import municipalities as tm
from tests.support.browser import LIVE_AREAS, live_map
from tests.support.server import in_background

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


@pytest.fixture(scope="module")
def app_url(other_municipalities):
    """The app with the test municipalities present besides the shipped data."""
    with in_background(env={"BUURTKOMPAS_PROCESSED_ROOTS": str(other_municipalities)}) as url:
        yield url


def _choose(page, option: str) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name=option, exact=True).click()


def _areas(page, count: int, timeout: float = 60) -> int:
    """Wait until the drawn map has ``count`` clickable areas; return the count seen last."""
    deadline, seen = time.monotonic() + timeout, -1
    while time.monotonic() < deadline:
        seen = page.locator(LIVE_AREAS).count()  # the Map explorer's own map (ui/livemap.py)
        if seen == count:
            return seen
        page.wait_for_timeout(250)
    return seen


def test_switch_to_a_wijk_level_municipality_and_back(app_url, page):
    page.goto(f"{app_url}/map_explorer?lang=en")
    live_map(page)
    assert _areas(page, 57) == 57  # Heerlen's buurten

    _choose(page, f"{tm.WIJK_NAME} (wijken only)")
    page.get_by_text(f"Only wijk figures are present for {tm.WIJK_NAME}").wait_for(timeout=60_000)
    assert _areas(page, 3) == 3  # its three wijken
    assert re.search(rf"[?&]gm={tm.WIJK_CODE}", page.url)

    page.get_by_test_id("stSidebarNav").get_by_text("Overview", exact=True).click()
    page.get_by_role("heading", name=f"Buurtkompas {tm.WIJK_NAME}").wait_for(timeout=60_000)
    assert re.search(rf"[?&]gm={tm.WIJK_CODE}", page.url)  # the link keeps the municipality

    _choose(page, config.GEMEENTE_NAME)
    page.get_by_role("heading", name=f"Buurtkompas {config.GEMEENTE_NAME}").wait_for(timeout=60_000)
    assert "gm=" not in page.url
    page.get_by_test_id("stSidebarNav").get_by_text("Map explorer", exact=True).click()
    live_map(page)
    assert _areas(page, 57) == 57
    assert page.locator('[data-testid="stException"]').count() == 0
