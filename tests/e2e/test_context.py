"""The national context page in Debian's chromium, offline: every municipality on the map, Heerlen outlined."""

import pytest

from tests.support.browser import map_frame

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


def test_every_municipality_on_the_map_heerlen_outlined_and_its_rank_listed(app_url, page):
    page.goto(f"{app_url}/context")
    frame = map_frame(page)
    polygons = frame.locator("path.leaflet-interactive")
    assert polygons.count() == 345
    strokes = frame.eval_on_selector_all(
        "path.leaflet-interactive", "els => els.map(e => [e.getAttribute('stroke'), e.getAttribute('stroke-width')])")
    assert strokes.count(["#1f4e9c", "4"]) == 1  # one municipality outlined: the selected one
    outlined = next(i for i, s in enumerate(strokes) if s == ["#1f4e9c", "4"])
    polygons.nth(outlined).hover(force=True)
    tip = frame.locator(".leaflet-tooltip")
    tip.wait_for(timeout=30_000)
    assert "Heerlen" in tip.inner_text() and "55" in tip.inner_text()
    # Heerlen's rank, as the page states it and as the table lists it (first row: the selected municipality).
    page.get_by_text("6 van 345").wait_for(timeout=30_000)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()  # the grid writes its accessible cells once it is in view
    name, rank = grid.get_by_test_id("glide-cell-1-0"), grid.get_by_test_id("glide-cell-3-0")
    name.wait_for(state="attached", timeout=30_000)
    assert (name.inner_text(), rank.inner_text()) == ("Heerlen", "6")
    assert all("tile.openstreetmap.org" in u for u in page.blocked), page.blocked
