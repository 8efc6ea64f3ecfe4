"""Forecast next quarter's revenue from the monthly revenue history (``maandomzet``).

Revenue is seasonal (the first quarter is always weak), so by default the methods look at
the *same quarter* in earlier years: to forecast Q1 2025 they use Q1 2015 … Q1 2024. With
``same_quarter=False`` they use the plain series of all quarters. The formulas are those of
:mod:`salesbook.calc.forecast`.
"""

from __future__ import annotations

import pandas as pd

from salesbook.calc import exponential_smoothing, linear_trend, mad, mape, moving_average
from salesbook.calc import moving_average_forecasts as ma_forecasts
from salesbook.data.analyses._prepare import require_columns
from salesbook.exceptions import DataError
from salesbook.notation import format_table_number


def quarterly_revenue(maandomzet: pd.DataFrame) -> pd.Series:
    """Revenue per quarter (index ``pd.Period``, name ``kwartaal``), complete quarters only."""
    require_columns(maandomzet, ["maand", "omzet"], "maandomzet")
    months = maandomzet.set_index(maandomzet["maand"].dt.to_period("M"))["omzet"]
    quarter = months.index.asfreq("Q")
    complete = months.groupby(quarter).transform("size") == 3
    revenue = months[complete].groupby(quarter[complete]).sum()
    revenue.index.name = "kwartaal"
    return revenue.rename("omzet")


def forecast_next_quarter(
    maandomzet: pd.DataFrame,
    window: int = 3,
    alpha: float = 0.3,
    same_quarter: bool = True,
) -> pd.DataFrame:
    """Forecast the revenue of the quarter after the data with three course methods.

    Methods: moving average of the last ``window`` values
    (:func:`~salesbook.calc.moving_average`), exponential smoothing with ``alpha``
    (:func:`~salesbook.calc.exponential_smoothing`) and a linear trend
    (:func:`~salesbook.calc.linear_trend`). ``MAD`` and ``MAPE`` measure how far each method's
    earlier forecasts were off (:func:`~salesbook.calc.mad`, :func:`~salesbook.calc.mape`);
    for the trend the fitted line is compared with the actuals.

    Returns:
        Indexed by ``methode``: ``kwartaal`` (the forecast quarter), ``prognose`` (euros),
        ``mad`` (euros) and ``mape`` (fraction). ``attrs["reeks"]`` holds the series used.
    """
    quarters = quarterly_revenue(maandomzet)
    if quarters.empty:
        raise DataError("De maandomzet bevat geen enkel volledig kwartaal.")
    target = quarters.index[-1] + 1
    series = quarters[quarters.index.quarter == target.quarter] if same_quarter else quarters
    if len(series) <= window:
        raise DataError(
            f"Voor een voortschrijdend gemiddelde over {window} perioden zijn meer dan {window} "
            f"waarden nodig, maar er zijn er {len(series)}."
        )
    smoothing = exponential_smoothing(series, alpha)
    trend = linear_trend(series)
    rows = {
        f"voortschrijdend gemiddelde ({window})": (
            moving_average(series, window),
            ma_forecasts(series, window),
        ),
        f"exponentiële afvlakking (α = {format_table_number(alpha)})": (
            smoothing.next_forecast,
            smoothing.forecasts,
        ),
        "lineaire trend": (float(trend.forecasts.iloc[0]), trend.fitted.to_numpy()),
    }
    table = pd.DataFrame(
        [
            {
                "methode": name,
                "kwartaal": target,
                "prognose": forecast,
                "mad": mad(series, earlier),
                "mape": mape(series, earlier),
            }
            for name, (forecast, earlier) in rows.items()
        ]
    ).set_index("methode")
    table.attrs["reeks"] = series
    return table
