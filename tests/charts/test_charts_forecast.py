"""Tests for salesbook.charts.forecast: actual, forecast and future lines, MAD/MAPE, labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from charts_helpers import all_texts, drawn, legend_texts, line, visible_tick_texts

from salesbook.charts.forecast import forecast_chart
from salesbook.exceptions import InvalidInputError

ACTUAL = [100, 110, 120, 130]
# 2-period moving average: F3 = (100 + 110) / 2 = 105, F4 = (110 + 120) / 2 = 115.
FORECAST = [None, None, 105, 115]


def test_lines_follow_the_periods():
    future = pd.Series([140.0, 150.0], index=[5, 6])
    fig = forecast_chart(ACTUAL, FORECAST, future)
    ax = fig.axes[0]
    actual = line(ax, "Werkelijk")
    assert list(actual.get_xdata()) == [1, 2, 3, 4]
    assert list(actual.get_ydata()) == [100, 110, 120, 130]
    forecast = line(ax, "Prognose")
    assert list(forecast.get_xdata()) == [3, 4]  # no forecast for periods 1 and 2
    assert list(forecast.get_ydata()) == [105, 115]
    ahead = line(ax, "Prognose toekomst")
    assert list(ahead.get_xdata()) == [5, 6] and list(ahead.get_ydata()) == [140, 150]
    assert legend_texts(fig) == ["Werkelijk", "Prognose", "Prognose toekomst"]


def test_mad_and_mape_box():
    # MAD = (15 + 15) / 2 = 15; MAPE = (15/120 + 15/130) / 2 = 0,1202 → 12,0%
    texts = all_texts(forecast_chart(ACTUAL, FORECAST))
    assert "MAD: 15,0\nMAPE: 12,0%" in texts


def test_mape_left_out_when_an_actual_is_zero():
    texts = all_texts(forecast_chart([10, 0, 20], [None, 5, 10]))
    assert "MAD: 7,5" in texts  # (5 + 10) / 2; period 2 has actual 0, so no MAPE


def test_months_get_dutch_labels_and_money_axis():
    months = pd.period_range("2025-01", periods=6, freq="M")
    actual = pd.Series([1000, 1250, 1100, 1300, 1400, 1350], index=months, dtype=float)
    forecast = pd.Series([np.nan, 1000, 1125, 1175, 1200, 1350], index=months)
    fig = drawn(forecast_chart(actual, forecast, title="Omzet 2025", money=True))
    ax = fig.axes[0]
    assert visible_tick_texts(ax, "x") == ["jan 2025", "feb 2025", "mrt 2025", "apr 2025",
                                           "mei 2025", "jun 2025"]  # fmt: skip
    yticks = visible_tick_texts(ax, "y")
    assert "€ 1.000" in yticks and all(t.startswith("€ ") for t in yticks)
    assert list(line(ax, "Werkelijk").get_xdata()) == [0, 1, 2, 3, 4, 5]
    assert ax.get_title() == "Omzet 2025"
    # MAD = (250 + 25 + 125 + 200 + 0) / 5 = 120
    assert any(t.startswith("MAD: € 120,00") for t in all_texts(fig))


def test_long_series_show_every_other_label():
    months = pd.period_range("2024-01", periods=24, freq="M")
    actual = pd.Series(range(1, 25), index=months, dtype=float)
    fig = drawn(forecast_chart(actual, actual.shift(1)))
    labels = visible_tick_texts(fig.axes[0], "x")
    assert labels[:3] == ["jan 2024", "mrt 2024", "mei 2024"]
    assert len(labels) <= 13


def test_missing_forecasts_may_be_none_nan_or_pd_na():
    for gap in (None, np.nan, pd.NA):
        forecast = pd.Series([gap, 10.0, 11.0], dtype=object)
        fig = forecast_chart(pd.Series([9.0, 12.0, 11.0]), forecast)
        assert list(line(fig.axes[0], "Prognose").get_ydata()) == [10.0, 11.0]


def test_numeric_periods_get_whole_number_ticks():
    fig = drawn(forecast_chart(ACTUAL, FORECAST))
    assert set(visible_tick_texts(fig.axes[0], "x")) <= {"1", "2", "3", "4"}


@pytest.mark.parametrize(
    ("actual", "forecast", "fragment"),
    [
        ([], [1.0], "leeg"),
        ([1.0, None], [1.0, 2.0], "getal"),
        ([1.0, "veel"], [1.0, 2.0], "getal"),
        ([1.0, 2.0], [None, None], "ontbreken"),
        (pd.Series([1.0, 2.0], index=[1, 1]), [1.0, 2.0], "meer dan één keer"),
    ],
)
def test_invalid_input_raises_dutch_error(actual, forecast, fragment):
    # A forecast without a single value is refused too: it is almost always a window as long
    # as the series, and the message says that all values are missing.
    with pytest.raises(InvalidInputError, match=fragment):
        forecast_chart(actual, forecast)
