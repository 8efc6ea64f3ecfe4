"""Drawing mock exams: weights per chapter and leerdoel, reproducible seeds, graceful fallback."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from exam_helpers import blueprint, course

from salesbook.exam.blueprint import load_blueprint
from salesbook.exam.errors import BlueprintError
from salesbook.exam.sampling import draw_exam
from salesbook.quiz import compute_answer, load_course
from salesbook.quiz.model import NumericQuestion

SMALL = course({1: {"a": 6, "b": 6}, 2: {"c": 6, "d": 6, "e": 6}, 3: {"f": 10}})
PLAN = blueprint("  1: {weight: 2}\n  2: {weight: 5}\n  3: {weight: 3}\n", "questions: 12")


def _per_chapter(exam) -> dict[int, int]:
    return dict(Counter(item.chapter for item in exam.items))


@pytest.mark.parametrize("seed", range(30))
def test_chapter_counts_follow_the_weights_exactly_for_every_seed(seed):
    # 12 × (2, 5, 3) / 10 = 2,4; 6; 3,6 → 2, 6, 3 and the last seat to the ,6 of chapter 3
    exam = draw_exam(SMALL, PLAN, seed)
    assert _per_chapter(exam) == {1: 2, 2: 6, 3: 4}
    ids = [item.question_id for item in exam.items]
    assert len(ids) == len(set(ids)) == 12  # no repeats
    assert [item.chapter for item in exam.items] == sorted(item.chapter for item in exam.items)
    assert exam.warnings == ()


def test_the_same_seed_gives_the_same_exam_and_other_seeds_differ():
    first = draw_exam(SMALL, PLAN, 42)
    assert draw_exam(SMALL, PLAN, 42) == first
    others = {tuple(draw_exam(SMALL, PLAN, seed).pairs()) for seed in range(20)}
    assert len(others) > 10


def test_leerdoel_frequencies_match_their_weights_over_many_seeds():
    # chapter 2 alone, 4 questions, leerdoelen 3 : 1 : 1 → expected 2,4; 0,8; 0,8 per exam
    plan = blueprint(
        "  2:\n    weight: 1\n    leerdoelen: {h2.c: 3, h2.d: 1, h2.e: 1}\n", "questions: 4"
    )
    runs = 1500
    totals: Counter[str] = Counter()
    for seed in range(runs):
        exam = draw_exam(SMALL, plan, seed)
        counts = Counter(item.leerdoel for item in exam.items)
        assert sum(counts.values()) == 4
        assert 2 <= counts["h2.c"] <= 3  # floor or ceiling of its quota
        totals.update(counts)
    means = {goal: totals[goal] / runs for goal in ("h2.c", "h2.d", "h2.e")}
    assert means == pytest.approx({"h2.c": 2.4, "h2.d": 0.8, "h2.e": 0.8}, abs=0.05)


def test_without_leerdoel_weights_every_leerdoel_weighs_the_same():
    plan = blueprint("  2: {weight: 1}\n", "questions: 4")
    totals: Counter[str] = Counter()
    for seed in range(900):
        totals.update(item.leerdoel for item in draw_exam(SMALL, plan, seed).items)
    assert {goal: n / 900 for goal, n in totals.items()} == pytest.approx(
        {"h2.c": 4 / 3, "h2.d": 4 / 3, "h2.e": 4 / 3}, abs=0.06
    )


def test_a_leerdoel_with_weight_zero_is_never_drawn():
    plan = blueprint("  2:\n    weight: 1\n    leerdoelen: {h2.c: 1, h2.d: 0}\n", "questions: 5")
    for seed in range(20):
        assert {item.leerdoel for item in draw_exam(SMALL, plan, seed).items} == {"h2.c"}


def test_a_chapter_with_too_few_questions_gives_its_rest_to_the_others_with_a_warning():
    plan = blueprint("  1: {weight: 9}\n  3: {weight: 1}\n", "questions: 20")
    exam = draw_exam(SMALL, plan, 3)
    # quota chapter 1: 18, room 12 → 12; the other 8 go to chapter 3
    assert _per_chapter(exam) == {1: 12, 3: 8}
    assert exam.warnings == (
        "Hoofdstuk 1 heeft maar 12 vragen die passen bij de toetsmatrijs; er komen er 12 in "
        "plaats van 18.",
        "De ontbrekende vragen zijn naar verhouding over de andere hoofdstukken verdeeld.",
    )


def test_a_chapter_without_bank_is_skipped_with_a_warning():
    plan = blueprint("  1: {weight: 1}\n  4: {weight: 1}\n", "questions: 6")
    exam = draw_exam(SMALL, plan, 1)
    assert _per_chapter(exam) == {1: 6}
    assert exam.warnings[0] == "Hoofdstuk 4 heeft (nog) geen vragenbank."


def test_not_enough_questions_in_the_whole_course_makes_a_shorter_exam():
    plan = blueprint("  1: {weight: 1}\n", "questions: 50")
    exam = draw_exam(SMALL, plan, 1)
    assert len(exam.items) == 12
    assert exam.warnings[-1] == (
        "De vragenbanken hebben niet genoeg geschikte vragen: het examen telt 12 vragen in "
        "plaats van 50."
    )


def test_only_allowed_types_are_drawn():
    plan = blueprint("  1: {weight: 1}\n", "questions: 3\ntypes: [numeric]")
    exam = draw_exam(SMALL, plan, 1)
    assert exam.items == ()
    assert "niet genoeg geschikte vragen" in exam.warnings[-1]


def test_an_exam_by_points_reaches_the_points_per_chapter():
    plan = blueprint("  1: {weight: 1}\n  2: {weight: 1}\n", "points: 10")
    exam = draw_exam(SMALL, plan, 5)
    assert exam.total_points == 10
    assert _per_chapter(exam) == {1: 5, 2: 5}  # 1-point questions


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True])
def test_a_seed_must_be_a_whole_number_of_zero_or_more(seed):
    with pytest.raises(BlueprintError, match="geheel getal"):
        draw_exam(SMALL, PLAN, seed)


def test_the_real_course_and_default_blueprint():
    real = load_course()
    default = load_blueprint()
    exam = draw_exam(real, default, 2026)
    assert len(exam.items) == 30
    counts = _per_chapter(exam)
    # 30 × (20, 25, 10, 15, 15, 15) / 100 → 6, 8, 3, 5, 4, 4 (see test_exam_allocation)
    assert counts == {1: 6, 2: 8, 3: 3, 4: 5, 5: 4, 6: 4}
    assert exam.warnings == ()  # the packaged toetsmatrijs fits the packaged banks
    for item in exam.items:
        question = real.question(item.question_id)
        assert question.type in default.types
        parameterised = isinstance(question, NumericQuestion) and bool(question.parameters)
        assert (item.variant_seed is not None) == parameterised
        variant = item.question(real)
        if isinstance(variant, NumericQuestion):
            assert math.isfinite(compute_answer(variant))
