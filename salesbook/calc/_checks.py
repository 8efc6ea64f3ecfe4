"""Input checks shared by the calculators; each raises a Dutch :class:`InvalidInputError`."""

from __future__ import annotations

import math

import pandas as pd

from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_number


def require_finite(value: float, name: str) -> float:
    """Return ``value`` as float, or raise when it is not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInputError(
            f"{name} moet een getal zijn, maar is {show_number(value)}."
        ) from None
    if not math.isfinite(number):
        raise InvalidInputError(f"{name} moet een eindig getal zijn, maar is {show_number(value)}.")
    return number


def require_positive(value: float, name: str) -> float:
    """Return ``value`` when it is finite and > 0."""
    number = require_finite(value, name)
    if number <= 0:
        raise InvalidInputError(f"{name} moet groter dan 0 zijn, maar is {show_number(value)}.")
    return number


def require_non_negative(value: float, name: str) -> float:
    """Return ``value`` when it is finite and >= 0."""
    number = require_finite(value, name)
    if number < 0:
        raise InvalidInputError(f"{name} mag niet negatief zijn, maar is {show_number(value)}.")
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
            hint = (
                f" Bedoel je {show_number(number / 100)}? Geef een breuk, dus "
                f"{show_number(number / 100)} in plaats van {show_number(number)}."
            )
        bound = "1" if allow_one else "kleiner dan 1"
        raise InvalidInputError(
            f"{name} moet een breuk tussen 0 en {bound} zijn, maar is {show_number(value)}.{hint}"
        )
    return number


def require_whole_number(value: float, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` as int when it is a whole number >= ``minimum`` (``12.0`` is fine).

    Booleans are refused: ``True`` is not a count a student means to type.
    """
    if isinstance(value, bool):
        raise InvalidInputError(f"{name} moet een geheel getal zijn, maar is {show_number(value)}.")
    number = require_finite(value, name)
    if not number.is_integer():
        raise InvalidInputError(f"{name} moet een geheel getal zijn, maar is {show_number(value)}.")
    if number < minimum:
        raise InvalidInputError(
            f"{name} moet minstens {minimum} zijn, maar is {show_number(value)}."
        )
    return int(number)


# --- additions for calc part A (breakeven, abc, rfm, clv, retention, nps, funnel, pricing) ---


def show_number(value: float, max_decimals: int = 4) -> str:
    """Show a number for a Dutch message: ``0.8`` → ``"0,8"``, ``1250`` → ``"1.250"``.

    Uses :func:`salesbook.notation.format_number` and drops trailing zeros, so messages show
    what the student typed rather than a fixed number of decimals. Non-finite values fall back
    to ``repr``.
    """
    if isinstance(value, bool):
        return repr(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return repr(value)
    if not math.isfinite(number):
        return repr(value)
    text = format_number(number, max_decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def require_rate(value: float, name: str, *, maximum: float) -> float:
    """Return a non-negative rate given as a fraction that may exceed 1, up to ``maximum``.

    Used for markups (an opslag of 150% = 1,5 is normal). A value above ``maximum`` is almost
    always a percentage typed where a fraction is meant (25 for 25%), so the message names the
    fraction that was probably meant.
    """
    number = require_non_negative(value, name)
    if number > maximum * (1 + 1e-9):  # float noise such as 5.000000000000002 is fine
        hint = ""
        if number / 100 <= maximum:
            hint = (
                f" Bedoel je {show_number(number / 100)}? Geef een breuk, "
                f"dus {show_number(number / 100)} in plaats van {show_number(number)}."
            )
        raise InvalidInputError(
            f"{name} moet een breuk van hoogstens {show_number(maximum)} zijn "
            f"({show_number(maximum * 100)}%), maar is {show_number(number)}.{hint}"
        )
    return number


def require_finite_series(values: object, name: str) -> pd.Series:
    """Return ``values`` as a float Series, or raise naming the first row that is not a number.

    Args:
        values: a pandas Series (or anything ``pd.Series`` accepts, such as a dict).
        name: what the values are, in Dutch (``"de omzet"``), used in the message.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if series.empty:
        raise InvalidInputError(f"Er zijn geen gegevens voor {name}: de reeks is leeg.")
    numbers = pd.to_numeric(series, errors="coerce").astype(float)
    bad = ~numbers.map(math.isfinite).astype(bool)
    if bad.any():
        label = series.index[bad.to_numpy().argmax()]
        raise InvalidInputError(
            f"{name[:1].upper()}{name[1:]} van {label!r} moet een getal zijn, maar is "
            f"{series[bad].iloc[0]!r}."
        )
    if series.index.has_duplicates:
        dupes = list(dict.fromkeys(series.index[series.index.duplicated()]))
        raise InvalidInputError(
            f"Elke klant mag maar één keer voorkomen, maar {dupes[0]!r} staat er vaker in."
        )
    return numbers


def index_order(index: pd.Index) -> list[int]:
    """Positions of ``index`` in sorted order; mixed-type labels are compared as text.

    Used to break ties deterministically (equal values ordered by their label).
    """
    labels = list(index)
    try:
        return sorted(range(len(labels)), key=lambda i: labels[i])
    except TypeError:
        return sorted(range(len(labels)), key=lambda i: (str(labels[i]), type(labels[i]).__name__))
