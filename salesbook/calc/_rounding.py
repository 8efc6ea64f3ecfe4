"""Exact arithmetic and robust rounding for calculators that must give whole numbers.

Numbers are taken *as typed* (``0.1`` is 1/10, not the nearest binary float) and a result
within a relative 1e-9 of a whole number counts as that whole number, so float noise such as
3.0000000000000004 never rounds up to 4 nor 2.9999999999999996 down to 2.
"""

from __future__ import annotations

import math
from fractions import Fraction

TOLERANCE = 1e-9  # relative


def exact(value: float) -> Fraction:
    """The number as typed: ``0.1`` becomes 1/10, not the nearest binary float."""
    return Fraction(repr(float(value))) if isinstance(value, float) else Fraction(value)


def snap(value: Fraction) -> Fraction:
    """Snap to the nearest whole number when within the relative float tolerance."""
    nearest = round(value)
    if abs(value - nearest) <= TOLERANCE * max(1, abs(nearest)):
        return Fraction(nearest)
    return value


def round_up_whole(value: Fraction) -> int:
    """Round up, but keep a whole number whole, also when float error hides it.

    ``3`` and ``3.0000000000000004`` give 3; ``3.01`` gives 4.
    """
    return math.ceil(snap(value))


def round_down_whole(value: Fraction) -> int:
    """Round down, but keep a whole number whole: ``2.9999999999999996`` gives 3."""
    return math.floor(snap(value))
