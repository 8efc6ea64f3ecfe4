"""Portfolio matrices with labelled quadrants: Kraljic, klantwaardematrix and BCG.

Which quadrant gets which name is not decided here: every quadrant name is asked from the
classifier in :mod:`salesbook.calc.matrices` at a point inside that quadrant, so the chart and
the calculators (and the quiz answers built on them) cannot disagree.

Axes (horizontal, vertical):

* ``"kraljic"``: leveringsrisico, financiële impact; scores in [0, 1].
* ``"klantwaarde"`` (course version): huidige klantwaarde, potentiële klantwaarde; [0, 1].
* ``"wederzijdse_waarde"``: waarde van ons voor de klant, waarde van de klant voor ons; [0, 1].
* ``"bcg"`` (groeiaandeelmatrix): relatief marktaandeel on a log scale, with a **high share on
  the left** as in the original BCG matrix (so Sterren sit top left and Honden bottom right);
  marktgroei as a fraction (0,12 = 12%) on the vertical axis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from salesbook.calc import matrices as calc
from salesbook.charts._inputs import numeric_series, require_columns
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_SQUARE,
    OKABE_ITO,
    new_figure,
    number_formatter,
    percentage_formatter,
    period_label,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_number

Kind = Literal["kraljic", "klantwaarde", "wederzijdse_waarde", "bcg"]

#: Light background per quadrant, in the order (low x, low y), (high x, low y), (low x, high
#: y), (high x, high y) in *data* terms.
_TINTS = (
    OKABE_ITO["grijs"],
    OKABE_ITO["hemelsblauw"],
    OKABE_ITO["oranje"],
    OKABE_ITO["blauwgroen"],
)
_BCG_SHARE_TICKS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
#: A valid (x, y) per kind, classified once to validate the thresholds before the points.
_PROBES = {"bcg": (1.0, 0.0)}


@dataclass(frozen=True)
class _Spec:
    title: str
    xlabel: str
    ylabel: str
    classify: Callable[[float, float], str]


def _specs(threshold: float, growth_threshold: float, share_threshold: float) -> dict[str, _Spec]:
    return {
        "kraljic": _Spec(
            "Kraljic-inkoopportfoliomatrix",
            "Leveringsrisico (complexiteit van de leveringsmarkt)",
            "Financiële impact (strategisch belang)",
            lambda x, y: calc.kraljic_quadrant(x, y, threshold),
        ),
        "klantwaarde": _Spec(
            "Klantwaardematrix",
            "Huidige klantwaarde",
            "Potentiële klantwaarde",
            lambda x, y: calc.customer_value_quadrant(x, y, threshold),
        ),
        "wederzijdse_waarde": _Spec(
            "Klantwaarde: voor ons en voor de klant",
            "Waarde van ons voor de klant",
            "Waarde van de klant voor ons",
            lambda x, y: calc.mutual_value_quadrant(y, x, threshold),
        ),
        "bcg": _Spec(
            "BCG-matrix (groeiaandeelmatrix)",
            "Relatief marktaandeel (log-schaal, hoog links)",
            "Marktgroei per jaar",
            lambda x, y: calc.bcg_quadrant(y, x, growth_threshold, share_threshold),
        ),
    }


def _limits(kind: str, xs: np.ndarray, ys: np.ndarray, splits: tuple[float, float]) -> tuple:
    """Axis limits ``((x_low, x_high), (y_low, y_high))`` that show every point."""
    if kind != "bcg":
        return (0.0, 1.0), (0.0, 1.0)
    share_split, growth_split = splits
    x_low = min(0.1, share_split / 5, xs.min() / 1.5)
    x_high = max(10.0, share_split * 5, xs.max() * 1.5)
    y_low = min(-0.05, growth_split - 0.15, ys.min() - 0.03)
    y_high = max(0.25, growth_split + 0.15, ys.max() + 0.03)
    return (x_low, x_high), (max(y_low, -1.0), min(y_high, 1.0))


def _share_text(value: float, _pos: int | None = None) -> str:
    """Relative market share on the BCG axis: ``0,1×``, ``1,0×``, ``10×``."""
    return format_number(value, 0 if value >= 10 else 1) + "×"


def _axes_to_data(ax: Axes, fx: float, fy: float) -> tuple[float, float]:
    """Data coordinates of a point given as a fraction of the axes (0–1, 0–1)."""
    x, y = ax.transData.inverted().transform(ax.transAxes.transform((fx, fy)))
    return float(x), float(y)


def _draw_quadrants(ax: Axes, spec: _Spec, split: tuple[float, float]) -> None:
    """Shade the four quadrants and write each quadrant's name in its outer corner."""
    to_axes = ax.transAxes.inverted()
    sx, sy = to_axes.transform(ax.transData.transform(split))
    for fx0, fx1 in ((0.0, sx), (sx, 1.0)):
        for fy0, fy1 in ((0.0, sy), (sy, 1.0)):
            middle = _axes_to_data(ax, (fx0 + fx1) / 2, (fy0 + fy1) / 2)
            name = spec.classify(*middle)
            tint = _TINTS[int(middle[0] >= split[0]) + 2 * int(middle[1] >= split[1])]
            ax.axvspan(
                *sorted(_axes_to_data(ax, f, 0)[0] for f in (fx0, fx1)),
                ymin=fy0,
                ymax=fy1,
                color=tint,
                alpha=0.12,
                linewidth=0,
                zorder=0,
            )
            left = fx0 == 0.0
            top = fy1 == 1.0
            ax.text(
                0.02 if left else 0.98,
                0.98 if top else 0.02,
                name,
                transform=ax.transAxes,
                ha="left" if left else "right",
                va="top" if top else "bottom",
                fontsize=12,
                fontweight="bold",
                color=COLORS["text"],
                gid=f"kwadrant:{name}",
            )
    ax.axvline(split[0], color=COLORS["text"], linewidth=1.2)
    ax.axhline(split[1], color=COLORS["text"], linewidth=1.2)


