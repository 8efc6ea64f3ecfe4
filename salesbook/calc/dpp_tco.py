"""Direct product profit (DPP) and total cost of ownership (TCO). All amounts in euros.

DPP (course definition): opbrengsten (brutowinst + andere bedrijfsopbrengsten) minus the
direct product costs (voorraad-, transport- en winkelkosten). It shows what a product really
earns for a retailer once the costs it causes itself are paid.

TCO (course definition): all costs during the time the owner has the product in use:
purchase price plus the yearly costs of use, minus the residual value at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesbook.calc._checks import (
    require_finite,
    require_fraction,
    require_non_negative,
    require_positive,
    require_whole_number,
)
from salesbook.exceptions import InvalidInputError

CostItems = float | Sequence[float] | Mapping[str, float]
YearlyCosts = float | Sequence[float] | Mapping[str, float | Sequence[float]]


def _is_sequence(value: object) -> bool:
    """True for lists, tuples, numpy arrays and pandas Series; False for text and mappings."""
    return (
        isinstance(value, Iterable)
        and hasattr(value, "__len__")
        and not isinstance(value, str | bytes | Mapping)
    )


def _total_costs(costs: CostItems, name: str) -> float:
    """Sum a single amount, a list of amounts or a mapping of named cost items (all >= 0)."""
    if isinstance(costs, Mapping):
        return sum(require_non_negative(v, f"De kostenpost '{k}'") for k, v in costs.items())
    if _is_sequence(costs):
        return sum(require_non_negative(v, f"Kostenpost {i + 1}") for i, v in enumerate(costs))
    return require_non_negative(costs, name)


def direct_product_profit(
    gross_profit: float, other_income: float, direct_costs: CostItems
) -> float:
    """Direct product profit: DPP = brutowinst + andere opbrengsten − directe productkosten.

    Formula (course): ``DPP = (brutowinst + andere bedrijfsopbrengsten) − (voorraadkosten +
    transportkosten + winkelkosten)``. Andere opbrengsten are e.g. bonussen, kortingen en
    promotievergoedingen from the supplier.

    Args:
        gross_profit: brutowinst (omzet − inkoopwaarde) in euros; may be negative.
        other_income: andere bedrijfsopbrengsten in euros, >= 0.
        direct_costs: directe productkosten in euros: one amount, a list of amounts or a
            mapping of named items such as ``{"voorraad": 300, "transport": 150}``; each >= 0.

    Returns:
        The DPP in euros (negative: the product costs more than it brings in).

    Raises:
        InvalidInputError: on a non-finite amount or a negative income or cost item.
    """
    profit = require_finite(gross_profit, "De brutowinst")
    income = require_non_negative(other_income, "Het bedrag aan andere opbrengsten")
    return profit + income - _total_costs(direct_costs, "Het bedrag aan directe productkosten")


def dpp_per_unit(dpp: float, units_sold: float) -> float:
    """DPP per verkocht stuk: DPP / afzet, in euros per unit.

    Raises:
        InvalidInputError: when the number of units sold is not > 0.
    """
    return require_finite(dpp, "De DPP") / require_positive(units_sold, "De afzet (aantal stuks)")


def dpp_by_product(products: Mapping[str, Mapping[str, Any]]) -> pd.DataFrame:
    """DPP for several products side by side, highest DPP first.

    Args:
        products: product name → mapping with ``gross_profit``, ``direct_costs`` and
            optionally ``other_income`` (default 0) and ``units_sold``.

    Returns:
        DataFrame indexed by ``product`` with columns ``brutowinst``, ``andere opbrengsten``,
        ``directe productkosten``, ``DPP`` and ``DPP per stuk`` (NaN without ``units_sold``).

    Raises:
        InvalidInputError: on an empty mapping, unknown keys or invalid amounts.
    """
    allowed = {"gross_profit", "other_income", "direct_costs", "units_sold"}
    if not products:
        raise InvalidInputError("Geef minstens één product om de DPP te berekenen.")
    rows = []
    for name, data in products.items():
        unknown = set(data) - allowed
        missing = {"gross_profit", "direct_costs"} - set(data)
        if unknown or missing:
            raise InvalidInputError(
                f"Product '{name}': onbekende gegevens {sorted(unknown)} of ontbrekende "
                f"gegevens {sorted(missing)}. Gebruik {sorted(allowed)}."
            )
        income = data.get("other_income", 0.0)
        dpp = direct_product_profit(data["gross_profit"], income, data["direct_costs"])
        units = data.get("units_sold")
        rows.append(
            {
                "product": name,
                "brutowinst": require_finite(data["gross_profit"], "De brutowinst"),
                "andere opbrengsten": require_non_negative(
                    income, "Het bedrag aan andere opbrengsten"
                ),
                "directe productkosten": _total_costs(
                    data["direct_costs"], "Het bedrag aan directe productkosten"
                ),
                "DPP": dpp,
                "DPP per stuk": float("nan") if units is None else dpp_per_unit(dpp, units),
            }
        )
    table = pd.DataFrame(rows).set_index("product")
    return table.sort_values("DPP", ascending=False, kind="stable")


def _schedule(yearly_costs: YearlyCosts, years: int | None) -> list[float]:
    """Turn the accepted forms of yearly costs into one total per year (year 1..n)."""
    if years is not None:
        years = require_whole_number(years, "Het aantal jaren", minimum=1)
    items = yearly_costs if isinstance(yearly_costs, Mapping) else {"": yearly_costs}
    lengths = {len(v) for v in items.values() if _is_sequence(v)}
    if years is not None:
        lengths.add(years)
    if len(lengths) > 1:
        raise InvalidInputError(
            f"De kostenreeksen hebben niet allemaal hetzelfde aantal jaren: {sorted(lengths)}."
        )
    if not lengths:
        raise InvalidInputError(
            "Geef het aantal jaren (years=...) of de kosten per jaar als lijst: anders is de "
            "bezitsduur onbekend."
        )
    n = lengths.pop()
    if n == 0:
        raise InvalidInputError("Geef de gebruikskosten voor minstens één jaar.")
    totals = [0.0] * n
    for item, costs in items.items():
        label = f"De kostenpost '{item}'" if item else "Het bedrag aan gebruikskosten"
        values = costs if _is_sequence(costs) else [costs] * n
        for year, value in enumerate(values):
            totals[year] += require_non_negative(value, f"{label} in jaar {year + 1}")
    return totals


@dataclass(frozen=True)
class TcoBreakdown:
    """The parts of a TCO, in euros; with a discount rate as present values (contante waarde).

    Attributes:
        purchase_price: aanschafprijs (paid at the start, never discounted).
        operating_costs: sum of the (discounted) yearly costs of use.
        residual_value: (discounted) restwaarde at the end, subtracted.
        total: ``purchase_price + operating_costs − residual_value``.
        years: bezitsduur in years.
    """

    purchase_price: float
    operating_costs: float
    residual_value: float
    total: float
    years: int

    @property
    def per_year(self) -> float:
        """TCO per year of ownership, for comparing options with different lifetimes."""
        return self.total / self.years


def tco_breakdown(
    purchase_price: float,
    yearly_costs: YearlyCosts,
    residual_value: float = 0.0,
    discount_rate: float = 0.0,
    *,
    years: int | None = None,
) -> TcoBreakdown:
    """Total cost of ownership with its parts; see :func:`total_cost_of_ownership`."""
    price = require_non_negative(purchase_price, "De aanschafprijs")
    rest = require_non_negative(residual_value, "De restwaarde")
    rate = require_fraction(discount_rate, "De disconteringsvoet")
    per_year = _schedule(yearly_costs, years)
    n = len(per_year)
    costs = sum(c / (1 + rate) ** t for t, c in enumerate(per_year, start=1))
    rest_now = rest / (1 + rate) ** n
    return TcoBreakdown(price, costs, rest_now, price + costs - rest_now, n)


def total_cost_of_ownership(
    purchase_price: float,
    yearly_costs: YearlyCosts,
    residual_value: float = 0.0,
    discount_rate: float = 0.0,
    *,
    years: int | None = None,
) -> float:
    """TCO: all costs during ownership, in euros.

    Formula without discounting (the default, as in the course):
    ``TCO = aanschafprijs + Σ gebruikskosten per jaar − restwaarde``.

    With a discount rate ``r`` (a fraction, e.g. 0.05) every amount is brought back to its
    present value (contante waarde), with the yearly costs paid at the *end* of each year and
    the residual value received at the end of the last year ``n``:
    ``TCO = aanschafprijs + Σ_t kosten_t / (1 + r)^t − restwaarde / (1 + r)^n``.

    Args:
        purchase_price: aanschafprijs in euros, >= 0.
        yearly_costs: gebruikskosten, in one of these forms:
            a list with the total per year (year 1, 2, …; its length is the bezitsduur);
            one amount per year together with ``years``;
            a mapping of cost items (onderhoud, energie, verzekering, …) to either an amount
            per year (needs ``years`` or another item given as a list) or a list per year.
        residual_value: restwaarde at the end of the ownership in euros, >= 0.
        discount_rate: disconteringsvoet as a fraction in [0, 1]; 0 means no discounting.
        years: bezitsduur in whole years; required when no list fixes it.

    Returns:
        The TCO in euros.

    Raises:
        InvalidInputError: on negative amounts, an unknown or inconsistent number of years, or
            a discount rate outside [0, 1] (e.g. 5 where 0.05 is meant).
    """
    return tco_breakdown(
        purchase_price, yearly_costs, residual_value, discount_rate, years=years
    ).total


def tco_comparison(
    options: Mapping[str, Mapping[str, Any]],
    discount_rate: float = 0.0,
    *,
    per_year: bool = False,
) -> pd.DataFrame:
    """Compare the TCO of several options, cheapest first.

    Args:
        options: option name → mapping with the keyword arguments of
            :func:`total_cost_of_ownership`: ``purchase_price``, ``yearly_costs`` and
            optionally ``residual_value`` and ``years``.
        discount_rate: one disconteringsvoet for all options (fraction, default 0).
        per_year: sort on TCO per year instead of total TCO; fairer when the options are
            kept for a different number of years.

    Returns:
        DataFrame indexed by ``optie`` with columns ``aanschafprijs``, ``gebruikskosten``,
        ``restwaarde``, ``TCO``, ``jaren`` and ``TCO per jaar``; ties keep the given order.

    Raises:
        InvalidInputError: on no options, unknown or missing keys, or invalid amounts.
    """
    allowed = {"purchase_price", "yearly_costs", "residual_value", "years"}
    if not options:
        raise InvalidInputError("Geef minstens één optie om te vergelijken.")
    rows = []
    for name, data in options.items():
        unknown = set(data) - allowed
        missing = {"purchase_price", "yearly_costs"} - set(data)
        if unknown or missing:
            raise InvalidInputError(
                f"Optie '{name}': onbekende gegevens {sorted(unknown)} of ontbrekende "
                f"gegevens {sorted(missing)}. Gebruik {sorted(allowed)}."
            )
        parts = tco_breakdown(
            data["purchase_price"],
            data["yearly_costs"],
            data.get("residual_value", 0.0),
            discount_rate,
            years=data.get("years"),
        )
        rows.append(
            {
                "optie": name,
                "aanschafprijs": parts.purchase_price,
                "gebruikskosten": parts.operating_costs,
                "restwaarde": parts.residual_value,
                "TCO": parts.total,
                "jaren": parts.years,
                "TCO per jaar": parts.per_year,
            }
        )
    table = pd.DataFrame(rows).set_index("optie")
    return table.sort_values("TCO per jaar" if per_year else "TCO", kind="stable")
