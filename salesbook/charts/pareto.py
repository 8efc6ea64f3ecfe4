"""Pareto chart (20/80-regel): revenue per customer as bars plus the cumulative share."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from salesbook.calc._checks import require_fraction
from salesbook.calc.abc import abc_classes
from salesbook.charts._inputs import require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_WIDE,
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
from salesbook.notation import format_percentage

#: Up to this many bars, each bar is labelled with its name; above it, with its rank.
MAX_NAMED_BARS = 25


def percent_text(fraction: float) -> str:
    """``0.8`` → ``"80%"``, ``0.825`` → ``"82,5%"``: no decimals when none are needed."""
    text = format_percentage(fraction, 1)
    return text.replace(",0%", "%")


def pareto_chart(
    revenue: pd.Series | Mapping[Hashable, float],
    cutoff: float = 0.8,
    *,
    title: str = "Paretoanalyse: omzet per klant",
    value_label: str = "Omzet",
    item_label: str = "Klanten",
    money: bool = True,
) -> Figure:
    """Pareto chart: bars per item (largest first), the cumulative share and the cutoff line.

    The cumulative share after item ``i`` is ``Σ_{j<=i} omzet_j / Σ omzet`` (from
    :func:`salesbook.calc.abc.abc_classes`, which also fixes the order: largest first, equal
    values by label). The vertical line marks the smallest group of top items whose cumulative
    share reaches ``cutoff``, the textbook "A-klanten".

    Args:
        revenue: value per item (customer, product), index = item names; values >= 0.
        cutoff: the share marked by the horizontal line, a fraction in (0, 1]; 0.8 for 80%.
        title: chart title.
        value_label: what the bars show (``"Omzet"``), used in the legend and on the axis.
        item_label: what the items are, plural (``"Klanten"``, ``"Producten"``).
        money: show the bar axis in euros (``€ 1.250``); ``False`` for plain numbers.

    Returns:
        The figure. Axes 0 holds the bars, axes 1 (right) the cumulative share in [0, 1]; the
        horizontal line at ``cutoff`` and the vertical line after the last item needed to
        reach it are on axes 1 and axes 0.

    Raises:
        InvalidInputError: no items, a value that is not a number or is negative, a total of
            0, an item listed twice, or a cutoff outside (0, 1].
    """
    share = require_fraction(cutoff, "De grens van de Pareto-analyse (cutoff)")
    if share <= 0:
        raise InvalidInputError(
            "De grens van de Pareto-analyse (cutoff) moet groter dan 0 zijn, bijvoorbeeld 0,8 "
            "voor 80%."
        )
    for text, name in (
        (title, "De titel"),
        (value_label, "Het label van de waarden"),
        (item_label, "Het label van de items"),
    ):
        require_text(text, name)
    table = abc_classes(revenue, cutoffs=(share, 1 - share, 0.0))
    n = len(table)
    n_top = int((table["klasse"] == "A").sum())
    positions = np.arange(1, n + 1, dtype=float)
    items = item_label.lower()

    fig, ax = new_figure(FIGSIZE_WIDE)
    style_axes(ax)
    ax.bar(
        positions,
        table["omzet"].to_numpy(dtype=float),
        width=0.8,
        color=COLORS["primary"],
        label=value_label,
    )
    ax.yaxis.set_major_formatter(money_formatter() if money else number_formatter())
    ax.set_xlim(0.4, n + 0.6)
    ax.axvline(n_top + 0.5, color=COLORS["text"], linestyle=":", linewidth=1.2)

    cum_ax = ax.twinx()
    cum_ax.spines["top"].set_visible(False)
    cum_ax.tick_params(labelsize=TICK_SIZE, colors=COLORS["text"])
    cum_ax.plot(
        positions,
        table["cumulatief_aandeel"].to_numpy(dtype=float),
        color=COLORS["secondary"],
        linewidth=2.2,
        marker="o" if n <= 40 else None,
        markersize=4,
        label="Cumulatief aandeel",
    )
    cutoff_text = percent_text(share)
    cum_ax.axhline(
        share, color=COLORS["accent"], linestyle="--", linewidth=1.5, label=f"{cutoff_text}-grens"
    )
    cum_ax.set_ylim(0, 1.05)
    cum_ax.set_yticks(np.linspace(0, 1, 6))
    cum_ax.yaxis.set_major_formatter(percentage_formatter())
    cum_ax.set_ylabel("Cumulatief aandeel", fontsize=LABEL_SIZE, color=COLORS["text"])

    if n <= MAX_NAMED_BARS:
        names = [period_label(label) for label in table.index]
        rotate = max(len(name) for name in names) > 4 or n > 12
        ax.set_xticks(
            positions, names, rotation=45 if rotate else 0, ha="right" if rotate else "center"
        )
        xlabel = f"{item_label}, gesorteerd van groot naar klein"
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10, min_n_ticks=2))
        ax.xaxis.set_major_formatter(number_formatter())
        xlabel = f"{item_label}, gesorteerd van groot naar klein (rangnummer)"
    set_labels(ax, xlabel, value_label)
    set_title(ax, title)

    top_share = float(table["cumulatief_aandeel"].iloc[n_top - 1])
    ax.text(
        0.98,
        0.55,
        f"De grootste {n_top} van {n} {items} ({percent_text(n_top / n)})\n"
        f"halen samen {percent_text(top_share)} van de {value_label.lower()}.",
        transform=ax.transAxes,
        ha="right",
        va="center",
        fontsize=ANNOTATION_SIZE + 1,
        color=COLORS["text"],
        bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": COLORS["grid"]},
    )
    handles = [*ax.get_legend_handles_labels()[0], *cum_ax.get_legend_handles_labels()[0]]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False)
    return fig
