"""Pricing: cost-plus pricing, markup vs margin, the eindprijs-minmethode, price elasticity.

Markup and margin (opslag en marge) are both fractions but of a different base:

* opslag ``o``: a fraction of the cost or purchase price (kostprijs/inkoopprijs);
  ``verkoopprijs = kostprijs · (1 + o)``;
* marge ``m``: a fraction of the selling price excl. btw (verkoopprijs);
  ``m = (verkoopprijs − kostprijs) / verkoopprijs``.

So ``m = o / (1 + o)`` and ``o = m / (1 − m)``: an opslag of 25% is a marge of 20%.

Markups are given as fractions and may exceed 1 (an opslag of 150% is 1,5), up to
:data:`MAX_MARKUP` (500%); a larger value is almost always a percentage typed where a fraction
is meant (25 for 25%) and is refused with a hint.
"""

from __future__ import annotations

from typing import Literal

from salesbook.calc._checks import (
    require_finite,
    require_fraction,
    require_non_negative,
    require_positive,
    require_rate,
    show_number,
)
from salesbook.exceptions import InvalidInputError

MAX_MARKUP = 5.0
_UNIT_TOLERANCE = 1e-9

ElasticityLabel = Literal["elastisch", "inelastisch", "eenheidselastisch"]


def _markup(value: float, name: str = "De opslag") -> float:
    return require_rate(value, name, maximum=MAX_MARKUP)


def cost_plus_price(cost_price: float, markup: float) -> float:
    """Selling price by cost-plus pricing (kostprijs-plusmethode).

    Formula: ``verkoopprijs = kostprijs · (1 + o)`` in euros (excl. btw), with ``o`` the
    markup as a fraction of the cost price.

    Args:
        cost_price: cost price (kostprijs or inkoopprijs) per unit in euros (>= 0).
        markup: markup ``o`` as a fraction of the cost price, e.g. 0.25 for 25% (0 to 5).

    Raises:
        InvalidInputError: a negative cost price, or a markup that is negative or above 5
            (with a hint when 25 is given for 0,25).
    """
    c = require_non_negative(cost_price, "De kostprijs")
    return c * (1 + _markup(markup))


def markup_to_margin(markup: float) -> float:
    """Convert a markup (opslag, on cost price) into a margin (marge, on selling price).

    Formula: ``m = o / (1 + o)`` (fractions); 0.25 → 0.2.

    Args:
        markup: markup ``o`` as a fraction of the cost price (0 to 5).

    Raises:
        InvalidInputError: a markup that is negative or above 5.
    """
    o = _markup(markup)
    return o / (1 + o)


def margin_to_markup(margin: float) -> float:
    """Convert a margin (marge, on selling price) into a markup (opslag, on cost price).

    Formula: ``o = m / (1 − m)`` (fractions); 0.2 → 0.25.

    Args:
        margin: margin ``m`` as a fraction of the selling price, 0 <= m < 1.

    Raises:
        InvalidInputError: a margin below 0, or of 1 (100%) or more: the cost price would be
            0 or negative, so no markup exists.
    """
    m = require_fraction(margin, "De marge")
    if m >= 1:
        raise InvalidInputError(
            "Een marge van 100% betekent dat de kostprijs 0 is; daar hoort geen opslag bij "
            "(delen door 0). De marge moet kleiner dan 1 zijn."
        )
    return m / (1 - m)


def retail_minus_price(
    consumer_price: float,
    vat_rate: float,
    retail_markup: float,
    wholesale_markup: float | None = None,
) -> float:
    """Highest purchase or factory price by the eindprijs-minmethode (retail-minus pricing).

    Start from the price the consumer pays and work back through the chain:
    ``consumentenprijs excl. btw = consumentenprijs / (1 + btw)``; then divide by
    ``(1 + opslag detaillist)`` to get the retailer's purchase price, and, when there is a
    wholesaler, by ``(1 + opslag groothandel)`` to get the factory price:

    ``prijs = P / (1 + btw) / (1 + o_d) / (1 + o_g)`` in euros.

    Markups are on the purchase price of that link. When a margin on the selling price is
    given instead, convert it first with :func:`margin_to_markup`.

    Args:
        consumer_price: consumer price ``P`` per unit incl. btw, in euros (> 0).
        vat_rate: btw rate as a fraction: 0.21 (hoog tarief) or 0.09 (laag tarief), 0 allowed.
        retail_markup: retailer's markup ``o_d`` as a fraction of his purchase price.
        wholesale_markup: wholesaler's markup ``o_g``, or None when there is no wholesaler.

    Returns:
        The retailer's purchase price (without wholesaler) or the factory price (with
        wholesaler), in euros excl. btw: the highest price the producer can ask.

    Raises:
        InvalidInputError: a price of 0 or less, a btw rate that is not a fraction (21 instead
            of 0,21 gets a hint), or an invalid markup.
    """
    price = require_positive(consumer_price, "De consumentenprijs")
    vat = require_fraction(vat_rate, "Het btw-tarief")
    result = price / (1 + vat) / (1 + _markup(retail_markup, "De opslag van de detaillist"))
    if wholesale_markup is not None:
        result /= 1 + _markup(wholesale_markup, "De opslag van de groothandel")
    return result


