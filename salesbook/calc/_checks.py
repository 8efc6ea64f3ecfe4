"""Input checks shared by the calculators; each raises a Dutch :class:`InvalidInputError`."""

from __future__ import annotations

import math

from salesbook.exceptions import InvalidInputError


def require_finite(value: float, name: str) -> float:
    """Return ``value`` as float, or raise when it is not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInputError(f"{name} moet een getal zijn, maar is {value!r}.") from None
    if not math.isfinite(number):
        raise InvalidInputError(f"{name} moet een eindig getal zijn, maar is {value!r}.")
    return number


def require_positive(value: float, name: str) -> float:
    """Return ``value`` when it is finite and > 0."""
    number = require_finite(value, name)
    if number <= 0:
        raise InvalidInputError(f"{name} moet groter dan 0 zijn, maar is {value!r}.")
    return number


def require_non_negative(value: float, name: str) -> float:
    """Return ``value`` when it is finite and >= 0."""
    number = require_finite(value, name)
    if number < 0:
        raise InvalidInputError(f"{name} mag niet negatief zijn, maar is {value!r}.")
    return number


def require_fraction(value: float, name: str, *, allow_one: bool = True) -> float:
    """Return ``value`` when it is a fraction in [0, 1] (or [0, 1) without ``allow_one``).

    A value such as 80 where 0,8 is meant is the most common student mistake, so the message
    names the fraction that was probably meant.
    """
    number = require_finite(value, name)
    upper_ok = number <= 1 if allow_one else number < 1
    if number < 0 or not upper_ok:
        hint = ""
        if 1 < number <= 100:
            hint = f" Bedoel je {number / 100:.4g}? Geef een breuk, dus 0,8 in plaats van 80."
        bound = "1" if allow_one else "kleiner dan 1"
        raise InvalidInputError(
            f"{name} moet een breuk tussen 0 en {bound} zijn, maar is {value!r}.{hint}"
        )
    return number


def require_whole_number(value: float, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` as int when it is a whole number >= ``minimum`` (``12.0`` is fine).

    Booleans are refused: ``True`` is not a count a student means to type.
    """
    if isinstance(value, bool):
        raise InvalidInputError(f"{name} moet een geheel getal zijn, maar is {value!r}.")
    number = require_finite(value, name)
    if not number.is_integer():
        raise InvalidInputError(f"{name} moet een geheel getal zijn, maar is {value!r}.")
    if number < minimum:
        raise InvalidInputError(f"{name} moet minstens {minimum} zijn, maar is {value!r}.")
    return int(number)
