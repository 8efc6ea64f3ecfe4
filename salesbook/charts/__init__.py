"""Matplotlib charts for the course, with Dutch labels and Dutch number notation.

Every function takes plain numbers or pandas objects, returns a
:class:`matplotlib.figure.Figure` and never calls ``plt.show()``: in a notebook, make the
figure the last expression of the cell and it is shown once. The figures are closed in pyplot
right after they are made (see :mod:`salesbook.charts.style` for why), are deterministic, and
validate their input with Dutch :class:`~salesbook.exceptions.InvalidInputError` messages.
"""

from __future__ import annotations

from salesbook.charts.breakeven import breakeven_chart
from salesbook.charts.forecast import forecast_chart
from salesbook.charts.funnel import funnel_chart
from salesbook.charts.heatmaps import cohort_heatmap, rfm_heatmap
from salesbook.charts.matrices import portfolio_matrix
from salesbook.charts.nps import nps_distribution
from salesbook.charts.pareto import pareto_chart

__all__ = [
    "breakeven_chart",
    "cohort_heatmap",
    "forecast_chart",
    "funnel_chart",
    "nps_distribution",
    "pareto_chart",
    "portfolio_matrix",
    "rfm_heatmap",
]
