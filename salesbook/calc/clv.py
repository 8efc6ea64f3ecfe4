"""Customer lifetime value (CLV, klantwaarde over de hele relatie).

Symbols (money in euros, rates as fractions):

* ``m`` margin per customer per year (marge per jaar), euros
* ``r`` retention rate per year (retentiegraad), fraction: 0.8 = 80% of customers stay
* ``d`` discount rate per year (disconteringsvoet), fraction: 0.1 = 10%
* ``T`` number of years

Convention of the discounted formulas: the margin of year ``t`` is received at the *end* of
year ``t``, is discounted by ``(1 + d)^t``, and counts only if the customer is still a
customer then, which has probability ``r^t``. So year 1 already counts as ``m·r/(1 + d)``.
This gives the textbook formula ``CLV = m · r / (1 + d − r)`` for an unlimited horizon
(:func:`clv_infinite`). The variant that also counts the margin of the current (first) year
in full, undiscounted, is ``m · (1 + d) / (1 + d − r)``, exactly ``m`` more
(:func:`clv_infinite_with_first_year`).

Rates must be fractions: 80 where 0,8 is meant is refused with a hint.
"""

from __future__ import annotations

from salesbook.calc._checks import (
    require_finite,
    require_fraction,
    require_non_negative,
    require_whole_number,
    show_number,
)
from salesbook.exceptions import InvalidInputError


def clv_simple(margin_per_year: float, years: float) -> float:
    """Undiscounted CLV: margin per year times the expected length of the relationship.

    Formula: ``CLV = m · T`` (euros), without retention or discounting.

    Args:
        margin_per_year: margin per customer per year ``m`` in euros (negative for a customer
            who costs more than he brings in).
        years: expected length of the relationship ``T`` in years (>= 0; fractions allowed).

    Raises:
        InvalidInputError: an input is not a number, or ``years`` is negative.
    """
    m = require_finite(margin_per_year, "De marge per jaar")
    t = require_non_negative(years, "De looptijd in jaren")
    return m * t


def _rates(retention: float, discount_rate: float) -> tuple[float, float]:
    r = require_fraction(retention, "De retentiegraad")
    d = require_fraction(discount_rate, "De disconteringsvoet")
    return r, d


def _converging_rates(retention: float, discount_rate: float) -> tuple[float, float]:
    r, d = _rates(retention, discount_rate)
    if r >= 1 + d:
        raise InvalidInputError(
            f"Met een retentiegraad van {show_number(r)} en een disconteringsvoet van "
            f"{show_number(d)} blijven alle klanten voor altijd klant en wordt toekomstige marge "
            "niet minder waard: de klantwaarde over een onbeperkte looptijd is dan oneindig. "
            "De retentiegraad moet kleiner zijn "
            "dan 1 + de disconteringsvoet; gebruik clv_finite voor een beperkt aantal jaren."
        )
    return r, d


def clv_infinite(margin: float, retention: float, discount_rate: float) -> float:
    """CLV over an unlimited horizon (the textbook formula).

    Formula: ``CLV = m · r / (1 + d − r)`` in euros; the sum of ``m · r^t / (1 + d)^t`` over
    ``t = 1, 2, …`` (see the module docstring for the convention).

    Args:
        margin: margin per customer per year ``m`` in euros.
        retention: retention rate per year ``r`` as a fraction in [0, 1].
        discount_rate: discount rate per year ``d`` as a fraction in [0, 1].

    Raises:
        InvalidInputError: a rate is not a fraction (80 instead of 0,8 gets a hint), or
            ``r >= 1 + d`` (only when ``r = 1`` and ``d = 0``): the value is then infinite.
    """
    m = require_finite(margin, "De marge per jaar")
    r, d = _converging_rates(retention, discount_rate)
    return m * r / (1 + d - r)


def clv_infinite_with_first_year(margin: float, retention: float, discount_rate: float) -> float:
    """CLV over an unlimited horizon, counting the current year's margin in full.

    Formula: ``CLV = m · (1 + d) / (1 + d − r)`` in euros, which equals
    ``m + clv_infinite(m, r, d)``: the margin of year 0 (now, certain, undiscounted) plus all
    future years.

    Args:
        margin: margin per customer per year ``m`` in euros.
        retention: retention rate per year ``r`` as a fraction in [0, 1].
        discount_rate: discount rate per year ``d`` as a fraction in [0, 1].

    Raises:
        InvalidInputError: as :func:`clv_infinite`.
    """
    m = require_finite(margin, "De marge per jaar")
    r, d = _converging_rates(retention, discount_rate)
    return m * (1 + d) / (1 + d - r)


def clv_finite(margin: float, retention: float, discount_rate: float, years: int) -> float:
    """CLV over a limited number of years.

    Formula: ``CLV = Σ_{t=1..T} m · r^t / (1 + d)^t`` in euros (same convention as
    :func:`clv_infinite`; ``T = 0`` gives 0). Computed in closed form with ``q = r / (1 + d)``:
    ``m · q · (1 − q^T) / (1 − q)``, or ``m · T`` when ``q = 1``. As ``T`` grows the result
    increases (for ``m > 0``) towards :func:`clv_infinite`.

    Args:
        margin: margin per customer per year ``m`` in euros.
        retention: retention rate per year ``r`` as a fraction in [0, 1].
        discount_rate: discount rate per year ``d`` as a fraction in [0, 1].
        years: number of years ``T``, a whole number >= 0.

    Raises:
        InvalidInputError: a rate is not a fraction, or ``years`` is not a whole number >= 0.
    """
    m = require_finite(margin, "De marge per jaar")
    r, d = _rates(retention, discount_rate)
    t = require_whole_number(years, "Het aantal jaren")
    q = r / (1 + d)
    if q == 1:
        return m * t
    return m * q * (1 - q**t) / (1 - q)
