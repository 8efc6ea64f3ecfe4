"""Progress per leerdoel or per chapter, recomputed from the answer key (pure, no display).

Scores are never taken from what was stored: every stored response is checked again against
the question bank, for the student's own variant (seed). Open questions count as answered but
not in the points share, because the teacher grades them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from salesbook.quiz import AnswerRecord, Bank, Question, check, instantiate

RecordLookup = Callable[[str, int | None], AnswerRecord | None]
"""``(question id, variant seed) -> record or None``, e.g. ``AnswerStore.get``."""


@dataclass(frozen=True)
class Progress:
    """Progress on one group of questions (a leerdoel or a chapter).

    Attributes:
        key: leerdoel id (``"h2.nps"``) or chapter (``"h2"``).
        label: the leerdoel text or chapter title (Dutch).
        questions: number of questions.
        answered: questions with at least one recorded attempt.
        score: points earned on the auto-scored questions.
        max_score: points available on the auto-scored questions (open ones excluded).
    """

    key: str
    label: str
    questions: int
    answered: int
    score: float
    max_score: float

    @property
    def share(self) -> float:
        """score / max_score, 0.0 when nothing is auto-scored."""
        return self.score / self.max_score if self.max_score else 0.0


def question_progress(
    question: Question, lookup: RecordLookup, seed: int | None
) -> tuple[bool, float, float]:
    """``(answered, score, max score)`` of one question for one student."""
    variant = instantiate(question, seed)
    record = lookup(variant.id, variant.variant_seed)
    auto = question.type != "open"
    max_score = float(question.points) if auto else 0.0
    if record is None:
        return False, 0.0, max_score
    outcome = check(variant, record.response)
    return True, (outcome.score if auto else 0.0), max_score


def summarise(
    key: str, label: str, questions: Iterable[Question], lookup: RecordLookup, seed: int | None
) -> Progress:
    """Add up :func:`question_progress` over a group of questions."""
    count = answered = 0
    score = max_score = 0.0
    for question in questions:
        done, earned, available = question_progress(question, lookup, seed)
        count += 1
        answered += done
        score += earned
        max_score += available
    return Progress(key, label, count, answered, round(score, 6), round(max_score, 6))


def per_leerdoel(bank: Bank, lookup: RecordLookup, seed: int | None) -> list[Progress]:
    """One row per leerdoel of a chapter, in bank order."""
    return [
        summarise(goal.id, goal.text, bank.questions_for(goal.id), lookup, seed)
        for goal in bank.leerdoelen
    ]


def per_chapter(banks: Iterable[Bank], lookup: RecordLookup, seed: int | None) -> list[Progress]:
    """One row per chapter, ordered by chapter number."""
    return [
        summarise(f"h{bank.chapter}", bank.title, bank.questions, lookup, seed)
        for bank in sorted(banks, key=lambda bank: bank.chapter)
    ]
