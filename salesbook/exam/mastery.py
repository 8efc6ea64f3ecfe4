"""Mastery per leerdoel from quiz answers, mock exams and flashcard reviews.

Every piece of evidence *i* has a score ``s`` (0–1), a weight ``w`` and an age in days:

- a quiz answer in a chapter notebook (latest answer per question, rechecked against the key):
  ``s`` = share of the points, ``w`` = 1;
- a question in a handed-in mock exam: ``s`` = share of the points, ``w`` = 1;
- a flashcard review: ``s`` = 0 (Opnieuw), 0,6 (Moeilijk), 0,9 (Goed) or 1 (Makkelijk),
  ``w`` = 0,5 (recalling a term is less than applying it).

Older evidence counts less: its weight is multiplied by ``d = 0,5 ^ (age / 30 days)``. Then::

    mastery = Σ w·d·s / (PRIOR + Σ w·d)        with PRIOR = 1

The prior acts as one piece of evidence with score 0: a single right answer gives 0,5, three
give 0,75, nine give 0,9. So mastery only grows with repeated success, and fades when you
stop practising. Open questions (graded by a teacher) are no evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from salesbook.exam.cards import Flashcard
from salesbook.exam.flashcards import Review
from salesbook.exam.history import AttemptRecord
from salesbook.quiz import AnswerRecord, Course, check, instantiate

PRIOR = 1.0
HALF_LIFE_DAYS = 30.0
WEIGHTS = {"quiz": 1.0, "examen": 1.0, "flashcard": 0.5}
RATING_SCORES = {1: 0.0, 2: 0.6, 3: 0.9, 4: 1.0}
MASTERED = 0.8
ON_THE_WAY = 0.5
NOTEBOOKS = {
    0: "00_welkom.ipynb",
    1: "01_salesmanagement.ipynb",
    2: "02_meten_is_weten.ipynb",
    3: "03_organisatie_en_planning.ipynb",
    4: "04_sales_skills.ipynb",
    5: "05_verkoopplan.ipynb",
    6: "06_leiderschap_en_coaching.ipynb",
}

RecordLookup = Callable[[str, int | None], AnswerRecord | None]


@dataclass(frozen=True)
class Evidence:
    """One observation about a leerdoel."""

    leerdoel: str
    source: str  # "quiz", "examen" or "flashcard"
    score: float
    at: datetime | None = None

    @property
    def weight(self) -> float:
        """The weight of its source (before ageing)."""
        return WEIGHTS[self.source]


@dataclass(frozen=True)
class Mastery:
    """Mastery of one leerdoel.

    Attributes:
        leerdoel / text / chapter / section: the leerdoel.
        score: mastery 0–1 (see the module docstring).
        counts: number of pieces of evidence per source.
    """

    leerdoel: str
    text: str
    chapter: int
    section: str
    score: float
    counts: dict[str, int]

    @property
    def evidence(self) -> int:
        """All pieces of evidence together."""
        return sum(self.counts.values())

    @property
    def level(self) -> str:
        """``beheerst`` (≥ 0,8), ``op weg`` (≥ 0,5), ``oefenen`` or ``nog niet geoefend``."""
        if not self.evidence:
            return "nog niet geoefend"
        if self.score >= MASTERED:
            return "beheerst"
        return "op weg" if self.score >= ON_THE_WAY else "oefenen"

    @property
    def link(self) -> str:
        """Relative link to the leerdoel's section: ``02_meten_is_weten.ipynb#abc``."""
        return f"{NOTEBOOKS.get(self.chapter, '')}#{self.section}"


def quiz_evidence(course: Course, lookup: RecordLookup, seed: int | None) -> list[Evidence]:
    """The latest stored answer of every chapter question, rechecked against the key."""
    found = []
    for question in course.questions():
        if question.chapter == 0 or question.type == "open":
            continue
        variant = instantiate(question, seed)
        record = lookup(variant.id, variant.variant_seed)
        if record is None:
            continue
        outcome = check(variant, record.response)
        if not outcome.attempted:
            continue
        at = datetime.fromisoformat(record.last_answered_at.replace("Z", "+00:00"))
        found.append(Evidence(question.leerdoel, "quiz", outcome.fraction, at))
    return found


def exam_evidence(attempts: Iterable[AttemptRecord]) -> list[Evidence]:
    """Every auto-scored question of every handed-in mock exam."""
    return [
        Evidence(item.leerdoel, "examen", item.score / item.max_score, attempt.handed_in_at)
        for attempt in attempts
        for item in attempt.items
        if item.auto_scored and item.max_score > 0
    ]


def flashcard_evidence(reviews: Iterable[Review], deck: Iterable[Flashcard]) -> list[Evidence]:
    """Every review of a card that is in the deck."""
    goals = {card.key: card.leerdoel for card in deck}
    return [
        Evidence(goals[r.card], "flashcard", RATING_SCORES[r.rating], r.at)
        for r in reviews
        if r.card in goals
    ]


def decay(at: datetime | None, now: datetime) -> float:
    """``0,5 ^ (age in days / HALF_LIFE_DAYS)``; 1 without a time or for a future time."""
    if at is None:
        return 1.0
    age_days = max(0.0, (now - at).total_seconds() / 86400.0)
    return float(0.5 ** (age_days / HALF_LIFE_DAYS))


def mastery_score(evidence: Iterable[Evidence], now: datetime) -> float:
    """``Σ w·d·s / (PRIOR + Σ w·d)`` over the evidence of one leerdoel."""
    weighted = total = 0.0
    for item in evidence:
        weight = item.weight * decay(item.at, now)
        weighted += weight * item.score
        total += weight
    return weighted / (PRIOR + total)


def mastery(course: Course, evidence: Iterable[Evidence], now: datetime) -> list[Mastery]:
    """Mastery of every leerdoel of chapters 1 and up, in course order."""
    by_goal: dict[str, list[Evidence]] = {}
    for item in evidence:
        by_goal.setdefault(item.leerdoel, []).append(item)
    rows = []
    for chapter, bank in sorted(course.banks.items()):
        if chapter == 0:
            continue
        for goal in bank.leerdoelen:
            found = by_goal.get(goal.id, [])
            counts = {source: sum(e.source == source for e in found) for source in WEIGHTS}
            score = round(mastery_score(found, now), 6)
            rows.append(Mastery(goal.id, goal.text, chapter, goal.section, score, counts))
    return rows


def practice_list(rows: list[Mastery], limit: int = 5) -> list[Mastery]:
    """ "Oefen dit nog": the weakest leerdoelen below :data:`MASTERED`.

    Lowest mastery first; on equal mastery, leerdoelen you practised (and got wrong) before
    leerdoelen you did not practise yet, then in course order.
    """
    order = {row.leerdoel: n for n, row in enumerate(rows)}
    weak = [row for row in rows if row.score < MASTERED]
    weak.sort(key=lambda row: (round(row.score, 6), row.evidence == 0, order[row.leerdoel]))
    return weak[:limit]
