"""Reading many notebooks on several processor cores.

Parsing the JSON of a notebook is the slowest step of grading (a chapter notebook of a few
hundred kilobytes takes a millisecond or two). With ``workers`` > 1 the notebooks are read by
``workers`` processes: the calling process and ``workers - 1`` helper processes. The class is
cut into chunks, and every process takes the next chunk nobody has taken yet from a shared
counter. The calling process scores what comes back, in the original order; whenever the
chunk it needs next is not back yet, it takes and reads a chunk itself instead of waiting.
So no core waits while the helpers start, the helpers never wait for the calling process,
and the outcome is exactly the same as reading the notebooks one by one. A helper sends
back only what the next steps need (the answer records and the problems found); a chunk
a helper could not finish (the helper was killed, ran out of memory, …) is read again here.

Helpers are forked on Linux when the calling process runs a single thread (fast: nothing is
imported again); elsewhere they start with ``forkserver`` or ``spawn``.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Iterator
from multiprocessing.context import BaseContext
from typing import Any

from salesbook.grading.collect import Handed
from salesbook.grading.problems import Problem, ProblemLog
from salesbook.grading.read import Reading, read_notebook

PARALLEL_FROM = 100
"""Read with several processes from this many notebooks on."""
MAX_WORKERS = 8
CHUNK = 16
"""Notebooks per chunk: small enough to share the last chunks out evenly."""
AHEAD = 8
"""Chunks the calling process reads ahead of the one it needs next, at most (memory)."""
_POLL = 0.2
_LOCK_WAIT = 10.0

_Read = list[tuple[Reading | None, list[Problem]]]


def default_workers(count: int, cores: int | None = None) -> int:
    """Processes that read ``count`` notebooks: 1, or one per core (at most
    :data:`MAX_WORKERS`) from :data:`PARALLEL_FROM` notebooks on."""
    available = cores if cores is not None else (os.cpu_count() or 1)
    if count < PARALLEL_FROM or available < 2:
        return 1
    return min(MAX_WORKERS, available)


def _read_chunk(items: list[Handed]) -> _Read:
    results = []
    for item in items:
        log = ProblemLog()
        results.append((read_notebook(item, log), log.problems))
    return results


def _take(counter: Any, count: int) -> int | None:
    """The next chunk nobody has taken (and take it), or None when all are taken.

    None as well when the lock cannot be had within :data:`_LOCK_WAIT` seconds (a helper
    was killed while holding it): the chunks left are then read by the calling process.
    """
    lock = counter.get_lock()
    if not lock.acquire(timeout=_LOCK_WAIT):
        return None
    try:
        index = counter.value
        if index >= count:
            return None
        counter.value = index + 1
    finally:
        lock.release()
    return index


def _help(chunks: list[list[Handed]], counter: Any, results: Any) -> None:
    """A helper process: read chunks until all are taken; None for a chunk that failed."""
    while (index := _take(counter, len(chunks))) is not None:
        try:
            results.put((index, _read_chunk(chunks[index])))
        except Exception:  # the calling process reads it again and meets the real error
            results.put((index, None))


def _context() -> BaseContext:
    """Fork when that is safe (Linux, one thread), else forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["salesbook.grading.read"])
        return context
    return multiprocessing.get_context("spawn")  # Windows: the only method there


def read_all(
    handed: list[Handed], problems: ProblemLog, workers: int = 1
) -> Iterator[tuple[Handed, Reading | None]]:
    """Every notebook read, in order; with ``workers`` > 1 by that many processes.

    The helper processes start at once (before the first notebook is asked for). Problems
    are added to ``problems`` in the same order as when reading one by one.
    """
    if workers <= 1 or len(handed) < 2 * CHUNK:
        return _one_by_one(handed, problems)
    chunks = [handed[start : start + CHUNK] for start in range(0, len(handed), CHUNK)]
    context = _context()
    counter = context.Value("l", 0)
    results = context.Queue()
    helpers = [
        context.Process(target=_help, args=(chunks, counter, results), daemon=True)
        for _ in range(min(workers - 1, len(chunks) - 1))
    ]
    try:
        for helper in helpers:
            helper.start()
    except BaseException:
        _stop(helpers, counter, len(chunks))
        raise
    return _shared(chunks, counter, results, helpers, problems)


def _one_by_one(handed: list[Handed], problems: ProblemLog) -> Iterator[tuple[Handed, Reading]]:
    for item in handed:
        yield item, read_notebook(item, problems)


def _shared(
    chunks: list[list[Handed]],
    counter: Any,
    results: Any,
    helpers: list[multiprocessing.process.BaseProcess],
    problems: ProblemLog,
) -> Iterator[tuple[Handed, Reading | None]]:
    """The chunks in order, read by the helpers and, while it would wait, by this process."""
    ready: dict[int, _Read | None] = {}
    try:
        for index, chunk in enumerate(chunks):
            while index not in ready:
                if _receive(results, ready, block=False):
                    continue
                taken = _take(counter, len(chunks)) if len(ready) < AHEAD else None
                if taken is not None:
                    ready[taken] = _read_chunk(chunks[taken])
                elif not _receive(results, ready, block=True) and not any(
                    helper.is_alive() for helper in helpers
                ):
                    _receive(results, ready, block=False)
                    ready.setdefault(index, None)  # its helper died: read it here below
            found = ready.pop(index)
            if found is None:  # a helper failed on it
                found = _read_chunk(chunk)
            for item, (reading, logged) in zip(chunk, found, strict=True):
                problems.problems.extend(logged)
                yield item, reading
    finally:
        _stop(helpers, counter, len(chunks))


def _receive(results: Any, ready: dict[int, _Read | None], *, block: bool) -> bool:
    """Move the results that came back into ``ready``; False when none came."""
    try:
        index, found = results.get(block, _POLL)
    except queue.Empty:
        return False
    ready[index] = found
    while True:
        try:
            index, found = results.get(False)
        except queue.Empty:
            return True
        ready[index] = found


def _stop(helpers: list[multiprocessing.process.BaseProcess], counter: Any, count: int) -> None:
    """Let no helper take another chunk; end the helpers (all done, unless stopped early)."""
    while _take(counter, count) is not None:
        pass  # take what is left, so no helper starts on it
    for helper in helpers:
        if helper.is_alive():
            helper.terminate()  # only reads files: safe to stop halfway
    for helper in helpers:
        if helper.pid is not None:
            helper.join()
