"""Marks from scores: the Dutch mark 1–10 with a cesuur, and the Flemish score out of 20.

Definitions (``p`` = points earned / points available, ``c`` = the cesuur, ``0 < c < 1``,
default 0,55):

* **Dutch mark (cijfer)**, linear on both sides of the cesuur, so that ``p = c`` gives exactly
  5,5, ``p = 0`` gives 1,0 and ``p = 1`` gives 10,0::

      p >= c:  cijfer = 5,5 + 4,5 · (p − c) / (1 − c)
      p <  c:  cijfer = 1,0 + 4,5 · p / c

  Example with c = 0,55: p = 0,775 → 5,5 + 4,5 · 0,225 / 0,45 = 7,75 → **7,8**;
  p = 0,275 → 1 + 4,5 · 0,5 = 3,25 → **3,3**.

* **Flemish score (op 20)**: ``score = 20 · p``. Example: p = 0,775 → **15,5**.

Both are rounded to one decimal, halves away from zero (7,75 → 7,8; Excel's ``ROUND`` does the
same), after removing floating-point noise below 10⁻⁹. Percentages are ``100 · p`` with one
decimal. A cesuur is given as a fraction (0,55) or as a percentage (55).
"""

from __future__ import annotations

import math

from salesbook.exceptions import InvalidInputError

DEFAULT_CESUUR = 0.55


def round_half_up(value: float, decimals: int = 1) -> float:
    """Round halves away from zero (``7.75`` → ``7.8``), ignoring float noise below 1e-9."""
    factor = 10**decimals
    scaled = abs(value) * factor
    rounded = math.floor(scaled + 0.5 + 1e-9) / factor
    return math.copysign(rounded, value) if rounded else 0.0


def normalise_cesuur(cesuur: float) -> float:
    """A cesuur as a fraction: 55 → 0.55, 0.55 → 0.55.

    Raises:
        InvalidInputError: not strictly between 0 and 1 (or 0 and 100 as a percentage).
    """
    if isinstance(cesuur, bool) or not isinstance(cesuur, int | float) or math.isnan(cesuur):
        raise InvalidInputError(f"De cesuur moet een getal zijn, niet {cesuur!r}.")
    value = cesuur / 100 if cesuur > 1 else float(cesuur)
    if not 0 < value < 1:
        raise InvalidInputError(
            f"De cesuur moet tussen 0 en 100% liggen (bijvoorbeeld 55), niet {cesuur!r}."
        )
    return value


def fraction(score: float, maximum: float) -> float:
    """score / maximum, clipped to 0..1 (0.0 when nothing can be earned)."""
    if maximum <= 0:
        return 0.0
    return min(1.0, max(0.0, score / maximum))


def dutch_mark(share: float, cesuur: float = DEFAULT_CESUUR) -> float:
    """The Dutch mark 1,0–10,0 for a score share ``p`` (see the module docstring)."""
    c = normalise_cesuur(cesuur)
    p = min(1.0, max(0.0, share))
    mark = 5.5 + 4.5 * (p - c) / (1 - c) if p >= c else 1.0 + 4.5 * p / c
    return round_half_up(mark, 1)


def flemish_score(share: float) -> float:
    """The Flemish score out of 20 for a score share ``p``: ``20 · p``, one decimal."""
    return round_half_up(20 * min(1.0, max(0.0, share)), 1)


def percentage(share: float) -> float:
    """A share as a percentage with one decimal: 0.775 → 77.5."""
    return round_half_up(100 * min(1.0, max(0.0, share)), 1)


def excel_mark_formula(share_cell: str, cesuur_cell: str) -> str:
    """The same Dutch mark as an Excel formula (English function names, as openpyxl writes).

    Example: ``excel_mark_formula("D2", "$B$1")``.
    """
    p, c = share_cell, cesuur_cell
    return f"=ROUND(IF({p}>={c},5.5+4.5*({p}-{c})/(1-{c}),1+4.5*{p}/{c}),1)"
