"""Many users at once: websocket clients switching the map's indicator against the app on localhost.

Each client speaks Streamlit's own protocol (protobuf ``BackMsg``/``ForwardMsg`` over
``/_stcore/stream``, as the browser does): it opens the Map explorer, then picks
another indicator, waits for the rerun to finish (``script_finished``), pauses as a
user reading the map would (``--think``, default 2-6 s), and picks again. The
indicator is picked in the map component (ui/livemap.py: the browser recolours at
once, then sends the choice as the component's state, which reruns the page for the
legend's captions, profile and link); the map sits in the explorer's
``st.fragment``, so a change reruns that
fragment only, as in the browser (``--full`` sends whole-page reruns instead). A rerun is
timed from sending the change to the end of the script run, with every element it
sent received. Users arrive spread over the first 10 s. First one session alone (its
median rerun is the reference), then
``--sessions`` at once for ``--seconds``; the server's resident memory is sampled
every half second from /proc. Bounded: a fixed number of clients, a deadline, and a
timeout on every wait; the server is started here and always stopped.

``python -m bench.concurrency`` prints the figures and exits non-zero when a budget
is broken; ``make bench`` runs it too (:func:`figures`, :func:`budget_rows`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import threading
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.support.server import server_process

SESSIONS = 20
SECONDS = 60.0
THINK_S = (2.0, 6.0)
PAGE = "map_explorer"
WIDGET_KEY = "-explorer_map"  # the end of the map component's element id (ui/livemap.KEY)
BUDGET_P95_RATIO = 3.0
BUDGET_RSS_MB = 1024.0
BUDGET_RSS_GROWTH = 0.10  # "flat": the last third's peak within 10% of the middle third's
ARRIVAL_S = 10.0  # users arrive spread over the first seconds, not all in the same instant
WAIT_S = 60.0  # longest wait for one rerun before the client gives up (counted as an error)


@contextlib.contextmanager
def app_server(timeout: float = 90.0):
    """The app as ``make run`` starts it, on a free localhost port; yields (base URL, pid). Always stopped."""
    with server_process(timeout=timeout) as (url, proc):
        yield url, proc.pid


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (VmRSS from /proc)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Sampler:
    """Samples a process's RSS every ``every`` seconds in a thread until stopped."""

    def __init__(self, pid: int, every: float = 0.5):
        self.pid, self.every, self.samples = pid, every, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), rss_mb(self.pid)))
            self._stop.wait(self.every)

    def __enter__(self):
        """Start sampling."""
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        """Stop sampling (the samples stay)."""
        self._stop.set()
        self._thread.join(timeout=5)


