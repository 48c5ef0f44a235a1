"""Time to a painted map in Debian's chromium (Playwright), offline: every non-localhost request is aborted.

``python -m bench.browser`` measures only the repaint after an indicator change, ours against the naive
baseline (:func:`repaint`), and checks its budget: a quick check while working on the map.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time

from bench import serve
from bench.apptest import MAP_CYCLE
from geo.catalog import dictionary

CHROMIUM = "/usr/bin/chromium"
BUDGET_REPAINT_MS = 150.0  # indicator change -> repainted polygons (median), issue 14
BUDGET_REPAINT_RATIO = 8.0  # ... and at least this many times faster than the baseline
IDLE_BEFORE_CHANGE_MS = 1500  # pause before each timed change (see repaint)
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
# Installed just before the choice of Page.choose: remembers the signature and the time of the user's action (the
# press on the option of a Streamlit selectbox, or the choice in a native <select>: its input event, whichever
# comes first), and checks the signature every animation frame; one frame after it changed, stores the
# milliseconds since the action.
REPAINT_RECORDER_JS = """(signatureSource) => {
  const signature = eval(signatureSource);
  const before = signature();
  delete window.__bench_repaint;
  let pressed = null, changed = false;
  const press = () => { if (pressed === null) pressed = performance.now(); };
  document.addEventListener('pointerdown', press, {capture: true, once: true});
  document.addEventListener('input', press, {capture: true, once: true});
  const tick = (now) => {
    if (changed) { window.__bench_repaint = now - pressed; return; }
    if (pressed !== null) { const s = signature(); if (s !== '' && s !== before) changed = true; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
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
        """Pick ``option`` in the selectbox labelled ``label``; ms until the polygons are repainted differently.

        Timed inside the page, on the browser's clock: from the press on the option
        (``pointerdown``) to the animation frame after the one in which the
        polygons' signature first differs (that frame has been painted). So the figure
        is what the user waits for, without the round trips of the test driver, which
        on a loaded machine add tens of milliseconds to ours and the baseline's alike.
        """
        live = self.page.locator("label.bk-live-label").filter(has_text=label)
        if live.count():  # the app's own map (ui/livemap.py): its picker is a native <select>
            select = self.page.locator("select.bk-live-select").first
            select.focus()
            self.page.evaluate(REPAINT_RECORDER_JS, SIGNATURE_JS)
            select.select_option(label=option, timeout=timeout_ms)
            self.page.wait_for_function("() => window.__bench_repaint !== undefined", polling=50,
                                        timeout=timeout_ms)
            return float(self.page.evaluate("() => window.__bench_repaint"))
        box = self.page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
        box.locator("input").click()
        self.page.keyboard.type(option[:40])
        opt = self.page.get_by_role("option", name=option, exact=True)
        opt.wait_for(timeout=timeout_ms)
        self.page.evaluate(REPAINT_RECORDER_JS, SIGNATURE_JS)
        opt.click()
        self.page.wait_for_function("() => window.__bench_repaint !== undefined", polling=50, timeout=timeout_ms)
        return float(self.page.evaluate("() => window.__bench_repaint"))


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


LIVE_MAP_JS = "() => { const b = document.querySelector('.bk-live'); return b && b.bkMap ? b : null; }"


def map_mounted(page) -> dict | None:
    """The map's marker and zoom: ``{"marker": ..., "zoom": ...}``, None while there is no map.

    The app's live map (ui/livemap.py) or a streamlit-folium iframe. Call :func:`mark_map`
    first; a rebuilt map or reloaded iframe has lost the marker.
    """
    live = page.evaluate(f"() => {{ const b = ({LIVE_MAP_JS})(); return b ? {{marker: b.__bench_marker || null,"
                         " zoom: b.bkMap.getZoom()} : null; }")
    if live is not None:
        return live
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            return frame.evaluate("() => window.map ? {marker: window.__bench_marker || null,"
                                  " zoom: window.map.getZoom()} : null")
    return None


def mark_map(page, marker: str = "mounted") -> None:
    """Put a marker on the live map's element or the streamlit-folium iframe's window (lost when either is rebuilt)."""
    if page.evaluate(f"() => {{ const b = ({LIVE_MAP_JS})(); if (b) b.__bench_marker = {marker!r}; return !!b; }}"):
        return
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            frame.evaluate(f"() => {{ window.__bench_marker = {marker!r}; }}")


def repaint(b, ours: str, base: str, ours_options: list[str], base_options: list[str],
            label: str = "Indicator") -> tuple[list[float], list[float], list[str], bool]:
    """Indicator change to repainted polygons, ours and the baseline's, alternating change by change.

    Both pages are open at once and changed in turn, so load on the shared machine
    falls on both alike; each change starts after a pause, so neither is timed while
    the other is still busy. Each change goes to a value not shown before.

    Returns
    -------
    tuple
        (ms per change ours, ms per change baseline, blocked URLs, whether our map
        stayed mounted: the same map element (ui/livemap.py) or iframe window, same zoom after every change).
    """
    p, q = Page(b), Page(b)
    try:
        p.open_until(ours)
        q.open_until(base)
        mark_map(p.page)
        before = map_mounted(p.page)
        t_ours, t_base = [], []
        for o, bo in zip(ours_options, base_options, strict=True):
            # Each change starts from an idle machine: what the other app still does after its repaint
            # (the baseline's server and its reloaded iframe keep working for a while) is not counted.
            p.page.wait_for_timeout(IDLE_BEFORE_CHANGE_MS)
            t_ours.append(p.choose(label, o))
            q.page.wait_for_timeout(IDLE_BEFORE_CHANGE_MS)
            t_base.append(q.choose(label, bo))
        kept = before is not None and map_mounted(p.page) == before
        return t_ours, t_base, p.blocked + q.blocked, kept
    finally:
        p.close()
        q.close()


def rerun_in_browser(b, url: str, label: str, options: list[str]) -> tuple[list[float], list[str]]:
    """Open the map once, then change the indicator to each option in turn; ms per repaint."""
    p = Page(b)
    try:
        p.open_until(url)
        times = [p.choose(label, o) for o in options]
        return times, p.blocked
    finally:
        p.close()


def repaint_budget(ours_ms: float, base_ms: float, kept: bool) -> tuple[str, str, bool]:
    """The budget row of the repaint after an indicator change (issue 14): fast, and without reloading the map."""
    ratio = base_ms / ours_ms
    return (f"Indicator change to repainted polygons, chromium: median <= {BUDGET_REPAINT_MS:g} ms and"
            f" >= {BUDGET_REPAINT_RATIO:g}x faster than the baseline, map kept mounted (zoom kept)",
            f"{ours_ms:.0f} ms, {ratio:.1f}x, {'kept' if kept else 'RELOADED'}",
            ours_ms <= BUDGET_REPAINT_MS and ratio >= BUDGET_REPAINT_RATIO and kept)


def main(argv: list[str]) -> int:
    """Repaint after an indicator change, ours against the baseline, against the budget of ``make bench``."""
    repeats = int(argv[0]) if argv else 5
    options = (MAP_CYCLE * 3)[:repeats]
    labels = [f"{dictionary.label(c)} ({dictionary.unit(c)})" for c in options]  # as bench/__main__.py picks them
    with browser() as b, serve.streamlit_app("app.py") as ours, \
            serve.streamlit_app("bench/baseline_app.py") as base:
        first_paint(b, f"{ours}/map_explorer")  # warm the server's caches once, as any running app has them
        t_ours, t_base, _blocked, kept = repaint(b, f"{ours}/map_explorer", base, labels, options)
    print(f"ours ms: {[round(t) for t in t_ours]}\nbaseline ms: {[round(t) for t in t_base]}")
    name, value, ok = repaint_budget(statistics.median(t_ours), statistics.median(t_base), kept)
    print(f"{name}: {value} {'ok' if ok else 'BROKEN'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
