"""Pure checking: ``check(question, response) -> Outcome`` for all seven question types.

An empty response (``None``, blank text, empty list/dict/set) is ``niet beantwoord``. A
response of the wrong shape is ``fout`` with a Dutch explanation; ``check`` never raises for
anything a student can send. The only exception is a programming error: a parameterised
numeric question must be instantiated first (:func:`salesbook.quiz.variants.instantiate`).

Per type (details in the ``check_*`` modules): single choice ``int`` index or option text;
multiple choice a list of those (partial credit); numeric text in Dutch notation or a number;
ordering a list in the student's order; matching ``dict`` left → right; classification
``dict`` item → category; open text (status ``ingeleverd``: kept for the teacher, feedback
shows the model answer and rubric).
"""

from __future__ import annotations

from typing import Any

from salesbook.notation import format_number
from salesbook.quiz.check_choice import check_multiple, check_single
from salesbook.quiz.check_items import check_classification, check_matching, check_ordering
from salesbook.quiz.check_numeric import check_numeric
from salesbook.quiz.model import (
    ClassificationQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OpenQuestion,
    OrderingQuestion,
    Question,
    SingleChoiceQuestion,
)
from salesbook.quiz.outcome import (
    SUBMITTED,
    Outcome,
    Status,
    bullets,
    join_blocks,
    not_answered,
    wrong_shape,
)
from salesbook.quiz.records import MAX_RESPONSE_BYTES, response_size

__all__ = ["MAX_OPEN_CHARS", "Outcome", "Status", "check", "is_empty"]

MAX_OPEN_CHARS = 5000
"""Longest open answer kept (characters); a longer one is not accepted, not cut off."""


def is_empty(response: Any) -> bool:
    """True for None, blank text and empty collections."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list | tuple | dict | set | frozenset):
        return len(response) == 0
    return False


def _points(value: float) -> str:
    text = format_number(value, 1).removesuffix(",0")
    return f"{text} {'punt' if value == 1 else 'punten'}"


def check_open(question: OpenQuestion, response: Any) -> Outcome:
    """Keep the text for the teacher; show the model answer and the rubric."""
    if not isinstance(response, str):
        return wrong_shape(question.points, "Typ je antwoord als tekst.")
    if len(response) > MAX_OPEN_CHARS or response_size(response) > MAX_RESPONSE_BYTES:
        return not_answered(
            question.points,
            f"Je antwoord is {len(response)} tekens lang; het maximum is {MAX_OPEN_CHARS}. "
            "Maak het korter en lever het opnieuw in.",
        )
    rubric = bullets(
        [f"{c.criterion.strip().rstrip('.')} ({_points(c.points)})" for c in question.rubric]
    )
    feedback = join_blocks(
        "Je antwoord is bewaard. Je docent beoordeelt het met de criteria hieronder.",
        "**Modelantwoord**",
        question.model_answer.strip(),
        "**Beoordelingscriteria**",
        rubric,
    )
    return Outcome(SUBMITTED, 0.0, float(question.points), feedback)


def check(question: Question, response: Any) -> Outcome:
    """Check one response against the key of an (instantiated) question.

    Args:
        question: a bank question; a parameterised numeric question must be instantiated.
        response: what the student gave (see the module docstring for the shape per type).

    Returns:
        The Outcome: status, score out of ``question.points``, Dutch Markdown feedback.

    Raises:
        InvalidInputError: only for a parameterised numeric question that was not
            instantiated (a programming error, not a student error).
    """
    if is_empty(response):
        return not_answered(question.points, "Je hebt nog geen antwoord gegeven.")
    if isinstance(question, SingleChoiceQuestion):
        return check_single(question, response)
    if isinstance(question, MultipleChoiceQuestion):
        return check_multiple(question, response)
    if isinstance(question, NumericQuestion):
        return check_numeric(question, response)
    if isinstance(question, OrderingQuestion):
        return check_ordering(question, response)
    if isinstance(question, MatchingQuestion):
        return check_matching(question, response)
    if isinstance(question, ClassificationQuestion):
        return check_classification(question, response)
    if isinstance(question, OpenQuestion):
        return check_open(question, response)
    raise TypeError(f"Onbekend vraagtype: {type(question).__name__}")


def status_label(status: Status) -> str:
    """The status as shown to students (capitalised Dutch)."""
    return status[:1].upper() + status[1:]
