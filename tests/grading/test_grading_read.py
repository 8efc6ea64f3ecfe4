"""Reading one notebook: hostile and damaged content becomes Dutch problems, never a crash."""

from __future__ import annotations

import gc
import json

import pytest
from grading_helpers import GOOD, load, record_outputs

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


def _record(qid, last="2026-11-22T10:00:00.000Z", **extra):
    return {
        "schema_version": 1,
        "question_id": qid,
        "question_version": 1,
        "question_hash": "0123456789abcdef",
        "response": 1,
        "attempts": 1,
        "first_answered_at": "2026-11-22T09:00:00.000Z",
        "last_answered_at": last,
        **extra,
    }


def _cell(source, *records, claim="Goed"):
    outputs = [
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {
                "text/markdown": [f"**Vraag {r['question_id']}** · {claim} · 1 van 1 punt\n"],
                MIME_TYPE: r,
            },
        }
        for r in records
    ]
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": outputs}


def test_claims_extra_fields_and_asking_cells_come_from_the_counted_record(tmp_path):
    older = _record("h1.crm.01", correct=True, score=99)
    newer = _record("h1.crm.01", last="2026-11-22T11:00:00.000Z")
    notebook = {
        "nbformat": 4,
        "metadata": {},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "wb.vraag('h1.crm.09')"},
            _cell(["wb.vraag(", "'h1.crm.01')"], older, claim="Fout"),
            _cell('wb.vraag("h1.crm.01")\nwb.vragen("h1-crm")', newer),
            _cell(
                "wb.oefening('h1.crm.02')",
                _record("h1.crm.02", hacked="x" * 60),
                claim="Deels goed",
            ),
        ],
    }
    path = tmp_path / "student.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    for _ in range(2):  # the second time the cells' sources come from the cache
        reading, problems = _read(path)
        assert reading.answers.cells == {"h1.crm.01": 2, "h1.crm.02": 3}
        assert reading.claims == {"h1.crm.01": "goed", "h1.crm.02": "deels goed"}
        assert reading.extra_fields == {"h1.crm.02": ["hacked"]}, "the forged older record lost"
        assert reading.asked == {"h1.crm.01": [2, 3], "h1-crm": [3], "h1.crm.02": [4]}
        assert [p.what for p in problems] == [
            "vraag h1.crm.01 staat in meer dan één cel (cel 2 en cel 3); het laatst gegeven "
            "antwoord telt."
        ]


def test_the_garbage_collector_is_paused_only_while_reading(tmp_path):
    path = tmp_path / "student.ipynb"
    path.write_text('{"cells": [', encoding="utf-8")
    assert gc.isenabled()
    _read(path)
    assert gc.isenabled()
    gc.disable()
    try:
        _read(path)
        assert not gc.isenabled(), "left as the caller had it"
    finally:
        gc.enable()
