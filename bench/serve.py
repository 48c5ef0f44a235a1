"""Local servers for the benchmark: Streamlit apps and a static server, on free localhost ports, always stopped."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from geo import config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _command(script: str, port: int) -> list[str]:
    opts = ["--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    if script == "app.py" and (config.ROOT / "ui" / "serve.py").exists():
        return [sys.executable, "-m", "ui.serve", *opts]  # what `make run` starts (deep links route correctly)
    return [sys.executable, "-m", "streamlit", "run", script, *opts]


@contextlib.contextmanager
def streamlit_app(script: str, timeout: float = 90.0):
    """Start ``streamlit run script`` (path relative to the repo) on a free port; yield the base URL.

    Streamlit serves /app/static from a ``static`` folder next to the script, so a
    script outside the repo root is run from a temporary copy next to a link to the
    repo's static folder (the local Leaflet); the working directory stays the repo.
    """
    port = free_port()
    stage = None
    if Path(script).parent != Path("."):
        stage = Path(tempfile.mkdtemp(prefix="bench-app-"))
        (stage / "static").symlink_to(config.STATIC_DIR, target_is_directory=True)
        shutil.copy(config.ROOT / script, stage / Path(script).name)
        script = str(stage / Path(script).name)
    proc = subprocess.Popen(_command(script, port), cwd=config.ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(config.ROOT)})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"{script} exited with code {proc.returncode} before it served")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{script} did not answer within {timeout:.0f} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
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
