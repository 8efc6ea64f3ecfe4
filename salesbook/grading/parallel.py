"""Reading many notebooks on several processor cores.

Parsing the JSON of a notebook is the slowest step of grading (a chapter notebook of a few
hundred kilobytes takes milliseconds). For a large class the notebooks are read in worker
processes, in chunks, and only what the next steps need comes back (the answer records and
the problems found); the results are used in the original order, so the outcome is exactly
the same as reading them one by one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from salesbook.grading.collect import Handed
from salesbook.grading.problems import Problem, ProblemLog
from salesbook.grading.read import Reading, read_notebook

PARALLEL_FROM = 200
"""Use worker processes from this many notebooks on (starting them takes ~0,5 s)."""
MIN_CORES = 4
"""Worker processes only pay off with this many cores: the main process still scores every
notebook, and on 2 cores reading in 2 workers was measured slower than reading in-process
(benchmarks/bench_grading.py: 259 vs 404 notebooks/s)."""
CHUNK = 25
MAX_WORKERS = 4


def default_workers(count: int, cores: int | None = None) -> int:
    """Worker processes for ``count`` notebooks: 1, or one per core (at most 4) when there
    are at least :data:`MIN_CORES` cores and :data:`PARALLEL_FROM` notebooks."""
    available = cores if cores is not None else (os.cpu_count() or 1)
    if count < PARALLEL_FROM or available < MIN_CORES:
        return 1
    return min(MAX_WORKERS, available)


def _read_chunk(items: list[Handed]) -> list[tuple[Reading | None, list[Problem]]]:
    results = []
    for item in items:
        log = ProblemLog()
        results.append((read_notebook(item, log), log.problems))
    return results


def read_all(
    handed: list[Handed], problems: ProblemLog, workers: int = 1
) -> Iterator[tuple[Handed, Reading | None]]:
    """Every notebook read, in order; with ``workers`` > 1 in worker processes.

    Problems are added to ``problems`` in the same order as when reading one by one.
    """
    if workers <= 1 or len(handed) < 2 * CHUNK:
        for item in handed:
            yield item, read_notebook(item, problems)
        return
    chunks = [handed[start : start + CHUNK] for start in range(0, len(handed), CHUNK)]
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["salesbook.grading.read"])
    else:  # Windows: spawn, the only method there
        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk, results in zip(chunks, pool.map(_read_chunk, chunks), strict=True):
            for item, (reading, found) in zip(chunk, results, strict=True):
                problems.problems.extend(found)
                yield item, reading
