"""Exam history on disk: location, round trip through a restart, corrupt files, failed writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from exam_helpers import FakeClock, blueprint, course

from salesbook.exam.attempt import ExamAttempt
from salesbook.exam.errors import ExamStateWarning
from salesbook.exam.history import HISTORY_FILE, ExamHistory
from salesbook.exam.sampling import draw_exam
from salesbook.exam.statefile import default_state_dir

SMALL = course({1: {"a": 4, "b": 4}, 2: {"c": 4}})
PLAN = blueprint("  1: {weight: 1}\n  2: {weight: 1}\n", "questions: 4")
MOMENT = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _result(seed: int = 1, correct: int = 2):
    clock = FakeClock()
    times = iter([MOMENT, MOMENT + timedelta(minutes=12)])
    attempt = ExamAttempt(draw_exam(SMALL, PLAN, seed), SMALL, clock=clock, now=lambda: next(times))
    for number in range(1, correct + 1):
        attempt.answer(number, 0)  # option A is right in the test banks
    return attempt.hand_in()


def test_the_state_folder_sits_next_to_the_answer_store(monkeypatch, tmp_path):
    monkeypatch.setenv("SALESBOOK_STORE", str(tmp_path / "opslag" / "antwoorden"))
    assert default_state_dir() == tmp_path / "opslag" / "examentraining"
    assert default_state_dir(tmp_path / "x" / "antwoorden") == tmp_path / "x" / "examentraining"
    monkeypatch.delenv("SALESBOOK_STORE")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    assert default_state_dir() == tmp_path / "thuis" / ".salesbook" / "examentraining"
    assert ExamHistory().folder == tmp_path / "thuis" / ".salesbook" / "examentraining"


def test_attempts_survive_a_restart(tmp_path):
    history = ExamHistory(tmp_path)
    assert history.attempts() == []
    saved = history.add(_result(seed=1, correct=2))
    history.add(_result(seed=2, correct=4))

    restarted = ExamHistory(tmp_path)  # a new kernel reading the same folder
    attempts = restarted.attempts()
    assert [a.seed for a in attempts] == [1, 2]
    assert attempts[0] == saved
    assert (attempts[0].score, attempts[0].max_score, attempts[0].share) == (2.0, 4.0, 0.5)
    assert attempts[1].share == 1.0
    assert attempts[0].started_at == MOMENT
    assert attempts[0].handed_in_at == MOMENT + timedelta(minutes=12)
    assert attempts[0].items[0].response == 0 and attempts[0].items[3].response is None
    assert attempts[0].items[3].status == "niet beantwoord"
    assert restarted.problems == []
    data = json.loads((tmp_path / HISTORY_FILE).read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and len(data["attempts"]) == 2
    assert not list(tmp_path.glob(".tmp-*"))  # no temporary files left behind


@pytest.mark.parametrize(
    "content",
    [
        b"{ dit is geen json",
        b'{"schema_version": 1, "attempts": [{"name": "x"}]}',
        b'{"schema_version": 9, "attempts": []}',
        b"\xff\xfe",
    ],
)
def test_a_corrupt_history_is_backed_up_reported_and_started_afresh(tmp_path, content):
    (tmp_path / HISTORY_FILE).write_bytes(content)
    history = ExamHistory(tmp_path)
    with pytest.warns(ExamStateWarning) as caught:
        assert history.attempts() == []
    message = str(caught[0].message)
    assert message.startswith(
        f"Je examengeschiedenis ({HISTORY_FILE} in {tmp_path}) was beschadigd"
    )
    assert "je begint opnieuw met een lege stand" in message
    backups = list(tmp_path.glob(f"{HISTORY_FILE}.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert history.problems == [message]
    assert not (tmp_path / HISTORY_FILE).exists()

    history.add(_result())  # a fresh start that works
    assert len(ExamHistory(tmp_path).attempts()) == 1


def test_a_history_that_cannot_be_written_is_reported_not_raised(tmp_path):
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map", encoding="utf-8")
    history = ExamHistory(blocked / "examentraining")
    with pytest.warns(ExamStateWarning, match="Je examengeschiedenis kon niet worden bewaard"):
        record = history.add(_result())
    assert history.attempts() == [record]  # still there for this session
    assert "na een herstart weg" in history.problems[0]
