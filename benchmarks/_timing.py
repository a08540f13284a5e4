"""Small timing helper for benchmarks: best of several repeats, in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_ms(fn: Callable[[], object], *, repeat: int = 7, number: int = 1) -> float:
    """Best wall time of ``fn`` over ``repeat`` rounds of ``number`` calls, per call, in ms."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1000
