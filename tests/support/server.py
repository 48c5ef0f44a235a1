"""A Streamlit server on a free localhost port, for the browser tests and the benchmark."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

from geo import config


def free_port() -> int:
    """A free TCP port on this machine."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_options(port: int) -> list[str]:
    """Streamlit options for a local, headless, quiet server on ``port``."""
    return ["--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]


@contextlib.contextmanager
def in_background(command: list[str] | None = None, timeout: float = 60.0, env: dict | None = None):
    """Run a Streamlit server in a subprocess on a free localhost port; yield its base URL; always stop it.

    ``command`` defaults to the app's launcher (``python -m ui.serve``, what ``make run`` starts);
    the server options are appended.
    """
    with server_process(command, timeout, env) as (url, _proc):
        yield url


@contextlib.contextmanager
def server_process(command: list[str] | None = None, timeout: float = 60.0, env: dict | None = None):
    """:func:`in_background`, yielding the base URL and the server's process (for its memory, say)."""
    port = free_port()
    command = command or [sys.executable, "-m", "ui.serve"]
    proc = subprocess.Popen(
        [*command, *server_options(port)], cwd=config.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(config.ROOT), **(env or {})},
    )
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
                raise RuntimeError(f"{' '.join(command[-2:])} exited with code {proc.returncode} before it served")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{' '.join(command[-2:])} did not answer within {timeout:.0f} s")
            time.sleep(0.3)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
