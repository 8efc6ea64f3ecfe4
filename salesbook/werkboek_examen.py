"""The exam training in the workbook (chapter 7): thin wrappers around :mod:`salesbook.ui.exam`.

    from salesbook import werkboek as wb

    wb.start(hoofdstuk=7, studentnummer=studentnummer, seed=seed)   # once, at the top
    wb.proefexamen()                 # a mock exam from the toetsmatrijs, new draw per start
    wb.proefexamen(seed=42, tijdslimiet=30)   # the same exam again, 30 minutes
    wb.examengeschiedenis()          # your handed-in mock exams: chart and table
    wb.flashcards()                  # spaced repetition (FSRS); wb.flashcards(hoofdstuk=2)
    wb.flashcardstatistiek()         # reviews per day
    wb.beheersing()                  # mastery per chapter + "oefen dit nog"; wb.beheersing(2)

Chapter 7 has no question bank of its own: the exam draws across chapters. Every wrapper
builds an :class:`~salesbook.ui.exam.ExamContext` from the session of ``wb.start``: the
student number (answers of another student in the store are ignored), the variant seed (the
numbers the student's chapter questions had, used for mastery) and the answer store (exam
history and flashcards live in ``examentraining`` next to it). The ``seed`` of
:func:`proefexamen` is the exam number, not the variant seed: without it every start draws a
new exam, as the notebook explains.

Nothing heavy is imported here; the exam package loads on the first call.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesbook.ui.exam import ExamContext
    from salesbook.ui.exam.exam_view import ExamView
    from salesbook.ui.exam.flashcard_view import FlashcardView
    from salesbook.ui.exam.reports import Report
    from salesbook.werkboek_session import Session

EXAM_CHAPTER = 7
EXAM_TITLE = "Examentraining"

__all__ = [
    "EXAM_CHAPTER",
    "EXAM_TITLE",
    "beheersing",
    "exam_context",
    "examengeschiedenis",
    "flashcards",
    "flashcardstatistiek",
    "open_exam_session",
    "proefexamen",
]


def open_exam_session(
    student: str | None,
    seed: int | None,
    *,
    max_attempts: int,
    store: str | Path | None = None,
) -> Session:
    """A chapter-7 session without a chapter bank (questions come from the other chapters)."""
    from salesbook.quiz import AnswerStore
    from salesbook.werkboek_session import Session

    return Session(EXAM_CHAPTER, student, seed, AnswerStore(store), max_attempts)


def exam_context() -> ExamContext:
    """Who is training, from the session of ``wb.start`` (Dutch error before the start)."""
    from salesbook.ui.exam import ExamContext
    from salesbook.werkboek import _current

    session = _current()
    return ExamContext(student=session.student, variant_seed=session.seed, store=session.store)


def proefexamen(
    seed: int | None = None,
    tijdslimiet: float | None = None,
    *,
    toetsmatrijs: str | Path | None = None,
) -> ExamView:
    """A mock exam following the toetsmatrijs; starts when you click "Start proefexamen".

    Args:
        seed: the exam number; the same number gives the same exam (default: a new draw).
        tijdslimiet: minutes (0: no limit; default: the toetsmatrijs' limit).
        toetsmatrijs: another blueprint file (default: the course's toetsmatrijs.yaml).
    """
    from salesbook.ui import exam

    context = exam_context()
    return exam.proefexamen(seed, tijdslimiet, toetsmatrijs=toetsmatrijs, sessie=context)


def examengeschiedenis() -> Report:
    """Your handed-in mock exams: score per attempt (chart) and a table."""
    from salesbook.ui import exam

    return exam.examengeschiedenis(sessie=exam_context())


def flashcards(
    hoofdstuk: int | list[int] | None = None, *, nieuw_per_dag: int = 20
) -> FlashcardView:
    """Flashcards with spaced repetition; your progress is saved after every card.

    Args:
        hoofdstuk: only the cards of this chapter (or these chapters); default: all.
        nieuw_per_dag: how many new cards per day.
    """
    from salesbook.ui import exam

    context = exam_context()
    return exam.flashcards(hoofdstuk, nieuw_per_dag=nieuw_per_dag, sessie=context)


def flashcardstatistiek() -> Report:
    """How many flashcards you reviewed per day, per rating (chart and table)."""
    from salesbook.ui import exam

    return exam.flashcardstatistiek(sessie=exam_context())


def beheersing(hoofdstuk: int | None = None) -> Report:
    """Mastery per chapter (or per leerdoel of one chapter) and what to practise next.

    Your chapter answers count for the numbers of your own variant (the session's seed).
    """
    from salesbook.ui import exam

    context = exam_context()
    return exam.beheersing(hoofdstuk, sessie=context)
