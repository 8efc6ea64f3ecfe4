"""Customer retention and churn over one period (retentiegraad en churn).

Symbols (numbers of customers, whole numbers >= 0):

* ``S`` customers at the start of the period (klanten aan het begin)
* ``E`` customers at the end of the period (klanten aan het eind)
* ``N`` new customers won during the period (nieuwe klanten)

The customers kept are ``E − N`` (everyone at the end who was not new), so
``retentiegraad = (E − N) / S`` and ``churn = 1 − retentiegraad``, both fractions.
"""

from __future__ import annotations

from salesbook.calc._checks import require_whole_number
from salesbook.exceptions import InvalidInputError


def retention_rate(end_customers: int, new_customers: int, start_customers: int) -> float:
    """Retention rate (retentiegraad): the fraction of start customers still a customer.

    Formula: ``(E − N) / S``, a fraction (0.85 = 85% kept).

    Args:
        end_customers: customers at the end of the period ``E``.
        new_customers: new customers won during the period ``N`` (part of ``E``).
        start_customers: customers at the start of the period ``S`` (> 0).

    Raises:
        InvalidInputError: a count is not a whole number >= 0, ``S`` is 0, ``N > E``, or
            ``E − N > S`` (more customers kept than there were).
    """
    e = require_whole_number(end_customers, "Het aantal klanten aan het eind")
    n = require_whole_number(new_customers, "Het aantal nieuwe klanten")
    s = require_whole_number(start_customers, "Het aantal klanten aan het begin")
    if s == 0:
        raise InvalidInputError(
            "Zonder klanten aan het begin van de periode valt er geen retentie te berekenen: "
            "het aantal klanten aan het begin is 0."
        )
    if n > e:
        raise InvalidInputError(
            f"Er kunnen niet meer nieuwe klanten ({n}) zijn dan klanten aan het eind ({e}): "
            "de nieuwe klanten horen bij de klanten aan het eind."
        )
    if e - n > s:
        raise InvalidInputError(
            f"Het aantal behouden klanten (eind − nieuw = {e} − {n} = {e - n}) is groter dan "
            f"het aantal klanten aan het begin ({s}). Controleer of alle nieuwe klanten zijn "
            "meegeteld."
        )
    return (e - n) / s


def churn_rate(end_customers: int, new_customers: int, start_customers: int) -> float:
    """Churn rate (verloop): the fraction of start customers lost in the period.

    Formula: ``1 − (E − N) / S = (S − (E − N)) / S``, a fraction.

    Args:
        end_customers: customers at the end of the period ``E``.
        new_customers: new customers won during the period ``N``.
        start_customers: customers at the start of the period ``S`` (> 0).

    Raises:
        InvalidInputError: as :func:`retention_rate`.
    """
    return 1 - retention_rate(end_customers, new_customers, start_customers)
