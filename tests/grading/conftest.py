"""A class of real executed notebooks, built once per test session (papermill, ~25 s)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from grading_helpers import (
    FORMULA,
    GOOD,
    HOSTILE,
    NOTEBOOKS,
    PARTIAL,
    WELCOME,
    answered_copy,
    execute,
    hand_in,
    load,
    record_outputs,
    right_response,
    save,
    set_student,
    wrong_response,
)

from salesbook.quiz import MIME_TYPE, load_chapter


def partial_responses(bank) -> dict:
    """Question i of the bank: i % 3 == 0 right, 1 wrong, 2 not answered; open: always."""
    responses = {}
    for index, question in enumerate(bank.questions):
        if question.type == "open":
            responses[question.id] = HOSTILE
        elif index % 3 == 0:
            responses[question.id] = right_response(question)
        elif index % 3 == 1:
            responses[question.id] = wrong_response(question)
    return responses


def welcome_notebook(path: Path) -> Path:
    """A small chapter-0 notebook with every welcome question (one is parameterised)."""
    bank = load_chapter(0)

    def cell(source, tags=None):
        return {
            "id": f"cel-{len(source)}-{abs(hash(source)) % 10**8}",
            "cell_type": "code",
            "execution_count": None,
            "metadata": {"tags": tags} if tags else {},
            "outputs": [],
            "source": source,
        }

    cells = [
        cell('studentnummer = ""\nseed = None', ["parameters"]),
        cell(
            "from salesbook import werkboek as wb\n\nwb.start(hoofdstuk=0, "
            "studentnummer=studentnummer, seed=seed)"
        ),
        *(cell(f'wb.vraag("{q.id}")') for q in bank.questions),
    ]
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def executed(tmp_path_factory) -> dict[str, Path]:
    """Executed notebooks: chapter 1 all right, chapter 1 partial, chapter 0 (welcome)."""
    tmp = tmp_path_factory.mktemp("uitgevoerd")
    bank1 = load_chapter(1)
    welcome = load_chapter(0)
    good = {q.id: right_response(q) for q in bank1.questions}
    welcome_answers = {q.id: right_response(q, int(WELCOME)) for q in welcome.questions}
    welcome_answers["h0.cursus.01"] = [0, 1, 3]  # two of three right, one wrong: partial
    chapter = NOTEBOOKS / "01_salesmanagement.ipynb"
    sources = {
        GOOD: answered_copy(chapter, tmp / "goed-bron.ipynb", good),
        PARTIAL: answered_copy(chapter, tmp / "deels-bron.ipynb", partial_responses(bank1)),
        WELCOME: answered_copy(
            welcome_notebook(tmp / "welkom-leeg.ipynb"), tmp / "welkom-bron.ipynb", welcome_answers
        ),
    }
    paths = {}
    for student, source in sources.items():
        with pytest.MonkeyPatch.context() as patch:
            # every student has an answer store of their own, as on their own laptop
            patch.setenv("SALESBOOK_STORE", str(tmp / f"antwoorden-{student}"))
            patch.setenv("MPLBACKEND", "Agg")
            paths[student] = execute(source, tmp / f"{student}-uitgevoerd.ipynb", student, tmp)
    return paths


@pytest.fixture
def class_folder(tmp_path, executed) -> Path:
    """An empty hand-in folder; tests copy the executed notebooks they need into it."""
    folder = tmp_path / "ingeleverd"
    folder.mkdir()
    return folder


UNKNOWN_QID, DELETED_QID, CHANGED_KEY_QID = (
    "h1.salesmanagement.02",
    "h1.omgeving.01",
    "h1.omgeving.03",
)


def build_class(folder: Path, executed: dict[str, Path]) -> Path:
    """The class of the acceptance tests (chapter 1); see test_grading_grade.py for who's who."""
    folder.mkdir(parents=True, exist_ok=True)
    good = hand_in(folder, executed[GOOD], f"{GOOD}.ipynb")
    partial = hand_in(folder, executed[PARTIAL], f"{PARTIAL}.ipynb")
    hand_in(folder, executed[WELCOME], f"welkom {WELCOME}.ipynb")  # another chapter
    os.utime(partial, (2_000_000_000, 2_000_000_000))
    duplicate = folder / "inleveringen" / f"{PARTIAL} (1).ipynb"  # same answers, older file
    duplicate.parent.mkdir()
    shutil.copy(partial, duplicate)
    os.utime(duplicate, (1_900_000_000, 1_900_000_000))
    text = good.read_text(encoding="utf-8")
    (folder / "kapot.ipynb").write_text(text[: len(text) // 2], encoding="utf-8")
    old = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}
    (folder / "oud formaat.ipynb").write_text(json.dumps(old), encoding="utf-8")
    (folder / os.fsdecode(b"rommel-\xff.ipynb")).write_bytes(bytes(range(256)) * 40)
    (folder / "groot.ipynb").write_bytes(b" " * (20 * 1024 * 1024 + 1))
    (folder / "notities.txt").write_text("geen notebook", encoding="utf-8")

    tampered = load(executed[PARTIAL])
    set_student(tampered, "100004")
    outputs = record_outputs(tampered)
    for qid in ("h1.salesmanagement.02", "h1.omgeving.03"):  # wrong answers, text says "Goed"
        data = outputs[qid]["data"]
        markdown = "".join(data["text/markdown"])
        data["text/markdown"] = markdown.replace("· Fout ·", "· Goed ·", 1)
    outputs["h1.salesmanagement.05"]["data"][MIME_TYPE]["correct"] = True  # wrong, forged flag
    save(folder / "100004 gemanipuleerd.ipynb", tampered)

    edited = load(executed[GOOD])
    set_student(edited, "100005")
    outputs = record_outputs(edited)
    outputs[UNKNOWN_QID]["data"][MIME_TYPE]["question_id"] = "h1.bestaatniet.01"
    outputs[CHANGED_KEY_QID]["data"][MIME_TYPE]["question_hash"] = "0000000000000000"
    cells = edited["cells"]
    deleted = next(c for c in cells if f'"{DELETED_QID}"' in "".join(c["source"]))
    cells.remove(deleted)
    copied = next(c for c in cells if '"h1.crm.01"' in "".join(c["source"]))
    cells.insert(cells.index(copied), json.loads(json.dumps(copied)))  # a duplicated cell
    save(folder / "100005.ipynb", edited)

    hostile = load(executed[GOOD])
    set_student(hostile, FORMULA)
    save(folder / "naam\tmet\nstuurtekens é <b>.ipynb", hostile)
    return folder


@pytest.fixture(scope="session")
def klas(tmp_path_factory, executed) -> Path:
    """The class folder (do not change it in a test: copy it)."""
    return build_class(tmp_path_factory.mktemp("klas") / "ingeleverd", executed)


@pytest.fixture(scope="session")
def graded(tmp_path_factory, klas):
    """The class graded once for chapter 1: (report, output folder)."""
    from datetime import datetime

    from salesbook.grading import grade_folder

    output = tmp_path_factory.mktemp("resultaten") / "uit"
    report = grade_folder(
        klas, output, chapters=[1], progress=False, now=datetime(2026, 11, 22, 10, 15)
    )
    return report, output
