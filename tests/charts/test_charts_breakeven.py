"""Tests for salesbook.charts.breakeven: the three lines, the BEP marker, the labels."""

from __future__ import annotations

import numpy as np
import pytest
from charts_helpers import all_texts, drawn, legend_texts, line, visible_tick_texts

from salesbook.charts.breakeven import breakeven_chart
from salesbook.exceptions import InvalidInputError

# F = € 50.000, p = € 40, v = € 15: dekkingsbijdrage € 25, BEP = 50.000 / 25 = 2.000 stuks,
# break-evenomzet 2.000 × € 40 = € 80.000.
F, P, V = 50_000, 40, 15


def test_lines_show_revenue_total_costs_and_fixed_costs():
    fig = breakeven_chart(F, P, V, max_quantity=4000)
    ax = fig.axes[0]
    revenue, costs, fixed = (line(ax, n) for n in ("Omzet", "Totale kosten", "Constante kosten"))
    for ln in (revenue, costs, fixed):
        assert ln.get_xdata()[0] == 0 and ln.get_xdata()[-1] == 4000
    # at q = 0: omzet 0, TK = F; at q = 4.000: omzet 160.000, TK = 50.000 + 60.000
    assert revenue.get_ydata()[0] == 0 and revenue.get_ydata()[-1] == pytest.approx(160_000)
    assert costs.get_ydata()[0] == pytest.approx(50_000)
    assert costs.get_ydata()[-1] == pytest.approx(110_000)
    np.testing.assert_allclose(fixed.get_ydata(), 50_000)
    # every point of the total-cost line is F + v·q
    np.testing.assert_allclose(costs.get_ydata(), F + V * np.asarray(costs.get_xdata()))


def test_bep_marker_sits_at_the_break_even_quantity_and_revenue():
    fig = breakeven_chart(F, P, V)
    marker = line(fig.axes[0], "Break-evenpunt")
    assert list(marker.get_xdata()) == [pytest.approx(2000)]
    assert list(marker.get_ydata()) == [pytest.approx(80_000)]
    assert any("2.000 stuks, € 80.000" in t for t in all_texts(fig))


def test_default_quantity_axis_is_twice_the_bep():
    fig = breakeven_chart(F, P, V)
    assert fig.axes[0].get_xlim() == (0, 4000)


def test_expected_quantity_shows_safety_margin_and_profit():
    # verwacht 2.600 stuks: veiligheidsmarge 600 stuks, winst 600 × € 25 = € 15.000
    fig = breakeven_chart(F, P, V, expected_quantity=2600)
    ax = fig.axes[0]
    expected = line(ax, "Verwachte afzet (2.600 stuks)")
    np.testing.assert_allclose(expected.get_xdata(), [2600, 2600])
    text = "\n".join(all_texts(fig))
    assert "veiligheidsmarge 600 stuks" in text
    assert "verwachte winst € 15.000" in text


def test_expected_quantity_below_bep_shows_a_loss():
    # 1.600 stuks: 400 × € 25 = € 10.000 verlies
    text = "\n".join(all_texts(breakeven_chart(F, P, V, expected_quantity=1600)))
    assert "veiligheidsmarge -400 stuks" in text
    assert "verwachte verlies € 10.000" in text


def test_dutch_labels_ticks_and_legend():
    fig = drawn(breakeven_chart(F, P, V))
    ax = fig.axes[0]
    assert ax.get_title() == "Break-evenanalyse"
    assert ax.get_xlabel() == "Afzet (stuks)"
    xticks, yticks = visible_tick_texts(ax, "x"), visible_tick_texts(ax, "y")
    assert "1.000" in xticks and "4.000" in xticks
    assert "€ 0" in yticks and all(t.startswith("€ ") for t in yticks)
    assert any(t.endswith(".000") for t in yticks)
    assert legend_texts(fig)[:3] == ["Omzet", "Totale kosten", "Constante kosten"]
    assert {"Break-evenpunt", "Winst", "Verlies"} <= set(legend_texts(fig))


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((F, 15, 15), "geen break-evenpunt"),
        ((F, 10, 15), "geen break-evenpunt"),
        ((-1, P, V), "negatief"),
        ((F, P, "vijftien"), "getal"),
    ],
)
def test_invalid_input_raises_dutch_error(args, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        breakeven_chart(*args)


def test_invalid_axis_and_expected_quantity():
    with pytest.raises(InvalidInputError, match="groter dan 0"):
        breakeven_chart(F, P, V, max_quantity=0)
    with pytest.raises(InvalidInputError, match="negatief"):
        breakeven_chart(F, P, V, expected_quantity=-5)
