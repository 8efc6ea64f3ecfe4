"""Step 9: write everything, atomically, into the output folder.

``cijferlijst.xlsx`` / ``cijferlijst.csv``  the gradebook (earlier versions in eerdere-versies/)
``feedback/<student>.html``                one page per student
``overzicht.html``                          the class overview with the problems report
``problemen.csv``                           the problems report for Excel
``nakijkblad.xlsx``                         open answers to score by hand
``lms/brightspace.csv``, ``lms/canvas.csv``, ``lms/moodle.csv``   LMS import files

All files are rendered in memory first; the gradebook files are replaced last, each
atomically, after the previous version is copied to ``eerdere-versies/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from salesbook.grading.class_overview import render_overview
from salesbook.grading.feedback_pages import FeedbackWriter
from salesbook.grading.gradebook import ID, explanation
from salesbook.grading.lms_export import lms_files
from salesbook.grading.manual import ManualScore
from salesbook.grading.problems import ProblemLog
from salesbook.grading.results import ScoredSubmission
from salesbook.grading.rubric import FILE_NAME as RUBRIC_FILE
from salesbook.grading.rubric import RUBRIC_HELP, rubric_sheet
from salesbook.grading.score import Scorer
from salesbook.grading.spreadsheet import Sheet, csv_bytes, xlsx_bytes
from salesbook.grading.write import keep_previous, safe_file_stem, write_atomic

GRADEBOOK_XLSX = "cijferlijst.xlsx"
GRADEBOOK_CSV = "cijferlijst.csv"
OVERVIEW = "overzicht.html"
PROBLEMS_CSV = "problemen.csv"
FEEDBACK_DIR = "feedback"
LMS_DIR = "lms"
_FORMATS = {"punten": "0.0#", "maximum": "0.0#", "%": "0.0", "cijfer": "0.0", "op 20": "0.0"}


def _number_formats(columns: Sequence[str]) -> dict[str, str]:
    formats = {}
    for column in columns:
        last = column.split(" ", 1)[-1] if " " in column else column
        if column in ("Cijfer", "Score op 20", "Totaal %"):
            formats[column] = "0.0"
        elif last in _FORMATS:
            formats[column] = _FORMATS[last]
    return formats


def _rows(frame: pd.DataFrame) -> list[list[object]]:
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def per_question_sheet(submissions: Sequence[ScoredSubmission]) -> Sheet:
    """Sheet "Per vraag": one row per student and chapter, one column per question (points)."""
    questions: list[str] = []
    seen: set[str] = set()
    for submission in sorted(submissions, key=lambda s: s.chapter):
        for result in submission.results:
            if result.question_id not in seen:
                seen.add(result.question_id)
                questions.append(result.question_id)
    rows = []
    for submission in sorted(submissions, key=lambda s: (s.student, s.chapter)):
        scores = {r.question_id: (None if r.pending else r.score) for r in submission.results}
        rows.append([submission.student, submission.chapter, *(scores.get(q) for q in questions)])
    header = [ID, "hoofdstuk", *questions]
    return Sheet("Per vraag", header, rows, formats=dict.fromkeys(questions, "0.0#"), freeze="C2")


def feedback_names(students: Sequence[str]) -> dict[str, str]:
    """student → a unique, safe file name for the feedback page."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for student in sorted(students):
        stem = safe_file_stem(student, "student")
        name, number = f"{stem}.html", 2
        while name.lower() in used:
            name, number = f"{stem}-{number}.html", number + 1
        used.add(name.lower())
        names[student] = name
    return names


def write_outputs(
    output: Path,
    *,
    frame: pd.DataFrame,
    submissions: Sequence[ScoredSubmission],
    scorer: Scorer,
    maxima: Mapping[int, float],
    cesuur: float,
    problems: ProblemLog,
    manual: dict[str, ManualScore],
    now: datetime | None = None,
) -> dict[str, Path]:
    """Render and write every output file; returns output name → path written."""
    output = Path(output)
    moment = now or datetime.now()
    written: dict[str, Path] = {}
    course = scorer.course

    by_student: dict[str, list[ScoredSubmission]] = {}
    for submission in submissions:
        by_student.setdefault(submission.student, []).append(submission)
    names = feedback_names(list(by_student))
    writer = FeedbackWriter(scorer, cesuur, moment)
    folder = output / FEEDBACK_DIR
    for student, handed in by_student.items():
        path = folder / names[student]
        write_atomic(path, writer.render(student, handed, maxima), durable=False)
    if folder.is_dir():
        keep = set(names.values())
        for stale in folder.glob("*.html"):
            if stale.name not in keep:
                stale.unlink(missing_ok=True)
    written[FEEDBACK_DIR] = folder

    marks = dict(zip(frame[ID], frame["Cijfer"], strict=True))
    links = {student: f"{FEEDBACK_DIR}/{name}" for student, name in names.items()}
    overview = render_overview(
        course,
        submissions,
        cesuur=cesuur,
        feedback_links=links,
        problems=problems.problems,
        marks=marks,
    )
    written[OVERVIEW] = write_atomic(output / OVERVIEW, overview)

    problem_rows = problems.rows()
    problem_header = ["bestand", "studentnummer", "cel", "probleem", "wat te doen"]
    written[PROBLEMS_CSV] = write_atomic(
        output / PROBLEMS_CSV,
        csv_bytes(problem_header, [list(row.values()) for row in problem_rows]),
    )

    rubric = rubric_sheet(course, list(submissions), manual)
    help_sheet = Sheet("Uitleg", ["onderwerp", "uitleg"], RUBRIC_HELP, freeze=None)
    help_sheet.widths = {"onderwerp": 14, "uitleg": 100}
    written[RUBRIC_FILE] = write_atomic(output / RUBRIC_FILE, xlsx_bytes([rubric, help_sheet]))

    titles = {chapter: course.bank(chapter).title for chapter in maxima}
    for name, data in lms_files(frame, titles).items():
        written[f"{LMS_DIR}/{name}"] = write_atomic(output / LMS_DIR / name, data)

    columns = list(frame.columns)
    gradebook = Sheet(
        "Cijferlijst",
        columns,
        _rows(frame),
        formats=_number_formats(columns),
        widths={ID: 16, "Bestanden": 40},
    )
    explained = Sheet("Uitleg", ["kolom", "uitleg"], explanation(maxima, cesuur), freeze=None)
    explained.widths = {"kolom": 20, "uitleg": 100}
    problem_sheet = Sheet(
        "Problemen",
        problem_header,
        [list(row.values()) for row in problem_rows],
        widths={"bestand": 30, "probleem": 80, "wat te doen": 50},
        freeze="A2",
        wrap=("probleem", "wat te doen"),
    )
    workbook = xlsx_bytes([gradebook, per_question_sheet(submissions), explained, problem_sheet])
    table = csv_bytes(columns, _rows(frame))
    for name, data in ((GRADEBOOK_XLSX, workbook), (GRADEBOOK_CSV, table)):
        keep_previous(output / name, moment)
        written[name] = write_atomic(output / name, data)
    return written
