"""Tests for salesbook.charts.style: palette, formatters, labels, figure factory."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from salesbook.charts.style import (
    MONTHS_NL,
    OKABE_ITO,
    money_formatter,
    new_figure,
    nice_ceiling,
    number_formatter,
    percentage_formatter,
    period_label,
)


def test_palette_is_okabe_ito():
    # The eight colours published by Okabe & Ito (2008), plus the usual grey.
    assert {c.upper() for c in OKABE_ITO.values()} == {
        "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
        "#CC79A7", "#999999",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("formatter", "value", "text"),
    [
        (money_formatter(), 1250, "€ 1.250"),
        (money_formatter(), 1_250_000, "€ 1.250.000"),
        (money_formatter(), 0, "€ 0"),
        (money_formatter(2), 1250.5, "€ 1.250,50"),
        (number_formatter(), 12500, "12.500"),
        (number_formatter(1), 2.5, "2,5"),
        (percentage_formatter(), 0.8, "80%"),
        (percentage_formatter(), 1.0, "100%"),
        (percentage_formatter(1), 0.125, "12,5%"),
    ],
)
def test_axis_formatters_use_dutch_notation(formatter, value, text):
    assert formatter(value, 0) == text


@pytest.mark.parametrize(
    ("value", "nice"),
    [(1180, 1200), (4000, 4000), (4001, 5000), (7, 8), (0.33, 0.4), (100, 100), (0, 1.0)],
)
def test_nice_ceiling(value, nice):
    assert nice_ceiling(value) == pytest.approx(nice)


def test_period_label_uses_dutch_months_independent_of_locale():
    assert MONTHS_NL[2] == "mrt" and MONTHS_NL[4] == "mei" and MONTHS_NL[9] == "okt"
    assert period_label(pd.Period("2025-03", freq="M")) == "mrt 2025"
    assert period_label(pd.Timestamp("2024-10-01")) == "okt 2024"
    assert period_label(dt.date(2025, 5, 1)) == "mei 2025"
    assert period_label(dt.date(2025, 5, 17)) == "17 mei 2025"
    assert period_label(pd.Period("2025Q2", freq="Q")) == "K2 2025"
    assert period_label(pd.Period("2025", freq="Y")) == "2025"
    assert period_label(pd.Period("2025-01-05", freq="D")) == "5 jan 2025"
    assert period_label(pd.Timestamp("2025-06-17")) == "17 jun 2025"


def test_period_label_numbers_and_text():
    assert period_label(2025) == "2025"  # a year, not "2.025"
    assert period_label(3.0) == "3"
    assert period_label(2.5) == "2,5"
    assert period_label("Klant A") == "Klant A"


def test_new_figure_is_closed_in_pyplot_but_draws():
    fig, ax = new_figure((4, 3))
    assert plt.get_fignums() == []
    assert tuple(fig.get_size_inches()) == (4, 3)
    ax.plot([0, 1], [0, 1])
    fig.canvas.draw()  # still renders after being closed in pyplot
