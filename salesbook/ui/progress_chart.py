"""The progress overview: horizontal bars (share of points per leerdoel) plus a Dutch table.

The chart is drawn on a plain :class:`~matplotlib.figure.Figure` (no pyplot state) and shown
as a PNG; the table follows as Markdown with a plain-text twin, so nbval can compare the
numbers (it does not compare images).
"""

from __future__ import annotations

import base64
import io
import textwrap
from typing import TYPE_CHECKING, Any

from salesbook.notation import format_percentage
from salesbook.ui.feedback import points_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from salesbook.progress import Progress


def _label(row: Progress) -> str:
    return f"{row.key} · " + textwrap.shorten(row.label, width=42, placeholder=" …")


def _annotation(row: Progress) -> str:
    answered = f"{row.answered}/{row.questions} vragen"
    if not row.max_score:
        return f"{answered} (beoordeling door je docent)"
    return f"{format_percentage(row.share, 0)} · {answered}"


def progress_figure(rows: list[Progress], title: str) -> Figure:
    """Horizontal bars: per row the share of points earned, with Dutch labels."""
    from matplotlib.figure import Figure

    from salesbook.charts.style import (
        COLORS,
        DPI,
        LABEL_SIZE,
        TICK_SIZE,
        percentage_formatter,
        set_title,
        style_axes,
    )

    height = 1.3 + 0.55 * max(1, len(rows))
    fig = Figure(figsize=(9.0, height), dpi=DPI, layout="constrained")
    fig.patch.set_facecolor("white")
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]  # first row on top
    ax.barh(positions, [1.0] * len(rows), color=COLORS["grid"], height=0.6)
    ax.barh(positions, [row.share for row in rows], color=COLORS["primary"], height=0.6)
    for position, row in zip(positions, rows, strict=True):
        ax.text(
            1.02, position, _annotation(row), va="center", fontsize=TICK_SIZE, color=COLORS["text"]
        )
    ax.set_yticks(positions, [_label(row) for row in rows], fontsize=TICK_SIZE)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(percentage_formatter(0))
    ax.set_xlabel("Deel van de punten behaald", fontsize=LABEL_SIZE, color=COLORS["text"])
    style_axes(ax, grid_axis="x")
    set_title(ax, title)
    return fig


def figure_png(fig: Figure) -> str:
    """The figure as base64 PNG text (for a display bundle)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _total(rows: list[Progress]) -> tuple[int, int, float, float]:
    return (
        sum(r.questions for r in rows),
        sum(r.answered for r in rows),
        sum(r.score for r in rows),
        sum(r.max_score for r in rows),
    )


def _cells(answered: int, questions: int, score: float, max_score: float) -> list[str]:
    share = format_percentage(score / max_score, 0) if max_score else "–"
    points = f"{points_text(score)} van {points_text(max_score)}" if max_score else "–"
    return [f"{answered} van {questions}", points, share]


def progress_markdown(rows: list[Progress], heading: str = "Leerdoel") -> str:
    """The progress table as Markdown, with a total row."""
    lines = [f"| {heading} | Beantwoord | Punten | Score |", "|---|---|---|---|"]
    for row in rows:
        label = f"{row.key}: {row.label}".replace("|", "/")
        cells = _cells(row.answered, row.questions, row.score, row.max_score)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    questions, answered, score, max_score = _total(rows)
    total = _cells(answered, questions, score, max_score)
    lines.append("| **Totaal** | " + " | ".join(total) + " |")
    return "\n".join(lines)


def progress_text(rows: list[Progress]) -> str:
    """The progress table as plain text (one line per row)."""
    lines = []
    for row in [*rows, None]:
        if row is None:
            questions, answered, score, max_score = _total(rows)
            key = "Totaal"
        else:
            key = row.key
            questions, answered, score, max_score = (
                row.questions,
                row.answered,
                row.score,
                row.max_score,
            )
        beantwoord, points, share = _cells(answered, questions, score, max_score)
        lines.append(f"{key}: {beantwoord} beantwoord, {points} punten, score {share}")
    return "\n".join(lines)


class ProgressReport:
    """What ``wb.voortgang()`` returns: shows the chart and the table when displayed.

    Attributes:
        rows: the :class:`~salesbook.progress.Progress` rows.
        title: the chart title.
    """

    def __init__(self, rows: list[Progress], title: str, heading: str = "Leerdoel") -> None:
        self.rows = rows
        self.title = title
        self.heading = heading

    def bundles(self) -> list[dict[str, Any]]:
        """Two display bundles: the chart (PNG + text) and the table (Markdown + text)."""
        chart = {
            "image/png": figure_png(progress_figure(self.rows, self.title)),
            "text/plain": f"[Grafiek: {self.title}]",
        }
        table = {
            "text/markdown": progress_markdown(self.rows, self.heading),
            "text/plain": progress_text(self.rows),
        }
        return [chart, table]

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for bundle in self.bundles():
            display(bundle, raw=True)
