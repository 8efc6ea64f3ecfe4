"""Size of the field sales force (omvang van de buitendienst): three course methods.

1. Formule van Franke (workload method, taakstellend): the hours the visits take divided by
   the hours one representative has available, rounded up.
2. Vast percentage van de omzet: the budget for representatives divided by the cost of one.
3. Extra winstbijdrage (marginal method): keep adding representatives while the next one
   brings in more extra gross margin than he or she costs.

The last two live in :mod:`salesbook.calc._salesforce_budget` and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from fractions import Fraction

import pandas as pd

from salesbook.calc._checks import (
    require_non_negative,
    require_positive,
    require_whole_number,
    show_number,
)
from salesbook.calc._rounding import exact, round_up_whole
from salesbook.calc._salesforce_budget import (
    ExtraProfitResult,
    extra_profit_contribution,
    sales_force_size_fixed_percentage,
)
from salesbook.exceptions import InvalidInputError

__all__ = [
    "HOURS_PER_YEAR",
    "CustomerGroup",
    "ExtraProfitResult",
    "FrankeResult",
    "extra_profit_contribution",
    "franke",
    "franke_group_table",
    "franke_groups",
    "franke_sales_force_size",
    "franke_workload_hours",
    "sales_force_size_fixed_percentage",
]

HOURS_PER_YEAR = 8_784  # hours in a leap year: no representative can have more


@dataclass(frozen=True)
class CustomerGroup:
    """A group of customers with the same visit pattern (e.g. A-, B- or C-klanten).

    Attributes:
        name: group name, e.g. ``"A-klanten"``.
        customers: aantal klanten (whole number >= 0).
        visits_per_year: bezoekfrequentie per klant per jaar (> 0; 0.5 = once in two years).
        visit_minutes: bezoekduur in minutes (> 0).
        travel_minutes: reistijd per bezoek in minutes (>= 0).
        waiting_minutes: wachttijd per bezoek in minutes (>= 0).
    """

    name: str
    customers: int
    visits_per_year: float
    visit_minutes: float
    travel_minutes: float = 0.0
    waiting_minutes: float = 0.0


@dataclass(frozen=True)
class FrankeResult:
    """Outcome of the formule van Franke.

    Attributes:
        hours: benodigde uren per jaar for all visits.
        available_hours_per_rep: beschikbare uren per verkoper per jaar.
        exact: hours / available hours, unrounded (e.g. 3.2 verkopers).
        reps: aantal verkopers: ``exact`` rounded up; an exact whole number stays.
    """

    hours: float
    available_hours_per_rep: float
    exact: float
    reps: int


def _group_hours(group: CustomerGroup) -> Fraction:
    where = f" (groep '{group.name}')" if group.name else ""
    customers = require_whole_number(group.customers, f"Het aantal klanten{where}")
    visits = require_positive(group.visits_per_year, f"De bezoekfrequentie{where}")
    visit = require_positive(group.visit_minutes, f"De bezoekduur{where}")
    travel = require_non_negative(group.travel_minutes, f"De reistijd{where}")
    wait = require_non_negative(group.waiting_minutes, f"De wachttijd{where}")
    minutes = exact(visit) + exact(travel) + exact(wait)
    return customers * exact(visits) * minutes / 60


def _as_group(group: CustomerGroup | Mapping[str, object], number: int) -> CustomerGroup:
    if isinstance(group, CustomerGroup):
        return group
    allowed = {f.name for f in fields(CustomerGroup)}
    if not isinstance(group, Mapping) or not set(group) <= allowed:
        raise InvalidInputError(
            f"Klantgroep {number} is geen CustomerGroup of mapping met de gegevens "
            f"{sorted(allowed)}."
        )
    data = {"name": f"groep {number}", **group}
    try:
        return CustomerGroup(**data)
    except TypeError:
        raise InvalidInputError(
            f"Klantgroep {number} mist gegevens: geef minstens customers, visits_per_year en "
            "visit_minutes."
        ) from None


def _result(hours: Fraction, available_hours_per_rep: float) -> FrankeResult:
    available = require_positive(
        available_hours_per_rep, "Het aantal beschikbare uren per verkoper"
    )
    if available > HOURS_PER_YEAR:
        raise InvalidInputError(
            f"Een verkoper kan niet {show_number(available)} uur per jaar beschikbaar "
            f"zijn: een jaar heeft hooguit {show_number(HOURS_PER_YEAR)} uur. Geef het "
            "aantal uren, niet minuten."
        )
    reps = hours / exact(available)
    return FrankeResult(float(hours), available, float(reps), round_up_whole(reps))


def franke_workload_hours(
    customers: int,
    visits_per_year: float,
    visit_minutes: float,
    travel_minutes: float,
    waiting_minutes: float,
) -> float:
    """Benodigde tijd per jaar in hours, unrounded (formule van Franke, first step).

    Formula: ``klanten × bezoekfrequentie × (bezoekduur + reistijd + wachttijd) / 60``, with
    the durations in minutes per visit and the frequency in visits per customer per year.

    Raises:
        InvalidInputError: on a non-whole or negative number of customers, a frequency or
            visit duration that is not > 0, or a negative travel or waiting time.
    """
    group = CustomerGroup(
        "", customers, visits_per_year, visit_minutes, travel_minutes, waiting_minutes
    )
    return float(_group_hours(group))


def franke(
    customers: int,
    visits_per_year: float,
    visit_minutes: float,
    travel_minutes: float,
    waiting_minutes: float,
    available_hours_per_rep: float,
) -> FrankeResult:
    """Formule van Franke with all intermediate results; see :func:`franke_sales_force_size`."""
    group = CustomerGroup(
        "", customers, visits_per_year, visit_minutes, travel_minutes, waiting_minutes
    )
    return _result(_group_hours(group), available_hours_per_rep)


def franke_sales_force_size(
    customers: int,
    visits_per_year: float,
    visit_minutes: float,
    travel_minutes: float,
    waiting_minutes: float,
    available_hours_per_rep: float,
) -> int:
    """Aantal verkopers volgens de formule van Franke (workload method).

    Formula: ``benodigde uren = klanten × bezoekfrequentie × (bezoekduur + reistijd +
    wachttijd) / 60`` and ``aantal verkopers = benodigde uren / beschikbare uren per
    verkoper``, rounded **up** (3,2 verkopers means 4 people). An exact whole number stays
    as it is. The arithmetic is done with exact fractions of the numbers as typed, and a
    result within a relative 1e-9 of a whole number counts as that whole number, so float
    noise (3.0000000000000004) never adds a representative.

    Args:
        customers: aantal te bezoeken klanten (whole number >= 0).
        visits_per_year: bezoekfrequentie per klant per jaar (> 0).
        visit_minutes: bezoekduur per bezoek in minutes (> 0).
        travel_minutes: reistijd per bezoek in minutes (>= 0).
        waiting_minutes: wachttijd per bezoek in minutes (>= 0).
        available_hours_per_rep: beschikbare uren per verkoper per jaar for visits
            (> 0 and at most 8.784, the hours in a year).

    Returns:
        The number of representatives needed.

    Raises:
        InvalidInputError: on invalid counts or durations (see :func:`franke_workload_hours`)
            or available hours that are not > 0 or exceed a year.
    """
    return franke(
        customers,
        visits_per_year,
        visit_minutes,
        travel_minutes,
        waiting_minutes,
        available_hours_per_rep,
    ).reps


def franke_groups(
    groups: Sequence[CustomerGroup | Mapping[str, object]], available_hours_per_rep: float
) -> FrankeResult:
    """Formule van Franke for several customer groups (e.g. A/B/C-klanten) together.

    The hours of all groups are added first, and only the total is divided and rounded up:
    rounding per group would overstate the sales force.

    Args:
        groups: :class:`CustomerGroup` objects or mappings with the same field names.
        available_hours_per_rep: beschikbare uren per verkoper per jaar.

    Returns:
        A :class:`FrankeResult` for all groups together.

    Raises:
        InvalidInputError: on no groups, duplicate names or invalid group data.
    """
    return _result(sum(_group_hours(g) for g in _groups(groups)), available_hours_per_rep)


def _groups(groups: Sequence[CustomerGroup | Mapping[str, object]]) -> list[CustomerGroup]:
    if not groups:
        raise InvalidInputError("Geef minstens één klantgroep.")
    result = [_as_group(g, i) for i, g in enumerate(groups, start=1)]
    names = [g.name for g in result]
    if len(set(names)) != len(names):
        raise InvalidInputError(f"De namen van de klantgroepen moeten uniek zijn: {names}.")
    return result


def franke_group_table(groups: Sequence[CustomerGroup | Mapping[str, object]]) -> pd.DataFrame:
    """Workload per customer group, as a table for the notebook.

    Returns:
        DataFrame indexed by ``groep`` with columns ``klanten``, ``bezoeken per jaar``,
        ``minuten per bezoek`` (bezoek + reis + wacht), ``bezoeken totaal`` and ``uren``.
    """
    rows = []
    for group in _groups(groups):
        hours = _group_hours(group)
        minutes = group.visit_minutes + group.travel_minutes + group.waiting_minutes
        rows.append(
            {
                "groep": group.name,
                "klanten": int(group.customers),
                "bezoeken per jaar": float(group.visits_per_year),
                "minuten per bezoek": float(minutes),
                "bezoeken totaal": float(group.customers * group.visits_per_year),
                "uren": float(hours),
            }
        )
    return pd.DataFrame(rows).set_index("groep")
