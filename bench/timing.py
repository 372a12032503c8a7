"""CPU time for the benchmarks: the shortest of several runs, so that other load on a shared
machine (which only ever adds time) does not decide the figure."""
from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest CPU time of `runs` runs of work()."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        work()
        best = min(best, time.process_time() - t0)
    return best
