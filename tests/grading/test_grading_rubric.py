"""Manual grading: rubric sheet out, filled in, read back; grading again keeps the scores.

Chapter 1 has four open questions: h1.accountmanagement.07 (6 points), h1.propositie.07 (3),
h1.netwerken.05 (3) and h1.crm.07 (5), 17 points in all.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from grading_helpers import GOOD, HOSTILE, PARTIAL, hand_in, load, record_outputs, save
from openpyxl import load_workbook

from salesbook.grading import grade_folder
from salesbook.quiz import MIME_TYPE

pytestmark = pytest.mark.slow
OPEN = {"h1.accountmanagement.07": 6, "h1.propositie.07": 3, "h1.netwerken.05": 3, "h1.crm.07": 5}


@pytest.fixture
def two(tmp_path, executed):
    folder = tmp_path / "in"
    folder.mkdir()
    hand_in(folder, executed[GOOD], f"{GOOD}.ipynb")
    hand_in(folder, executed[PARTIAL], f"{PARTIAL}.ipynb")
    return folder, tmp_path / "uit"


def _grade(folder, output, **options):
    return grade_folder(folder, output, chapters=[1], progress=False, **options)


def _row(report, student):
    return report.gradebook.set_index("studentnummer").loc[student]


def _fill(path, target, scores):
    workbook = load_workbook(path)
    sheet = workbook["Nakijkblad"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        student, qid = row[header.index("studentnummer")].value, row[header.index("vraag-id")].value
        if (student, qid) in scores:
            score, comment = scores[(student, qid)]
            row[header.index("score")].value = score
            row[header.index("opmerking")].value = comment
    workbook.save(target)
    return target


def test_rubric_round_trip_keeps_manual_scores(two, tmp_path):
    folder, output = two
    first = _grade(folder, output)
    assert _row(first, GOOD)["Nog na te kijken"] == 4
    sheet = load_workbook(output / "nakijkblad.xlsx")["Nakijkblad"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["studentnummer", "vraag-id", "maximum", "score", "opmerking"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted((r[0], r[1]) for r in rows) == sorted(
        (student, qid) for student in (GOOD, PARTIAL) for qid in OPEN
    )
    hostile = next(r for r in rows if r[0] == PARTIAL and r[1] == "h1.crm.07")
    assert hostile[header.index("antwoord van de student")] == HOSTILE
    assert hostile[header.index("maximum")] == 5 and hostile[header.index("score")] is None
    assert "(" in hostile[header.index("criteria")] and "pt)" in hostile[header.index("criteria")]

    scores = {(GOOD, qid): (points, "Prima!") for qid, points in OPEN.items()}
    scores[(PARTIAL, "h1.crm.07")] = ("1,5", "Geen voorbeeld gegeven.")
    filled = _fill(output / "nakijkblad.xlsx", tmp_path / "ingevuld.xlsx", scores)
    second = _grade(folder, output, rubric=filled)
    assert [(r.imported, r.unchanged) for r in second.rubric_imports] == [(0, 0), (5, 0)]
    good = _row(second, GOOD)  # 127 + 17 = 144 → 10,0
    assert (good["H1 punten"], good["Cijfer"], good["Nog na te kijken"]) == (144, 10.0, 0)
    partial = _row(second, PARTIAL)  # 43 + 1,5 = 44,5: p = 0,30903 → 1 + 4,5p/0,55 = 3,53
    assert (partial["H1 punten"], partial["Cijfer"], partial["Nog na te kijken"]) == (44.5, 3.5, 3)
    manual = json.loads((output / "handmatig.json").read_text(encoding="utf-8"))
    assert manual["scores"][f"{PARTIAL}|h1.crm.07"]["score"] == 1.5
    assert len(manual["scores"]) == 5
    page = (output / "feedback" / f"{GOOD}.html").read_text(encoding="utf-8")
    assert "Opmerking van je docent:</span> <p>Prima!</p>" in page
    assert "✉ Beoordeeld door je docent · 6 van 6 punten" in page

    before = (output / "handmatig.json").read_bytes()
    third = _grade(folder, output)  # grading again: the manual scores stay
    assert (output / "handmatig.json").read_bytes() == before
    assert _row(third, GOOD)["H1 punten"] == 144 and _row(third, PARTIAL)["H1 punten"] == 44.5
    prefilled = load_workbook(output / "nakijkblad.xlsx")["Nakijkblad"]
    values = {(r[0], r[1]): r[3] for r in prefilled.iter_rows(min_row=2, values_only=True)}
    assert values[(GOOD, "h1.crm.07")] == 5 and values[(PARTIAL, "h1.crm.07")] == 1.5

    # the teacher fills in the sheet in the output folder and simply grades again
    _fill(
        output / "nakijkblad.xlsx",
        output / "nakijkblad.xlsx",
        {(PARTIAL, "h1.accountmanagement.07"): (2, "")},
    )
    fourth = _grade(folder, output)
    assert _row(fourth, PARTIAL)["H1 punten"] == 46.5
    assert len(list((output / "eerdere-versies").glob("handmatig-*.json"))) >= 1


def test_invalid_rows_are_reported_and_skipped(two, tmp_path):
    folder, output = two
    _grade(folder, output)
    sheet = tmp_path / "nakijkblad.csv"
    sheet.write_text(
        "\ufeffstudentnummer;vraag-id;maximum;score;opmerking\n"
        f"{GOOD};h1.crm.07;5;99;te veel\n"
        f"{GOOD};h1.netwerken.05;3;abc;geen getal\n"
        f"{GOOD};h1.bestaat.01;3;1;onbekend\n"
        f"{GOOD};h1.propositie.07;3;0,5;goed\n"
        f"{GOOD};h1.accountmanagement.07;6;;leeg telt niet\n",
        encoding="utf-8",
    )
    report = _grade(folder, output, rubric=sheet)
    problems = [p for p in report.problems if p.file == "nakijkblad.csv"]
    assert [p.cell for p in problems] == [None, None, None]
    assert [p.what.split(":")[0] for p in problems] == ["rij 2", "rij 3", "rij 4"]
    assert "van 0 tot en met 5" in problems[0].what
    assert "geen getal" in problems[1].what and "onbekende vraag" in problems[2].what
    assert _row(report, GOOD)["H1 punten"] == 127.5


def test_a_changed_answer_keeps_the_manual_score_and_is_reported(two, tmp_path):
    folder, output = two
    _grade(folder, output)
    _grade(
        folder,
        output,
        rubric=_fill(
            output / "nakijkblad.xlsx", tmp_path / "in.xlsx", {(GOOD, "h1.crm.07"): (4, "")}
        ),
    )
    notebook = load(folder / f"{GOOD}.ipynb")
    record = record_outputs(notebook)["h1.crm.07"]["data"][MIME_TYPE]
    record["response"] = "Een heel ander antwoord."
    save(folder / f"{GOOD}.ipynb", notebook)
    report = _grade(folder, output, now=datetime(2026, 11, 23, 9, 0))
    assert _row(report, GOOD)["H1 punten"] == 131
    changed = [p for p in report.problems if p.kind == "handmatig"]
    assert len(changed) == 1 and "veranderd nadat je docent het nakeek" in changed[0].what
