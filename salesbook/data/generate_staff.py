"""Generate the sales staff (``verkopers``): who they are, their hours and their costs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import STAFF_PLAN
from salesbook.data._names import person_name

NET_HOURS_FULL_TIME = 1_680
"""Net working hours of a full-time employee per year (after holidays, leave and sickness)."""
VISIT_SHARE = {"accountmanager": 0.40, "buitendienst": 0.55, "binnendienst": 0.0}
"""Share of the working hours available for customer visits (including travel and waiting)."""
WAGE_COSTS = {"accountmanager": 92_000.0, "buitendienst": 74_000.0, "binnendienst": 54_000.0}
OTHER_COSTS = {"accountmanager": 16_500.0, "buitendienst": 15_000.0, "binnendienst": 2_500.0}


def generate_staff(rng: np.random.Generator) -> pd.DataFrame:
    """Return the sales staff with the hidden column ``_skill`` (conversion multiplier).

    The team is fixed by :data:`STAFF_PLAN` (14 people); names, dates, contract sizes, costs
    and skills are drawn. ``omzetdoel_2024`` is filled in later from the orders.
    """
    rows = []
    names: set[str] = set()
    for function, regions in STAFF_PLAN:
        for region in regions:
            land = "BE" if region == "Vlaanderen" else "NL"
            name = person_name(rng, land)
            while name in names:
                name = person_name(rng, land)
            names.add(name)
            fte = 1.0 if function != "binnendienst" else float(rng.choice([0.8, 0.9, 1.0]))
            hours = round(fte * NET_HOURS_FULL_TIME)
            start = np.datetime64("2004-01-01") + np.timedelta64(int(rng.integers(0, 6500)), "D")
            rows.append(
                {
                    "naam": name,
                    "functie": function,
                    "regio": region,
                    "land": land,
                    "in_dienst_sinds": start,
                    "fte": fte,
                    "werkuren_per_jaar": hours,
                    "bezoekuren_per_jaar": int(round(hours * VISIT_SHARE[function], -1)),
                    "loonkosten_per_jaar": round(
                        fte * WAGE_COSTS[function] * rng.normal(1, 0.07), 2
                    ),
                    "overige_kosten_per_jaar": round(OTHER_COSTS[function] * rng.normal(1, 0.1), 2),
                    "omzetdoel_2024": np.nan,
                    "_skill": float(np.clip(rng.normal(1.0, 0.15), 0.7, 1.3)),
                }
            )
    staff = pd.DataFrame(rows)
    staff.insert(0, "verkoper_id", [f"V{i:02d}" for i in range(1, len(staff) + 1)])
    staff["in_dienst_sinds"] = pd.to_datetime(staff["in_dienst_sinds"])
    return staff


def staff_for(staff: pd.DataFrame, function: str, region: str) -> list[str]:
    """``verkoper_id`` of everyone with this function in this region (in id order)."""
    chosen = staff[(staff["functie"] == function) & (staff["regio"] == region)]
    return chosen["verkoper_id"].tolist()


def add_targets(staff: pd.DataFrame, revenue_2023: pd.Series, rng: np.random.Generator) -> None:
    """Fill ``omzetdoel_2024``: revenue 2023 of the portfolio plus 4-8% growth, in thousands.

    Args:
        staff: the staff frame, changed in place.
        revenue_2023: revenue 2023 per ``verkoper_id`` (the customers' account manager).
        rng: the generator's random source.
    """
    base = staff["verkoper_id"].map(revenue_2023).fillna(0.0).to_numpy()
    growth = rng.uniform(1.04, 1.08, len(staff))
    staff["omzetdoel_2024"] = np.round(base * growth, -3)
