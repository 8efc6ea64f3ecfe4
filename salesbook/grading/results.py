"""What scoring produces: one :class:`QuestionResult` per question, one
:class:`ScoredSubmission` per student and chapter (plain data, safe to pickle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOT_ANSWERED = "niet beantwoord"
PENDING = "nog na te kijken"
MANUAL = "handmatig"


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """The score of one question for one student.

    Attributes:
        question_id, leerdoel, type: of the bank question.
        points: the question's points (its maximum).
        score: points earned (manual score if there is one).
        status: ``goed``, ``deels goed``, ``fout``, ``niet beantwoord``, ``nog na te kijken``
            (open, no manual score yet) or ``handmatig`` (scored by the teacher).
        response: the response as recorded (None when not answered).
        feedback: Dutch Markdown feedback recomputed from the key.
        seed: the variant seed used (None for questions without parameters).
        attempts: attempts recorded.
        comment: the teacher's comment (manual scores).
        flags: Dutch notes shown on the feedback page (changed key, changed answer, …).
    """

    question_id: str
    leerdoel: str
    type: str
    points: float
    score: float
    status: str
    response: Any = None
    feedback: str = ""
    seed: int | None = None
    attempts: int = 0
    comment: str = ""
    flags: tuple[str, ...] = ()

    @property
    def pending(self) -> bool:
        """True for an open question still waiting for the teacher's score."""
        return self.status == PENDING


@dataclass
class ScoredSubmission:
    """One student's scored notebook for one chapter."""

    student: str
    chapter: int
    file: str
    latest: str
    results: list[QuestionResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Points earned in this chapter."""
        return round(sum(result.score for result in self.results), 6)

    @property
    def max_score(self) -> float:
        """Points available in this chapter (all questions of the bank)."""
        return round(sum(result.points for result in self.results), 6)

    @property
    def pending(self) -> int:
        """Open questions still to be scored by the teacher."""
        return sum(result.pending for result in self.results)
