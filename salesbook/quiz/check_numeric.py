"""Checking numeric responses: Dutch notation, units, tolerance and common slips.

Reading rules:

- ``int``/``float`` are taken as they are; text is read with :func:`salesbook.notation.read_number`
  (Dutch notation, unambiguous English notation, ``€`` and ``%`` marks). A unit word of the
  question may follow the number (``120 stuks``; ``12,5 procent`` for a percentage).
- Text that cannot be read as a number is **not an attempt**: the outcome is ``niet
  beantwoord`` with the parser's Dutch explanation, so the student can retype it without losing
  an attempt. The same holds for a bedrag where a percentage is asked (or the other way round).
- Percentages (unit ``%``) are answered as percentages: ``12,5`` and ``12,5%`` both mean
  12,5%. A fraction such as ``0,125`` is **not** accepted (status ``fout``); the feedback says
  it looks like a fraction and asks for a percentage.
- A wrong answer says whether it is too high or too low, and flags the common slips: a factor
  100 or 1000 (percentages vs fractions; dots and commas) and a wrong sign.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from salesbook.exceptions import InvalidInputError, NumberFormatError
from salesbook.notation import format_money, format_number, read_number
from salesbook.quiz.model import NumericQuestion
from salesbook.quiz.outcome import Outcome, join_blocks, not_answered, scored, wrong_shape

_FRACTION_HINT = "Reken je met een breuk waar een percentage wordt gevraagd?"
_PERCENT_HINT = "Reken je met een percentage waar een breuk wordt gevraagd?"
_PUNCTUATION_HINT = (
    "Let op punten en komma's: in het Nederlands is de komma het decimaalteken en de punt "
    "het scheidingsteken voor duizendtallen (1.250,50)."
)


def show_value(value: float, unit: str) -> str:
    """A number with its unit in Dutch notation, without needless trailing zeros.

    Amounts get two decimals (``€ 1.250,50``) unless the value has more (``€ 1,2505``), so a
    student sees exactly how the answer was read.
    """
    decimals = next((d for d in range(7) if abs(round(value, d) - value) < 1e-9), 6)
    if unit == "€":
        return format_money(value, max(2, decimals))
    text = format_number(value, decimals)
    if unit == "%":
        return text + "%"
    return f"{text} {unit}" if unit else text


def read_response(question: NumericQuestion, response: Any) -> tuple[float, str] | Outcome:
    """``(value, typed unit)`` from a response, or an Outcome when it is no usable number."""
    points = question.points
    if isinstance(response, bool) or not isinstance(response, numbers.Real | str):
        return wrong_shape(points, "Geef een getal als antwoord (bijvoorbeeld 1250,50).")
    if not isinstance(response, str):
        value = float(response)
        if not math.isfinite(value):
            return not_answered(points, "Dat is geen eindig getal. Typ een getal, zoals 12,5.")
        return value, ""
    text = response.strip()
    words = {"%": ("procent",), "€": (), "": ()}.get(question.unit, (question.unit,))
    for word in words:
        if text.casefold().endswith(word.casefold()):
            text = text[: -len(word)].strip() + ("%" if question.unit == "%" else "")
            break
    try:
        number = read_number(text)
    except NumberFormatError as error:
        return not_answered(points, str(error))
    if question.unit == "%" and number.unit == "€":
        return not_answered(
            points,
            "Je typte een bedrag, maar hier wordt een percentage gevraagd. Typ bijvoorbeeld 12,5%.",
        )
    if question.unit == "€" and number.unit == "%":
        return not_answered(
            points,
            "Je typte een percentage, maar hier wordt een bedrag gevraagd. "
            "Typ bijvoorbeeld € 1.250,50.",
        )
    return number.value, number.unit


def _slip(question: NumericQuestion, value: float, typed_unit: str, key: float) -> str:
    accepts = question.tolerance.accepts
    if key == 0 or value == 0:
        return ""
    if accepts(value * 100, key):
        if question.unit == "%" and typed_unit != "%":
            percentage = show_value(value * 100, "")
            return (
                "Je antwoord lijkt een breuk; geef het als percentage "
                f"(dus {percentage} in plaats van {show_value(value, '')})."
            )
        return f"Je zit er een factor 100 naast. {_FRACTION_HINT}"
    if accepts(value / 100, key):
        return f"Je zit er een factor 100 naast. {_PERCENT_HINT}"
    if accepts(value * 1000, key) or accepts(value / 1000, key):
        return f"Je zit er een factor 1000 naast. {_PUNCTUATION_HINT}"
    if accepts(-value, key):
        return "Het getal klopt, maar het teken niet: controleer plus en min."
    return ""


def check_numeric(question: NumericQuestion, response: Any) -> Outcome:
    """Full points when the value lies within the tolerance around the key, else 0."""
    if question.answer is None:
        raise InvalidInputError(
            f"Vraag {question.id} heeft parameters: roep eerst instantiate(vraag, seed) aan."
        )
    read = read_response(question, response)
    if isinstance(read, Outcome):
        return read
    value, typed_unit = read
    key = question.answer
    shown = show_value(value, question.unit)
    if question.tolerance.accepts(value, key):
        exact = show_value(key, question.unit)
        note = "" if exact == shown else f" Het precieze antwoord is {exact}."
        return scored(question.points, 1.0, f"Goed: {shown} klopt.{note}")
    slip = _slip(question, value, typed_unit, key)
    direction = "te hoog" if value > key else "te laag"
    return scored(
        question.points, 0.0, join_blocks(f"Dat klopt niet: {shown} is {direction}.", slip)
    )
