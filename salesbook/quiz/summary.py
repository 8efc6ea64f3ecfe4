"""The readable Dutch Markdown next to an answer record (what a teacher sees in the .ipynb).

The text holds no timestamps, so notebook outputs stay deterministic for nbval.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

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
from salesbook.quiz.outcome import SUBMITTED, Outcome

if TYPE_CHECKING:
    from salesbook.quiz.records import AnswerRecord

_MARKDOWN_SPECIAL = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "*": r"\*",
        "_": r"\_",
        "`": r"\`",
        "#": r"\#",
        "[": r"\[",
        "]": r"\]",
        "|": r"\|",
        "\\": "\\\\",
    }
)
_OPEN_PREVIEW = 600


def escape(text: str) -> str:
    """Show student text literally in Markdown (no HTML, no formatting)."""
    return text.translate(_MARKDOWN_SPECIAL)


def _item(value: Any) -> str:
    return escape(value if isinstance(value, str) else repr(value))


def _option(question: SingleChoiceQuestion | MultipleChoiceQuestion, value: Any) -> str:
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 <= value < len(question.options)
    ):
        return escape(question.options[value].text)
    return _item(value)


def describe_response(question: Question, response: Any) -> str:
    """The student's response as short Dutch Markdown (option texts instead of indices)."""
    if response is None or response == "" or response == [] or response == {}:
        return "(geen antwoord)"
    if isinstance(question, SingleChoiceQuestion):
        return _option(question, response)
    if isinstance(question, MultipleChoiceQuestion) and isinstance(response, list):
        return "; ".join(_option(question, value) for value in response)
    if isinstance(question, NumericQuestion):
        if isinstance(response, int | float) and not isinstance(response, bool):
            return escape(show_value(response, question.unit)) if math.isfinite(response) else "?"
        word = question.unit not in ("", "€", "%")
        return _item(response) + (f" {question.unit}" if word else "")
    if isinstance(question, OrderingQuestion) and isinstance(response, list):
        return " → ".join(_item(value) for value in response)
    if isinstance(question, MatchingQuestion | ClassificationQuestion) and isinstance(
        response, dict
    ):
        separator = " → " if isinstance(question, MatchingQuestion) else ": "
        lines = (f"- {_item(k)}{separator}{_item(v)}" for k, v in response.items())
        return "\n\n" + "\n".join(lines)
    if isinstance(question, OpenQuestion) and isinstance(response, str):
        text = response if len(response) <= _OPEN_PREVIEW else response[:_OPEN_PREVIEW] + " …"
        return "\n\n" + "\n".join(f"> {escape(line)}" for line in text.splitlines())
    return _item(response)


def _points(value: float) -> str:
    return format_number(value, 2).rstrip("0").rstrip(",")


def render_markdown(record: AnswerRecord, outcome: Outcome, question: Question) -> str:
    """Heading line (id, status, score, attempt), the response, then the feedback."""
    if outcome.status == SUBMITTED:
        score = "wordt beoordeeld door je docent"
    else:
        noun = "punt" if outcome.max_score == 1 else "punten"
        score = f"{_points(outcome.score)} van {_points(outcome.max_score)} {noun}"
    status = outcome.status[:1].upper() + outcome.status[1:]
    head = f"**Vraag {question.id}** · {status} · {score} · poging {record.attempts}"
    answer = describe_response(question, record.response)
    return f"{head}\n\nJouw antwoord: {answer}\n\n{outcome.feedback}"
