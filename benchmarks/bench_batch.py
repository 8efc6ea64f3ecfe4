"""Batch execution and verify-by-re-execution: the process pool against sequential runs.

Goals (issue 6), measured in one run of this script on the machine at hand:

(a) ``salesbook controleren`` (re-execute 8 submissions with 2 worker processes) is at least
    1,8× as fast as the same verification with the submissions re-executed one after the
    other in one process (same code: ``verify_by_rerun`` with the pool replaced by a loop).
    The submissions are what a class hands in: personal copies (``salesbook uitdelen``) of
    the chapter with the most code exercises, every ``antwoord = None`` filled in, executed
    once with ``salesbook uitvoeren``; one student's record is then edited by hand, so the
    check must report exactly one submission. Both sides run twice, in turn; the best time
    of each side counts (other work on the machine only ever makes a run slower).
(b) ``salesbook uitvoeren notebooks/`` (every chapter notebook, one process per core) takes
    at most 0,6× the time of a sequential loop of the papermill CLI
    (``papermill IN OUT -p studentnummer 100001 -k python3 --cwd notebooks --log-level ERROR
    --no-progress-bar``; ``salesbook uitvoeren`` gets the same parameter).

Every timed command runs in a fresh interpreter, so both sides pay their own start-up (the
imports of papermill and pandas) as a teacher would. Answer stores are temporary folders.
Before (a) the script measures how much two processes gain on a plain busy loop right now:
on a machine shared with other work that is below 2× and caps what (a) can show.

With ``--snel`` (and in ``benchmarks/run.py --snel``) both goals are measured on a small scale:
two personal copies of the welcome notebook for (b), and the two notebooks (b) executed as the
submissions for (a), one round, without the busy-loop measurement.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--snel]`` (~3 min on two cores), or all
benchmarks at once with ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goals import Goal, number, speed_up, summary, table, time_share

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PYTHON = sys.executable
SALESBOOK = [PYTHON, "-m", "salesbook.cli"]
RERUN_GOAL = 1.8
BATCH_GOAL = 0.6
STUDENT = "100001"
SUBMISSIONS, ROUNDS = 8, 2
QUICK_SUBMISSIONS, QUICK_ROUNDS = 2, 1
QUICK_CHAPTER = "00_welkom.ipynb"  # short, with a code exercise
MIME_TYPE = "application/vnd.salesbook.answer+json"

RERUN = """
import sys
from pathlib import Path
from salesbook.grading import _exec, rerun
if sys.argv[1] == "sequentieel":
    _exec.init_worker()
    rerun.run_tasks = lambda tasks, function, **options: [function(task) for task in tasks]
paths = [Path(p) for p in sys.argv[2:]]
report = rerun.verify_by_rerun(paths, workers=2, progress=False)
print(sum(len(c.checked) for c in report.checks), len(report.flagged))
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds a command takes, and its stdout; raises when it fails badly."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        message = f"{' '.join(command[:4])}… mislukt ({done.returncode}):\n{done.stderr[-2000:]}"
        raise RuntimeError(message)
    return seconds, done.stdout.strip()


def busy(iterations: int) -> int:
    total = 0
    for step in range(iterations):
        total += step
    return total


def two_core_gain(iterations: int = 8_000_000) -> float:
    """Speed-up of 2 processes over 1 on a busy loop, now (2,0 on an idle 2-core machine)."""
    started = time.perf_counter()
    for _ in range(4):
        busy(iterations)
    alone = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(busy, [1, 1])  # start-up outside the measurement
        started = time.perf_counter()
        pool.map(busy, [iterations] * 4)
        together = time.perf_counter() - started
    return alone / together


def rerun_chapter() -> Path:
    """The chapter with the most code exercises (the smaller one on a tie)."""
    chapters = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return max(chapters, key=lambda p: (p.read_text().count("wb.oefening("), -p.stat().st_size))


def personal_copies(work: Path, env: dict, chapter: Path, count: int) -> list[Path]:
    """``count`` personal copies (``salesbook uitdelen``) of ``chapter``, every answer filled."""
    masters = work / "master"
    masters.mkdir()
    filled = iter(range(10, 10_000, 7))
    text = re.sub(r"antwoord = None", lambda _: f"antwoord = {next(filled)}", chapter.read_text())
    (masters / chapter.name).write_text(text, encoding="utf-8")
    students = work / "studenten.csv"
    numbers = [str(200001 + i) for i in range(count)]
    students.write_text("studentnummer\n" + "\n".join(numbers) + "\n", encoding="utf-8")
    release = [*SALESBOOK, "uitdelen", str(masters), "--uitvoer", str(work / "uitdelen")]
    timed([*release, "--studenten", str(students)], env)
    return sorted((work / "uitdelen" / "per-student").glob("*.ipynb"))


def edit_one(paths: list[Path]) -> list[Path]:
    """The executed submissions, after one answer in the first was edited by hand."""
    notebook = json.loads(paths[0].read_text(encoding="utf-8"))
    records = [
        output["data"][MIME_TYPE]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if MIME_TYPE in output.get("data", {})
    ]
    records[0]["response"] = 99.5  # one answer edited by hand
    paths[0].write_text(json.dumps(notebook), encoding="utf-8")
    return paths


