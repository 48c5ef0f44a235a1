"""Shared browser-test helpers: start the app on a free port, drive Debian's chromium offline."""

from __future__ import annotations

import contextlib
import time

from tests.support.server import in_background

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL = ("http://localhost", "http://127.0.0.1")


def running_app(timeout: float = 60.0):
    """The app started as ``make run`` starts it, on a free localhost port (a context manager)."""
    return in_background(timeout=timeout)


def block_external(page, blocked: list[str]) -> None:
    """Abort every request that does not go to this machine, and remember it."""

    def handle(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", handle)


def map_frame(page, timeout_ms: int = 60_000):
    """The streamlit-folium iframe, once Leaflet has drawn polygons in it."""
    page.wait_for_selector('iframe[title*="streamlit_folium"]', timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url and frame.locator("path.leaflet-interactive").count() > 0:
                return frame
        page.wait_for_timeout(250)
    raise AssertionError("the map did not draw any buurt")


LIVE_AREAS = ".bk-live path.leaflet-interactive"
# A point inside an element where the element itself is on top (elementFromPoint), scrolled into view first: the
# centre of a polygon's box may lie outside a concave polygon.
POINT_INSIDE_JS = """(el) => {
  el.scrollIntoView({block: 'center'});
  const r = el.getBoundingClientRect();
  for (let i = 1; i < 16; i++) for (let j = 1; j < 16; j++) {
    const x = r.left + r.width * i / 16, y = r.top + r.height * j / 16;
    if (document.elementFromPoint(x, y) === el) return [x, y];
  }
  return null;
}"""


def live_map(page, timeout_ms: int = 60_000):
    """The Map explorer's own map (ui/livemap.py), once Leaflet has drawn areas in it: a locator of its box."""
    page.wait_for_selector(LIVE_AREAS, timeout=timeout_ms)
    return page.locator(".bk-live").first


def choose_indicator(page, title: str) -> None:
    """Choose an indicator by its shown title in the map's own picker (a native select, as the keyboard would)."""
    page.locator("select.bk-live-select").first.select_option(label=title)


def point_inside(area) -> tuple[float, float]:
    """Page coordinates of a point where the polygon ``area`` (a locator) is what the mouse meets."""
    point = area.evaluate(POINT_INSIDE_JS)
    if point is None:
        raise AssertionError("no point of the area is uncovered on screen")
    return point[0], point[1]


def largest_area(page) -> tuple[float, float]:
    """A point inside the largest area the live map draws (see :func:`point_inside`)."""
    areas = page.locator(LIVE_AREAS)
    boxes = [areas.nth(i).bounding_box() for i in range(areas.count())]
    biggest = max(range(len(boxes)), key=lambda i: boxes[i]["width"] * boxes[i]["height"])
    return point_inside(areas.nth(biggest))


def live_fills(page) -> list[str]:
    """Fill colour of every area of the live map, in drawing order."""
    return page.eval_on_selector_all(LIVE_AREAS, "els => els.map(e => e.getAttribute('fill'))")


def fills(frame) -> list[str]:
    """Fill colour of every clickable polygon in the map, in drawing order."""
    return frame.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")


@contextlib.contextmanager
def new_page(browser, width: int = 1400, height: int = 1000):
    """A page in a browser context of its own (like another person's browser), requests off this machine aborted.

    The aborted requests are listed in ``page.blocked``.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.blocked = []
    block_external(page, page.blocked)
    try:
        yield page
    finally:
        context.close()
