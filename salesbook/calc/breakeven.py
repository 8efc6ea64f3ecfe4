"""Break-even analysis: contribution margin, break-even point, target profit, safety margin.

Symbols used in the docstrings (all money in euros, quantities in units ("stuks")):

* ``p`` price per unit (verkoopprijs per stuk, excl. btw)
* ``v`` variable cost per unit (variabele kosten per stuk)
* ``F`` fixed costs for the period (constante of vaste kosten)
* ``q`` quantity sold in the period (afzet)

At the break-even point total revenue equals total costs: ``p·q = F + v·q``.
"""

from __future__ import annotations

from salesbook.calc._checks import (
    require_finite,
    require_non_negative,
    require_positive,
    show_number,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_money


def _price_and_cost(price: float, variable_cost: float) -> tuple[float, float]:
    p = require_non_negative(price, "De verkoopprijs per stuk")
    v = require_non_negative(variable_cost, "De variabele kosten per stuk")
    return p, v


def _positive_margin(price: float, variable_cost: float) -> float:
    """Return ``p − v``, or raise when it is not positive (then no break-even point exists)."""
    p, v = _price_and_cost(price, variable_cost)
    if p <= v:
        raise InvalidInputError(
            f"Er is geen break-evenpunt: de verkoopprijs ({format_money(p)}) is niet hoger dan "
            f"de variabele kosten per stuk ({format_money(v)}). Elk verkocht stuk levert dan "
            "geen positieve dekkingsbijdrage op, dus de vaste kosten worden nooit terugverdiend."
        )
    return p - v


def _fixed(fixed_costs: float) -> float:
    return require_non_negative(fixed_costs, "De vaste (constante) kosten")


def contribution_margin(price: float, variable_cost: float) -> float:
    """Contribution margin per unit (dekkingsbijdrage per stuk).

    Formula: ``p − v``, in euros per unit. The result may be negative: a product sold below
    its variable cost has a negative contribution margin.

    Args:
        price: selling price per unit ``p`` in euros (>= 0).
        variable_cost: variable cost per unit ``v`` in euros (>= 0).

    Returns:
        The contribution margin per unit in euros.

    Raises:
        InvalidInputError: an input is not a number or is negative.
    """
    p, v = _price_and_cost(price, variable_cost)
    return p - v


def contribution_margin_ratio(price: float, variable_cost: float) -> float:
    """Contribution margin as a fraction of the price (dekkingsbijdrage in % van de omzet).

    Formula: ``(p − v) / p``, a fraction (0.4 means 40% of every euro of revenue is left to
    cover the fixed costs). Negative when ``v > p``.

    Args:
        price: selling price per unit ``p`` in euros (> 0).
        variable_cost: variable cost per unit ``v`` in euros (>= 0).

    Raises:
        InvalidInputError: the price is 0 or less, or the variable cost is negative.
    """
    p = require_positive(price, "De verkoopprijs per stuk")
    v = require_non_negative(variable_cost, "De variabele kosten per stuk")
    return (p - v) / p


def breakeven_quantity(fixed_costs: float, price: float, variable_cost: float) -> float:
    """Break-even quantity (break-evenafzet): units to sell so that profit is exactly 0.

    Formula: ``q* = F / (p − v)``, in units. The result is **not** rounded: in practice you
    round up to a whole unit (``math.ceil``), because selling one unit less still leaves a loss.

    Args:
        fixed_costs: fixed costs ``F`` for the period in euros (>= 0).
        price: selling price per unit ``p`` in euros.
        variable_cost: variable cost per unit ``v`` in euros; must be lower than ``price``.

    Returns:
        The break-even quantity in units (a float).

    Raises:
        InvalidInputError: negative fixed costs, or ``price <= variable_cost`` (no break-even
            point exists).
    """
    f = _fixed(fixed_costs)
    return f / _positive_margin(price, variable_cost)


def breakeven_revenue(fixed_costs: float, price: float, variable_cost: float) -> float:
    """Break-even revenue (break-evenomzet): revenue at which profit is exactly 0.

    Formula: ``p · q* = F / ((p − v) / p)``, i.e. fixed costs divided by the contribution
    margin ratio, in euros (not rounded).

    Args:
        fixed_costs: fixed costs ``F`` in euros (>= 0).
        price: selling price per unit ``p`` in euros.
        variable_cost: variable cost per unit ``v`` in euros; must be lower than ``price``.

    Raises:
        InvalidInputError: as :func:`breakeven_quantity`.
    """
    f = _fixed(fixed_costs)
    margin = _positive_margin(price, variable_cost)
    return f * float(price) / margin


def quantity_for_target_profit(
    fixed_costs: float, price: float, variable_cost: float, target_profit: float
) -> float:
    """Quantity needed to reach a target profit (afzet bij gewenste winst).

    Formula: ``q = (F + W) / (p − v)`` with ``W`` the target profit in euros; the result is in
    units and not rounded (round up in practice). ``W = 0`` gives the break-even quantity; a
    negative ``W`` (an accepted loss) is allowed down to ``−F``, the loss when nothing is sold.

    Args:
        fixed_costs: fixed costs ``F`` in euros (>= 0).
        price: selling price per unit ``p`` in euros.
        variable_cost: variable cost per unit ``v`` in euros; must be lower than ``price``.
        target_profit: the profit ``W`` to reach, in euros.

    Raises:
        InvalidInputError: as :func:`breakeven_quantity`, or a target loss larger than ``F``.
    """
    f = _fixed(fixed_costs)
    w = require_finite(target_profit, "De gewenste winst")
    margin = _positive_margin(price, variable_cost)
    if f + w < 0:
        raise InvalidInputError(
            f"Een gewenste winst van {format_money(w)} kan niet: zonder verkoop is het verlies "
            f"al gelijk aan de vaste kosten ({format_money(f)}), en elk verkocht stuk maakt het "
            f"resultaat beter. De gewenste winst moet dus minstens {format_money(-f)} zijn."
        )
    return (f + w) / margin


def safety_margin(expected: float, breakeven: float) -> float:
    """Safety margin (veiligheidsmarge), absolute.

    Formula: ``verwacht − break-even``, in the unit of the inputs (units when you pass
    quantities, euros when you pass revenues). A negative result means the expected sales are
    below the break-even point: a loss is expected.

    Args:
        expected: expected (budgeted) sales, quantity or revenue (>= 0).
        breakeven: break-even sales in the same unit (>= 0).

    Raises:
        InvalidInputError: an input is not a number or is negative.
    """
    e = require_non_negative(expected, "De verwachte afzet of omzet")
    b = require_non_negative(breakeven, "Het break-evenpunt")
    return e - b


def safety_margin_ratio(expected: float, breakeven: float) -> float:
    """Safety margin as a fraction of the expected sales (veiligheidsmarge in %).

    Formula: ``(verwacht − break-even) / verwacht``, a fraction: 0.2 means sales may fall 20%
    below the expectation before a loss is made. Quantities or revenues give the same result
    at a constant price.

    Args:
        expected: expected sales, quantity or revenue (> 0).
        breakeven: break-even sales in the same unit (>= 0).

    Raises:
        InvalidInputError: expected sales are 0 or less (no ratio exists), or breakeven < 0.
    """
    b = require_non_negative(breakeven, "Het break-evenpunt")
    e = require_finite(expected, "De verwachte afzet of omzet")
    if e <= 0:
        raise InvalidInputError(
            "De veiligheidsmarge in procenten wordt berekend ten opzichte van de verwachte "
            f"afzet of omzet, en die moet groter dan 0 zijn, maar is {show_number(e)}."
        )
    return (e - b) / e


def total_costs(fixed_costs: float, variable_cost: float, quantity: float) -> float:
    """Total costs (totale kosten) for a quantity.

    Formula: ``TK = F + v · q``, in euros.

    Args:
        fixed_costs: fixed costs ``F`` in euros (>= 0).
        variable_cost: variable cost per unit ``v`` in euros (>= 0).
        quantity: quantity ``q`` in units (>= 0; need not be whole).

    Raises:
        InvalidInputError: an input is not a number or is negative.
    """
    f = _fixed(fixed_costs)
    v = require_non_negative(variable_cost, "De variabele kosten per stuk")
    q = require_non_negative(quantity, "De afzet")
    return f + v * q


def profit(quantity: float, price: float, variable_cost: float, fixed_costs: float) -> float:
    """Profit (winst) at a quantity: total revenue minus total costs.

    Formula: ``W = p · q − (F + v · q) = q · (p − v) − F``, in euros (negative = loss).

    Args:
        quantity: quantity sold ``q`` in units (>= 0).
        price: selling price per unit ``p`` in euros (>= 0).
        variable_cost: variable cost per unit ``v`` in euros (>= 0).
        fixed_costs: fixed costs ``F`` in euros (>= 0).

    Raises:
        InvalidInputError: an input is not a number or is negative.
    """
    q = require_non_negative(quantity, "De afzet")
    p, v = _price_and_cost(price, variable_cost)
    f = _fixed(fixed_costs)
    return q * (p - v) - f
