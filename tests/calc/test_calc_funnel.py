"""Tests for salesbook.calc.funnel: short-term KPIs and funnel table."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.funnel import (
    conversion_ratio,
    funnel_conversion,
    order_success_ratio,
    response_ratio,
    whole_funnel_conversion,
)
from salesbook.exceptions import InvalidInputError

# Campaign: 2.000 prospects mailed, 160 react, 48 appointments, 30 quotes, 12 orders.


def test_short_term_kpis_worked_example():
    # responsratio 160 / 2.000 = 0,08; conversieratio 48 / 160 = 0,3;
    # ordersuccesratio 12 / 30 = 0,4; whole funnel 12 / 2.000 = 0,006
    assert response_ratio(160, 2000) == pytest.approx(0.08)
    assert conversion_ratio(48, 160) == pytest.approx(0.3)
    assert order_success_ratio(12, 30) == pytest.approx(0.4)
    assert whole_funnel_conversion(2000, 12) == pytest.approx(0.006)


def test_funnel_table_worked_example():
    stages = {"benaderd": 2000, "reactie": 160, "afspraak": 48, "offerte": 30, "order": 12}
    table = funnel_conversion(stages)
    assert list(table.index) == list(stages)
    assert table.index.name == "fase"
    assert list(table.columns) == ["aantal", "conversie_vanaf_vorige_fase", "conversie_vanaf_begin"]
    assert table["aantal"].tolist() == [2000, 160, 48, 30, 12]
    # 160/2000 = 0,08; 48/160 = 0,3; 30/48 = 0,625; 12/30 = 0,4
    assert math.isnan(table["conversie_vanaf_vorige_fase"].iloc[0])
    assert table["conversie_vanaf_vorige_fase"].iloc[1:].tolist() == pytest.approx(
        [0.08, 0.3, 0.625, 0.4]
    )
    # 1; 0,08; 48/2000 = 0,024; 30/2000 = 0,015; 12/2000 = 0,006
    assert table["conversie_vanaf_begin"].tolist() == pytest.approx([1, 0.08, 0.024, 0.015, 0.006])


def test_funnel_accepts_series_and_keeps_its_order():
    table = funnel_conversion(pd.Series([100, 50, 10], index=["z", "a", "m"]))
    assert list(table.index) == ["z", "a", "m"]
    assert table["conversie_vanaf_begin"].tolist() == pytest.approx([1, 0.5, 0.1])


def test_funnel_stage_after_empty_stage_has_no_previous_conversion():
    table = funnel_conversion({"leads": 10, "offerte": 0, "order": 0})
    assert table.loc["offerte", "conversie_vanaf_vorige_fase"] == 0
    assert math.isnan(table.loc["order", "conversie_vanaf_vorige_fase"])
    assert table.loc["order", "conversie_vanaf_begin"] == 0


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: response_ratio(10, 0), "benaderde klanten is 0"),
        (lambda: response_ratio(30, 20), r"reacties \(30\) kan niet groter zijn .* \(20\)"),
        (lambda: conversion_ratio(5, 0), "aantal reacties is 0"),
        (lambda: conversion_ratio(50, 40), r"afspraken \(50\) kan niet groter"),
        (lambda: order_success_ratio(13, 12), r"orders \(13\) kan niet groter .* offertes \(12\)"),
        (lambda: order_success_ratio(-1, 12), "aantal orders moet minstens 0 zijn"),
        (lambda: order_success_ratio(1.5, 12), "aantal orders moet een geheel getal zijn"),
        (lambda: whole_funnel_conversion(0, 0), "in de eerste fase is 0"),
        (lambda: whole_funnel_conversion(10, 11), "in de laatste fase \\(11\\) kan niet"),
        (lambda: funnel_conversion({}), "geen fasen"),
        (lambda: funnel_conversion({"leads": 0, "order": 0}), "eerste fase 'leads' heeft 0"),
        (lambda: funnel_conversion({"a": 10, "b": -1}), "aantal in fase 'b' moet minstens 0"),
    ],
)
def test_errors_are_dutch_and_name_the_problem(call, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        call()


def test_later_stage_larger_than_earlier_is_an_error():
    stages = {"leads": 100, "offerte": 20, "order": 25}
    with pytest.raises(InvalidInputError) as info:
        funnel_conversion(stages)
    assert "Fase 'order' (25) is groter dan de fase ervoor, 'offerte' (20)" in str(info.value)


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(1, 100_000),
    shares=st.lists(st.floats(0, 1), min_size=1, max_size=6),
)
def test_funnel_conversions_multiply(start, shares):
    counts = [start]
    for share in shares:
        counts.append(math.floor(counts[-1] * share))
    table = funnel_conversion({f"fase {i}": c for i, c in enumerate(counts)})
    from_start = table["conversie_vanaf_begin"]
    assert from_start.is_monotonic_decreasing
    assert from_start.iloc[-1] == pytest.approx(whole_funnel_conversion(counts[0], counts[-1]))
    product = 1.0
    for rate in table["conversie_vanaf_vorige_fase"].iloc[1:]:
        if math.isnan(rate):
            break
        product *= rate
    else:
        assert product == pytest.approx(from_start.iloc[-1])
