"""Shared result type and Dutch report table for the benchmark scripts.

Every benchmark returns a list of :class:`Goal`: what was measured, the goal from the issue,
a ratio and whether the goal is met. Two kinds of goal:

* a fixed limit (``< 5 s``, ``≥ 500 notebooks/s``): the ratio is goal/measured for an upper
  limit and measured/goal for a lower limit, so a ratio above 1 means the goal is met;
* a comparison with a baseline measured in the same run (``≥ 100× faster than re-executing``,
  ``≤ 0,6× the time of the papermill CLI``): the ratio is baseline/measured (a speed-up) or
  measured/baseline (a share of the time), and the goal applies to that ratio. Busy machines
  slow both sides alike, so the ratio is worth more than either time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from salesbook.notation import format_number, format_table_number

MET, NOT_MET = "gehaald", "niet gehaald"


@dataclass(frozen=True)
class Goal:
    """One benchmark goal with its measurement.

    Attributes:
        part: the benchmark it belongs to (short Dutch name, e.g. ``"beoordelen"``).
        name: Dutch description of the goal.
        measured: the measured value, in ``unit``.
        unit: unit of ``measured`` (and of ``target`` for a fixed limit).
        target: the goal: a limit on ``measured``, or on ``ratio`` when there is a baseline.
        met: whether the goal is met.
        ratio: see the module docstring.
        requirement: the goal as shown in the table (``"< 5 s"``, ``"≥ 100× sneller"``).
        basis: what the ratio compares with (``"eis (eis / gemeten)"``, or the baseline).
        note: optional Dutch remark printed under the table.
    """

    part: str
    name: str
    measured: float
    unit: str
    target: float
    met: bool
    ratio: float
    requirement: str
    basis: str
    note: str = ""


def number(value: float) -> str:
    """A measured number in Dutch notation, with about three significant digits."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞" if value < 0 else "onbekend"
    if value == 0:
        return format_number(0, 0)
    decimals = min(4, max(0, 2 - math.floor(math.log10(abs(value)))))
    return format_number(value, decimals)


def _quantity(value: float, unit: str) -> str:
    return f"{number(value)} {unit}".strip()


def _limit(value: float, unit: str) -> str:
    """A goal from an issue as written there: ``0.5`` → ``"0,5 s"``, ``1.8`` → ``"1,8"``."""
    return f"{format_table_number(value)} {unit}".strip()


def _divide(top: float, bottom: float) -> float:
    return top / bottom if bottom > 0 else math.inf


def below(part: str, name: str, measured: float, unit: str, target: float, note: str = "") -> Goal:
    """A fixed upper limit: met when ``measured < target``; ratio goal/measured."""
    requirement = f"< {_limit(target, unit)}"
    ratio = _divide(target, measured)
    basis = "eis (eis / gemeten)"
    return Goal(
        part, name, measured, unit, target, measured < target, ratio, requirement, basis, note
    )


def at_least(
    part: str, name: str, measured: float, unit: str, target: float, note: str = ""
) -> Goal:
    """A fixed lower limit: met when ``measured >= target``; ratio measured/goal."""
    requirement = f"≥ {_limit(target, unit)}"
    ratio = measured / target
    met, basis = measured >= target, "eis (gemeten / eis)"
    return Goal(part, name, measured, unit, target, met, ratio, requirement, basis, note)


def _compared(
    part: str,
    name: str,
    measured: float,
    baseline: float,
    unit: str,
    target: float,
    baseline_name: str,
    note: str,
    *,
    faster: bool,
) -> Goal:
    """A goal against a baseline measured in the same run (``faster``: baseline/measured)."""
    if faster:
        ratio = _divide(baseline, measured)
        met, requirement = ratio >= target, f"≥ {_limit(target, '')}× sneller"
    else:
        ratio = _divide(measured, baseline)
        met, requirement = ratio <= target, f"≤ {_limit(target, '')}× de tijd"
    basis = f"{baseline_name}, deze run: {_quantity(baseline, unit)}"
    return Goal(part, name, measured, unit, target, met, ratio, requirement, basis, note)


def speed_up(
    part: str,
    name: str,
    measured: float,
    baseline: float,
    unit: str,
    target: float,
    baseline_name: str,
    note: str = "",
) -> Goal:
    """At least ``target`` times faster than a baseline from the same run (baseline/measured)."""
    args = (part, name, measured, baseline, unit, target, baseline_name, note)
    return _compared(*args, faster=True)


def time_share(
    part: str,
    name: str,
    measured: float,
    baseline: float,
    unit: str,
    target: float,
    baseline_name: str,
    note: str = "",
) -> Goal:
    """At most ``target`` times the time of a baseline from the same run (measured/baseline)."""
    args = (part, name, measured, baseline, unit, target, baseline_name, note)
    return _compared(*args, faster=False)


HEADERS = ("Onderdeel", "Doel", "Eis", "Gemeten", "Verhouding", "Vergeleken met", "Oordeel")


def rows(goals: Iterable[Goal]) -> list[tuple[str, ...]]:
    """The table cells of each goal, as text."""
    return [
        (
            goal.part,
            goal.name,
            goal.requirement,
            _quantity(goal.measured, goal.unit),
            f"{number(goal.ratio)}×",
            goal.basis,
            MET if goal.met else NOT_MET,
        )
        for goal in goals
    ]


def table(goals: Iterable[Goal]) -> str:
    """The goals as an aligned plain-text table with Dutch headers, followed by the notes."""
    goals = list(goals)
    cells = [HEADERS, *rows(goals)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADERS))]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True))
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"* {goal.name}: {goal.note}" for goal in goals if goal.note]
    return "\n".join(line.rstrip() for line in [*lines, *notes])


def summary(goals: Iterable[Goal]) -> str:
    """One Dutch sentence: how many goals are met."""
    goals = list(goals)
    met = sum(goal.met for goal in goals)
    if len(goals) == 1:
        return "Het doel is gehaald." if met else "Het doel is niet gehaald."
    if met == len(goals):
        return f"Alle {len(goals)} doelen gehaald."
    return f"{met} van de {len(goals)} doelen gehaald."
