"""Generate answers to the yearly customer survey (``nps``) with the NPS question.

Every October the customers that have been active for at least a month are invited. The score
follows the customer's hidden satisfaction (which also drives churn, so customers who leave
were often detractors), the way they are served and the respondent's role. 2023 was a year
with delivery problems, which shows as a dip.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import NPS_ROUNDS, RESPONDENT_ROLES

RESPONSE_CHANCE = 0.35
SERVICE_EFFECT = {"accountmanager": 0.6, "buitendienst": 0.2, "binnendienst": -0.3}
ROLE_EFFECT = (0.0, 0.3, 0.1, -0.4)
YEAR_EFFECT = {2022: 0.0, 2023: -0.4, 2024: 0.1}
COMMENTS = {
    "promoter": (
        "Snelle levering en prima service.",
        "Onze accountmanager denkt echt mee.",
        "Bijna alles is direct uit voorraad leverbaar.",
        "Goede technische ondersteuning bij projecten.",
    ),
    "passive": (
        "Prijzen mogen scherper.",
        "Levering is soms een dag later dan beloofd.",
        "De webshop kan overzichtelijker.",
        "Prima, maar niet bijzonder.",
    ),
    "detractor": (
        "Te vaak backorders.",
        "Facturen kloppen regelmatig niet.",
        "Slecht bereikbaar, er wordt niet teruggebeld.",
        "Bij de concurrent zijn we goedkoper uit.",
    ),
}


def _comments(rng: np.random.Generator, scores: np.ndarray) -> np.ndarray:
    kind = np.where(scores >= 9, "promoter", np.where(scores >= 7, "passive", "detractor"))
    texts = np.empty(len(scores), dtype=object)
    for name, options in COMMENTS.items():
        mask = kind == name
        texts[mask] = np.array(options, dtype=object)[rng.integers(len(options), size=mask.sum())]
    texts[rng.random(len(scores)) >= 0.35] = None
    return texts


def generate_nps(
    rng: np.random.Generator, customers: pd.DataFrame, staff: pd.DataFrame
) -> pd.DataFrame:
    """Return survey answers sorted by date with ``antwoord_id`` N0001 ...

    Args:
        rng: the generator's random source.
        customers: customers with the hidden model columns of ``build_customers``.
        staff: sales staff (the function of the account manager affects the score).
    """
    function = customers["accountmanager"].map(staff.set_index("verkoper_id")["functie"])
    service = function.map(SERVICE_EFFECT).to_numpy()
    since = customers["klant_sinds"].to_numpy().astype("datetime64[D]")
    active_to = customers["_active_to"].to_numpy().astype("datetime64[D]")
    parts = []
    for start in NPS_ROUNDS:
        sent = np.datetime64(start)
        invited = (since <= sent - np.timedelta64(30, "D")) & (active_to >= sent)
        chance = RESPONSE_CHANCE + np.where(function == "accountmanager", 0.15, 0.0)
        responding = np.flatnonzero(invited & (rng.random(len(customers)) < chance))
        people = 1 + rng.binomial(customers["_size"].to_numpy()[responding], 0.4)
        who = np.repeat(responding, people)
        role = rng.choice(len(RESPONDENT_ROLES), size=len(who), p=(0.4, 0.25, 0.2, 0.15))
        mean = 7.9 + 1.4 * customers["_satisfaction"].to_numpy()[who] + service[who]
        mean += np.array(ROLE_EFFECT)[role] + YEAR_EFFECT[int(start[:4])]
        scores = np.clip(np.round(mean + rng.normal(0.0, 1.1, len(who))), 0, 10).astype(int)
        parts.append(
            pd.DataFrame(
                {
                    "datum": sent + rng.integers(0, 22, len(who)).astype("timedelta64[D]"),
                    "klant_id": customers["klant_id"].to_numpy()[who],
                    "functie_respondent": np.array(RESPONDENT_ROLES)[role],
                    "score": scores,
                    "opmerking": _comments(rng, scores),
                }
            )
        )
    answers = pd.concat(parts, ignore_index=True)
    answers = answers.sort_values(["datum", "klant_id"], kind="stable", ignore_index=True)
    answers["score"] = answers["score"].astype("Int64")
    answers.insert(0, "antwoord_id", [f"N{i:04d}" for i in range(1, len(answers) + 1)])
    return answers
