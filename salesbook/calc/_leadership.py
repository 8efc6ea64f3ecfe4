"""Leadership models: situational leadership (Hersey & Blanchard) and Blake & Mouton's grid.

Implementation module; import these names from :mod:`salesbook.calc.matrices`.
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass

from salesbook.calc._checks import require_finite, show_number
from salesbook.exceptions import InvalidInputError

SITUATIONAL_NAMINGS: dict[str, tuple[str, str, str, str]] = {
    "seed": ("Leiden", "Begeleiden", "Steunen", "Delegeren"),
    "blanchard_dutch": ("Leiden", "Begeleiden", "Steunen", "Delegeren"),
    "hersey_blanchard": ("Telling", "Selling", "Participating", "Delegating"),
    "slii": ("Directing", "Coaching", "Supporting", "Delegating"),
}
_BEHAVIOUR = (("hoog", "laag"), ("hoog", "hoog"), ("laag", "hoog"), ("laag", "laag"))
_LEVEL = re.compile(r"^\s*([ODRM]?)\s*([1-4])\s*$", re.IGNORECASE)


def _level_number(development_level: int | str) -> int:
    if isinstance(development_level, bool):
        match = None
    elif isinstance(development_level, numbers.Integral):
        match = _LEVEL.match(str(int(development_level)))
    elif isinstance(development_level, str):
        match = _LEVEL.match(development_level)
    else:
        match = None
    if match is None:
        raise InvalidInputError(
            f"Het ontwikkelingsniveau {development_level!r} ken ik niet. Geef O1, O2, O3 of O4 "
            "(of D1–D4, R1–R4, M1–M4, of gewoon 1–4)."
        )
    return int(match.group(2))


def situational_style(development_level: int | str, naming: str = "seed") -> str:
    """Situationeel leiderschap: the style that fits an employee's development level.

    Development level (ontwikkelingsniveau) → style, in the course's (seed) names:

    * O1 weinig competent, wel gemotiveerd (enthousiaste beginner) → "Leiden" (S1)
    * O2 enige competentie, weinig betrokkenheid → "Begeleiden" (S2)
    * O3 competent, wisselende betrokkenheid → "Steunen" (S3)
    * O4 competent en betrokken → "Delegeren" (S4)

    Args:
        development_level: ``"O1"``–``"O4"``; also ``"D1"``–``"D4"`` (Blanchard's SLII),
            ``"R1"``–``"R4"`` / ``"M1"``–``"M4"`` (Hersey & Blanchard's readiness/maturity)
            or the number 1–4. Case and spaces are ignored.
        naming: ``"seed"`` (default) or its alias ``"blanchard_dutch"``: leiden, begeleiden,
            steunen, delegeren; ``"hersey_blanchard"``: the original Telling, Selling,
            Participating, Delegating; ``"slii"``: Directing, Coaching, Supporting,
            Delegating.

    Raises:
        InvalidInputError: on an unknown level or naming.
    """
    if naming not in SITUATIONAL_NAMINGS:
        raise InvalidInputError(
            f"De naamgeving {naming!r} ken ik niet. Kies uit {sorted(SITUATIONAL_NAMINGS)}."
        )
    return SITUATIONAL_NAMINGS[naming][_level_number(development_level) - 1]


@dataclass(frozen=True)
class StyleBehaviour:
    """How much sturend (directive) and ondersteunend (supportive) gedrag a style shows.

    Attributes:
        directive: ``"hoog"`` or ``"laag"`` sturend gedrag.
        supportive: ``"hoog"`` or ``"laag"`` ondersteunend gedrag.
    """

    directive: str
    supportive: str


def situational_behaviour(style: str) -> StyleBehaviour:
    """Sturend and ondersteunend gedrag of a situational-leadership style.

    * S1 Leiden / Telling / Directing: hoog sturend, laag ondersteunend
    * S2 Begeleiden / Selling / Coaching: hoog sturend, hoog ondersteunend
    * S3 Steunen / Participating / Supporting: laag sturend, hoog ondersteunend
    * S4 Delegeren / Delegating: laag sturend, laag ondersteunend

    Args:
        style: a style name from any naming in ``SITUATIONAL_NAMINGS`` or ``"S1"``–``"S4"``;
            case and surrounding spaces are ignored.

    Raises:
        InvalidInputError: on an unknown style.
    """
    key = style.strip().lower() if isinstance(style, str) else ""
    number = None
    if re.fullmatch(r"s[1-4]", key):
        number = int(key[1])
    for names in SITUATIONAL_NAMINGS.values():
        lowered = [n.lower() for n in names]
        if key in lowered:
            number = lowered.index(key) + 1
    if number is None:
        raise InvalidInputError(
            f"De leiderschapsstijl {style!r} ken ik niet. Geef leiden, begeleiden, steunen of "
            "delegeren (of S1–S4)."
        )
    return StyleBehaviour(*_BEHAVIOUR[number - 1])


# (production, people) on the grid → name; the grid convention puts production first.
BLAKE_MOUTON_STYLES: dict[tuple[int, int], str] = {
    (1, 1): "Verarmd management (1,1)",
    (1, 9): "Country-club management (1,9)",
    (9, 1): "Taakgericht/autoritair (9,1)",
    (5, 5): "Middle-of-the-road (5,5)",
    (9, 9): "Teammanagement (9,9)",
}
_TIE_TOLERANCE = 1e-9


def blake_mouton_position(concern_for_people: float, concern_for_production: float) -> str:
    """Managerial grid (Blake & Mouton): the named style nearest to a position.

    The grid labels positions as (aandacht voor productie, aandacht voor mensen), each on a
    1–9 scale, so "(1,9)" is little concern for production and much for people. Any point
    (also between the named positions, and fractional averages of a questionnaire) gets the
    named style at the smallest straight-line distance. A point exactly halfway between
    styles, such as (3,3) or (5,1), goes to Middle-of-the-road (5,5): the compromise
    position. Every possible tie includes (5,5), so this rule decides all ties.

    Args:
        concern_for_people: aandacht voor mensen, 1–9.
        concern_for_production: aandacht voor productie (taak/resultaat), 1–9.

    Returns:
        One of the values of ``BLAKE_MOUTON_STYLES``.

    Raises:
        InvalidInputError: when a score is outside 1–9.
    """
    people = require_finite(concern_for_people, "De aandacht voor mensen")
    production = require_finite(concern_for_production, "De aandacht voor productie")
    for value, name in (
        (people, "De aandacht voor mensen"),
        (production, "De aandacht voor productie"),
    ):
        if not 1 <= value <= 9:
            raise InvalidInputError(
                f"{name} moet op de schaal van 1 tot 9 liggen, maar is {show_number(value)}."
            )

    def distance(corner: tuple[int, int]) -> float:
        return (production - corner[0]) ** 2 + (people - corner[1]) ** 2

    nearest = min(distance(corner) for corner in BLAKE_MOUTON_STYLES)
    if distance((5, 5)) <= nearest + _TIE_TOLERANCE:
        return BLAKE_MOUTON_STYLES[(5, 5)]
    best = min(BLAKE_MOUTON_STYLES, key=distance)
    return BLAKE_MOUTON_STYLES[best]
