"""ABC, RFM and CLV on hand-made data (numbers worked out in the comments)."""

from __future__ import annotations

import data_analyses_world as world
import pandas as pd
import pytest

from salesbook.data.analyses import customer_abc, customer_clv, rfm_table
from salesbook.exceptions import DataError


def test_abc_over_the_whole_period():
    # revenue 500, 300, 100, 60, 40 of 1000: cumulative .5 .8 .9 .96 1 → A A B B C
    table = customer_abc(world.orders(), world.klanten())
    assert table.index.tolist() == ["K1", "K2", "K3", "K4", "K5"]
    assert table["omzet"].tolist() == [500.0, 300.0, 100.0, 60.0, 40.0]
    assert table["cumulatief_aandeel"].tolist() == pytest.approx([0.5, 0.8, 0.9, 0.96, 1.0])
    assert table["klasse"].tolist() == ["A", "A", "B", "B", "C"]
    assert table.loc["K1", "naam"] == "Alfa Bouw B.V."


def test_abc_for_one_year():
    # 2022: K1 300, K2 200, K3 100 of 600: cumulative .5 .833 1 → A A B
    table = customer_abc(world.orders(), world.klanten(), year=2022)
    assert table["omzet"].tolist() == [300.0, 200.0, 100.0]
    assert table["klasse"].tolist() == ["A", "A", "B"]


def test_abc_for_a_year_without_orders_says_so():
    with pytest.raises(DataError, match="geen orders in 2021"):
        customer_abc(world.orders(), world.klanten(), year=2021)


def test_rfm_table():
    # recency to 31-12-2024: K1 601 (10-05-2023), K2 41, K3 820, K4 487, K5 729 days
    # frequency (returns and the 2032 order left out): K1 2, K2 2, K3 2, K4 1, K5 1
    # with 5 customers every score is the rank: R K2 5, K4 4, K1 3, K5 2, K3 1;
    # F ties go to the smaller label as worse: K4 1, K5 2, K1 3, K2 4, K3 5; M by revenue
    table = rfm_table(world.orders(), world.klanten())
    assert table["recency_days"].to_dict() == {"K1": 601, "K2": 41, "K3": 820, "K4": 487, "K5": 729}
    assert table["frequency"].to_dict() == {"K1": 2, "K2": 2, "K3": 2, "K4": 1, "K5": 1}
    assert table["monetary"].to_dict() == {
        "K1": 500.0,
        "K2": 300.0,
        "K3": 100.0,
        "K4": 60.0,
        "K5": 40.0,
    }
    assert table["rfm_code"].to_dict() == {
        "K1": "335", "K2": "544", "K3": "153", "K4": "412", "K5": "221"
    }  # fmt: skip
    # FM = (F + M + 1) // 2: K1 R3 FM4, K2 R5 FM4, K3 R1 FM4, K4 R4 FM2, K5 R2 FM2
    assert table["segment"].to_dict() == {
        "K1": "Loyale klanten",
        "K2": "Kampioenen",
        "K3": "Risicoklanten",
        "K4": "Potentiële loyalisten",
        "K5": "Slapers",
    }


def test_rfm_reference_date_cuts_later_orders():
    table = rfm_table(world.orders(), world.klanten(), reference_date="2023-12-31")
    # K2's order of 20-11-2024 is after the reference date: last purchase 15-06-2022
    assert table.loc["K2", "recency_days"] == 564
    assert table.loc["K2", "monetary"] == 200.0


def _clv_world() -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = ["C1", "C2", "C3", "C4", "G1", "G2"]
    klanten = pd.DataFrame(
        {
            "klant_id": ids,
            "naam": [f"Klant {i}" for i in ids],
            "plaats": ["Goes"] * 6,
            "provincie": ["Zeeland"] * 6,
            "sector": ["bouw"] * 6,
            "klant_sinds": pd.to_datetime(["2015-01-01"] * 6),
            "omvang": ["klein"] * 4 + ["groot"] * 2,
        }
    )
    rows = [(c, "2023-03-01", 1, 100.0, 30.0) for c in ids]
    rows += [("C1", "2024-02-01", 1, 300.0, 100.0), ("C1", "2024-03-01", -1, -30.0, -10.0)]
    rows += [("C2", "2024-02-01", 1, 100.0, 40.0), ("C3", "2024-02-01", 1, 100.0, 35.0)]
    rows += [("G1", "2024-05-01", 1, 500.0, 50.0), ("G2", "2024-05-01", 1, 700.0, 70.0)]
    orders = pd.DataFrame(rows, columns=["klant_id", "orderdatum", "aantal", "omzet", "marge"])
    orders.insert(0, "order_id", range(1, len(orders) + 1))
    orders["orderdatum"] = pd.to_datetime(orders["orderdatum"])
    return orders, klanten


def test_customer_clv_uses_the_group_retention():
    # klein: 4 customers in 2023, 3 of them in 2024 → r = 0,75; groot: 2 of 2 → r = 1
    # CLV = m·r/(1 + d − r) with d = 0,1: C1 m = 100 − 10 = 90 → 90·0,75/0,35 = 192,857…
    orders, klanten = _clv_world()
    table = customer_clv(orders, klanten, year=2024, discount_rate=0.1)
    assert table["retentie"].to_dict() == {"G2": 1.0, "G1": 1.0, "C1": 0.75, "C2": 0.75, "C3": 0.75}
    assert table["marge_per_jaar"].to_dict() == {
        "G2": 70.0,
        "G1": 50.0,
        "C1": 90.0,
        "C2": 40.0,
        "C3": 35.0,
    }
    assert table["clv"].to_dict() == pytest.approx(
        {"G2": 700.0, "G1": 500.0, "C1": 90 * 0.75 / 0.35, "C2": 30 / 0.35, "C3": 75.0}
    )
    assert table.index.tolist() == ["G2", "G1", "C1", "C2", "C3"]


def test_customer_clv_refuses_unknown_group_and_year():
    orders, klanten = _clv_world()
    with pytest.raises(DataError, match="geen kolom 'branche'"):
        customer_clv(orders, klanten, by="branche")
    with pytest.raises(DataError, match="2022"):
        customer_clv(orders, klanten, year=2022)
