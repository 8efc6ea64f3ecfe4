"""Forecast versus actual: actual sales, the forecasts made for those periods, and the future."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from salesbook.calc.forecast import mad, mape
from salesbook.charts._inputs import numeric_series, require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_WIDE,
    money_formatter,
    new_figure,
    number_formatter,
    period_label,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.notation import format_money, format_number, format_percentage

#: At most this many period labels on the horizontal axis; longer series show every k-th one.
MAX_TICK_LABELS = 13

SeriesLike = pd.Series | Sequence[float]


def _as_series(values: SeriesLike | None, name: str, *, allow_missing: bool) -> pd.Series:
    """A Series keeps its index; a list gets periods 1 … n, as in :mod:`salesbook.calc.forecast`."""
    if values is not None and not isinstance(values, pd.Series | str | bytes):
        items = list(values) if hasattr(values, "__iter__") else values
        if isinstance(items, list):
            values = pd.Series(items, index=range(1, len(items) + 1), dtype=object)
    return numeric_series(values, name, allow_missing=allow_missing)


def _is_numeric_index(labels: Sequence[Hashable]) -> bool:
    return all(
        isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)
        for v in labels
    )


def forecast_chart(
    actual: SeriesLike,
    forecast: SeriesLike,
    future: SeriesLike | None = None,
    *,
    title: str = "Prognose en werkelijke verkoop",
    value_label: str = "Afzet",
    money: bool = False,
) -> Figure:
    """Line chart of actual values, the forecasts for the same periods and future forecasts.

    Periods are matched by index label (months, quarters, period numbers). Numeric labels are
    plotted at their value; other labels (``pd.Period``, dates, text) are plotted one step
    apart in the order actual → forecast → future and shown in Dutch (``"jan 2025"``). Where
    actual and forecast overlap, the box in the corner shows ``MAD = Σ|A − F| / n`` and
    ``MAPE = Σ(|A − F| / A) / n`` from :mod:`salesbook.calc.forecast` (MAPE only when no
    actual value is 0).

    Args:
        actual: actual sales per period (no gaps).
        forecast: the forecast *for* each period (NaN where there is no forecast yet, as in the
            output of :func:`salesbook.calc.forecast.moving_average_forecasts`).
        future: optional forecasts for periods after the last actual period.
        title: chart title.
        value_label: what the values are (``"Afzet"``, ``"Omzet"``): vertical axis label.
        money: show the vertical axis in euros (``€ 1.250``) instead of plain numbers.

    Returns:
        The figure; its axes holds the lines ``"Werkelijk"``, ``"Prognose"`` and (if given)
        ``"Prognose toekomst"``, in that order.

    Raises:
        InvalidInputError: an empty series, a value that is not a number, a missing actual
            value, or a period listed twice.
    """
    require_text(title, "De titel")
    require_text(value_label, "Het label van de waarden")
    a = _as_series(actual, "de werkelijke waarden", allow_missing=False)
    f = _as_series(forecast, "de prognose", allow_missing=True)
    parts = [("Werkelijk", a), ("Prognose", f)]
    if future is not None:
        parts.append(
            (
                "Prognose toekomst",
                _as_series(future, "de toekomstige prognose", allow_missing=False),
            )
        )
    labels = list(dict.fromkeys(label for _, s in parts for label in s.index))
    numeric = _is_numeric_index(labels)
    if numeric:
        labels = sorted(labels)
    position = {label: (float(label) if numeric else float(i)) for i, label in enumerate(labels)}

    fig, ax = new_figure(FIGSIZE_WIDE)
    style_axes(ax, grid_axis="both")
    styles = {
        "Werkelijk": {"color": COLORS["primary"], "linestyle": "-", "marker": "o"},
        "Prognose": {"color": COLORS["secondary"], "linestyle": "--", "marker": "s"},
        "Prognose toekomst": {"color": COLORS["accent"], "linestyle": ":", "marker": "^"},
    }
    for name, series in parts:
        shown = series.dropna()
        ax.plot(
            [position[label] for label in shown.index],
            shown.to_numpy(dtype=float),
            linewidth=2.2,
            markersize=5,
            label=name,
            **styles[name],
        )
    if future is not None:
        first_future = min(position[label] for label in parts[2][1].index)
        last_actual = max(position[label] for label in a.index)
        if first_future > last_actual:
            ax.axvspan(
                (first_future + last_actual) / 2, max(position.values()) + 0.5,
                color=COLORS["neutral"], alpha=0.12, linewidth=0, zorder=0,
            )  # fmt: skip

    if not numeric:
        step = max(1, -(-len(labels) // MAX_TICK_LABELS))
        shown_labels = labels[::step]
        ax.set_xticks([position[v] for v in shown_labels], [period_label(v) for v in shown_labels])
        if any(len(period_label(v)) > 4 for v in shown_labels):
            ax.tick_params(axis="x", labelrotation=45)
            for tick in ax.get_xticklabels():
                tick.set_horizontalalignment("right")
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=MAX_TICK_LABELS))
        ax.xaxis.set_major_formatter(number_formatter())
    ax.yaxis.set_major_formatter(money_formatter() if money else number_formatter())
    values = pd.concat([s for _, s in parts]).dropna()
    if (values >= 0).all():
        ax.set_ylim(bottom=0, top=values.max() * 1.1 if values.max() > 0 else 1)

    common = a.index.intersection(f.dropna().index)
    if len(common):
        deviation = mad(a[common].tolist(), f[common].tolist())
        lines = [f"MAD: {format_money(deviation) if money else format_number(deviation, 1)}"]
        if (a[common] != 0).all():
            lines.append(f"MAPE: {format_percentage(mape(a[common].tolist(), f[common].tolist()))}")
        ax.text(
            0.98, 0.04, "\n".join(lines), transform=ax.transAxes, ha="right", va="bottom",
            fontsize=ANNOTATION_SIZE + 1, color=COLORS["text"],
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": COLORS["grid"]},
        )  # fmt: skip
    set_labels(ax, "Periode", value_label)
    set_title(ax, title)
    ax.legend(loc="upper left", frameon=False, fontsize=ANNOTATION_SIZE + 1)
    return fig
