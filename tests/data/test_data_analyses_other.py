"""Forecast, Franke, NPS per segment and financial ratios on hand-made data."""

from __future__ import annotations

import data_analyses_world as world
import pandas as pd
import pytest

from salesbook.data.analyses import (
    forecast_next_quarter,
    franke_from_visits,
    nps_by_segment,
    quarterly_revenue,
    ratios_per_year,
)
from salesbook.exceptions import DataError


def _months() -> pd.DataFrame:
    # Q1 of 2021-2024: 3 × 100, 110, 120, 130 = 300, 330, 360, 390; other quarters 600;
    # January 2025 alone is an incomplete quarter and is left out
    rows = []
    for year, q1 in zip(range(2021, 2025), (100, 110, 120, 130), strict=True):
        for month in range(1, 13):
            rows.append((pd.Timestamp(year, month, 1), float(q1 if month <= 3 else 200)))
    rows.append((pd.Timestamp(2025, 1, 1), 5000.0))
    return pd.DataFrame(rows, columns=["maand", "omzet"])


def test_quarterly_revenue_uses_complete_quarters():
    quarters = quarterly_revenue(_months())
    assert len(quarters) == 16
    assert quarters[pd.Period("2024Q1", "Q")] == 390.0
    assert quarters[pd.Period("2024Q4", "Q")] == 600.0


def test_forecast_next_quarter_from_the_same_quarter():
    # series 300, 330, 360, 390 → MA(3) = 360; earlier MA forecast F4 = 330 vs 390: MAD 60
    # ES α = 0,5: F = 300, 300, 315, 337,5 → next 363,75; MAD (0 + 30 + 45 + 52,5)/4 = 31,875
    # trend: exactly 300 + 30·(x − 1) → x = 5 gives 420, MAD 0
    table = forecast_next_quarter(_months(), window=3, alpha=0.5)
    assert (table["kwartaal"] == pd.Period("2025Q1", "Q")).all()
    assert table["prognose"].tolist() == pytest.approx([360.0, 363.75, 420.0])
    assert table["mad"].tolist() == pytest.approx([60.0, 31.875, 0.0])
    assert table["mape"].iloc[0] == pytest.approx(60 / 390)
    assert table.attrs["reeks"].tolist() == [300.0, 330.0, 360.0, 390.0]


def test_forecast_needs_more_values_than_the_window():
    with pytest.raises(DataError, match="meer dan 4 waarden"):
        forecast_next_quarter(_months(), window=4)


def test_franke_from_visits():
    # revenue 2024: A1 800, B1 150, C1 50 → A, B, C; C2 has no revenue → C
    klanten = pd.DataFrame(
        {
            "klant_id": ["A1", "B1", "C1", "C2"],
            "naam": ["A", "B", "C", "D"],
            "plaats": ["Goes"] * 4,
            "provincie": ["Zeeland"] * 4,
            "sector": ["bouw"] * 4,
        }
    )
    orders = pd.DataFrame(
        {
            "order_id": [1, 2, 3],
            "orderdatum": pd.to_datetime(["2024-03-01"] * 3),
            "klant_id": ["A1", "B1", "C1"],
            "aantal": [1, 1, 1],
            "omzet": [800.0, 150.0, 50.0],
        }
    )
    visits = pd.DataFrame(
        {
            "datum": pd.to_datetime(["2024-02-01"] * 4 + ["2024-03-01"] * 2 + ["2024-04-01"] * 2
                                    + ["2023-05-01"]),
            "klant_id": ["A1"] * 4 + ["B1"] * 2 + ["C1", "C2", "A1"],
            "bezoekduur_min": [60] * 4 + [45, 75] + [30, 30, 999],
            "reistijd_min": [30] * 4 + [20, 400] + [30, 30, 999],  # 400: typing error → left out
            "wachttijd_min": [10] * 4 + [0, 0] + [0, 0, 999],  # last visit is 2023: not counted
        }
    )  # fmt: skip
    verkopers = pd.DataFrame(
        {"verkoper_id": ["V1", "V2", "V3"], "bezoekuren_per_jaar": [10, 20, 0]}
    )
    # hours: A 1·4·(60+30+10)/60 = 6,667; B 1·2·(60+20+0)/60 = 2,667; C 2·1·(30+30)/60 = 2
    # available: mean of 10 and 20 = 15 → 11,333 / 15 = 0,756 → 1 rep; now 2 visiting reps
    analysis = franke_from_visits(visits, orders, klanten, verkopers)
    groups = analysis.groups
    assert groups.index.tolist() == ["A-klanten", "B-klanten", "C-klanten"]
    assert groups["klanten"].tolist() == [1, 1, 2]
    assert groups["bezoeken per jaar"].tolist() == [4.0, 2.0, 1.0]
    assert groups["minuten per bezoek"].tolist() == [100.0, 80.0, 60.0]
    assert groups["uren"].tolist() == pytest.approx([20 / 3, 8 / 3, 2.0])
    assert analysis.result.hours == pytest.approx(34 / 3)
    assert analysis.result.available_hours_per_rep == 15.0
    assert analysis.result.exact == pytest.approx(34 / 45)
    assert analysis.result.reps == 1
    assert analysis.current_reps == 2


