"""Heatmaps: RFM (recency × frequency) and cohort retention."""

from __future__ import annotations

import math

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from salesbook.charts._inputs import numeric_series, require_columns, require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_SQUARE,
    FIGSIZE_WIDE,
    HEATMAP_CMAP,
    LABEL_SIZE,
    TICK_SIZE,
    money_formatter,
    new_figure,
    number_formatter,
    percentage_formatter,
    period_label,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_money, format_number, format_percentage

SCORES = (1, 2, 3, 4, 5)
#: Shown in a cell without data (no customers, or a period not yet observed).
EMPTY_CELL = "–"
#: Dutch names for the value columns of :func:`salesbook.calc.rfm.rfm_scores` input.
_VALUE_NAMES = {"monetary": "omzet", "frequency": "aantal aankopen", "recency_days": "dagen"}


def _cmap() -> mpl.colors.Colormap:
    return mpl.colormaps[HEATMAP_CMAP].with_extremes(bad="#F2F2F2")


def _annotate(ax: Axes, grid: np.ndarray, texts: list[list[str]], norm: Normalize) -> None:
    """Write ``texts[row][col]`` in each cell, dark on light cells and white on dark ones."""
    cmap = _cmap()
    for row in range(grid.shape[0]):
        for col in range(grid.shape[1]):
            value = grid[row, col]
            if math.isnan(value):
                color = COLORS["text"]
            else:
                r, g, b, _ = cmap(norm(value))
                color = "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else "black"
            ax.text(
                col, row, texts[row][col], ha="center", va="center",
                fontsize=ANNOTATION_SIZE + 1, color=color,
            )  # fmt: skip


def _scores(column: pd.Series, name: str) -> np.ndarray:
    """RFM scores as ints 1–5; the message names the customer with a wrong score."""
    numbers = numeric_series(column, f"de {name}-scores")
    for label, value in numbers.items():
        if not float(value).is_integer() or not 1 <= value <= 5:
            raise InvalidInputError(
                f"De {name}-score van klant {label!r} moet een geheel getal van 1 tot en met 5 "
                f"zijn, maar is {format_number(value, 2)}."
            )
    return numbers.to_numpy(dtype=int)


def rfm_heatmap(
    scores: pd.DataFrame,
    value: str | None = None,
    *,
    value_label: str | None = None,
    money: bool = True,
    title: str | None = None,
) -> Figure:
    """Heatmap of customers by recency score R (horizontal) and frequency score F (vertical).

    Without ``value`` each cell shows the number of customers with that (R, F) pair; with
    ``value`` the mean of that column over those customers (e.g. ``"monetary"``: the average
    revenue). Scores are 1–5 with 5 = best, as from :func:`salesbook.calc.rfm.rfm_scores`, so
    the best customers are in the top-right cell.

    Args:
        scores: one row per customer with columns ``R`` and ``F`` (whole numbers 1–5) and,
            if given, the ``value`` column.
        value: column to average per cell; ``None`` counts customers.
        value_label: colour bar label; default ``"Aantal klanten"`` or ``"Gemiddelde
            <value>"`` (``"Gemiddelde omzet"`` for the column ``monetary``).
        money: show averages in euros (only used with ``value``).
        title: chart title.

    Returns:
        The figure. Axes 0 holds the image: a 5 × 5 array with rows F = 1 … 5 and columns
        R = 1 … 5 (NaN for an empty cell when averaging); axes 1 is the colour bar.

    Raises:
        InvalidInputError: missing columns, no customers, a score that is not 1–5, or a
            ``value`` that is not a number.
    """
    if title is not None:
        require_text(title, "De titel")
    frame = require_columns(scores, ["R", "F"] + ([value] if value else []), "de RFM-heatmap")
    r = _scores(frame["R"], "R")
    f = _scores(frame["F"], "F")
    counts = np.zeros((5, 5))
    for ri, fi in zip(r, f, strict=True):
        counts[fi - 1, ri - 1] += 1
    if value is None:
        grid = counts
        texts = [[format_number(c, 0) for c in row] for row in grid]
        label = value_label or "Aantal klanten"
        formatter = number_formatter()
    else:
        amounts = numeric_series(frame[value], f"kolom {value!r}").to_numpy()
        sums = np.zeros((5, 5))
        for ri, fi, amount in zip(r, f, amounts, strict=True):
            sums[fi - 1, ri - 1] += amount
        with np.errstate(invalid="ignore", divide="ignore"):
            grid = np.where(counts > 0, sums / np.where(counts > 0, counts, 1), np.nan)
        show = (lambda v: format_money(v, 0)) if money else (lambda v: format_number(v, 1))
        texts = [[EMPTY_CELL if math.isnan(v) else show(v) for v in row] for row in grid]
        label = value_label or f"Gemiddelde {_VALUE_NAMES.get(value, value)}"
        formatter = money_formatter() if money else number_formatter(1)
    finite = grid[~np.isnan(grid)]
    norm = Normalize(vmin=min(0.0, finite.min()), vmax=max(finite.max(), 1e-9))

    fig, ax = new_figure(FIGSIZE_SQUARE)
    style_axes(ax, grid_axis=None)
    image = ax.imshow(
        np.ma.masked_invalid(grid), cmap=_cmap(), norm=norm, origin="lower", aspect="equal"
    )
    _annotate(ax, grid, texts, norm)
    ax.set_xticks(range(5), [str(s) for s in SCORES])
    ax.set_yticks(range(5), [str(s) for s in SCORES])
    set_labels(
        ax,
        "Recency-score R (5 = kocht het kortst geleden)",
        "Frequency-score F (5 = koopt het vaakst)",
    )
    what = "aantal klanten" if value is None else label.lower()
    set_title(ax, title if title is not None else f"RFM-analyse: {what} per R- en F-score")
    ticks = MaxNLocator(integer=True) if value is None else None  # counts: no "2,5 klanten"
    bar = fig.colorbar(image, ax=ax, shrink=0.8, format=formatter, ticks=ticks)
    bar.set_label(label, fontsize=LABEL_SIZE)
    bar.ax.tick_params(labelsize=TICK_SIZE)
    return fig


