"""Spaced repetition for the flashcards, scheduled by the ``fsrs`` package (FSRS 6).

The student rates each card: **Opnieuw** (Again), **Moeilijk** (Hard), **Goed** (Good) or
**Makkelijk** (Easy). ``fsrs.Scheduler.review_card`` computes the card's next due date from
that rating; this module only keeps the state, builds the queue and counts reviews.

Queue (:meth:`FlashcardBox.next_card`): first the cards that are due (earliest first), then new
cards in deck order, at most ``new_per_day`` per local calendar day; when neither is left, a
card still in its (re)learning steps that is due within :data:`LEARN_AHEAD` is shown early.

State: ``flashcards.json`` in the exam training folder (see :mod:`salesbook.exam.statefile`)
holds every reviewed card (``fsrs.Card.to_dict``) and the review log. It is saved atomically
after every review, so it survives a kernel restart; a corrupt file is set aside as
``flashcards.json.corrupt-<timestamp>`` with a Dutch warning and the box starts afresh.
All times are UTC; pass ``now`` explicitly in tests.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from fsrs import Card, Rating, Scheduler

from salesbook.exam.cards import Flashcard
from salesbook.exam.errors import FlashcardError
from salesbook.exam.statefile import StateFile, default_state_dir

STATE_FILE = "flashcards.json"
SCHEMA_VERSION = 1
NEW_PER_DAY = 20
LEARN_AHEAD = timedelta(minutes=20)
RATINGS: dict[str, Rating] = {
    "Opnieuw": Rating.Again,
    "Moeilijk": Rating.Hard,
    "Goed": Rating.Good,
    "Makkelijk": Rating.Easy,
}
RATING_NAMES: dict[int, str] = {int(rating): name for name, rating in RATINGS.items()}


def parse_rating(value: str | int | Rating) -> Rating:
    """A rating from its Dutch name (any case), an ``fsrs.Rating`` or 1–4."""
    if isinstance(value, Rating):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value in RATING_NAMES:
        return Rating(value)
    if isinstance(value, str):
        for name, rating in RATINGS.items():
            if value.strip().casefold() == name.casefold():
                return rating
    raise FlashcardError(
        f"Onbekende beoordeling {value!r}: kies Opnieuw, Moeilijk, Goed of Makkelijk."
    )


def utc(moment: datetime) -> datetime:
    """An aware UTC datetime (a naive one is taken as local time)."""
    return moment.astimezone(UTC)


def card_id(key: str) -> int:
    """A stable integer id for ``fsrs.Card`` from a card key."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:13], 16)


@dataclass(frozen=True)
class Review:
    """One review: which card, the rating (1–4) and when (UTC)."""

    card: str
    rating: int
    at: datetime

    @property
    def rating_name(self) -> str:
        """The Dutch name of the rating."""
        return RATING_NAMES[self.rating]


@dataclass(frozen=True)
class QueueCounts:
    """How many cards wait: due now, new today, and learning cards due within minutes."""

    due: int
    new: int
    soon: int

    @property
    def total(self) -> int:
        """Cards available now (due + new)."""
        return self.due + self.new


@dataclass(frozen=True)
class DayStats:
    """Reviews on one local calendar day, per Dutch rating name."""

    day: date
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """All reviews that day."""
        return sum(self.counts.values())


def _parse_state(data: Any) -> tuple[dict[str, Card], list[Review]]:
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError("onbekend formaat of onbekende schemaversie")
    cards: dict[str, Card] = {}
    for key, raw in data["cards"].items():
        card = Card.from_dict(raw)
        if card.due.tzinfo is None:
            raise ValueError(f"kaart {key} heeft een tijd zonder tijdzone")
        cards[str(key)] = card
    reviews = []
    for raw in data["reviews"]:
        at = datetime.fromisoformat(raw["at"])
        if at.tzinfo is None or int(raw["rating"]) not in RATING_NAMES:
            raise ValueError("ongeldige herhaling in het logboek")
        reviews.append(Review(str(raw["card"]), int(raw["rating"]), utc(at)))
    return cards, reviews


