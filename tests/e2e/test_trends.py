"""End to end: the buurt's series in its profile and the map of the change between two years, offline."""

import time

import pytest

from tests.support.browser import live_map

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


def _drawn_maps(page) -> list:
    return [f for f in page.frames
            if "streamlit_folium" in f.url and f.locator("path.leaflet-interactive").count() > 0]


def test_profile_series_and_change_map_in_english(app_url, page):
    page.goto(f"{app_url}/map_explorer?lang=en&indicator=gas_m3&buurt=BU09171000")
    live_map(page)
    page.wait_for_function("() => document.body.innerText.includes('Over the years: Maria Gewanden')",
                           timeout=60_000)
    page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=60_000)  # the series of the map's indicator
    page.get_by_text("Show the change between two years").click()
    legend = page.locator(".bk-change-legend")
    legend.wait_for(timeout=60_000)
    assert "Change in Inhabitants, 2016 to 2020 (persons)" in legend.inner_text()
    deadline = time.monotonic() + 60
    while not _drawn_maps(page) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    maps = _drawn_maps(page)
    assert len(maps) == 1  # the change map, beside the indicator's map (which lives in the page: ui/livemap.py)
    assert maps[0].locator("path.leaflet-interactive").count() == 57
    assert page.locator(".bk-live path.leaflet-interactive").count() == 57
    assert page.locator('[data-testid="stException"]').count() == 0
    assert all("tile.openstreetmap.org" in u for u in page.blocked), page.blocked
