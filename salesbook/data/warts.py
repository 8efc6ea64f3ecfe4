"""Deliberate data-entry errors ("warts") that students must find and clean.

Real CRM and ERP exports are never clean. The generator adds a small, fixed number of each
kind of error below; ``data/README.md`` lists them under "Bekende fouten in de data" and
:mod:`salesbook.data.clean` removes or repairs them. Returns (negative quantities) are real
business events made in :mod:`generate_orders`; they are listed here because analyses must
handle them consciously.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import PERIOD_START

N_DUPLICATE_CUSTOMERS = 3
N_MISSING_SECTOR = 12
N_PROVINCE_VARIANTS = 15
WRONG_YEARS = ((2023, 2032), (2024, 2042), (2022, 2002))
"""Three orders whose year was typed wrongly: (true year, year in the data)."""
NPS_TYPOS = (11, 11, 11, 100)
N_NPS_MISSING = 5
N_TRAVEL_TYPOS = 3
"""Visits whose travel time has an extra zero (450 instead of 45)."""

PROVINCE_VARIANTS = {
    "Noord-Brabant": ("Noord Brabant", "N-Brabant", "noord-brabant"),
    "Noord-Holland": ("Noord Holland", "N-Holland"),
    "Zuid-Holland": ("Zuid Holland", "Z-Holland"),
    "Friesland": ("Fryslân",),
    "Gelderland": ("gelderland",),
    "Oost-Vlaanderen": ("Oost-Vl.", "Oost Vlaanderen"),
    "West-Vlaanderen": ("West Vlaanderen", "W-Vlaanderen"),
    "Vlaams-Brabant": ("Vl.-Brabant",),
}
"""Spelling variants of province names, keyed by the correct name."""


def respell(name: str) -> str:
    """Spell a company name the way a hurried colleague would retype it."""
    replacements = ((" B.V.", " BV"), (" BV", " bv"), (" & ", " en "), (" NV", " N.V."))
    for old, new in replacements:
        if old in name:
            return name.replace(old, new)
    return name.upper()


def add_duplicate_customers(
    rng: np.random.Generator, customers: pd.DataFrame, orders: pd.DataFrame
) -> pd.DataFrame:
    """Append re-entered customers and move part of their later orders to the copy.

    Returns the new customer table; ``orders`` is changed in place.
    """
    counts = orders["klant_id"].value_counts()
    since = customers["klant_sinds"].to_numpy().astype("datetime64[D]")
    eligible = customers[
        customers["klant_id"].map(counts).fillna(0).ge(20).to_numpy()
        & (since < np.datetime64("2022-06-30"))
        & ~customers["_churned"].to_numpy()
    ]
    chosen = eligible.iloc[np.sort(rng.choice(len(eligible), N_DUPLICATE_CUSTOMERS, replace=False))]
    copies = chosen.copy()
    copies["naam"] = [respell(name) for name in chosen["naam"]]
    offset = rng.integers(400, 700, N_DUPLICATE_CUSTOMERS).astype("timedelta64[D]")
    copies["klant_sinds"] = PERIOD_START + offset
    first = len(customers) + 1
    copies["klant_id"] = [f"K{i:04d}" for i in range(first, first + N_DUPLICATE_CUSTOMERS)]
    for original, copy, created in zip(
        chosen["klant_id"], copies["klant_id"], copies["klant_sinds"], strict=True
    ):
        later = (orders["klant_id"] == original) & (orders["orderdatum"] >= created)
        orders_later = orders.loc[later, "order_id"].unique()
        moved = orders_later[rng.random(len(orders_later)) < 0.5]
        orders.loc[orders["order_id"].isin(moved), "klant_id"] = copy
    return pd.concat([customers, copies], ignore_index=True)


def blank_sectors(rng: np.random.Generator, customers: pd.DataFrame) -> None:
    """Empty the sector of a few customers (in place)."""
    rows = rng.choice(len(customers) - N_DUPLICATE_CUSTOMERS, N_MISSING_SECTOR, replace=False)
    customers.loc[np.sort(rows), "sector"] = None


def misspell_provinces(rng: np.random.Generator, customers: pd.DataFrame) -> None:
    """Write the province of a few customers in a variant spelling (in place)."""
    originals = customers.index < len(customers) - N_DUPLICATE_CUSTOMERS
    known = customers["provincie"].isin(list(PROVINCE_VARIANTS)).to_numpy()
    eligible = np.flatnonzero(known & originals)
    rows = np.sort(rng.choice(eligible, N_PROVINCE_VARIANTS, replace=False))
    for row in rows:
        variants = PROVINCE_VARIANTS[customers.at[row, "provincie"]]
        customers.at[row, "provincie"] = variants[rng.integers(len(variants))]


def shift_order_years(rng: np.random.Generator, orders: pd.DataFrame) -> None:
    """Give three whole orders a wrongly typed year (in place)."""
    dates = orders["orderdatum"].to_numpy().astype("datetime64[D]")
    labels = dates.astype(str)
    for true_year, typed_year in WRONG_YEARS:
        ok = np.char.startswith(labels, str(true_year)) & ~np.char.endswith(labels, "02-29")
        ok &= orders["aantal"].to_numpy() > 0
        order = orders["order_id"].to_numpy()[rng.choice(np.flatnonzero(ok))]
        rows = orders["order_id"] == order
        old = labels[rows.to_numpy()][0]
        orders.loc[rows, "orderdatum"] = np.datetime64(f"{typed_year}{old[4:]}")


def spoil_nps(rng: np.random.Generator, answers: pd.DataFrame) -> None:
    """Type a few impossible scores and leave a few empty (in place)."""
    n = len(NPS_TYPOS) + N_NPS_MISSING
    rows = rng.choice(len(answers), n, replace=False)
    answers.loc[rows[: len(NPS_TYPOS)], "score"] = list(NPS_TYPOS)
    answers.loc[rows[len(NPS_TYPOS) :], "score"] = pd.NA


def spoil_travel(rng: np.random.Generator, visits: pd.DataFrame) -> None:
    """Add a zero to the travel time of a few visits (in place)."""
    eligible = np.flatnonzero(visits["reistijd_min"].to_numpy() >= 35)
    rows = np.sort(rng.choice(eligible, N_TRAVEL_TYPOS, replace=False))
    visits.loc[rows, "reistijd_min"] = visits.loc[rows, "reistijd_min"] * 10
