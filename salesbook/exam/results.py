"""Scoring a handed-in exam: per question, per chapter and per leerdoel, plus the review.

Every response is checked with :func:`salesbook.quiz.check` against the key. Open questions
(if a blueprint allows them) are shown with the model answer but do not count in the score,
because a teacher grades them. No answer counts as wrong (0 points).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salesbook.exam.answers import correct_answer, points_text
from salesbook.exam.sampling import Exam, ExamItem
from salesbook.quiz import Course, Outcome, Question, check
from salesbook.quiz.summary import describe_response


@dataclass(frozen=True)
class ItemResult:
    """One question of a handed-in exam.

    Attributes:
        number: the 1-based question number in the exam.
        item: which question and variant.
        question: the question as the student saw it.
        response: the student's response (None: not answered).
        outcome: the check of that response against the key.
    """

    number: int
    item: ExamItem
    question: Question
    response: Any
    outcome: Outcome

    @property
    def auto_scored(self) -> bool:
        """False for open questions (graded by a teacher, not in the score)."""
        return self.question.type != "open"

    @property
    def correct(self) -> bool:
        """True when the answer earned all points."""
        return self.outcome.status == "goed"


@dataclass(frozen=True)
class GroupScore:
    """The score on a group of exam questions (a chapter or a leerdoel)."""

    key: str
    label: str
    questions: int
    correct: int
    score: float
    max_score: float

    @property
    def share(self) -> float:
        """score / max_score (0.0 for a group without auto-scored questions)."""
        return self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class ExamResult:
    """A handed-in exam with its scores.

    Attributes:
        exam: the drawn exam.
        items: one result per question, in exam order.
        started_at / handed_in_at: UTC times.
        expired: True when the exam was handed in because the time was over.
        per_chapter / per_leerdoel: scores per group, in course order.
    """

    exam: Exam
    items: tuple[ItemResult, ...]
    started_at: datetime
    handed_in_at: datetime
    expired: bool
    per_chapter: tuple[GroupScore, ...]
    per_leerdoel: tuple[GroupScore, ...]

    @property
    def score(self) -> float:
        """Points earned on the auto-scored questions."""
        return round(sum(r.outcome.score for r in self.items if r.auto_scored), 6)

    @property
    def max_score(self) -> float:
        """Points available on the auto-scored questions."""
        return round(sum(r.outcome.max_score for r in self.items if r.auto_scored), 6)

    @property
    def share(self) -> float:
        """score / max_score."""
        return self.score / self.max_score if self.max_score else 0.0

    @property
    def duration_seconds(self) -> float:
        """Time from start to hand-in."""
        return max(0.0, (self.handed_in_at - self.started_at).total_seconds())

    def wrong(self) -> list[ItemResult]:
        """Questions that did not earn all points (including unanswered and open ones)."""
        return [r for r in self.items if not r.correct]


def _group(key: str, label: str, results: list[ItemResult]) -> GroupScore:
    scored = [r for r in results if r.auto_scored]
    return GroupScore(
        key,
        label,
        len(results),
        sum(r.correct for r in scored),
        round(sum(r.outcome.score for r in scored), 6),
        round(sum(r.outcome.max_score for r in scored), 6),
    )


def score_exam(
    exam: Exam,
    course: Course,
    questions: list[Question],
    responses: Mapping[int, Any],
    *,
    started_at: datetime,
    handed_in_at: datetime,
    expired: bool = False,
) -> ExamResult:
    """Check every response and add the scores up per chapter and per leerdoel.

    Args:
        exam: the exam.
        course: the banks (for chapter titles and leerdoel texts).
        questions: the instantiated questions, in exam order.
        responses: 1-based question number → response (missing: not answered).
        started_at / handed_in_at: UTC times of start and hand-in.
        expired: handed in because the time was over.
    """
    items = tuple(
        ItemResult(n, item, question, responses.get(n), check(question, responses.get(n)))
        for n, (item, question) in enumerate(zip(exam.items, questions, strict=True), start=1)
    )
    chapters = []
    for chapter in exam.chapters:
        title = course.bank(chapter).title
        group = [r for r in items if r.item.chapter == chapter]
        chapters.append(_group(f"h{chapter}", f"Hoofdstuk {chapter} · {title}", group))
    goals = []
    seen = [r.item.leerdoel for r in items]
    for goal in dict.fromkeys(seen):
        text = course.leerdoel(goal).text
        goals.append(_group(goal, text, [r for r in items if r.item.leerdoel == goal]))
    return ExamResult(exam, items, started_at, handed_in_at, expired, tuple(chapters), tuple(goals))


def review_markdown(result: ItemResult) -> str:
    """The review of one question: status, prompt, your answer, the key, feedback, solution."""
    outcome = result.outcome
    noun = "punt" if outcome.max_score == 1 else "punten"
    if result.auto_scored:
        status = outcome.status[:1].upper() + outcome.status[1:]
        score = f"{points_text(outcome.score)} van {points_text(outcome.max_score)} {noun}"
    else:
        status, score = "Open vraag", "niet automatisch nagekeken"
    question = result.question
    parts = [
        f"**Vraag {result.number}** ({question.id}) · {status} · {score}",
        question.prompt.strip(),
        f"**Jouw antwoord:** {describe_response(question, result.response)}",
        f"**Juist antwoord:** {correct_answer(question)}",
    ]
    if result.response not in (None, "", [], {}) and result.auto_scored:
        parts.append(outcome.feedback.strip())
    parts.append(f"**Uitwerking**\n\n{question.solution.strip()}")
    return "\n\n".join(part for part in parts if part)
