"""Marks: the Dutch cesuur formula and the Flemish score out of 20, computed by hand."""

from __future__ import annotations

import pytest

from salesbook.exceptions import InvalidInputError
from salesbook.grading.marks import (
    dutch_mark,
    excel_mark_formula,
    flemish_score,
    normalise_cesuur,
    percentage,
    round_half_up,
)


@pytest.mark.parametrize(
    ("share", "mark"),
    [
        (0.0, 1.0),
        (1.0, 10.0),
        (0.55, 5.5),  # exactly the cesuur
        (0.775, 7.8),  # 5,5 + 4,5 × 0,225 / 0,45 = 7,75 → 7,8 (half up)
        (0.275, 3.3),  # 1 + 4,5 × 0,275 / 0,55 = 3,25 → 3,3
        (127 / 144, 8.8),  # 8,819
        (43 / 144, 3.4),  # 3,443
        (0.549, 5.5),  # 1 + 4,5 × 0,549 / 0,55 = 5,492 → 5,5
        (0.5, 5.1),  # 1 + 4,5 × 0,5 / 0,55 = 5,0909 → 5,1
    ],
)
def test_dutch_mark_with_default_cesuur(share, mark):
    assert dutch_mark(share) == mark


def test_dutch_mark_with_another_cesuur():
    assert dutch_mark(0.6, 0.6) == 5.5
    assert dutch_mark(0.8, 60) == 7.8  # 5,5 + 4,5 × 0,2 / 0,4 = 7,75 → 7,8
    assert dutch_mark(0.3, 0.6) == 3.3  # 1 + 4,5 × 0,5 = 3,25 → 3,3


def test_marks_are_clipped_to_the_scale():
    assert dutch_mark(1.2) == 10.0 and dutch_mark(-0.1) == 1.0
    assert flemish_score(1.5) == 20.0 and flemish_score(-1) == 0.0


@pytest.mark.parametrize(
    ("share", "score"), [(0.775, 15.5), (127 / 144, 17.6), (43 / 144, 6.0), (0.5, 10.0)]
)
def test_flemish_score_out_of_20(share, score):
    assert flemish_score(share) == score


def test_rounding_is_half_up_like_excel():
    assert round_half_up(7.75) == 7.8
    assert round_half_up(8.25) == 8.3 and round(8.25, 1) == 8.2  # not banker's rounding
    assert round_half_up(0.25) == 0.3
    assert round_half_up(0.125 * 100) == 12.5
    assert round_half_up(2.45) == 2.5
    assert round_half_up(-2.45) == -2.5
    assert percentage(0.8819444) == 88.2


@pytest.mark.parametrize("bad", [0, 1.0, 100, -5, 150, float("nan"), True, "55"])
def test_invalid_cesuur_is_refused_in_dutch(bad):
    with pytest.raises(InvalidInputError, match="cesuur"):
        normalise_cesuur(bad)


def test_cesuur_as_percentage_or_fraction():
    assert normalise_cesuur(55) == normalise_cesuur(0.55) == 0.55
    assert normalise_cesuur(62.5) == 0.625


def test_excel_formula_matches_the_python_formula():
    formula = excel_mark_formula("D2", "$B$1")
    assert formula == "=ROUND(IF(D2>=$B$1,5.5+4.5*(D2-$B$1)/(1-$B$1),1+4.5*D2/$B$1),1)"
