"""The mock exam widget driven through its callbacks, with a fake clock (no countdown thread)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import ipywidgets as widgets
import pytest
from exam_helpers import FakeClock, blueprint, mixed_course

from salesbook.exam.history import ExamHistory
from salesbook.ui.exam.exam_view import ExamView
from salesbook.ui.exam.port import NOTED, Ticker

COURSE = mixed_course()
PLAN = blueprint("  1: {weight: 4}\n  2: {weight: 1}\n", "questions: 5")
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def exam(tmp_path, clock):
    def now():
        return START + timedelta(seconds=clock.now - 1000.0)

    return ExamView(COURSE, PLAN, ExamHistory(tmp_path), seed=3, clock=clock, now=now, ticker=False)


def _hidden(widget: widgets.Widget) -> bool:
    return widget.layout.display == "none"


def test_nothing_runs_before_start_and_the_text_is_deterministic(exam):
    assert exam.attempt is None and exam.views == []
    assert exam.countdown.value == ""
    assert not _hidden(exam.start_button) and _hidden(exam.hand_in_button)
    assert exam.text().startswith("**Testexamen** · 5 vragen · 30 minuten · examen 3")
    bundle = exam._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Testexamen · 5 vragen · 30 minuten · examen 3")
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert exam.tick() is False  # no countdown before the start


def test_start_shows_the_questions_without_check_hint_or_solution(exam):
    exam.start_button.click()
    assert [v.question.id for v in exam.views] == [
        "h1.a.01",
        "h1.a.02",
        "h1.b.01",
        "h1.b.02",
        "h2.c.01",
    ]
    assert "Resterende tijd: <strong>30:00</strong>" in exam.countdown.value
    assert _hidden(exam.start_button) and not _hidden(exam.hand_in_button)
    for view in exam.views:
        assert _hidden(view.check_button) and _hidden(view.hint_button)
        assert _hidden(view.solution_button)
    exam.start_button.click()  # a second start changes nothing
    assert len(exam.views) == 5


def test_no_feedback_before_hand_in(exam):
    exam.start()
    exam.views[1].control.value = 1  # wrong option
    numeric = exam.views[2]
    numeric.control.value = "1.250"
    numeric.press_enter()  # Enter notes the answer but reveals nothing
    assert numeric.feedback.value == NOTED
    assert "Goed" not in numeric.feedback.value and "Fout" not in numeric.feedback.value
    assert exam.views[1].feedback.value == ""
    assert exam.results.value == ""


def test_hand_in_asks_once_more_when_questions_are_open_then_scores(exam, tmp_path, clock):
    exam.start()
    exam.views[0].control.value = 0  # right
    exam.views[1].control.value = 1  # wrong
    exam.views[2].control.value = "1250,3"  # right (± 0,5)
    clock.advance(300)
    exam.hand_in_button.click()
    assert "Je hebt nog 2 vragen niet beantwoord" in exam.message.value
    assert exam.hand_in_button.description == "Toch inleveren"
    assert not exam.attempt.handed_in
    exam.hand_in_button.click()
    result = exam.attempt.result
    assert result is not None and not result.expired
    # 1 + 0 + 2 + 0 (ordering untouched = no answer) + 0 (no answer) of 1 + 1 + 2 + 2 + 1
    assert (result.score, result.max_score) == (3.0, 7.0)
    assert "Je score: 3 van 7 punten (43%, nog onvoldoende; voldoende vanaf 55%)" in (
        exam.results.value
    )
    assert "Tijd: 5 min." in exam.results.value
    assert "Hoofdstuk 1 · Een" in exam.results.value
    assert 'href="01_salesmanagement.ipynb#a"' in exam.results.value
    # review beside each question; solution available; answers locked
    assert "✔ Goed · 1 van 1 punt" in exam.views[0].feedback.value
    wrong = exam.views[1].feedback.value
    assert "✘ Fout · 0 van 1 punt" in wrong and "Helaas, fout." in wrong
    assert "<strong>Juist antwoord:</strong> A. Juist antwoord" in wrong
    assert "Nog geen antwoord" in exam.views[3].feedback.value
    assert "(geen antwoord)" in exam.views[3].feedback.value
    view = exam.views[1]
    assert not _hidden(view.solution_button) and not view.solution_button.disabled
    view.solution_button.click()
    assert "Uitwerking van h1.a.02." in view.solution.value
    assert view.control.disabled and all(d.disabled for d in exam.views[3].control)
    assert _hidden(exam.hand_in_button)
    # history saved, chart shown
    saved = ExamHistory(tmp_path).attempts()
    assert len(saved) == 1 and saved[0].score == 3.0 and saved[0].seed == 3
    assert bytes(exam.history_chart.value).startswith(b"\x89PNG")
    # only the questions that were not right
    exam.only_wrong.value = True
    assert [_hidden(row) for row in exam._rows] == [True, False, True, False, False]
    exam.only_wrong.value = False
    assert not any(_hidden(row) for row in exam._rows)


def test_answered_ordering_counts_and_late_clicks_do_nothing(exam):
    exam.start()
    for view in exam.views[:3]:
        if view.question.type == "single_choice":
            view.control.value = 0
    exam.views[2].control.value = "1250"
    ordering = exam.views[3]
    for dropdown, item in zip(
        ordering.control, ["Eerst", "Dan", "Daarna", "Tot slot"], strict=True
    ):
        dropdown.value = item
    exam.views[4].control.value = 0
    exam.hand_in_button.click()  # everything answered: no second click needed
    assert exam.attempt.result.score == 7.0
    exam.hand_in()  # nothing happens after hand-in
    assert len(exam.history.attempts()) == 1


def test_the_countdown_hands_in_when_the_time_is_over(exam, clock, tmp_path):
    exam.start()
    exam.views[0].control.value = 0
    clock.advance(29 * 60 + 30)
    assert exam.tick() is True
    assert "Resterende tijd: <strong>00:30</strong>" in exam.countdown.value
    assert "color:#D55E00" in exam.countdown.value  # last five minutes in orange-red
    clock.advance(31)
    assert exam.tick() is False
    result = exam.attempt.result
    assert result is not None and result.expired
    assert result.items[0].outcome.status == "goed"  # what was on the form counts
    assert "De tijd was om: je examen is automatisch ingeleverd." in exam.results.value
    assert "De tijd is om." in exam.countdown.value
    assert ExamHistory(tmp_path).attempts()[0].expired


def test_without_seed_the_exam_is_drawn_at_start(tmp_path, clock):
    view = ExamView(COURSE, PLAN, ExamHistory(tmp_path), clock=clock, ticker=False)
    assert "een nieuwe trekking bij elke start" in view.text()
    view.start()
    assert view.seed is not None and f"examen {view.seed}" in view.header.value


def test_no_time_limit(tmp_path, clock):
    view = ExamView(
        COURSE, PLAN, ExamHistory(tmp_path), seed=1, time_limit_minutes=0, clock=clock, ticker=False
    )
    assert "geen tijdslimiet" in view.text()
    view.start()
    assert view.attempt.timer is None and "Geen tijdslimiet" in view.countdown.value
    clock.advance(10_000)
    assert view.tick() is True


def test_the_ticker_repeats_until_told_to_stop():
    calls: list[int] = []
    done = threading.Event()

    def tick() -> bool:
        calls.append(1)
        if len(calls) == 3:
            done.set()
            return False
        return True

    ticker = Ticker(tick, interval=0.001)
    ticker.start()
    assert done.wait(5)
    ticker._thread.join(5)
    assert len(calls) == 3 and not ticker.running


def test_starting_a_new_exam_stops_the_old_one_without_saving_it(tmp_path, clock):
    history = ExamHistory(tmp_path)
    old = ExamView(COURSE, PLAN, history, seed=1, clock=clock, ticker=False)
    new = ExamView(COURSE, PLAN, history, seed=2, clock=clock, ticker=False)
    old.start()
    new.start()  # e.g. the cell was run again
    assert old.abandoned and not new.abandoned
    assert "Dit examen is gestopt" in old.message.value
    clock.advance(31 * 60)
    assert old.tick() is False and old.attempt.result is None  # no automatic hand-in
    old.hand_in()
    assert old.attempt.result is None
    assert new.tick() is False and new.attempt.result.expired
    assert [a.seed for a in ExamHistory(tmp_path).attempts()] == [2]
