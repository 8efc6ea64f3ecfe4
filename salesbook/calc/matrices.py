"""Portfolio and leadership matrices: classify a position into a named Dutch cell.

Every classifier is total over its documented domain (each valid input gets exactly one
cell) and raises a Dutch :class:`InvalidInputError` outside it. On a boundary the value
counts as **high**: a score equal to the threshold lands in the "hoog" half.

The tuples ``*_QUADRANTS`` / ``*_STYLES`` list the possible answers, e.g. for classification
questions.
"""

from __future__ import annotations

from salesbook.calc._checks import require_finite, require_fraction, show_number
from salesbook.calc._leadership import (
    BLAKE_MOUTON_STYLES,
    SITUATIONAL_NAMINGS,
    StyleBehaviour,
    blake_mouton_position,
    situational_behaviour,
    situational_style,
)
from salesbook.exceptions import InvalidInputError

__all__ = [
    "BCG_ENGLISH",
    "BCG_QUADRANTS",
    "BLAKE_MOUTON_STYLES",
    "CUSTOMER_VALUE_QUADRANTS",
    "KRALJIC_QUADRANTS",
    "MUTUAL_VALUE_QUADRANTS",
    "SITUATIONAL_NAMINGS",
    "StyleBehaviour",
    "bcg_quadrant",
    "blake_mouton_position",
    "customer_value_quadrant",
    "kraljic_quadrant",
    "mutual_value_quadrant",
    "situational_behaviour",
    "situational_style",
]

KRALJIC_QUADRANTS = (
    "Routineproducten",
    "Hefboomproducten",
    "Knelpuntproducten",
    "Strategische producten",
)
CUSTOMER_VALUE_QUADRANTS = (
    "Transactieklanten",
    "Hogewaardeklanten",
    "Ontwikkelklanten",
    "Strategische klanten",
)
MUTUAL_VALUE_QUADRANTS = ("Marginale klanten", "Kwetsbare klanten", "Profiteurs", "Partners")
BCG_QUADRANTS = ("Honden", "Melkkoeien", "Vraagtekens", "Sterren")
BCG_ENGLISH = {
    "Sterren": "Stars",
    "Melkkoeien": "Cash cows",
    "Vraagtekens": "Question marks",
    "Honden": "Dogs",
}


def _threshold(value: float, name: str) -> float:
    number = require_finite(value, name)
    if not 0 < number < 1:
        raise InvalidInputError(f"{name} moet tussen 0 en 1 liggen, maar is {show_number(number)}.")
    return number


def _cell(names: tuple[str, str, str, str], x_high: bool, y_high: bool) -> str:
    """Pick from (laag/laag, x hoog, y hoog, hoog/hoog)."""
    return names[int(x_high) + 2 * int(y_high)]


def kraljic_quadrant(supply_risk: float, profit_impact: float, threshold: float = 0.5) -> str:
    """Kraljic-inkoopportfoliomatrix: the purchasing category of a product.

    Axes: leveringsrisico / complexiteit van de leveringsmarkt (horizontal) and
    winstimpact / financieel of strategisch belang (vertical), both as scores in [0, 1].

    * laag risico, lage impact → "Routineproducten"
    * laag risico, hoge impact → "Hefboomproducten"
    * hoog risico, lage impact → "Knelpuntproducten" (also called bottleneckproducten)
    * hoog risico, hoge impact → "Strategische producten"

    A score equal to ``threshold`` counts as high. (Up-, deep- and cross-selling belong to the
    customer portfolio, not to Kraljic, which is a *purchasing* model.)

    Raises:
        InvalidInputError: when a score is outside [0, 1] or the threshold not in (0, 1).
    """
    risk = require_fraction(supply_risk, "Het leveringsrisico")
    impact = require_fraction(profit_impact, "De winstimpact")
    limit = _threshold(threshold, "De grens tussen laag en hoog")
    names = (KRALJIC_QUADRANTS[0], KRALJIC_QUADRANTS[2], KRALJIC_QUADRANTS[1], KRALJIC_QUADRANTS[3])
    return _cell(names, risk >= limit, impact >= limit)


def customer_value_quadrant(
    current_value: float, potential_value: float, threshold: float = 0.5
) -> str:
    """Klantwaardematrix (course version): huidige vs potentiële klantwaarde.

    The course names the axes huidige klantwaarde (horizontal) and potentiële klantwaarde
    (vertical) and the cells hogewaardeklanten, transactieklanten, strategische klanten en
    ontwikkelklanten. It does not place them; they follow from their meaning:

    * lage huidige, lage potentiële waarde → "Transactieklanten" (efficiënt bedienen)
    * hoge huidige, lage potentiële waarde → "Hogewaardeklanten" (behouden)
    * lage huidige, hoge potentiële waarde → "Ontwikkelklanten" (laten groeien)
    * hoge huidige, hoge potentiële waarde → "Strategische klanten" (investeren, partnerschap)

    Other books put *waarde van de klant voor ons* against *waarde van ons voor de klant*;
    that variant is :func:`mutual_value_quadrant`.

    Args:
        current_value: score for the current customer value in [0, 1].
        potential_value: score for the potential customer value in [0, 1].
        threshold: boundary between low and high in (0, 1); equal counts as high.

    Raises:
        InvalidInputError: when a score is outside [0, 1] or the threshold not in (0, 1).
    """
    current = require_fraction(current_value, "De huidige klantwaarde")
    potential = require_fraction(potential_value, "De potentiële klantwaarde")
    limit = _threshold(threshold, "De grens tussen laag en hoog")
    return _cell(CUSTOMER_VALUE_QUADRANTS, current >= limit, potential >= limit)


