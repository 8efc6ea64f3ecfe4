"""Sales-force size: Franke, fixed percentage, extra profit contribution."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.calc.salesforce import (
    CustomerGroup,
    extra_profit_contribution,
    franke,
    franke_group_table,
    franke_groups,
    franke_sales_force_size,
    franke_workload_hours,
    sales_force_size_fixed_percentage,
)
from salesbook.exceptions import InvalidInputError


def test_franke_worked_example_rounds_up():
    # 400 klanten × 12 bezoeken × (45 + 30 + 15 = 90 min) = 432.000 min = 7.200 uur
    # 7.200 / 1.600 = 4,5 → 5 verkopers
    assert franke_workload_hours(400, 12, 45, 30, 15) == pytest.approx(7_200)
    result = franke(400, 12, 45, 30, 15, 1_600)
    assert result.hours == pytest.approx(7_200)
    assert result.exact == pytest.approx(4.5)
    assert result.reps == 5
    assert franke_sales_force_size(400, 12, 45, 30, 15, 1_600) == 5


def test_franke_exact_whole_number_stays():
    # 7.200 uur / 1.800 uur = 4 precies → 4 verkopers, niet 5
    assert franke_sales_force_size(400, 12, 45, 30, 15, 1_800) == 4


def test_franke_float_error_does_not_add_a_rep():
    # 160 × 24 × (22,7 + 43,0 + 15,0 = 80,7 min) = 309.888 min = 5.164,8 uur
    # 5.164,8 / 1.721,6 = 3 precies (1.721,6 × 3 = 5.164,8)
    naive = 160 * 24 * (22.7 + 43.0 + 15.0) / 60 / 1721.6
    assert naive > 3  # plain float arithmetic gives 3.0000000000000004
    assert franke_sales_force_size(160, 24, 22.7, 43.0, 15.0, 1721.6) == 3


def test_franke_just_above_a_whole_number_rounds_up():
    # 4.001 klanten × 1 × 60 min = 4.001 uur; / 1.000 = 4,001 → 5
    assert franke_sales_force_size(4_001, 1, 60, 0, 0, 1_000) == 5


def test_franke_without_customers_needs_nobody():
    assert franke_sales_force_size(0, 12, 45, 30, 15, 1_600) == 0


def test_franke_groups_add_hours_before_rounding():
    groups = [
        CustomerGroup("A-klanten", 50, 24, 60, 30, 10),
        {
            "name": "B-klanten",
            "customers": 150,
            "visits_per_year": 12,
            "visit_minutes": 45,
            "travel_minutes": 30,
        },
    ]
    # A: 50 × 24 × (60 + 30 + 10 = 100 min) / 60 = 2.000 uur
    # B: 150 × 12 × (45 + 30 + 0 = 75 min) / 60 = 2.250 uur
    # totaal 4.250 / 1.500 = 2,83 → 3 (per groep afronden zou 2 + 2 = 4 geven)
    result = franke_groups(groups, 1_500)
    assert result.hours == pytest.approx(4_250)
    assert result.exact == pytest.approx(4_250 / 1_500)
    assert result.reps == 3
    table = franke_group_table(groups)
    assert list(table.index) == ["A-klanten", "B-klanten"]
    assert table.loc["A-klanten", "uren"] == pytest.approx(2_000)
    assert table.loc["B-klanten", "minuten per bezoek"] == pytest.approx(75)
    assert table.loc["B-klanten", "bezoeken totaal"] == pytest.approx(1_800)


def test_franke_groups_default_names():
    table = franke_group_table([{"customers": 10, "visits_per_year": 6, "visit_minutes": 60}])
    # 10 × 6 × 60 / 60 = 60 uur
    assert table.loc["groep 1", "uren"] == pytest.approx(60)


def test_fixed_percentage_rounds_down():
    # 2.000.000 × 5% = 100.000 budget; 100.000 / 60.000 = 1,67 → 1 verkoper
    assert sales_force_size_fixed_percentage(2_000_000, 0.05, 60_000) == 1


def test_fixed_percentage_float_error_keeps_whole_number():
    # 1.200.000 × 10,2% = 122.400; 122.400 / 61.200 = 2 precies
    assert math.floor(1_200_000 * 0.102 / 61_200) == 1  # plain floats give 1.9999999999999998
    assert sales_force_size_fixed_percentage(1_200_000, 0.102, 61_200) == 2


def test_extra_profit_contribution_worked_example():
    # marge 25%, kosten 60.000 per verkoper
    # extra brutomarge: 100.000, 75.000, 50.000, 37.500
    # extra winstbijdrage: 40.000, 15.000, -10.000, -22.500 → cumulatief 40.000, 55.000, ...
    result = extra_profit_contribution([400_000, 300_000, 200_000, 150_000], 0.25, 60_000)
    assert result.optimal_reps == 2
    table = result.table
    assert list(table["extra brutomarge"]) == pytest.approx([100_000, 75_000, 50_000, 37_500])
    assert list(table["extra winstbijdrage"]) == pytest.approx([40_000, 15_000, -10_000, -22_500])
    assert list(table["cumulatieve winstbijdrage"]) == pytest.approx(
        [40_000, 55_000, 45_000, 22_500]
    )
    assert list(table["aannemen"]) == ["ja", "ja", "nee", "nee"]
    assert list(table.index) == [1, 2, 3, 4]


def test_extra_profit_equal_margin_and_cost_is_not_hired():
    # 240.000 × 25% = 60.000 = kosten → geen extra winst → 0 verkopers
    assert extra_profit_contribution([240_000], 0.25, 60_000).optimal_reps == 0


def test_extra_profit_takes_the_most_profitable_number_when_not_diminishing():
    # marges 50.000 en 100.000 bij kosten 60.000: -10.000, +40.000 → cumulatief -10.000, 30.000
    assert extra_profit_contribution([100_000, 200_000], 0.5, 60_000).optimal_reps == 2


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: franke(12.5, 12, 45, 30, 15, 1_600), "Het aantal klanten moet een geheel getal"),
        (lambda: franke(-1, 12, 45, 30, 15, 1_600), "Het aantal klanten moet minstens 0"),
        (lambda: franke(True, 12, 45, 30, 15, 1_600), "Het aantal klanten moet een geheel getal"),
        (lambda: franke(10, 0, 45, 30, 15, 1_600), "De bezoekfrequentie moet groter dan 0"),
        (lambda: franke(10, 12, 0, 30, 15, 1_600), "De bezoekduur moet groter dan 0"),
        (lambda: franke(10, 12, 45, -1, 15, 1_600), "De reistijd mag niet negatief"),
        (lambda: franke(10, 12, 45, 30, -5, 1_600), "De wachttijd mag niet negatief"),
        (
            lambda: franke(10, 12, 45, 30, 15, 0),
            "Het aantal beschikbare uren per verkoper moet groter dan 0",
        ),
        (
            lambda: franke(10, 12, 45, 30, 15, 96_000),
            "Een verkoper kan niet 96.000 uur per jaar beschikbaar zijn: een jaar heeft "
            "hooguit 8.784 uur",
        ),
        (lambda: franke_groups([], 1_600), "minstens één klantgroep"),
        (
            lambda: franke_groups([{"customers": 1, "visits_per_year": 1}], 1_600),
            "Klantgroep 1 mist gegevens",
        ),
        (lambda: franke_groups([{"klanten": 1}], 1_600), "Klantgroep 1 is geen CustomerGroup"),
        (
            lambda: franke_groups([CustomerGroup("A", 1, 1, 1), CustomerGroup("A", 2, 1, 1)], 10),
            "moeten uniek zijn",
        ),
        (
            lambda: franke_groups([CustomerGroup("C", 1, -1, 1)], 10),
            "De bezoekfrequentie (groep 'C') moet groter dan 0",
        ),
        (lambda: sales_force_size_fixed_percentage(-1, 0.05, 1), "De omzet mag niet negatief"),
        (lambda: sales_force_size_fixed_percentage(1, 5, 1), "Bedoel je 0,05?"),
        (
            lambda: sales_force_size_fixed_percentage(1, 0.05, 0),
            "Het kostenbedrag per verkoper moet groter dan 0",
        ),
        (lambda: extra_profit_contribution([], 0.25, 1), "minstens één extra verkoper"),
        (lambda: extra_profit_contribution([1], 25, 1), "De brutomarge moet een breuk"),
        (
            lambda: extra_profit_contribution([1], 0.25, -1),
            "Het kostenbedrag per verkoper moet groter",
        ),
        (
            lambda: extra_profit_contribution([1, float("nan")], 0.25, 1),
            "De extra omzet van verkoper 2 moet een eindig getal",
        ),
    ],
)
def test_invalid_input_gives_dutch_error(call, fragment):
    with pytest.raises(InvalidInputError, match=re.escape(fragment)):
        call()


@given(
    customers=st.integers(min_value=0, max_value=2_000),
    visits=st.integers(min_value=1, max_value=52),
    visit=st.integers(min_value=1, max_value=240),
    travel=st.integers(min_value=0, max_value=240),
    wait=st.integers(min_value=0, max_value=60),
    available=st.integers(min_value=100, max_value=2_000),
)
def test_franke_is_exact_ceiling_for_whole_inputs(
    customers, visits, visit, travel, wait, available
):
    exact = Fraction(customers * visits * (visit + travel + wait), 60 * available)
    result = franke(customers, visits, visit, travel, wait, available)
    assert result.reps == math.ceil(exact)
    assert result.reps * available >= result.hours - 1e-6


@given(
    extra=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=10),
    cost=st.integers(min_value=1, max_value=10**6),
)
def test_extra_profit_matches_textbook_rule_when_diminishing(extra, cost):
    extra = sorted(extra, reverse=True)
    # textbook rule: count the reps whose extra margin (ratio 1 here) exceeds the cost
    expected = sum(1 for value in extra if value > cost)
    assert extra_profit_contribution(extra, 1.0, cost).optimal_reps == expected
