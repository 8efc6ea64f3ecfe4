"""Tests for salesbook.calc.breakeven: worked examples, errors, properties."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.breakeven import (
    breakeven_quantity,
    breakeven_revenue,
    contribution_margin,
    contribution_margin_ratio,
    profit,
    quantity_for_target_profit,
    safety_margin,
    safety_margin_ratio,
    total_costs,
)
from salesbook.exceptions import InvalidInputError

# Worked example (textbook style): F = € 40.000, p = € 25, v = € 15, expected sales 5.000 stuks.
F, P, V = 40_000, 25, 15


def test_contribution_margin_worked_example():
    # 25 − 15 = 10 euro per stuk
    assert contribution_margin(P, V) == 10


def test_contribution_margin_may_be_negative():
    # 12 − 15 = −3: selling below variable cost loses 3 euro per stuk
    assert contribution_margin(12, 15) == -3


def test_contribution_margin_ratio_worked_example():
    # (25 − 15) / 25 = 10 / 25 = 0,4
    assert contribution_margin_ratio(P, V) == pytest.approx(0.4)


def test_breakeven_quantity_worked_example():
    # 40.000 / (25 − 15) = 40.000 / 10 = 4.000 stuks
    assert breakeven_quantity(F, P, V) == pytest.approx(4000)


def test_breakeven_quantity_is_not_rounded():
    # 10.000 / (9 − 6) = 3.333,33… stuks; rounding up (3.334) is left to the caller
    q = breakeven_quantity(10_000, 9, 6)
    assert q == pytest.approx(10_000 / 3)
    assert math.ceil(q) == 3334


def test_breakeven_revenue_worked_example():
    # 4.000 stuks × € 25 = € 100.000, or 40.000 / 0,4 = 100.000
    assert breakeven_revenue(F, P, V) == pytest.approx(100_000)


def test_breakeven_with_zero_fixed_costs_is_zero():
    assert breakeven_quantity(0, P, V) == 0
    assert breakeven_revenue(0, P, V) == 0


def test_quantity_for_target_profit_worked_example():
    # (40.000 + 20.000) / 10 = 6.000 stuks
    assert quantity_for_target_profit(F, P, V, 20_000) == pytest.approx(6000)


def test_quantity_for_target_profit_accepts_a_target_loss_down_to_minus_fixed_costs():
    # (40.000 − 10.000) / 10 = 3.000 stuks; W = −F gives 0 stuks
    assert quantity_for_target_profit(F, P, V, -10_000) == pytest.approx(3000)
    assert quantity_for_target_profit(F, P, V, -F) == 0


def test_safety_margin_worked_example():
    # 5.000 − 4.000 = 1.000 stuks; 1.000 / 5.000 = 0,2
    assert safety_margin(5000, 4000) == 1000
    assert safety_margin_ratio(5000, 4000) == pytest.approx(0.2)
    # in euros: 125.000 − 100.000 = 25.000; 25.000 / 125.000 = 0,2
    assert safety_margin(125_000, 100_000) == 25_000
    assert safety_margin_ratio(125_000, 100_000) == pytest.approx(0.2)


def test_safety_margin_negative_when_expected_below_breakeven():
    # 3.000 − 4.000 = −1.000; −1.000 / 3.000 = −1/3
    assert safety_margin(3000, 4000) == -1000
    assert safety_margin_ratio(3000, 4000) == pytest.approx(-1 / 3)


def test_total_costs_worked_example():
    # 40.000 + 15 × 5.000 = 115.000
    assert total_costs(F, V, 5000) == 115_000


def test_profit_worked_example():
    # 5.000 × (25 − 15) − 40.000 = 10.000; at 3.000 stuks: 30.000 − 40.000 = −10.000
    assert profit(5000, P, V, F) == 10_000
    assert profit(3000, P, V, F) == -10_000


@pytest.mark.parametrize(
    "call",
    [
        lambda: breakeven_quantity(F, 15, 15),
        lambda: breakeven_quantity(F, 12, 15),
        lambda: breakeven_revenue(F, 10, 15),
        lambda: quantity_for_target_profit(F, 15, 15, 1000),
    ],
)
def test_no_breakeven_when_price_not_above_variable_cost(call):
    with pytest.raises(InvalidInputError, match="geen break-evenpunt") as info:
        call()
    assert "variabele kosten" in str(info.value)
    assert "€ 15,00" in str(info.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: breakeven_quantity(-1, P, V),
        lambda: breakeven_revenue(-1, P, V),
        lambda: quantity_for_target_profit(-1, P, V, 0),
        lambda: total_costs(-1, V, 10),
        lambda: profit(10, P, V, -1),
    ],
)
def test_negative_fixed_costs_rejected(call):
    with pytest.raises(InvalidInputError, match=r"vaste .*kosten mag niet negatief zijn"):
        call()


def test_target_loss_larger_than_fixed_costs_rejected():
    with pytest.raises(InvalidInputError, match=re.escape("winst van € -50.000,00 kan niet")):
        quantity_for_target_profit(F, P, V, -50_000)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: contribution_margin(-1, 5), "verkoopprijs per stuk mag niet negatief"),
        (lambda: contribution_margin(5, -1), "variabele kosten per stuk mag niet negatief"),
        (lambda: contribution_margin_ratio(0, 5), "verkoopprijs per stuk moet groter dan 0"),
        (lambda: contribution_margin("tien", 5), "moet een getal zijn"),
        (lambda: breakeven_quantity(F, float("nan"), V), "moet een eindig getal zijn"),
        (lambda: safety_margin(-1, 5), "verwachte afzet of omzet mag niet negatief"),
        (lambda: safety_margin(5, -1), "break-evenpunt mag niet negatief"),
        (lambda: safety_margin_ratio(0, 5), "moet groter dan 0 zijn"),
        (lambda: total_costs(F, V, -3), "afzet mag niet negatief"),
        (lambda: profit(-3, P, V, F), "afzet mag niet negatief"),
    ],
)
def test_invalid_inputs_give_dutch_errors(call, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        call()


money = st.floats(min_value=0, max_value=1e6, allow_nan=False)
unit_cost = st.floats(min_value=0, max_value=1e3, allow_nan=False)
margin = st.floats(min_value=0.01, max_value=1e3, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(fixed=money, cost=unit_cost, extra=margin)
def test_revenue_equals_total_costs_at_breakeven(fixed, cost, extra):
    price = cost + extra
    q = breakeven_quantity(fixed, price, cost)
    revenue = price * q
    assert revenue == pytest.approx(total_costs(fixed, cost, q), rel=1e-9, abs=1e-6)
    assert revenue == pytest.approx(breakeven_revenue(fixed, price, cost), rel=1e-9, abs=1e-6)
    assert profit(q, price, cost, fixed) == pytest.approx(0, abs=1e-6 * max(1, fixed))


@settings(max_examples=60, deadline=None)
@given(fixed=money, cost=unit_cost, extra=margin, target=money)
def test_profit_at_target_quantity_equals_target(fixed, cost, extra, target):
    price = cost + extra
    q = quantity_for_target_profit(fixed, price, cost, target)
    assert profit(q, price, cost, fixed) == pytest.approx(target, abs=1e-6 * max(1, fixed, target))


@settings(max_examples=60, deadline=None)
@given(expected=st.floats(min_value=0.01, max_value=1e6), breakeven=money)
def test_safety_margin_ratio_is_margin_over_expected(expected, breakeven):
    ratio = safety_margin_ratio(expected, breakeven)
    assert ratio <= 1
    assert ratio * expected == pytest.approx(safety_margin(expected, breakeven), abs=1e-6)
