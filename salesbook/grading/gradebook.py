"""Step 5: the gradebook: one row per student, per chapter and in total (a DataFrame).

Columns (``N`` = chapter number), all numbers, empty when a chapter was not handed in:

=====================  ===================================================================
``studentnummer``      the student number (or the file name without a recorded number)
``HN punten``          points earned in chapter N (manual scores included)
``HN maximum``         points available in chapter N (every question of the bank)
``HN %``               100 · punten / maximum, one decimal
``HN cijfer``          Dutch mark 1,0–10,0 (see :mod:`salesbook.grading.marks`)
``HN op 20``           Flemish score out of 20
``Totaal punten``      sum over the graded chapters; a chapter not handed in counts as 0
``Totaal maximum``     sum of the maxima of all graded chapters
``Totaal %``, ``Cijfer``, ``Score op 20``   the same formulas on the totals
``Nog na te kijken``   open answers without a manual score (marks are provisional then)
``Problemen``          number of lines about this student in the problems report
``Bestanden``          the notebooks that count, separated by ``, ``
=====================  ===================================================================
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from salesbook.grading.marks import dutch_mark, flemish_score, fraction, percentage
from salesbook.grading.results import ScoredSubmission

ID = "studentnummer"
TOTAL_COLUMNS = ("Totaal punten", "Totaal maximum", "Totaal %", "Cijfer", "Score op 20")
EXTRA_COLUMNS = ("Nog na te kijken", "Problemen", "Bestanden")


def chapter_columns(chapter: int) -> tuple[str, str, str, str, str]:
    """The five columns of one chapter: punten, maximum, %, cijfer, op 20."""
    prefix = f"H{chapter}"
    return (
        f"{prefix} punten",
        f"{prefix} maximum",
        f"{prefix} %",
        f"{prefix} cijfer",
        f"{prefix} op 20",
    )


@dataclass(frozen=True)
class Marks:
    """Points and the marks that follow from them."""

    points: float
    maximum: float
    percent: float
    mark: float
    out_of_20: float

    @classmethod
    def of(cls, points: float, maximum: float, cesuur: float) -> Marks:
        """Marks for ``points`` of ``maximum`` with the given cesuur."""
        share = fraction(points, maximum)
        return cls(
            round(points, 2),
            round(maximum, 2),
            percentage(share),
            dutch_mark(share, cesuur),
            flemish_score(share),
        )

    def values(self) -> tuple[float, float, float, float, float]:
        """The five numbers in column order."""
        return (self.points, self.maximum, self.percent, self.mark, self.out_of_20)


def build_gradebook(
    submissions: Iterable[ScoredSubmission],
    chapter_maxima: Mapping[int, float],
    cesuur: float,
    problem_counts: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """The gradebook DataFrame, one row per student (sorted), columns as documented above.

    Args:
        submissions: the scored notebooks (one per student and chapter).
        chapter_maxima: chapter → points available; these chapters get columns.
        cesuur: the cesuur as a fraction.
        problem_counts: student → number of problems reported about them.
    """
    per_student: dict[str, dict[int, ScoredSubmission]] = {}
    for submission in submissions:
        per_student.setdefault(submission.student, {})[submission.chapter] = submission
    chapters = sorted(chapter_maxima)
    columns = [ID]
    for chapter in chapters:
        columns += chapter_columns(chapter)
    columns += [*TOTAL_COLUMNS, *EXTRA_COLUMNS]
    rows = []
    counts = problem_counts or {}
    for student in sorted(per_student):
        handed = per_student[student]
        row: list[object] = [student]
        total = 0.0
        for chapter in chapters:
            submission = handed.get(chapter)
            if submission is None:
                row += [math.nan] * 5
                continue
            total += submission.score
            row += Marks.of(submission.score, chapter_maxima[chapter], cesuur).values()
        maximum = sum(chapter_maxima[chapter] for chapter in chapters)
        row += Marks.of(total, maximum, cesuur).values()
        pending = sum(s.pending for s in handed.values())
        files = ", ".join(handed[chapter].file for chapter in sorted(handed))
        row += [pending, counts.get(student, 0), files]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns[1:-1]:
        frame[column] = pd.to_numeric(frame[column])
    return frame


def explanation(chapter_maxima: Mapping[int, float], cesuur: float) -> list[tuple[str, str]]:
    """(column, Dutch explanation) pairs for the sheet "Uitleg" and the README."""
    cesuur_text = f"{cesuur * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    lines = [
        (ID, "Het studentnummer uit het notebook, of de bestandsnaam als dat ontbreekt."),
    ]
    for chapter, maximum in sorted(chapter_maxima.items()):
        points, top, share, mark, flemish = chapter_columns(chapter)
        lines += [
            (points, f"Behaalde punten in hoofdstuk {chapter} (handmatige scores inbegrepen)."),
            (top, f"Te behalen punten in hoofdstuk {chapter}: {maximum:g} (alle vragen)."),
            (share, "Percentage = 100 × punten / maximum, op één decimaal."),
            (mark, "Cijfer 1–10 volgens de formule hieronder."),
            (flemish, "Score op 20 = 20 × punten / maximum, op één decimaal."),
        ]
    lines += [
        ("Totaal punten", "Som over de nagekeken hoofdstukken; niet ingeleverd telt als 0."),
        ("Totaal maximum", "Som van de maxima van de nagekeken hoofdstukken."),
        ("Totaal %", "100 × totaal punten / totaal maximum."),
        ("Cijfer", "Cijfer 1–10 over het totaal."),
        ("Score op 20", "20 × totaal punten / totaal maximum."),
        ("Nog na te kijken", "Open vragen zonder handmatige score: het cijfer is voorlopig."),
        ("Problemen", "Aantal meldingen over deze student in het problemenoverzicht."),
        ("Bestanden", "De notebooks die meetellen."),
        ("", ""),
        ("Cesuur", f"{cesuur_text}% van de punten geeft een 5,5."),
        (
            "Formule cijfer",
            "Met p = punten / maximum en c = cesuur: als p ≥ c, dan cijfer = 5,5 + 4,5 × "
            "(p − c) / (1 − c); anders cijfer = 1 + 4,5 × p / c. Afgerond op één decimaal "
            "(een 5 naar boven).",
        ),
        ("Formule score op 20", "20 × p, afgerond op één decimaal (een 5 naar boven)."),
        (
            "Herkomst",
            "Alle scores zijn opnieuw berekend met de antwoordsleutel; wat in een notebook "
            "over goed of fout staat, telt nooit mee.",
        ),
    ]
    return lines
