"""Time generating and loading the course data set.

Goals (issue 3), on the 2-core course machine: generating the full data set < 5 s and loading
all tables from CSV < 0.5 s. Prints the best of a few runs and the ratio to each goal
(ratio < 1 means the goal is met). Not a test: timings depend on the machine.

Run: ``.venv/bin/python benchmarks/bench_data.py [runs]`` (default 3).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import salesbook.data as data

GENERATE_GOAL_S = 5.0
LOAD_GOAL_S = 0.5


def best_of(runs: int, action) -> float:
    """Fastest wall-clock time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(runs: int = 3) -> None:
    tables = data.generate()
    rows = sum(len(frame) for frame in tables.values())
    generate_s = best_of(runs, data.generate)
    with tempfile.TemporaryDirectory() as folder:
        write_s = best_of(runs, lambda: data.write(tables, folder))
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
    load_s = best_of(runs, data.load_all)
    print(f"tables: {len(tables)}, rows: {rows:,}, CSV size: {size / 1e6:.2f} MB")
    ratio = generate_s / GENERATE_GOAL_S
    print(f"generate: {generate_s:.3f} s  (goal {GENERATE_GOAL_S} s, ratio {ratio:.2f})")
    print(f"write:    {write_s:.3f} s")
    print(f"load_all: {load_s:.3f} s  (goal {LOAD_GOAL_S} s, ratio {load_s / LOAD_GOAL_S:.2f})")
    for name in data.TABLES:
        one = best_of(runs, lambda name=name: data.load(name))
        print(f"  load {name:<20} {len(tables[name]):>7,} rows  {one * 1000:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
