"""ABC analysis of customers by revenue (20/80-regel, Pareto).

Customers are sorted by revenue, largest first. Walking down the list, the cumulative share
of revenue grows from 0 to 1; the A customers together bring the first 80% of revenue, the B
customers the next 15% and the C customers the last 5% (with the default ``cutoffs``).

Boundary rule: usually one customer's revenue makes the cumulative share *cross* a boundary
(say from 76% to 83%). That customer is classified by ``boundary``:

* ``"crossing_in_higher"`` (default, the common Dutch textbook rule): the customer that makes
  the cumulative share reach or cross 80% still belongs to A. So A is the smallest group of top
  customers that together bring at least 80% of revenue, and A's share is always >= 80%.
* ``"crossing_in_lower"``: that customer goes to B, so A only holds customers whose cumulative
  share stays at or below 80% and A's share is always <= 80%. If the largest customer alone
  brings more than 80%, class A is then empty.

The same rule applies at the A+B boundary (80% + 15% = 95%) between B and C. A customer whose
revenue crosses both boundaries at once goes to A (higher) or C (lower). Shares are compared
with a tolerance of 1e-9, so a cumulative share of exactly 80% counts as "reached".
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import Literal

import pandas as pd

from salesbook.calc._checks import (
    index_order,
    require_finite_series,
    require_fraction,
    show_number,
)
from salesbook.exceptions import InvalidInputError

Boundary = Literal["crossing_in_higher", "crossing_in_lower"]
CLASSES = ("A", "B", "C")
_TOLERANCE = 1e-9


def _revenue(revenue: pd.Series | Mapping[Hashable, float]) -> pd.Series:
    """Validate revenue per customer: numbers, unique customers, >= 0, total > 0."""
    numbers = require_finite_series(revenue, "de omzet")
    negative = numbers < 0
    if negative.any():
        customer = numbers.index[negative.to_numpy().argmax()]
        raise InvalidInputError(
            f"De omzet van klant {customer!r} is negatief ({show_number(numbers[customer])}). "
            "Een ABC-analyse werkt met omzet van 0 of meer; verreken creditnota's eerst."
        )
    if numbers.sum() <= 0:
        raise InvalidInputError(
            "De totale omzet is 0, dus er valt geen aandeel per klant te berekenen."
        )
    return numbers


def _sorted_desc(numbers: pd.Series) -> pd.Series:
    """Revenue from large to small; equal revenue ordered by customer label (ascending)."""
    by_label = numbers.iloc[index_order(numbers.index)]
    return by_label.sort_values(ascending=False, kind="stable")


def _cutoffs(cutoffs: Sequence[float]) -> tuple[float, float, float]:
    values = tuple(cutoffs)
    if len(values) != 3:
        raise InvalidInputError(
            "Geef precies drie grenzen voor de klassen A, B en C, bijvoorbeeld (0.80, 0.15, "
            f"0.05), maar er zijn er {len(values)}."
        )
    a, b, c = (
        require_fraction(v, f"De grens voor klasse {k}")
        for v, k in zip(values, CLASSES, strict=True)
    )
    if a <= 0:
        raise InvalidInputError("De grens voor klasse A moet groter dan 0 zijn.")
    if abs(a + b + c - 1) > _TOLERANCE:
        raise InvalidInputError(
            "De grenzen voor A, B en C moeten samen 1 (100%) zijn, maar "
            f"{show_number(a)} + {show_number(b)} + {show_number(c)} = "
            f"{show_number(a + b + c)}."
        )
    return a, b, c


def abc_classes(
    revenue: pd.Series | Mapping[Hashable, float],
    cutoffs: Sequence[float] = (0.80, 0.15, 0.05),
    boundary: Boundary = "crossing_in_higher",
) -> pd.DataFrame:
    """Classify customers into A, B and C by their share of total revenue.

    Formulas per customer ``i`` (sorted by revenue, largest first): ``aandeel = omzet_i / Σ
    omzet`` and ``cumulatief_aandeel = Σ_{j<=i} omzet_j / Σ omzet`` (fractions). See the module
    docstring for the boundary rule.

    Args:
        revenue: revenue in euros per customer; the index holds the customers (unique).
        cutoffs: the revenue shares of A, B and C as fractions summing to 1.
        boundary: ``"crossing_in_higher"`` (default) or ``"crossing_in_lower"``: the class of
            the customer whose revenue crosses a boundary.

    Returns:
        A DataFrame indexed by customer, sorted by revenue descending (ties by customer label
        ascending, for a deterministic result), with columns ``omzet`` (euros), ``aandeel`` and
        ``cumulatief_aandeel`` (fractions) and ``klasse`` (``"A"``, ``"B"`` or ``"C"``).

    Raises:
        InvalidInputError: no customers, a customer listed twice, revenue that is not a number
            or negative, a total of 0, cutoffs that do not sum to 1, or an unknown boundary.
    """
    if boundary not in ("crossing_in_higher", "crossing_in_lower"):
        raise InvalidInputError(
            f"Onbekende grensregel {boundary!r}: kies 'crossing_in_higher' (de klant die de "
            "grens overschrijdt hoort bij de hogere klasse) of 'crossing_in_lower'."
        )
    a, b, _ = _cutoffs(cutoffs)
    ordered = _sorted_desc(_revenue(revenue))
    total = ordered.sum()
    cumulative = ordered.cumsum() / total
    previous = cumulative.shift(1, fill_value=0.0)
    limits = (a, a + b)
    labels = []
    for before, after in zip(previous, cumulative, strict=True):
        if boundary == "crossing_in_higher":
            # the class whose limit was not yet reached before this customer
            rank = sum(before >= limit - _TOLERANCE for limit in limits)
        else:
            # the class whose limit is not exceeded after adding this customer
            rank = sum(after > limit + _TOLERANCE for limit in limits)
        labels.append(CLASSES[rank])
    result = pd.DataFrame(
        {
            "omzet": ordered,
            "aandeel": ordered / total,
            "cumulatief_aandeel": cumulative,
            "klasse": labels,
        },
        index=ordered.index,
    )
    return result


def abc_summary(classes: pd.DataFrame) -> pd.DataFrame:
    """Summarise an :func:`abc_classes` result per class.

    Formulas per class ``K``: ``aandeel_klanten = aantal_klanten_K / aantal klanten`` and
    ``aandeel_omzet = omzet_K / totale omzet`` (fractions); ``omzet`` in euros.

    Args:
        classes: the DataFrame returned by :func:`abc_classes` (columns ``omzet``, ``klasse``).

    Returns:
        A DataFrame indexed by ``klasse`` with rows A, B, C (always all three; an empty class
        has zeros) and columns ``aantal_klanten`` (int), ``aandeel_klanten``, ``omzet`` and
        ``aandeel_omzet``.

    Raises:
        InvalidInputError: the columns ``omzet`` and ``klasse`` are missing, the frame is
            empty, a class label is not A/B/C, or the total revenue is 0.
    """
    missing = [c for c in ("omzet", "klasse") if c not in getattr(classes, "columns", ())]
    if missing:
        raise InvalidInputError(
            "abc_summary verwacht de uitkomst van abc_classes, met de kolommen 'omzet' en "
            f"'klasse'; deze ontbreken: {', '.join(missing)}."
        )
    if classes.empty:
        raise InvalidInputError("Er zijn geen klanten om samen te vatten: de tabel is leeg.")
    unknown = sorted(set(classes["klasse"]) - set(CLASSES), key=str)
    if unknown:
        raise InvalidInputError(
            f"Onbekende klasse {unknown[0]!r}: een ABC-klasse is 'A', 'B' of 'C'."
        )
    revenue = require_finite_series(classes["omzet"], "de omzet")
    total = revenue.sum()
    if total <= 0:
        raise InvalidInputError("De totale omzet is 0, dus er valt geen aandeel te berekenen.")
    grouped = revenue.groupby(classes["klasse"])
    counts = grouped.size().reindex(CLASSES, fill_value=0).astype(int)
    sums = grouped.sum().reindex(CLASSES, fill_value=0.0)
    summary = pd.DataFrame(
        {
            "aantal_klanten": counts,
            "aandeel_klanten": counts / len(classes),
            "omzet": sums,
            "aandeel_omzet": sums / total,
        }
    )
    summary.index.name = "klasse"
    return summary


def top_share(revenue: pd.Series | Mapping[Hashable, float], top_fraction: float = 0.2) -> float:
    """Share of total revenue brought by the top ``top_fraction`` of customers (20/80-regel).

    Formula: ``Σ omzet of the n largest customers / Σ omzet``, a fraction, with
    ``n = ceil(top_fraction · number of customers)``: the number of customers is rounded
    **up**, so the top 20% of 12 customers is 3 customers (2.4 → 3) and there is always at
    least one. A tolerance of 1e-9 keeps float noise from rounding up (0.1 · 30 is 3, not 4).

    Args:
        revenue: revenue in euros per customer (index = customers).
        top_fraction: the fraction of customers to take, in (0, 1]; 0.2 for the top 20%.

    Raises:
        InvalidInputError: invalid revenue (see :func:`abc_classes`) or a top_fraction
            outside (0, 1] (with a hint when 20 is given for 0.2).
    """
    fraction = require_fraction(top_fraction, "Het deel van de klanten (top_fraction)")
    if fraction <= 0:
        raise InvalidInputError(
            "Het deel van de klanten (top_fraction) moet groter dan 0 zijn, bijvoorbeeld 0,2 "
            "voor de beste 20% van de klanten."
        )
    numbers = _revenue(revenue)
    count = max(1, math.ceil(fraction * len(numbers) - _TOLERANCE))
    ordered = numbers.sort_values(ascending=False, kind="stable")
    return float(ordered.iloc[:count].sum() / numbers.sum())
