"""Flashcards: key terms, the deck, FSRS scheduling, the queue, state on disk and statistics."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Scheduler, State

from salesbook.exam.cards import build_deck, load_begrippen, slug
from salesbook.exam.errors import ExamStateWarning, FlashcardError
from salesbook.exam.flashcards import STATE_FILE, FlashcardBox, parse_rating
from salesbook.quiz import load_course

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
COURSE = load_course()
BEGRIPPEN = load_begrippen()
DECK = build_deck(COURSE, BEGRIPPEN)


def _box(folder, **kwargs) -> FlashcardBox:
    kwargs.setdefault("scheduler", Scheduler(enable_fuzzing=False))
    return FlashcardBox(DECK, folder, tz=UTC, **kwargs)


def test_at_least_80_key_terms_over_the_six_chapters_each_in_an_existing_leerdoel():
    assert len(BEGRIPPEN) >= 80
    assert {b.chapter for b in BEGRIPPEN} == {1, 2, 3, 4, 5, 6}
    for begrip in BEGRIPPEN:
        if begrip.chapter not in COURSE.banks:
            continue  # a chapter whose bank is still being written
        goal = COURSE.leerdoel(begrip.leerdoel)  # raises when it does not exist
        assert goal.section == begrip.section, begrip.term
        assert len(begrip.definition) >= 20, begrip.term
    assert len({slug(b.term) for b in BEGRIPPEN}) == len(BEGRIPPEN)


def test_a_broken_begrippen_file_gives_a_dutch_error(tmp_path):
    path = tmp_path / "begrippen.yaml"
    path.write_text(
        "schema_version: 1\nbegrippen:\n- term: ABC-analyse\n  chapter: 2\n"
        "  leerdoel: h3.abc\n  section: abc\n",
        encoding="utf-8",
    )
    with pytest.raises(FlashcardError) as caught:
        load_begrippen(path)
    text = str(caught.value)
    assert "begrippen.yaml, veld begrippen[0].definition: ontbreekt (verplicht veld)" in text
    twice = (
        "schema_version: 1\nbegrippen:\n"
        + "- {term: NPS, definition: Een maat voor loyaliteit., chapter: 2, "
        "leerdoel: h2.loyaliteit, section: loyaliteit}\n" * 2
    )
    path.write_text(twice, encoding="utf-8")
    with pytest.raises(FlashcardError, match=r"dit begrip staat er al eerder in \('NPS'\)"):
        load_begrippen(path)


def test_the_deck_has_term_cards_and_single_choice_question_cards():
    keys = [card.key for card in DECK]
    assert len(keys) == len(set(keys))
    terms = [card for card in DECK if card.kind == "begrip"]
    questions = [card for card in DECK if card.kind == "vraag"]
    assert len(terms) == len(BEGRIPPEN)
    single = [q for q in COURSE.questions() if q.type == "single_choice" and q.chapter > 0]
    assert len(questions) == len(single)
    card = questions[0]
    question = COURSE.question(card.key.removeprefix("vraag:"))
    right = question.options[question.correct_indices[0]].text
    assert right in card.back and question.solution.strip() in card.back
    assert all(option.text in card.front for option in question.options)
    nps = next(c for c in terms if c.key == "begrip:h2.loyaliteit:net-promoter-score-nps")
    assert nps.front.startswith("**Net Promoter Score (NPS)**")
    assert "promoters" in nps.back and nps.section == "loyaliteit"
    assert [c.chapter for c in DECK] == sorted(c.chapter for c in DECK)
    assert {c.chapter for c in build_deck(COURSE, BEGRIPPEN, chapters=[2])} == {2}


@pytest.mark.parametrize(
    ("value", "number"),
    [("Opnieuw", 1), ("moeilijk", 2), (" GOED ", 3), ("Makkelijk", 4), (3, 3)],
)
def test_ratings_in_dutch(value, number):
    assert int(parse_rating(value)) == number


@pytest.mark.parametrize("value", ["Again", "gemiddeld", 0, 5, True])
def test_an_unknown_rating_is_a_dutch_error(value):
    with pytest.raises(FlashcardError, match="kies Opnieuw, Moeilijk, Goed of Makkelijk"):
        parse_rating(value)


def test_due_dates_advance_more_with_better_ratings(tmp_path):
    box = _box(tmp_path)
    due = {}
    for card, rating in zip(DECK[:4], ["Opnieuw", "Moeilijk", "Goed", "Makkelijk"], strict=True):
        due[rating] = box.review(card.key, rating, T0).due - T0
    # FSRS 6 defaults: learning steps 1 and 10 minutes; Easy graduates at once (8 days here)
    assert due["Opnieuw"] == timedelta(minutes=1)
    assert due["Goed"] == timedelta(minutes=10)
    assert due["Opnieuw"] < due["Moeilijk"] < due["Goed"] < due["Makkelijk"]
    assert due["Makkelijk"] >= timedelta(days=1)


def test_repeated_good_reviews_push_the_card_further_out(tmp_path):
    box = _box(tmp_path)
    key = DECK[0].key
    now = T0
    intervals = []
    for _ in range(4):
        card = box.review(key, "Goed", now)
        intervals.append(card.due - now)
        now = card.due  # review exactly when due
    assert box.state(key).state == State.Review
    assert intervals[0] == timedelta(minutes=10)
    assert intervals[1] < intervals[2] < intervals[3]  # growing intervals once in review
    assert intervals[2] >= timedelta(days=1)
    again = box.review(key, "Opnieuw", now)
    assert again.due - now < intervals[3]  # a lapse brings it back soon


def test_the_queue_due_first_then_new_within_the_daily_limit(tmp_path):
    box = _box(tmp_path, new_per_day=3)
    assert box.counts(T0).new == 3 and box.next_card(T0).key == DECK[0].key
    box.review(DECK[0].key, "Makkelijk", T0)  # far in the future
    box.review(DECK[1].key, "Opnieuw", T0)  # back in one minute
    counts = box.counts(T0)
    assert (counts.due, counts.new, counts.soon) == (0, 1, 1)
    assert box.next_card(T0).key == DECK[2].key  # the one new card left today
    box.review(DECK[2].key, "Goed", T0)
    # nothing due or new: the card in its learning step is shown early (within 20 minutes)
    assert box.counts(T0).total == 0
    assert box.next_card(T0).key == DECK[1].key
    later = T0 + timedelta(minutes=11)
    assert box.counts(later).due == 2
    assert [c.key for c in box.due_cards(later)] == [DECK[1].key, DECK[2].key]
    # a new day brings new cards again
    tomorrow = T0 + timedelta(days=1)
    assert box.counts(tomorrow).new == 3


def test_state_survives_a_restart(tmp_path):
    box = _box(tmp_path)
    box.review(DECK[0].key, "Goed", T0)
    box.review(DECK[5].key, "Makkelijk", T0 + timedelta(minutes=2))
    before = {key: card.to_dict() for key, card in box.states.items()}

    restarted = _box(tmp_path)  # new objects reading the same folder
    assert {key: card.to_dict() for key, card in restarted.states.items()} == before
    assert restarted.reviews == box.reviews
    assert restarted.counts(T0) == box.counts(T0)
    assert restarted.problems == []
    saved = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert saved["reviews"][1] == {
        "card": DECK[5].key,
        "rating": 4,
        "at": "2026-11-22T09:02:00+00:00",
    }


@pytest.mark.parametrize(
    "content",
    [
        b"niet eens json",
        b'{"schema_version": 1, "cards": {"x": {"card_id": 1}}, "reviews": []}',
        b'{"schema_version": 1, "cards": {}, "reviews": [{"card": "x", "rating": 9, '
        b'"at": "2026-11-22T09:00:00+00:00"}]}',
        b'{"schema_version": 2, "cards": {}, "reviews": []}',
        b"[]",
    ],
)
def test_corrupt_state_is_backed_up_reported_and_started_afresh(tmp_path, content):
    (tmp_path / STATE_FILE).write_bytes(content)
    with pytest.warns(ExamStateWarning) as caught:
        box = _box(tmp_path)
    message = str(caught[0].message)
    assert message.startswith(f"Je flashcardvoortgang ({STATE_FILE} in {tmp_path}) was beschadigd")
    assert message.endswith("je begint opnieuw met een lege stand.")
    assert box.problems == [message]
    assert box.states == {} and box.reviews == []
    backups = list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    box.review(DECK[0].key, "Goed", T0)  # a fresh start that is saved properly
    assert list(_box(tmp_path).states) == [DECK[0].key]


def test_an_unknown_card_is_a_dutch_error(tmp_path):
    with pytest.raises(FlashcardError, match="Er is geen flashcard 'begrip:niets'"):
        _box(tmp_path).review("begrip:niets", "Goed", T0)


def test_daily_statistics_per_rating(tmp_path):
    box = _box(tmp_path)
    box.review(DECK[0].key, "Goed", T0)
    box.review(DECK[1].key, "Opnieuw", T0 + timedelta(minutes=1))
    box.review(DECK[1].key, "Goed", T0 + timedelta(minutes=3))
    box.review(DECK[0].key, "Makkelijk", T0 + timedelta(days=1))
    stats = box.daily_stats()
    assert [s.day for s in stats] == [date(2026, 11, 22), date(2026, 11, 23)]
    assert stats[0].counts == {"Opnieuw": 1, "Moeilijk": 0, "Goed": 2, "Makkelijk": 0}
    assert stats[1].counts == {"Opnieuw": 0, "Moeilijk": 0, "Goed": 0, "Makkelijk": 1}
    assert [s.total for s in stats] == [3, 1]
