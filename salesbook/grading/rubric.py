"""Manual grading: the rubric sheet (``nakijkblad.xlsx``) out, the teacher's scores back in.

Export: one row per open answer handed in, with the question, the student's answer, the model
answer and the rubric criteria, and two columns to fill in: ``score`` and ``opmerking``
(shown to the student on the feedback page). Scores already given are filled in again.

Import (:func:`import_rubric`, from .xlsx or from CSV saved by Excel with ``;`` or ``,``):
every row with a score is checked (known question, a number from 0 to the question's points;
``1,5`` and ``1.5`` both work) and merged into ``handmatig.json``
(:mod:`salesbook.grading.manual`). A row with an empty score changes nothing, so a score is
never lost by importing a sheet in which it is missing. Rejected rows are reported in Dutch
with their row number.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from salesbook.exceptions import NumberFormatError, SalesbookError
from salesbook.grading.manual import ManualScore, key, load_manual, now_utc, response_hash
from salesbook.grading.manual import save_manual as _save
from salesbook.grading.problems import ProblemLog
from salesbook.grading.results import ScoredSubmission
from salesbook.grading.spreadsheet import Sheet
from salesbook.notation import parse_number
from salesbook.quiz import Course, OpenQuestion

FILE_NAME = "nakijkblad.xlsx"
HEADER = (
    "studentnummer",
    "vraag-id",
    "maximum",
    "score",
    "opmerking",
    "antwoord van de student",
    "vraag",
    "modelantwoord",
    "criteria",
    "hoofdstuk",
    "antwoord-hash",
)
REQUIRED = ("studentnummer", "vraag-id", "score")


def rubric_sheet(
    course: Course, submissions: list[ScoredSubmission], manual: dict[str, ManualScore]
) -> Sheet:
    """The sheet "Nakijkblad": open answers handed in, sorted by question, then student."""
    rows = []
    for submission in submissions:
        for result in submission.results:
            if result.type != "open" or not isinstance(result.response, str):
                continue
            question = course.question(result.question_id)
            assert isinstance(question, OpenQuestion)
            entry = manual.get(key(submission.student, result.question_id))
            criteria = "\n".join(f"{c.criterion} ({c.points:g} pt)" for c in question.rubric)
            rows.append(
                [
                    submission.student,
                    result.question_id,
                    float(question.points),
                    entry.score if entry else None,
                    entry.opmerking if entry else "",
                    result.response,
                    question.prompt.strip(),
                    question.model_answer.strip(),
                    criteria,
                    submission.chapter,
                    response_hash(result.response),
                ]
            )
    rows.sort(key=lambda row: (row[1], row[0]))
    return Sheet(
        "Nakijkblad",
        HEADER,
        rows,
        formats={"maximum": "0.0#", "score": "0.0#"},
        widths={"antwoord van de student": 60, "vraag": 40, "modelantwoord": 40, "criteria": 40},
        freeze="C2",
        wrap=("antwoord van de student", "vraag", "modelantwoord", "criteria", "opmerking"),
    )


RUBRIC_HELP = [
    (
        "Wat",
        "Vul per open antwoord de kolom score in (0 tot en met maximum) en eventueel een "
        "opmerking voor de student. Lees het blad daarna in met: salesbook nakijken MAP "
        "--uitvoer MAP --rubric nakijkblad.xlsx",
    ),
    ("Lege score", "Een lege score verandert niets: een eerder gegeven score blijft staan."),
    ("Decimalen", "1,5 en 1.5 worden allebei begrepen."),
    (
        "Bewaren",
        "De scores komen in handmatig.json in de uitvoermap; opnieuw nakijken "
        "overschrijft ze nooit.",
    ),
]


@dataclass
class RubricImport:
    """What :func:`import_rubric` did."""

    file: str
    imported: int = 0
    unchanged: int = 0
    problems: ProblemLog = field(default_factory=ProblemLog)


def _rows_xlsx(path: Path) -> list[list[Any]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook["Nakijkblad"] if "Nakijkblad" in workbook.sheetnames else workbook.active
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _rows_csv(path: Path) -> list[list[Any]]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().lstrip("'")


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise NumberFormatError("ja/nee is geen score")
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value))


def read_rubric_rows(path: Path) -> list[list[Any]]:
    """All rows of a rubric sheet (.xlsx or .csv), header first.

    Raises:
        SalesbookError: the file is missing or not a readable sheet (Dutch message).
    """
    path = Path(path)
    if not path.is_file():
        raise SalesbookError(f"Het nakijkblad {path} bestaat niet.")
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _rows_xlsx(path)
        return _rows_csv(path)
    except (OSError, ValueError, KeyError, csv.Error) as error:
        raise SalesbookError(
            f"Het nakijkblad {path.name} kan niet worden gelezen ({error}). Bewaar het als "
            ".xlsx of als CSV."
        ) from None
    except Exception as error:  # zip/xml errors of a damaged .xlsx
        raise SalesbookError(
            f"Het nakijkblad {path.name} is beschadigd en kan niet worden gelezen ({error})."
        ) from None


def import_rubric(sheet: Path, output: Path, course: Course) -> RubricImport:
    """Merge the scores of a filled-in rubric sheet into ``output/handmatig.json``.

    Args:
        sheet: the filled-in sheet (.xlsx or .csv).
        output: the output folder holding ``handmatig.json``.
        course: the question banks (for ids and maximum points).

    Raises:
        SalesbookError: the sheet cannot be read or lacks a required column.
    """
    rows = read_rubric_rows(sheet)
    result = RubricImport(Path(sheet).name)
    if not rows:
        return result
    header = [_text(cell).lower() for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise SalesbookError(
            f"Het nakijkblad {result.file} mist de kolom(men) {', '.join(missing)}. Gebruik het "
            "nakijkblad dat salesbook nakijken maakte."
        )
    column = {name: header.index(name) for name in HEADER if name in header}
    scores = load_manual(output, result.problems)
    changed = False
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        where = f"rij {number}"
        student, qid = _text(cells[column["studentnummer"]]), _text(cells[column["vraag-id"]])
        if not student and not qid:
            continue
        try:
            value = _number(cells[column["score"]])
        except NumberFormatError:
            result.problems.add(
                result.file, f"{where}: de score is geen getal; overgeslagen.", "handmatig"
            )
            continue
        if value is None:
            continue
        try:
            question = course.question(qid)
        except SalesbookError:
            result.problems.add(
                result.file, f"{where}: onbekende vraag '{qid}'; overgeslagen.", "handmatig"
            )
            continue
        points = float(question.points)
        if not student or not math.isfinite(value) or not 0 <= value <= points:
            result.problems.add(
                result.file,
                f"{where}: de score moet een getal van 0 tot en met {points:g} zijn en de rij "
                "moet een studentnummer hebben; overgeslagen.",
                "handmatig",
            )
            continue
        comment = _text(cells[column["opmerking"]]) if "opmerking" in column else ""
        answer_hash = _text(cells[column["antwoord-hash"]]) if "antwoord-hash" in column else ""
        name = key(student, qid)
        old = scores.get(name)
        if old is not None and (old.score, old.opmerking) == (value, comment):
            result.unchanged += 1
            continue
        new = ManualScore(value, points, comment, answer_hash, result.file, now_utc())
        if old is not None and not answer_hash:
            new = replace(new, antwoord_hash=old.antwoord_hash)
        scores[name] = new
        result.imported += 1
        changed = True
    if changed:
        _save(output, scores)
    return result
