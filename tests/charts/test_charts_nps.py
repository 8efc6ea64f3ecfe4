"""Tests for salesbook.charts.nps: bars per score, colours per group, NPS in the title."""

from __future__ import annotations

import pandas as pd
import pytest
from charts_helpers import drawn, legend_texts, tick_texts
from matplotlib.colors import to_hex

from salesbook.charts.nps import nps_distribution, nps_text
from salesbook.exceptions import InvalidInputError

# The course example: 25% promoters, 60% passives, 15% detractors → NPS +10.
SCORES = [10] * 10 + [9] * 15 + [8] * 30 + [7] * 30 + [6] * 8 + [5] * 4 + [3] * 2 + [0] * 1


def test_bar_per_score_with_counts():
    fig = drawn(nps_distribution(SCORES))
    ax = fig.axes[0]
    heights = [b.get_height() for b in ax.patches]
    assert heights == [1, 0, 0, 2, 0, 4, 8, 30, 30, 15, 10]
    assert tick_texts(ax, "x") == [str(s) for s in range(11)]


def test_nps_in_title_and_group_shares_in_legend():
    fig = nps_distribution(SCORES)
    assert fig.axes[0].get_title() == "Verdeling van de NPS-antwoorden (n = 100): NPS = +10"
    assert legend_texts(fig) == [
        "Detractors (0–6): 15,0%",
        "Passives (7–8): 60,0%",
        "Promoters (9–10): 25,0%",
    ]


def test_bars_coloured_by_group():
    colours = [to_hex(b.get_facecolor()) for b in nps_distribution(SCORES).axes[0].patches]
    detractor, passive, promoter = colours[0], colours[7], colours[10]
    assert len({detractor, passive, promoter}) == 3
    assert colours[:7] == [detractor] * 7
    assert colours[7:9] == [passive] * 2
    assert colours[9:] == [promoter] * 2


def test_negative_and_fractional_nps_and_series_input():
    # 1 promoter, 0 passives, 2 detractors: (1 − 2) / 3 = −33,3
    fig = nps_distribution(pd.Series([10, 2, 6]))
    assert fig.axes[0].get_title().endswith("NPS = -33,3")
    assert nps_text(0) == "0" and nps_text(50) == "+50" and nps_text(-100) == "-100"


def test_custom_title():
    assert nps_distribution([9, 9], title="NPS 2025").axes[0].get_title() == "NPS 2025"


@pytest.mark.parametrize(
    ("scores", "fragment"),
    [([], "geen antwoorden"), ([8, 11], "nummer 2"), ([7.5], "geheel getal"), ("9", "tekst")],
)
def test_invalid_scores_raise_dutch_errors(scores, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        nps_distribution(scores)
