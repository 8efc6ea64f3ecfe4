"""The correct answer of a question as short Dutch Markdown (for reviews and answer keys)."""

from __future__ import annotations

import string

from salesbook.notation import format_number
from salesbook.quiz.check_numeric import show_value
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
from salesbook.quiz.summary import escape
from salesbook.quiz.variants import answer_decimals, compute_answer

LETTERS = string.ascii_uppercase


def points_text(value: float, decimals: int = 2) -> str:
    """A number in Dutch notation without needless decimals: ``1.5`` → ``"1,5"``."""
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def _tolerance(question: NumericQuestion, key: float) -> str:
    tolerance = question.tolerance
    if tolerance.absolute is not None:
        if tolerance.absolute == 0:
            return ""
        return f" (goed binnen ± {show_value(tolerance.absolute, question.unit)})"
    if tolerance.relative:
        return f" (goed binnen ± {points_text(100 * tolerance.relative)}%)"
    return ""


def numeric_key(question: NumericQuestion) -> str:
    """The key of a numeric question with unit and tolerance, as plain text:
    ``€ 1.250,00 (goed binnen ± € 1,00)``."""
    key = compute_answer(question)
    rounded = round(key, answer_decimals(question, key))
    return show_value(rounded, question.unit) + _tolerance(question, key)


def correct_answer(question: Question) -> str:
    """The correct answer as Dutch Markdown (one line or a short list)."""
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        return "; ".join(
            f"{LETTERS[i]}. {escape(question.options[i].text)}" for i in question.correct_indices
        )
    if isinstance(question, NumericQuestion):
        return escape(numeric_key(question))
    if isinstance(question, OrderingQuestion):
        return " → ".join(escape(item) for item in question.items)
    if isinstance(question, MatchingQuestion):
        lines = [f"- {escape(p.left)} → {escape(p.right)}" for p in question.pairs]
        return "\n\n" + "\n".join(lines)
    if isinstance(question, ClassificationQuestion):
        lines = [f"- {escape(item.text)}: {escape(item.category)}" for item in question.items]
        return "\n\n" + "\n".join(lines)
    if isinstance(question, OpenQuestion):
        rubric = [f"- {escape(c.criterion)} ({points_text(c.points)} p.)" for c in question.rubric]
        return "\n\n" + question.model_answer.strip() + "\n\nBeoordeling:\n\n" + "\n".join(rubric)
    raise TypeError(f"unknown question type {type(question).__name__}")
