"""Share a whole number of seats (questions or points) over groups by weight, with capacities.

Two rounding rules, both giving every group ``floor(quota)`` or ``ceil(quota)`` seats:

- **largest remainder** (Hamilton), without a random generator: every group first gets the
  whole part of its quota ``total × weight / Σ weights``; the seats left go to the largest
  fractional parts (ties: the earlier group). Deterministic, so the chapters of an exam get
  exactly the same number of questions for every seed.
- **unbiased random rounding**, with a random generator (systematic sampling of the fractional
  parts in a random order): group *i* gets its extra seat with probability equal to its
  fractional part, so over many seeds the *average* number of seats equals the quota exactly.
  Used for the leerdoelen within a chapter, where a deterministic rule would always favour the
  same leerdoelen.

Capacities: a group never gets more seats than it can fill (the questions it has). Its quota
above capacity goes to the other groups, again by weight, until everything fits or every group
is full.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence


def _round(quotas: dict[int, float], seats: int, rng: random.Random | None) -> dict[int, int]:
    """Round quotas (summing to ``seats``) to whole numbers that sum to ``seats``."""
    counts = {i: math.floor(q + 1e-9) for i, q in quotas.items()}
    left = seats - sum(counts.values())
    if left <= 0:
        return counts
    fractions = {i: max(0.0, quotas[i] - counts[i]) for i in quotas}
    if rng is None:
        order = sorted(quotas, key=lambda i: (-round(fractions[i], 9), i))
        for i in order[:left]:
            counts[i] += 1
        return counts
    order = sorted(quotas)
    rng.shuffle(order)
    total = sum(fractions[i] for i in order)
    scale = left / total if total > 0 else 0.0
    start = rng.random()
    chosen: list[int] = []
    cumulative = 0.0
    for i in order:
        low, cumulative = cumulative, cumulative + fractions[i] * scale
        # the points start, start + 1, … that fall in [low, cumulative)
        if math.floor(cumulative - start) - math.floor(low - start) > 0:
            chosen.append(i)
    if len(chosen) != left:  # floating-point edge: fall back to the largest fractions
        chosen = sorted(order, key=lambda i: -fractions[i])[:left]
    for i in chosen:
        counts[i] += 1
    return counts


def apportion(
    total: int,
    weights: Sequence[float],
    capacities: Sequence[int],
    rng: random.Random | None = None,
) -> list[int]:
    """Share ``total`` seats over groups by weight without exceeding any capacity.

    Args:
        total: seats to share (questions or points), ``>= 0``.
        weights: relative weight per group (``>= 0``; 0 means the group gets nothing).
        capacities: the most seats a group can take (``>= 0``).
        rng: None for largest remainder (deterministic); a generator for unbiased random
            rounding (see the module docstring).

    Returns:
        Seats per group, in the order of ``weights``. The sum is ``total``, or less when the
        groups with a positive weight cannot hold that many together.
    """
    if len(weights) != len(capacities):
        raise ValueError("gewichten en capaciteiten moeten even veel waarden hebben")
    counts = [0] * len(weights)
    open_groups = [i for i, w in enumerate(weights) if w > 0 and capacities[i] > 0]
    seats = min(int(total), sum(capacities[i] for i in open_groups))
    while seats > 0 and open_groups:
        weight_sum = sum(weights[i] for i in open_groups)
        quotas = {i: seats * weights[i] / weight_sum for i in open_groups}
        full = [i for i in open_groups if quotas[i] >= capacities[i] - counts[i] - 1e-9]
        if full:
            for i in full:
                seats -= capacities[i] - counts[i]
                counts[i] = capacities[i]
            open_groups = [i for i in open_groups if i not in full]
            continue
        for i, extra in _round(quotas, seats, rng).items():
            counts[i] += extra
        seats = 0
    return counts