def cohort_heatmap(
    table: pd.DataFrame,
    *,
    title: str = "Klantbehoud per cohort",
    period_name: str = "Periode na de eerste aankoop",
) -> Figure:
    """Cohort retention heatmap: the share of each cohort still active per period.

    Args:
        table: index = cohort (e.g. month of the first purchase; ``pd.Period`` and dates are
            shown as ``"jan 2025"``), columns = periods since the start (0, 1, 2, …), values =
            fractions in [0, 1] (1 = 100% still active); NaN where a period has not been
            observed yet (shown as an empty cell).
        title: chart title.
        period_name: horizontal axis label.

    Returns:
        The figure. Axes 0 holds the image (the table's values, first cohort on top); axes 1
        is the colour bar (0% … 100%).

    Raises:
        InvalidInputError: an empty table, a value that is not a number, or a value outside
            [0, 1] (with a hint when percentages such as 80 are given instead of 0,8).
    """
    require_text(title, "De titel")
    if not isinstance(table, pd.DataFrame) or table.empty:
        raise InvalidInputError(
            "Voor de cohortanalyse is een gevulde tabel (DataFrame) nodig: cohorten als rijen, "
            "perioden als kolommen en het aandeel actieve klanten (0 tot 1) als waarden."
        )
    grid = np.full(table.shape, np.nan)
    for col, period in enumerate(table.columns):
        column = numeric_series(
            table[period], f"periode {period_label(period)}", allow_missing=True
        )
        grid[:, col] = column.to_numpy()
    for (row, col), v in np.ndenumerate(grid):
        if not math.isnan(v) and not 0 <= v <= 1:
            hint = " Geef breuken: 0,8 in plaats van 80." if 1 < v <= 100 else ""
            raise InvalidInputError(
                f"Het klantbehoud van cohort {period_label(table.index[row])} in periode "
                f"{period_label(table.columns[col])} moet tussen 0 en 1 liggen, maar is "
                f"{format_number(v, 2)}.{hint}"
            )
    rows, cols = grid.shape
    width = min(max(FIGSIZE_WIDE[0], 1.9 + 0.75 * cols), 14.0)
    height = min(max(4.0, 1.6 + 0.5 * rows), 10.0)
    norm = Normalize(vmin=0.0, vmax=1.0)

    fig, ax = new_figure((width, height))
    style_axes(ax, grid_axis=None)
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=_cmap(), norm=norm, aspect="auto")
    texts = [["" if math.isnan(v) else format_percentage(v, 0) for v in row] for row in grid]
    _annotate(ax, grid, texts, norm)
    ax.set_xticks(range(cols), [period_label(c) for c in table.columns])
    ax.set_yticks(range(rows), [period_label(i) for i in table.index])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    set_labels(ax, period_name, "Cohort")
    set_title(ax, title)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, format=percentage_formatter())
    bar.set_label("Aandeel klanten dat nog actief is", fontsize=LABEL_SIZE)
    bar.ax.tick_params(labelsize=TICK_SIZE)
    return fig
