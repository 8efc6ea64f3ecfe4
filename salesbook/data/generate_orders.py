"""Generate order lines (``orders``) for 2022-2024 from the customers' hidden potential.

Per customer the number of orders grows less than proportionally with its potential (big
customers order more often *and* bigger), order days follow the monthly seasonality, and each
line's quantity is chosen so the customer's revenue matches its potential. A fixed number of
returns (negative quantities) is booked as separate orders.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import (
    ARTICLES_PER_GROUP,
    CHANNELS,
    HEATING_SEASON,
    MONTH_SEASON,
    PERIOD_END,
    PERIOD_START,
    PRICE_INDEX,
    PRODUCT_GROUPS,
    PRODUCT_MARGIN,
    PRODUCT_MEDIAN_PRICE,
    PRODUCT_PREFIX,
    SECTOR_PRODUCT_MIX,
    VOLUME_GROWTH,
)
from salesbook.data._sampling import (
    DaySampler,
    active_years,
    months_of,
    next_workday,
    workday_weights,
    years_of,
)

TARGET_LINES = 25_000
MINIMUM_PRICE = 1.95
"""Cheap items (screws, plugs) are sold per box, so no list price is below this."""
N_RETURNS = 25
MAX_RETURN = 40
"""A return is at most a quarter of the line and at most 40 pieces."""
FREQUENCY_POWER = 0.55
"""Orders per year grow with potential ** 0.55."""
BASE_DISCOUNT = ((0.00, 0.05), (0.03, 0.10), (0.08, 0.16), (0.14, 0.24))
"""Range of the customer's base discount per size class."""
CHANNEL_MIX = {
    "accountmanager": (0.55, 0.35, 0.10),
    "buitendienst": (0.35, 0.42, 0.23),
    "binnendienst": (0.02, 0.55, 0.43),
}
WEBSHOP_SHIFT = 0.05
"""Each year 5 percentage points of the binnendienst orders move to the webshop."""


def article_catalogue(rng: np.random.Generator) -> pd.DataFrame:
    """Articles per product group with 2022 list and cost prices and a popularity weight."""
    rows = []
    for g, group in enumerate(PRODUCT_GROUPS):
        prices = PRODUCT_MEDIAN_PRICE[g] * rng.lognormal(0.0, 0.6, ARTICLES_PER_GROUP)
        margins = np.clip(
            PRODUCT_MARGIN[g] * rng.lognormal(0.0, 0.15, ARTICLES_PER_GROUP), 0.1, 0.6
        )
        codes = rng.choice(np.arange(100, 1000), ARTICLES_PER_GROUP, replace=False)
        popularity = 1.0 / np.arange(1, ARTICLES_PER_GROUP + 1) ** 0.9
        for a in range(ARTICLES_PER_GROUP):
            price = max(round(float(prices[a]), 2), MINIMUM_PRICE)
            rows.append(
                (group, f"{PRODUCT_PREFIX[g]}-{codes[a]}", price, price * (1 - margins[a]),
                 popularity[a])
            )  # fmt: skip
    return pd.DataFrame(rows, columns=["productgroep", "artikel", "prijs", "kostprijs", "gewicht"])


def _pick(rng: np.random.Generator, weights: np.ndarray) -> np.ndarray:
    """One column index per row of ``weights`` (rows need not be normalised)."""
    cumulative = weights.cumsum(axis=1)
    target = rng.random((len(weights), 1)) * cumulative[:, -1:]
    return (cumulative > target).argmax(axis=1)


def _frequency(
    customers: pd.DataFrame, years: np.ndarray, lines_per_order: np.ndarray
) -> np.ndarray:
    raw = customers["_potential"].to_numpy() ** FREQUENCY_POWER
    scale = TARGET_LINES / np.sum(raw * years * lines_per_order)
    return raw * scale


def generate_orders(
    rng: np.random.Generator, customers: pd.DataFrame, staff: pd.DataFrame
) -> pd.DataFrame:
    """Return order lines with ``order_id`` and ``regel``, sorted by date.

    Args:
        rng: the generator's random source.
        customers: customers with the hidden model columns of ``build_customers``.
        staff: sales staff (the function of the account manager sets the channel mix).
    """
    first = customers["_active_from"].to_numpy().astype("datetime64[D]")
    last = customers["_active_to"].to_numpy().astype("datetime64[D]")
    years = active_years(first, last)
    size = customers["_size"].to_numpy()
    extra_lines = 0.6 + 0.45 * size
    per_year = _frequency(customers, years, 1 + extra_lines)
    n_orders = rng.poisson(per_year * years)
    # a customer won in the period places a first order on the day the deal is closed
    won = customers["klant_sinds"].to_numpy().astype("datetime64[D]") >= PERIOD_START
    n_orders = np.where(won, np.maximum(n_orders, 1), n_orders)
    who = np.repeat(np.arange(len(customers)), n_orders)
    sampler = DaySampler(workday_weights(month_factors=MONTH_SEASON, yearly_growth=VOLUME_GROWTH))
    day = sampler.sample(rng, first[who], last[who])
    starts = np.concatenate([[0], np.cumsum(n_orders)[:-1]])
    opening = starts[won & (n_orders > 0)]
    day[opening] = first[who[opening]]
    function = customers["accountmanager"].map(staff.set_index("verkoper_id")["functie"])
    mix = np.array([CHANNEL_MIX[f] for f in function])[who]
    shift = WEBSHOP_SHIFT * (years_of(day) - 2022) * mix[:, 1] / 0.5
    mix[:, 1] -= shift
    mix[:, 2] += shift
    channel = np.array(CHANNELS)[_pick(rng, mix)]
    lines = 1 + rng.poisson(extra_lines[who])
    line_order = np.repeat(np.arange(len(who)), lines)
    frame = pd.DataFrame(
        {
            "orderdatum": day[line_order],
            "_order": line_order,
            "_customer": who[line_order],
            "kanaal": channel[line_order],
        }
    )
    _add_products(rng, frame, customers)
    _add_amounts(rng, frame, customers, per_year, 1 + extra_lines)
    frame = pd.concat([frame, _returns(rng, frame)], ignore_index=True)
    frame["klant_id"] = customers["klant_id"].to_numpy()[frame["_customer"].to_numpy()]
    return _number(frame)


