"""Tests for salesbook.calc.clv: simple, infinite and finite customer lifetime value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.clv import clv_finite, clv_infinite, clv_infinite_with_first_year, clv_simple
from salesbook.exceptions import InvalidInputError


def test_clv_simple_worked_example():
    # € 250 marge per jaar × 4 jaar = € 1.000
    assert clv_simple(250, 4) == 1000
    assert clv_simple(250, 0) == 0
    assert clv_simple(-50, 2) == -100


def test_clv_infinite_worked_examples():
    # m = 100, r = 0,8, d = 0,1: 100 × 0,8 / (1 + 0,1 − 0,8) = 80 / 0,3 = 266,67
    assert clv_infinite(100, 0.8, 0.1) == pytest.approx(800 / 3)
    # m = 500, r = 0,75, d = 0,1: 375 / 0,35 = 1.071,43
    assert clv_infinite(500, 0.75, 0.1) == pytest.approx(375 / 0.35)
    # m = 100, r = 0,9, d = 0,1: 90 / 0,2 = 450
    assert clv_infinite(100, 0.9, 0.1) == pytest.approx(450)
    # r = 1 is fine as long as d > 0: 100 × 1 / 0,1 = 1.000
    assert clv_infinite(100, 1, 0.1) == pytest.approx(1000)


def test_clv_infinite_with_first_year_worked_example():
    # 100 × (1 + 0,1) / (1 + 0,1 − 0,8) = 110 / 0,3 = 366,67 = 100 + 266,67
    assert clv_infinite_with_first_year(100, 0.8, 0.1) == pytest.approx(1100 / 3)


def test_clv_finite_worked_example():
    # t = 1: 100 × 0,8 / 1,1 = 72,7273
    # t = 2: 100 × 0,64 / 1,21 = 52,8926 → cumulative 125,6198
    # t = 3: 100 × 0,512 / 1,331 = 38,4673 → cumulative 164,0872
    assert clv_finite(100, 0.8, 0.1, 0) == 0
    assert clv_finite(100, 0.8, 0.1, 1) == pytest.approx(80 / 1.1)
    assert clv_finite(100, 0.8, 0.1, 2) == pytest.approx(80 / 1.1 + 64 / 1.21)
    assert clv_finite(100, 0.8, 0.1, 3) == pytest.approx(80 / 1.1 + 64 / 1.21 + 51.2 / 1.331)
    assert clv_finite(100, 0.8, 0.1, 3) == pytest.approx(164.0872, abs=1e-4)


def test_clv_finite_without_retention_loss_or_discounting_is_simple():
    # r = 1, d = 0: every year counts in full: 100 × 5 = 500 (the infinite CLV does not exist)
    assert clv_finite(100, 1, 0, 5) == pytest.approx(500)
    assert clv_finite(100, 1, 0, 5) == clv_simple(100, 5)


def test_retention_equal_to_one_plus_discount_has_no_infinite_value():
    for function in (clv_infinite, clv_infinite_with_first_year):
        with pytest.raises(InvalidInputError, match="onbeperkte looptijd is dan oneindig") as info:
            function(100, 1, 0)
        assert "clv_finite" in str(info.value)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((100, 80, 0.1), "retentiegraad moet een breuk tussen 0 en 1 zijn, maar is 80. Bedoel je"),
        ((100, 0.8, 10), "disconteringsvoet moet een breuk tussen 0 en 1 zijn, maar is 10."),
        ((100, -0.1, 0.1), "retentiegraad moet een breuk"),
        ((float("inf"), 0.8, 0.1), "marge per jaar moet een eindig getal zijn"),
        (("veel", 0.8, 0.1), "marge per jaar moet een getal zijn"),
    ],
)
def test_infinite_rejects_bad_input(args, fragment):
    for function in (clv_infinite, clv_infinite_with_first_year):
        with pytest.raises(InvalidInputError, match=fragment):
            function(*args)
    with pytest.raises(InvalidInputError, match=fragment):
        clv_finite(*args, 3)


@pytest.mark.parametrize(
    ("years", "fragment"),
    [(-1, "aantal jaren moet minstens 0 zijn"), (2.5, "aantal jaren moet een geheel getal")],
)
def test_finite_rejects_bad_years(years, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        clv_finite(100, 0.8, 0.1, years)


def test_simple_rejects_negative_years():
    with pytest.raises(InvalidInputError, match="looptijd in jaren mag niet negatief"):
        clv_simple(100, -1)


margins = st.floats(min_value=1, max_value=10_000)
retentions = st.floats(min_value=0.01, max_value=0.99)
discounts = st.floats(min_value=0, max_value=0.5)


@settings(max_examples=60, deadline=None)
@given(m=margins, r=retentions, d=discounts, years=st.integers(0, 50))
def test_finite_increases_with_years_and_stays_below_infinite(m, r, d, years):
    shorter = clv_finite(m, r, d, years)
    longer = clv_finite(m, r, d, years + 1)
    assert longer >= shorter  # strictly larger in exact arithmetic; floats may round
    # the added year is exactly m·r^(T+1)/(1+d)^(T+1)
    assert longer - shorter == pytest.approx(
        m * (r / (1 + d)) ** (years + 1), rel=1e-6, abs=1e-9 * m
    )
    assert longer <= clv_infinite(m, r, d) * (1 + 1e-9)


@settings(max_examples=60, deadline=None)
@given(m=margins, r=retentions, d=discounts)
def test_finite_approaches_infinite(m, r, d):
    # with r ≤ 0,99 and d ≥ 0, q = r/(1+d) ≤ 0,99, and 0,99^5000 is negligible
    assert clv_finite(m, r, d, 5000) == pytest.approx(clv_infinite(m, r, d), rel=1e-9)
    assert clv_infinite_with_first_year(m, r, d) == pytest.approx(m + clv_infinite(m, r, d))
