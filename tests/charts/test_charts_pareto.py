"""Tests for salesbook.charts.pareto: bars, cumulative line, cutoff line and labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from charts_helpers import all_texts, drawn, legend_texts, line, tick_texts

from salesbook.charts import pareto_chart
from salesbook.exceptions import InvalidInputError

# Ten customers, total € 1.000.000. Sorted: 400, 250, 120, 80, 50, 40, 25, 15, 12, 8 (× 1.000);
# cumulative shares 0,40 0,65 0,77 0,85 0,90 0,94 0,965 0,98 0,992 1,00.
REVENUE = (
    pd.Series(
        [50, 8, 400, 120, 25, 250, 40, 12, 80, 15],
        index=["K05", "K10", "K01", "K03", "K07", "K02", "K06", "K09", "K04", "K08"],
    )
    * 1000
)
CUMULATIVE = [0.40, 0.65, 0.77, 0.85, 0.90, 0.94, 0.965, 0.98, 0.992, 1.00]


def _axes(fig):
    bars_ax, cum_ax = fig.axes
    return bars_ax, cum_ax


def test_bars_are_sorted_largest_first_with_customer_names():
    fig = drawn(pareto_chart(REVENUE))
    bars_ax, _ = _axes(fig)
    heights = [p.get_height() for p in bars_ax.patches]
    assert heights == [400_000, 250_000, 120_000, 80_000, 50_000, 40_000, 25_000, 15_000,
                       12_000, 8_000]  # fmt: skip
    assert [p.get_x() + p.get_width() / 2 for p in bars_ax.patches] == list(range(1, 11))
    assert tick_texts(bars_ax, "x") == [f"K{i:02d}" for i in range(1, 11)]


def test_cumulative_line_and_80_percent_line():
    fig = pareto_chart(REVENUE)
    _, cum_ax = _axes(fig)
    cumulative = line(cum_ax, "Cumulatief aandeel")
    assert list(cumulative.get_xdata()) == list(range(1, 11))
    np.testing.assert_allclose(cumulative.get_ydata(), CUMULATIVE)
    cutoff = line(cum_ax, "80%-grens")
    np.testing.assert_allclose(cutoff.get_ydata(), [0.8, 0.8])


def test_vertical_mark_after_the_customers_that_reach_80_percent():
    # K01..K04 reach 85% (the first to reach 80%), so the mark sits between bar 4 and 5.
    fig = pareto_chart(REVENUE)
    bars_ax, _ = _axes(fig)
    marks = [ln for ln in bars_ax.get_lines() if ln.get_linestyle() == ":"]
    assert len(marks) == 1
    np.testing.assert_allclose(marks[0].get_xdata(), [4.5, 4.5])
    assert any("De grootste 4 van 10 klanten (40%)" in t for t in all_texts(fig))
    assert any("halen samen 85% van de omzet" in t for t in all_texts(fig))


def test_other_cutoff_moves_line_and_mark():
    # 75%: K01..K03 reach 77%.
    fig = pareto_chart(REVENUE, cutoff=0.75)
    bars_ax, cum_ax = _axes(fig)
    np.testing.assert_allclose(line(cum_ax, "75%-grens").get_ydata(), [0.75, 0.75])
    marks = [ln for ln in bars_ax.get_lines() if ln.get_linestyle() == ":"]
    np.testing.assert_allclose(marks[0].get_xdata(), [3.5, 3.5])
    assert "75%-grens" in legend_texts(fig)


def test_dutch_tick_labels_title_and_legend():
    fig = drawn(pareto_chart(REVENUE))
    bars_ax, cum_ax = _axes(fig)
    money_ticks = tick_texts(bars_ax, "y")
    assert "€ 100.000" in money_ticks and "€ 400.000" in money_ticks
    assert all(t.startswith("€ ") for t in money_ticks)
    assert tick_texts(cum_ax, "y") == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert bars_ax.get_title() == "Paretoanalyse: omzet per klant"
    assert legend_texts(fig) == ["Omzet", "Cumulatief aandeel", "80%-grens"]
    assert bars_ax.get_ylabel() == "Omzet"
    assert cum_ax.get_ylabel() == "Cumulatief aandeel"


def test_many_customers_get_rank_numbers_instead_of_names():
    revenue = pd.Series(range(1, 41), index=[f"Klant {i}" for i in range(40)], dtype=float)
    fig = drawn(pareto_chart(revenue, item_label="Klanten"))
    bars_ax, _ = _axes(fig)
    assert len(bars_ax.patches) == 40
    assert all(t.isdigit() for t in tick_texts(bars_ax, "x"))
    assert "rangnummer" in bars_ax.get_xlabel()


def test_plain_numbers_when_not_money():
    fig = drawn(pareto_chart({"P1": 3000, "P2": 1000}, money=False, value_label="Afzet"))
    bars_ax, _ = _axes(fig)
    assert "3.000" in tick_texts(bars_ax, "y")
    assert not any("€" in t for t in tick_texts(bars_ax, "y"))


@pytest.mark.parametrize(
    ("revenue", "cutoff", "fragment"),
    [
        (pd.Series([], dtype=float), 0.8, "leeg"),
        (pd.Series({"A": 100, "B": -5}), 0.8, "negatief"),
        (pd.Series({"A": 0, "B": 0}), 0.8, "0"),
        (pd.Series({"A": 100, "B": "veel"}), 0.8, "getal"),
        (REVENUE, 80, "0,8 in plaats van 80"),
        (REVENUE, 0, "groter dan 0"),
    ],
)
def test_invalid_input_raises_dutch_error(revenue, cutoff, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        pareto_chart(revenue, cutoff=cutoff)
