"""Helpers to read back what a chart shows: plotted data and the texts on it."""

from __future__ import annotations

import io

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D


def drawn(fig: Figure) -> Figure:
    """Draw the canvas so tick labels hold their final text."""
    fig.canvas.draw()
    return fig


def tick_texts(ax: Axes, axis: str) -> list[str]:
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [label.get_text() for label in labels if label.get_text()]


def visible_tick_texts(ax: Axes, axis: str) -> list[str]:
    """Tick labels within the current view limits."""
    axis_obj = ax.xaxis if axis == "x" else ax.yaxis
    low, high = sorted(axis_obj.get_view_interval())
    labels = axis_obj.get_ticklabels()  # updates the ticks to the current view
    return [
        label.get_text()
        for loc, label in zip(axis_obj.get_ticklocs(), labels, strict=True)
        if low - 1e-9 <= loc <= high + 1e-9 and label.get_text()
    ]


def line(ax: Axes, label: str) -> Line2D:
    found = [ln for ln in ax.get_lines() if ln.get_label() == label]
    assert len(found) == 1, f"expected one line labelled {label!r}, got {len(found)}"
    return found[0]


def all_texts(fig: Figure) -> list[str]:
    """Every text artist in the figure (titles, annotations, tick labels, legends)."""
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def legend_texts(fig: Figure) -> list[str]:
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


def png_bytes(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
