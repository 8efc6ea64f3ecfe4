"""Dutch number notation: read what students type, show numbers the Dutch way.

Reading rules (``read_number``), in order:

1. Surrounding spaces, a leading ``€``/``EUR`` or a trailing ``euro`` mark an amount of money;
   a trailing ``%`` (with or without a space) marks a percentage.
2. A leading ``-``, ``−`` (Unicode minus) or ``+`` gives the sign.
3. Spaces between digit groups of three are thousands separators: ``1 250``.
4. With both ``.`` and ``,`` the *last* one is the decimal separator; the other one must sit
   between groups of three digits: ``1.250,50`` (Dutch) and ``1,250.50`` (English).
5. A lone ``,`` is the Dutch decimal comma: ``1250,5`` and ``0,8``. Several commas are only
   accepted as thousands separators between groups of three (``1,250,000`` is rejected: that
   is English notation; type ``1.250.000``).
6. Dots alone between groups of three are Dutch thousands separators: ``1.250`` is 1250 and
   ``1.250.000`` is 1250000. Any other single dot is an English decimal point where that is
   the only possible reading: ``1250.50``, ``0.8``, ``12.5``.

Input that fits none of these rules raises :class:`NumberFormatError` with a Dutch message that
says what was understood and what to type instead. Formatting uses Babel's ``nl_NL`` locale.
"""

from __future__ import annotations

import decimal
import math
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Literal

from babel.numbers import format_decimal

from salesbook.exceptions import NumberFormatError

Unit = Literal["", "€", "%"]

_LOCALE = "nl_NL"
_MINUS_SIGNS = "-−–"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"^\d+$")
_EXAMPLES = "Typ bijvoorbeeld 1250,50 of 1.250,50 (of € 1.250,50; 12,5%)."


@dataclass(frozen=True)
class NumberInput:
    """A number as a student typed it.

    Attributes:
        value: the number as written, so ``"12,5%"`` gives 12.5 and ``"€ 3"`` gives 3.0.
        unit: ``"€"`` for money, ``"%"`` for a percentage, ``""`` for a plain number.
        text: the original text.
    """

    value: float
    unit: Unit
    text: str


def _fail(text: str, understood: str) -> NumberFormatError:
    return NumberFormatError(f"Ik kan '{text}' niet lezen als getal: {understood} {_EXAMPLES}")


def _is_grouped(digits: str, sep: str) -> bool:
    return re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", digits) is not None


def _strip_unit(text: str) -> tuple[str, Unit]:
    body = text.strip()
    unit: Unit = ""
    if body.endswith("%"):
        body, unit = body[:-1].strip(), "%"
    lowered = body.lower()
    for prefix in ("€", "eur"):
        if lowered.startswith(prefix):
            body, unit = body[len(prefix) :].strip(), _money_unit(unit, text)
            break
    else:
        for prefix in ("-€", "−€", "-eur"):
            if lowered.startswith(prefix):
                body, unit = "-" + body[len(prefix) :].strip(), _money_unit(unit, text)
                break
    lowered = body.lower()
    for suffix in ("euro", "eur", "€"):
        if lowered.endswith(suffix):
            body, unit = body[: -len(suffix)].strip(), _money_unit(unit, text)
            break
    return body, unit


def _money_unit(current: Unit, text: str) -> Unit:
    if current == "%":
        raise _fail(text, "er staat zowel een euroteken als een procentteken.")
    return "€"


def _digits_value(body: str, text: str) -> float:
    """Turn an unsigned digit string with separators into a float (rules 3–6)."""
    if " " in body:
        split_at = max(body.rfind(","), body.rfind("."))
        integer, fraction = (body[:split_at], body[split_at:]) if split_at >= 0 else (body, "")
        if not _is_grouped(integer, " "):
            raise _fail(text, "spaties mogen alleen tussen groepjes van drie cijfers staan.")
        body = integer.replace(" ", "") + fraction
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        decimal_sep = "," if body.rfind(",") > body.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        integer, _, fraction = body.rpartition(decimal_sep)
        if not _PLAIN.match(fraction) or not _is_grouped(integer, thousands_sep):
            raise _fail(
                text,
                f"ik las '{decimal_sep}' als decimaalteken, maar '{thousands_sep}' staat niet "
                "tussen groepjes van drie cijfers.",
            )
        return float(integer.replace(thousands_sep, "") + "." + fraction)
    if has_comma:
        if body.count(",") == 1:
            integer, _, fraction = body.partition(",")
            if _PLAIN.match(integer or "0") and _PLAIN.match(fraction):
                return float((integer or "0") + "." + fraction)
        raise _fail(
            text,
            "een komma is in het Nederlands het decimaalteken en mag maar één keer voorkomen; "
            "gebruik punten voor duizendtallen.",
        )
    if has_dot:
        if _is_grouped(body, "."):
            return float(body.replace(".", ""))
        integer, _, fraction = body.partition(".")
        if body.count(".") == 1 and _PLAIN.match(integer or "0") and _PLAIN.match(fraction):
            return float((integer or "0") + "." + fraction)
        raise _fail(
            text,
            "punten mogen alleen tussen groepjes van drie cijfers staan (duizendtallen); "
            "gebruik een komma als decimaalteken.",
        )
    if _PLAIN.match(body):
        return float(body)
    raise _fail(text, "er staan tekens in die geen cijfers zijn.")


