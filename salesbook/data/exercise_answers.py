"""The keys of the code exercises on the course data set, computed from the committed data.

A code exercise asks the student to compute a number on a course table with pandas. Its
question (``calc:`` in the bank) names one function of this module, so the key is recomputed
from the data instead of copied into the bank: when the data set or its generator changes,
the check of the banks (:mod:`salesbook.quiz.verify`) reports every stated ``answer`` that no
longer fits.

Each function loads the committed tables itself (:func:`salesbook.data.load`, read once and
cached, see :func:`clear_cache`) and computes the answer the way the exercise's worked
solution does, with pandas and :mod:`salesbook.calc`. Shares and ratios are returned as
fractions (0.135, not 13.5), like :mod:`salesbook.calc`; the bank multiplies with
``calc.scale: 100`` where the question asks a percentage.
"""

from __future__ import annotations

import functools
from typing import TypeVar

import pandas as pd

from salesbook import calc
from salesbook.data.clean import MAX_TRAVEL_MINUTES, clean_nps, clean_orders
from salesbook.data.loading import load
from salesbook.exceptions import DataError

__all__ = [
    "clear_cache",
    "conversation_time_share",
    "current_ratio_at_year_end",
    "customer_retention_rate",
    "franke_reps_exact",
    "highest_rep_utilisation",
    "leads_converted_share",
    "rep_order_success_ratio",
    "same_quarter_forecast",
    "sector_nps",
    "top_customer_revenue_share",
    "visit_hours",
    "visiting_staff_utilisation",
    "visiting_staff_within_budget",
]

_TIME_COLUMNS = ["bezoekduur_min", "reistijd_min", "wachttijd_min"]
_Rows = TypeVar("_Rows", pd.DataFrame, pd.Series)


@functools.cache
def _cached(name: str) -> pd.DataFrame:
    return load(name)


def _table(name: str) -> pd.DataFrame:
    """A committed course table, read from CSV once; a copy, so callers may change it."""
    return _cached(name).copy()


def clear_cache() -> None:
    """Forget the tables read so far (for a data set that was rewritten while running)."""
    _cached.cache_clear()


def _require_rows(frame: _Rows, what: str) -> _Rows:
    """``frame`` itself, or a Dutch DataError when it has no rows (never a silent NaN)."""
    if frame.empty:
        raise DataError(f"De cursusdata hebben geen {what}.")
    return frame


# --------------------------------------------------------------- h0: welkom


def leads_converted_share() -> float:
    """Share of all leads in ``leads`` that became a customer (exercise h0.data.01).

    ``(leads["uitkomst"] == "gewonnen").sum() / len(leads)``: open leads count in the total.
    Formula: :func:`salesbook.calc.whole_funnel_conversion`; result a fraction.
    """
    leads = _require_rows(_table("leads"), "leads")
    won = int((leads["uitkomst"] == "gewonnen").sum())
    return calc.whole_funnel_conversion(first=len(leads), last=won)


# --------------------------------------------------------------- h2: meten is weten


def same_quarter_forecast(quarter: int = 1, first_year: int = 2022, last_year: int = 2024) -> float:
    """Forecast of a quarter: its mean revenue over several years (h2.prognose-rekenen.11).

    Monthly revenue (``maandomzet``) summed per calendar quarter; the mean of ``quarter`` in
    ``first_year`` … ``last_year`` (:func:`salesbook.calc.moving_average` over those years).
    Result in euros.

    Raises:
        DataError: a year in the range has no revenue for that quarter.
    """
    maandomzet = _table("maandomzet")
    per_quarter = maandomzet.groupby(maandomzet["maand"].dt.to_period("Q"))["omzet"].sum()
    chosen = per_quarter[
        (per_quarter.index.quarter == quarter)
        & (per_quarter.index.year >= first_year)
        & (per_quarter.index.year <= last_year)
    ]
    years = last_year - first_year + 1
    if years < 1 or len(chosen) != years:
        raise DataError(
            f"De maandomzet heeft niet voor elk jaar van {first_year} tot en met {last_year} "
            f"een kwartaal {quarter}."
        )
    return calc.moving_average(chosen.tolist(), window=years)


