"""Retention analyses: year-on-year retention and churn (per group) and cohort tables.

A customer counts as *active* in a period when he bought something then (returns do not
count). Orders are cleaned first (see :mod:`salesbook.data.clean`).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from salesbook.calc import churn_rate, retention_rate
from salesbook.data.analyses._prepare import active_customers, cleaned_orders
from salesbook.data.clean import clean_klanten
from salesbook.exceptions import DataError

PERIODS = {"Y": "jaren", "Q": "kwartalen", "M": "maanden"}


def _years(active: pd.DataFrame) -> list[int]:
    observed = active["periode"].dt.year
    if observed.nunique() < 2:
        raise DataError("Voor retentie zijn orders in minstens twee verschillende jaren nodig.")
    return list(range(observed.min(), observed.max() + 1))


def _yearly(active: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    sets = {y: set(active.loc[active["periode"].dt.year == y, "klant_id"]) for y in years}
    rows = []
    for previous, year in itertools.pairwise(years):
        start, end = sets[previous], sets[year]
        new = end - start
        row = {
            "jaar": year,
            "klanten_begin": len(start),
            "klanten_eind": len(end),
            "nieuw": len(new),
            "behouden": len(end & start),
            "retentie": np.nan,
            "churn": np.nan,
        }
        if start:  # without customers at the start there is no retention to speak of
            row["retentie"] = retention_rate(len(end), len(new), len(start))
            row["churn"] = churn_rate(len(end), len(new), len(start))
        rows.append(row)
    return pd.DataFrame(rows).set_index("jaar")


def yearly_retention(orders: pd.DataFrame, klanten: pd.DataFrame) -> pd.DataFrame:
    """Retention and churn per year (:func:`salesbook.calc.retention_rate`).

    For year ``t``: ``S`` = customers active in ``t − 1``, ``E`` = customers active in ``t``
    and ``N`` = customers active in ``t`` but not in ``t − 1`` (new customers and customers
    who came back after a year without orders). Then ``retentie = (E − N) / S``.

    Returns:
        Indexed by ``jaar`` (2023, 2024): ``klanten_begin`` (S), ``klanten_eind`` (E),
        ``nieuw`` (N), ``behouden`` (E − N), ``retentie`` and ``churn`` (fractions; NaN in a
        year that starts without customers).
    """
    active = active_customers(cleaned_orders(orders, klanten), "Y")
    return _yearly(active, _years(active))


def retention_by(orders: pd.DataFrame, klanten: pd.DataFrame, by: str = "omvang") -> pd.DataFrame:
    """:func:`yearly_retention` per group of customers (a column of ``klanten``).

    Returns:
        Indexed by (``by``, ``jaar``) with the columns of :func:`yearly_retention`.
    """
    customers = clean_klanten(klanten).set_index("klant_id")
    if by not in customers.columns:
        raise DataError(f"De tabel klanten heeft geen kolom {by!r} om klanten te groeperen.")
    active = active_customers(cleaned_orders(orders, klanten), "Y")
    years = _years(active)
    group = active["klant_id"].map(customers[by])
    values = customers[by].dropna()
    order = values.cat.categories if isinstance(values.dtype, pd.CategoricalDtype) else None
    names = list(order) if order is not None else sorted(values.unique())
    parts = {name: _yearly(active[(group == name).to_numpy()], years) for name in names}
    return pd.concat(parts, names=[by])


def cohort_table(orders: pd.DataFrame, klanten: pd.DataFrame, freq: str = "Q") -> pd.DataFrame:
    """Cohort table: the share of each cohort of new customers still active per period.

    A cohort is the group of customers whose relationship started in the same period
    (``klant_sinds`` on or after 1 January 2022; longer-standing customers have no known first
    period in the data). Column ``k`` is the ``k``-th period after the cohort's first period;
    the value is ``retention_rate(E=active in that period, N=0, S=cohort size)``, so
    column 0 is the share that bought in the starting period. Periods after the end of the
    data are NaN. The table suits :func:`salesbook.charts.cohort_heatmap`.

    Args:
        orders: the ``orders`` table.
        klanten: the ``klanten`` table.
        freq: ``"Q"`` (quarters, default), ``"M"`` (months) or ``"Y"`` (years).

    Returns:
        Index: cohort (``pd.Period``), named ``cohort``; columns 0, 1, 2 …; plus nothing else.
        The cohort sizes are in ``table.attrs["cohortgrootte"]`` (a Series).
    """
    if freq not in PERIODS:
        raise DataError(f"Onbekende periode {freq!r}: kies 'Y' (jaar), 'Q' (kwartaal) of 'M'.")
    orders = cleaned_orders(orders, klanten)
    customers = clean_klanten(klanten)
    new = customers[customers["klant_sinds"] >= pd.Timestamp("2022-01-01")]
    start = new.set_index("klant_id")["klant_sinds"].dt.to_period(freq)
    active = active_customers(orders, freq)
    active = active[active["klant_id"].isin(start.index)]
    active["cohort"] = active["klant_id"].map(start)
    active["k"] = [(p - c).n for p, c in zip(active["periode"], active["cohort"], strict=True)]
    active = active[active["k"] >= 0]
    sizes = start.value_counts().sort_index()
    last = orders["orderdatum"].max().to_period(freq)
    columns = range((last - sizes.index.min()).n + 1)
    counts = active.groupby(["cohort", "k"]).size()
    table = pd.DataFrame(np.nan, index=sizes.index, columns=list(columns))
    for cohort, size in sizes.items():
        for k in range((last - cohort).n + 1):
            kept = int(counts.get((cohort, k), 0))
            table.loc[cohort, k] = retention_rate(kept, 0, int(size))
    table.index.name = "cohort"
    table.columns.name = f"{PERIODS[freq]} na de start"
    table.attrs["cohortgrootte"] = sizes.rename("klanten")
    return table
