"""One attempt at a mock exam: start, answer without feedback, hand in, get the scores.

No feedback is given before hand-in: :meth:`ExamAttempt.answer` only stores the response.
With a time limit, a :class:`~salesbook.exam.timer.Timer` runs from :meth:`start`; when the
time is over, :meth:`tick` (called by the countdown) or the next :meth:`answer` hands the exam
in automatically. Both clocks are injectable: ``clock`` (monotonic seconds, for the timer) and
``now`` (UTC datetimes, for the history), so tests move time without sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from salesbook.exam.errors import ExamError
from salesbook.exam.results import ExamResult, score_exam
from salesbook.exam.sampling import Exam
from salesbook.exam.timer import Clock, Timer
from salesbook.quiz import Course, Question

WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC (the default wall clock)."""
    return datetime.now(UTC)


class ExamAttempt:
    """A student's attempt at one exam.

    Args:
        exam: the drawn exam.
        course: the banks the exam was drawn from.
        time_limit_minutes: overrides the exam's limit; 0 means no limit.
        clock: monotonic seconds for the timer.
        now: UTC datetimes for the start and hand-in times.
    """

    def __init__(
        self,
        exam: Exam,
        course: Course,
        *,
        time_limit_minutes: float | None = None,
        clock: Clock = time.monotonic,
        now: WallClock = utc_now,
    ) -> None:
        self.exam = exam
        self.course = course
        self.questions: list[Question] = [item.question(course) for item in exam.items]
        self.responses: dict[int, Any] = {}
        minutes = exam.time_limit_minutes if time_limit_minutes is None else time_limit_minutes
        if minutes is not None and minutes < 0:
            raise ExamError(f"De tijdslimiet moet 0 of meer minuten zijn, niet {minutes!r}.")
        self.timer: Timer | None = Timer(60.0 * minutes, clock) if minutes else None
        self._now = now
        self.started_at: datetime | None = None
        self.result: ExamResult | None = None

    @property
    def started(self) -> bool:
        """True after :meth:`start`."""
        return self.started_at is not None

    @property
    def handed_in(self) -> bool:
        """True after hand-in (by the student or because the time was over)."""
        return self.result is not None

    def __len__(self) -> int:
        return len(self.questions)

    def start(self) -> None:
        """Start the attempt (and the timer); a second call changes nothing."""
        if self.started_at is None:
            self.started_at = self._now()
            if self.timer is not None:
                self.timer.start()

    def remaining(self) -> float | None:
        """Seconds left (None without a time limit)."""
        return None if self.timer is None else self.timer.remaining()

    def answer(self, number: int, response: Any) -> None:
        """Store the response to question ``number`` (1-based); no feedback until hand-in.

        Raises:
            ExamError: the exam was already handed in, the time is over (the exam is then
                handed in) or there is no question with that number.
        """
        if self.tick() is not None or self.handed_in:
            raise ExamError(
                "Je examen is al ingeleverd; je kunt je antwoorden niet meer veranderen."
            )
        if isinstance(number, bool) or not isinstance(number, int):
            raise ExamError(f"Geef het vraagnummer als geheel getal, niet {number!r}.")
        if not 1 <= number <= len(self.questions):
            raise ExamError(
                f"Dit examen heeft vragen 1 tot en met {len(self.questions)}; "
                f"vraag {number} bestaat niet."
            )
        self.start()
        self.responses[number] = response

    def collect(self, responses: dict[int, Any]) -> None:
        """Store the responses as the answer form holds them, also when the time just ran out
        (like papers collected at the bell); refused after hand-in.

        Args:
            responses: 1-based question number → response (None: not answered).
        """
        if self.handed_in:
            raise ExamError("Je examen is al ingeleverd; je antwoorden liggen vast.")
        for number, response in responses.items():
            if 1 <= number <= len(self.questions):
                if response is None:
                    self.responses.pop(number, None)
                else:
                    self.responses[number] = response

    def tick(self) -> ExamResult | None:
        """Hand in automatically when the time is over; returns the result if it did so now."""
        if self.handed_in or self.timer is None or not self.timer.expired:
            return None
        return self.hand_in(expired=True)

    def hand_in(self, *, expired: bool = False) -> ExamResult:
        """Hand the exam in and score it (a second call returns the same result)."""
        if self.result is not None:
            return self.result
        self.start()
        assert self.started_at is not None
        self.result = score_exam(
            self.exam,
            self.course,
            self.questions,
            self.responses,
            started_at=self.started_at,
            handed_in_at=self._now(),
            expired=expired,
        )
        return self.result
