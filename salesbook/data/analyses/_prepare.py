"""Shared preparation for the analyses: cleaned sales, revenue per customer, activity.

No course formula lives here (those are in :mod:`salesbook.calc`); only selecting, cleaning
and adding up the data the formulas need.
"""

from __future__ import annotations

import pandas as pd

from salesbook.data.clean import clean_orders
from salesbook.exceptions import DataError


def require_columns(frame: pd.DataFrame, columns: list[str], table: str) -> None:
    """Raise a Dutch :class:`DataError` when ``frame`` lacks one of ``columns``."""
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise DataError(
            f"De tabel {table} mist de kolom(men) {', '.join(missing)}. "
            f"Geef de tabel zoals salesbook.data.load('{table}') hem teruggeeft."
        )


def cleaned_orders(orders: pd.DataFrame, klanten: pd.DataFrame) -> pd.DataFrame:
    """Orders after :func:`~salesbook.data.clean.clean_orders` (checked columns)."""
    require_columns(orders, ["order_id", "orderdatum", "klant_id", "aantal", "omzet"], "orders")
    require_columns(klanten, ["klant_id", "naam", "plaats"], "klanten")
    return clean_orders(orders, klanten)


def in_year(orders: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The order lines of one calendar year, or all lines when ``year`` is None."""
    if year is None:
        return orders
    selected = orders[orders["orderdatum"].dt.year == year]
    if selected.empty:
        years = sorted(orders["orderdatum"].dt.year.unique().tolist())
        raise DataError(f"Er zijn geen orders in {year}; de orders lopen over de jaren {years}.")
    return selected


def sales_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """Only the lines of real sales: returns (negative quantities) left out."""
    return orders[orders["aantal"] > 0]


def revenue_per_customer(orders: pd.DataFrame) -> pd.Series:
    """Net revenue (sales minus returns) per ``klant_id``, in euros."""
    return orders.groupby("klant_id", observed=True)["omzet"].sum()


def active_customers(orders: pd.DataFrame, period: str) -> pd.DataFrame:
    """One row per (customer, period) in which the customer bought something.

    Args:
        orders: cleaned order lines.
        period: pandas period code, ``"Y"`` (year), ``"Q"`` (quarter) or ``"M"`` (month).

    Returns:
        Columns ``klant_id`` and ``periode`` (a ``pd.Period``), without duplicates.
    """
    sales = sales_orders(orders)
    frame = pd.DataFrame(
        {"klant_id": sales["klant_id"], "periode": sales["orderdatum"].dt.to_period(period)}
    )
    return frame.drop_duplicates().reset_index(drop=True)
