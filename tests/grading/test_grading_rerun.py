"""Verify by re-execution: an edited code answer is flagged, an honest one is not."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest

from salesbook.cli import main
from salesbook.grading.batch import run_notebooks
from salesbook.grading.rerun import (
    compare_answers,
    exercise_ids,
    same_response,
    show_response,
    verify_by_rerun,
)
from salesbook.quiz import MIME_TYPE, AnswerRecord
from salesbook.quiz.reader import NotebookAnswers

TEST_BANK = Path(__file__).parents[1] / "ui" / "testbank.yaml"
SETUP = (
    "from salesbook import werkboek as wb\n\n"
    f"wb.start(hoofdstuk=2, studentnummer=studentnummer, seed=seed, bank={str(TEST_BANK)!r})"
)
# student 123456 gets 40 promoters in h2.reken.02: NPS = (40 − 20) / (40 + 100 + 20) × 100
EXERCISE = (
    "promoters, passives, detractors = 40, 100, 20\n"
    "nps = (promoters - detractors) / (promoters + passives + detractors) * 100\n"
    "oef.controleer(nps)"
)


def code(source, tags=None):
    metadata = {"tags": tags} if tags else {}
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": metadata,
        "outputs": [],
        "source": source,
    }


def write_notebook(path: Path, cells: list) -> Path:
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 4,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "cells": cells,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def record(qid, response, seed=None, **changes) -> AnswerRecord:
    data = {
        "schema_version": 1,
        "question_id": qid,
        "question_version": 1,
        "question_hash": "0123456789abcdef",
        "response": response,
        "attempts": 1,
        "first_answered_at": "2026-11-22T10:15:30.123Z",
        "last_answered_at": "2026-11-22T10:15:30.123Z",
        "variant_seed": seed,
        "student": "123456",
    }
    return AnswerRecord.from_json({**data, **changes})


def answers(*records: AnswerRecord) -> NotebookAnswers:
    found = NotebookAnswers("x.ipynb")
    for index, item in enumerate(records):
        found.records[item.question_id] = item
        found.cells[item.question_id] = index + 3
    return found


def record_output(notebook: dict, qid: str) -> dict:
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME_TYPE in data and data[MIME_TYPE]["question_id"] == qid:
                return data[MIME_TYPE]
    raise AssertionError(f"no record for {qid}")


def test_exercise_ids_are_read_from_code_cells():
    notebook = {
        "cells": [
            code('oef = wb.oefening("h2.abc.01")'),
            code(["x = 1\n", "b = wb.oefening(vraag_id='h3.franke.02')"]),
            {"cell_type": "markdown", "source": 'wb.oefening("h9.tekst.01")'},
            code('v = wb.vraag("h2.keuze.01")'),
        ]
    }
    assert exercise_ids(notebook) == {"h2.abc.01", "h3.franke.02"}
    assert exercise_ids("geen notebook") == set()


def test_same_response_allows_rounding_noise_only():
    assert same_response(12.5, 12.500000000000002)
    assert not same_response(12.5, 12.6)
    assert not same_response("10", 10)  # text typed is not the number computed
    assert not same_response(True, 1)
    assert same_response([1, {"a": 2.0}], [1, {"a": 2}])
    assert not same_response({"a": 1}, {"a": 1, "b": 2})


def test_responses_are_shown_in_dutch_notation():
    assert [show_response(v) for v in (12.5, 20.0, 1250.5, "tekst")] == [
        "12,5",
        "20",
        "1.250,5",
        '"tekst"',
    ]


def test_only_code_answers_are_compared():
    submitted = answers(
        record("h2.reken.02", 20.0, seed=7),  # exercise, edited
        record("h2.keuze.01", 0),  # a click: cannot be re-produced, not compared
        record("h2.reken.01", "10"),  # v.antwoord("10") in code: re-produced
        record("h2.reken.03", 4.0),  # exercise whose code no longer gives an answer
    )
    rerun = answers(
        record("h2.reken.02", 12.5, seed=7),
        record("h2.reken.01", "10"),
        record("h2.orden.01", ["a"]),  # answered in the rerun but not handed in: ignored
    )
    checked, differences = compare_answers(submitted, rerun, {"h2.reken.02", "h2.reken.03"})
    assert checked == ["h2.reken.01"]
    assert [(d.question_id, d.cell, d.recorded, d.reproduced) for d in differences] == [
        ("h2.reken.02", 4, 20.0, 12.5),
        ("h2.reken.03", 7, 4.0, None),
    ]
    assert differences[0].reason == (
        "mogelijk handmatig aangepast: in het notebook staat 20, opnieuw uitvoeren geeft 12,5."
    )
    assert "opnieuw uitvoeren geeft op deze oefening geen antwoord" in differences[1].reason


def test_another_variant_is_flagged():
    submitted = answers(record("h2.reken.02", 12.5, seed=1))
    rerun = answers(record("h2.reken.02", 12.5, seed=123456))
    _, (difference,) = compare_answers(submitted, rerun, {"h2.reken.02"})
    assert "hoort bij variant 1, opnieuw uitvoeren geeft variant 123456" in difference.reason


@pytest.fixture(scope="module")
def verified(tmp_path_factory):
    """Hand in four notebooks (honest, edited, code removed, an error) and check them (~10 s)."""
    tmp = tmp_path_factory.mktemp("rerun")
    source = write_notebook(
        tmp / "h2.ipynb",
        [
            code('studentnummer = ""\nseed = None', ["parameters"]),
            code(SETUP),
            code('v = wb.vraag("h2.reken.01")\nv.antwoord("10")'),
            code('oef = wb.oefening("h2.reken.02")'),
            code(EXERCISE),
        ],
    )
    executed = run_notebooks(
        [source], tmp / "uitgevoerd", parameters={"studentnummer": "123456"}, progress=False
    )
    assert executed.exit_code == 0, executed.table()
    handed = json.loads((tmp / "uitgevoerd" / "h2.ipynb").read_text(encoding="utf-8"))
    assert record_output(handed, "h2.reken.02")["response"] == 12.5
    folder = tmp / "ingeleverd"
    folder.mkdir()
    honest = copy.deepcopy(handed)  # plus an answer given by a click (no code)
    click = code('keuze = wb.vraag("h2.keuze.01")')
    click["outputs"] = [
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {"text/markdown": "Goed", MIME_TYPE: record("h2.keuze.01", 0).to_json()},
        }
    ]
    honest["cells"].append(click)
    (folder / "eerlijk.ipynb").write_text(json.dumps(honest), encoding="utf-8")
    edited = copy.deepcopy(handed)
    record_output(edited, "h2.reken.02")["response"] = 20.0
    (folder / "aangepast.ipynb").write_text(json.dumps(edited), encoding="utf-8")
    removed = copy.deepcopy(handed)
    removed["cells"][-1]["source"] = "nps = 20.0  # oef.controleer niet meer aangeroepen"
    (folder / "zonder_code.ipynb").write_text(json.dumps(removed), encoding="utf-8")
    failing = copy.deepcopy(handed)  # a cell that raises before the answers: the rest still runs
    failing["cells"].insert(3, code("1 / 0"))
    (folder / "met_fout.ipynb").write_text(json.dumps(failing), encoding="utf-8")
    argv = ["controleren", str(folder), "--uitvoer", str(tmp / "controle"), "--processen", "2"]
    exit_code = main([*argv, "--timeout", "120", "--stil"])
    return exit_code, tmp / "controle"


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


@pytest.mark.slow
def test_rerun_flags_the_edited_record_and_not_the_honest_one(verified):
    exit_code, folder = verified
    assert exit_code == 1
    rows = {row["notebook"]: row for row in read_csv(folder / "controle.csv")}
    assert rows["eerlijk.ipynb"]["status"] == "in orde"
    assert rows["eerlijk.ipynb"]["gelijk"] == "2"  # h2.reken.01 and h2.reken.02, not the click
    assert rows["eerlijk.ipynb"]["seed"] == "123456"
    assert rows["aangepast.ipynb"]["status"] == "afwijking"
    assert rows["zonder_code.ipynb"]["status"] == "afwijking"
    # cells: parameters, injected parameters, setup, 1 / 0 (4), question, exercise, code
    assert (rows["met_fout.ipynb"]["status"], rows["met_fout.ipynb"]["gelijk"]) == ("in orde", "2")
    assert rows["met_fout.ipynb"]["toelichting"] == (
        "bij opnieuw uitvoeren gaf een cel een fout "
        "(cel 4 (In [4]): ZeroDivisionError: division by zero)."
    )
    differences = {row["notebook"]: row for row in read_csv(folder / "afwijkingen.csv")}
    assert set(differences) == {"aangepast.ipynb", "zonder_code.ipynb"}
    edited = differences["aangepast.ipynb"]
    # handed-in cells: parameters, injected parameters, setup, question, exercise (5), code
    assert (edited["vraag"], edited["cel"]) == ("h2.reken.02", "5")
    assert (edited["in het notebook"], edited["opnieuw uitgevoerd"]) == ("20", "12,5")
    assert edited["toelichting"].startswith("mogelijk handmatig aangepast")
    assert differences["zonder_code.ipynb"]["opnieuw uitgevoerd"] == "(geen antwoord)"


@pytest.mark.slow
def test_rerun_keeps_the_re_executed_notebooks(verified):
    _, folder = verified
    again = json.loads((folder / "heruitgevoerd" / "aangepast.ipynb").read_text(encoding="utf-8"))
    assert record_output(again, "h2.reken.02")["response"] == 12.5
    assert record_output(again, "h2.reken.02")["variant_seed"] == 123456


@pytest.mark.slow
def test_timeout_and_broken_files_are_flagged_not_fatal(tmp_path):
    sleeper = write_notebook(tmp_path / "traag.ipynb", [code("import time\ntime.sleep(60)")])
    broken = tmp_path / "kapot.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    report = verify_by_rerun([sleeper, broken], workers=2, timeout_per_notebook=5, progress=False)
    slow, unreadable = report.checks
    assert slow.status == unreadable.status == "niet te controleren"
    assert slow.note.startswith("opnieuw uitvoeren lukte niet: ")  # "cel 1: " once it started
    assert slow.note.endswith("het notebook was na 5 seconden nog niet klaar en is afgebroken.")
    assert slow.seconds < 30
    assert unreadable.note == (
        "opnieuw uitvoeren lukte niet: dit is geen geldig notebook (JSON-fout op regel 1)."
    )
    assert report.exit_code == 1


@pytest.mark.slow
def test_the_memory_limit_holds_for_the_kernel(tmp_path):
    hog = write_notebook(tmp_path / "gulzig.ipynb", [code("x = bytearray(3 * 1024**3)")])
    report = verify_by_rerun([hog], workers=1, memory_limit_mb=1024, progress=False)
    (greedy,) = report.checks
    assert greedy.status == "niet te controleren"
    assert "cel 1 (In [1]): MemoryError" in greedy.note
    assert "geheugenlimiet van 1.024 MB" in greedy.note
