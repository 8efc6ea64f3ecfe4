"""Generate the sales funnel for new customers (``leads``) with a date per stage.

Each lead moves through lead → gekwalificeerd → offerte → opvolging → klant. The chance to
pass a stage depends on the lead source and on the skill of the salesperson, so funnel
conversion differs per source and per rep. A won lead becomes a customer on its decision date.
Stages that would fall after the end of the data are left empty and the lead stays open.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesbook.data._catalog import (
    FUNNEL_STAGES,
    LEAD_SOURCE_QUALITY,
    LEAD_SOURCE_WEIGHTS,
    LEAD_SOURCES,
    LEADS_START,
    PERIOD_END,
    SIZE_MEDIAN_REVENUE,
    SIZES,
    province_label,
)
from salesbook.data._sampling import day_range, is_workday, months_of, next_workday
from salesbook.data.generate_staff import staff_for

LEADS_PER_MONTH = 18.0
LEAD_GROWTH = 0.08
"""Yearly growth of the number of leads (more web leads)."""
STAGE_CHANCE = (0.60, 0.65, 0.80, 0.50)
"""Base chance to pass from each stage to the next (lead→gekw., →offerte, →opvolging, →klant)."""
STAGE_DAYS = ((2, 21), (7, 40), (5, 25), (5, 45))
"""Range of calendar days between two stages."""
FAIR_MONTHS = (3, 10)
"""Trade fairs in March and October bring most of the fair leads."""


def count_leads(rng: np.random.Generator) -> np.ndarray:
    """Draw the date of every lead (sorted), month by month."""
    days = day_range(LEADS_START, PERIOD_END)
    days = days[is_workday(days)]
    months = days.astype("datetime64[M]")
    dates = []
    for month in np.unique(months):
        in_month = days[months == month]
        years = (month - np.datetime64(LEADS_START, "M")).astype(int) / 12
        n = rng.poisson(LEADS_PER_MONTH * (1 + LEAD_GROWTH) ** years)
        dates.append(np.sort(rng.choice(in_month, size=n)))
    return np.concatenate(dates)


def _sources(rng: np.random.Generator, dates: np.ndarray) -> np.ndarray:
    weights = np.tile(np.array(LEAD_SOURCE_WEIGHTS), (len(dates), 1))
    fair = np.isin(months_of(dates), FAIR_MONTHS)
    column = LEAD_SOURCES.index("beurs")
    weights[:, column] = np.where(fair, 0.8, 0.02)
    weights /= weights.sum(axis=1, keepdims=True)
    chosen = (weights.cumsum(axis=1) > rng.random((len(dates), 1))).argmax(axis=1)
    return np.array(LEAD_SOURCES)[chosen]


def _owner(rng: np.random.Generator, region: str, size: int, staff: pd.DataFrame) -> str:
    function = "accountmanager" if size == 3 else "binnendienst" if size == 0 else "buitendienst"
    options = staff_for(staff, function, region)
    return options[rng.integers(len(options))]


def generate_leads(
    rng: np.random.Generator, dates: np.ndarray, companies: pd.DataFrame, staff: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(leads, won)``.

    Args:
        rng: the generator's random source.
        dates: the lead dates from :func:`count_leads`.
        companies: prospect companies; the first ``len(dates)`` become the leads.
        staff: sales staff with the hidden ``_skill`` column.

    Returns:
        ``leads`` in table order (``klant_id`` still empty) and ``won``: the companies won,
        ready for :func:`~salesbook.data.generate_customers.build_customers`, with a
        ``_lead`` column holding the index of their lead.
    """
    n = len(dates)
    leads = companies.iloc[:n].reset_index(drop=True).copy()
    leads["datum_lead"] = dates
    leads["bron"] = _sources(rng, dates)
    sizes = leads["_size"].to_numpy()
    leads["verkoper_id"] = [
        _owner(rng, region, int(size), staff)
        for region, size in zip(leads["regio"], sizes, strict=True)
    ]
    estimate = np.array(SIZE_MEDIAN_REVENUE)[sizes] * rng.lognormal(0.0, 0.7, n)
    leads["geschatte_jaaromzet"] = np.round(estimate, -2)
    skill = leads["verkoper_id"].map(staff.set_index("verkoper_id")["_skill"]).to_numpy()
    quality = np.array(LEAD_SOURCE_QUALITY)[[LEAD_SOURCES.index(b) for b in leads["bron"]]]
    stage_dates = np.full((n, 5), np.datetime64("NaT"), dtype="datetime64[D]")
    stage_dates[:, 0] = dates
    passed = np.ones(n, dtype=bool)
    reached = np.zeros(n, dtype=int)
    for stage, chance in enumerate(STAGE_CHANCE):
        boost = quality if stage == 0 else skill if stage == 3 else np.sqrt(skill)
        passes = passed & (rng.random(n) < np.clip(chance * boost, 0.05, 0.95))
        low, high = STAGE_DAYS[stage]
        gap = rng.integers(low, high + 1, n).astype("timedelta64[D]")
        stage_dates[passes, stage + 1] = next_workday(stage_dates[passes, stage] + gap[passes])
        reached[passes] = stage + 1
        passed = passes
    last = stage_dates[np.arange(n), reached]
    won = reached == 4
    lost_gap = rng.integers(3, 31, n).astype("timedelta64[D]")
    decision = np.where(won, last, next_workday(last + lost_gap))
    stage_dates[:, 4] = decision
    _finish(leads, stage_dates, reached, won)
    won_rows = leads[leads["uitkomst"] == "gewonnen"]
    customers = companies.iloc[won_rows.index].copy()
    customers["klant_sinds"] = won_rows["datum_besluit"].to_numpy()
    customers["accountmanager"] = won_rows["verkoper_id"].to_numpy()
    customers["_potential"] = won_rows["geschatte_jaaromzet"].to_numpy() * rng.lognormal(
        0.0, 0.4, len(won_rows)
    )
    customers["_lead"] = won_rows.index.to_numpy()
    return leads, customers


def _finish(
    leads: pd.DataFrame, stage_dates: np.ndarray, reached: np.ndarray, won: np.ndarray
) -> None:
    """Cut everything after the period end, then set fase, uitkomst and the date columns."""
    late = stage_dates > PERIOD_END
    stage_dates[late] = np.datetime64("NaT")
    decided = ~np.isnat(stage_dates[:, 4])
    for stage in range(1, 4):
        cut = np.isnat(stage_dates[:, stage]) & (reached >= stage)
        reached = np.where(cut, np.minimum(reached, stage - 1), reached)
    reached = np.where(won & ~decided, np.minimum(reached, 3), reached)
    outcome = np.where(~decided, "open", np.where(won, "gewonnen", "verloren"))
    leads["fase"] = np.array(FUNNEL_STAGES)[reached]
    leads["uitkomst"] = outcome
    for column, stage in (
        ("datum_gekwalificeerd", 1),
        ("datum_offerte", 2),
        ("datum_opvolging", 3),
        ("datum_besluit", 4),
    ):
        leads[column] = stage_dates[:, stage]
    leads["omvang"] = np.array(SIZES)[leads["_size"].to_numpy()]
    leads["bedrijfsnaam"] = leads["naam"]
    leads["provincie"] = leads["_province"].map(province_label)
    leads["klant_id"] = None
