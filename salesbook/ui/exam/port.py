"""The exam's answer path for the shared question views, and the thin countdown thread.

:class:`ExamPort` lets the chapter question views (:mod:`salesbook.ui.views`) show an exam
question without checking it: ``submit`` only notes the response in the attempt. Until the
exam is handed in, the view's feedback field is kept neutral ("Antwoord genoteerd"), so the
student learns nothing before hand-in. After hand-in the port holds the real outcome and the
worked solution unlocks.

:class:`Ticker` calls a function every second on a daemon thread until it returns False or is
stopped. All countdown logic lives in that function (tested with a fake clock); the thread
only repeats it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from salesbook.quiz import Outcome

if TYPE_CHECKING:
    from salesbook.exam.attempt import ExamAttempt
    from salesbook.quiz import AnswerRecord, Question

NOTED = (
    '<div class="salesbook-exam-genoteerd" style="color:#555">Antwoord genoteerd. Of het goed '
    "is, zie je na het inleveren.</div>"
)


class ExamPort:
    """Implements the views' ``AnswerPort`` for one exam question (see the module docstring)."""

    def __init__(self, attempt: ExamAttempt, number: int) -> None:
        self.attempt = attempt
        self.number = number
        self.question: Question = attempt.questions[number - 1]
        self.record: AnswerRecord | None = None
        self.outcome: Outcome | None = None
        self.max_attempts = 1
        self.note: str | None = None

    @property
    def attempts(self) -> int:
        """1 once the exam is handed in (the views show "poging 1"), else 0."""
        return 1 if self.outcome is not None else 0

    def submit(self, response: Any) -> Outcome:
        """Note the response in the attempt; the returned outcome reveals nothing."""
        if not self.attempt.handed_in:
            self.attempt.answer(self.number, response)
        return Outcome("niet beantwoord", 0.0, float(self.question.points), "Antwoord genoteerd.")

    def solution_unlocked(self) -> bool:
        """The worked solution is available after hand-in."""
        return self.outcome is not None


class Ticker:
    """Call ``tick`` every ``interval`` seconds on a daemon thread until it returns False."""

    def __init__(self, tick: Callable[[], bool], interval: float = 1.0) -> None:
        self._tick = tick
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="salesbook-aftellen", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop (it ends within one interval)."""
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not self._tick():
                    return
            except Exception:  # a countdown must never crash the kernel's thread
                return
