"""NPS distribution: how many respondents gave each score 0–10, coloured by NPS group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from salesbook.calc.nps import nps_category, nps_from_scores
from salesbook.charts._inputs import require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_WIDE,
    new_figure,
    number_formatter,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_number, format_percentage

#: Legend text and colour per NPS group, in the order of the scale (low to high).
GROUPS: dict[str, tuple[str, str]] = {
    "detractor": ("Detractors (0–6)", COLORS["bad"]),
    "passive": ("Passives (7–8)", COLORS["neutral"]),
    "promoter": ("Promoters (9–10)", COLORS["good"]),
}


def nps_text(nps: float) -> str:
    """An NPS in points with its sign: ``10`` → ``"+10"``, ``12.5`` → ``"+12,5"``."""
    decimals = 0 if float(nps).is_integer() else 1
    text = format_number(nps, decimals)
    return f"+{text}" if nps > 0 and text != "0" else text


def nps_distribution(scores: Iterable[int], *, title: str | None = None) -> Figure:
    """Bar chart of the answers 0–10 to the recommendation question, with the NPS in the title.

    Each bar is coloured by its group (detractors 0–6, passives 7–8, promoters 9–10, from
    :func:`salesbook.calc.nps.nps_category`); the legend gives each group's share of the
    answers. ``NPS = % promoters − % detractors`` in points (−100 … +100), computed by
    :func:`salesbook.calc.nps.nps_from_scores`.

    Args:
        scores: the answers, whole numbers from 0 to 10 (a list, Series, …).
        title: chart title; default ``"Verdeling van de antwoorden: NPS = +10"`` style.

    Returns:
        The figure; its axes holds 11 bars (scores 0 … 10, heights = number of answers).

    Raises:
        InvalidInputError: no answers, or an answer that is not a whole number 0–10.
    """
    if isinstance(scores, str | bytes):
        raise InvalidInputError(
            f"Geef de NPS-antwoorden als lijst of reeks getallen, niet als tekst ({scores!r})."
        )
    answers = list(scores)
    nps = nps_from_scores(answers)
    counts = Counter(int(score) for score in answers)
    n = len(answers)
    values = np.arange(11)
    heights = np.array([counts.get(int(v), 0) for v in values], dtype=float)
    groups = [nps_category(int(v)) for v in values]
    shares = {g: sum(h for h, c in zip(heights, groups, strict=True) if c == g) / n for g in GROUPS}

    fig, ax = new_figure(FIGSIZE_WIDE)
    style_axes(ax)
    bars = ax.bar(
        values,
        heights,
        width=0.75,
        color=[GROUPS[g][1] for g in groups],
        edgecolor="white",
    )
    ax.bar_label(
        bars,
        labels=[format_number(h, 0) if h else "" for h in heights],
        padding=2,
        fontsize=ANNOTATION_SIZE,
        color=COLORS["text"],
    )
    for boundary in (6.5, 8.5):
        ax.axvline(boundary, color=COLORS["grid"], linestyle="--", linewidth=1, zorder=0)
    ax.set_xticks(values, [str(v) for v in values])
    ax.set_xlim(-0.6, 10.6)
    ax.set_ylim(0, max(heights.max() * 1.15, 1))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(number_formatter())
    handles = [
        Patch(color=color, label=f"{label}: {format_percentage(shares[group])}")
        for group, (label, color) in GROUPS.items()
    ]
    ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=ANNOTATION_SIZE + 1)
    set_labels(
        ax,
        "Score op de vraag: hoe waarschijnlijk is het dat je ons aanbeveelt? (0–10)",
        "Aantal respondenten",
    )
    default = f"Verdeling van de NPS-antwoorden (n = {format_number(n, 0)}): NPS = {nps_text(nps)}"
    set_title(ax, require_text(title, "De titel") if title is not None else default)
    return fig
