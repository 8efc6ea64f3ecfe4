"""Sales forecasting (salesprognose): moving averages, exponential smoothing, linear trend.

Input: a list, tuple, numpy array or pandas Series of actual sales (A₁ … Aₙ), oldest first.
A list gets the period numbers 1 … n as index; a Series keeps its own index (e.g. months).

Output: single forecasts are floats; forecast series are pandas Series with the same index as
the input, where the value at period t is the forecast *for* period t made one period
earlier (F_t), and NaN where a method has too little history to forecast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salesbook.calc._checks import (
    require_finite,
    require_positive,
    require_whole_number,
    show_number,
)
from salesbook.exceptions import InvalidInputError

Values = Sequence[float] | np.ndarray | pd.Series


def _series(values: Values, name: str = "De verkoopreeks", *, allow_nan: bool = False) -> pd.Series:
    """Validate and convert to a float Series (index 1..n unless a Series was given)."""
    if isinstance(values, str | bytes) or not hasattr(values, "__len__"):
        raise InvalidInputError(f"{name} moet een lijst met getallen zijn, maar is {values!r}.")
    if len(values) == 0:
        raise InvalidInputError(f"{name} is leeg: geef minstens één waarde.")
    index = values.index if isinstance(values, pd.Series) else range(1, len(values) + 1)
    numbers = []
    for position, value in enumerate(list(values), start=1):
        if allow_nan and value is not None and isinstance(value, float) and np.isnan(value):
            numbers.append(float("nan"))
        else:
            numbers.append(require_finite(value, f"Waarde {position} van {name.lower()}"))
    return pd.Series(numbers, index=index, dtype=float)


def _window(window: int, n: int) -> int:
    size = require_whole_number(window, "De periode van het gemiddelde", minimum=1)
    if size > n:
        raise InvalidInputError(
            f"De periode van het gemiddelde ({size}) is langer dan de reeks ({n} waarden): "
            "kies een kortere periode of geef meer waarden."
        )
    return size


def _weights(weights: Sequence[float], n: int) -> np.ndarray:
    if isinstance(weights, str) or len(weights) == 0:
        raise InvalidInputError("Geef minstens één gewicht.")
    checked = [require_positive(w, f"Gewicht {i}") for i, w in enumerate(weights, start=1)]
    if len(checked) > n:
        raise InvalidInputError(
            f"Er zijn meer gewichten ({len(checked)}) dan waarden ({n}): geef evenveel of "
            "minder gewichten dan waarden."
        )
    array = np.array(checked)
    return array / array.sum()


def moving_average(values: Values, window: int) -> float:
    """Forecast for the next period: the mean of the last ``window`` values.

    Formula: ``F_{n+1} = (A_n + A_{n−1} + … + A_{n−window+1}) / window``.

    Raises:
        InvalidInputError: on an empty or non-numeric series, or a window that is not a
            whole number between 1 and the number of values.
    """
    series = _series(values)
    size = _window(window, len(series))
    return float(series.iloc[-size:].mean())


def moving_average_forecasts(values: Values, window: int) -> pd.Series:
    """Moving-average forecast for every period: ``F_t = mean(A_{t−window} … A_{t−1})``.

    Returns:
        Series with the input's index; the first ``window`` periods are NaN (no forecast
        yet). The forecast for the period after the last is :func:`moving_average`.
    """
    series = _series(values)
    size = _window(window, len(series))
    return series.rolling(size).mean().shift(1)


def weighted_moving_average(values: Values, weights: Sequence[float]) -> float:
    """Forecast for the next period as a weighted mean of the last ``len(weights)`` values.

    Formula: ``F_{n+1} = Σ wᵢ·Aᵢ / Σ wᵢ`` over the last k values, k = ``len(weights)``.
    The weights go from **oldest to newest** (so ``[1, 2, 3]`` gives the latest value the
    most weight) and must be > 0. They are normalised by their sum, so ``[1, 2, 3]`` and
    ``[1/6, 2/6, 3/6]`` (or ``[0.2, 0.3, 0.5]`` vs ``[2, 3, 5]``) give the same forecast.

    Raises:
        InvalidInputError: on an invalid series, no weights, a weight that is not > 0, or
            more weights than values.
    """
    series = _series(values)
    normalised = _weights(weights, len(series))
    return float(np.dot(series.to_numpy()[-len(normalised) :], normalised))


def weighted_moving_average_forecasts(values: Values, weights: Sequence[float]) -> pd.Series:
    """Weighted moving-average forecast for every period (weights oldest → newest).

    Returns:
        Series with the input's index; the first ``len(weights)`` periods are NaN.
    """
    series = _series(values)
    normalised = _weights(weights, len(series))
    forecasts = series.rolling(len(normalised)).apply(
        lambda w: float(np.dot(w, normalised)), raw=True
    )
    return forecasts.shift(1)


@dataclass(frozen=True)
class SmoothingResult:
    """Outcome of exponential smoothing.

    Attributes:
        forecasts: F_t for every period t of the input (same index); F₁ is the start value.
        next_forecast: F_{n+1}, the forecast for the period after the last actual.
    """

    forecasts: pd.Series
    next_forecast: float


def exponential_smoothing(
    values: Values, alpha: float, initial: float | None = None
) -> SmoothingResult:
    """Exponentiële afvlakking: ``F_{t+1} = α·A_t + (1 − α)·F_t``.

    The start value F₁ is ``initial`` when given (e.g. a forecast made earlier); by default
    it is the first actual A₁, so that F₂ = A₁. With α = 1 the forecast is the last actual
    (naive forecast); a small α smooths more.

    Args:
        values: actual sales A₁ … Aₙ, oldest first.
        alpha: smoothing constant α in (0, 1].
        initial: start forecast F₁; default A₁.

    Returns:
        :class:`SmoothingResult` with the forecasts F₁ … Fₙ and F_{n+1}.

    Raises:
        InvalidInputError: on an invalid series, α outside (0, 1] or a non-finite start.
    """
    series = _series(values)
    smoothing = require_finite(alpha, "De afvlakkingsconstante α")
    if not 0 < smoothing <= 1:
        raise InvalidInputError(
            "De afvlakkingsconstante α moet groter dan 0 en hooguit 1 zijn, maar is "
            f"{show_number(smoothing)}."
            + (" Geef een breuk, dus 0,3 in plaats van 30." if smoothing > 1 else "")
        )
    forecast = (
        float(series.iloc[0]) if initial is None else require_finite(initial, "De startwaarde")
    )
    forecasts = []
    for actual in series:
        forecasts.append(forecast)
        forecast = smoothing * float(actual) + (1 - smoothing) * forecast
    return SmoothingResult(pd.Series(forecasts, index=series.index, dtype=float), forecast)


@dataclass(frozen=True)
class TrendResult:
    """A least-squares trend line ``y = intercept + slope·x`` with x = 1 … n.

    Attributes:
        slope: b, the change per period.
        intercept: a, the line's value at x = 0.
        fitted: the line's value at x = 1 … n (index 1 … n).
        forecasts: the line's value at x = n+1 … n+periods_ahead (index the same x).
    """

    slope: float
    intercept: float
    fitted: pd.Series
    forecasts: pd.Series

    def at(self, period: float) -> float:
        """Trend value at period ``x`` (x = 1 is the first actual)."""
        return self.intercept + self.slope * require_finite(period, "De periode")


def linear_trend(values: Values, periods_ahead: int = 1) -> TrendResult:
    """Lineaire trend by least squares, with the periods numbered x = 1 … n.

    Formulas: ``b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²`` and ``a = ȳ − b·x̄``; the forecast for
    period x is ``a + b·x``. The index of a Series input is ignored: only the order counts.

    Args:
        values: at least two actuals, oldest first.
        periods_ahead: how many future periods to forecast (whole number >= 1).

    Raises:
        InvalidInputError: on fewer than two values or an invalid ``periods_ahead``.
    """
    series = _series(values)
    n = len(series)
    if n < 2:
        raise InvalidInputError("Voor een trendlijn zijn minstens twee waarden nodig.")
    ahead = require_whole_number(periods_ahead, "Het aantal perioden vooruit", minimum=1)
    x = np.arange(1, n + 1, dtype=float)
    y = series.to_numpy()
    x_mean, y_mean = x.mean(), y.mean()
    slope = float(np.sum((x - x_mean) * (y - y_mean)) / np.sum((x - x_mean) ** 2))
    intercept = float(y_mean - slope * x_mean)
    future = np.arange(n + 1, n + ahead + 1)
    return TrendResult(
        slope,
        intercept,
        pd.Series(intercept + slope * x, index=pd.RangeIndex(1, n + 1), dtype=float),
        pd.Series(intercept + slope * future, index=future, dtype=float),
    )


def _pairs(actuals: Values, forecasts: Values) -> tuple[np.ndarray, np.ndarray]:
    actual = _series(actuals, "De werkelijke waarden").to_numpy()
    forecast = _series(forecasts, "De voorspellingen", allow_nan=True).to_numpy()
    if len(actual) != len(forecast):
        raise InvalidInputError(
            f"Er zijn {len(actual)} werkelijke waarden maar {len(forecast)} voorspellingen: "
            "geef er evenveel."
        )
    keep = ~np.isnan(forecast)
    if not keep.any():
        raise InvalidInputError("Er is geen enkele periode met een voorspelling om te vergelijken.")
    return actual[keep], forecast[keep]


def mad(actuals: Values, forecasts: Values) -> float:
    """Mean absolute deviation: ``MAD = Σ|A_t − F_t| / aantal perioden``, in sales units.

    Periods whose forecast is NaN (no forecast yet) are skipped; actuals and forecasts are
    matched by position.
    """
    actual, forecast = _pairs(actuals, forecasts)
    return float(np.mean(np.abs(actual - forecast)))


def mape(actuals: Values, forecasts: Values) -> float:
    """Mean absolute percentage error as a fraction: ``Σ(|A_t − F_t| / |A_t|) / aantal``.

    Periods without a forecast (NaN) are skipped.

    Raises:
        InvalidInputError: when an actual used in the comparison is 0 (division by zero).
    """
    actual, forecast = _pairs(actuals, forecasts)
    if np.any(actual == 0):
        raise InvalidInputError(
            "De MAPE kan niet worden berekend als een werkelijke waarde 0 is (delen door 0); "
            "gebruik dan de MAD."
        )
    return float(np.mean(np.abs(actual - forecast) / np.abs(actual)))
