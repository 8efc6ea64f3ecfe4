"""Generate the whole course data set from one seed.

One :class:`numpy.random.Generator` (``default_rng(seed)``) feeds every step in a fixed order,
so a seed always gives the same tables and another seed gives a different, equally realistic
company history. The default seed produces the committed CSV files in ``data/``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data import warts
from salesbook.data._columns import SCHEMAS, TABLES
from salesbook.data.generate_customers import N_CUSTOMERS, build_customers, make_companies
from salesbook.data.generate_finance import generate_finance
from salesbook.data.generate_funnel import count_leads, generate_leads
from salesbook.data.generate_nps import generate_nps
from salesbook.data.generate_offers import generate_offers
from salesbook.data.generate_orders import generate_orders
from salesbook.data.generate_staff import add_targets, generate_staff
from salesbook.data.generate_visits import generate_visits
from salesbook.data.schema import apply_schema
from salesbook.exceptions import DataError

DEFAULT_SEED = 2024
"""Seed of the reference data set committed in ``data/``."""


def _check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DataError(f"De seed moet een geheel getal van 0 of meer zijn, maar is {seed!r}.")
    return int(seed)


def generate(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Generate all course tables.

    Args:
        seed: any whole number >= 0; :data:`DEFAULT_SEED` gives the committed data set, a
            student number gives a personal variant.

    Returns:
        Table name → DataFrame, in the order of :data:`TABLES`, with the same columns and
        dtypes as :func:`salesbook.data.load` returns.

    Raises:
        DataError: the seed is not a whole number >= 0.
    """
    rng = np.random.default_rng(_check_seed(seed))
    staff = generate_staff(rng)
    lead_dates = count_leads(rng)
    companies = make_companies(rng, len(lead_dates) + N_CUSTOMERS)
    leads, won = generate_leads(rng, lead_dates, companies, staff)
    leads.insert(0, "lead_id", [f"L{i:04d}" for i in range(1, len(leads) + 1)])
    existing = companies.iloc[len(leads) : len(leads) + N_CUSTOMERS - len(won)]
    customers = build_customers(rng, existing, won, staff)
    lead_of = customers.dropna(subset=["_lead"]).set_index("_lead")["klant_id"]
    leads["klant_id"] = leads.index.map(lead_of).astype(object)
    orders = generate_orders(rng, customers, staff)
    quotes = generate_offers(rng, customers, leads, staff)
    visits = generate_visits(rng, customers, staff)
    answers = generate_nps(rng, customers, staff)
    finance = generate_finance(rng, orders, staff)
    revenue_2023 = orders[pd.to_datetime(orders["orderdatum"]).dt.year == 2023]
    portfolio = revenue_2023["klant_id"].map(customers.set_index("klant_id")["accountmanager"])
    add_targets(staff, revenue_2023.groupby(portfolio)["omzet"].sum(), rng)

    customers = warts.add_duplicate_customers(rng, customers, orders)
    warts.blank_sectors(rng, customers)
    warts.misspell_provinces(rng, customers)
    warts.shift_order_years(rng, orders)
    warts.spoil_nps(rng, answers)
    warts.spoil_travel(rng, visits)

    raw = {
        "verkopers": staff,
        "klanten": customers,
        "orders": orders,
        "leads": leads,
        "offertes": quotes,
        "bezoeken": visits,
        "nps": answers,
        **finance,
    }
    return {name: _finalise(raw[name], name) for name in TABLES}


def _finalise(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return apply_schema(frame[schema.column_names], schema)