def _add_products(rng: np.random.Generator, frame: pd.DataFrame, customers: pd.DataFrame) -> None:
    sector = customers["sector"].to_numpy()[frame["_customer"].to_numpy()]
    weights = np.array([SECTOR_PRODUCT_MIX[s] for s in sector])
    heating = PRODUCT_GROUPS.index("verwarming")
    weights[:, heating] *= HEATING_SEASON[months_of(frame["orderdatum"].to_numpy()) - 1]
    group = _pick(rng, weights)
    catalogue = article_catalogue(rng)
    popularity = catalogue["gewicht"].to_numpy().reshape(len(PRODUCT_GROUPS), -1)
    article = _pick(rng, popularity[group]) + group * ARTICLES_PER_GROUP
    year = years_of(frame["orderdatum"].to_numpy())
    index = np.array([PRICE_INDEX[y] for y in range(2022, 2025)])[year - 2022]
    frame["productgroep"] = np.array(PRODUCT_GROUPS)[group]
    frame["artikel"] = catalogue["artikel"].to_numpy()[article]
    frame["prijs"] = np.round(catalogue["prijs"].to_numpy()[article] * index, 2)
    frame["kostprijs"] = np.round(catalogue["kostprijs"].to_numpy()[article] * index, 2)


def _add_amounts(
    rng: np.random.Generator,
    frame: pd.DataFrame,
    customers: pd.DataFrame,
    per_year: np.ndarray,
    lines_per_order: np.ndarray,
) -> None:
    c = frame["_customer"].to_numpy()
    size = customers["_size"].to_numpy()
    bounds = np.array(BASE_DISCOUNT)[size]
    base = np.round(rng.uniform(bounds[:, 0], bounds[:, 1]), 2)[c]
    group = frame["productgroep"].to_numpy()
    extra = np.where(group == "bevestigingsmaterialen", 0.05, 0.0)
    extra -= np.where(group == "verwarming", 0.03, 0.0)
    extra += np.where(rng.random(len(frame)) < 0.05, rng.uniform(0.05, 0.10, len(frame)), 0.0)
    discount = np.round(np.clip(base + extra, 0.0, 0.40), 2)
    days = frame["orderdatum"].to_numpy().astype("datetime64[D]")
    elapsed = (days - PERIOD_START).astype(int) / 365.25
    value = customers["_potential"].to_numpy()[c] / (per_year[c] * lines_per_order[c])
    spread = np.minimum(rng.lognormal(-0.32, 0.8, len(frame)), 6.0)
    value *= (1 + VOLUME_GROWTH) ** elapsed * spread
    unit = frame["prijs"].to_numpy() * (1 - discount)
    quantity = np.maximum(np.round(value / unit), 1)
    quantity = np.where(quantity >= 50, np.round(quantity, -1), quantity)
    quantity = np.where((quantity >= 12) & (quantity < 50), np.round(quantity / 5) * 5, quantity)
    frame["aantal"] = quantity.astype(np.int64)
    frame["korting"] = discount
    amounts(frame)


def amounts(frame: pd.DataFrame) -> None:
    """Set ``omzet`` and ``marge`` from aantal, prijs, korting and kostprijs (in place)."""
    revenue = frame["aantal"] * frame["prijs"] * (1 - frame["korting"])
    frame["omzet"] = revenue.round(2)
    frame["marge"] = (frame["omzet"] - frame["aantal"] * frame["kostprijs"]).round(2)


def _returns(rng: np.random.Generator, frame: pd.DataFrame) -> pd.DataFrame:
    """Copy :data:`N_RETURNS` lines as returns, 3-30 days later, with a negative quantity."""
    latest = PERIOD_END - np.timedelta64(40, "D")
    candidates = np.flatnonzero(frame["orderdatum"].to_numpy() <= latest)
    chosen = np.sort(rng.choice(candidates, N_RETURNS, replace=False))
    returns = frame.iloc[chosen].copy()
    gap = rng.integers(3, 31, N_RETURNS).astype("timedelta64[D]")
    returns["orderdatum"] = next_workday(
        returns["orderdatum"].to_numpy().astype("datetime64[D]") + gap
    )
    returns["kanaal"] = "binnendienst"
    largest = np.clip(returns["aantal"].to_numpy() // 4, 1, MAX_RETURN)
    returns["aantal"] = -rng.integers(1, largest + 1)
    returns["_order"] = frame["_order"].max() + 1 + np.arange(N_RETURNS)
    amounts(returns)
    return returns


def _number(frame: pd.DataFrame) -> pd.DataFrame:
    """Give orders numbers in date order and lines numbers within their order."""
    frame["orderdatum"] = frame["orderdatum"].to_numpy().astype("datetime64[D]")
    firsts = frame.groupby("_order", sort=False)[["orderdatum", "klant_id"]].first()
    firsts = firsts.sort_values(["orderdatum", "klant_id"], kind="stable")
    number = pd.Series(np.arange(100_001, 100_001 + len(firsts)), index=firsts.index)
    frame["order_id"] = frame["_order"].map(number)
    frame = frame.sort_values(["order_id"], kind="stable", ignore_index=True)
    frame["regel"] = frame.groupby("order_id").cumcount() + 1
    return frame
