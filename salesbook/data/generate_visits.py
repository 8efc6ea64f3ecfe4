"""Generate customer visits (``bezoeken``) by account managers and the field sales force.

Visit frequency follows the customer's importance: key accounts are visited about monthly,
field customers 3-8 times a year depending on their potential, and customers of the inside
sales desk are not visited. Travel time depends on the region and on where the customer is.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import (
    REGION_TRAVEL_MINUTES,
    VISIT_GOAL_MINUTES,
    VISIT_GOAL_WEIGHTS,
    VISIT_GOALS,
)
from salesbook.data._sampling import DaySampler, active_years, add_workdays, workday_weights

VISIT_SEASON = np.array([0.9, 1.0, 1.1, 1.1, 1.0, 1.0, 0.6, 0.6, 1.1, 1.1, 1.1, 0.8])
KEY_ACCOUNT_VISITS = 18.0
FIELD_VISITS = (6.0, 10.0, 14.0)
"""Visits per year for the lower, middle and upper third of field customers (by potential)."""
MAX_PER_DAY = 4


def _per_year(customers: pd.DataFrame, function: pd.Series) -> np.ndarray:
    rate = np.zeros(len(customers))
    rate[(function == "accountmanager").to_numpy()] = KEY_ACCOUNT_VISITS
    field = (function == "buitendienst").to_numpy()
    third = pd.qcut(customers.loc[field, "_potential"].rank(method="first"), 3, labels=False)
    rate[field] = np.array(FIELD_VISITS)[third.to_numpy()]
    return rate


def spread_visits(
    day: np.ndarray, seller: np.ndarray, customer: np.ndarray, last: np.ndarray
) -> np.ndarray:
    """Move visits so no rep has more than :data:`MAX_PER_DAY` visits on one day and no
    customer is visited twice on one day. A visit moves to the next workday, or back to the
    previous free workday when it would pass ``last`` (the end of the customer's period).
    """
    day = day.astype("datetime64[D]").copy()
    order = np.lexsort((customer, day, seller))
    busy: dict[tuple[str, np.datetime64], int] = {}
    seen: set[tuple[np.datetime64, str]] = set()
    one = np.timedelta64(1, "D")
    for i in order:
        step, d = one, day[i]
        while busy.get((seller[i], d), 0) >= MAX_PER_DAY or (d, customer[i]) in seen:
            d = add_workdays(d, 1 if step > 0 else -1)
            if d > last[i]:
                step, d = -one, day[i]
        busy[(seller[i], d)] = busy.get((seller[i], d), 0) + 1
        seen.add((d, customer[i]))
        day[i] = d
    return day


def _round5(values: np.ndarray, minimum: int) -> np.ndarray:
    return np.maximum(np.round(values / 5) * 5, minimum).astype(np.int64)


def generate_visits(
    rng: np.random.Generator, customers: pd.DataFrame, staff: pd.DataFrame
) -> pd.DataFrame:
    """Return visits sorted by date, with ``bezoek_id`` B00001 ...

    Args:
        rng: the generator's random source.
        customers: customers with the hidden model columns of ``build_customers``.
        staff: sales staff.
    """
    function = customers["accountmanager"].map(staff.set_index("verkoper_id")["functie"])
    rate = _per_year(customers, function) * rng.lognormal(0.0, 0.2, len(customers))
    first = customers["_active_from"].to_numpy().astype("datetime64[D]")
    last = customers["_active_to"].to_numpy().astype("datetime64[D]")
    n_visits = rng.poisson(rate * active_years(first, last))
    who = np.repeat(np.arange(len(customers)), n_visits)
    sampler = DaySampler(workday_weights(month_factors=VISIT_SEASON))
    seller = customers["accountmanager"].to_numpy()[who]
    customer = customers["klant_id"].to_numpy()[who]
    day = spread_visits(sampler.sample(rng, first[who], last[who]), seller, customer, last[who])
    goal = rng.choice(len(VISIT_GOALS), size=len(who), p=VISIT_GOAL_WEIGHTS)
    key_account = (function == "accountmanager").to_numpy()[who]
    duration = np.array(VISIT_GOAL_MINUTES)[goal] * np.where(key_account, 1.25, 1.0)
    duration = _round5(duration * rng.lognormal(0.0, 0.25, len(who)), 15)
    region = customers["regio"].map(REGION_TRAVEL_MINUTES).to_numpy()
    location = region * rng.lognormal(0.0, 0.3, len(customers))
    travel = _round5(location[who] * rng.lognormal(0.0, 0.15, len(who)), 10)
    waiting = np.where(rng.random(len(who)) < 0.4, 0, rng.gamma(2.0, 4.0, len(who)))
    visits = pd.DataFrame(
        {
            "datum": day,
            "verkoper_id": seller,
            "klant_id": customer,
            "doel": np.array(VISIT_GOALS)[goal],
            "bezoekduur_min": duration,
            "reistijd_min": travel,
            "wachttijd_min": np.minimum(np.round(waiting), 45).astype(np.int64),
        }
    )
    visits = visits.sort_values(
        ["datum", "verkoper_id", "klant_id"], kind="stable", ignore_index=True
    )
    visits.insert(0, "bezoek_id", [f"B{i:05d}" for i in range(1, len(visits) + 1)])
    return visits
