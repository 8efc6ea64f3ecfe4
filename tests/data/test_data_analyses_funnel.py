"""Funnel conversion per stage and per rep, and order success of quotes, on hand-made data."""

from __future__ import annotations

import pandas as pd
import pytest

from salesbook.data.analyses import (
    funnel_per_rep,
    funnel_stages,
    order_success_per_rep,
    stage_counts,
)

D = pd.Timestamp


def _leads() -> pd.DataFrame:
    nat = pd.NaT
    rows = [
        # id, rep, qualified, offer, follow-up, outcome
        ("L1", "V01", D("2024-01-10"), D("2024-02-01"), D("2024-02-20"), "gewonnen"),
        ("L2", "V01", D("2024-01-12"), D("2024-02-03"), D("2024-02-25"), "verloren"),
        ("L3", "V02", D("2024-01-15"), D("2024-02-10"), nat, "verloren"),
        ("L4", "V02", D("2024-01-20"), nat, nat, "verloren"),
        ("L5", "V01", nat, nat, nat, "verloren"),
        ("L6", "V02", D("2024-12-20"), nat, nat, "open"),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "lead_id", "verkoper_id", "datum_gekwalificeerd", "datum_offerte",
            "datum_opvolging", "uitkomst",
        ],
    )  # fmt: skip
    frame.insert(1, "datum_lead", D("2024-01-02"))
    return frame


def test_stage_counts_are_cumulative():
    counts = stage_counts(_leads())
    assert counts.to_dict() == {
        "lead": 6, "gekwalificeerd": 5, "offerte": 3, "opvolging": 2, "klant": 1
    }  # fmt: skip


def test_funnel_stages_of_decided_leads():
    # decided: 5 leads, 4 qualified, 3 quoted, 2 followed up, 1 won
    table = funnel_stages(_leads())
    assert table["aantal"].tolist() == [5, 4, 3, 2, 1]
    assert table["conversie_vanaf_vorige_fase"].tolist()[1:] == pytest.approx(
        [0.8, 0.75, 2 / 3, 0.5]
    )
    assert table["conversie_vanaf_begin"].tolist() == pytest.approx([1, 0.8, 0.6, 0.4, 0.2])


def test_funnel_stages_with_open_leads():
    table = funnel_stages(_leads(), only_decided=False)
    assert table["aantal"].tolist() == [6, 5, 3, 2, 1]


def test_funnel_per_rep():
    verkopers = pd.DataFrame(
        {"verkoper_id": ["V01", "V02"], "naam": ["An", "Bo"], "functie": ["buitendienst"] * 2}
    )
    table = funnel_per_rep(_leads(), verkopers)
    stages = ["lead", "gekwalificeerd", "offerte", "opvolging", "klant"]
    assert table.loc["V01", stages].tolist() == [3, 2, 2, 2, 1]
    assert table.loc["V02", stages].tolist() == [2, 2, 1, 0, 0]
    assert table["conversie"].tolist() == pytest.approx([1 / 3, 0.0])
    assert table.loc["V01", "naam"] == "An"


def test_order_success_per_rep_leaves_open_quotes_out():
    quotes = pd.DataFrame(
        {
            "verkoper_id": ["V01", "V01", "V01", "V01", "V02"],
            "status": ["geaccepteerd", "geaccepteerd", "afgewezen", "open", "afgewezen"],
            "bedrag": [1000.0, 500.0, 800.0, 9999.0, 300.0],
        }
    )
    table = order_success_per_rep(quotes)
    assert table["offertes"].tolist() == [3, 1]
    assert table["geaccepteerd"].tolist() == [2, 0]
    assert table["ordersuccesratio"].tolist() == pytest.approx([2 / 3, 0.0])
    assert table["bedrag_geaccepteerd"].tolist() == [1500.0, 0.0]
