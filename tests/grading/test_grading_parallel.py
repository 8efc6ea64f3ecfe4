"""Reading with several processes gives exactly the result of reading one by one."""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest
from grading_helpers import GOOD, PARTIAL, load, save, set_student

from salesbook.grading import parallel, score_notebooks
from salesbook.grading.collect import collect_notebooks
from salesbook.grading.grade import load_banks
from salesbook.grading.parallel import CHUNK, PARALLEL_FROM, default_workers, read_all
from salesbook.grading.problems import ProblemLog
from salesbook.grading.score import Scorer
from salesbook.quiz import MIME_TYPE

METHODS = [
    m for m in ("fork", "forkserver", "spawn") if m in multiprocessing.get_all_start_methods()
]


@pytest.mark.slow
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


def _record(number: int, question: int) -> dict:
    return {
        "schema_version": 1,
        "question_id": f"h1.crm.{question:02d}",
        "question_version": 1,
        "question_hash": "0123456789abcdef",
        "response": [number, "x" * (number % 7)],
        "attempts": 1 + number % 3,
        "first_answered_at": "2026-11-22T09:00:00.000Z",
        "last_answered_at": f"2026-11-22T10:{number % 60:02d}:00.000Z",
        "student": str(500000 + number),
    }


def _small_class(folder, count: int) -> None:
    """``count`` small notebooks; every fifth one is damaged in its own way."""
    folder.mkdir()
    for number in range(count):
        cells = [
            {
                "cell_type": "code",
                "metadata": {},
                "source": f"wb.vraag('h1.crm.{question:02d}')",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {MIME_TYPE: _record(number, question)},
                    }
                ],
            }
            for question in range(1, 4)
        ]
        if number % 5 == 1:
            cells[1]["outputs"][0]["data"][MIME_TYPE]["attempts"] = "veel"
        notebook = {"nbformat": 4, "metadata": {}, "cells": cells}
        text = json.dumps(notebook)
        if number % 5 == 3:
            text = text[: len(text) // 2]
        (folder / f"{number:03d}.ipynb").write_text(text, encoding="utf-8")


def _read(folder, workers):
    problems = ProblemLog()
    handed = collect_notebooks(folder, ProblemLog())
    readings = [(item.name, reading) for item, reading in read_all(handed, problems, workers)]
    return readings, problems.problems


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel") / "klas"
    _small_class(folder, 7 * CHUNK + 3)
    return folder, _read(folder, 1)


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("workers", [2, 3])
def test_every_start_method_reads_exactly_as_one_by_one(small_class, monkeypatch, method, workers):
    folder, serial = small_class
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context(method))
    assert _read(folder, workers) == serial
    readings, problems = serial
    assert sum(reading is None for _, reading in readings) == 23  # the cut-off files
    assert len(problems) == 23 + 23  # plus one malformed record in every fifth from 1


def _dies_in_a_helper(handed, problems):
    if multiprocessing.parent_process() is not None:
        os._exit(3)  # a helper killed halfway (out of memory, …)
    return _really_read(handed, problems)


def _fails_in_a_helper(handed, problems):
    if multiprocessing.parent_process() is not None:
        raise MemoryError
    return _really_read(handed, problems)


_really_read = parallel.read_notebook


@pytest.mark.slow
@pytest.mark.parametrize("failing", [_dies_in_a_helper, _fails_in_a_helper])
def test_a_helper_that_fails_costs_time_not_results(small_class, monkeypatch, failing):
    folder, serial = small_class
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(parallel, "read_notebook", failing)
    assert _read(folder, 2) == serial


@pytest.mark.slow
def test_stopping_early_shuts_the_helpers_down(small_class):
    folder, serial = small_class
    handed = collect_notebooks(folder, ProblemLog())
    problems = ProblemLog()
    reader = read_all(handed, problems, 2)
    first = [next(reader) for _ in range(3)]
    reader.close()
    assert [(item.name, reading) for item, reading in first] == serial[0][:3]
    assert multiprocessing.active_children() == []


def test_small_classes_and_one_worker_are_read_in_this_process(tmp_path, monkeypatch):
    def no_helpers():
        raise AssertionError("no helper processes for this")

    monkeypatch.setattr(parallel, "_context", no_helpers)
    folder = tmp_path / "klas"
    _small_class(folder, 2 * CHUNK - 1)
    assert _read(folder, 4) == _read(folder, 1)
    assert len(_read(folder, 1)[0]) == 2 * CHUNK - 1


def test_default_workers():
    assert default_workers(PARALLEL_FROM - 1, cores=8) == 1
    assert default_workers(1000, cores=1) == 1
    assert default_workers(1000, cores=2) == 2  # the calling process and one helper
    assert default_workers(1000, cores=4) == 4
    assert default_workers(1000, cores=64) == parallel.MAX_WORKERS
