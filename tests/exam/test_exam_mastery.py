"""Mastery per leerdoel: the documented formula on a hand-made case, evidence, practice list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from exam_helpers import course

from salesbook.exam.cards import Flashcard
from salesbook.exam.flashcards import Review
from salesbook.exam.history import AttemptRecord, HistoryItem
from salesbook.exam.mastery import (
    Evidence,
    decay,
    exam_evidence,
    flashcard_evidence,
    mastery,
    mastery_score,
    practice_list,
    quiz_evidence,
)
from salesbook.quiz import record_answer

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
SMALL = course({1: {"a": 2, "b": 2, "c": 1}, 2: {"abc": 2}})


def test_decay_halves_every_thirty_days():
    assert decay(NOW, NOW) == 1.0
    assert decay(NOW - timedelta(days=30), NOW) == pytest.approx(0.5)
    assert decay(NOW - timedelta(days=60), NOW) == pytest.approx(0.25)
    assert decay(None, NOW) == 1.0
    assert decay(NOW + timedelta(days=3), NOW) == 1.0


def test_the_formula_on_a_hand_made_case():
    evidence = [
        Evidence("h1.a", "quiz", 1.0, NOW),  # w·d = 1
        Evidence("h1.a", "examen", 0.0, NOW - timedelta(days=30)),  # w·d = 0,5
        Evidence("h1.a", "flashcard", 0.9, NOW),  # w·d = 0,5, "Goed"
    ]
    # (1·1 + 0,5·0 + 0,5·0,9) / (1 + 1 + 0,5 + 0,5) = 1,45 / 3
    assert mastery_score(evidence, NOW) == pytest.approx(1.45 / 3)
    assert mastery_score([], NOW) == 0.0
    right = Evidence("h1.a", "quiz", 1.0, NOW)
    assert mastery_score([right], NOW) == 0.5
    assert mastery_score([right] * 3, NOW) == 0.75
    assert mastery_score([right] * 9, NOW) == pytest.approx(0.9)


def test_quiz_evidence_rechecks_stored_answers():
    question = SMALL.question("h1.a.01")
    right = record_answer(None, question, 0, now=NOW - timedelta(days=30))
    wrong = record_answer(None, SMALL.question("h1.b.02"), 2, now=NOW)
    store = {("h1.a.01", None): right, ("h1.b.02", None): wrong}
    found = quiz_evidence(SMALL, lambda qid, seed: store.get((qid, seed)), seed=None)
    assert found == [
        Evidence("h1.a", "quiz", 1.0, NOW - timedelta(days=30)),
        Evidence("h1.b", "quiz", 0.0, NOW),
    ]


def test_exam_and_flashcard_evidence():
    attempt = AttemptRecord(
        name="x",
        seed=1,
        started_at=NOW,
        handed_in_at=NOW,
        expired=False,
        score=1,
        max_score=3,
        items=[
            HistoryItem(question_id="h1.a.01", variant_seed=None, chapter=1, leerdoel="h1.a",
                        status="goed", score=1, max_score=1),
            HistoryItem(question_id="h1.c.01", variant_seed=None, chapter=1, leerdoel="h1.c",
                        status="deels goed", score=0.5, max_score=2),
            HistoryItem(question_id="h1.b.01", variant_seed=None, chapter=1, leerdoel="h1.b",
                        status="ingeleverd", score=0, max_score=2, auto_scored=False),
        ],
    )  # fmt: skip
    assert exam_evidence([attempt]) == [
        Evidence("h1.a", "examen", 1.0, NOW),
        Evidence("h1.c", "examen", 0.25, NOW),
    ]
    card = Flashcard("begrip:h1.b:x", "begrip", "x", "y", 1, "h1.b", "b")
    reviews = [Review(card.key, 2, NOW), Review("begrip:weg:z", 4, NOW)]
    assert flashcard_evidence(reviews, [card]) == [Evidence("h1.b", "flashcard", 0.6, NOW)]


def test_mastery_rows_levels_and_the_practice_list_with_links():
    evidence = [
        *[Evidence("h1.a", "quiz", 1.0, NOW)] * 9,  # 0,9: beheerst
        Evidence("h1.b", "quiz", 0.0, NOW),  # 0: practised and wrong
        *[Evidence("h2.abc", "examen", 1.0, NOW)] * 2,  # 0,667: op weg
    ]
    rows = mastery(SMALL, evidence, NOW)
    assert [r.leerdoel for r in rows] == ["h1.a", "h1.b", "h1.c", "h2.abc"]
    by_goal = {r.leerdoel: r for r in rows}
    assert by_goal["h1.a"].score == pytest.approx(0.9)
    assert by_goal["h1.a"].level == "beheerst"
    assert by_goal["h1.a"].counts == {"quiz": 9, "examen": 0, "flashcard": 0}
    assert by_goal["h1.b"].level == "oefenen"
    assert by_goal["h1.c"].level == "nog niet geoefend" and by_goal["h1.c"].evidence == 0
    assert by_goal["h2.abc"].level == "op weg"
    practice = practice_list(rows)
    # lowest first; on a tie (0) the practised-and-wrong leerdoel before the untried one
    assert [r.leerdoel for r in practice] == ["h1.b", "h1.c", "h2.abc"]
    assert practice[2].link == "02_meten_is_weten.ipynb#abc"
    assert practice[0].link == "01_salesmanagement.ipynb#b"
    assert practice_list(rows, limit=1) == practice[:1]
