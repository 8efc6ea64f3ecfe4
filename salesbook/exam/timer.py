"""A countdown on an injectable clock, so tests can move time without sleeping."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Clock = Callable[[], float]
"""Seconds on a monotonic clock, e.g. :func:`time.monotonic` (the default)."""


def format_countdown(seconds: float) -> str:
    """Remaining time as ``mm:ss`` (``h:mm:ss`` from an hour), rounded up to whole seconds.

    Rounded up, so ``00:00`` appears only when the time is really over.
    """
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Timer:
    """Counts down ``seconds`` from :meth:`start` on ``clock``.

    Example with a fake clock::

        now = [0.0]
        timer = Timer(60, clock=lambda: now[0])
        timer.start(); now[0] = 61.0
        assert timer.expired
    """

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        if not seconds > 0:
            raise ValueError("a timer needs a positive number of seconds")
        self.seconds = float(seconds)
        self.clock = clock
        self._started: float | None = None

    @property
    def started(self) -> bool:
        """True once :meth:`start` was called."""
        return self._started is not None

    def start(self) -> None:
        """Start counting down (a second call changes nothing)."""
        if self._started is None:
            self._started = self.clock()

    def elapsed(self) -> float:
        """Seconds since the start (0 before the start)."""
        return 0.0 if self._started is None else max(0.0, self.clock() - self._started)

    def remaining(self) -> float:
        """Seconds left (the full time before the start, never below 0)."""
        return max(0.0, self.seconds - self.elapsed())

    @property
    def expired(self) -> bool:
        """True when the timer was started and the time is over."""
        return self.started and self.remaining() <= 0.0

    def text(self) -> str:
        """The remaining time as shown on the countdown (``59:58``)."""
        return format_countdown(self.remaining())
