"""Sales-force size from the budget: vast percentage van de omzet and extra winstbijdrage.

Implementation module; import these names from :mod:`salesbook.calc.salesforce`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from salesbook.calc._checks import (
    require_finite,
    require_fraction,
    require_non_negative,
    require_positive,
)
from salesbook.calc._rounding import TOLERANCE, exact, round_down_whole
from salesbook.exceptions import InvalidInputError


def sales_force_size_fixed_percentage(
    revenue: float, percentage: float, cost_per_rep: float
) -> int:
    """Aantal verkopers bij een vast percentage van de omzet als vertegenwoordigerskosten.

    Formula: ``budget = omzet × percentage`` and ``aantal = budget / kosten per verkoper``,
    rounded **down**: that is how many you can afford (an exact whole number stays, also
    through float noise such as 2.9999999999999996).

    Args:
        revenue: (verwachte) omzet in euros, >= 0.
        percentage: share of revenue for representatives, as a fraction (0.05 for 5%).
        cost_per_rep: yearly cost of one representative in euros, > 0.

    Raises:
        InvalidInputError: on negative revenue, a percentage outside [0, 1] or a cost that
            is not > 0.
    """
    budget = exact(require_non_negative(revenue, "De omzet")) * exact(
        require_fraction(percentage, "Het percentage van de omzet")
    )
    return round_down_whole(
        budget / exact(require_positive(cost_per_rep, "Het kostenbedrag per verkoper"))
    )


@dataclass(frozen=True)
class ExtraProfitResult:
    """Outcome of the marginal method (extra winstbijdrage).

    Attributes:
        optimal_reps: number of extra representatives that maximises the total extra profit.
        table: one row per extra representative (see :func:`extra_profit_contribution`).
    """

    optimal_reps: int
    table: pd.DataFrame


def extra_profit_contribution(
    extra_revenue_per_rep: Sequence[float], margin_ratio: float, cost_per_rep: float
) -> ExtraProfitResult:
    """Marginal method: how many extra representatives pay for themselves.

    For representative ``k`` (1, 2, …): ``extra brutomarge_k = extra omzet_k × margin_ratio``
    and ``extra winstbijdrage_k = extra brutomarge_k − kosten per verkoper``. The textbook
    rule adds representatives while the next one's extra gross margin *exceeds* its cost
    (equal means no gain, so not hired). This function returns the number with the highest
    cumulative extra profit (fewest people on a tie); with diminishing extra revenue per
    representative, as the method assumes, that is exactly the textbook rule, and when the
    numbers do not diminish it is still the most profitable choice.

    Args:
        extra_revenue_per_rep: expected extra revenue of the 1st, 2nd, … extra
            representative, in euros. Pass margins with ``margin_ratio=1``.
        margin_ratio: brutomarge as a fraction of revenue (0.25 for 25%).
        cost_per_rep: yearly cost of one representative in euros, > 0.

    Returns:
        :class:`ExtraProfitResult` with the optimal number and a DataFrame indexed by
        ``verkoper`` (1, 2, …) with columns ``extra omzet``, ``extra brutomarge``,
        ``kosten``, ``extra winstbijdrage``, ``cumulatieve winstbijdrage`` and
        ``aannemen`` (``"ja"`` for the first ``optimal_reps`` rows, else ``"nee"``: the
        table is shown to students as it is).

    Raises:
        InvalidInputError: on an empty sequence, non-finite revenue, a margin outside [0, 1]
            or a cost that is not > 0.
    """
    if isinstance(extra_revenue_per_rep, str) or len(extra_revenue_per_rep) == 0:
        raise InvalidInputError("Geef de extra omzet van minstens één extra verkoper.")
    margin = require_fraction(margin_ratio, "De brutomarge")
    cost = require_positive(cost_per_rep, "Het kostenbedrag per verkoper")
    revenue = [
        require_finite(v, f"De extra omzet van verkoper {i}")
        for i, v in enumerate(extra_revenue_per_rep, start=1)
    ]
    table = pd.DataFrame(
        {"verkoper": range(1, len(revenue) + 1), "extra omzet": revenue}
    ).set_index("verkoper")
    table["extra brutomarge"] = table["extra omzet"] * margin
    table["kosten"] = cost
    table["extra winstbijdrage"] = table["extra brutomarge"] - cost
    table["cumulatieve winstbijdrage"] = table["extra winstbijdrage"].cumsum()
    best, optimal = 0.0, 0
    for k, total in enumerate(table["cumulatieve winstbijdrage"], start=1):
        if total > best + TOLERANCE * max(1.0, abs(best)):
            best, optimal = total, k
    table["aannemen"] = ["ja" if rep <= optimal else "nee" for rep in table.index]
    return ExtraProfitResult(optimal, table)
