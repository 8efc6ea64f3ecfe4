"""The pure quiz core: question banks, checking, answer records, answer store, reader.

No ipywidgets here: :mod:`salesbook.ui` builds the widgets on these names (see
docs/quiz-contract.md).
"""

from __future__ import annotations

from salesbook.quiz.bank import BANK_DIR, Course, load_bank, load_chapter, load_course, parse_bank
from salesbook.quiz.check import check
from salesbook.quiz.model import (
    Bank,
    CalcSpec,
    ClassificationQuestion,
    ClassItem,
    Criterion,
    Leerdoel,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OpenQuestion,
    Option,
    OrderingQuestion,
    Pair,
    ParameterSpec,
    Question,
    SingleChoiceQuestion,
    Tolerance,
)
from salesbook.quiz.outcome import Outcome, Status
from salesbook.quiz.reader import NotebookAnswers, answers_from_notebook, read_answer_records
from salesbook.quiz.records import (
    MAX_RESPONSE_BYTES,
    MIME_TYPE,
    SCHEMA_VERSION,
    AnswerRecord,
    RecordError,
    answer_bundle,
    record_answer,
)
from salesbook.quiz.store import AnswerStore, AnswerStoreWarning
from salesbook.quiz.variants import compute_answer, instantiate
from salesbook.quiz.verify import verify_bank, verify_course

__all__ = [
    "BANK_DIR",
    "MAX_RESPONSE_BYTES",
    "MIME_TYPE",
    "SCHEMA_VERSION",
    "AnswerRecord",
    "AnswerStore",
    "AnswerStoreWarning",
    "Bank",
    "CalcSpec",
    "ClassItem",
    "ClassificationQuestion",
    "Course",
    "Criterion",
    "Leerdoel",
    "MatchingQuestion",
    "MultipleChoiceQuestion",
    "NotebookAnswers",
    "NumericQuestion",
    "OpenQuestion",
    "Option",
    "OrderingQuestion",
    "Outcome",
    "Pair",
    "ParameterSpec",
    "Question",
    "RecordError",
    "SingleChoiceQuestion",
    "Status",
    "Tolerance",
    "answer_bundle",
    "answers_from_notebook",
    "check",
    "compute_answer",
    "instantiate",
    "load_bank",
    "load_chapter",
    "load_course",
    "parse_bank",
    "read_answer_records",
    "record_answer",
    "verify_bank",
    "verify_course",
]