def _answers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "klant_id": ["K1", "K1", "K6", "K1", "K2", "K2", "K2", "K2", "K7"],
            "datum": pd.to_datetime(["2023-10-05"] * 4 + ["2024-10-08"] * 5),
            "functie_respondent": ["inkoper"] * 9,
            "score": pd.array([10, 6, 9, 11, 7, 8, 0, None, 9], dtype="Int64"),
        }
    )


def test_nps_by_sector():
    # valid answers: bouw (K1, K6 = K1) 10, 6, 9 → P2 D1 → +33,3;
    # installatietechniek 7, 8, 0 → P0 D1 → −33,3; onbekend (K7) 9 → +100
    # total 7: P3 D2 → 100·1/7; the 11 and the empty score are left out
    table = nps_by_segment(_answers(), world.klanten())
    assert table.index.tolist() == ["bouw", "installatietechniek", "onbekend", "totaal"]
    assert table["antwoorden"].tolist() == [3, 3, 1, 7]
    assert table["promoters"].tolist() == [2, 0, 1, 3]
    assert table["passives"].tolist() == [0, 2, 0, 2]
    assert table["detractors"].tolist() == [1, 1, 0, 2]
    assert table["nps"].tolist() == pytest.approx([100 / 3, -100 / 3, 100.0, 100 / 7])


def test_nps_by_year_and_unknown_segment():
    table = nps_by_segment(_answers(), world.klanten(), by="jaar")
    assert table.index.tolist() == [2023, 2024, "totaal"]
    assert table["nps"].tolist()[:2] == pytest.approx([100 / 3, 0.0])
    with pytest.raises(DataError, match="Onbekend segment 'kleur'"):
        nps_by_segment(_answers(), world.klanten(), by="kleur")


def test_ratios_per_year():
    balans = pd.DataFrame(
        [
            (2024, "activa", "vaste activa", "gebouwen en terreinen", 400),
            (2024, "activa", "vlottende activa", "voorraden", 200),
            (2024, "activa", "vlottende activa", "debiteuren", 150),
            (2024, "activa", "vlottende activa", "liquide middelen", 50),
            (2024, "passiva", "eigen vermogen", "aandelenkapitaal", 100),
            (2024, "passiva", "eigen vermogen", "reserves", 200),
            (2024, "passiva", "lang vreemd vermogen", "banklening", 200),
            (2024, "passiva", "kort vreemd vermogen", "crediteuren", 300),
        ],
        columns=["jaar", "zijde", "groep", "post", "bedrag"],
    )
    pl = pd.DataFrame(
        [
            (2024, "netto-omzet", 2000),
            (2024, "bedrijfsresultaat (EBIT)", 100),
            (2024, "nettowinst", 60),
        ],
        columns=["jaar", "post", "bedrag"],
    )
    # current 400/300; quick (400 − 200)/300; working capital 100; solvency 300/800;
    # REV 60/300; RTV 100/800; omzetrentabiliteit 100/2000
    row = ratios_per_year(balans, pl).loc[2024]
    assert row.to_dict() == pytest.approx(
        {
            "current_ratio": 4 / 3,
            "quick_ratio": 2 / 3,
            "werkkapitaal": 100.0,
            "solvabiliteit": 0.375,
            "rentabiliteit_ev": 0.2,
            "rentabiliteit_tv": 0.125,
            "omzetrentabiliteit": 0.05,
        }
    )
