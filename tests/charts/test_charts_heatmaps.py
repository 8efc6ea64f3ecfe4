"""Tests for salesbook.charts.heatmaps: RFM grid and cohort retention."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from charts_helpers import all_texts, drawn, tick_texts

from salesbook.charts.heatmaps import cohort_heatmap, rfm_heatmap
from salesbook.exceptions import InvalidInputError

# Four customers: two with R5 F5, one R1 F1, one R3 F2.
SCORES = pd.DataFrame(
    {"R": [5, 5, 1, 3], "F": [5, 5, 1, 2], "monetary": [100.0, 300.0, 50.0, 1250.0]},
    index=["K1", "K2", "K3", "K4"],
)


def _cell_texts(ax):
    """Texts written in the cells, by (row, col) = (F − 1, R − 1) position."""
    return {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text()
            for t in ax.texts}  # fmt: skip


def test_rfm_counts_per_cell():
    fig = drawn(rfm_heatmap(SCORES))
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    expected = np.zeros((5, 5))
    expected[4, 4] = 2  # F5 (row 4), R5 (col 4)
    expected[0, 0] = 1
    expected[1, 2] = 1  # F2, R3
    np.testing.assert_array_equal(np.ma.filled(grid, np.nan), expected)
    texts = _cell_texts(ax)
    assert texts[(4, 4)] == "2" and texts[(1, 2)] == "1" and texts[(2, 2)] == "0"
    assert ax.images[0].origin == "lower"  # F = 5 at the top
    assert tick_texts(ax, "x") == ["1", "2", "3", "4", "5"]
    assert ax.get_title() == "RFM-analyse: aantal klanten per R- en F-score"
    assert fig.axes[1].get_ylabel() == "Aantal klanten"
    # the colour bar runs 0 … 2 customers: whole numbers only, never "1" for 0,5 or 1,5
    locs, labels = fig.axes[1].get_yticks(), tick_texts(fig.axes[1], "y")
    assert all(float(loc).is_integer() for loc in locs)
    assert labels == [str(int(loc)) for loc in locs]
    assert "Recency" in ax.get_xlabel() and "Frequency" in ax.get_ylabel()


def test_rfm_mean_value_per_cell_in_euros():
    fig = drawn(rfm_heatmap(SCORES, "monetary", value_label="Gemiddelde omzet"))
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    assert grid[4, 4] == pytest.approx(200.0)  # (100 + 300) / 2
    assert grid[1, 2] == pytest.approx(1250.0)
    assert np.ma.is_masked(grid[2, 2])  # no customers: empty cell
    texts = _cell_texts(ax)
    assert texts[(4, 4)] == "€ 200"
    assert texts[(1, 2)] == "€ 1.250"
    assert texts[(2, 2)] == "–"
    colourbar_ticks = tick_texts(fig.axes[1], "y")
    assert colourbar_ticks and all(t.startswith("€ ") for t in colourbar_ticks)
    assert ax.get_title() == "RFM-analyse: gemiddelde omzet per R- en F-score"


@pytest.mark.parametrize(
    ("frame", "value", "fragment"),
    [
        (SCORES.drop(columns="F"), None, "ontbreken: 'F'"),
        (SCORES.iloc[:0], None, "leeg"),
        (SCORES.assign(R=[5, 6, 1, 3]), None, "R-score van klant 'K2'"),
        (SCORES.assign(F=[5, 2.5, 1, 3]), None, "F-score van klant 'K2'"),
        (SCORES, "omzet", "ontbreken: 'omzet'"),
        ("tabel", None, "DataFrame"),
    ],
)
def test_rfm_invalid_input(frame, value, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        rfm_heatmap(frame, value)


COHORTS = pd.DataFrame(
    [[1.0, 0.6, 0.45], [1.0, 0.55, np.nan], [1.0, np.nan, np.nan]],
    index=pd.period_range("2025-01", periods=3, freq="M"),
    columns=[0, 1, 2],
)


def test_cohort_values_labels_and_empty_cells():
    fig = drawn(cohort_heatmap(COHORTS))
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    np.testing.assert_allclose(np.ma.filled(grid, np.nan), COHORTS.to_numpy())
    assert np.ma.is_masked(grid[2, 1])
    texts = _cell_texts(ax)
    assert texts[(0, 0)] == "100%" and texts[(0, 1)] == "60%" and texts[(1, 1)] == "55%"
    assert texts[(2, 1)] == ""  # not observed yet
    assert tick_texts(ax, "y") == ["jan 2025", "feb 2025", "mrt 2025"]
    assert tick_texts(ax, "x") == ["0", "1", "2"]
    assert ax.get_title() == "Klantbehoud per cohort"
    assert tick_texts(fig.axes[1], "y")[-1] == "100%"
    assert "45%" in all_texts(fig)


def test_cohort_invalid_input():
    with pytest.raises(InvalidInputError, match="0,8 in plaats van 80"):
        cohort_heatmap(COHORTS * 100)
    with pytest.raises(InvalidInputError, match="gevulde tabel"):
        cohort_heatmap(pd.DataFrame())
    with pytest.raises(InvalidInputError, match="getal"):
        cohort_heatmap(COHORTS.astype(object).replace({0.6: "veel"}))
