"""The timer and an exam attempt on a fake clock (no sleeping), and scoring per group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from exam_helpers import FakeClock, blueprint, choice, numeric, open_question

from salesbook.exam.attempt import ExamAttempt
from salesbook.exam.errors import ExamError
from salesbook.exam.results import review_markdown
from salesbook.exam.sampling import Exam, ExamItem, draw_exam
from salesbook.exam.timer import Timer, format_countdown
from salesbook.quiz import Bank, Course

START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class FakeNow:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.base = clock.now

    def __call__(self) -> datetime:
        return START + timedelta(seconds=self.clock.now - self.base)


def _course() -> Course:
    goals = [
        {"id": "h1.a", "text": "Leerdoel A.", "section": "a"},
        {"id": "h1.b", "text": "Leerdoel B.", "section": "b"},
    ]
    questions = [
        choice("h1.a.01", "h1.a"),
        choice("h1.a.02", "h1.a", points=2),
        numeric("h1.b.01", "h1.b", 1250),
        open_question("h1.b.02", "h1.b"),
    ]
    one = Bank.model_validate(
        {
            "schema_version": 1,
            "chapter": 1,
            "title": "Een",
            "leerdoelen": goals,
            "questions": questions,
        }
    )
    two = Bank.model_validate(
        {"schema_version": 1, "chapter": 2, "title": "Twee",
         "leerdoelen": [{"id": "h2.c", "text": "Leerdoel C.", "section": "c"}],
         "questions": [choice("h2.c.01", "h2.c")]}
    )  # fmt: skip
    return Course({1: one, 2: two})


COURSE = _course()
EXAM = Exam(
    "Testexamen",
    7,
    tuple(ExamItem(q.id, None, q.chapter, q.leerdoel, float(q.points)) for q in COURSE.questions()),
    30,
)


def _attempt(minutes=None):
    clock = FakeClock()
    attempt = ExamAttempt(EXAM, COURSE, time_limit_minutes=minutes, clock=clock, now=FakeNow(clock))
    return attempt, clock


def test_countdown_text_rounds_up_and_shows_hours():
    assert format_countdown(3600) == "1:00:00"
    assert format_countdown(3725) == "1:02:05"
    assert format_countdown(59.2) == "01:00"
    assert format_countdown(0.4) == "00:01"
    assert format_countdown(0) == "00:00"
    assert format_countdown(-5) == "00:00"


def test_timer_on_a_fake_clock():
    clock = FakeClock()
    timer = Timer(60, clock)
    clock.advance(100)  # not started: nothing runs
    assert (timer.remaining(), timer.expired, timer.text()) == (60.0, False, "01:00")
    timer.start()
    clock.advance(15.2)
    assert timer.remaining() == pytest.approx(44.8)
    assert timer.text() == "00:45"
    timer.start()  # a second start does not reset
    clock.advance(44.8)
    assert timer.remaining() == 0.0 and timer.expired
    clock.advance(10)
    assert timer.remaining() == 0.0
    with pytest.raises(ValueError):
        Timer(0, clock)


def test_answers_get_no_feedback_until_hand_in():
    attempt, _ = _attempt()
    assert len(attempt) == 5 and not attempt.started
    assert attempt.answer(1, 0) is None  # nothing is revealed
    attempt.answer(2, 1)
    attempt.answer(3, "1.250,40")
    attempt.answer(4, "Mijn uitleg.")
    assert attempt.started and not attempt.handed_in
    result = attempt.hand_in()
    assert attempt.handed_in and not result.expired
    statuses = [r.outcome.status for r in result.items]
    assert statuses == ["goed", "fout", "goed", "ingeleverd", "niet beantwoord"]
    # auto-scored: 1 + 0 + 2 (numeric within ± 0,5) + 0 (no answer) of 1 + 2 + 2 + 1; open excluded
    assert (result.score, result.max_score) == (3.0, 6.0)
    assert attempt.hand_in() is result  # a second hand-in changes nothing


def test_scores_per_chapter_and_leerdoel_by_hand():
    attempt, clock = _attempt()
    attempt.answer(1, 0)
    attempt.answer(2, 1)
    attempt.answer(3, "1250")
    clock.advance(125)
    result = attempt.hand_in()
    chapters = {g.key: (g.questions, g.correct, g.score, g.max_score) for g in result.per_chapter}
    assert chapters == {"h1": (4, 2, 3.0, 5.0), "h2": (1, 0, 0.0, 1.0)}
    goals = {g.key: (g.questions, g.correct, g.score, g.max_score) for g in result.per_leerdoel}
    assert goals == {
        "h1.a": (2, 1, 1.0, 3.0),
        "h1.b": (2, 1, 2.0, 2.0),  # the open question counts as a question, not in the points
        "h2.c": (1, 0, 0.0, 1.0),
    }
    assert result.per_chapter[0].label == "Hoofdstuk 1 · Een"
    assert result.per_leerdoel[0].share == pytest.approx(1 / 3)
    assert result.duration_seconds == 125
    assert [r.number for r in result.wrong()] == [2, 4, 5]


def test_review_of_a_wrong_answer_shows_answer_key_feedback_and_solution():
    attempt, _ = _attempt()
    attempt.answer(2, 1)
    result = attempt.hand_in()
    text = review_markdown(result.items[1])
    assert text.startswith("**Vraag 2** (h1.a.02) · Fout · 0 van 2 punten")
    assert "**Jouw antwoord:** Fout antwoord" in text
    assert "**Juist antwoord:** A. Juist antwoord" in text
    assert "Helaas, fout." in text  # the option's feedback
    assert text.endswith("**Uitwerking**\n\nUitwerking van h1.a.02.")
    unanswered = review_markdown(result.items[4])
    assert "Niet beantwoord · 0 van 1 punt" in unanswered
    assert "(geen antwoord)" in unanswered
    numeric_key = review_markdown(result.items[2])
    assert "**Juist antwoord:** € 1.250,00 (goed binnen ± € 0,50)" in numeric_key
    open_review = review_markdown(result.items[3])
    assert "Open vraag · niet automatisch nagekeken" in open_review
    assert "Een goed antwoord." in open_review


def test_expiry_hands_in_automatically():
    attempt, clock = _attempt(minutes=30)
    attempt.start()
    attempt.answer(1, 0)
    clock.advance(29 * 60)
    assert attempt.tick() is None
    assert attempt.remaining() == pytest.approx(60)
    clock.advance(61)
    result = attempt.tick()
    assert result is not None and result.expired and attempt.handed_in
    assert result.handed_in_at == START + timedelta(seconds=30 * 60 + 1)
    assert result.items[0].outcome.status == "goed"
    assert attempt.tick() is None  # only once
    with pytest.raises(ExamError, match="Je examen is al ingeleverd"):
        attempt.answer(2, 0)


def test_answering_after_the_time_is_over_hands_in_first():
    attempt, clock = _attempt(minutes=1)
    attempt.start()
    clock.advance(61)
    with pytest.raises(ExamError, match="al ingeleverd"):
        attempt.answer(1, 0)
    assert attempt.result is not None and attempt.result.expired
    assert attempt.result.items[0].response is None


def test_the_exam_time_limit_is_used_unless_overridden():
    clock = FakeClock()
    assert ExamAttempt(EXAM, COURSE, clock=clock).timer.seconds == 1800
    assert ExamAttempt(EXAM, COURSE, time_limit_minutes=0, clock=clock).timer is None
    with pytest.raises(ExamError, match="0 of meer minuten"):
        ExamAttempt(EXAM, COURSE, time_limit_minutes=-1)


@pytest.mark.parametrize(
    ("number", "message"), [(0, "vraag 0 bestaat niet"), ("1", "geheel getal")]
)
def test_a_wrong_question_number_is_a_dutch_error(number, message):
    attempt, _ = _attempt()
    with pytest.raises(ExamError, match=message):
        attempt.answer(number, 0)


def test_a_drawn_exam_can_be_attempted():
    plan = blueprint("  1: {weight: 1}\n", "questions: 3")
    exam = draw_exam(COURSE, plan, 3)
    attempt = ExamAttempt(exam, COURSE, clock=FakeClock())
    assert len(attempt) == 3 and attempt.timer.seconds == 1800
