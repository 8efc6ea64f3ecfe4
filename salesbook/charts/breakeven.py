"""Break-even chart: revenue, total costs and fixed costs against quantity, with the BEP."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from salesbook.calc._checks import require_non_negative, require_positive
from salesbook.calc.breakeven import (
    breakeven_quantity,
    breakeven_revenue,
    profit,
    total_costs,
)
from salesbook.charts._inputs import require_text
from salesbook.charts.style import (
    ANNOTATION_SIZE,
    COLORS,
    FIGSIZE_WIDE,
    money_formatter,
    new_figure,
    nice_ceiling,
    number_formatter,
    set_labels,
    set_title,
    style_axes,
)
from salesbook.notation import format_money, format_number

#: Number of points per line; lines are straight, but the shaded areas need a fine grid.
_POINTS = 201


def _default_max_quantity(bep: float, expected: float | None) -> float:
    """Twice the break-even quantity (and past the expected quantity), rounded up nicely."""
    wanted = max(2 * bep, 1.25 * expected if expected else 0.0)
    return nice_ceiling(wanted) if wanted > 0 else 10.0


def _quantity_text(quantity: float) -> str:
    """Quantities on the chart: whole numbers without decimals, others with one."""
    return format_number(quantity, 0 if float(quantity).is_integer() else 1)


def breakeven_chart(
    fixed_costs: float,
    price: float,
    variable_cost: float,
    max_quantity: float | None = None,
    expected_quantity: float | None = None,
    *,
    title: str = "Break-evenanalyse",
) -> Figure:
    """Break-even chart with the lines Omzet, Totale kosten and Constante kosten.

    Lines, for quantity ``q`` from 0 to ``max_quantity``: ``Omzet = p · q``, ``Totale kosten =
    F + v · q`` (:func:`salesbook.calc.breakeven.total_costs`) and ``Constante kosten = F``.
    The break-even point is marked at ``(q*, p · q*)`` with ``q* = F / (p − v)``
    (:func:`~salesbook.calc.breakeven.breakeven_quantity` and
    :func:`~salesbook.calc.breakeven.breakeven_revenue`); the area between revenue and total
    costs is shaded as loss (left of the BEP) and profit (right of it).

    Args:
        fixed_costs: fixed costs ``F`` in euros (>= 0).
        price: selling price per unit ``p`` in euros.
        variable_cost: variable cost per unit ``v`` in euros (lower than ``price``).
        max_quantity: right end of the quantity axis in units (> 0); default: twice the
            break-even quantity (and beyond the expected quantity), rounded up to a round
            number.
        expected_quantity: optional expected sales in units (>= 0), drawn as a vertical line
            with the safety margin (veiligheidsmarge) in its label.
        title: chart title.

    Returns:
        The figure; its axes holds the three lines (in the order Omzet, Totale kosten,
        Constante kosten) and the BEP marker (label ``"Break-evenpunt"``).

    Raises:
        InvalidInputError: negative or non-numeric inputs, ``price <= variable_cost`` (no
            break-even point exists), or a ``max_quantity`` that is not positive.
    """
    require_text(title, "De titel")
    bep = breakeven_quantity(fixed_costs, price, variable_cost)
    bep_revenue = breakeven_revenue(fixed_costs, price, variable_cost)
    expected = None
    if expected_quantity is not None:
        expected = require_non_negative(expected_quantity, "De verwachte afzet")
    q_max = (
        _default_max_quantity(bep, expected)
        if max_quantity is None
        else require_positive(max_quantity, "De grootste afzet op de as (max_quantity)")
    )
    q = np.linspace(0.0, q_max, _POINTS)
    revenue = float(price) * q
    costs = np.array([total_costs(fixed_costs, variable_cost, x) for x in q])
    fixed = np.full_like(q, float(fixed_costs))

    fig, ax = new_figure(FIGSIZE_WIDE)
    style_axes(ax, grid_axis="both")
    ax.plot(q, revenue, color=COLORS["primary"], linewidth=2.4, label="Omzet")
    ax.plot(q, costs, color=COLORS["accent"], linewidth=2.4, label="Totale kosten")
    ax.plot(
        q, fixed, color=COLORS["neutral"], linewidth=2, linestyle="--", label="Constante kosten"
    )
    ax.fill_between(
        q, revenue, costs, where=revenue >= costs, interpolate=True,
        color=COLORS["good"], alpha=0.15, linewidth=0, label="Winst",
    )  # fmt: skip
    ax.fill_between(
        q, revenue, costs, where=revenue <= costs, interpolate=True,
        color=COLORS["bad"], alpha=0.12, linewidth=0, label="Verlies",
    )  # fmt: skip

    ax.plot([bep, bep], [0, bep_revenue], color=COLORS["text"], linestyle=":", linewidth=1)
    ax.plot([0, bep], [bep_revenue, bep_revenue], color=COLORS["text"], linestyle=":", lw=1)
    ax.plot(
        [bep], [bep_revenue], linestyle="none", marker="o", markersize=9,
        markerfacecolor=COLORS["text"], markeredgecolor="white", zorder=5,
        label="Break-evenpunt",
    )  # fmt: skip
    top = max(float(revenue[-1]), float(costs[-1]))
    ax.annotate(
        f"Break-evenpunt\n{_quantity_text(bep)} stuks, {format_money(bep_revenue, 0)}",
        xy=(bep, bep_revenue),
        xytext=(bep + 0.04 * q_max, bep_revenue - 0.12 * top),
        fontsize=ANNOTATION_SIZE + 1,
        color=COLORS["text"],
        arrowprops={"arrowstyle": "-", "color": COLORS["text"], "linewidth": 0.8},
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": COLORS["grid"]},
    )

    if expected is not None:
        margin = expected - bep
        ax.axvline(
            expected,
            color=COLORS["expected"],
            linewidth=1.6,
            label=f"Verwachte afzet ({_quantity_text(expected)} stuks)",
        )
        result = profit(expected, price, variable_cost, fixed_costs)
        word = "winst" if result >= 0 else "verlies"
        lines = (
            f"veiligheidsmarge {_quantity_text(margin)} stuks",
            f"verwachte {word} {format_money(abs(result), 0)}",
        )
        left = expected < 0.7 * q_max
        ax.text(
            expected + (0.01 if left else -0.01) * q_max,
            0.97 * top,
            "\n".join(lines),
            fontsize=ANNOTATION_SIZE,
            color=COLORS["text"],
            va="top",
            ha="left" if left else "right",
        )

    ax.set_xlim(0, q_max)
    ax.set_ylim(0, top * 1.05)
    ax.xaxis.set_major_formatter(number_formatter())
    ax.yaxis.set_major_formatter(money_formatter())
    set_labels(ax, "Afzet (stuks)", "Bedrag")
    set_title(ax, title)
    fig.legend(loc="outside lower center", ncols=4, frameon=False)
    return fig
