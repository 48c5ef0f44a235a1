"""Time to a painted map in Debian's chromium (Playwright), offline: every non-localhost request is aborted."""

from __future__ import annotations

import contextlib
import time

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost", "data:", "blob:", "about:")

# A signature of the painted polygons in the page or any same-origin iframe: "" while
# nothing is painted; SVG paths' fills, or sampled canvas pixels, once something is.
SIGNATURE_JS = """() => {
  const docs = [document];
  for (const f of document.querySelectorAll('iframe')) {
    try { if (f.contentDocument) docs.push(f.contentDocument); } catch (e) {}
  }
  for (const d of docs) {
    const pane = d.querySelector('.leaflet-overlay-pane');
    if (!pane) continue;
    const paths = pane.querySelectorAll('path');
    if (paths.length) {
      let s = paths.length + ':';
      const step = Math.max(1, Math.floor(paths.length / 64));
      for (let i = 0; i < paths.length; i += step) s += paths[i].getAttribute('fill') || '';
      if (paths[0].getAttribute('d')) return s;
    }
    const c = pane.querySelector('canvas');
    if (c && c.width > 0) {
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let s = 'c', any = false;
      for (let i = 3; i < px.length; i += 4 * 997) { if (px[i]) any = true; s += px[i - 3].toString(16); }
      if (any) return s;
    }
  }
  return '';
}"""
DATAFRAME_JS = (
    "() => !!document.querySelector("
    "'[data-testid=\"stDataFrame\"] canvas, [data-testid=\"stDataFrame\"] table')"
)


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Page:
    """A fresh context and page; counts websocket bytes received and aborted external requests."""

    def __init__(self, b, width: int = 1400, height: int = 900):
        self.context = b.new_context(viewport={"width": width, "height": height})
        self.blocked: list[str] = []
        self.ws_bytes = 0
        self.context.route("**/*", self._route)
        # Remember when the page's title first shows (ms since navigation start): the
        # app shell has loaded and the script has started sending elements.
        self.context.add_init_script(
            "new MutationObserver((_, obs) => { if (document.querySelector('h1')) {"
            " window.__bench_h1 = performance.now(); obs.disconnect(); } })"
            ".observe(document, {childList: true, subtree: true});"
        )
        self.page = self.context.new_page()
        self.page.on("websocket", self._ws)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _ws(self, ws) -> None:
        ws.on("framereceived", lambda payload: setattr(self, "ws_bytes", self.ws_bytes + len(payload)))

    def close(self) -> None:
        """Close the browser context, and with it the page."""
        self.context.close()

    def signature(self) -> str:
        """The painted polygons' signature (see ``SIGNATURE_JS``); "" while nothing is painted."""
        return self.page.evaluate(SIGNATURE_JS)

    def settle(self) -> None:
        """Two animation frames: what was drawn is on screen."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def open_until(self, url: str, js: str = SIGNATURE_JS, timeout_ms: float = 120_000) -> float:
        """Milliseconds from navigation to ``js`` being truthy (polled every frame), plus paint."""
        t0 = time.perf_counter()
        self.page.goto(url, wait_until="commit", timeout=timeout_ms)
        self.page.wait_for_function(js, polling="raf", timeout=timeout_ms)
        self.settle()
        return (time.perf_counter() - t0) * 1000

    def choose(self, label: str, option: str, timeout_ms: float = 60_000) -> float:
        """Pick ``option`` in the selectbox labelled ``label``; ms until the polygons are repainted differently."""
        before = self.signature()
        box = self.page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
        box.locator("input").click()
        self.page.keyboard.type(option[:40])
        opt = self.page.get_by_role("option", name=option, exact=True)
        opt.wait_for(timeout=timeout_ms)
        t0 = time.perf_counter()
        opt.click()
        self.page.wait_for_function(f"() => {{ const s = ({SIGNATURE_JS})(); return s !== '' && s !== {before!r}; }}",
                                    polling="raf", timeout=timeout_ms)
        self.settle()
        return (time.perf_counter() - t0) * 1000


def first_paint(b, url: str, js: str = SIGNATURE_JS) -> tuple[float, float, list[str], float | None]:
    """Timings of one cold visit, until the map (or ``js``) is painted.

    Returns
    -------
    tuple
        (ms to painted, KB received over the websocket by then, blocked URLs,
        ms from the title showing to painted, or None if no title showed).
    """
    p = Page(b)
    try:
        ms = p.open_until(url, js)
        after_title = p.page.evaluate(
            "() => window.__bench_h1 === undefined ? null : performance.now() - window.__bench_h1"
        )
        return ms, p.ws_bytes / 1024, p.blocked, after_title
    finally:
        p.close()


def rerun_in_browser(b, url: str, label: str, options: list[str]) -> tuple[list[float], list[str]]:
    """Open the map once, then change the indicator to each option in turn; ms per repaint."""
    p = Page(b)
    try:
        p.open_until(url)
        times = [p.choose(label, o) for o in options]
        return times, p.blocked
    finally:
        p.close()
