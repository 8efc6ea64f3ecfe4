"""Forecasting: worked examples, Dutch errors, properties."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.calc.forecast import (
    exponential_smoothing,
    linear_trend,
    mad,
    mape,
    moving_average,
    moving_average_forecasts,
    weighted_moving_average,
    weighted_moving_average_forecasts,
)
from salesbook.exceptions import InvalidInputError

SALES = [100, 120, 110, 130, 140]


def test_moving_average_next_period():
    # (110 + 130 + 140) / 3 = 380 / 3 = 126,67
    assert moving_average(SALES, 3) == pytest.approx(380 / 3)


def test_moving_average_forecast_series():
    # F4 = (100 + 120 + 110) / 3 = 110; F5 = (120 + 110 + 130) / 3 = 120
    forecasts = moving_average_forecasts(SALES, 3)
    assert list(forecasts.index) == [1, 2, 3, 4, 5]
    assert forecasts.iloc[:3].isna().all()
    assert list(forecasts.iloc[3:]) == pytest.approx([110, 120])


def test_moving_average_keeps_a_series_index():
    months = pd.Series([10.0, 20.0, 30.0], index=["jan", "feb", "mrt"])
    forecasts = moving_average_forecasts(months, 2)
    # F_mrt = (10 + 20) / 2 = 15
    assert list(forecasts.index) == ["jan", "feb", "mrt"]
    assert forecasts["mrt"] == pytest.approx(15)


def test_weighted_moving_average_weights_oldest_to_newest():
    # (1·110 + 2·130 + 3·140) / 6 = 790 / 6 = 131,67
    assert weighted_moving_average(SALES, [1, 2, 3]) == pytest.approx(790 / 6)
    # normalised: [0.5, 1, 1.5] gives the same forecast
    assert weighted_moving_average(SALES, [0.5, 1, 1.5]) == pytest.approx(790 / 6)


def test_weighted_moving_average_forecast_series():
    # F4 = (100 + 240 + 330) / 6 = 670 / 6; F5 = (120 + 220 + 390) / 6 = 730 / 6
    forecasts = weighted_moving_average_forecasts(SALES, [1, 2, 3])
    assert forecasts.iloc[:3].isna().all()
    assert list(forecasts.iloc[3:]) == pytest.approx([670 / 6, 730 / 6])


def test_exponential_smoothing_starts_with_first_actual():
    # α = 0,3: F1 = 100; F2 = 0,3·100 + 0,7·100 = 100; F3 = 0,3·120 + 0,7·100 = 106
    # F4 = 0,3·110 + 0,7·106 = 33 + 74,2 = 107,2
    result = exponential_smoothing([100, 120, 110], 0.3)
    assert list(result.forecasts) == pytest.approx([100, 100, 106])
    assert result.next_forecast == pytest.approx(107.2)


def test_exponential_smoothing_with_given_start_value():
    # F1 = 90; F2 = 30 + 63 = 93; F3 = 36 + 65,1 = 101,1; F4 = 33 + 70,77 = 103,77
    result = exponential_smoothing([100, 120, 110], 0.3, initial=90)
    assert list(result.forecasts) == pytest.approx([90, 93, 101.1])
    assert result.next_forecast == pytest.approx(103.77)


def test_linear_trend_worked_example():
    # x̄ = 2,5; ȳ = 13,5; Σ(x−x̄)(y−ȳ) = 5,25 + 0,75 + 0,75 + 5,25 = 12; Σ(x−x̄)² = 5
    # b = 12 / 5 = 2,4; a = 13,5 − 2,4 · 2,5 = 7,5; F5 = 7,5 + 12 = 19,5; F6 = 21,9
    trend = linear_trend([10, 12, 15, 17], periods_ahead=2)
    assert trend.slope == pytest.approx(2.4)
    assert trend.intercept == pytest.approx(7.5)
    assert list(trend.forecasts.index) == [5, 6]
    assert list(trend.forecasts) == pytest.approx([19.5, 21.9])
    assert list(trend.fitted) == pytest.approx([9.9, 12.3, 14.7, 17.1])
    assert trend.at(10) == pytest.approx(31.5)


def test_error_measures_skip_periods_without_forecast():
    # |120 − 100| = 20, |110 − 106| = 4 → MAD = 12
    # MAPE = (20/120 + 4/110) / 2 = (0,16667 + 0,03636) / 2 = 0,10152
    forecasts = [float("nan"), 100, 106]
    assert mad([100, 120, 110], forecasts) == pytest.approx(12)
    assert mape([100, 120, 110], forecasts) == pytest.approx((20 / 120 + 4 / 110) / 2)


def test_accepts_numpy_arrays():
    assert moving_average(np.array([1.0, 2.0, 3.0]), 2) == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: moving_average([], 1), "De verkoopreeks is leeg"),
        (lambda: moving_average("100 120", 1), "De verkoopreeks moet een lijst met getallen"),
        (lambda: moving_average([1, "x"], 1), "Waarde 2 van de verkoopreeks moet een getal"),
        (lambda: moving_average([1, float("nan")], 1), "Waarde 2 van de verkoopreeks moet een"),
        (lambda: moving_average([1, 2], 3), "De periode van het gemiddelde (3) is langer"),
        (lambda: moving_average([1, 2], 0), "De periode van het gemiddelde moet minstens 1"),
        (lambda: moving_average([1, 2], 1.5), "De periode van het gemiddelde moet een geheel"),
        (lambda: moving_average_forecasts([1, 2], 3), "is langer dan de reeks (2 waarden)"),
        (lambda: weighted_moving_average([1, 2], []), "Geef minstens één gewicht"),
        (lambda: weighted_moving_average([1, 2], [1, 0]), "Gewicht 2 moet groter dan 0"),
        (lambda: weighted_moving_average([1, 2], [1, 1, 1]), "meer gewichten (3) dan waarden (2)"),
        (lambda: exponential_smoothing([1, 2], 0), "moet groter dan 0 en hooguit 1"),
        (lambda: exponential_smoothing([1, 2], 30), "0,3 in plaats van 30"),
        (lambda: exponential_smoothing([1, 2], -0.1), "hooguit 1 zijn, maar is -0,1."),
        (lambda: exponential_smoothing([1, 2], 0.5, initial=math.inf), "De startwaarde moet"),
        (lambda: linear_trend([5]), "minstens twee waarden"),
        (lambda: linear_trend([5, 6], periods_ahead=0), "Het aantal perioden vooruit moet"),
        (lambda: mad([1, 2], [1]), "2 werkelijke waarden maar 1 voorspellingen"),
        (lambda: mad([1, 2], [math.nan, math.nan]), "geen enkele periode met een voorspelling"),
        (lambda: mad([1, math.nan], [1, 2]), "Waarde 2 van de werkelijke waarden"),
        (lambda: mape([0, 2], [1, 2]), "werkelijke waarde 0 is"),
    ],
)
def test_invalid_input_gives_dutch_error(call, fragment):
    with pytest.raises(InvalidInputError, match=re.escape(fragment)):
        call()


sales = st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=30)


@given(values=sales)
def test_alpha_one_is_the_naive_forecast(values):
    result = exponential_smoothing(values, 1.0)
    assert result.next_forecast == values[-1]
    assert list(result.forecasts.iloc[1:]) == values[:-1]


@given(
    value=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    n=st.integers(min_value=1, max_value=20),
    data=st.data(),
)
def test_averages_of_a_constant_series_are_that_constant(value, n, data):
    window = data.draw(st.integers(min_value=1, max_value=n))
    weights = data.draw(st.lists(st.floats(min_value=0.01, max_value=100), min_size=1, max_size=n))
    values = [value] * n
    assert moving_average(values, window) == pytest.approx(value, abs=1e-9)
    assert weighted_moving_average(values, weights) == pytest.approx(value, abs=1e-6)
    assert exponential_smoothing(values, 0.4).next_forecast == pytest.approx(value, abs=1e-6)
    forecasts = moving_average_forecasts(values, window).dropna()
    assert all(f == pytest.approx(value, abs=1e-6) for f in forecasts)


@given(
    intercept=st.floats(min_value=-1e4, max_value=1e4),
    slope=st.floats(min_value=-1e3, max_value=1e3),
    n=st.integers(min_value=2, max_value=25),
)
def test_linear_trend_recovers_a_perfect_line(intercept, slope, n):
    values = [intercept + slope * x for x in range(1, n + 1)]
    trend = linear_trend(values, periods_ahead=3)
    assert trend.slope == pytest.approx(slope, abs=1e-6)
    assert trend.intercept == pytest.approx(intercept, abs=1e-6)
    expected = [intercept + slope * x for x in range(n + 1, n + 4)]
    assert list(trend.forecasts) == pytest.approx(expected, abs=1e-5)


@given(values=sales)
def test_perfect_forecasts_have_zero_error(values):
    assert mad(values, values) == 0
