"""Local servers for the benchmark: Streamlit apps and a static server, on free localhost ports, always stopped."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from geo import config
from tests.support.server import free_port, in_background


def _command(script: str) -> list[str]:
    if script == "app.py":
        return [sys.executable, "-m", "ui.serve"]  # what `make run` starts (deep links route correctly)
    return [sys.executable, "-m", "streamlit", "run", script]


@contextlib.contextmanager
def streamlit_app(script: str, timeout: float = 90.0):
    """Start ``streamlit run script`` (path relative to the repo) on a free port; yield the base URL.

    Streamlit serves /app/static from a ``static`` folder next to the script, so a
    script outside the repo root is run from a temporary copy next to a link to the
    repo's static folder (the local Leaflet); the working directory stays the repo.
    """
    stage = None
    if Path(script).parent != Path("."):
        stage = Path(tempfile.mkdtemp(prefix="bench-app-"))
        (stage / "static").symlink_to(config.STATIC_DIR, target_is_directory=True)
        shutil.copy(config.ROOT / script, stage / Path(script).name)
        script = str(stage / Path(script).name)
    try:
        with in_background(_command(script), timeout=timeout) as url:
            yield url
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``/app/static/...`` from the repo's static folder (as Streamlit does) and the rest from a folder."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0]
        if clean.startswith(config.STATIC_URL + "/"):
            return str(config.STATIC_DIR / clean[len(config.STATIC_URL) + 1:])
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def static_server(directory: Path):
    """Serve ``directory`` (and /app/static) on a free localhost port in a thread; yield the base URL."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
