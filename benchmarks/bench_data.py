"""Time generating and loading the course data set.

Goals (issue 3), on the 2-core course machine: generating the full data set < 5 s and loading
all tables from CSV < 0.5 s. Prints the best of a few runs and the ratio goal/measured (above
1 means the goal is met). Not a test: timings depend on the machine.

Run: ``.venv/bin/python benchmarks/bench_data.py [runs]`` (default 3), or all benchmarks at
once with ``benchmarks/run.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from goals import Goal, below, number, summary, table

import salesbook.data as data
from salesbook.notation import format_number

GENERATE_GOAL_S = 5.0
LOAD_GOAL_S = 0.5
RUNS, QUICK_RUNS = 3, 1


def best_of(runs: int, action) -> float:
    """Fastest wall-clock time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(runs: int = RUNS, details: bool = True) -> list[Goal]:
    """Best of ``runs`` for generating and loading; ``details`` also times each table."""
    tables = data.generate()
    rows = sum(len(frame) for frame in tables.values())
    generate_s = best_of(runs, data.generate)
    with tempfile.TemporaryDirectory() as folder:
        write_s = best_of(runs, lambda: data.write(tables, folder))
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
    load_s = best_of(runs, data.load_all)
    print(
        f"  tabellen: {len(tables)}, rijen: {format_number(rows, 0)}, CSV: {number(size / 1e6)} MB"
    )
    steps = {"genereren": generate_s, "wegschrijven": write_s, "laden": load_s}
    print("  " + ", ".join(f"{step} {number(seconds)} s" for step, seconds in steps.items()))
    if details:
        for name in data.TABLES:
            one = best_of(runs, lambda name=name: data.load(name))
            count = format_number(len(tables[name]), 0)
            print(f"    laden {name:<20} {count:>7} rijen  {number(one * 1000):>6} ms")
    note = f"beste van {runs} keer, ook bij laden"
    return [
        below("data", "Hele dataset genereren", generate_s, "s", GENERATE_GOAL_S, note),
        below("data", "Alle tabellen uit CSV laden", load_s, "s", LOAD_GOAL_S),
    ]


def run(quick: bool = False) -> list[Goal]:
    """The goals of this benchmark; ``quick`` times each step once."""
    return measure(QUICK_RUNS if quick else RUNS, details=not quick)


if __name__ == "__main__":
    goals = measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
    print(table(goals))
    print(summary(goals))
