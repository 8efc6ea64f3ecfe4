"""Generate companies (customers and prospects) and the customer table ``klanten``.

A customer row carries hidden model columns (prefixed ``_``) that the other generators use:
``_potential`` (yearly revenue at 2022 prices when fully active), ``_satisfaction`` (latent,
standard normal; drives NPS scores and churn), ``_active_from``/``_active_to`` (the period in
which the customer orders) and ``_size`` (index into :data:`SIZES`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import (
    PERIOD_END,
    PERIOD_START,
    PROVINCES,
    SECTOR_WEIGHTS,
    SECTORS,
    SHARE_NL,
    SIZE_EMPLOYEES,
    SIZE_MEDIAN_REVENUE,
    SIZE_WEIGHTS,
    SIZES,
    province_label,
)
from salesbook.data._names import company_name, name_key
from salesbook.data.generate_staff import staff_for

N_CUSTOMERS = 600
KEY_ACCOUNT_SHARE = 0.10
"""The customers with the highest potential get an account manager."""
DESK_SHARE = 0.35
"""The customers with the lowest potential are served by the inside-sales desk."""
YEARLY_CHURN = (0.14, 0.10, 0.06, 0.03)
"""Yearly chance of leaving per size class, for a customer of average satisfaction."""
SECTOR_REVENUE = {"industrie": 1.25, "overheid": 1.2, "zorg": 1.1, "onderwijs": 0.9}


def make_companies(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Draw ``n`` companies with unique names: sector, land, province, place, size."""
    nl = rng.random(n) < SHARE_NL
    provinces = np.empty(n, dtype=object)
    for land, mask in (("NL", nl), ("BE", ~nl)):
        names = [p for p, info in PROVINCES.items() if info[0] == land]
        weights = np.array([PROVINCES[p][2] for p in names])
        provinces[mask] = rng.choice(names, size=int(mask.sum()), p=weights / weights.sum())
    sectors = rng.choice(SECTORS, size=n, p=SECTOR_WEIGHTS)
    sizes = rng.choice(len(SIZES), size=n, p=SIZE_WEIGHTS)
    low = np.array([SIZE_EMPLOYEES[s][0] for s in sizes])
    high = np.array([SIZE_EMPLOYEES[s][1] for s in sizes])
    employees = np.round(np.exp(rng.uniform(np.log(low), np.log(high + 1)))).astype(int)
    employees = np.clip(employees, low, high)
    rows, seen = [], set()
    for i in range(n):
        land, region, _, places = PROVINCES[provinces[i]]
        place = places[rng.integers(len(places))]
        name = company_name(rng, sectors[i], land, place)
        attempts = 0
        while name_key(name) in seen:
            attempts += 1
            name = company_name(rng, sectors[i], land, place, with_place=attempts > 10)
        seen.add(name_key(name))
        rows.append((name, sectors[i], land, provinces[i], place, region))
    frame = pd.DataFrame(rows, columns=["naam", "sector", "land", "_province", "plaats", "regio"])
    frame["_size"] = sizes
    frame["aantal_medewerkers"] = employees
    return frame


def _potential(rng: np.random.Generator, companies: pd.DataFrame) -> np.ndarray:
    median = np.array(SIZE_MEDIAN_REVENUE)[companies["_size"].to_numpy()]
    sector = companies["sector"].map(SECTOR_REVENUE).fillna(1.0).to_numpy()
    return median * sector * rng.lognormal(0.0, 0.85, len(companies))


def _assign_existing(
    rng: np.random.Generator, customers: pd.DataFrame, staff: pd.DataFrame
) -> list:
    rank = customers["_potential"].rank(pct=True, method="first").to_numpy()
    managers = []
    for region, r in zip(customers["regio"], rank, strict=True):
        if r > 1 - KEY_ACCOUNT_SHARE:
            options = staff_for(staff, "accountmanager", region)
        elif r <= DESK_SHARE:
            options = staff_for(staff, "binnendienst", region)
        else:
            options = staff_for(staff, "buitendienst", region)
        managers.append(options[rng.integers(len(options))])
    return managers


def build_customers(
    rng: np.random.Generator,
    existing: pd.DataFrame,
    won: pd.DataFrame,
    staff: pd.DataFrame,
) -> pd.DataFrame:
    """Combine long-standing customers and customers won from leads into ``klanten``.

    Args:
        rng: the generator's random source.
        existing: companies (from :func:`make_companies`) that were customers before the lead
            data start.
        won: companies won from leads, with ``klant_sinds``, ``accountmanager`` and
            ``_potential`` already set.
        staff: the sales staff.

    Returns:
        Customers sorted by ``klant_sinds`` with ``klant_id`` K0001 ... and hidden model columns.
    """
    existing = existing.copy()
    years_ago = rng.exponential(7.0 + 2.5 * existing["_size"].to_numpy())
    days_ago = np.minimum(years_ago * 365.25, 38 * 365).astype(int) + rng.integers(
        0, 120, len(existing)
    )
    before_leads = np.datetime64("2021-06-30")
    existing["klant_sinds"] = before_leads - days_ago.astype("timedelta64[D]")
    existing["_potential"] = _potential(rng, existing)
    existing["accountmanager"] = _assign_existing(rng, existing, staff)
    existing["_new"] = False
    won = won.copy()
    won["_new"] = True
    customers = pd.concat([existing, won], ignore_index=True)
    customers["klant_sinds"] = customers["klant_sinds"].to_numpy().astype("datetime64[D]")
    customers = customers.sort_values(["klant_sinds", "naam"], kind="stable", ignore_index=True)
    customers.insert(0, "klant_id", [f"K{i:04d}" for i in range(1, len(customers) + 1)])
    customers["provincie"] = customers["_province"].map(province_label)
    customers["omvang"] = np.array(SIZES)[customers["_size"].to_numpy()]
    customers["_satisfaction"] = rng.normal(0.0, 1.0, len(customers))
    _add_activity(rng, customers)
    return customers


def _add_activity(rng: np.random.Generator, customers: pd.DataFrame) -> None:
    """Set ``_active_from`` and ``_active_to`` (churn date, or the period end)."""
    since = customers["klant_sinds"].to_numpy().astype("datetime64[D]")
    active_from = np.maximum(since, PERIOD_START)
    hazard = np.array(YEARLY_CHURN)[customers["_size"].to_numpy()]
    hazard = hazard * np.exp(-0.45 * customers["_satisfaction"].to_numpy())
    hazard = hazard * np.where(customers["_new"].to_numpy(), 1.4, 1.0)
    years = rng.exponential(1.0 / hazard)
    churn = active_from + (years * 365.25).astype(int).astype("timedelta64[D]")
    customers["_active_from"] = active_from
    customers["_active_to"] = np.minimum(churn, PERIOD_END)
    customers["_churned"] = churn < PERIOD_END
