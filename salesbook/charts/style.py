"""Shared look of the course charts: palette, figure factory, Dutch axis formatters.

Palette: Okabe–Ito (Okabe & Ito, *Color Universal Design*, 2008), safe for the common forms of
colour blindness; the heatmaps use ``cividis``, designed for the same purpose.

How figures are made (checked with ipykernel 7.4 and matplotlib-inline 0.2): a bare
``matplotlib.figure.Figure()`` returned as a cell's last expression shows only its text repr
(``<Figure size … with 1 Axes>``), because IPython registers the PNG formatter for figures
only once pyplot has created a figure under the inline backend. A figure from ``plt.subplots``
that stays open is shown twice (once as the cell result, once when the inline backend flushes
open figures). So :func:`new_figure` creates the figure with pyplot and closes it right away:
the returned :class:`~matplotlib.figure.Figure` is shown exactly once, as the cell result, and
nothing accumulates in pyplot's state (``plt.get_fignums()`` stays empty). Chart functions
never call ``plt.show()``.

All sizes, fonts and colours are set explicitly so a chart does not depend on the user's
``rcParams`` or on the order in which cells ran.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from salesbook.notation import format_money, format_number, format_percentage

#: Okabe–Ito colours by name.
OKABE_ITO: dict[str, str] = {
    "zwart": "#000000",
    "oranje": "#E69F00",
    "hemelsblauw": "#56B4E9",
    "blauwgroen": "#009E73",
    "geel": "#F0E442",
    "blauw": "#0072B2",
    "vermiljoen": "#D55E00",
    "roodpaars": "#CC79A7",
    "grijs": "#999999",
}

#: Colour per role, so every chart uses the same colour for the same meaning.
COLORS: dict[str, str] = {
    "primary": OKABE_ITO["blauw"],
    "secondary": OKABE_ITO["oranje"],
    "accent": OKABE_ITO["vermiljoen"],
    "good": OKABE_ITO["blauwgroen"],
    "bad": OKABE_ITO["vermiljoen"],
    "neutral": OKABE_ITO["grijs"],
    "light": OKABE_ITO["hemelsblauw"],
    "expected": OKABE_ITO["roodpaars"],
    "text": "#222222",
    "grid": "#DDDDDD",
}

#: Sequential colour map for heatmaps (perceptually uniform and colour-blind safe).
HEATMAP_CMAP = "cividis"

DPI = 100
FIGSIZE_WIDE = (9.0, 5.5)
FIGSIZE_SQUARE = (8.0, 7.0)
TITLE_SIZE = 13
LABEL_SIZE = 11
TICK_SIZE = 10
ANNOTATION_SIZE = 9

#: Dutch month abbreviations (independent of the system locale).
MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def new_figure(
    figsize: tuple[float, float] = FIGSIZE_WIDE, nrows: int = 1, ncols: int = 1
) -> tuple[Figure, Axes]:
    """Create a figure with one axes, already closed in pyplot (see the module docstring).

    Args:
        figsize: width and height in inches.
        nrows: rows of axes (only 1×1 is returned as a single Axes).
        ncols: columns of axes.

    Returns:
        The figure and its axes.
    """
    fig, ax = plt.subplots(nrows, ncols, figsize=figsize, dpi=DPI, layout="constrained")
    plt.close(fig)
    fig.patch.set_facecolor("white")
    return fig, ax


def style_axes(ax: Axes, *, grid_axis: str | None = "y") -> None:
    """Give an axes the course look: light grid, no top/right frame, explicit font sizes.

    Args:
        ax: the axes to style.
        grid_axis: ``"x"``, ``"y"``, ``"both"`` or ``None`` (no grid).
    """
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=TICK_SIZE, colors=COLORS["text"])
    if grid_axis is not None:
        ax.grid(True, axis=grid_axis, color=COLORS["grid"], linewidth=0.8)
        ax.set_axisbelow(True)


def set_title(ax: Axes, title: str) -> None:
    """Set a Dutch chart title in the course style."""
    ax.set_title(title, fontsize=TITLE_SIZE, fontweight="bold", color=COLORS["text"], pad=12)


def set_labels(ax: Axes, xlabel: str, ylabel: str) -> None:
    """Set Dutch axis labels in the course style."""
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE, color=COLORS["text"])
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE, color=COLORS["text"])


def money_formatter(decimals: int = 0) -> FuncFormatter:
    """Tick formatter for euro amounts: ``1250`` → ``"€ 1.250"``."""
    return FuncFormatter(lambda value, _pos: format_money(value, decimals))


def number_formatter(decimals: int = 0) -> FuncFormatter:
    """Tick formatter for plain numbers: ``1250`` → ``"1.250"``."""
    return FuncFormatter(lambda value, _pos: format_number(value, decimals))


def percentage_formatter(decimals: int = 0) -> FuncFormatter:
    """Tick formatter for fractions shown as percentages: ``0.8`` → ``"80%"``."""
    return FuncFormatter(lambda value, _pos: format_percentage(value, decimals))


def nice_ceiling(value: float) -> float:
    """Round ``value`` up to a round number (1; 1,2; 1,5; 2; 2,5; 3; 4; 5; 6; 8 × 10ⁿ).

    Used for axis limits that students can read easily. Values <= 0 give 1.
    """
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power * (1 + 1e-12):
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def period_label(value: Hashable) -> str:
    """A readable Dutch label for an index value: months become ``"jan 2025"``.

    Monthly ``pd.Period`` values and dates on the first of a month give a Dutch month
    abbreviation and the year (``"jan 2025"``); other dates and daily or weekly periods also
    the day (``"5 jan 2025"``); quarterly periods give ``"K1 2025"``, yearly periods the
    year. Whole numbers are shown without separators (so a year stays ``"2025"``), other
    floats with a decimal comma; everything else with ``str``.
    """
    if isinstance(value, pd.Period):
        code = value.freqstr.upper()
        if code.startswith(("Y", "A")):
            return str(value.year)
        if code.startswith("Q"):
            return f"K{value.quarter} {value.year}"
        if code.startswith("M"):
            return f"{MONTHS_NL[value.month - 1]} {value.year}"
        return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"
    if isinstance(value, pd.Timestamp) or (hasattr(value, "month") and hasattr(value, "year")):
        stamp = pd.Timestamp(value)
        month = f"{MONTHS_NL[stamp.month - 1]} {stamp.year}"
        return month if stamp == stamp.normalize() and stamp.day == 1 else f"{stamp.day} {month}"
    if isinstance(value, float) and math.isfinite(value):
        if value.is_integer():
            return str(int(value))
        return format_number(value, 2).rstrip("0").rstrip(",")
    return str(value)
