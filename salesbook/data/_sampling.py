"""Vectorised date sampling shared by the generators (dates as numpy ``datetime64[D]``)."""

from __future__ import annotations

import numpy as np

from salesbook.data._catalog import PERIOD_END, PERIOD_START

CLOSED = np.array(
    [f"{y}-{md}" for y in range(2015, 2026) for md in ("01-01", "12-25", "12-26")],
    dtype="datetime64[D]",
)
"""Days the company is closed: New Year's Day and Christmas."""


def day_range(start: np.datetime64, end: np.datetime64) -> np.ndarray:
    """All days from ``start`` to ``end`` inclusive."""
    return np.arange(start, end + np.timedelta64(1, "D"), dtype="datetime64[D]")


def months_of(days: np.ndarray) -> np.ndarray:
    """Month number 1-12 of each day."""
    return days.astype("datetime64[M]").astype(int) % 12 + 1


def years_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of each day."""
    return days.astype("datetime64[Y]").astype(int) + 1970


def is_workday(days: np.ndarray) -> np.ndarray:
    """True for Monday to Friday, except the days in :data:`CLOSED`."""
    return np.is_busday(days.astype("datetime64[D]"), holidays=CLOSED)


def next_workday(days: np.ndarray) -> np.ndarray:
    """Move days the company is closed forward to the next workday."""
    return np.busday_offset(days.astype("datetime64[D]"), 0, roll="forward", holidays=CLOSED)


def add_workdays(day: np.datetime64, count: int) -> np.datetime64:
    """The workday ``count`` workdays after (or before, when negative) ``day``."""
    return np.busday_offset(day, count, roll="forward", holidays=CLOSED)


class DaySampler:
    """Draw days inside per-row intervals with a given weight per calendar day.

    The weights cover one fixed calendar (``start`` to ``end``); sampling for a row picks a day
    between its own bounds with probability proportional to the weight, by inverting the
    cumulative weight. Everything is vectorised: one call draws all rows at once.
    """

    def __init__(
        self,
        weights: np.ndarray,
        start: np.datetime64 = PERIOD_START,
        end: np.datetime64 = PERIOD_END,
    ) -> None:
        self.days = day_range(start, end)
        if len(weights) != len(self.days):
            raise ValueError("one weight per day is needed")
        self.cumulative = np.concatenate([[0.0], np.cumsum(weights, dtype=float)])

    def index(self, day: np.ndarray) -> np.ndarray:
        """Position of each day in the calendar, clipped to the calendar."""
        offsets = (day.astype("datetime64[D]") - self.days[0]).astype(int)
        return np.clip(offsets, 0, len(self.days) - 1)

    def sample(self, rng: np.random.Generator, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """One day per row, between ``first`` and ``last`` (inclusive, both datetime64[D])."""
        low = self.cumulative[self.index(first)]
        high = self.cumulative[self.index(last) + 1]
        target = low + rng.random(len(low)) * (high - low)
        position = np.searchsorted(self.cumulative, target, side="right") - 1
        position = np.clip(position, self.index(first), self.index(last))
        return self.days[position]


def workday_weights(
    start: np.datetime64 = PERIOD_START,
    end: np.datetime64 = PERIOD_END,
    month_factors: np.ndarray | None = None,
    yearly_growth: float = 0.0,
) -> np.ndarray:
    """Weight per day: 0 at weekends, a month factor and a smooth yearly growth otherwise."""
    days = day_range(start, end)
    weights = is_workday(days).astype(float)
    if month_factors is not None:
        weights *= month_factors[months_of(days) - 1]
    if yearly_growth:
        years = (days - days[0]).astype(int) / 365.25
        weights *= (1 + yearly_growth) ** years
    return weights


def active_years(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Length of each interval in years (0 when ``last`` is before ``first``)."""
    return np.maximum((last - first).astype(int) + 1, 0) / 365.25
