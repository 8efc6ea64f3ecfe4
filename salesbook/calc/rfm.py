"""RFM analysis: Recency, Frequency and Monetary value scored 1–5 per customer, and segments.

Scores (:func:`rfm_scores`) are quintiles: the customers are ranked from worst to best on each
measure and split into five groups of (nearly) equal size; 5 is best. Best means: a *low*
``recency_days`` (bought recently), a *high* ``frequency`` and a *high* ``monetary``.

Quintile rule: with ``n`` customers ranked ``k = 1 … n`` from worst to best,
``score = max(1, ceil(5 · (k − 1) / (n − 1)))``. This is exactly what
``pd.qcut(ranks, 5, labels=[1, 2, 3, 4, 5])`` gives on those ranks, computed in whole numbers
so no rounding noise can move a customer. At least 5 customers are needed.

Tie rule: equal values get *different, neighbouring* ranks (``rank(method="first")``): among
customers with the same value, the customer with the smaller index label counts as worse. So
equal values can land in neighbouring quintiles, but always the same way, and every quintile
keeps its size. The alternative, giving ties the same score, leaves quintiles empty or
lopsided when many customers share a value (typically ``frequency == 1``), which makes the
scores of different measures incomparable.

Segments (:func:`rfm_segment`) use R and the combined score ``FM = (F + M) / 2`` rounded half
up (``FM = (F + M + 1) // 2``), by this table:

* R = 5: FM 1 Nieuwe klanten; FM 2–3 Potentiële loyalisten; FM 4–5 Kampioenen
* R = 4: FM 1 Veelbelovend; FM 2–3 Potentiële loyalisten; FM 4–5 Loyale klanten
* R = 3: FM 1–2 Bijna kwijt; FM 3 Aandacht nodig; FM 4–5 Loyale klanten
* R = 2: FM 1–2 Slapers; FM 3–4 Risicoklanten; FM 5 Niet kwijtraken
* R = 1: FM 1–2 Verloren; FM 3–4 Risicoklanten; FM 5 Niet kwijtraken

Read: recent and valuable customers are Kampioenen or Loyale klanten; recent but still small
ones are Nieuwe klanten, Veelbelovend or Potentiële loyalisten; valuable customers who have not
bought for a long time are Risicoklanten or Niet kwijtraken (the most valuable ones, act now);
small customers who have not bought for a long time are Bijna kwijt, Slapers or Verloren.

The same table as data is :data:`SEGMENT_RULES`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.calc._checks import index_order, require_finite_series, require_whole_number
from salesbook.exceptions import InvalidInputError

COLUMNS = ("recency_days", "frequency", "monetary")
MIN_CUSTOMERS = 5

#: Segment names, from best to worst.
SEGMENTS = (
    "Kampioenen",
    "Loyale klanten",
    "Potentiële loyalisten",
    "Nieuwe klanten",
    "Veelbelovend",
    "Aandacht nodig",
    "Bijna kwijt",
    "Risicoklanten",
    "Niet kwijtraken",
    "Slapers",
    "Verloren",
)

#: (R scores, FM scores, segment): every (R, FM) pair in 1..5 × 1..5 matches exactly one rule.
SEGMENT_RULES: tuple[tuple[tuple[int, ...], tuple[int, ...], str], ...] = (
    ((5,), (4, 5), "Kampioenen"),
    ((5,), (2, 3), "Potentiële loyalisten"),
    ((5,), (1,), "Nieuwe klanten"),
    ((4,), (4, 5), "Loyale klanten"),
    ((4,), (2, 3), "Potentiële loyalisten"),
    ((4,), (1,), "Veelbelovend"),
    ((3,), (4, 5), "Loyale klanten"),
    ((3,), (3,), "Aandacht nodig"),
    ((3,), (1, 2), "Bijna kwijt"),
    ((1, 2), (5,), "Niet kwijtraken"),
    ((1, 2), (3, 4), "Risicoklanten"),
    ((2,), (1, 2), "Slapers"),
    ((1,), (1, 2), "Verloren"),
)


def _quintiles(goodness: np.ndarray, label_order: list[int]) -> np.ndarray:
    """Quintile score 1..5 per position; ``goodness`` higher is better, ties by label order."""
    n = len(goodness)
    by_label = np.asarray(label_order)
    ranked = by_label[np.argsort(goodness[by_label], kind="stable")]
    scores = np.empty(n, dtype=np.int64)
    for k, position in enumerate(ranked, start=1):
        # ceil(5(k − 1) / (n − 1)) in integers: −(−a // b)
        scores[position] = max(1, -(-5 * (k - 1) // (n - 1)))
    return scores


def rfm_scores(customers: pd.DataFrame) -> pd.DataFrame:
    """Score every customer 1–5 on recency, frequency and monetary value (quintiles).

    See the module docstring for the quintile formula and the tie rule.

    Args:
        customers: one row per customer (any unique index) with columns ``recency_days``
            (days since the last purchase, >= 0), ``frequency`` (number of purchases in the
            period, >= 0) and ``monetary`` (revenue in euros in the period; may be negative
            after returns, it is then simply ranked lowest). Other columns are ignored.

    Returns:
        A DataFrame with the same index and row order as ``customers`` and columns ``R``,
        ``F``, ``M`` (ints 1–5, 5 = best) and ``rfm_code`` (text such as ``"545"``).

    Raises:
        InvalidInputError: a column is missing, a value is not a number, recency or frequency
            is negative, a customer appears twice, or there are fewer than 5 customers.
    """
    missing = [c for c in COLUMNS if c not in getattr(customers, "columns", ())]
    if missing:
        raise InvalidInputError(
            "Voor een RFM-analyse zijn de kolommen 'recency_days', 'frequency' en 'monetary' "
            f"nodig; deze ontbreken: {', '.join(missing)}."
        )
    if len(customers) < MIN_CUSTOMERS:
        raise InvalidInputError(
            f"Voor RFM-scores in vijf groepen (kwintielen) zijn minstens {MIN_CUSTOMERS} "
            f"klanten nodig, maar er zijn er {len(customers)}."
        )
    values = {c: require_finite_series(customers[c], f"de waarde in kolom {c!r}") for c in COLUMNS}
    for column in ("recency_days", "frequency"):
        negative = values[column] < 0
        if negative.any():
            label = customers.index[negative.to_numpy().argmax()]
            raise InvalidInputError(
                f"De waarde in kolom {column!r} van klant {label!r} is negatief; dagen en "
                "aantallen kunnen niet kleiner dan 0 zijn."
            )
    order = index_order(customers.index)
    r = _quintiles(-values["recency_days"].to_numpy(), order)
    f = _quintiles(values["frequency"].to_numpy(), order)
    m = _quintiles(values["monetary"].to_numpy(), order)
    codes = [f"{a}{b}{c}" for a, b, c in zip(r, f, m, strict=True)]
    return pd.DataFrame({"R": r, "F": f, "M": m, "rfm_code": codes}, index=customers.index)


def _score(value: int, name: str) -> int:
    score = require_whole_number(value, f"De {name}-score", minimum=1)
    if score > 5:
        raise InvalidInputError(f"De {name}-score moet tussen 1 en 5 liggen, maar is {score}.")
    return score


def rfm_segment(r: int, f: int, m: int) -> str:
    """Dutch segment name for one customer's R, F and M scores.

    Rule: ``FM = (F + M + 1) // 2`` (the mean of F and M, rounded half up), then look up
    (R, FM) in the table in the module docstring (:data:`SEGMENT_RULES`).

    Args:
        r: recency score 1–5 (5 = bought most recently).
        f: frequency score 1–5 (5 = buys most often).
        m: monetary score 1–5 (5 = spends most).

    Returns:
        One of :data:`SEGMENTS`, e.g. ``rfm_segment(5, 5, 4) == "Kampioenen"``.

    Raises:
        InvalidInputError: a score is not a whole number from 1 to 5.
    """
    rs, fs, ms = _score(r, "R"), _score(f, "F"), _score(m, "M")
    fm = (fs + ms + 1) // 2
    for r_values, fm_values, name in SEGMENT_RULES:
        if rs in r_values and fm in fm_values:
            return name
    raise AssertionError(f"SEGMENT_RULES covers every score pair, not R={rs}, FM={fm}")


def rfm_segments(scores: pd.DataFrame) -> pd.DataFrame:
    """Add a ``segment`` column (see :func:`rfm_segment`) to a table of RFM scores.

    Args:
        scores: a DataFrame with columns ``R``, ``F`` and ``M`` (scores 1–5), such as the
            result of :func:`rfm_scores`; other columns are kept.

    Returns:
        A copy of ``scores`` with the extra column ``segment``.

    Raises:
        InvalidInputError: a column is missing or a score is not a whole number from 1 to 5
            (the message names the customer).
    """
    missing = [c for c in ("R", "F", "M") if c not in getattr(scores, "columns", ())]
    if missing:
        raise InvalidInputError(
            "Voor RFM-segmenten zijn de kolommen 'R', 'F' en 'M' nodig; deze ontbreken: "
            f"{', '.join(missing)}."
        )
    names = []
    for label, row in zip(
        scores.index, scores[["R", "F", "M"]].itertuples(index=False), strict=True
    ):
        try:
            names.append(rfm_segment(*row))
        except InvalidInputError as error:
            raise InvalidInputError(f"Klant {label!r}: {error}") from None
    result = scores.copy()
    result["segment"] = names
    return result
