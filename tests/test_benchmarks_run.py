"""benchmarks/run.py: one Dutch report of every benchmark goal of issues 3, 4 and 6.

The timings themselves are not tested (they depend on the machine); what is tested is that
every goal is measured and reported with a number, a ratio and a verdict, that the ratios and
verdicts follow from the numbers, and the exit codes.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

# The goals as the issues state them (issue 3: data, issue 4: quiz, issue 6: grading, batch).
GOALS = {
    "Hele dataset genereren": "< 5 s",
    "Alle tabellen uit CSV laden": "< 0,5 s",
    "Quizantwoord verwerken in de kernel": "< 20 ms",
    "Beoordelen uit records vs opnieuw uitvoeren": "≥ 100× sneller",
    "Beoordelen: doorvoer lezen en scoren": "≥ 500 notebooks/s",
    "Beoordelen: piekgeheugen": "< 300 MB",
    "Controleren (opnieuw uitvoeren, 2 processen)": "≥ 1,8× sneller",
    "Notebooks uitvoeren (salesbook uitvoeren)": "≤ 0,6× de tijd",
}
DUTCH_NUMBER = r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?"


@pytest.fixture(scope="module")
def bench():
    """The modules goals and run from benchmarks/, loaded as the scripts load them."""
    sys.path.insert(0, str(BENCHMARKS))  # run.py imports goals by name, as a script does
    try:
        spec = importlib.util.spec_from_file_location("_benchmarks_run", BENCHMARKS / "run.py")
        run = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = run
        spec.loader.exec_module(run)
        yield {"goals": importlib.import_module("goals"), "run": run}
    finally:
        sys.path.remove(str(BENCHMARKS))


def run_report(tmp_path, *args):
    env = {**os.environ, "SALESBOOK_STORE": str(tmp_path / "antwoorden")}
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,  # generous: CI machines are shared; the test checks content, not speed
        check=False,
    )


def table_rows(output: str) -> dict[str, list[str]]:
    """Goal name → the cells of its table row (columns are separated by 2+ spaces)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Onderdeel "))
    assert set(lines[start + 1]) == {"-", " "}
    rows = {}
    for line in lines[start + 2 :]:
        if not line.strip() or line.startswith("* "):
            break
        cells = re.split(r"\s{2,}", line.strip())
        assert len(cells) == 7, line
        assert cells[1] not in rows, f"goal twice: {cells[1]}"
        rows[cells[1]] = cells
    return rows


def test_fixed_limits_ratio_goal_over_measured(bench):
    goals = bench["goals"]
    fast = goals.below("data", "genereren", 1.25, "s", 5.0)
    assert (fast.met, fast.ratio, fast.requirement) == (True, 4.0, "< 5 s")
    slow = goals.below("data", "laden", 0.625, "s", 0.5)
    assert (slow.met, slow.ratio, slow.requirement) == (False, 0.8, "< 0,5 s")
    rate = goals.at_least("beoordelen", "doorvoer", 125.0, "notebooks/s", 500.0)
    assert (rate.met, rate.ratio, rate.requirement) == (False, 0.25, "≥ 500 notebooks/s")
    assert goals.at_least("beoordelen", "doorvoer", 750.0, "notebooks/s", 500.0).ratio == 1.5


def test_comparisons_ratio_against_the_baseline_of_the_same_run(bench):
    goals = bench["goals"]
    grading = goals.speed_up("beoordelen", "x", 0.02, 4.2, "s/notebook", 100.0, "papermill")
    assert grading.ratio == pytest.approx(210.0)
    assert grading.met and grading.requirement == "≥ 100× sneller"
    assert grading.basis == "papermill, deze run: 4,20 s/notebook"
    rerun = goals.speed_up("batch", "x", 50.0, 61.5, "s", 1.8, "na elkaar")
    assert rerun.ratio == pytest.approx(1.23) and not rerun.met
    course = goals.time_share("batch", "x", 55.0, 220.0, "s", 0.6, "papermill-CLI")
    assert (course.ratio, course.met, course.requirement) == (0.25, True, "≤ 0,6× de tijd")
    assert not goals.time_share("batch", "x", 150.0, 220.0, "s", 0.6, "papermill-CLI").met


def test_numbers_in_dutch_notation_and_verdicts_in_the_table(bench):
    goals = bench["goals"]
    assert goals.number(1398.2) == "1.398"
    assert goals.number(0.01444) == "0,0144"
    assert goals.number(1.622) == "1,62"
    assert goals.number(20.18) == "20,2"
    report = [
        goals.below("data", "genereren", 1.25, "s", 5.0),
        goals.at_least("beoordelen", "doorvoer", 125.0, "notebooks/s", 500.0, "50 notebooks"),
    ]
    rows = table_rows(goals.table(report))
    assert rows["genereren"][2:] == ["< 5 s", "1,25 s", "4,00×", "eis (eis / gemeten)", "gehaald"]
    assert rows["doorvoer"][3:5] == ["125 notebooks/s", "0,250×"]
    assert rows["doorvoer"][6] == "niet gehaald"
    assert "* doorvoer: 50 notebooks" in goals.table(report)
    assert goals.summary(report) == "1 van de 2 doelen gehaald."


def test_exit_code_is_a_report_unless_strict(bench):
    goals, run = bench["goals"], bench["run"]
    met = goals.below("data", "a", 1.0, "s", 5.0)
    missed = goals.below("data", "b", 6.0, "s", 5.0)
    assert run.exit_code([met, missed], [], strict=False) == 0
    assert run.exit_code([met, missed], [], strict=True) == 1
    assert run.exit_code([met], [], strict=True) == 0
    assert run.exit_code([met], ["batch"], strict=False) == 1


def test_one_benchmark_only(tmp_path):
    done = run_report(tmp_path, "--snel", "--alleen", "quiz")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = table_rows(done.stdout)
    assert list(rows) == ["Quizantwoord verwerken in de kernel"]
    assert "[1/1] bench_quiz.py" in done.stdout


def test_unknown_benchmark_is_refused_in_dutch(tmp_path):
    done = run_report(tmp_path, "--alleen", "onzin")
    assert done.returncode == 2
    assert "onbekende benchmark 'onzin'" in done.stderr


@pytest.mark.slow
def test_quick_run_reports_every_goal_with_a_number_and_a_verdict(tmp_path):
    done = run_report(tmp_path, "--snel")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for index, script in enumerate(["data", "quiz", "grading", "batch"], 1):
        assert f"[{index}/4] bench_{script}.py" in done.stdout  # progress while running
    rows = table_rows(done.stdout)
    assert set(rows) == set(GOALS)
    for name, (_, _, requirement, measured, ratio, basis, verdict) in rows.items():
        assert requirement == GOALS[name]
        assert re.fullmatch(rf"{DUTCH_NUMBER} \S+", measured), (name, measured)
        assert re.fullmatch(rf"{DUTCH_NUMBER}×", ratio), (name, ratio)
        assert verdict in ("gehaald", "niet gehaald")
        if "sneller" in requirement or "de tijd" in requirement:
            assert "deze run" in basis  # compared with a baseline measured in this run
    met = sum(cells[6] == "gehaald" for cells in rows.values())
    expected = "Alle 8 doelen gehaald." if met == 8 else f"{met} van de 8 doelen gehaald."
    assert done.stdout.rstrip().endswith(expected)