def _clean_orders() -> pd.DataFrame:
    return clean_orders(_table("orders"), _table("klanten"))


def top_customer_revenue_share(year: int = 2024, share: float = 0.2) -> float:
    """Share of a year's net revenue from the best ``share`` of its customers (h2.abc.05).

    Cleaned orders (``clean_orders``) dated in ``year``, returns included; revenue per
    ``klant_id``; customers with revenue > 0 only; the number of top customers rounded up
    (:func:`salesbook.calc.top_share`). Result a fraction.
    """
    orders = _clean_orders()
    revenue = orders[orders["orderdatum"].dt.year == year].groupby("klant_id")["omzet"].sum()
    revenue = _require_rows(revenue[revenue > 0], f"klanten met omzet in {year}")
    return calc.top_share(revenue, share)


def customer_retention_rate(start_year: int = 2023, end_year: int = 2024) -> float:
    """Retention rate from ``start_year`` to ``end_year`` (h2.retentie.05).

    A customer is active in a year when he bought something that year in the cleaned orders
    (a return, ``aantal`` ≤ 0, is no purchase). Retained / active in ``start_year``, with the
    course formula :func:`salesbook.calc.retention_rate`. Result a fraction.
    """
    orders = _clean_orders()
    sales = orders[orders["aantal"] > 0]
    year = sales["orderdatum"].dt.year
    start = set(sales.loc[year == start_year, "klant_id"])
    end = set(sales.loc[year == end_year, "klant_id"])
    if not start:
        raise DataError(f"De cursusdata hebben geen klanten die in {start_year} kochten.")
    return calc.retention_rate(
        end_customers=len(end), new_customers=len(end - start), start_customers=len(start)
    )


def rep_order_success_ratio(rep_id: str = "V03") -> float:
    """Order success ratio of one salesperson over all decided quotations (h2.kpi.07).

    ``offertes`` of ``rep_id`` without status ``open``; accepted / decided
    (:func:`salesbook.calc.order_success_ratio`). Result a fraction.
    """
    offertes = _table("offertes")
    decided = offertes[(offertes["verkoper_id"] == rep_id) & (offertes["status"] != "open")]
    _require_rows(decided, f"beslist offertes van verkoper {rep_id!r}")
    accepted = int((decided["status"] == "geaccepteerd").sum())
    return calc.order_success_ratio(orders=accepted, quotes=len(decided))


def current_ratio_at_year_end(year: int = 2024) -> float:
    """Current ratio on 31 December of ``year`` from ``balans`` (h2.ratios.12).

    Sum of the group ``vlottende activa`` / sum of ``kort vreemd vermogen``
    (:func:`salesbook.calc.current_ratio`).
    """
    balans = _table("balans")
    per_group = balans[balans["jaar"] == year].groupby("groep", observed=True)["bedrag"].sum()
    missing = {"vlottende activa", "kort vreemd vermogen"} - set(per_group.index)
    if missing:
        raise DataError(f"De balans van {year} heeft geen {' en '.join(sorted(missing))}.")
    return calc.current_ratio(
        current_assets=float(per_group["vlottende activa"]),
        current_liabilities=float(per_group["kort vreemd vermogen"]),
    )


def sector_nps(sector: str = "bouw") -> float:
    """NPS of the customers of one sector over all surveys (h2.loyaliteit.10).

    Valid answers (``clean_nps``: a score 0-10) joined to ``klanten`` on ``klant_id`` for the
    sector; :func:`salesbook.calc.nps_from_scores`. Result from -100 to +100.
    """
    answers = clean_nps(_table("nps"))
    answers = answers.merge(_table("klanten")[["klant_id", "sector"]], on="klant_id")
    scores = answers.loc[answers["sector"] == sector, "score"]
    _require_rows(scores, f"geldige NPS-antwoorden uit de sector {sector!r}")
    return calc.nps_from_scores(scores.astype(int))


# --------------------------------------------------------------- h3: organisatie