def mutual_value_quadrant(
    value_of_customer: float, value_for_customer: float, threshold: float = 0.5
) -> str:
    """Klantwaarde in two directions: waarde ván de klant vs waarde vóór de klant.

    Axes: de waarde van de klant voor ons (omzet, marge, CLV; vertical) and de waarde van ons
    voor de klant (hoe belangrijk wij als leverancier voor de klant zijn; horizontal). Books
    differ in the cell names; these descriptive labels are used in this course:

    * laag voor ons, laag voor de klant → "Marginale klanten"
    * hoog voor ons, laag voor de klant → "Kwetsbare klanten" (de klant kan zo weglopen)
    * laag voor ons, hoog voor de klant → "Profiteurs" (de klant haalt meer dan hij brengt)
    * hoog voor ons, hoog voor de klant → "Partners"

    Args:
        value_of_customer: score for the customer's value to us in [0, 1].
        value_for_customer: score for our value to the customer in [0, 1].
        threshold: boundary between low and high in (0, 1); equal counts as high.

    Raises:
        InvalidInputError: when a score is outside [0, 1] or the threshold not in (0, 1).
    """
    ours = require_fraction(value_of_customer, "De waarde van de klant voor ons")
    theirs = require_fraction(value_for_customer, "De waarde van ons voor de klant")
    limit = _threshold(threshold, "De grens tussen laag en hoog")
    names = (
        MUTUAL_VALUE_QUADRANTS[0],
        MUTUAL_VALUE_QUADRANTS[2],
        MUTUAL_VALUE_QUADRANTS[1],
        MUTUAL_VALUE_QUADRANTS[3],
    )
    return _cell(names, theirs >= limit, ours >= limit)


def bcg_quadrant(
    market_growth: float,
    relative_market_share: float,
    growth_threshold: float = 0.10,
    share_threshold: float = 1.0,
) -> str:
    """BCG-matrix (groeiaandeelmatrix): the Dutch cell name of a product or business unit.

    Axes: marktgroei per year as a fraction (vertical; 0.12 for 12%) and relatief
    marktaandeel = eigen marktaandeel / marktaandeel van de grootste concurrent (horizontal;
    1.0 means as large as the leader). Values equal to a threshold count as high.

    * hoge groei, hoog aandeel → "Sterren" (Stars)
    * lage groei, hoog aandeel → "Melkkoeien" (Cash cows)
    * hoge groei, laag aandeel → "Vraagtekens" (Question marks, ook probleemkinderen)
    * lage groei, laag aandeel → "Honden" (Dogs, ook poedels)

    English names: ``BCG_ENGLISH[name]``. The course also applies the matrix to customers
    (groeimogelijkheden van de klant vs inkoopvolume); use the same function with those
    measures and suitable thresholds.

    Args:
        market_growth: marktgroei as a fraction between −1 and 1 (−100% to +100%); a value
            above 1 is almost always a percentage typed as a whole number, so it is refused.
        relative_market_share: relatief marktaandeel, >= 0.
        growth_threshold: boundary for high growth (fraction, default 0.10 = 10%).
        share_threshold: boundary for a high relative share (> 0, default 1.0).

    Raises:
        InvalidInputError: on values outside these ranges.
    """
    growth = require_finite(market_growth, "De marktgroei")
    if not -1 <= growth <= 1:
        raise InvalidInputError(
            f"De marktgroei moet een breuk tussen -1 en 1 zijn, maar is {show_number(growth)}. "
            "Geef 0,12 voor 12% groei."
        )
    share = require_finite(relative_market_share, "Het relatief marktaandeel")
    if share < 0:
        raise InvalidInputError(
            f"Het relatief marktaandeel mag niet negatief zijn, maar is {show_number(share)}."
        )
    growth_limit = require_finite(growth_threshold, "De grens voor hoge marktgroei")
    if not -1 < growth_limit < 1:
        raise InvalidInputError(
            f"De grens voor hoge marktgroei moet tussen -1 en 1 liggen, maar is "
            f"{show_number(growth_limit)}."
        )
    share_limit = require_finite(share_threshold, "De grens voor een hoog marktaandeel")
    if share_limit <= 0:
        raise InvalidInputError(
            f"De grens voor een hoog marktaandeel moet groter dan 0 zijn, maar is "
            f"{show_number(share_limit)}."
        )
    return _cell(BCG_QUADRANTS, share >= share_limit, growth >= growth_limit)
