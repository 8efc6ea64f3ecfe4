"""The result of checking one response: status, score and Dutch feedback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["niet beantwoord", "fout", "deels goed", "goed", "ingeleverd"]
"""``ingeleverd`` is only used for open questions: kept for the teacher, not auto-scored."""

NOT_ANSWERED: Status = "niet beantwoord"
WRONG: Status = "fout"
PARTLY: Status = "deels goed"
RIGHT: Status = "goed"
SUBMITTED: Status = "ingeleverd"


@dataclass(frozen=True)
class Outcome:
    """What :func:`salesbook.quiz.check.check` found.

    Attributes:
        status: ``niet beantwoord`` (no usable answer: not an attempt), ``fout``, ``deels
            goed``, ``goed``, or ``ingeleverd`` (open question, graded by the teacher).
        score: points earned, ``0 <= score <= max_score``.
        max_score: the question's points.
        feedback: complete Dutch Markdown feedback, ready to show on its own.
        details: the per-option/per-item lines again, for a UI that shows them beside the
            items (already included in ``feedback``).
    """

    status: Status
    score: float
    max_score: float
    feedback: str
    details: tuple[str, ...] = ()

    @property
    def attempted(self) -> bool:
        """False for ``niet beantwoord``: such a response should not cost an attempt."""
        return self.status != NOT_ANSWERED

    @property
    def fraction(self) -> float:
        """score / max_score (0.0 when max_score is 0)."""
        return self.score / self.max_score if self.max_score else 0.0


def scored(points: float, share: float, feedback: str, details: tuple[str, ...] = ()) -> Outcome:
    """An Outcome for ``share`` (0..1) of ``points``; the status follows from the share."""
    share = min(1.0, max(0.0, share))
    score = round(points * share, 6)
    if share >= 1.0 - 1e-9:
        status: Status = RIGHT
        score = float(points)
    elif share <= 1e-9:
        status, score = WRONG, 0.0
    else:
        status = PARTLY
    return Outcome(status, score, float(points), feedback, details)


def not_answered(points: float, message: str) -> Outcome:
    """No usable answer (empty, unreadable number): not an attempt."""
    return Outcome(NOT_ANSWERED, 0.0, float(points), message)


def wrong_shape(points: float, message: str) -> Outcome:
    """A response of the wrong shape: status ``fout`` with a Dutch explanation."""
    return Outcome(WRONG, 0.0, float(points), message)


def bullets(lines: list[str] | tuple[str, ...]) -> str:
    """Markdown bullet list (empty string for no lines)."""
    return "\n".join(f"- {line}" for line in lines)


def join_blocks(*blocks: str) -> str:
    """Join non-empty Markdown blocks with blank lines."""
    return "\n\n".join(block for block in blocks if block)
