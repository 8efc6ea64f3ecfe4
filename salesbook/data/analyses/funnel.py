"""Sales funnel analyses: conversion per stage, per salesperson, and order success of quotes.

A lead *reached* a stage when the date of that stage is filled in (``klant`` = won). Stages
are cumulative: a won lead has also been qualified, quoted and followed up.
"""

from __future__ import annotations

import pandas as pd

from salesbook.calc import funnel_conversion, order_success_ratio, whole_funnel_conversion
from salesbook.data._catalog import FUNNEL_STAGES
from salesbook.data.analyses._prepare import require_columns

STAGE_DATES = {
    "lead": "datum_lead",
    "gekwalificeerd": "datum_gekwalificeerd",
    "offerte": "datum_offerte",
    "opvolging": "datum_opvolging",
}


def stage_counts(leads: pd.DataFrame) -> pd.Series:
    """Number of leads that reached each stage, in funnel order (index = stage name)."""
    require_columns(leads, [*STAGE_DATES.values(), "uitkomst"], "leads")
    counts = {stage: int(leads[column].notna().sum()) for stage, column in STAGE_DATES.items()}
    counts["klant"] = int((leads["uitkomst"] == "gewonnen").sum())
    return pd.Series(counts, index=list(FUNNEL_STAGES), name="aantal")


def _decided(leads: pd.DataFrame, only_decided: bool) -> pd.DataFrame:
    return leads[leads["uitkomst"] != "open"] if only_decided else leads


def funnel_stages(leads: pd.DataFrame, only_decided: bool = True) -> pd.DataFrame:
    """Funnel table: leads per stage and conversion (:func:`salesbook.calc.funnel_conversion`).

    Args:
        leads: the ``leads`` table.
        only_decided: leave out the leads that were still open at the end of the data; they
            have not had the chance to reach the later stages yet, so counting them would make
            the conversion look worse than it is.

    Returns:
        Indexed by ``fase``: ``aantal``, ``conversie_vanaf_vorige_fase`` and
        ``conversie_vanaf_begin`` (fractions).
    """
    return funnel_conversion(stage_counts(_decided(leads, only_decided)))


def funnel_per_rep(
    leads: pd.DataFrame, verkopers: pd.DataFrame | None = None, only_decided: bool = True
) -> pd.DataFrame:
    """Leads per stage and overall conversion (lead → klant) per salesperson.

    Returns:
        Indexed by ``verkoper_id`` (with ``naam`` and ``functie`` when ``verkopers`` is
        given): one column per stage with the number of leads that reached it, and
        ``conversie`` = :func:`salesbook.calc.whole_funnel_conversion` (klant / lead).
    """
    require_columns(leads, ["verkoper_id"], "leads")
    leads = _decided(leads, only_decided)
    rows = {
        seller: stage_counts(group)
        for seller, group in leads.groupby("verkoper_id", observed=True, sort=True)
    }
    table = pd.DataFrame(rows).T
    table.index.name = "verkoper_id"
    table["conversie"] = [
        whole_funnel_conversion(row["lead"], row["klant"]) for _, row in table.iterrows()
    ]
    if verkopers is not None:
        staff = verkopers.set_index("verkoper_id")[["naam", "functie"]]
        table = staff.reindex(table.index).join(table)
    return table


def order_success_per_rep(
    offertes: pd.DataFrame, verkopers: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Order success ratio of quotes per salesperson (:func:`salesbook.calc.order_success_ratio`).

    Open quotes (no decision yet) are left out: ``ordersuccesratio = geaccepteerd /
    (geaccepteerd + afgewezen)``.

    Returns:
        Indexed by ``verkoper_id``: ``offertes`` (decided), ``geaccepteerd``,
        ``ordersuccesratio`` (fraction) and ``bedrag_geaccepteerd`` (euros).
    """
    require_columns(offertes, ["verkoper_id", "status", "bedrag"], "offertes")
    decided = offertes[offertes["status"] != "open"]
    accepted = decided["status"] == "geaccepteerd"
    grouped = decided.assign(_ok=accepted, _won=decided["bedrag"].where(accepted, 0.0))
    table = grouped.groupby("verkoper_id", observed=True).agg(
        offertes=("status", "size"),
        geaccepteerd=("_ok", "sum"),
        bedrag_geaccepteerd=("_won", "sum"),
    )
    table["geaccepteerd"] = table["geaccepteerd"].astype(int)
    table.insert(
        2,
        "ordersuccesratio",
        [
            order_success_ratio(a, n)
            for a, n in zip(table["geaccepteerd"], table["offertes"], strict=True)
        ],
    )
    if verkopers is not None:
        staff = verkopers.set_index("verkoper_id")[["naam", "functie"]]
        table = staff.reindex(table.index).join(table)
    return table
