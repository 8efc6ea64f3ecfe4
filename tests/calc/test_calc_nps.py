"""Tests for salesbook.calc.nps: categories and the Net Promoter Score."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.nps import (
    nps_category,
    nps_category_label,
    nps_from_counts,
    nps_from_percentages,
    nps_from_scores,
)
from salesbook.exceptions import InvalidInputError


@pytest.mark.parametrize(
    ("score", "category", "label"),
    [
        (0, "detractor", "criticus"),
        (6, "detractor", "criticus"),
        (7, "passive", "passief"),
        (8, "passive", "passief"),
        (9, "promoter", "promotor"),
        (10, "promoter", "promotor"),
        (np.int64(9), "promoter", "promotor"),
        (8.0, "passive", "passief"),
    ],
)
def test_categories_follow_the_0_6_7_8_9_10_split(score, category, label):
    assert nps_category(score) == category
    assert nps_category_label(score) == label


@pytest.mark.parametrize("score", [11, -1, 7.5, True, "9", None, float("nan")])
def test_category_rejects_bad_scores(score):
    with pytest.raises(InvalidInputError, match="geheel getal van 0 tot en met 10"):
        nps_category(score)
    with pytest.raises(InvalidInputError, match="geheel getal van 0 tot en met 10"):
        nps_category_label(score)


def test_seed_example_percentages():
    # seed 003: 25% promoters, 60% passives, 15% detractors → 25 − 15 = +10
    assert nps_from_percentages(25, 60, 15) == pytest.approx(10)


def test_counts_example():
    # 50 + 120 + 30 = 200 respondents: 25% − 15% = +10
    assert nps_from_counts(50, 120, 30) == pytest.approx(10)
    # only detractors → −100; only promoters → +100; only passives → 0
    assert nps_from_counts(0, 0, 7) == -100
    assert nps_from_counts(7, 0, 0) == 100
    assert nps_from_counts(0, 7, 0) == 0


def test_scores_example():
    # promoters 10, 9, 10, 9 (4); passives 8, 7, 8 (3); detractors 6, 0, 3 (3)
    # (4 − 3) / 10 × 100 = +10
    scores = [10, 9, 8, 7, 6, 0, 10, 9, 3, 8]
    assert nps_from_scores(scores) == pytest.approx(10)
    assert nps_from_scores(pd.Series(scores)) == pytest.approx(10)
    assert nps_from_scores(iter(scores)) == pytest.approx(10)
    # 1 promoter, 2 detractors out of 3: (1 − 2) / 3 × 100 = −33,33
    assert nps_from_scores([9, 5, 6]) == pytest.approx(-100 / 3)


def test_percentages_tolerate_rounding():
    # 33,33 + 33,33 + 33,34 = 100; 33,33 − 33,34 = −0,01
    assert nps_from_percentages(33.33, 33.33, 33.34) == pytest.approx(-0.01)
    assert nps_from_percentages(40, 40, 20.005) == pytest.approx(19.995)


@pytest.mark.parametrize(
    ("scores", "fragment"),
    [
        ([9, 10, 11], "Antwoord nummer 3 is 11"),
        ([7.5, 9], "Antwoord nummer 1 is 7,5"),
        ([9, "8"], "Antwoord nummer 2 is '8'"),
        ([9, None], "Antwoord nummer 2 is None"),
        ([-1], "Antwoord nummer 1 is -1"),
        ([], "geen antwoorden"),
    ],
)
def test_scores_errors_name_value_and_position(scores, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        nps_from_scores(scores)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((0, 0, 0), "geen respondenten"),
        ((-1, 2, 3), "aantal promoters moet minstens 0 zijn"),
        ((1, 2.5, 3), "aantal passives moet een geheel getal zijn"),
        ((1, 2, "veel"), "aantal detractors moet een getal zijn"),
    ],
)
def test_counts_errors(args, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        nps_from_counts(*args)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((25, 60, 10), r"samen 100 zijn, maar 25 \+ 60 \+ 10 = 95\.$"),
        ((0.25, 0.6, 0.15), "geef percentages, dus 25 in plaats van 0,25"),
        ((120, -10, -10), "percentage promoters moet tussen 0 en 100 liggen, maar is 120"),
        ((50, 50.5, -0.5), "percentage detractors moet tussen 0 en 100 liggen, maar is -0,5"),
        ((25, float("nan"), 15), "percentage passives moet een eindig getal zijn"),
    ],
)
def test_percentages_errors(args, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        nps_from_percentages(*args)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_is_between_minus_and_plus_100_and_consistent(scores):
    value = nps_from_scores(scores)
    assert -100 <= value <= 100
    p = sum(s >= 9 for s in scores)
    pa = sum(7 <= s <= 8 for s in scores)
    d = sum(s <= 6 for s in scores)
    assert value == pytest.approx(nps_from_counts(p, pa, d))
    n = len(scores)
    percentages = (100 * p / n, 100 * pa / n, 100 * d / n)
    assert value == pytest.approx(nps_from_percentages(*percentages))
