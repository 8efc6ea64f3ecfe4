"""Batch execution and verify-by-re-execution: the process pool against sequential runs.

Goals (issue 6), measured in one run of this script on the machine at hand:

(a) ``salesbook controleren`` (re-execute 8 submissions, 2 worker processes) is at least
    1,8× as fast as the same verification with the submissions re-executed one after the
    other in one process (same code path: ``verify_by_rerun`` with the pool replaced by a
    plain loop over the worker function).
(b) ``salesbook uitvoeren notebooks/`` (every chapter notebook, one process per core) takes
    at most 0,6× the time of a sequential loop of the papermill CLI
    (``papermill IN OUT -k python3 --cwd notebooks --log-level ERROR --no-progress-bar``).

Every timed command runs in a fresh interpreter, so both sides pay their own start-up (the
imports of papermill and pandas) as a teacher would. Both sides of (b) execute the notebooks
for one student (``-p studentnummer 100001``); the notebooks ``salesbook uitvoeren`` executed
in (b) are then handed in, in turn, as the eight submissions re-executed in (a) (an even
number: with seven equal notebooks two workers could at best reach 7/4 = 1,75×). Answer
stores are temporary folders throughout.

Run: ``.venv/bin/python benchmarks/bench_batch.py`` (~3 min with seven chapter notebooks on
two cores).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PYTHON = sys.executable
RERUN_GOAL = 1.8
BATCH_GOAL = 0.6
STUDENT = "100001"
SUBMISSIONS = 8  # even: two workers can share them out

SEQUENTIAL_RERUN = """
import sys
from pathlib import Path
from salesbook.grading import _exec, rerun
_exec.init_worker()
rerun.run_tasks = lambda tasks, function, **options: [function(task) for task in tasks]
report = rerun.verify_by_rerun([Path(p) for p in sys.argv[1:]], workers=1, progress=False)
print(sum(len(c.checked) for c in report.checks), len(report.flagged))
"""

PARALLEL_RERUN = """
import sys
from pathlib import Path
from salesbook.grading.rerun import verify_by_rerun
report = verify_by_rerun([Path(p) for p in sys.argv[1:]], workers=2, progress=False)
print(sum(len(c.checked) for c in report.checks), len(report.flagged))
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds a command takes, and its stdout; stops the benchmark when it fails badly."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:3])}… failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, done.stdout.strip()


def hand_in(executed: list[Path], folder: Path) -> list[Path]:
    """SUBMISSIONS handed-in notebooks: the executed chapters in turn, as a class hands in."""
    folder.mkdir()
    handed = []
    for number in range(SUBMISSIONS):
        source = executed[number % len(executed)]
        target = folder / f"inzending{number + 1:02d}_{source.name}"
        target.write_bytes(source.read_bytes())
        handed.append(target)
    return handed


def bench_rerun(submissions: list[Path], env: dict) -> float:
    paths = list(map(str, submissions))
    sequential, seq_out = timed([PYTHON, "-c", SEQUENTIAL_RERUN, *paths], env)
    parallel, par_out = timed([PYTHON, "-c", PARALLEL_RERUN, *paths], env)
    ratio = sequential / parallel
    print(f"  sequentieel (1 proces):   {sequential:6.1f} s  (gelijk, gemarkeerd: {seq_out})")
    print(f"  controleren, 2 processen: {parallel:6.1f} s  (gelijk, gemarkeerd: {par_out})")
    verdict = "gehaald" if ratio >= RERUN_GOAL else "NIET gehaald"
    print(f"  versnelling {ratio:.2f}× (doel ≥ {RERUN_GOAL}×): {verdict}")
    return ratio


def bench_course(chapters: list[Path], work: Path, env: dict) -> tuple[float, list[Path]]:
    loop_dir, pool_dir = work / "papermill-cli", work / "uitvoeren"
    loop_dir.mkdir()
    student = ["-p", "studentnummer", STUDENT]
    papermill = str(Path(PYTHON).with_name("papermill"))
    started = time.perf_counter()
    for chapter in chapters:
        command = [papermill, str(chapter), str(loop_dir / chapter.name), *student]
        command += ["-k", "python3", "--cwd", str(NOTEBOOKS), "--log-level", "ERROR"]
        timed([*command, "--no-progress-bar"], env)
    loop = time.perf_counter() - started
    command = [PYTHON, "-m", "salesbook.cli", "uitvoeren", str(NOTEBOOKS), *student]
    pool, _ = timed([*command, "--uitvoer", str(pool_dir), "--stil"], env)
    ratio = pool / loop
    print(f"  papermill-CLI na elkaar:  {loop:6.1f} s")
    print(f"  salesbook uitvoeren:      {pool:6.1f} s  ({os.cpu_count()} kernen)")
    verdict = "gehaald" if ratio <= BATCH_GOAL else "NIET gehaald"
    print(f"  verhouding {ratio:.2f}× (doel ≤ {BATCH_GOAL}×): {verdict}")
    return ratio, [pool_dir / chapter.name for chapter in chapters]


def main() -> int:
    chapters = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not chapters:
        sys.exit("geen hoofdstuknotebooks in notebooks/")
    print(f"{len(chapters)} hoofdstuknotebooks: {', '.join(c.name for c in chapters)}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        work = Path(folder)
        env = {**os.environ, "SALESBOOK_STORE": str(work / "antwoorden")}
        print("(b) hele cursus uitvoeren tegen een lus over de papermill-CLI")
        course_ratio, executed = bench_course(chapters, work, env)
        submissions = hand_in(executed, work / "ingeleverd")
        print(f"(a) controleren: {len(submissions)} inzendingen opnieuw uitvoeren")
        rerun_ratio = bench_rerun(submissions, env)
    ok = rerun_ratio >= RERUN_GOAL and course_ratio <= BATCH_GOAL
    print("Beide doelen gehaald." if ok else "Niet alle doelen gehaald.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
