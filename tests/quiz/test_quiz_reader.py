"""Reading answer records from .ipynb files, including broken and hostile notebooks."""

from __future__ import annotations

import json

import pytest

from salesbook.quiz.reader import answers_from_notebook, joined, read_answer_records
from salesbook.quiz.records import MIME_TYPE, AnswerRecord


def record_json(question_id="h2.nps.01", attempts=1, last="2026-11-22T10:00:00.000Z", **extra):
    data = {
        "schema_version": 1,
        "question_id": question_id,
        "question_version": 1,
        "question_hash": "0123456789abcdef",
        "response": "10",
        "attempts": attempts,
        "first_answered_at": "2026-11-22T09:00:00.000Z",
        "last_answered_at": last,
        "variant_seed": None,
        "student": None,
    }
    data.update(extra)
    return data


def output(payload, kind="display_data"):
    return {
        "output_type": kind,
        "data": {"text/markdown": "**Vraag**", MIME_TYPE: payload},
        "metadata": {},
    }


def code(*outputs, source="wb.vraag('h2.nps.01')", tags=None):
    cell = {"cell_type": "code", "source": source, "metadata": {}, "outputs": list(outputs)}
    if tags:
        cell["metadata"]["tags"] = tags
    return cell


def notebook(*cells, metadata=None):
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": metadata or {}, "cells": list(cells)}


