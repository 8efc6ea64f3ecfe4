"""Student functions of the exam training.

The chapter-7 notebook calls them through the workbook (:mod:`salesbook.werkboek_examen`):
``wb.start(hoofdstuk=7, ...)`` then ``wb.proefexamen()``, ``wb.flashcards()``, ...; those
wrappers pass the session as ``sessie``. Used directly (without a workbook session):

    from salesbook.ui import exam as ex
    ex.start(studentnummer=studentnummer, seed=seed)   # who you are (once, at the top)
    ex.proefexamen()                 # a mock exam from the toetsmatrijs, new draw per start
    ex.proefexamen(seed=42, tijdslimiet=30)   # the same exam again, 30 minutes
    ex.examengeschiedenis()          # your handed-in mock exams: chart and table
    ex.flashcards()                  # spaced repetition (FSRS) over key terms and questions
    ex.flashcardstatistiek()         # reviews per day
    ex.beheersing()                  # mastery per chapter + "oefen dit nog"; beheersing(2)

Everything is saved in the folder ``examentraining`` next to the local answer store
(``$SALESBOOK_STORE``'s parent, default ``~/.salesbook``), so it survives a restart. The
``sessie`` argument lets the workbook (``wb``) pass its student, variant seed and store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from salesbook.exam.errors import ExamError
from salesbook.exam.statefile import default_state_dir
from salesbook.quiz import AnswerRecord, AnswerStore

if TYPE_CHECKING:
    from salesbook.exam.flashcards import FlashcardBox
    from salesbook.ui.exam.exam_view import ExamView
    from salesbook.ui.exam.flashcard_view import FlashcardView
    from salesbook.ui.exam.reports import Report


@dataclass
class ExamContext:
    """Who is training and where things are kept.

    Attributes:
        student: the student number (answers of another student in the store are ignored).
        variant_seed: the seed of the student's numbers in the chapter questions.
        store: the local answer store of the chapter notebooks.
        folder: where exam history and flashcards are kept (default: next to the store).
    """

    student: str | None = None
    variant_seed: int | None = None
    store: AnswerStore = field(default_factory=AnswerStore)
    folder: Path | None = None

    @property
    def state_dir(self) -> Path:
        """The exam training folder."""
        return self.folder if self.folder is not None else default_state_dir(self.store.path)

    def lookup(self, question_id: str, variant_seed: int | None) -> AnswerRecord | None:
        """A stored chapter answer, unless it belongs to another student."""
        record = self.store.get(question_id, variant_seed)
        if record is not None and self.student and record.student not in (None, self.student):
            return None
        return record


_context: ExamContext | None = None


def start(
    studentnummer: str | int | None = "",
    seed: int | str | None = None,
    *,
    opslag: str | Path | None = None,
) -> None:
    """Start the exam training: who you are and which numbers your chapter questions had."""
    global _context
    from salesbook.werkboek_session import markdown_bundle, seed_for, show

    student = str(studentnummer).strip() if studentnummer not in (None, "") else ""
    _context = ExamContext(student or None, seed_for(student, seed), AnswerStore(opslag))
    line = "De examentraining is gestart."
    line += f" Studentnummer: {student}." if student else " Je werkt zonder studentnummer."
    show(markdown_bundle(line))


def current() -> ExamContext:
    """The context of :func:`start` (or a default one: no student, the default store)."""
    global _context
    if _context is None:
        _context = ExamContext()
    return _context


def _whole(value: object, name: str, *, low: int, high: int | None = None) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < low
        or (high is not None and value > high)
    ):
        upper = f" tot en met {high}" if high is not None else " of meer"
        raise ExamError(f"{name} moet een geheel getal van {low}{upper} zijn, niet {value!r}.")
    return value


def proefexamen(
    seed: int | None = None,
    tijdslimiet: float | None = None,
    *,
    toetsmatrijs: str | Path | None = None,
    sessie: ExamContext | None = None,
) -> ExamView:
    """A mock exam following the toetsmatrijs; starts when you click "Start proefexamen".

    Args:
        seed: the exam number; the same seed gives the same exam (default: a new draw).
        tijdslimiet: minutes (0: no limit; default: the toetsmatrijs' limit).
        toetsmatrijs: another blueprint file (default: the course's toetsmatrijs.yaml).
        sessie: who is training (default: from :func:`start`).
    """
    from salesbook.exam.blueprint import load_blueprint
    from salesbook.exam.history import ExamHistory
    from salesbook.quiz import load_course
    from salesbook.ui.exam.exam_view import ExamView

    if seed is not None:
        _whole(seed, "seed", low=0)
    if tijdslimiet is not None and (
        isinstance(tijdslimiet, bool) or not isinstance(tijdslimiet, int | float) or tijdslimiet < 0
    ):
        raise ExamError(f"tijdslimiet is een aantal minuten (0 of meer), niet {tijdslimiet!r}.")
    context = sessie or current()
    return ExamView(
        load_course(),
        load_blueprint(toetsmatrijs),
        ExamHistory(context.state_dir),
        seed=seed,
        time_limit_minutes=tijdslimiet,
    )


def examengeschiedenis(*, sessie: ExamContext | None = None) -> Report:
    """Your handed-in mock exams: score per attempt (chart) and a table."""
    from salesbook.exam.history import ExamHistory
    from salesbook.ui.exam.reports import history_report

    return history_report(ExamHistory((sessie or current()).state_dir).attempts())


def _box(context: ExamContext, chapters: list[int] | None, new_per_day: int = 20) -> FlashcardBox:
    from salesbook.exam.cards import build_deck, load_begrippen
    from salesbook.exam.flashcards import FlashcardBox
    from salesbook.quiz import load_course

    deck = build_deck(load_course(), load_begrippen(), chapters)
    return FlashcardBox(deck, context.state_dir, new_per_day=new_per_day)


def flashcards(
    hoofdstuk: int | list[int] | None = None,
    *,
    nieuw_per_dag: int = 20,
    sessie: ExamContext | None = None,
) -> FlashcardView:
    """Flashcards with spaced repetition; your progress is saved after every card.

    Args:
        hoofdstuk: only the cards of this chapter (or these chapters); default: all.
        nieuw_per_dag: how many new cards per day.
        sessie: who is training (default: from :func:`start`).
    """
    from salesbook.ui.exam.flashcard_view import FlashcardView

    chapters = [hoofdstuk] if isinstance(hoofdstuk, int) else hoofdstuk
    for chapter in chapters or []:
        _whole(chapter, "hoofdstuk", low=1, high=6)
    _whole(nieuw_per_dag, "nieuw_per_dag", low=0)
    return FlashcardView(_box(sessie or current(), chapters, nieuw_per_dag))


def flashcardstatistiek(*, sessie: ExamContext | None = None) -> Report:
    """How many flashcards you reviewed per day, per rating (chart and table)."""
    from salesbook.ui.exam.reports import daily_report

    return daily_report(_box(sessie or current(), None).daily_stats())


def beheersing(hoofdstuk: int | None = None, *, sessie: ExamContext | None = None) -> Report:
    """Mastery per chapter (or per leerdoel of one chapter) and what to practise next."""
    from datetime import UTC, datetime

    from salesbook.exam.cards import build_deck, load_begrippen
    from salesbook.exam.flashcards import FlashcardBox
    from salesbook.exam.history import ExamHistory
    from salesbook.exam.mastery import exam_evidence, flashcard_evidence, mastery, quiz_evidence
    from salesbook.quiz import load_course
    from salesbook.ui.exam.reports import mastery_report

    if hoofdstuk is not None:
        _whole(hoofdstuk, "hoofdstuk", low=1, high=6)
    context = sessie or current()
    course = load_course()
    deck = build_deck(course, load_begrippen())
    box = FlashcardBox(deck, context.state_dir)
    evidence = (
        quiz_evidence(course, context.lookup, context.variant_seed)
        + exam_evidence(ExamHistory(context.state_dir).attempts())
        + flashcard_evidence(box.reviews, deck)
    )
    rows = mastery(course, evidence, datetime.now(UTC))
    titles = {number: bank.title for number, bank in course.banks.items()}
    return mastery_report(rows, titles, hoofdstuk)