def _rerun_msg(page: str, widget_id: str | None = None, value: str | dict | None = None, fragment_id: str = "",
               page_hash: str = "") -> bytes:
    """A rerun request as the browser sends it: a widget's string value, or a component's state (a dict, as JSON)."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = ""
    state.page_name = page
    state.page_script_hash = page_hash
    state.fragment_id = fragment_id
    if widget_id is not None:
        w = state.widget_states.widgets.add()
        w.id = widget_id
        if isinstance(value, dict):
            w.json_value = json.dumps(value)
        else:
            w.string_value = value
    return msg.SerializeToString()


class Client:
    """One user: a websocket session of the app."""

    def __init__(self, ws, fragments: bool = True):
        self.ws = ws
        self.fragments = fragments
        self.widget_id: str | None = None
        self.fragment_id = ""
        self.page_hash = ""
        self.options: list[str] = []
        self.errors: list[str] = []
        self.received = 0
        self.seq = 0

    async def run_until_finished(self) -> None:
        """Read messages until the script run ends; note the indicator box and any exception shown."""
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), WAIT_S)
            self.received += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "bidi_component" and element.bidi_component.id.endswith(WIDGET_KEY):
                    if self.widget_id is None:
                        self.options = json.loads(element.bidi_component.json)["options"]
                    self.widget_id = element.bidi_component.id
                    self.fragment_id = msg.delta.fragment_id
                elif which == "exception":
                    self.errors.append(element.exception.message[:200])
            elif kind == "script_finished":
                if msg.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                               ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    self.errors.append(f"script finished with status {msg.script_finished}")
                return

    async def open(self, page: str) -> float:
        """Open ``page`` (the first run of the session); ms until the run finished."""
        t0 = time.perf_counter()
        await self.ws.send(_rerun_msg(page))
        await self.run_until_finished()
        if self.widget_id is None:
            self.errors.append("no map with an indicator picker on the page")
        return (time.perf_counter() - t0) * 1000

    async def choose(self, page: str, value: str) -> float:
        """Pick the indicator ``value`` in the map; ms until the rerun finished."""
        t0 = time.perf_counter()
        fragment = self.fragment_id if self.fragments else ""
        self.seq += 1
        state = {"choice": {"indicator": value, "seq": self.seq}}
        await self.ws.send(_rerun_msg(page, self.widget_id, state, fragment, self.page_hash))
        await self.run_until_finished()
        return (time.perf_counter() - t0) * 1000


async def _user(url: str, seconds: float, think: tuple[float, float], seed: int, out: dict,
                fragments: bool = True, arrival: float = 0.0) -> None:
    rng = random.Random(seed)
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    await asyncio.sleep(rng.uniform(0, arrival))
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=WAIT_S,
                                      ping_interval=None) as ws:
            client = Client(ws, fragments)
            out["open_ms"].append(await client.open(PAGE))
            if client.widget_id is None:
                out["errors"] += client.errors
                return
            deadline = time.monotonic() + seconds
            current = None
            await asyncio.sleep(rng.uniform(0, think[1]))  # users do not all click at the same instant
            while time.monotonic() < deadline:
                choice = rng.choice([o for o in client.options if o != current])
                out["rerun_ms"].append(await client.choose(PAGE, choice))
                current = choice
                await asyncio.sleep(rng.uniform(*think))
            out["errors"] += client.errors
            out["received_kb"] += client.received / 1024
    except (TimeoutError, OSError, websockets.WebSocketException) as e:
        out["errors"].append(f"{type(e).__name__}: {e}"[:200])


async def _crowd(url: str, sessions: int, seconds: float, think: tuple[float, float], fragments: bool = True) -> dict:
    out = {"open_ms": [], "rerun_ms": [], "errors": [], "received_kb": 0.0}
    arrival = ARRIVAL_S if sessions > 1 else 0.0
    users = (_user(url, seconds, think, i, out, fragments, arrival) for i in range(sessions))
    await asyncio.wait_for(asyncio.gather(*users), seconds + arrival + 4 * WAIT_S)
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else float("nan"))


def figures(sessions: int = SESSIONS, seconds: float = SECONDS, think: tuple[float, float] = THINK_S,
            single_seconds: float = 15.0, fragments: bool = True, log=print) -> dict:
    """Single-session reference, then ``sessions`` users at once; reruns, errors and server memory."""
    load_before = os.getloadavg()
    with app_server() as (url, pid):
        # Warm the server's caches with one session (as any running app has them), then measure one user alone.
        asyncio.run(_crowd(url, 1, 3.0, (0.2, 0.4), fragments))
        single = asyncio.run(_crowd(url, 1, single_seconds, (0.2, 0.4), fragments))
        rss_first = rss_mb(pid)
        log(f"  concurrency: one session, {len(single['rerun_ms'])} reruns, median "
            f"{statistics.median(single['rerun_ms']):.0f} ms; server RSS {rss_first:.0f} MB")
        with Sampler(pid) as sampler:
            t0 = time.monotonic()
            crowd = asyncio.run(_crowd(url, sessions, seconds, think, fragments))
            elapsed = time.monotonic() - t0
        rss_end = rss_mb(pid)
    samples = sampler.samples
    span = samples[-1][0] - samples[0][0] if len(samples) > 1 else 0.0
    middle = [r for t, r in samples if span / 3 <= t - samples[0][0] < 2 * span / 3] or [rss_first]
    last = [r for t, r in samples if t - samples[0][0] >= 2 * span / 3] or [rss_end]
    reruns = crowd["rerun_ms"]
    return {
        "sessions": sessions, "seconds": seconds, "think": think, "elapsed_s": elapsed, "fragments": fragments,
        "single_median_ms": statistics.median(single["rerun_ms"]) if single["rerun_ms"] else float("nan"),
        "single_n": len(single["rerun_ms"]),
        "reruns": len(reruns),
        "median_ms": statistics.median(reruns) if reruns else float("nan"),
        "p95_ms": _p95(reruns),
        "max_ms": max(reruns, default=float("nan")),
        "open_median_ms": statistics.median(crowd["open_ms"]) if crowd["open_ms"] else float("nan"),
        "errors": single["errors"] + crowd["errors"],
        "rss_first_mb": rss_first, "rss_end_mb": rss_end,
        "rss_peak_mb": max((r for _t, r in samples), default=rss_end),
        "rss_middle_peak_mb": max(middle), "rss_last_peak_mb": max(last),
        "received_mb": crowd["received_kb"] / 1024,
        "load_before": load_before, "load_after": os.getloadavg(),
    }


def budget_rows(f: dict) -> list[tuple[str, str, bool]]:
    """The rows of ``make bench``'s budget table: (name, measured, within budget)."""
    ratio = f["p95_ms"] / f["single_median_ms"]
    growth = f["rss_last_peak_mb"] / f["rss_middle_peak_mb"] - 1
    lo, hi = f["think"]
    who = (f"{f['sessions']} concurrent sessions switching the map's indicator for {f['seconds']:g} s "
           f"(websocket clients, {lo:g}-{hi:g} s between changes, "
           f"{'fragment' if f.get('fragments', True) else 'whole-page'} reruns)")
    return [
        (f"{who}: no errors", f"{len(f['errors'])} errors in {f['reruns']:,} reruns", not f["errors"]),
        (f"... p95 rerun <= {BUDGET_P95_RATIO:g}x the single-session median",
         f"p95 {f['p95_ms']:,.0f} ms / single {f['single_median_ms']:,.0f} ms = {ratio:.1f}x "
         f"(median {f['median_ms']:,.0f} ms, max {f['max_ms']:,.0f} ms)", ratio <= BUDGET_P95_RATIO),
        (f"... server memory <= {BUDGET_RSS_MB:,.0f} MB and flat (last third's peak within "
         f"{BUDGET_RSS_GROWTH:.0%} of the middle third's)",
         f"RSS after the first session {f['rss_first_mb']:,.0f} MB, peak {f['rss_peak_mb']:,.0f} MB, after the run "
         f"{f['rss_end_mb']:,.0f} MB (growth over the last third {growth:+.1%})",
         f["rss_peak_mb"] <= BUDGET_RSS_MB and growth <= BUDGET_RSS_GROWTH),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--think", type=float, nargs=2, default=THINK_S, metavar=("MIN", "MAX"))
    parser.add_argument("--full", action="store_true", help="whole-page reruns instead of the fragment's")
    args = parser.parse_args(argv)
    f = figures(args.sessions, args.seconds, tuple(args.think), fragments=not args.full)
    print(f"load average before {', '.join(f'{x:.1f}' for x in f['load_before'])}, after "
          f"{', '.join(f'{x:.1f}' for x in f['load_after'])} (2 cores, shared)")
    print(f"reruns {f['reruns']}, open median {f['open_median_ms']:.0f} ms, received {f['received_mb']:.1f} MB")
    ok = True
    for name, value, good in budget_rows(f):
        print(f"{name}: {value} -> {'ok' if good else 'BROKEN'}")
        ok &= good
    for e in f["errors"][:5]:
        print("error:", e)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