def save(tmp_path, content, name="student.ipynb"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(
            content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
        )
    return path


def test_reads_records_from_every_display_output_type(tmp_path):
    nb = notebook(
        {"cell_type": "markdown", "source": "# Hoofdstuk 2", "metadata": {}},
        code(
            {"output_type": "stream", "name": "stdout", "text": "hallo"},
            output(record_json("h2.nps.01")),
            source="from salesbook import werkboek as wb\nwb.start(hoofdstuk=2, studentnummer=s)",
        ),
        code(output(record_json("h2.nps.02"), "update_display_data")),
        code(output(json.dumps(record_json("h2.abc.01")), "execute_result")),  # JSON as text
    )
    answers = read_answer_records(save(tmp_path, nb))
    assert sorted(answers.records) == ["h2.abc.01", "h2.nps.01", "h2.nps.02"]
    assert answers.records["h2.nps.01"] == AnswerRecord.from_json(record_json("h2.nps.01"))
    assert answers.cells == {"h2.nps.01": 1, "h2.nps.02": 2, "h2.abc.01": 3}
    assert answers.problems == []
    assert answers.chapter == 2 and answers.student is None and answers.seed is None


def test_the_most_recent_record_per_question_counts_and_duplicates_are_noted(tmp_path):
    newer = record_json(attempts=3, last="2026-11-22T12:00:00.000Z")
    older = record_json(attempts=1, last="2026-11-22T10:00:00.000Z")
    answers = read_answer_records(
        save(tmp_path, notebook(code(output(newer)), code(output(older))))
    )
    assert answers.records["h2.nps.01"].attempts == 3 and answers.cells["h2.nps.01"] == 0
    assert answers.problems == [
        "vraag h2.nps.01 staat in meer dan één cel (cel 1 en cel 2); het laatst gegeven "
        "antwoord telt."
    ]
    same = read_answer_records(save(tmp_path, notebook(code(output(newer)), code(output(newer)))))
    assert same.problems == [] and same.cells["h2.nps.01"] == 1


def test_student_and_seed_from_papermill_metadata_win(tmp_path):
    nb = notebook(
        code(source='studentnummer = "s111"\nseed = 5', tags=["parameters"]),
        code(source='studentnummer = "s222"\nseed = 6', tags=["injected-parameters"]),
        code(output(record_json(student="s333", variant_seed=6))),
        metadata={"papermill": {"parameters": {"studentnummer": "s333", "seed": "7"}}},
    )
    answers = read_answer_records(save(tmp_path, nb))
    assert (answers.student, answers.seed) == ("s333", 7)
    nb["metadata"] = {}
    answers = read_answer_records(save(tmp_path, nb))
    assert (answers.student, answers.seed) == ("s222", 6), "the injected cell overrides defaults"
    assert answers.problems == [
        "de records noemen een ander studentnummer (s333) dan het notebook (s222)."
    ]


def test_student_and_seed_from_the_records_when_the_notebook_does_not_say(tmp_path):
    nb = notebook(
        code(source='studentnummer = ""\nseed = None', tags=["parameters"]),
        code(output(record_json("h3.team.01", student="s4", variant_seed=12))),
        code(output(record_json("h3.team.02", student="s4", variant_seed=12))),
    )
    answers = read_answer_records(save(tmp_path, nb))
    assert (answers.student, answers.seed, answers.chapter) == ("s4", 12, 3)


def test_parameters_cell_is_parsed_not_executed(tmp_path):
    nb = notebook(
        code(
            source="import os\nstudentnummer = os.system('echo gehackt')\nseed = 3",
            tags=["parameters"],
        ),
    )
    answers = read_answer_records(save(tmp_path, nb))
    assert (answers.student, answers.seed) == (None, 3)


BAD_FILES = {
    "invalid json": ('{"cells": [', "dit is geen geldig notebook (JSON-fout op regel 1)"),
    "empty file": ("", "dit is geen geldig notebook (JSON-fout op regel 1)"),
    "not utf-8": (b"\xff\xfe{}", "het bestand is geen UTF-8-tekst"),
    "json array": ("[1, 2]", "dit is geen notebook (de JSON is geen object)"),
    "nbformat 3": (
        json.dumps({"nbformat": 3, "worksheets": [{"cells": []}]}),
        "notebookformaat 3 wordt niet ondersteund",
    ),
    "no cells": (
        json.dumps({"nbformat": 4, "metadata": {}}),
        "het notebook heeft geen lijst met cellen",
    ),
    "cells not a list": (json.dumps({"nbformat": 4, "cells": {"a": 1}}), "geen lijst met cellen"),
    "deep nesting": ("[" * 100000 + "]" * 100000, "dit is geen geldig notebook (JSON-fout)"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_broken_files_become_problems_not_exceptions(tmp_path, case):
    content, message = BAD_FILES[case]
    path = save(tmp_path, content)
    answers = read_answer_records(path)
    assert answers.records == {}
    assert len(answers.problems) == 1
    assert answers.problems[0].startswith(f"{path}: ") and message in answers.problems[0]


def test_missing_file_and_directory(tmp_path):
    assert read_answer_records(tmp_path / "weg.ipynb").problems == [
        f"{tmp_path / 'weg.ipynb'}: het bestand bestaat niet."
    ]
    assert read_answer_records(tmp_path).problems == [f"{tmp_path}: dit is een map, geen notebook."]


def test_malformed_cells_outputs_and_records_are_skipped_with_the_cell_named(tmp_path):
    good = record_json("h2.nps.05")
    nb = notebook(
        "geen cel",
        {"cell_type": "code", "source": "", "outputs": "geen lijst"},
        code("geen uitvoer", {"output_type": "display_data", "data": ["x"]}),
        code(output(record_json(attempts="veel"))),
        code(output(record_json(schema_version=99))),
        code(output("{niet: json")),
        code(output(record_json(response="x" * 20000))),
        code(output(good)),
        {"cell_type": "markdown", "source": "tekst", "outputs": [output(record_json("h2.nps.09"))]},
    )
    answers = read_answer_records(save(tmp_path, nb))
    assert list(answers.records) == ["h2.nps.05"]
    problems = answers.problems
    assert problems[0] == "cel 1: geen geldige cel, overgeslagen."
    assert problems[1] == "cel 2: de uitvoer is geen lijst en is overgeslagen."
    assert problems[2] == "cel 3, uitvoer 1: geen geldige uitvoer, overgeslagen."
    assert problems[3] == "cel 3, uitvoer 2: geen geldige data, overgeslagen."
    assert problems[4].startswith(
        "cel 4, uitvoer 1: ongeldig antwoordrecord, overgeslagen (attempts"
    )
    assert problems[5].startswith(
        "cel 5, uitvoer 1: ongeldig antwoordrecord, overgeslagen (Onbekende"
    )
    assert problems[6].startswith("cel 6, uitvoer 1: ongeldig antwoordrecord")
    assert "te groot" in problems[7] and problems[7].startswith("cel 7")
    assert len(problems) == 8


def test_answers_from_an_already_parsed_notebook():
    answers = answers_from_notebook(notebook(code(output(record_json()))), "x.ipynb")
    assert list(answers.records) == ["h2.nps.01"] and answers.path == "x.ipynb"
    assert answers_from_notebook(None).problems == [
        "notebook: dit is geen notebook (de JSON is geen object)."
    ]


def test_chapter_from_notebook_metadata_first(tmp_path):
    nb = notebook(code(output(record_json())), metadata={"salesbook": {"chapter": 5}})
    assert read_answer_records(save(tmp_path, nb)).chapter == 5


def test_sources_name_the_output_the_counted_record_was_read_from():
    newer = record_json(attempts=3, last="2026-11-22T12:00:00.000Z", correct=True)
    older = record_json(attempts=1, last="2026-11-22T10:00:00.000Z")
    nb = notebook(code(output(newer)), code(output(json.dumps(older), "execute_result")))
    sources: dict = {}
    answers = answers_from_notebook(nb, "x.ipynb", sources=sources)
    payload, data = sources["h2.nps.01"]
    assert answers.cells["h2.nps.01"] == 0 and answers.records["h2.nps.01"].attempts == 3
    assert payload == newer and data is nb["cells"][0]["outputs"][0]["data"]
    assert list(sources) == ["h2.nps.01"]
    assert answers_from_notebook(nb).records == answers.records, "sources change nothing"


def test_parameters_are_kept_with_papermill_metadata_last():
    nb = notebook(
        code(source='studentnummer = "s1"\nseed = 5\nregio = ["Noord"]', tags=["parameters"]),
        {"cell_type": "markdown", "source": "seed = 99", "metadata": {"tags": []}},
        code(source="seed = 6\nkapot = open('x')", tags=["injected-parameters"]),
        metadata={"papermill": {"parameters": {"regio": "", "extra": 2}}},
    )
    answers = answers_from_notebook(nb)
    assert answers.parameters == {"studentnummer": "s1", "seed": 6, "regio": ["Noord"], "extra": 2}
    assert (answers.student, answers.seed) == ("s1", 6)


def test_text_stored_as_lines_is_joined_and_junk_left_out():
    assert joined(["a\n", "b"]) == "a\nb"
    assert joined(["a", 5, None, "b"]) == "ab"
    assert joined("ab") == "ab" and joined(None) is None and joined({"x": 1}) == {"x": 1}
    nb = notebook(code(source=["wb.start(", 3, "hoofdstuk=4)"]))
    assert answers_from_notebook(nb).chapter == 4
