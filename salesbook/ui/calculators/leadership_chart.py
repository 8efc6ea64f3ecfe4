"""Quadrant diagram of situational leadership with the chosen style marked (matplotlib only).

Axes as in the course: sturend gedrag horizontal, ondersteunend gedrag vertical, each laag →
hoog. Where each style sits is asked from :func:`salesbook.calc.situational_behaviour`, so the
diagram cannot disagree with the calc: S1 Leiden bottom right (hoog sturend, laag
ondersteunend), S2 Begeleiden top right, S3 Steunen top left, S4 Delegeren bottom left.

Candidate for :mod:`salesbook.charts` (it follows the course chart conventions: a closed
Figure from :func:`salesbook.charts.style.new_figure`, Dutch labels, no ``plt.show()``).
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from salesbook.calc import SITUATIONAL_NAMINGS, situational_behaviour, situational_style
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    new_figure,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.ui.calculators.leadership_logic import HERSEY_BLANCHARD_DUTCH

FIGSIZE = (6.4, 5.6)
_SIDE = {"laag": 0.0, "hoog": 1.0}


def quadrant_origin(style: str) -> tuple[float, float]:
    """Lower-left corner of a style's quadrant in the unit square (from calc's behaviour)."""
    behaviour = situational_behaviour(style)
    return _SIDE[behaviour.directive], _SIDE[behaviour.supportive]


def leadership_quadrants(level: str) -> Figure:
    """Four quadrants S1–S4 with both namings; the style for ``level`` (O1–O4) is marked.

    Returns:
        The figure. Its axes holds four rectangles (gid ``"stijl:<naam>"``, in the order
        S1–S4) and one marker line labelled ``"Gekozen stijl"`` at the chosen quadrant's
        centre.
    """
    chosen = situational_style(level)
    fig, ax = new_figure(FIGSIZE)
    style_axes(ax, grid_axis=None)
    for number, name in enumerate(SITUATIONAL_NAMINGS["seed"], start=1):
        english = SITUATIONAL_NAMINGS["hersey_blanchard"][number - 1]
        x, y = quadrant_origin(name)
        active = name == chosen
        ax.add_patch(
            Rectangle(
                (x, y), 1, 1, gid=f"stijl:{name}",
                facecolor=COLORS["primary"] if active else "white",
                alpha=0.25 if active else 1.0,
                edgecolor=COLORS["text"], linewidth=2.5 if active else 1,
            )
        )  # fmt: skip
        ax.text(
            x + 0.5, y + 0.62, f"S{number} {name}", ha="center", va="center",
            fontsize=ANNOTATION_SIZE + 4, fontweight="bold" if active else "normal",
            color=COLORS["text"],
        )  # fmt: skip
        ax.text(
            x + 0.5, y + 0.42, f"{english} ({HERSEY_BLANCHARD_DUTCH[english]})",
            ha="center", va="center", fontsize=ANNOTATION_SIZE + 1, color=COLORS["text"],
        )  # fmt: skip
    x, y = quadrant_origin(chosen)
    ax.plot(
        [x + 0.5], [y + 0.22], linestyle="none", marker="v", markersize=14,
        color=COLORS["accent"], label="Gekozen stijl",
    )  # fmt: skip
    ax.text(
        x + 0.5, y + 0.1, f"bij {level.upper()}", ha="center", va="center",
        fontsize=ANNOTATION_SIZE + 1, color=COLORS["text"],
    )  # fmt: skip
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5], ["laag", "hoog"])
    ax.set_yticks([0.5, 1.5], ["laag", "hoog"])
    ax.set_aspect("equal")
    set_labels(ax, "Sturend gedrag", "Ondersteunend gedrag")
    set_title(ax, f"Situationeel leiderschap: {chosen}")
    return fig
