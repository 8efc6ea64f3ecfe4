"""Grading from answer records vs re-executing every submission (the nbgrader way).

Goals (issue 6): grading from records ≥ 100× faster than re-executing each submission
sequentially with papermill; ≥ 500 notebooks/s steady state; peak memory < 300 MB while
grading 1,000 submissions.

How it is measured, in one run on one synthetic class:

1. Chapter 1 is answered in code and executed with papermill for a few students
   (``--sample``, default 5), one after another: the re-execution baseline, in s/notebook.
2. A class of ``--students`` notebooks (default 1,000) is derived from the first executed
   notebook: every student gets their own student number and a random mix of right, wrong
   and unanswered questions, with records and readable text made by the quiz core exactly
   as the kernel makes them. Widget state is left out, as JupyterLab saves notebooks.
3. ``grade_folder`` grades the class in a fresh subprocess, which reports the time of the
   steps that read and score (steady state: after imports and bank loading), the total time
   including all output files, and its peak resident memory (``ru_maxrss``).

Run: ``.venv/bin/python benchmarks/bench_grading.py [--students 1000] [--sample 5]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "grading"))

from grading_helpers import (  # noqa: E402
    NOTEBOOKS,
    answered_copy,
    execute,
    record_outputs,
    right_response,
    wrong_response,
)

from salesbook.quiz import answer_bundle, check, load_chapter  # noqa: E402
from salesbook.quiz.records import record_answer  # noqa: E402

GOAL_RATIO, GOAL_RATE, GOAL_MB = 100.0, 500.0, 300.0

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from salesbook.grading import grade_folder, score_notebooks
from salesbook.grading.collect import collect_notebooks
from salesbook.grading.grade import load_banks
from salesbook.grading.problems import ProblemLog
from salesbook.grading.score import Scorer
folder, output = Path(sys.argv[1]), Path(sys.argv[2])
problems = ProblemLog()
course = load_banks({1}, problems)
ready = time.perf_counter()
handed = collect_notebooks(folder, problems)
scored = score_notebooks(handed, Scorer(course), problems, chapters={1}, workers=1)
core = time.perf_counter() - ready
before = time.perf_counter()
scored = score_notebooks(handed, Scorer(course), ProblemLog(), chapters={1}, workers=2)
parallel = time.perf_counter() - before
before = time.perf_counter()
report = grade_folder(folder, output, chapters=[1], progress=False, course=course, workers=1)
total = time.perf_counter() - before
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from salesbook.grading import read
print(json.dumps({"core": core, "parallel": parallel, "total": total,
                  "startup": ready - start, "peak_mb": peak,
                  "graded": report.graded, "scored": len(scored),
                  "problems": len(report.problems),
                  "parser": "orjson" if read._fast_loads else "json (standard library)"}))
"""


def baseline(source: Path, tmp: Path, sample: int) -> float:
    """Seconds per notebook when every submission is re-executed, one after another."""
    os.environ["MPLBACKEND"] = "Agg"
    started = time.perf_counter()
    for number in range(sample):
        os.environ["SALESBOOK_STORE"] = str(tmp / f"antwoorden-{number}")
        execute(source, tmp / f"uitgevoerd-{number}.ipynb", str(100000 + number), tmp)
    return (time.perf_counter() - started) / sample


def make_class(executed: Path, folder: Path, students: int, seed: int = 6) -> None:
    """``students`` notebooks with realistic records, derived from one executed notebook."""
    bank = load_chapter(1)
    rng = random.Random(seed)
    base = json.loads(executed.read_text(encoding="utf-8"))
    base["metadata"].pop("widgets", None)
    text = json.dumps(base, ensure_ascii=False)
    folder.mkdir(parents=True)
    for number in range(students):
        student = str(200000 + number)
        notebook = json.loads(text)
        notebook["metadata"]["papermill"]["parameters"]["studentnummer"] = student
        for cell in notebook["cells"]:
            if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
                cell["source"] = f'# Parameters\nstudentnummer = "{student}"\n'
        outputs = record_outputs(notebook)
        for question in bank.questions:
            output = outputs[question.id]
            choice = rng.random()
            if choice < 0.1:  # not answered: the output says so and holds no record
                output["data"] = {"text/markdown": f"**Vraag {question.id}** · nog niet beantwoord"}
                continue
            response = right_response(question) if choice < 0.7 else wrong_response(question)
            record = record_answer(None, question, response, student=student)
            bundle = answer_bundle(record, check(question, response), question)
            output["data"] = {"text/plain": bundle["text/markdown"], **bundle}
        path = folder / f"{student} {rng.choice(['Jansen', 'El Idrissi', 'Müller'])}.ipynb"
        path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")


def grade_in_child(folder: Path, output: Path) -> dict[str, float]:
    """Grade in a fresh interpreter; returns its timings and peak memory."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(output)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        bank = load_chapter(1)
        answers = {q.id: right_response(q) for q in bank.questions}
        source = answered_copy(NOTEBOOKS / "01_salesmanagement.ipynb", tmp / "bron.ipynb", answers)
        per_notebook = baseline(source, tmp, options.sample)
        make_class(tmp / "uitgevoerd-0.ipynb", tmp / "klas", options.students)
        size = sum(p.stat().st_size for p in (tmp / "klas").iterdir()) / options.students
        child = grade_in_child(tmp / "klas", tmp / "uit")
    n = options.students
    rate = n / child["core"]
    ratio = per_notebook / (child["total"] / n)
    print(f"class: {n} notebooks of chapter 1 (68 questions), {size / 1024:.0f} KB each")
    print(
        f"re-execute with papermill, sequential ({options.sample} notebooks): "
        f"{per_notebook:.2f} s/notebook → {per_notebook * n / 60:.1f} min for {n}"
    )
    fastest = n / min(child["core"], child["parallel"])
    print(
        f"grade from records (JSON parser: {child['parser']}): read+score "
        f"{child['core']:.2f} s on one core ({rate:.0f} notebooks/s), "
        f"{child['parallel']:.2f} s reading in 2 worker processes ({n / child['parallel']:.0f} "
        f"notebooks/s); goal ≥ {GOAL_RATE:.0f}/s: {'OK' if fastest >= GOAL_RATE else 'NOT MET'}"
    )
    print(
        f"whole run incl. gradebook, {n} feedback pages, overview, LMS files and rubric "
        f"sheet: {child['total']:.2f} s; start-up (imports, banks) {child['startup']:.2f} s"
    )
    load = os.getloadavg()[0]
    print(
        f"speed-up (whole run vs re-executing, per notebook): {ratio:.0f}× "
        f"(goal ≥ {GOAL_RATIO:.0f}×: {'OK' if ratio >= GOAL_RATIO else 'NOT MET'})"
    )
    print(
        f"peak memory grading {n}: {child['peak_mb']:.0f} MB "
        f"(goal < {GOAL_MB:.0f} MB: {'OK' if child['peak_mb'] < GOAL_MB else 'NOT MET'}); "
        f"graded {child['graded']}, problems {child['problems']}"
    )
    print(f"load average while measuring: {load:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
