"""Tests for salesbook.calc.retention: retention and churn rate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.retention import churn_rate, retention_rate
from salesbook.exceptions import InvalidInputError


def test_worked_example():
    # S = 200, N = 40, E = 210: kept 210 − 40 = 170; 170 / 200 = 0,85; churn 0,15
    assert retention_rate(210, 40, 200) == pytest.approx(0.85)
    assert churn_rate(210, 40, 200) == pytest.approx(0.15)


def test_all_kept_and_all_lost():
    # kept 100 − 0 = 100 of 100 → 1; kept 30 − 30 = 0 of 50 → 0
    assert retention_rate(100, 0, 100) == 1
    assert churn_rate(100, 0, 100) == 0
    assert retention_rate(30, 30, 50) == 0
    assert churn_rate(30, 30, 50) == 1


def test_integral_floats_are_accepted():
    assert retention_rate(210.0, 40.0, 200.0) == pytest.approx(0.85)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((10, 2, 0), "aantal klanten aan het begin is 0"),
        ((10, 12, 20), r"niet meer nieuwe klanten \(12\) zijn dan klanten aan het eind \(10\)"),
        ((130, 10, 100), r"eind − nieuw = 130 − 10 = 120\) is groter dan .* begin \(100\)"),
        ((-1, 0, 10), "aantal klanten aan het eind moet minstens 0 zijn"),
        ((10, -1, 10), "aantal nieuwe klanten moet minstens 0 zijn"),
        ((10, 1, 10.5), "aantal klanten aan het begin moet een geheel getal zijn"),
        ((True, 1, 10), "moet een geheel getal zijn, maar is True"),
    ],
)
def test_invalid_counts_rejected(args, fragment):
    for function in (retention_rate, churn_rate):
        with pytest.raises(InvalidInputError, match=fragment):
            function(*args)


@settings(max_examples=80, deadline=None)
@given(
    start=st.integers(1, 10_000),
    kept_share=st.floats(0, 1),
    new=st.integers(0, 10_000),
)
def test_churn_plus_retention_is_one(start, kept_share, new):
    kept = round(kept_share * start)
    end = kept + new
    retention = retention_rate(end, new, start)
    assert retention == pytest.approx(kept / start)
    assert 0 <= retention <= 1
    assert retention + churn_rate(end, new, start) == pytest.approx(1)
