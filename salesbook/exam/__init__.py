"""Exam training (pure, no widgets): blueprint, mock exams, history, flashcards, mastery.

See :mod:`salesbook.ui.exam` for the widgets and the student functions built on these names.
"""

from __future__ import annotations

from salesbook.exam.attempt import ExamAttempt
from salesbook.exam.blueprint import BLUEPRINT_FILE, Blueprint, load_blueprint, parse_blueprint
from salesbook.exam.cards import Begrip, Flashcard, build_deck, load_begrippen
from salesbook.exam.errors import BlueprintError, ExamError, ExamStateWarning, FlashcardError
from salesbook.exam.flashcards import RATINGS, FlashcardBox
from salesbook.exam.history import AttemptRecord, ExamHistory
from salesbook.exam.mastery import Mastery, mastery, practice_list
from salesbook.exam.printable import ExamPages, exam_pages
from salesbook.exam.results import ExamResult, review_markdown
from salesbook.exam.sampling import Exam, ExamItem, draw_exam
from salesbook.exam.statefile import default_state_dir
from salesbook.exam.timer import Timer, format_countdown

__all__ = [
    "BLUEPRINT_FILE",
    "RATINGS",
    "AttemptRecord",
    "Begrip",
    "Blueprint",
    "BlueprintError",
    "Exam",
    "ExamAttempt",
    "ExamError",
    "ExamHistory",
    "ExamItem",
    "ExamPages",
    "ExamResult",
    "ExamStateWarning",
    "Flashcard",
    "FlashcardBox",
    "FlashcardError",
    "Mastery",
    "Timer",
    "build_deck",
    "default_state_dir",
    "draw_exam",
    "exam_pages",
    "format_countdown",
    "load_begrippen",
    "load_blueprint",
    "mastery",
    "parse_blueprint",
    "practice_list",
    "review_markdown",
]
