"""Generate the financial tables: ``maandomzet``, ``resultatenrekening`` and ``balans``.

The last three years tie to the order lines: monthly revenue, yearly revenue and the cost of
goods sold are sums of the orders (before the data-entry errors of :mod:`warts` were made),
so students can reconcile sales data with the books. Earlier months are a plausible history
with growth, seasonality and the 2020 corona dip. The balance sheet balances to the euro.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import HISTORY_START, MONTH_SEASON, YEARS

TAX_RATE = 0.258
OTHER_STAFF_SHARE = 0.075
"""Warehouse, purchasing, administration and management cost 7,5% of revenue."""
VARIABLE_SHARES = {"transport- en logistieke kosten": 0.022, "overige bedrijfskosten": 0.009}
FIXED_SHARES = {"huisvestingskosten": 0.016, "afschrijvingen": 0.008}
"""Fixed costs as a share of the 2022 revenue, indexed by 3% a year."""
MARKETING_SHARE = 0.005
DIVIDEND_SHARE = 0.6
"""Share of the net profit paid out to the shareholders; the rest is added to the reserves."""
COVID_DIP = {"2020-04": 0.70, "2020-05": 0.80, "2020-06": 0.92}


def monthly_revenue(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    """Monthly revenue 2015-2024: history drawn backwards from 2022, then the order sums."""
    month = orders["orderdatum"].to_numpy().astype("datetime64[M]")
    revenue = orders.groupby(month)["omzet"].sum()
    sales = orders[orders["aantal"] > 0]
    counts = sales.groupby(sales["orderdatum"].to_numpy().astype("datetime64[M]"))["order_id"]
    recent = pd.DataFrame({"omzet": revenue, "aantal_orders": counts.nunique()})
    first_year = recent.iloc[:12]
    level = float((first_year["omzet"].to_numpy() / MONTH_SEASON).mean())
    order_value = float(first_year["omzet"].sum() / first_year["aantal_orders"].sum())
    history_months = np.arange(HISTORY_START, np.datetime64("2022-01"), dtype="datetime64[M]")
    growth = {y: rng.normal(0.06, 0.02) for y in range(2015, 2022)}
    growth[2020] = rng.normal(-0.05, 0.02)
    rows = []
    for m in history_months:
        year = int(str(m)[:4])
        factor = np.prod([1 + growth[y] for y in range(year + 1, 2022)]) * (1 + growth[year])
        value = level / factor * MONTH_SEASON[int(str(m)[5:7]) - 1] * rng.normal(1, 0.04)
        value *= COVID_DIP.get(str(m), 1.0)
        price = 0.97 ** (2022 - year)
        rows.append(
            (m, round(value, 2), round(value / (order_value * price) * rng.normal(1, 0.03)))
        )
    history = pd.DataFrame(rows, columns=["maand", "omzet", "aantal_orders"])
    recent = recent.reset_index(names="maand")
    table = pd.concat([history, recent], ignore_index=True)
    table["maand"] = table["maand"].to_numpy().astype("datetime64[D]")
    table["omzet"] = table["omzet"].round(2)
    return table


def _costs(
    rng: np.random.Generator, y: int, revenue: float, base: float, staff: pd.DataFrame
) -> dict:
    """Operating costs of year ``y`` (whole euros); ``base`` is the 2022 revenue."""
    index = 1.03 ** (y - 2024)
    wages = float(staff["loonkosten_per_jaar"].sum()) * index
    other_staff = OTHER_STAFF_SHARE * revenue * rng.normal(1, 0.03)
    selling = float(staff["overige_kosten_per_jaar"].sum()) * index
    costs = {
        "personeelskosten": wages + other_staff,
        "verkoopkosten": selling + MARKETING_SHARE * revenue * rng.normal(1, 0.1),
    }
    for name, share in FIXED_SHARES.items():
        costs[name] = share * base * 1.03 ** (y - 2022) * rng.normal(1, 0.02)
    for name, share in VARIABLE_SHARES.items():
        costs[name] = share * revenue * rng.normal(1, 0.05)
    return {name: round(amount) for name, amount in costs.items()}


def income_statements(
    rng: np.random.Generator, orders: pd.DataFrame, staff: pd.DataFrame, long_debt: dict[int, int]
) -> pd.DataFrame:
    """Profit-and-loss account per year in whole euros (costs positive)."""
    year = orders["orderdatum"].dt.year
    cost_of_sales = orders["aantal"] * orders["kostprijs"]
    base = float(orders.loc[year == YEARS[0], "omzet"].sum())
    rows = []
    for y in YEARS:
        revenue = round(orders.loc[year == y, "omzet"].sum())
        purchases = round(cost_of_sales[year == y].sum())
        gross = revenue - purchases
        costs = _costs(rng, y, revenue, base, staff)
        ebit = gross - sum(costs.values())
        interest = round(0.045 * long_debt[y - 1])
        before_tax = ebit - interest
        tax = round(max(before_tax, 0) * TAX_RATE)
        lines = [
            ("opbrengsten", "netto-omzet", revenue),
            ("kosten", "inkoopwaarde van de omzet", purchases),
            ("resultaat", "brutomarge", gross),
            *(("kosten", name, amount) for name, amount in costs.items()),
            ("resultaat", "bedrijfsresultaat (EBIT)", ebit),
            ("kosten", "rentelasten", interest),
            ("resultaat", "resultaat voor belastingen", before_tax),
            ("kosten", "vennootschapsbelasting", tax),
            ("resultaat", "nettowinst", before_tax - tax),
        ]
        rows += [(y, soort, post, int(amount)) for soort, post, amount in lines]
    return pd.DataFrame(rows, columns=["jaar", "soort", "post", "bedrag"])


def long_debt_schedule(revenue_2022: float) -> dict[int, int]:
    """Long-term debt at the end of 2021-2024: a mortgage and a bank loan, paid off yearly."""
    start = round(0.11 * revenue_2022, -4)
    return {y: int(start - (y - 2021) * round(start / 12, -3)) for y in range(2021, 2025)}


def balance_sheets(
    rng: np.random.Generator, income: pd.DataFrame, long_debt: dict[int, int]
) -> pd.DataFrame:
    """Balance sheet per 31 December, in whole euros; liquide middelen or the bank overdraft
    (rekening-courant) closes the balance."""
    post = income.set_index(["jaar", "post"])["bedrag"]
    capital = 500_000
    revenue_2022 = post[(2022, "netto-omzet")]
    equity = round(0.12 * revenue_2022 * rng.normal(1, 0.05))
    rows = []
    for y in YEARS:
        revenue, purchases = post[(y, "netto-omzet")], post[(y, "inkoopwaarde van de omzet")]
        equity += post[(y, "nettowinst")] - round(DIVIDEND_SHARE * max(post[(y, "nettowinst")], 0))
        fixed = 0.14 * revenue * rng.normal(1, 0.04)
        assets = {
            "gebouwen en terreinen": round(0.65 * fixed),
            "inventaris en vervoermiddelen": round(0.35 * fixed),
            "voorraden": round(purchases * rng.normal(75, 5) / 365),
            "debiteuren": round(revenue * rng.normal(48, 4) / 365),
            "overige vorderingen": round(0.01 * revenue),
        }
        mortgage = round(0.6 * long_debt[y])
        liabilities = {
            "aandelenkapitaal": capital,
            "reserves": equity - capital,
            "hypothecaire lening": mortgage,
            "banklening": long_debt[y] - mortgage,
            "crediteuren": round(purchases * rng.normal(40, 4) / 365),
            "belastingen en sociale lasten": round(0.02 * revenue),
            "overige schulden": round(0.01 * revenue),
        }
        cash = sum(liabilities.values()) - sum(assets.values())
        minimum = round(0.015 * revenue)
        overdraft = max(minimum - cash, 0)
        assets["liquide middelen"] = cash + overdraft
        liabilities["rekening-courant bank"] = overdraft
        groups = _balance_groups()
        for side, items in (("activa", assets), ("passiva", liabilities)):
            rows += [(y, side, groups[name], name, int(amount)) for name, amount in items.items()]
    return pd.DataFrame(rows, columns=["jaar", "zijde", "groep", "post", "bedrag"])


def _balance_groups() -> dict[str, str]:
    return {
        "gebouwen en terreinen": "vaste activa",
        "inventaris en vervoermiddelen": "vaste activa",
        "voorraden": "vlottende activa",
        "debiteuren": "vlottende activa",
        "overige vorderingen": "vlottende activa",
        "liquide middelen": "vlottende activa",
        "aandelenkapitaal": "eigen vermogen",
        "reserves": "eigen vermogen",
        "hypothecaire lening": "lang vreemd vermogen",
        "banklening": "lang vreemd vermogen",
        "crediteuren": "kort vreemd vermogen",
        "belastingen en sociale lasten": "kort vreemd vermogen",
        "overige schulden": "kort vreemd vermogen",
        "rekening-courant bank": "kort vreemd vermogen",
    }


def generate_finance(
    rng: np.random.Generator, orders: pd.DataFrame, staff: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Return ``maandomzet``, ``resultatenrekening`` and ``balans`` for these orders."""
    orders = orders.assign(orderdatum=pd.to_datetime(orders["orderdatum"]))
    revenue_2022 = float(orders.loc[orders["orderdatum"].dt.year == 2022, "omzet"].sum())
    debt = long_debt_schedule(revenue_2022)
    income = income_statements(rng, orders, staff, debt)
    return {
        "maandomzet": monthly_revenue(rng, orders),
        "resultatenrekening": income,
        "balans": balance_sheets(rng, income, debt),
    }