def _visits(year: int) -> pd.DataFrame:
    """The visits of ``year``, travel times above 300 minutes replaced by the mean of the rest."""
    bezoeken = _table("bezoeken")
    visits = _require_rows(
        bezoeken[bezoeken["datum"].dt.year == year].copy(), f"bezoeken in {year}"
    )
    travel = visits["reistijd_min"].where(visits["reistijd_min"] <= MAX_TRAVEL_MINUTES)
    visits["reistijd_min"] = travel.fillna(travel.mean())
    return visits


def _visiting_staff() -> pd.DataFrame:
    verkopers = _table("verkopers")
    return _require_rows(
        verkopers[verkopers["bezoekuren_per_jaar"] > 0], "medewerkers met bezoekuren"
    )


def visit_hours(year: int = 2024) -> float:
    """Hours spent on customer visits in ``year``: conversation + travel + waiting (h3.controle.01).

    Travel times above 300 minutes (a typing error) are replaced by the mean travel time of
    the other visits of that year; total minutes / 60. Result in hours.
    """
    return float(_visits(year)[_TIME_COLUMNS].sum().sum()) / 60


def franke_reps_exact(year: int = 2024) -> float:
    """Formule van Franke on the visits of ``year``, unrounded (h3.controle.02).

    :func:`visit_hours` / the mean ``bezoekuren_per_jaar`` of the visiting staff (those with
    more than 0 bezoekuren). Result in salespeople, not rounded up.
    """
    available = float(_visiting_staff()["bezoekuren_per_jaar"].mean())
    return visit_hours(year) / available


def visiting_staff_utilisation(year: int = 2024) -> float:
    """Share of the visiting staff's total bezoekuren spent on visits in ``year`` (h3.controle.03).

    :func:`visit_hours` / the sum of ``bezoekuren_per_jaar`` of the visiting staff. Result a
    fraction.
    """
    capacity = float(_visiting_staff()["bezoekuren_per_jaar"].sum())
    return visit_hours(year) / capacity


def highest_rep_utilisation(year: int = 2024) -> float:
    """The highest utilisation of one salesperson in ``year`` (h3.controle.08).

    Per ``verkoper_id``: own visit time in hours (corrected travel times) / own
    ``bezoekuren_per_jaar``; the maximum. Result a fraction.

    Raises:
        DataError: someone made visits but has no bezoekuren (the share would be infinite).
    """
    hours = _visits(year).groupby("verkoper_id")[_TIME_COLUMNS].sum().sum(axis=1) / 60
    available = _table("verkopers").set_index("verkoper_id")["bezoekuren_per_jaar"]
    utilisation = hours / available
    infinite = utilisation.index[utilisation == float("inf")]
    if len(infinite):
        raise DataError(
            f"Verkoper {', '.join(map(str, infinite))} bezocht klanten in {year} maar heeft "
            "geen bezoekuren; de bezettingsgraad is dan niet te berekenen."
        )
    return float(utilisation.max())


def visiting_staff_within_budget(year: int = 2024, percentage: float = 0.06) -> int:
    """Visiting staff that fit in ``percentage`` of a year's revenue (h3.controle.04).

    Revenue of ``year`` from ``maandomzet``; the mean cost (``loonkosten_per_jaar`` +
    ``overige_kosten_per_jaar``) of the visiting staff;
    :func:`salesbook.calc.sales_force_size_fixed_percentage` (rounded down). Result in people.
    """
    maandomzet = _table("maandomzet")
    months = _require_rows(maandomzet[maandomzet["maand"].dt.year == year], f"maandomzet in {year}")
    staff = _visiting_staff()
    cost = staff["loonkosten_per_jaar"] + staff["overige_kosten_per_jaar"]
    return calc.sales_force_size_fixed_percentage(
        revenue=float(months["omzet"].sum()), percentage=percentage, cost_per_rep=float(cost.mean())
    )


def conversation_time_share(year: int = 2024) -> float:
    """Share of all visit time in ``year`` that was conversation (h3.verkoopafdeling.04).

    Sum of ``bezoekduur_min`` / sum of conversation + travel + waiting minutes (travel times
    corrected as in :func:`visit_hours`). Result a fraction.
    """
    visits = _visits(year)
    return float(visits["bezoekduur_min"].sum()) / float(visits[_TIME_COLUMNS].sum().sum())
