"""Progress lines on stderr and the errors that end a refresh.

A refresh prints one short line per step to stderr (stdout stays free for
scripts). :class:`Unreachable` is raised when a source cannot be reached at all;
the command turns it into one line saying the shipped data is unchanged.
"""

from __future__ import annotations

import sys
from typing import TextIO


class RefreshError(RuntimeError):
    """A refresh could not finish; the message is for the user (one line, no traceback)."""


class Unreachable(RefreshError):
    """The source could not be reached (no network, DNS failure, timeout)."""

    def __init__(self, source: str, detail: str = ""):
        super().__init__(source)
        self.source = source
        self.detail = detail


class NotFound(RefreshError):
    """The source answered, but it has no such table or layer (HTTP 404)."""


class Progress:
    r"""Writes one progress line per step.

    Parameters
    ----------
    stream : file-like, optional
        Where the lines go (default: ``sys.stderr``).
    quiet : bool
        Print nothing.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> Progress(out).line("CBS 85984NED: page 1")
    >>> out.getvalue()
    'refresh: CBS 85984NED: page 1\n'
    """

    def __init__(self, stream: TextIO | None = None, quiet: bool = False):
        self.stream = stream
        self.quiet = quiet
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        """Show one progress line (and remember it, for the tests and the SOURCE.md log)."""
        self.lines.append(text)
        if not self.quiet:
            print(f"refresh: {text}", file=self.stream or sys.stderr, flush=True)