class FlashcardBox:
    """The student's flashcards with their FSRS state.

    Args:
        deck: the cards (see :func:`salesbook.exam.cards.build_deck`).
        folder: where ``flashcards.json`` lives (default: the exam training folder).
        scheduler: an ``fsrs.Scheduler`` (default: FSRS 6 defaults, 90% retention).
        new_per_day: new cards per local calendar day.
        tz: time zone of "a day" for the new-card limit and the statistics (default: local).
    """

    def __init__(
        self,
        deck: list[Flashcard],
        folder: Path | str | None = None,
        *,
        scheduler: Scheduler | None = None,
        new_per_day: int = NEW_PER_DAY,
        tz: tzinfo | None = None,
    ) -> None:
        self.deck = list(deck)
        self.cards_by_key = {card.key: card for card in self.deck}
        self.folder = Path(folder) if folder is not None else default_state_dir()
        self.scheduler = scheduler if scheduler is not None else Scheduler()
        self.new_per_day = new_per_day
        self.tz = tz
        self._file = StateFile(self.folder / STATE_FILE, "je flashcardvoortgang")
        loaded = self._file.load(_parse_state)
        self.states: dict[str, Card] = loaded[0] if loaded else {}
        self.reviews: list[Review] = loaded[1] if loaded else []

    @property
    def path(self) -> Path:
        """The state file."""
        return self._file.path

    @property
    def problems(self) -> list[str]:
        """Dutch messages about a corrupt or unwritable state file."""
        return self._file.problems

    def _day(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def state(self, key: str) -> Card | None:
        """The FSRS card of a key (None: never reviewed)."""
        return self.states.get(key)

    def due_cards(self, now: datetime) -> list[Flashcard]:
        """Reviewed cards that are due at ``now``, earliest first."""
        moment = utc(now)
        due = [
            (self.states[card.key].due, index, card)
            for index, card in enumerate(self.deck)
            if card.key in self.states and self.states[card.key].due <= moment
        ]
        return [card for _, _, card in sorted(due, key=lambda entry: entry[:2])]

    def new_today(self, now: datetime) -> int:
        """New cards still allowed today (``new_per_day`` minus cards first seen today)."""
        today = self._day(utc(now))
        first_seen: dict[str, date] = {}
        for review in self.reviews:
            first_seen.setdefault(review.card, self._day(review.at))
        started = sum(day == today for day in first_seen.values())
        return max(0, self.new_per_day - started)

    def new_cards(self, now: datetime) -> list[Flashcard]:
        """Never-reviewed cards available today, in deck order."""
        fresh = [card for card in self.deck if card.key not in self.states]
        return fresh[: self.new_today(now)]

    def _soon(self, now: datetime) -> list[Flashcard]:
        moment = utc(now)
        waiting = [
            (self.states[card.key].due, index, card)
            for index, card in enumerate(self.deck)
            if card.key in self.states
            and self.states[card.key].step is not None
            and moment < self.states[card.key].due <= moment + LEARN_AHEAD
        ]
        return [card for _, _, card in sorted(waiting, key=lambda entry: entry[:2])]

    def counts(self, now: datetime) -> QueueCounts:
        """The numbers shown above the card."""
        return QueueCounts(len(self.due_cards(now)), len(self.new_cards(now)), len(self._soon(now)))

    def next_card(self, now: datetime) -> Flashcard | None:
        """The card to show now (see the module docstring), or None when you are done."""
        for found in (self.due_cards(now), self.new_cards(now), self._soon(now)):
            if found:
                return found[0]
        return None

    def review(self, key: str, rating: str | int | Rating, now: datetime) -> Card:
        """Rate a card at ``now``: FSRS schedules it, and the state is saved at once.

        Raises:
            FlashcardError: unknown card key or rating.
        """
        if key not in self.cards_by_key:
            raise FlashcardError(f"Er is geen flashcard '{key}'.")
        grade = parse_rating(rating)
        moment = utc(now)
        card = self.states.get(key) or Card(card_id=card_id(key), due=moment)
        updated, _ = self.scheduler.review_card(card, grade, review_datetime=moment)
        self.states[key] = updated
        self.reviews.append(Review(key, int(grade), moment))
        self.save()
        return updated

    def save(self) -> bool:
        """Write the state file (atomically); False when that failed (reported)."""
        return self._file.save(
            {
                "schema_version": SCHEMA_VERSION,
                "cards": {key: card.to_dict() for key, card in self.states.items()},
                "reviews": [
                    {"card": r.card, "rating": r.rating, "at": r.at.isoformat()}
                    for r in self.reviews
                ],
            }
        )

    def daily_stats(self) -> list[DayStats]:
        """Reviews per local calendar day and rating, oldest day first."""
        per_day: dict[date, Counter[str]] = {}
        for review in self.reviews:
            per_day.setdefault(self._day(review.at), Counter())[review.rating_name] += 1
        return [
            DayStats(day, {name: per_day[day][name] for name in RATINGS}) for day in sorted(per_day)
        ]
