"""Reading one notebook: hostile and damaged content becomes Dutch problems, never a crash."""

from __future__ import annotations

import json

import pytest
from grading_helpers import load, record_outputs

from conftest import GOOD
from salesbook.grading.collect import Handed
from salesbook.grading.problems import ProblemLog
from salesbook.grading.read import read_notebook
from salesbook.quiz import MIME_TYPE


def _read(path):
    problems = ProblemLog()
    handed = Handed(path, path.name, path.stat().st_size, path.stat().st_mtime)
    return read_notebook(handed, problems), problems.problems


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "het bestand is leeg"),
        (b"   \n", "het bestand is leeg"),
        (b"\x89PNG\r\n\x1a\n\xff\xfe", "geen tekst (UTF-8)"),
        (b'{"cells": [', "de JSON is beschadigd (regel 1, kolom 12)"),
        (b"[1, 2]", "dit is geen notebook (de JSON is geen object)"),
        (b'{"nbformat": 4, "cells": {}}', "het notebook heeft geen lijst met cellen"),
        (b"[" * 100_000, "de JSON is beschadigd"),
    ],
)
def test_damaged_files(tmp_path, content, words):
    path = tmp_path / "student.ipynb"
    path.write_bytes(content)
    reading, problems = _read(path)
    assert reading is None
    assert len(problems) == 1 and words in problems[0].what, problems


@pytest.mark.slow
def test_huge_output_bom_and_malformed_record(tmp_path, executed):
    notebook = load(executed[GOOD])
    notebook["metadata"].pop("widgets", None)
    notebook["cells"][-1]["outputs"].append(
        {"output_type": "stream", "name": "stdout", "text": ["x" * 80 + "\n"] * 60_000}
    )  # about 5 MB of printed output: read normally
    broken = record_outputs(notebook)["h1.crm.02"]["data"][MIME_TYPE]
    broken["attempts"] = "veel"
    as_text = record_outputs(notebook)["h1.crm.03"]["data"]
    as_text[MIME_TYPE] = json.dumps(as_text[MIME_TYPE])  # a record stored as a JSON string
    path = tmp_path / "student.ipynb"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(notebook).encode("utf-8"))
    assert path.stat().st_size > 5_000_000
    reading, problems = _read(path)
    assert reading is not None and reading.answers.student == GOOD
    assert "h1.crm.03" in reading.answers.records
    assert "h1.crm.02" not in reading.answers.records
    (problem,) = problems
    assert problem.kind == "record" and problem.cell is not None
    assert "ongeldig antwoordrecord, overgeslagen (attempts moet een geheel getal" in problem.what