def _elasticity_inputs(
    old_quantity: float, new_quantity: float, old_price: float, new_price: float
) -> tuple[float, float, float, float]:
    q0 = require_non_negative(old_quantity, "De oude afzet")
    q1 = require_non_negative(new_quantity, "De nieuwe afzet")
    p0 = require_non_negative(old_price, "De oude prijs")
    p1 = require_non_negative(new_price, "De nieuwe prijs")
    if p0 == p1:
        raise InvalidInputError(
            f"De prijs is niet veranderd (beide {show_number(p0)}), dus er valt geen "
            "prijselasticiteit te berekenen: je zou door 0 delen."
        )
    return q0, q1, p0, p1


def price_elasticity(
    old_quantity: float, new_quantity: float, old_price: float, new_price: float
) -> float:
    """Price elasticity of demand (prijselasticiteit), with the old values as base.

    Formula: ``E = (%Δ afzet) / (%Δ prijs) = ((q1 − q0) / q0) / ((p1 − p0) / p0)``, a
    dimensionless number, usually negative (a higher price, a lower quantity). Because the
    base is the old situation, going back from new to old gives a different number; use
    :func:`price_elasticity_midpoint` when the direction should not matter.

    Args:
        old_quantity: quantity sold before the price change ``q0`` (> 0).
        new_quantity: quantity sold after the price change ``q1`` (>= 0).
        old_price: price before ``p0`` in euros (> 0).
        new_price: price after ``p1`` in euros (>= 0, different from ``p0``).

    Raises:
        InvalidInputError: a negative input, ``q0`` or ``p0`` of 0, or an unchanged price.
    """
    q0, q1, p0, p1 = _elasticity_inputs(old_quantity, new_quantity, old_price, new_price)
    require_positive(q0, "De oude afzet")
    require_positive(p0, "De oude prijs")
    return ((q1 - q0) / q0) / ((p1 - p0) / p0)


def price_elasticity_midpoint(
    old_quantity: float, new_quantity: float, old_price: float, new_price: float
) -> float:
    """Arc (midpoint) price elasticity: percentage changes relative to the averages.

    Formula: ``E = ((q1 − q0) / ((q0 + q1) / 2)) / ((p1 − p0) / ((p0 + p1) / 2))``. The
    result is the same in both directions (old → new and new → old).

    Args:
        old_quantity: quantity before ``q0`` (>= 0; ``q0 + q1 > 0``).
        new_quantity: quantity after ``q1`` (>= 0).
        old_price: price before ``p0`` in euros (>= 0).
        new_price: price after ``p1`` in euros (>= 0, different from ``p0``).

    Raises:
        InvalidInputError: a negative input, both quantities 0, or an unchanged price.
    """
    q0, q1, p0, p1 = _elasticity_inputs(old_quantity, new_quantity, old_price, new_price)
    if q0 + q1 == 0:
        raise InvalidInputError(
            "De oude en de nieuwe afzet zijn allebei 0, dus er is geen procentuele verandering "
            "van de afzet."
        )
    return ((q1 - q0) / ((q0 + q1) / 2)) / ((p1 - p0) / ((p0 + p1) / 2))


def elasticity_label(elasticity: float) -> ElasticityLabel:
    """Dutch label for a price elasticity, judged on its absolute value ``|E|``.

    ``|E| > 1``: ``"elastisch"`` (quantity reacts more than proportionally, revenue falls when
    the price rises); ``|E| < 1``: ``"inelastisch"``; ``|E| = 1`` (within 1e-9):
    ``"eenheidselastisch"``. ``E = 0`` (volkomen inelastisch) is ``"inelastisch"``.

    Args:
        elasticity: the price elasticity ``E`` (sign does not matter).

    Raises:
        InvalidInputError: the elasticity is not a finite number.
    """
    size = abs(require_finite(elasticity, "De prijselasticiteit"))
    if abs(size - 1) <= _UNIT_TOLERANCE:
        return "eenheidselastisch"
    return "elastisch" if size > 1 else "inelastisch"
