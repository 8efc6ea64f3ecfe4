"""Size of the field sales force from the visit data (formule van Franke).

The visited customers are grouped by ABC class (revenue in the same year). Per group the
visit data give the number of customers, visits per customer per year and the average visit,
travel and waiting time; :func:`salesbook.calc.franke_groups` turns that into the number of
salespeople needed, with the average ``bezoekuren_per_jaar`` of the visiting staff.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from salesbook.calc import CustomerGroup, FrankeResult, franke_group_table, franke_groups
from salesbook.data.analyses._prepare import require_columns
from salesbook.data.analyses.customers import customer_abc
from salesbook.data.clean import clean_bezoeken, duplicate_customers


@dataclass(frozen=True)
class FrankeAnalysis:
    """Outcome of :func:`franke_from_visits`.

    Attributes:
        groups: workload per ABC class (:func:`salesbook.calc.franke_group_table`).
        result: hours, available hours per rep, exact and rounded-up number of reps.
        current_reps: number of visiting salespeople now (account managers + field force).
    """

    groups: pd.DataFrame
    result: FrankeResult
    current_reps: int


def visit_groups(
    bezoeken: pd.DataFrame, orders: pd.DataFrame, klanten: pd.DataFrame, year: int = 2024
) -> list[CustomerGroup]:
    """One :class:`~salesbook.calc.CustomerGroup` per ABC class of the visited customers.

    Travel times that are a typing error are left out of the average travel time (see
    :func:`~salesbook.data.clean.clean_bezoeken`); visited customers without revenue in the
    year count as class C.
    """
    require_columns(bezoeken, ["datum", "klant_id", "bezoekduur_min", "reistijd_min"], "bezoeken")
    visits = clean_bezoeken(bezoeken)
    visits = visits[visits["datum"].dt.year == year].copy()
    visits["klant_id"] = visits["klant_id"].replace(duplicate_customers(klanten).to_dict())
    classes = customer_abc(orders, klanten, year=year)["klasse"]
    visits["klasse"] = visits["klant_id"].map(classes).fillna("C")
    groups = []
    for name, part in visits.groupby("klasse", sort=True):
        customers = part["klant_id"].nunique()
        groups.append(
            CustomerGroup(
                name=f"{name}-klanten",
                customers=customers,
                visits_per_year=len(part) / customers,
                visit_minutes=float(part["bezoekduur_min"].mean()),
                travel_minutes=float(part["reistijd_min"].astype(float).mean()),
                waiting_minutes=float(part["wachttijd_min"].mean()),
            )
        )
    return groups


def franke_from_visits(
    bezoeken: pd.DataFrame,
    orders: pd.DataFrame,
    klanten: pd.DataFrame,
    verkopers: pd.DataFrame,
    year: int = 2024,
) -> FrankeAnalysis:
    """Formule van Franke on one year of visit data.

    The available hours per salesperson are the mean ``bezoekuren_per_jaar`` of the staff who
    visit customers (everyone with bezoekuren > 0).
    """
    require_columns(verkopers, ["verkoper_id", "bezoekuren_per_jaar"], "verkopers")
    groups = visit_groups(bezoeken, orders, klanten, year)
    visiting = verkopers[verkopers["bezoekuren_per_jaar"] > 0]
    available = float(visiting["bezoekuren_per_jaar"].mean())
    return FrankeAnalysis(
        groups=franke_group_table(groups),
        result=franke_groups(groups, available),
        current_reps=len(visiting),
    )
