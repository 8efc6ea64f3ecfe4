"""Cross-chart checks: public API, determinism, nothing left open, shown once in Jupyter."""

from __future__ import annotations

import os

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from charts_helpers import png_bytes
from matplotlib.figure import Figure

import salesbook.charts as charts

MONTHS = pd.period_range("2025-01", periods=4, freq="M")
CALLS = {
    "pareto_chart": lambda: charts.pareto_chart({"A": 500, "B": 300, "C": 150, "D": 50}),
    "breakeven_chart": lambda: charts.breakeven_chart(50_000, 40, 15, expected_quantity=2600),
    "funnel_chart": lambda: charts.funnel_chart({"Leads": 400, "Offerte": 40, "Order": 12}),
    "rfm_heatmap": lambda: charts.rfm_heatmap(
        pd.DataFrame({"R": [1, 5, 3], "F": [2, 5, 3], "M": [100, 900, 400]}), "M"
    ),
    "cohort_heatmap": lambda: charts.cohort_heatmap(
        pd.DataFrame([[1.0, 0.5], [1.0, np.nan]], index=MONTHS[:2], columns=[0, 1])
    ),
    "portfolio_matrix": lambda: charts.portfolio_matrix(
        pd.DataFrame({"x": [0.2, 0.8], "y": [0.7, 0.1], "label": ["P1", "P2"]}), "kraljic"
    ),
    "forecast_chart": lambda: charts.forecast_chart(
        pd.Series([10.0, 12, 11, 13], index=MONTHS),
        pd.Series([np.nan, 10, 11, 11.5], index=MONTHS),
        pd.Series([12.5], index=pd.period_range("2025-05", periods=1, freq="M")),
    ),
    "nps_distribution": lambda: charts.nps_distribution([0, 6, 7, 8, 9, 10, 10]),
}


def test_public_api_lists_every_chart():
    assert sorted(charts.__all__) == sorted(CALLS)


def _data(fig: Figure) -> list:
    """Everything plotted: line data, patch geometry, collection offsets, texts, images."""
    out = []
    for ax in fig.axes:
        out += [(tuple(ln.get_xdata()), tuple(ln.get_ydata())) for ln in ax.get_lines()]
        out += [tuple(p.get_path().vertices.ravel()) for p in ax.patches]
        out += [tuple(np.asarray(c.get_offsets()).ravel()) for c in ax.collections]
        out += [t.get_text() for t in ax.texts]
        out += [np.ma.filled(im.get_array(), -1).tobytes() for im in ax.images]
    return out


@pytest.mark.parametrize("name", sorted(CALLS))
def test_returns_closed_figure_that_is_deterministic(name):
    first, second = CALLS[name](), CALLS[name]()
    assert isinstance(first, Figure)
    assert plt.get_fignums() == []  # closed in pyplot: no double display, no pile-up
    assert _data(first) == _data(second)
    assert png_bytes(first) == png_bytes(second)


@pytest.mark.slow
def test_shown_exactly_once_as_cell_result_in_jupyter():
    """With the inline backend a returned chart gives one PNG output, not two."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from salesbook.charts import funnel_chart\n"
            "funnel_chart({'Leads': 400, 'Offerte': 40, 'Order': 12})"
        )
    ]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # use ipykernel's default
    NotebookClient(nb, kernel_name="python3", timeout=60).execute(env=env)
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["execute_result"]
    assert "image/png" in outputs[0].data
