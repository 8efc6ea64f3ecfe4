"""Net Promoter Score (NPS): how willing customers are to recommend the organisation.

Customers answer "Hoe waarschijnlijk is het dat je ons aanbeveelt?" on a scale of 0 to 10:

* 9 or 10: promoter (promotor), recommends the organisation;
* 7 or 8: passive (passief), satisfied but not enthusiastic;
* 0 to 6: detractor (criticus), dissatisfied, spreads negative word of mouth.

``NPS = % promoters − % detractors``, in **points** from −100 to +100 (not a fraction):
25% promoters, 60% passives and 15% detractors give an NPS of +10. Passives only count in
the total.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Literal

from salesbook.calc._checks import require_finite, require_whole_number, show_number
from salesbook.exceptions import InvalidInputError

Category = Literal["promoter", "passive", "detractor"]
_LABELS = {"promoter": "promotor", "passive": "passief", "detractor": "criticus"}
_PERCENT_TOLERANCE = 0.01


def _valid_score(value: object) -> int | None:
    """Return the score as int when it is a whole number 0..10, else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    if not math.isfinite(number) or not number.is_integer() or not 0 <= number <= 10:
        return None
    return int(number)


def _shown(value: object) -> str:
    """A number in Dutch notation (7,5), anything else as Python shows it ('8', None)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return show_number(value)
    return repr(value)


def _category(score: int) -> Category:
    if score >= 9:
        return "promoter"
    if score >= 7:
        return "passive"
    return "detractor"


def nps_category(score: int) -> Category:
    """Category of one answer: ``"promoter"`` (9–10), ``"passive"`` (7–8), ``"detractor"`` (0–6).

    Args:
        score: the answer, a whole number from 0 to 10.

    Raises:
        InvalidInputError: the score is not a whole number from 0 to 10.
    """
    valid = _valid_score(score)
    if valid is None:
        raise InvalidInputError(
            f"Een NPS-score is een geheel getal van 0 tot en met 10, maar dit is {_shown(score)}."
        )
    return _category(valid)


def nps_category_label(score: int) -> str:
    """Dutch label of one answer: ``"promotor"`` (9–10), ``"passief"`` (7–8), ``"criticus"`` (0–6).

    Args:
        score: the answer, a whole number from 0 to 10.

    Raises:
        InvalidInputError: as :func:`nps_category`.
    """
    return _LABELS[nps_category(score)]


def nps_from_scores(scores: Iterable[int]) -> float:
    """NPS from individual answers.

    Formula: ``100 · (promoters − detractors) / number of answers``, in points (−100 … +100).

    Args:
        scores: the answers, each a whole number from 0 to 10 (a list, tuple, Series, …).

    Raises:
        InvalidInputError: there are no answers, or an answer is not a whole number from 0 to
            10; the message names the value and its position (1 = the first answer).
    """
    counts = {"promoter": 0, "passive": 0, "detractor": 0}
    for position, score in enumerate(scores, start=1):
        valid = _valid_score(score)
        if valid is None:
            raise InvalidInputError(
                f"Antwoord nummer {position} is {_shown(score)}, maar een NPS-score is een geheel "
                "getal van 0 tot en met 10."
            )
        counts[_category(valid)] += 1
    total = sum(counts.values())
    if total == 0:
        raise InvalidInputError("Er zijn geen antwoorden, dus er valt geen NPS te berekenen.")
    return 100 * (counts["promoter"] - counts["detractor"]) / total


def nps_from_counts(promoters: int, passives: int, detractors: int) -> float:
    """NPS from the number of promoters, passives and detractors.

    Formula: ``100 · (P − D) / (P + Pa + D)``, in points (−100 … +100).

    Args:
        promoters: number of promoters (scores 9–10), a whole number >= 0.
        passives: number of passives (scores 7–8), a whole number >= 0.
        detractors: number of detractors (scores 0–6), a whole number >= 0.

    Raises:
        InvalidInputError: a count is not a whole number >= 0, or all counts are 0.
    """
    p = require_whole_number(promoters, "Het aantal promoters")
    pa = require_whole_number(passives, "Het aantal passives")
    d = require_whole_number(detractors, "Het aantal detractors")
    total = p + pa + d
    if total == 0:
        raise InvalidInputError(
            "Er zijn geen respondenten (alle aantallen zijn 0), dus er valt geen NPS te berekenen."
        )
    return 100 * (p - d) / total


def nps_from_percentages(promoters: float, passives: float, detractors: float) -> float:
    """NPS from the percentages of promoters, passives and detractors.

    Formula: ``% promoters − % detractors``, in points (−100 … +100). The three percentages
    must add up to 100 (tolerance 0.01, for rounded figures such as 33.33 + 33.33 + 33.34).

    Args:
        promoters: percentage of promoters, e.g. 25 for 25% (0–100).
        passives: percentage of passives (0–100); only used to check the total.
        detractors: percentage of detractors (0–100).

    Raises:
        InvalidInputError: a percentage is outside 0–100, or the three do not add up to 100
            (with a hint when fractions such as 0,25 are given instead of percentages).
    """
    names = ("promoters", "passives", "detractors")
    values = [
        require_finite(v, f"Het percentage {n}")
        for v, n in zip((promoters, passives, detractors), names, strict=True)
    ]
    for value, name in zip(values, names, strict=True):
        if not 0 <= value <= 100:
            raise InvalidInputError(
                f"Het percentage {name} moet tussen 0 en 100 liggen, maar is {show_number(value)}."
            )
    total = sum(values)
    if abs(total - 100) > _PERCENT_TOLERANCE:
        hint = ""
        if abs(total - 1) <= _PERCENT_TOLERANCE / 100:
            hint = " Je gaf breuken: geef percentages, dus 25 in plaats van 0,25."
        raise InvalidInputError(
            "De percentages promoters, passives en detractors moeten samen 100 zijn, maar "
            f"{' + '.join(show_number(v) for v in values)} = {show_number(total)}.{hint}"
        )
    return values[0] - values[2]
