"""Step 3: who handed this in, and for which chapter.

The student is the student number recorded in the notebook (the parameters cell, papermill's
parameters or the answer records); without one, the file name (without ``.ipynb``). The
chapter comes from the notebook (metadata, the ``wb.start(hoofdstuk=…)`` cell, else the
records). One student can hand in several chapters; two notebooks of the same student for the
same chapter are a duplicate: the one answered last counts and both files are named in the
problems report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from salesbook.grading.problems import ProblemLog
from salesbook.grading.read import Reading

MAX_STUDENT = 64
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Identity:
    """Student and chapter of one notebook.

    Attributes:
        student: the student number (or the file name when no number was recorded).
        chapter: the chapter number.
        from_file_name: True when the student is only known by the file name.
    """

    student: str
    chapter: int
    from_file_name: bool = False


def clean_student(text: str) -> str:
    """A student id without control characters or surrounding spaces, at most 64 characters."""
    return _CONTROL.sub("", text).strip()[:MAX_STUDENT].strip()


def identify(
    reading: Reading, problems: ProblemLog, *, chapters: set[int] | None, known: set[int]
) -> Identity | None:
    """The student and chapter of a notebook; None (with a problem) when it cannot be graded.

    Args:
        reading: the notebook read in step 2.
        problems: the problems report.
        chapters: the chapters being graded (None: every chapter of the course).
        known: the chapters that have a question bank.
    """
    name = reading.handed.name
    answers = reading.answers
    student = clean_student(answers.student or "")
    from_file = not student
    if from_file:
        stem = PurePosixPath(name).name
        student = clean_student(stem[:-6] if stem.lower().endswith(".ipynb") else stem)
        problems.add(
            name,
            f"geen studentnummer in het notebook; de bestandsnaam ({student}) wordt gebruikt.",
            "bestand",
            student=student,
        )
    chapter = answers.chapter
    if chapter is None:
        problems.add(
            name,
            "niet te zien bij welk hoofdstuk dit notebook hoort (geen wb.start en geen "
            "antwoorden); overgeslagen.",
            "hoofdstuk",
            student=student,
        )
        return None
    if chapter not in known:
        problems.add(
            name,
            f"dit notebook hoort bij hoofdstuk {chapter}, maar daarvoor is geen vragenbank; "
            "overgeslagen.",
            "hoofdstuk",
            student=student,
        )
        return None
    if chapters is not None and chapter not in chapters:
        wanted = ", ".join(str(number) for number in sorted(chapters))
        problems.add(
            name,
            f"dit notebook hoort bij hoofdstuk {chapter}, maar je kijkt hoofdstuk {wanted} na; "
            "overgeslagen.",
            "hoofdstuk",
            student=student,
        )
        return None
    return Identity(student, chapter, from_file)


def precedence(reading: Reading) -> tuple[str, float, str]:
    """Sort key of duplicates: the notebook with the latest answer counts; on a tie the
    later modified file, then the later name."""
    return (reading.latest, reading.handed.mtime, reading.handed.name)


def report_duplicate(kept: str, dropped: str, identity: Identity, problems: ProblemLog) -> None:
    """Name both files of a duplicate hand-in (``kept`` counts) in the problems report."""
    problems.add(
        dropped,
        f"student {identity.student} heeft hoofdstuk {identity.chapter} meer dan eens "
        f"ingeleverd ({dropped} en {kept}); {kept} telt, omdat daarin het laatst is "
        "geantwoord.",
        "dubbel",
        student=identity.student,
    )
