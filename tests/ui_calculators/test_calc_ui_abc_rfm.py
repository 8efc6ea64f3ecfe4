"""ABC/RFM explorer: limits and year, Pareto chart, RFM segments and heatmap."""

from __future__ import annotations

import pandas as pd
import pytest

from salesbook.ui.calculators import open_calculator

# Ten customers, total 100: cumulative 50, 70, 80, 85, 90, 94, 97, 98, 99, 100 (%).
REVENUE = pd.Series(
    [50, 20, 10, 5, 5, 4, 3, 1, 1, 1], index=[f"K{i:02d}" for i in range(1, 11)], dtype=float
)
RFM = pd.DataFrame(
    {
        "recency_days": [5, 10, 40, 80, 200, 300],
        "frequency": [20, 12, 6, 3, 2, 1],
        "monetary": [9000.0, 5000, 2500, 900, 400, 100],
    },
    index=["A", "B", "C", "D", "E", "F"],
)


def _explorer(**kwargs):
    return open_calculator("abc", omzet=REVENUE, rfm=RFM, **kwargs)


def test_default_limits_by_hand():
    # A: the customers until 80% is reached (K01–K03); B: until 95% (K04–K07); C: the rest
    calc = _explorer()
    rows = dict(calc.rows)
    assert rows["Klanten met omzet"] == "10"
    assert rows["A-klanten"] == "3 klanten (30,0%) met € 80 omzet (80,0%)"
    assert rows["B-klanten"] == "4 klanten (40,0%) met € 17 omzet (17,0%)"
    assert rows["C-klanten"] == "3 klanten (30,0%) met € 3 omzet (3,0%)"
    assert calc.year.layout.display == "none"  # revenue passed in: no year to choose


def test_moving_the_a_limit_reclassifies_and_redraws():
    calc = _explorer()
    before = [
        ln.get_ydata()[0] for ln in calc.figure.axes[1].get_lines() if "grens" in ln.get_label()
    ]
    calc.limit_a.slider.value = 70  # A: K01–K02 (70%); B until 85%: K03–K04; C: 6 customers
    rows = dict(calc.rows)
    assert rows["A-klanten"] == "2 klanten (20,0%) met € 70 omzet (70,0%)"
    assert rows["B-klanten"] == "2 klanten (20,0%) met € 15 omzet (15,0%)"
    assert rows["C-klanten"] == "6 klanten (60,0%) met € 15 omzet (15,0%)"
    after = [
        ln.get_ydata()[0] for ln in calc.figure.axes[1].get_lines() if "grens" in ln.get_label()
    ]
    assert before == [0.8] and after == [0.7]
    assert list(calc.summary["aantal_klanten"]) == [2, 2, 6]


def test_limits_above_100_percent_give_a_dutch_message():
    calc = _explorer()
    calc.limit_b.text.value = "30%"
    assert calc.error == (
        "De grenzen voor A (80%) en B (30%) zijn samen meer dan 100%. Maak een van beide "
        "kleiner: C krijgt wat overblijft."
    )
    assert calc.figure is None and calc.summary is None
    calc.limit_b.text.value = "20"
    assert calc.error is None
    assert dict(calc.rows)["Grens C-klanten"] == "de laatste 0,0% van de omzet"


def test_rfm_tab_counts_segments_and_draws_the_heatmap():
    calc = _explorer()
    assert calc.rfm_error is None
    assert int(calc.segment_counts.sum()) == 6
    # ranks worst → best: 6 customers, score = max(1, ceil(5(k − 1)/5)) = 1, 1, 2, 3, 4, 5;
    # A is best on all three (R=F=M=5, Kampioenen), F worst on all three (Verloren)
    assert calc.segment_counts["Kampioenen"] >= 1 and calc.segment_counts["Verloren"] >= 1
    grid = calc.rfm_figure.axes[0].images[0].get_array()
    assert grid.sum() == 6 and grid[4, 4] == 1  # (F = 5, R = 5)
    calc.rfm_value.value = "monetary"
    assert calc.rfm_figure.axes[0].images[0].get_array()[4, 4] == 9000
    md = calc._repr_mimebundle_()["text/markdown"]
    assert "| Kampioenen | 1 |" in md
    assert [calc.tabs.get_title(i) for i in range(2)] == ["ABC-analyse", "RFM-analyse"]


def test_rfm_with_too_few_customers_keeps_the_abc_tab_working():
    calc = open_calculator("abc", omzet=REVENUE, rfm=RFM.iloc[:3])
    assert calc.rfm_error.startswith("Voor RFM-scores in vijf groepen (kwintielen) zijn minstens 5")
    assert calc.error is None and dict(calc.rows)["Klanten met omzet"] == "10"
    assert "RFM-analyse: Voor RFM-scores" in calc._repr_mimebundle_()["text/plain"]


@pytest.mark.slow
def test_course_data_by_year():
    from salesbook.data import load
    from salesbook.data.clean import clean_orders

    calc = open_calculator("abc")
    assert [v for _, v in calc.year.options] == [2022, 2023, 2024, "alle"]
    assert calc.year.value == 2024
    orders = clean_orders(load("orders"), load("klanten"))
    for year in (2024, 2022):
        calc.year.value = year
        sales = orders[orders["orderdatum"].dt.year == year].groupby("klant_id")["omzet"].sum()
        assert dict(calc.rows)["Klanten met omzet"] == f"{(sales > 0).sum():d}".replace(",", ".")
        assert calc.summary["aandeel_omzet"]["A"] >= 0.8
        assert calc.summary["omzet"].sum() == pytest.approx(sales[sales > 0].sum())
    assert calc.segment_counts is not None and calc.rfm_error is None
