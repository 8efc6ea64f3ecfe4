"""Analyses of the course data set, built on the formulas of :mod:`salesbook.calc`.

Every function takes the tables as :func:`salesbook.data.load` returns them and cleans them
first, in the documented way of :mod:`salesbook.data.clean`.
"""

from __future__ import annotations

from salesbook.data.analyses.customers import customer_abc, customer_clv, rfm_table
from salesbook.data.analyses.finance import balance_totals, ratios_per_year
from salesbook.data.analyses.forecast import forecast_next_quarter, quarterly_revenue
from salesbook.data.analyses.funnel import (
    funnel_per_rep,
    funnel_stages,
    order_success_per_rep,
    stage_counts,
)
from salesbook.data.analyses.nps import nps_by_segment
from salesbook.data.analyses.retention import cohort_table, retention_by, yearly_retention
from salesbook.data.analyses.salesforce import FrankeAnalysis, franke_from_visits, visit_groups

__all__ = [
    "FrankeAnalysis",
    "balance_totals",
    "cohort_table",
    "customer_abc",
    "customer_clv",
    "forecast_next_quarter",
    "franke_from_visits",
    "funnel_per_rep",
    "funnel_stages",
    "nps_by_segment",
    "order_success_per_rep",
    "quarterly_revenue",
    "ratios_per_year",
    "retention_by",
    "rfm_table",
    "stage_counts",
    "visit_groups",
    "yearly_retention",
]
