"""Financial ratios per year from ``balans`` and ``resultatenrekening`` (:mod:`salesbook.calc`).

Balance sheet figures are the positions at 31 December of the year.
"""

from __future__ import annotations

import pandas as pd

from salesbook.calc import (
    current_ratio,
    quick_ratio,
    return_on_equity,
    return_on_sales,
    return_on_total_assets,
    solvency,
    working_capital,
)
from salesbook.data.analyses._prepare import require_columns


def balance_totals(balans: pd.DataFrame) -> pd.DataFrame:
    """Balance sheet totals per year: one column per group plus ``voorraden`` and ``totaal``."""
    require_columns(balans, ["jaar", "zijde", "groep", "post", "bedrag"], "balans")
    groups = balans.groupby(["jaar", "groep"], observed=True)["bedrag"].sum().unstack()
    groups["voorraden"] = balans[balans["post"] == "voorraden"].set_index("jaar")["bedrag"]
    groups["totaal"] = balans[balans["zijde"] == "activa"].groupby("jaar")["bedrag"].sum()
    groups.columns.name = None
    return groups


def ratios_per_year(balans: pd.DataFrame, resultatenrekening: pd.DataFrame) -> pd.DataFrame:
    """Liquidity, solvency and profitability per year.

    Returns:
        Indexed by ``jaar``: ``current_ratio``, ``quick_ratio``, ``werkkapitaal`` (euros),
        ``solvabiliteit`` (EV / totaal vermogen), ``rentabiliteit_ev`` (nettowinst / EV),
        ``rentabiliteit_tv`` (EBIT / totaal vermogen) and ``omzetrentabiliteit``
        (EBIT / netto-omzet); all fractions except ``werkkapitaal``.
    """
    require_columns(resultatenrekening, ["jaar", "post", "bedrag"], "resultatenrekening")
    totals = balance_totals(balans)
    pl = resultatenrekening.pivot(index="jaar", columns="post", values="bedrag")
    rows = {}
    for year, b in totals.iterrows():
        current, short = b["vlottende activa"], b["kort vreemd vermogen"]
        ebit, revenue = pl.loc[year, "bedrijfsresultaat (EBIT)"], pl.loc[year, "netto-omzet"]
        rows[year] = {
            "current_ratio": current_ratio(current, short),
            "quick_ratio": quick_ratio(current, b["voorraden"], short),
            "werkkapitaal": working_capital(current, short),
            "solvabiliteit": solvency(b["eigen vermogen"], b["totaal"]),
            "rentabiliteit_ev": return_on_equity(pl.loc[year, "nettowinst"], b["eigen vermogen"]),
            "rentabiliteit_tv": return_on_total_assets(ebit, b["totaal"]),
            "omzetrentabiliteit": return_on_sales(ebit, revenue),
        }
    table = pd.DataFrame(rows).T
    table.index.name = "jaar"
    return table
