"""Student release: solutions removed, exercise outputs cleared, personal copies per student."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from salesbook.cli import main
from salesbook.exceptions import SalesbookError
from salesbook.grading.release import (
    PER_STUDENT_DIR,
    make_student_release,
    read_students,
    student_notebook,
    student_seed,
)
from salesbook.quiz import MIME_TYPE, read_answer_records

RECORD = {
    "schema_version": 1,
    "question_id": "h9.reken.01",
    "question_version": 1,
    "question_hash": "0123456789abcdef",
    "response": 12.5,
    "attempts": 1,
    "first_answered_at": "2026-11-22T10:15:30.123Z",
    "last_answered_at": "2026-11-22T10:15:30.123Z",
    "variant_seed": None,
    "student": "docent",
}


def code(source, outputs=(), tags=None, count=None):
    metadata = {"tags": list(tags)} if tags else {}
    return {
        "cell_type": "code",
        "execution_count": count,
        "metadata": metadata,
        "outputs": list(outputs),
        "source": source,
    }


def markdown(source, tags=None):
    return {"cell_type": "markdown", "metadata": {"tags": tags} if tags else {}, "source": source}


def master_notebook() -> dict:
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
            "papermill": {"parameters": {"studentnummer": "docent"}},
        },
        "cells": [
            markdown("# Hoofdstuk 9"),
            code('studentnummer = ""\nseed = None', tags=["parameters"], count=1),
            code('studentnummer = "docent"', tags=["injected-parameters"], count=2),
            code("print(2 + 2)", [{"output_type": "stream", "name": "stdout", "text": "4\n"}]),
            code(
                "antwoord = 40 / 160 * 100\nantwoord",
                [{"output_type": "execute_result", "data": {"text/plain": "25.0"}}],
                tags=["oefening"],
                count=4,
            ),
            code("antwoord = (40 - 20) / 160 * 100", tags=["solution"]),
            markdown("**Uitwerking**: 12,5.", tags=["oplossing"]),
            code(
                'v = wb.vraag("h9.reken.01")',
                [
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {
                            "text/plain": "Vraag",
                            "application/vnd.jupyter.widget-view+json": {"model_id": "ab"},
                        },
                    },
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {
                            "text/markdown": "**Vraag h9.reken.01** · Goed",
                            MIME_TYPE: RECORD,
                        },
                    },
                ],
                count=6,
            ),
            code(
                "grafiek",
                [{"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBO"}}],
                count=7,
            ),
        ],
    }


@pytest.fixture
def masters(tmp_path) -> Path:
    folder = tmp_path / "master"
    folder.mkdir()
    (folder / "h9.ipynb").write_text(json.dumps(master_notebook()), encoding="utf-8")
    return folder


def test_student_version_removes_solutions_and_clears_exercise_outputs():
    master = master_notebook()
    before = json.dumps(master)
    release, removed, cleared = student_notebook(master)
    assert json.dumps(master) == before  # the master itself is untouched
    assert (removed, cleared) == (2, 2)  # solution + oplossing; exercise + question cell
    sources = [cell["source"] for cell in release["cells"]]
    assert sources == [
        "# Hoofdstuk 9",
        'studentnummer = ""\nseed = None',
        "print(2 + 2)",
        "antwoord = 40 / 160 * 100\nantwoord",
        'v = wb.vraag("h9.reken.01")',
        "grafiek",
    ]
    cells = release["cells"]
    assert cells[2]["outputs"][0]["text"] == "4\n"  # worked example keeps its output
    assert cells[3]["outputs"] == [] and cells[3]["execution_count"] is None  # exercise
    assert cells[4]["outputs"] == []  # the teacher's answer record is never handed out
    assert cells[5]["outputs"][0]["data"]["image/png"] == "iVBO"
    assert "widgets" not in release["metadata"] and "papermill" not in release["metadata"]
    assert MIME_TYPE not in json.dumps(release)
    assert "docent" not in json.dumps(release)


def test_release_without_students_writes_one_version_per_master(masters, tmp_path):
    report = make_student_release(masters, tmp_path / "uit")
    assert report.notebooks == [tmp_path / "uit" / "h9.ipynb"]
    assert report.per_student == []
    written = json.loads(report.notebooks[0].read_text(encoding="utf-8"))
    assert len(written["cells"]) == 6
    assert "2 oplossingscellen verwijderd, uitvoer van 2 cellen gewist" in report.summary()


def test_per_student_copies_have_their_own_seed_in_an_injected_cell(masters, tmp_path):
    students = {"123456": student_seed("123456"), "s-2041": student_seed("s-2041")}
    report = make_student_release(masters, tmp_path / "uit", per_student=students)
    folder = tmp_path / "uit" / PER_STUDENT_DIR
    assert report.per_student == [folder / "123456_h9.ipynb", folder / "s-2041_h9.ipynb"]
    expected = {
        "123456": 123456,  # a number of digits is its own seed, as in wb.start
        "s-2041": int(hashlib.sha256(b"s-2041").hexdigest()[:12], 16),
    }
    for student, path in zip(students, report.per_student, strict=True):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        tags = [cell["metadata"].get("tags", []) for cell in notebook["cells"]]
        assert tags[1] == ["parameters"] and tags[2] == ["injected-parameters"]
        assert sum("injected-parameters" in t for t in tags) == 1
        source = "".join(notebook["cells"][2]["source"])
        assert f'studentnummer = "{student}"' in source
        assert f"seed = {expected[student]}" in source
        answers = read_answer_records(path)  # the grader reads the same student and seed
        assert (answers.student, answers.seed) == (student, expected[student])
    assert expected["123456"] != expected["s-2041"]


def test_release_refuses_to_overwrite_the_masters(masters):
    with pytest.raises(SalesbookError, match="masters overschreven"):
        make_student_release(masters, masters)


def test_release_of_a_broken_master_names_the_file(tmp_path):
    folder = tmp_path / "master"
    folder.mkdir()
    (folder / "kapot.ipynb").write_text("{geen json", encoding="utf-8")
    with pytest.raises(SalesbookError, match=re.escape("kapot.ipynb is geen leesbaar notebook")):
        make_student_release(folder, tmp_path / "uit")


def test_read_students_from_dutch_excel_csv(tmp_path):
    path = tmp_path / "studenten.csv"
    path.write_bytes(
        "naam;studentnummer\r\nAnna;123456\r\nBram;s-2041\r\n;\r\n".encode("utf-8-sig")
    )
    assert read_students(path) == {
        "123456": 123456,
        "s-2041": int(hashlib.sha256(b"s-2041").hexdigest()[:12], 16),
    }


def test_read_students_with_commas_and_an_explicit_seed(tmp_path):
    path = tmp_path / "studenten.csv"
    path.write_text("Studentnummer,Seed\n100001,7\n100002,\n", encoding="utf-8")
    assert read_students(path) == {"100001": 7, "100002": 100002}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("naam;nummer\nAnna;1\n", "geen kolom 'studentnummer'"),
        ("studentnummer\n100001\n100001\n", "regel 3: studentnummer 100001 staat er al eerder in"),
        ("studentnummer;seed\n100001;zeven\n", "regel 2: seed 'zeven' is geen geheel getal"),
        ("studentnummer;naam\n;Anna\n", "regel 2: het studentnummer is leeg"),
        ("studentnummer\n", "bevat geen studentnummers"),
    ],
)
def test_read_students_reports_problems_in_dutch(tmp_path, text, message):
    path = tmp_path / "studenten.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SalesbookError, match=re.escape(message)):
        read_students(path)


def test_release_command_prints_a_dutch_summary(masters, tmp_path, capsys):
    students = tmp_path / "studenten.csv"
    students.write_text("studentnummer\n100001\n100002\n", encoding="utf-8")
    argv = ["uitdelen", str(masters), "--uitvoer", str(tmp_path / "uit")]
    assert main([*argv, "--studenten", str(students)]) == 0
    out = capsys.readouterr().out
    assert "1 studentversies geschreven." in out
    assert "2 persoonlijke kopieën in per-student/." in out
