"""Sales funnel: one centred bar per stage, with the conversion between stages."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from salesbook.calc.funnel import funnel_conversion
from salesbook.charts._inputs import require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_WIDE,
    LABEL_SIZE,
    new_figure,
    set_title,
    style_axes,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_number, format_percentage

#: A bar narrower than this share of the widest bar gets its count in dark text.
_NARROW = 0.15


def funnel_chart(
    stage_counts: Mapping[str, int] | pd.Series, *, title: str = "Salesfunnel"
) -> Figure:
    """Funnel chart: the count per stage as centred bars, first stage on top.

    Next to each bar (from the second stage on) stands the conversion from the previous stage,
    ``aantal_i / aantal_(i−1)``, and from the first stage, ``aantal_i / aantal_1``, both from
    :func:`salesbook.calc.funnel.funnel_conversion`.

    Args:
        stage_counts: counts per stage in funnel order, e.g. ``{"Leads": 400, "Gekwalificeerd":
            120, "Offerte": 40, "Order": 12}``.
        title: chart title.

    Returns:
        The figure; its axes holds one horizontal bar per stage (width = count, in stage
        order from the top) and the stage names as y tick labels.

    Raises:
        InvalidInputError: no stages, a count that is not a whole number >= 0, a first stage
            of 0, or a stage larger than the one before it (a funnel that grows).
    """
    require_text(title, "De titel")
    if not isinstance(stage_counts, Mapping | pd.Series):
        raise InvalidInputError(
            "Geef de funnel als dict of Series met per fase het aantal, bijvoorbeeld "
            f"{{'Leads': 400, 'Offerte': 40, 'Order': 12}}, niet {stage_counts!r}."
        )
    table = funnel_conversion(stage_counts)
    counts = table["aantal"].to_numpy(dtype=float)
    n = len(counts)
    widest = counts.max()
    y = np.arange(n, dtype=float)[::-1]  # first stage on top

    fig, ax = new_figure((FIGSIZE_WIDE[0], max(3.0, 1.4 + 0.75 * n)))
    style_axes(ax, grid_axis=None)
    colors = [COLORS["primary"] if i < n - 1 else COLORS["good"] for i in range(n)]
    ax.barh(y, counts, left=-counts / 2, height=0.72, color=colors, edgecolor="white")
    for yi, count in zip(y, counts, strict=True):
        narrow = count < _NARROW * widest
        ax.text(
            0, yi, format_number(count, 0), ha="center", va="center",
            fontsize=LABEL_SIZE, fontweight="bold",
            color=COLORS["text"] if narrow else "white",
        )  # fmt: skip
    for yi, (_, row) in zip(y[1:], list(table.iterrows())[1:], strict=True):
        previous = row["conversie_vanaf_vorige_fase"]
        first = format_percentage(row["conversie_vanaf_begin"])
        text = (
            f"{format_percentage(previous)} van vorige fase\n{first} van de eerste fase"
            if not math.isnan(previous)
            else f"geen conversie (vorige fase is 0)\n{first} van de eerste fase"
        )
        ax.text(
            widest * 0.55, yi, text, ha="left", va="center",
            fontsize=ANNOTATION_SIZE + 1, color=COLORS["text"],
        )  # fmt: skip
    ax.set_yticks(y, [str(stage) for stage in table.index], fontsize=LABEL_SIZE)
    ax.set_xticks([])
    ax.set_xlim(-widest * 0.52, widest * 1.05)
    ax.set_ylim(-0.6, n - 0.4)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    set_title(ax, title)
    return fig
