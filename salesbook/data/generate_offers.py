"""Generate quotations (``offertes``): project quotes to customers and quotes to leads.

Quotes to existing customers come from their account manager; key accounts get more quotes
and accept more often. Every lead that reached the offer stage has exactly one quote whose
status follows the lead's outcome.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import PERIOD_END
from salesbook.data._sampling import DaySampler, active_years, next_workday, workday_weights

QUOTES_PER_YEAR = {"accountmanager": 4.0, "buitendienst": 1.5, "binnendienst": 0.4}
ACCEPT_CHANCE = 0.42


def _customer_quotes(
    rng: np.random.Generator, customers: pd.DataFrame, staff: pd.DataFrame
) -> pd.DataFrame:
    by_id = staff.set_index("verkoper_id")
    function = customers["accountmanager"].map(by_id["functie"])
    first = customers["_active_from"].to_numpy().astype("datetime64[D]")
    last = customers["_active_to"].to_numpy().astype("datetime64[D]")
    rate = function.map(QUOTES_PER_YEAR).to_numpy()
    who = np.repeat(np.arange(len(customers)), rng.poisson(rate * active_years(first, last)))
    day = DaySampler(workday_weights()).sample(rng, first[who], last[who])
    potential = customers["_potential"].to_numpy()[who]
    amount = np.round(np.maximum(potential * rng.lognormal(np.log(0.12), 0.7, len(who)), 250), 2)
    seller = customers["accountmanager"].to_numpy()[who]
    chance = ACCEPT_CHANCE * seller_series(seller, by_id["_skill"])
    chance *= np.where(function.to_numpy()[who] == "accountmanager", 1.15, 1.0)
    chance *= np.where(amount > 0.3 * potential, 0.8, 1.0)
    accepted = rng.random(len(who)) < np.clip(chance, 0.05, 0.9)
    decided = next_workday(day + rng.integers(5, 41, len(who)).astype("timedelta64[D]"))
    status = np.where(accepted, "geaccepteerd", "afgewezen")
    open_ = decided > PERIOD_END
    return pd.DataFrame(
        {
            "offertedatum": day,
            "klant_id": customers["klant_id"].to_numpy()[who],
            "lead_id": None,
            "verkoper_id": seller,
            "bedrag": amount,
            "status": np.where(open_, "open", status),
            "besluitdatum": np.where(open_, np.datetime64("NaT"), decided),
        }
    )


def seller_series(seller: np.ndarray, values: pd.Series) -> np.ndarray:
    """Look up a per-seller value (indexed by ``verkoper_id``) for each entry of ``seller``."""
    return values.reindex(seller).to_numpy(dtype=float)


def _lead_quotes(rng: np.random.Generator, leads: pd.DataFrame) -> pd.DataFrame:
    quoted = leads[leads["datum_offerte"].notna()]
    outcome = quoted["uitkomst"].to_numpy()
    share = rng.uniform(0.15, 0.5, len(quoted))
    return pd.DataFrame(
        {
            "offertedatum": quoted["datum_offerte"].to_numpy(),
            "klant_id": None,
            "lead_id": quoted["lead_id"].to_numpy(),
            "verkoper_id": quoted["verkoper_id"].to_numpy(),
            "bedrag": np.round(
                np.maximum(quoted["geschatte_jaaromzet"].to_numpy() * share, 250), 2
            ),
            "status": np.select(
                [outcome == "gewonnen", outcome == "verloren"],
                ["geaccepteerd", "afgewezen"],
                "open",
            ),
            "besluitdatum": quoted["datum_besluit"].to_numpy(),
        }
    )


def generate_offers(
    rng: np.random.Generator, customers: pd.DataFrame, leads: pd.DataFrame, staff: pd.DataFrame
) -> pd.DataFrame:
    """Return all quotes sorted by date with ``offerte_id`` OF00001 ...

    Args:
        rng: the generator's random source.
        customers: customers with the hidden model columns of ``build_customers``.
        leads: the funnel, with ``lead_id`` set.
        staff: sales staff with the hidden ``_skill`` column.
    """
    quotes = pd.concat([_customer_quotes(rng, customers, staff), _lead_quotes(rng, leads)])
    quotes["offertedatum"] = quotes["offertedatum"].to_numpy().astype("datetime64[D]")
    sort_key = quotes["klant_id"].fillna(quotes["lead_id"])
    quotes = quotes.assign(_key=sort_key).sort_values(["offertedatum", "_key"], kind="stable")
    quotes = quotes.drop(columns="_key").reset_index(drop=True)
    quotes.insert(0, "offerte_id", [f"OF{i:05d}" for i in range(1, len(quotes) + 1)])
    return quotes
