"""Reading in worker processes gives exactly the result of reading one by one."""

from __future__ import annotations

import pytest
from grading_helpers import load, save, set_student

from conftest import GOOD, PARTIAL
from salesbook.grading import score_notebooks
from salesbook.grading.collect import collect_notebooks
from salesbook.grading.grade import load_banks
from salesbook.grading.parallel import PARALLEL_FROM, default_workers
from salesbook.grading.problems import ProblemLog
from salesbook.grading.score import Scorer

pytestmark = pytest.mark.slow


def test_workers_give_the_same_scores_and_problems(tmp_path, executed):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = {GOOD: load(executed[GOOD]), PARTIAL: load(executed[PARTIAL])}
    for number in range(60):
        notebook = sources[GOOD if number % 2 else PARTIAL]
        set_student(notebook, f"3000{number:02d}")
        save(folder / f"student {number:02d}.ipynb", notebook)
    (folder / "kapot 07.ipynb").write_text("{", encoding="utf-8")
    course = load_banks({1}, ProblemLog())

    def run(workers):
        problems = ProblemLog()
        handed = collect_notebooks(folder, problems)
        scored = score_notebooks(handed, Scorer(course), problems, workers=workers)
        return [(s.student, s.file, s.score, s.results) for s in scored], problems.problems

    serial, parallel = run(1), run(2)
    assert parallel == serial
    assert len(serial[0]) == 60 and len(serial[1]) == 1
    assert {score for _, _, score, _ in serial[0]} == {127.0, 43.0}


def test_default_workers():
    assert default_workers(PARALLEL_FROM - 1, cores=8) == 1
    assert default_workers(1000, cores=2) == 1  # measured slower on 2 cores
    assert default_workers(1000, cores=4) == 4
    assert default_workers(1000, cores=16) == 4
