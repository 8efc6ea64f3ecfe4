"""Draw a mock exam from the question banks, following a blueprint; same seed → same exam.

How questions are drawn (``draw_exam(course, blueprint, seed)``):

1. Eligible questions: those of an allowed type in the listed chapters (and, when a chapter
   lists leerdoelen, of a leerdoel with a positive weight).
2. Chapters: the exam size (questions or points) is shared by chapter weight with the largest
   remainder rule (:mod:`salesbook.exam.allocation`), so every seed gives each chapter the same
   number. A chapter without a bank or with too few questions gets what it has; the rest goes
   to the other chapters by weight, with a Dutch warning on the exam.
3. Leerdoelen: a chapter's share is divided over its leerdoelen by weight with unbiased random
   rounding (over many seeds each leerdoel gets its weight's share on average).
4. Questions: a random sample within each leerdoel, without repeats. By points, questions are
   taken in random order as long as they fit, then the chapter's gap is filled from its other
   leerdoelen.
5. Order: by chapter, then in bank order (the order of the chapter's teaching).

The generator is ``random.Random(seed)``; the variant seed of a parameterised numeric question
is ``sha256("<seed>|<question id>")``, so its numbers depend on nothing else.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from salesbook.exam.allocation import apportion
from salesbook.exam.blueprint import Blueprint
from salesbook.exam.errors import BlueprintError
from salesbook.quiz import Course, Question, instantiate
from salesbook.quiz.model import NumericQuestion


@dataclass(frozen=True)
class ExamItem:
    """One question of an exam: which question, which variant, and its place in the matrix."""

    question_id: str
    variant_seed: int | None
    chapter: int
    leerdoel: str
    points: float

    def question(self, course: Course) -> Question:
        """The question as the student sees it (parameterised ones with their numbers)."""
        return instantiate(course.question(self.question_id), self.variant_seed)


@dataclass(frozen=True)
class Exam:
    """A drawn mock exam.

    Attributes:
        name: the blueprint's name.
        seed: the seed it was drawn with.
        items: the questions, in exam order.
        time_limit_minutes: from the blueprint (None: no limit).
        warnings: Dutch notes on where the banks could not follow the blueprint.
    """

    name: str
    seed: int
    items: tuple[ExamItem, ...]
    time_limit_minutes: int | None
    warnings: tuple[str, ...] = ()

    @property
    def total_points(self) -> float:
        """The points of all questions together."""
        return sum(item.points for item in self.items)

    @property
    def chapters(self) -> list[int]:
        """The chapters in the exam, in order."""
        return sorted({item.chapter for item in self.items})

    def pairs(self) -> list[tuple[str, int | None]]:
        """``(question id, variant seed)`` per question, in exam order."""
        return [(item.question_id, item.variant_seed) for item in self.items]


def variant_seed_for(seed: int, question: Question) -> int | None:
    """The variant seed of a parameterised numeric question in exam ``seed`` (else None)."""
    if not isinstance(question, NumericQuestion) or not question.parameters:
        return None
    digest = hashlib.sha256(f"{seed}|{question.id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def blueprint_problems(course: Course, blueprint: Blueprint) -> tuple[list[str], list[str]]:
    """``(errors, warnings)`` of a blueprint against the course (Dutch).

    Errors: a listed leerdoel that does not exist in its chapter's bank (a typo). Warnings:
    a chapter without a question bank.
    """
    errors: list[str] = []
    warnings: list[str] = []
    for chapter, spec in sorted(blueprint.chapters.items()):
        if chapter not in course.banks:
            warnings.append(f"Hoofdstuk {chapter} heeft (nog) geen vragenbank.")
            continue
        known = {goal.id for goal in course.bank(chapter).leerdoelen}
        for goal in spec.leerdoelen or {}:
            if goal not in known:
                errors.append(
                    f"{blueprint.file}, hoofdstuk {chapter}, veld leerdoelen.{goal}: "
                    f"dit leerdoel bestaat niet in hoofdstuk {chapter}"
                )
    return errors, warnings


def _value(question: Question, by_points: bool) -> int:
    return max(1, round(question.points)) if by_points else 1


def _pick(pool: list[Question], target: int, by_points: bool, rng: random.Random) -> list[Question]:
    """Questions from ``pool`` worth ``target`` seats (count, or points taken as they fit)."""
    if not by_points:
        return rng.sample(pool, min(target, len(pool)))
    order = list(pool)
    rng.shuffle(order)
    chosen: list[Question] = []
    left = target
    for question in order:
        if 0 < _value(question, True) <= left:
            chosen.append(question)
            left -= _value(question, True)
    return chosen


def _chapter_pools(
    course: Course, blueprint: Blueprint, chapter: int
) -> tuple[list[str], list[float], list[list[Question]]]:
    bank = course.bank(chapter)
    goals = [goal.id for goal in bank.leerdoelen]
    weights = blueprint.leerdoel_weights(chapter, goals)
    allowed = set(blueprint.types)
    pools = [
        sorted((q for q in bank.questions_for(goal) if q.type in allowed), key=lambda q: q.id)
        if weights[goal] > 0
        else []
        for goal in goals
    ]
    return goals, [weights[goal] for goal in goals], pools


def _unit(blueprint: Blueprint, amount: float) -> str:
    if blueprint.by_points:
        return "punt" if amount == 1 else "punten"
    return "vraag" if amount == 1 else "vragen"


def draw_exam(course: Course, blueprint: Blueprint, seed: int) -> Exam:
    """Draw the exam of ``seed`` (an integer ``>= 0``); see the module docstring.

    Raises:
        BlueprintError: the seed is not a whole number ``>= 0``, or the blueprint names a
            leerdoel that does not exist.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise BlueprintError(f"De seed van een proefexamen is een geheel getal ≥ 0, niet {seed!r}.")
    errors, warnings = blueprint_problems(course, blueprint)
    if errors:
        raise BlueprintError(
            "De toetsmatrijs past niet bij de vragenbanken:\n- " + "\n- ".join(errors)
        )
    rng = random.Random(seed)
    by_points = blueprint.by_points
    chapters = sorted(blueprint.chapters)
    pools: dict[int, tuple[list[str], list[float], list[list[Question]]]] = {}
    for chapter in chapters:
        pools[chapter] = (
            _chapter_pools(course, blueprint, chapter) if chapter in course.banks else ([], [], [])
        )
    capacity = {
        ch: sum(_value(q, by_points) for pool in pools[ch][2] for q in pool) for ch in chapters
    }
    weights = [blueprint.chapters[ch].weight for ch in chapters]
    shares = apportion(blueprint.size, weights, [capacity[ch] for ch in chapters])
    ideal = apportion(blueprint.size, weights, [blueprint.size] * len(chapters))
    for chapter, share, wanted in zip(chapters, shares, ideal, strict=True):
        if share < wanted and chapter in course.banks:
            have = capacity[chapter]
            warnings.append(
                f"Hoofdstuk {chapter} heeft maar {have} {_unit(blueprint, have)} die passen bij "
                f"de toetsmatrijs; er komen er {share} in plaats van {wanted}."
            )
    chosen: list[Question] = []
    for chapter, share in zip(chapters, shares, strict=True):
        goals, goal_weights, goal_pools = pools[chapter]
        if not goals or share == 0:
            continue
        sizes = [sum(_value(q, by_points) for q in pool) for pool in goal_pools]
        per_goal = apportion(share, goal_weights, sizes, rng)
        picked: list[Question] = []
        for pool, target in zip(goal_pools, per_goal, strict=True):
            picked += _pick(pool, target, by_points, rng)
        gap = share - sum(_value(q, by_points) for q in picked)
        if gap > 0:  # by points: fill from the chapter's remaining questions that fit
            rest = [q for pool in goal_pools for q in pool if q not in picked]
            picked += _pick(rest, gap, by_points, rng)
        chosen += picked
    total = sum(_value(q, by_points) for q in chosen)
    if total < blueprint.size:
        warnings.append(
            f"De vragenbanken hebben niet genoeg geschikte vragen: het examen telt {total} "
            f"{_unit(blueprint, total)} in plaats van {blueprint.size}."
        )
    elif any(share > wanted for share, wanted in zip(shares, ideal, strict=True)):
        warnings.append(
            "De ontbrekende vragen zijn naar verhouding over de andere hoofdstukken verdeeld."
        )
    position = {q.id: n for n, q in enumerate(course.questions())}
    chosen.sort(key=lambda q: (q.chapter, position[q.id]))
    items = tuple(
        ExamItem(q.id, variant_seed_for(seed, q), q.chapter, q.leerdoel, float(q.points))
        for q in chosen
    )
    return Exam(blueprint.name, seed, items, blueprint.time_limit_minutes, tuple(warnings))
