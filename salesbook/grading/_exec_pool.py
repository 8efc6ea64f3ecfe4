"""Run :class:`~._exec.ExecTask` objects in a pool of worker processes, with a progress bar.

Workers are started with the ``spawn`` method: a fresh interpreter, no copy of the teacher's
process and its threads (``fork`` after threads — tqdm's monitor, zmq — can deadlock). Each
worker imports papermill once (:func:`~._exec.init_worker`) and then runs notebooks one at a
time; every notebook gets its own kernel. The largest notebooks are handed out first (they
usually run longest), so the workers finish at about the same time.

A notebook can take its worker down (its kernel kills the parent process, the system runs out
of memory). ``ProcessPoolExecutor`` then fails every unfinished task with
``BrokenProcessPool`` without saying which one did it. Those tasks are run again, each alone
in a fresh one-worker pool: the innocent ones now succeed, a task that breaks its pool a
second time is reported as failed. One hostile notebook never stops the batch.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from tqdm import tqdm

from salesbook.grading._exec import ExecResult, ExecTask, execute, init_worker

CRASHED = (
    "het uitvoerproces is onverwacht gestopt (het notebook heeft het proces afgebroken of "
    "het geheugen van de computer was op)."
)


def default_workers() -> int:
    """The number of CPU cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


Worker = Callable[[ExecTask], ExecResult]


def _round(
    indices: Sequence[int],
    tasks: Sequence[ExecTask],
    results: list[ExecResult | None],
    workers: int,
    progress: _Progress,
    function: Worker,
) -> list[int]:
    """Run some tasks in one pool; the indices whose pool broke under them."""
    broken: list[int] = []
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(indices))),
        mp_context=context,
        initializer=init_worker,
    )
    try:
        futures: dict[Future[ExecResult], int] = {
            pool.submit(function, tasks[index]): index for index in indices
        }
        for future in as_completed(futures):
            index = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool:
                broken.append(index)
                continue
            except Exception as error:  # pickling or other trouble in the pool machinery
                results[index] = ExecResult(False, 0.0, "intern", f"interne fout: {error}")
            progress.advance(results[index])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return sorted(broken)


def _longest_first(tasks: Sequence[ExecTask]) -> list[int]:
    """Task indices, largest notebook first: long runs start early, the pool ends evenly."""

    def size(index: int) -> int:
        try:
            return os.stat(tasks[index].source).st_size
        except OSError:
            return 0

    return sorted(range(len(tasks)), key=lambda index: (-size(index), index))


class _Progress:
    """The tqdm bar, with the number of failed notebooks behind it."""

    def __init__(self, total: int, description: str, enabled: bool) -> None:
        self.failed = 0
        self.bar = tqdm(
            total=total,
            desc=description,
            unit="notebook",
            disable=not enabled,
            file=sys.stderr,
            dynamic_ncols=True,
        )

    def advance(self, result: ExecResult | None) -> None:
        if result is not None and not result.ok:
            self.failed += 1
            self.bar.set_postfix_str(f"mislukt: {self.failed}", refresh=False)
        self.bar.update(1)


def run_tasks(
    tasks: Sequence[ExecTask],
    *,
    workers: int | None = None,
    progress: bool = True,
    description: str = "Notebooks uitvoeren",
    function: Worker = execute,
) -> list[ExecResult]:
    """Execute every task in worker processes; results in the order of ``tasks``.

    Args:
        tasks: the notebooks to execute.
        workers: number of worker processes (default: the number of CPU cores).
        progress: show a tqdm progress bar on stderr.
        description: the bar's label.
        function: what a worker does with one task (a module-level function: it is pickled
            by name); default :func:`~._exec.execute`.
    """
    if not tasks:
        return []
    workers = workers or default_workers()
    results: list[ExecResult | None] = [None] * len(tasks)
    bar = _Progress(len(tasks), description, progress)
    try:
        suspects = _round(_longest_first(tasks), tasks, results, workers, bar, function)
        for index in suspects:
            if _round([index], tasks, results, 1, bar, function):
                results[index] = ExecResult(False, 0.0, "kernel", CRASHED)
                bar.advance(results[index])
    finally:
        bar.bar.close()
    return [r if r is not None else ExecResult(False, 0.0, "intern", CRASHED) for r in results]
