"""Charts of the exam training: exam history, flashcard reviews per day, mastery.

Each function returns a :class:`matplotlib.figure.Figure` made with the course style (see
:mod:`salesbook.charts.style`), already closed in pyplot. Labels are Dutch; percentages and
numbers use Dutch notation.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from salesbook.charts.style import (
    COLORS,
    MONTHS_NL,
    OKABE_ITO,
    TICK_SIZE,
    new_figure,
    percentage_formatter,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.notation import format_percentage

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from matplotlib.figure import Figure

    from salesbook.exam.flashcards import DayStats
    from salesbook.exam.history import AttemptRecord
    from salesbook.exam.mastery import Mastery

PASS_MARK = 0.55
RATING_COLORS = {
    "Opnieuw": OKABE_ITO["vermiljoen"],
    "Moeilijk": OKABE_ITO["oranje"],
    "Goed": OKABE_ITO["blauwgroen"],
    "Makkelijk": OKABE_ITO["blauw"],
}


def day_label(day: date) -> str:
    """``5 jan`` (Dutch month abbreviation, independent of the locale)."""
    return f"{day.day} {MONTHS_NL[day.month - 1]}"


def history_figure(attempts: list[AttemptRecord], tz: tzinfo | None = None) -> Figure:
    """Score per mock exam (share of the points), with the pass mark of 55%."""
    fig, ax = new_figure((9.0, 4.5))
    numbers = list(range(1, len(attempts) + 1))
    shares = [attempt.share for attempt in attempts]
    ax.plot(numbers, shares, marker="o", color=COLORS["primary"], linewidth=2)
    for number, attempt in zip(numbers, attempts, strict=True):
        ax.annotate(
            format_percentage(attempt.share, 0),
            (number, attempt.share),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=TICK_SIZE,
        )
    ax.axhline(PASS_MARK, color=COLORS["accent"], linestyle="--", linewidth=1.2)
    ax.text(0.6, PASS_MARK + 0.015, "voldoende (55%)", color=COLORS["accent"], fontsize=TICK_SIZE)
    labels = [
        f"{n}\n{day_label(a.handed_in_at.astimezone(tz).date())}"
        for n, a in zip(numbers, attempts, strict=True)
    ]
    ax.set_xticks(numbers, labels)
    ax.set_xlim(0.5, max(1, len(attempts)) + 0.5)
    ax.set_ylim(0, 1.08)
    ax.yaxis.set_major_formatter(percentage_formatter(0))
    set_labels(ax, "Proefexamen (nummer en datum)", "Score")
    style_axes(ax)
    set_title(ax, "Jouw proefexamens")
    return fig


def daily_figure(stats: list[DayStats]) -> Figure:
    """Flashcard reviews per day, stacked by rating (Opnieuw … Makkelijk)."""
    fig, ax = new_figure((9.0, 4.5))
    positions = list(range(len(stats)))
    bottom = [0] * len(stats)
    for name, colour in RATING_COLORS.items():
        heights = [day.counts.get(name, 0) for day in stats]
        ax.bar(positions, heights, bottom=bottom, color=colour, label=name, width=0.7)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(positions, [day_label(day.day) for day in stats])
    ax.yaxis.get_major_locator().set_params(integer=True)
    set_labels(ax, "Dag", "Aantal herhalingen")
    ax.legend(frameon=False, fontsize=TICK_SIZE, ncols=4, loc="upper left")
    ax.set_ylim(0, max([*bottom, 1]) * 1.25)
    style_axes(ax)
    set_title(ax, "Flashcards per dag")
    return fig


def mastery_figure(rows: list[tuple[str, float]], title: str) -> Figure:
    """Horizontal bars: mastery (0–1) per label, with the 80% line for "beheerst"."""
    fig, ax = new_figure((9.0, 1.4 + 0.42 * max(1, len(rows))))
    positions = list(range(len(rows)))[::-1]
    ax.barh(positions, [1.0] * len(rows), color=COLORS["grid"], height=0.6)
    ax.barh(positions, [share for _, share in rows], color=COLORS["primary"], height=0.6)
    for position, (_, share) in zip(positions, rows, strict=True):
        ax.text(1.02, position, format_percentage(share, 0), va="center", fontsize=TICK_SIZE)
    ax.axvline(0.8, color=COLORS["good"], linestyle="--", linewidth=1.2)
    labels = [textwrap.shorten(label, width=48, placeholder=" …") for label, _ in rows]
    ax.set_yticks(positions, labels, fontsize=TICK_SIZE)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(percentage_formatter(0))
    set_labels(ax, "Beheersing (stippellijn: beheerst vanaf 80%)", "")
    style_axes(ax, grid_axis="x")
    set_title(ax, title)
    return fig


def chapter_rows(rows: list[Mastery], titles: dict[int, str]) -> list[tuple[str, float]]:
    """Average mastery per chapter: ``("H2 · Meten is weten", 0.4)``."""
    found: list[tuple[str, float]] = []
    for chapter in sorted({row.chapter for row in rows}):
        scores = [row.score for row in rows if row.chapter == chapter]
        found.append((f"H{chapter} · {titles.get(chapter, '')}", sum(scores) / len(scores)))
    return found