def portfolio_matrix(
    points: pd.DataFrame,
    kind: Kind = "kraljic",
    *,
    x: str = "x",
    y: str = "y",
    label: str = "label",
    size: str | None = None,
    threshold: float = 0.5,
    growth_threshold: float = 0.10,
    share_threshold: float = 1.0,
    title: str | None = None,
) -> Figure:
    """Portfolio matrix with four named quadrants and one labelled point per row.

    Args:
        points: one row per product, customer or business unit.
        kind: ``"kraljic"``, ``"klantwaarde"``, ``"wederzijdse_waarde"`` or ``"bcg"`` (see
            the module docstring for the axes).
        x: column with the horizontal measure (scores in [0, 1]; for BCG the relative market
            share, > 0).
        y: column with the vertical measure (scores in [0, 1]; for BCG the market growth as a
            fraction between −1 and 1).
        label: column with the names written next to the points.
        size: optional column (>= 0) that sets the marker area, e.g. revenue in a BCG matrix.
        threshold: boundary between low and high for the score matrices (equal = high).
        growth_threshold: BCG boundary for high market growth (0,10 = 10%).
        share_threshold: BCG boundary for a high relative market share (1,0 = as large as the
            largest competitor).
        title: chart title; default: the name of the matrix.

    Returns:
        The figure. Its axes holds one scatter collection (the points, in row order), the
        quadrant names as texts (gid ``"kwadrant:<naam>"``) and the point labels.

    Raises:
        InvalidInputError: unknown kind, a missing column, a value that is not a number or is
            outside the matrix's range (the message names the point), or a bad threshold.
    """
    specs = _specs(threshold, growth_threshold, share_threshold)
    if kind not in specs:
        raise InvalidInputError(
            f"Onbekend soort matrix {kind!r}: kies uit {', '.join(repr(k) for k in specs)}."
        )
    spec = specs[kind]
    columns = [x, y, label] + ([size] if size is not None else [])
    frame = require_columns(points, columns, f"de {spec.title}")
    xs = numeric_series(frame[x].reset_index(drop=True), f"kolom {x!r}").to_numpy()
    ys = numeric_series(frame[y].reset_index(drop=True), f"kolom {y!r}").to_numpy()
    names = [period_label(value) for value in frame[label]]
    spec.classify(*_PROBES.get(kind, (0.5, 0.5)))  # checks the thresholds, with calc's message
    for name, px, py in zip(names, xs, ys, strict=True):
        if kind == "bcg" and px <= 0:
            raise InvalidInputError(
                f"{name}: het relatief marktaandeel moet groter dan 0 zijn voor de log-schaal, "
                f"maar is {format_number(px, 2)}."
            )
        try:
            spec.classify(px, py)
        except InvalidInputError as error:
            raise InvalidInputError(f"{name}: {error}") from None
    split = (share_threshold, growth_threshold) if kind == "bcg" else (threshold, threshold)

    fig, ax = new_figure(FIGSIZE_SQUARE)
    style_axes(ax, grid_axis=None)
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    xlim, ylim = _limits(kind, xs, ys, split)
    if kind == "bcg":
        ax.set_xscale("log")
        ax.set_xlim(xlim[1], xlim[0])  # high share on the left
        ticks = [t for t in _BCG_SHARE_TICKS if xlim[0] <= t <= xlim[1]]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(_share_text))
        ax.yaxis.set_major_formatter(percentage_formatter())
    else:
        ax.set_xlim(*xlim)
        ax.set_xticks(np.linspace(0, 1, 5))
        ax.set_yticks(np.linspace(0, 1, 5))
        ax.xaxis.set_major_formatter(number_formatter(2))
        ax.yaxis.set_major_formatter(number_formatter(2))
    ax.set_ylim(*ylim)
    _draw_quadrants(ax, spec, split)

    areas = np.full(len(xs), 90.0)
    if size is not None:
        weights = numeric_series(frame[size].reset_index(drop=True), f"kolom {size!r}").to_numpy()
        if (weights < 0).any():
            raise InvalidInputError(f"De waarden in kolom {size!r} mogen niet negatief zijn.")
        top = weights.max()
        areas = 60 + 1200 * (weights / top if top > 0 else weights)
    ax.scatter(
        xs, ys, s=areas, color=COLORS["primary"], alpha=0.85, edgecolors="white",
        linewidths=1, zorder=3, clip_on=False,
    )  # fmt: skip
    for name, px, py, area in zip(names, xs, ys, areas, strict=True):
        offset = np.sqrt(area) / 2 + 3  # marker radius in points, plus a gap
        ax.annotate(
            name, (px, py), xytext=(offset, offset / 2), textcoords="offset points",
            fontsize=ANNOTATION_SIZE + 1, color=COLORS["text"], zorder=4,
        )  # fmt: skip
    set_labels(ax, spec.xlabel, spec.ylabel)
    set_title(ax, spec.title if title is None else title)
    return fig