def read_number(text: str) -> NumberInput:
    """Read a number typed in Dutch (or unambiguous English) notation.

    Args:
        text: what the student typed, e.g. ``"€ 1.250,50"``, ``"12,5 %"`` or ``"-3"``.

    Returns:
        The value as written plus its unit (see :class:`NumberInput`).

    Raises:
        NumberFormatError: the text is empty, ambiguous or not a number.
    """
    if not isinstance(text, str):
        raise NumberFormatError(f"Ik verwachtte tekst om als getal te lezen, maar kreeg {text!r}.")
    original = text
    if not text.strip():
        raise NumberFormatError(f"Je hebt nog geen getal ingevuld. {_EXAMPLES}")
    body, unit = _strip_unit(_SPACES.sub(" ", text))
    sign = 1.0
    if body[:1] in _MINUS_SIGNS:
        sign, body = -1.0, body[1:].strip()
    elif body[:1] == "+":
        body = body[1:].strip()
    if body[:1] == "€" or body.lower().startswith("eur"):
        body, unit = body.lstrip("€").strip(), _money_unit(unit, original)
        if body.lower().startswith("eur"):
            body = body[3:].strip()
    if not body:
        raise _fail(original, "ik vond geen cijfers.")
    return NumberInput(sign * _digits_value(body, original), unit, original)


def parse_number(text: str) -> float:
    """Read a number and return its value as written (``"12,5%"`` gives 12.5)."""
    return read_number(text).value


def parse_money(text: str) -> float:
    """Read an amount of money in euros, with or without ``€``; a ``%`` is an error."""
    number = read_number(text)
    if number.unit == "%":
        raise NumberFormatError(
            f"'{text}' is een percentage, maar hier wordt een bedrag in euro gevraagd. "
            "Typ bijvoorbeeld € 1.250,50."
        )
    return number.value


def parse_percentage(text: str) -> float:
    """Read a percentage and return it as a fraction: ``"12,5%"`` and ``"12,5"`` give 0.125."""
    number = read_number(text)
    if number.unit == "€":
        raise NumberFormatError(
            f"'{text}' is een bedrag, maar hier wordt een percentage gevraagd. "
            "Typ bijvoorbeeld 12,5%."
        )
    return number.value / 100


def _require_finite(value: float) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise NumberFormatError(f"{value!r} is geen eindig getal en kan niet worden getoond.")
    return number


def _enough_precision(number: float, decimals: int) -> AbstractContextManager[decimal.Context]:
    """A decimal context that holds every digit of ``number`` (Babel rounds with it)."""
    digits = len(f"{abs(number):.0f}") + decimals + 5
    return decimal.localcontext(prec=max(decimal.getcontext().prec, digits))


def _pattern(decimals: int) -> str:
    if decimals < 0:
        raise NumberFormatError(f"Het aantal decimalen moet 0 of meer zijn, niet {decimals}.")
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_number(value: float, decimals: int = 2) -> str:
    """Show a number in Dutch notation: ``1250.5`` → ``"1.250,50"``."""
    number = _require_finite(value)
    if round(number, decimals) == 0:
        number = 0.0  # never show "-0,00"
    with _enough_precision(number, decimals):
        return format_decimal(number, format=_pattern(decimals), locale=_LOCALE)


def format_money(value: float, decimals: int = 2) -> str:
    """Show an amount in euros: ``1250.5`` → ``"€ 1.250,50"``, ``-3`` → ``"€ -3,00"``."""
    return "€ " + format_number(value, decimals)


def format_percentage(fraction: float, decimals: int = 1) -> str:
    """Show a fraction as a Dutch percentage: ``0.125`` → ``"12,5%"``."""
    return format_number(_require_finite(fraction) * 100, decimals) + "%"


def format_table_number(value: float) -> str:
    """Show a computed number the Dutch way, with at most four decimals.

    Used in the notebooks for pandas tables (``display.float_format``) and for a float a cell
    shows: ``3200120.0`` → ``"3.200.120"``, ``0.868`` → ``"0,868"``, ``13.5`` → ``"13,5"``. A
    number closer to zero keeps three significant digits (``0.0000123`` → ``"0,0000123"``),
    so nothing small shows as 0. Missing values stay ``NaN``; infinities are shown as ``∞``.
    """
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    decimals = 4
    if number == 0:
        number = 0.0  # never show "-0"
    elif abs(number) < 0.001:
        decimals = min(40, 2 - math.floor(math.log10(abs(number))))
    with _enough_precision(number, decimals):
        return format_decimal(number, format="#,##0." + "#" * decimals, locale=_LOCALE)
