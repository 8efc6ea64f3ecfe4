"""Short-term sales KPIs and the sales funnel (korte-termijn-KPI's, salesfunnel).

The three short-term KPIs follow the steps of an acquisition campaign; each is a fraction of
the previous step (a fraction, 0.25 = 25%):

* responsratio = reacties / benaderde (potentiële) klanten;
* conversieratio = afspraken (of offerteaanvragen) / reacties: the share of reactions that
  turns into a concrete next step. This is the definition used here; some books use
  "conversie" for the whole path from contact to order: that is
  :func:`whole_funnel_conversion`;
* ordersuccesratio = orders / uitgebrachte offertes (also called hit rate).

A later step can never be larger than an earlier one: that is an error, not a ratio above 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from salesbook.calc._checks import require_whole_number
from salesbook.exceptions import InvalidInputError


def _ratio(part: int, whole: int, part_name: str, whole_name: str) -> float:
    """``part / whole`` for counts with ``0 <= part <= whole`` and ``whole > 0``."""
    p = require_whole_number(part, f"Het aantal {part_name}")
    w = require_whole_number(whole, f"Het aantal {whole_name}")
    if w == 0:
        raise InvalidInputError(
            f"Het aantal {whole_name} is 0, dus er valt geen ratio te berekenen (delen door 0)."
        )
    if p > w:
        raise InvalidInputError(
            f"Het aantal {part_name} ({p}) kan niet groter zijn dan het aantal {whole_name} "
            f"({w}): elke volgende stap komt uit de vorige."
        )
    return p / w


def response_ratio(responses: int, contacts: int) -> float:
    """Response ratio (responsratio): the share of contacted prospects that reacted.

    Formula: ``reacties / benaderde klanten``, a fraction.

    Args:
        responses: number of reactions (whole number, at most ``contacts``).
        contacts: number of prospects contacted (mailing, call, visit), > 0.

    Raises:
        InvalidInputError: a count is not a whole number >= 0, contacts is 0, or there are
            more responses than contacts.
    """
    return _ratio(responses, contacts, "reacties", "benaderde klanten")


def conversion_ratio(appointments: int, responses: int) -> float:
    """Conversion ratio (conversieratio): the share of reactions that led to an appointment.

    Formula: ``afspraken (of offerteaanvragen) / reacties``, a fraction. See the module
    docstring for this definition.

    Args:
        appointments: number of appointments or requests for a quotation (at most
            ``responses``).
        responses: number of reactions, > 0.

    Raises:
        InvalidInputError: as :func:`response_ratio`.
    """
    return _ratio(appointments, responses, "afspraken", "reacties")


def order_success_ratio(orders: int, quotes: int) -> float:
    """Order success ratio (ordersuccesratio): the share of quotations that became an order.

    Formula: ``orders / uitgebrachte offertes``, a fraction.

    Args:
        orders: number of orders won (at most ``quotes``).
        quotes: number of quotations made, > 0.

    Raises:
        InvalidInputError: as :func:`response_ratio`.
    """
    return _ratio(orders, quotes, "orders", "offertes")


def whole_funnel_conversion(first: int, last: int) -> float:
    """Conversion over the whole funnel: the share of the first stage that reached the last.

    Formula: ``aantal in de laatste fase / aantal in de eerste fase``, a fraction (for a
    funnel from contacts to orders this is the product of the three ratios above).

    Args:
        first: count in the first stage (e.g. leads), > 0.
        last: count in the last stage (e.g. orders), at most ``first``.

    Raises:
        InvalidInputError: a count is not a whole number >= 0, first is 0, or last > first.
    """
    return _ratio(last, first, "in de laatste fase", "in de eerste fase")


def funnel_conversion(stage_counts: Mapping[str, int] | pd.Series) -> pd.DataFrame:
    """Table of a sales funnel: count and conversion per stage.

    Formulas per stage ``i``: ``conversie_vanaf_vorige_fase = aantal_i / aantal_(i−1)`` and
    ``conversie_vanaf_begin = aantal_i / aantal_eerste_fase`` (fractions). The first stage has
    no previous stage (NaN) and a conversion from the start of 1. A stage after a stage with 0
    has a conversion from the previous stage of NaN (0 out of 0 is not a ratio).

    Args:
        stage_counts: counts per stage in funnel order, e.g. ``{"leads": 400, "gekwalificeerd":
            120, "offerte": 40, "order": 12}`` (a dict keeps its order; a Series works too).

    Returns:
        A DataFrame indexed by stage (index name ``fase``) with columns ``aantal`` (int),
        ``conversie_vanaf_vorige_fase`` and ``conversie_vanaf_begin``.

    Raises:
        InvalidInputError: no stages, a count that is not a whole number >= 0, a first stage
            of 0, or a stage larger than the stage before it.
    """
    items = list(stage_counts.items())
    if not items:
        raise InvalidInputError("De funnel heeft geen fasen: geef minstens één fase met aantal.")
    stages = [name for name, _ in items]
    counts = [require_whole_number(c, f"Het aantal in fase {n!r}") for n, c in items]
    if counts[0] == 0:
        raise InvalidInputError(
            f"De eerste fase {stages[0]!r} heeft 0, dus er valt geen conversie te berekenen."
        )
    previous_rates = [math.nan]
    for i in range(1, len(counts)):
        if counts[i] > counts[i - 1]:
            raise InvalidInputError(
                f"Fase {stages[i]!r} ({counts[i]}) is groter dan de fase ervoor, "
                f"{stages[i - 1]!r} ({counts[i - 1]}). In een funnel kan een latere fase niet "
                "meer klanten hebben dan een eerdere; controleer de volgorde en de aantallen."
            )
        previous_rates.append(counts[i] / counts[i - 1] if counts[i - 1] else math.nan)
    table = pd.DataFrame(
        {
            "aantal": counts,
            "conversie_vanaf_vorige_fase": previous_rates,
            "conversie_vanaf_begin": [c / counts[0] for c in counts],
        },
        index=pd.Index(stages, name="fase"),
    )
    return table
