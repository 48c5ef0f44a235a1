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
