"""Turn what a student passes in code into a response the quiz core can check.

``oef.controleer(x)`` gets whatever the student's code produced: a number, a numpy scalar, a
pandas Series or DataFrame, a string in Dutch notation, ``None`` because a line is still
missing, a method without its brackets… This module accepts what clearly is one number and
explains everything else in Dutch, learntools-style, without costing an attempt.

No pandas or numpy import: objects are recognised by their attributes and type names.
"""

from __future__ import annotations

import math
import numbers
import string
from typing import Any

from salesbook.notation import format_number

LETTERS = string.ascii_uppercase


class NotANumber(Exception):
    """The value cannot be one number; ``args[0]`` is the Dutch explanation."""


def _kind(value: Any) -> str:
    return type(value).__name__


def _one_value(value: Any) -> Any:
    """The single element of a pandas/numpy container, or NotANumber explaining the shape."""
    kind = _kind(value)
    shape = getattr(value, "shape", ())
    size = math.prod(shape) if isinstance(shape, tuple) else 0
    if kind == "DataFrame":
        rows, cols = shape
        if size == 1:
            return value.iloc[0, 0]
        raise NotANumber(
            f"Je gaf een DataFrame ({format_number(rows, 0)} rijen × {format_number(cols, 0)} "
            "kolommen); verwacht wordt één getal. Kies één kolom en reken die uit, "
            'bijvoorbeeld df["omzet"].sum().'
        )
    if kind == "Series":
        if size == 1:
            return value.iloc[0]
        raise NotANumber(
            f"Je gaf een Series met {format_number(size, 0)} waarden; verwacht wordt één getal. "
            "Vat de waarden samen (bijvoorbeeld met .sum() of .mean()) of kies er één met .loc[…]."
        )
    if size == 1 and hasattr(value, "reshape"):
        return value.reshape(-1)[0]
    raise NotANumber(
        f"Je gaf een {kind} met {format_number(size, 0)} waarden; verwacht wordt één getal."
    )


def to_number(value: Any) -> float | str:
    """One number from a code answer: a float, or the text as typed (read by the core).

    Raises:
        NotANumber: with a Dutch explanation of what was given and what is expected.
    """
    if value is None:
        raise NotANumber(
            "Je gaf None: je variabele heeft nog geen waarde. Reken het antwoord uit en geef "
            "het getal zelf, niet print(...) en niet een functie zonder return."
        )
    if isinstance(value, str):
        return value
    if hasattr(value, "shape") and getattr(value, "shape", None) not in ((), None):
        return to_number(_one_value(value))
    if getattr(value, "shape", None) == () and hasattr(value, "item"):
        value = value.item()  # numpy scalar or 0-d array
    if isinstance(value, bool):
        raise NotANumber(f"Je gaf {value} (waar/niet waar); verwacht wordt een getal.")
    if _kind(value) in ("NAType", "NaTType"):
        raise NotANumber(
            "Je antwoord is leeg (NA): controleer of er lege cellen in je data zitten."
        )
    if isinstance(value, numbers.Number) and not isinstance(value, numbers.Complex | float):
        value = float(value)  # Decimal
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            raise NotANumber(
                "Je antwoord is NaN (geen getal). Dat gebeurt als je door nul deelt of als er "
                "lege cellen in je data zitten."
            )
        if math.isinf(number):
            raise NotANumber("Je antwoord is oneindig: deel je ergens door nul?")
        return number
    if callable(value):
        name = getattr(value, "__name__", "functie")
        raise NotANumber(
            f"Je gaf de functie of methode {name} zelf, geen getal. Vergeet je de haakjes, "
            f"zoals {name}()?"
        )
    if isinstance(value, list | tuple | set | dict):
        noun = {"list": "lijst", "tuple": "tuple", "set": "verzameling", "dict": "dict"}
        raise NotANumber(
            f"Je gaf een {noun[_kind(value)]} met {len(value)} waarden; verwacht wordt één getal."
        )
    raise NotANumber(f"Je gaf een {_kind(value)}; verwacht wordt één getal.")


def _letter(value: Any, texts: list[str]) -> Any:
    """``"B"`` → 1 for choice questions, unless "B" is itself an option text."""
    if isinstance(value, str) and len(value.strip()) == 1 and value.strip().upper() in LETTERS:
        letter = value.strip().upper()
        if letter.casefold() not in {t.strip().casefold() for t in texts}:
            return LETTERS.index(letter)
    return value


def code_response(question: Any, value: Any) -> Any:
    """The response for ``check`` from a value given in code (see the module docstring).

    Choice questions also accept the letters shown in the text fallback (``"B"``,
    ``["A", "C"]``); numeric questions get :func:`to_number`.

    Raises:
        NotANumber: a numeric question got something that is not one number.
    """
    if question.type == "numeric":
        return to_number(value)
    if question.type in ("single_choice", "multiple_choice"):
        texts = [option.text for option in question.options]
        if isinstance(value, list | tuple) and question.type == "multiple_choice":
            return [_letter(item, texts) for item in value]
        return _letter(value, texts)
    return value
