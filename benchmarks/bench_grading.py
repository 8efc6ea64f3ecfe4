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

Run: ``.venv/bin/python benchmarks/bench_grading.py [--students 1000] [--sample 5]``, or all
benchmarks at once with ``benchmarks/run.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from goals import Goal, at_least, below, number, speed_up, summary, table

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

from salesbook.notation import format_number  # noqa: E402
from salesbook.quiz import answer_bundle, check, load_chapter  # noqa: E402
from salesbook.quiz.records import record_answer  # noqa: E402

GOAL_RATIO, GOAL_RATE, GOAL_MB = 100.0, 500.0, 300.0
STUDENTS, SAMPLE = 1000, 5
QUICK_STUDENTS, QUICK_SAMPLE = 50, 1

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
                  "parser": "orjson" if read._fast_loads else "json (standaardbibliotheek)"}))
"""


@contextlib.contextmanager
def kernel_stderr_hidden() -> Iterator[None]:
    """Keep the kernels' start-up warnings out of the report (errors still raise)."""
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def baseline(source: Path, tmp: Path, sample: int) -> float:
    """Seconds per notebook when every submission is re-executed, one after another."""
    saved = dict(os.environ)
    os.environ["MPLBACKEND"] = "Agg"
    started = time.perf_counter()
    try:
        with kernel_stderr_hidden():
            for index in range(sample):
                os.environ["SALESBOOK_STORE"] = str(tmp / f"antwoorden-{index}")
                execute(source, tmp / f"uitgevoerd-{index}.ipynb", str(100000 + index), tmp)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return (time.perf_counter() - started) / sample


def make_class(executed: Path, folder: Path, students: int, seed: int = 6) -> None:
    """``students`` notebooks with realistic records, derived from one executed notebook."""
    bank = load_chapter(1)
    rng = random.Random(seed)
    base = json.loads(executed.read_text(encoding="utf-8"))
    base["metadata"].pop("widgets", None)
    text = json.dumps(base, ensure_ascii=False)
    folder.mkdir(parents=True)
    for index in range(students):
        student = str(200000 + index)
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


def measure(students: int = STUDENTS, sample: int = SAMPLE) -> list[Goal]:
    """Baseline, class and grading as described above; the three goals of issue 6."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        bank = load_chapter(1)
        answers = {q.id: right_response(q) for q in bank.questions}
        source = answered_copy(NOTEBOOKS / "01_salesmanagement.ipynb", tmp / "bron.ipynb", answers)
        print(f"  basislijn: hoofdstuk 1 {sample}× na elkaar uitvoeren met papermill …", flush=True)
        per_notebook = baseline(source, tmp, sample)
        print(f"  klas van {students} notebooks maken …", flush=True)
        make_class(tmp / "uitgevoerd-0.ipynb", tmp / "klas", students)
        size = sum(p.stat().st_size for p in (tmp / "klas").iterdir()) / students
        print("  klas beoordelen in een nieuw proces …", flush=True)
        child = grade_in_child(tmp / "klas", tmp / "uit")
    n = students
    questions = len(bank.questions)
    print(
        f"  klas: {n} notebooks van hoofdstuk 1 ({questions} vragen), {number(size / 1024)} KB elk"
    )
    print(
        f"  opnieuw uitvoeren met papermill, na elkaar ({sample}×): {number(per_notebook)} s per "
        f"notebook → {number(per_notebook * n / 60)} min voor {n}"
    )
    print(
        f"  beoordelen uit records (JSON-parser: {child['parser']}): lezen en scoren "
        f"{number(child['core'])} s in één proces, {number(child['parallel'])} s met 2 processen"
    )
    print(
        f"  hele run met cijferlijst, {n} feedbackpagina's, klasoverzicht, LMS-bestanden en "
        f"rubriek: {number(child['total'])} s; opstarten (imports, vragenbanken) "
        f"{number(child['startup'])} s; beoordeeld {child['graded']}, problemen {child['problems']}"
    )
    print(f"  belasting tijdens het meten: {number(os.getloadavg()[0])} op {os.cpu_count()} kernen")
    fastest = n / min(child["core"], child["parallel"])
    size_note = f"klas van {format_number(n, 0)} notebooks"
    if n < STUDENTS:
        size_note += f" (het doel geldt voor {format_number(STUDENTS, 0)})"
    return [
        speed_up(
            "beoordelen",
            "Beoordelen uit records vs opnieuw uitvoeren",
            child["total"] / n,
            per_notebook,
            "s/notebook",
            GOAL_RATIO,
            "papermill na elkaar",
            f"hele run inclusief alle uitvoerbestanden; basislijn: {sample} keer uitgevoerd",
        ),
        at_least(
            "beoordelen",
            "Beoordelen: doorvoer lezen en scoren",
            fastest,
            "notebooks/s",
            GOAL_RATE,
            "na imports en laden van de vragenbanken; snelste van 1 en 2 processen",
        ),
        below("beoordelen", "Beoordelen: piekgeheugen", child["peak_mb"], "MB", GOAL_MB, size_note),
    ]


def run(quick: bool = False) -> list[Goal]:
    """The goals of this benchmark; ``quick`` uses a small class and one baseline notebook."""
    if quick:
        return measure(QUICK_STUDENTS, QUICK_SAMPLE)
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=STUDENTS)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    options = parser.parse_args()
    goals = measure(options.students, options.sample)
    print(table(goals))
    print(summary(goals))


if __name__ == "__main__":
    main()