def class_submissions(work: Path, env: dict, chapter: Path, count: int) -> list[Path]:
    """``count`` executed personal copies of ``chapter``, one of them edited by hand."""
    started = time.perf_counter()
    copies = personal_copies(work, env, chapter, count)
    handed = work / "ingeleverd"
    run = [*SALESBOOK, "uitvoeren", *map(str, copies)]
    timed([*run, "--uitvoer", str(handed), "--stil"], env)
    paths = edit_one(sorted(handed.glob("*.ipynb")))
    seconds = time.perf_counter() - started
    print(f"  {len(paths)} inzendingen van {chapter.name} voorbereid in {number(seconds)} s")
    return paths


def bench_rerun(submissions: list[Path], env: dict, rounds: int, note: str) -> Goal:
    """Sequential and parallel in turn, ``rounds`` times; the best time of each side counts."""
    paths = list(map(str, submissions))
    times: dict[str, list[float]] = {"sequentieel": [], "parallel": []}
    for _ in range(rounds):
        for side, found in times.items():
            seconds, out = timed([PYTHON, "-c", RERUN, side, *paths], env)
            found.append(seconds)
            print(f"  {side:<11} {number(seconds):>5} s  (gelijk, gemarkeerd: {out})", flush=True)
    sequential, parallel = min(times["sequentieel"]), min(times["parallel"])
    print(f"  beste tijden: na elkaar {number(sequential)} s, controleren {number(parallel)} s")
    name = "Controleren (opnieuw uitvoeren, 2 processen)"
    return speed_up("batch", name, parallel, sequential, "s", RERUN_GOAL, "na elkaar", note)


def bench_course(
    work: Path, env: dict, chapters: list[Path], student: list[str]
) -> tuple[Goal, Path]:
    """The papermill CLI once per chapter, then ``salesbook uitvoeren`` on all of them.

    Returns the goal and the folder with the notebooks ``salesbook uitvoeren`` executed.
    """
    print(f"  {len(chapters)} notebooks: {', '.join(c.name for c in chapters)}")
    loop_dir, pool_dir = work / "papermill-cli", work / "uitvoeren"
    loop_dir.mkdir()
    papermill = str(Path(PYTHON).with_name("papermill"))
    print("  papermill-CLI na elkaar …", flush=True)
    started = time.perf_counter()
    for chapter in chapters:
        command = [papermill, str(chapter), str(loop_dir / chapter.name), *student]
        command += ["-k", "python3", "--cwd", str(NOTEBOOKS), "--log-level", "ERROR"]
        timed([*command, "--no-progress-bar"], env)
    loop = time.perf_counter() - started
    print(f"  papermill-CLI na elkaar: {number(loop)} s; salesbook uitvoeren …", flush=True)
    command = [*SALESBOOK, "uitvoeren", *map(str, chapters), *student]
    pool, out = timed([*command, "--uitvoer", str(pool_dir), "--stil"], env)
    print(f"  salesbook uitvoeren:     {number(pool)} s  ({out.splitlines()[-2]})")
    name = "Notebooks uitvoeren (salesbook uitvoeren)"
    note = f"{len(chapters)} notebooks, één proces per kern"
    baseline = "papermill-CLI na elkaar"
    return time_share("batch", name, pool, loop, "s", BATCH_GOAL, baseline, note), pool_dir


def measure(quick: bool = False) -> list[Goal]:
    """Both goals of issue 6 for batch runs; ``quick`` measures them on a small scale."""
    print(f"  {os.cpu_count()} kernen, belasting {number(os.getloadavg()[0])}")
    if quick:
        chapter, count, rounds = NOTEBOOKS / QUICK_CHAPTER, QUICK_SUBMISSIONS, QUICK_ROUNDS
    else:
        chapter, count, rounds = rerun_chapter(), SUBMISSIONS, ROUNDS
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        work = Path(folder)
        env = {**os.environ, "SALESBOOK_STORE": str(work / "antwoorden")}
        print("  (b) notebooks uitvoeren tegen een lus over de papermill-CLI", flush=True)
        if quick:  # the personal copies, executed once for (b), are the submissions for (a)
            copies = personal_copies(work, env, chapter, count)
            course_goal, executed = bench_course(work, env, copies, [])
            submissions = edit_one(sorted(executed.glob("*.ipynb")))
        else:
            course = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
            course_goal, _ = bench_course(work, env, course, ["-p", "studentnummer", STUDENT])
        print("  (a) controleren (opnieuw uitvoeren) tegen na elkaar opnieuw uitvoeren", flush=True)
        if not quick:
            submissions = class_submissions(work, env, chapter, count)
        note = f"{count} inzendingen van {chapter.name}, beste van {rounds}× per kant"
        if not quick:
            gain = two_core_gain()
            print(f"  winst van 2 processen op een rekenlus nu: {number(gain)}×", flush=True)
            note += f"; winst van 2 processen op een rekenlus nu {number(gain)}× (bovengrens)"
        rerun_goal = bench_rerun(submissions, env, rounds, note)
    return [rerun_goal, course_goal]


def run(quick: bool = False) -> list[Goal]:
    """The goals of this benchmark."""
    return measure(quick)


if __name__ == "__main__":
    goals = measure(quick="--snel" in sys.argv[1:])
    print(table(goals))
    print(summary(goals))
