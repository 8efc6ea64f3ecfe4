"""Customer analyses on the course data: ABC (20/80), RFM segments and customer lifetime value.

All functions clean their input first (see :mod:`salesbook.data.clean`): orders of duplicate
customers count for the original customer, orders dated outside 2022-2024 are left out, and
returns reduce the revenue and margin but do not count as a purchase.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from salesbook.calc import abc_classes, clv_infinite, rfm_scores, rfm_segments
from salesbook.data.analyses._prepare import (
    cleaned_orders,
    in_year,
    revenue_per_customer,
    sales_orders,
)
from salesbook.data.analyses.retention import retention_by
from salesbook.data.clean import END, clean_klanten
from salesbook.exceptions import DataError


def customer_abc(
    orders: pd.DataFrame,
    klanten: pd.DataFrame,
    year: int | None = None,
    cutoffs: Sequence[float] = (0.80, 0.15, 0.05),
) -> pd.DataFrame:
    """ABC classes of the customers by net revenue (:func:`salesbook.calc.abc_classes`).

    Customers without positive net revenue in the period (no orders, or only returns) are
    left out: they have no share to classify.

    Args:
        orders: the ``orders`` table.
        klanten: the ``klanten`` table (for the duplicate customers and the names).
        year: one calendar year, or ``None`` for 2022-2024 together.
        cutoffs: revenue shares of A, B and C as fractions.

    Returns:
        Indexed by ``klant_id``, sorted by revenue: ``naam``, ``omzet`` (euros), ``aandeel``,
        ``cumulatief_aandeel`` (fractions) and ``klasse``.
    """
    orders = in_year(cleaned_orders(orders, klanten), year)
    revenue = revenue_per_customer(orders)
    classes = abc_classes(revenue[revenue > 0], cutoffs=cutoffs)
    names = clean_klanten(klanten).set_index("klant_id")["naam"]
    classes.insert(0, "naam", names.reindex(classes.index).to_numpy())
    classes.index.name = "klant_id"
    return classes


def rfm_table(
    orders: pd.DataFrame,
    klanten: pd.DataFrame,
    reference_date: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """RFM scores and segments per customer (:func:`salesbook.calc.rfm_scores`).

    Measures per customer over 2022-2024 (up to ``reference_date``):

    * ``recency_days``: days from the last purchase to ``reference_date``;
    * ``frequency``: number of orders (returns do not count as an order);
    * ``monetary``: net revenue in euros (returns subtracted).

    Args:
        orders: the ``orders`` table.
        klanten: the ``klanten`` table.
        reference_date: the day the analysis is made; default 31 December 2024.

    Returns:
        Indexed by ``klant_id``: ``naam``, the three measures, ``R``, ``F``, ``M``,
        ``rfm_code`` and ``segment``. Only customers with at least one purchase.
    """
    reference = END if reference_date is None else pd.Timestamp(reference_date)
    orders = cleaned_orders(orders, klanten)
    orders = orders[orders["orderdatum"] <= reference]
    sales = sales_orders(orders)
    if sales.empty:
        raise DataError(f"Er zijn geen orders tot en met {reference:%d-%m-%Y}.")
    last = sales.groupby("klant_id", observed=True)["orderdatum"].max()
    measures = pd.DataFrame(
        {
            "recency_days": (reference - last).dt.days,
            "frequency": sales.groupby("klant_id", observed=True)["order_id"].nunique(),
            "monetary": revenue_per_customer(orders).reindex(last.index),
        }
    )
    scores = rfm_segments(rfm_scores(measures))
    result = measures.join(scores)
    names = clean_klanten(klanten).set_index("klant_id")["naam"]
    result.insert(0, "naam", names.reindex(result.index).to_numpy())
    result.index.name = "klant_id"
    return result


def customer_clv(
    orders: pd.DataFrame,
    klanten: pd.DataFrame,
    year: int = 2024,
    discount_rate: float = 0.08,
    by: str = "omvang",
) -> pd.DataFrame:
    """Customer lifetime value per customer (:func:`salesbook.calc.clv_infinite`).

    Per customer who bought in ``year``: the margin ``m`` is the customer's gross margin in
    that year (euros, returns subtracted); the retention ``r`` is the retention from
    ``year − 1`` to ``year`` of the customer's group (column ``by`` of ``klanten``, e.g. size
    class), from :func:`~salesbook.data.analyses.retention.retention_by`; then
    ``CLV = m · r / (1 + d − r)``.

    Args:
        orders: the ``orders`` table (needs ``marge``).
        klanten: the ``klanten`` table.
        year: the year whose margin and retention are used (2023 or 2024).
        discount_rate: discount rate ``d`` per year as a fraction.
        by: the ``klanten`` column that defines the retention groups.

    Returns:
        Indexed by ``klant_id``, sorted by CLV descending: ``naam``, ``by``,
        ``marge_per_jaar`` (euros), ``retentie`` (fraction) and ``clv`` (euros). A group
        without customers in the year before, or without retention at all, gets NaN.
    """
    customers = clean_klanten(klanten).set_index("klant_id")
    if by not in customers.columns:
        raise DataError(f"De tabel klanten heeft geen kolom {by!r} om klanten te groeperen.")
    retention = retention_by(orders, klanten, by=by)
    if year not in retention.index.get_level_values("jaar"):
        raise DataError(f"Voor {year} is geen retentie te berekenen; kies 2023 of 2024.")
    rates = retention.xs(year, level="jaar")["retentie"]
    margin = in_year(cleaned_orders(orders, klanten), year).groupby("klant_id")["marge"].sum()
    group = customers[by].reindex(margin.index)
    table = pd.DataFrame(
        {
            "naam": customers["naam"].reindex(margin.index),
            by: group,
            "marge_per_jaar": margin.round(2),
            "retentie": group.map(rates).astype(float),
        }
    )
    table["clv"] = [
        np.nan if np.isnan(r) else clv_infinite(m, r, discount_rate)
        for m, r in zip(table["marge_per_jaar"], table["retentie"], strict=True)
    ]
    table.index.name = "klant_id"
    return table.sort_values("clv", ascending=False, kind="stable")
