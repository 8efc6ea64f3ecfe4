"""The flashcard widget driven through its buttons at fixed times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Scheduler

from salesbook.exam.cards import build_deck, load_begrippen
from salesbook.exam.flashcards import STATE_FILE, FlashcardBox
from salesbook.quiz import load_course
from salesbook.ui.exam.flashcard_view import FlashcardView, interval_text

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DECK = build_deck(load_course(), load_begrippen(), chapters=[2])


class Now:
    def __init__(self) -> None:
        self.moment = T0

    def __call__(self) -> datetime:
        return self.moment


def _view(folder, now, **kwargs) -> FlashcardView:
    box = FlashcardBox(DECK, folder, scheduler=Scheduler(enable_fuzzing=False), tz=UTC, **kwargs)
    return FlashcardView(box, now=now)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=20), "< 1 min"),
        (timedelta(minutes=10), "10 min"),
        (timedelta(hours=5), "5 uur"),
        (timedelta(days=1), "1 dag"),
        (timedelta(days=8), "8 dagen"),
        (timedelta(days=95), "3 mnd"),
        (timedelta(days=730), "2,0 jaar"),
    ],
)
def test_interval_texts(delta, text):
    assert interval_text(delta) == text


def test_front_then_answer_then_rating_then_next_card(tmp_path):
    now = Now()
    view = _view(tmp_path, now)
    first = view.current
    assert first is not None and first.key == DECK[0].key
    assert "Hoofdstuk 2 · begrip" in view.front.value
    assert "te herhalen: 0 · nieuw vandaag: 20" in view.counts.value
    assert view.back.value == "" and view.ratings_row.layout.display == "none"
    view.rating_buttons["Goed"].click()  # rating before turning the card does nothing
    assert view.current == first
    view.show_button.click()
    assert first.back.split("\n")[0][:30] in view.back.value
    assert 'href="02_meten_is_weten.ipynb#prognose"' in view.back.value
    assert view.ratings_row.layout.display != "none"
    labels = [button.description for button in view.rating_buttons.values()]
    assert labels == ["Opnieuw · 1 min", "Moeilijk · 6 min", "Goed · 10 min", "Makkelijk · 8 dagen"]
    view.rating_buttons["Goed"].click()
    assert view.current.key == DECK[1].key
    assert "nieuw vandaag: 19 · straks terug: 1" in view.counts.value
    assert (tmp_path / STATE_FILE).exists()
    assert view.cards.state(first.key).due == T0 + timedelta(minutes=10)


def test_progress_survives_a_restart(tmp_path):
    now = Now()
    view = _view(tmp_path, now)
    view.show_button.click()
    view.rating_buttons["Makkelijk"].click()
    restarted = _view(tmp_path, now)  # a new kernel with the same folder
    assert restarted.current.key == DECK[1].key
    assert "nieuw vandaag: 19" in restarted.counts.value
    now.moment = T0 + timedelta(days=9)  # the easy card is due again
    later = _view(tmp_path, now)
    assert later.current.key == DECK[0].key
    assert "te herhalen: 1 · nieuw vandaag: 20" in later.counts.value


def test_done_for_now(tmp_path):
    now = Now()
    view = _view(tmp_path, now, new_per_day=1)
    view.show_button.click()
    view.rating_buttons["Makkelijk"].click()
    assert view.current is None
    assert "Klaar voor nu!" in view.front.value
    assert view.show_button.layout.display == "none"
    assert "te herhalen: 0 · nieuw vandaag: 0" in view.counts.value


def test_a_corrupt_state_is_reported_in_the_widget(tmp_path):
    (tmp_path / STATE_FILE).write_text("kapot", encoding="utf-8")
    with pytest.warns(UserWarning):
        view = _view(tmp_path, Now())
    assert "was beschadigd" in view.status.value
    assert "je begint opnieuw met een lege stand" in view.status.value
    assert view.current.key == DECK[0].key


def test_text_fallback(tmp_path):
    view = _view(tmp_path, Now())
    bundle = view._repr_mimebundle_()
    # no card count in the text: it would change whenever a bank gets a question
    assert bundle["text/plain"].startswith("Flashcards · te herhalen: 0 · nieuw vandaag: 20\n")
    assert "Opnieuw, Moeilijk, Goed of Makkelijk" in bundle["text/plain"]
