"""Repeat-and-take-the-median timing (the machine is shared and noisy)."""

from __future__ import annotations

import statistics
import time


def median_ms(fn, repeats: int = 5, warmup: int = 0) -> float:
    """Median wall time of ``fn()`` in milliseconds over ``repeats`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
