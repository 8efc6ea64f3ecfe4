"""DPP and TCO: worked examples, Dutch errors, properties."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.calc.dpp_tco import (
    direct_product_profit,
    dpp_by_product,
    dpp_per_unit,
    tco_breakdown,
    tco_comparison,
    total_cost_of_ownership,
)
from salesbook.exceptions import InvalidInputError


def test_dpp_with_one_cost_amount():
    # 2.400 + 300 - 900 = 1.800
    assert direct_product_profit(2_400, 300, 900) == pytest.approx(1_800)


def test_dpp_with_named_cost_items():
    # voorraad 350 + transport 150 + winkel 400 = 900; 2.400 + 300 - 900 = 1.800
    costs = {"voorraad": 350, "transport": 150, "winkel": 400}
    assert direct_product_profit(2_400, 300, costs) == pytest.approx(1_800)


def test_dpp_with_list_of_costs_can_be_negative():
    # 500 + 0 - (400 + 250) = -150
    assert direct_product_profit(500, 0, [400, 250]) == pytest.approx(-150)


def test_dpp_per_unit():
    # 1.800 / 1.200 stuks = 1,50 per stuk
    assert dpp_per_unit(1_800, 1_200) == pytest.approx(1.5)


def test_dpp_by_product_sorts_highest_first():
    table = dpp_by_product(
        {
            "chips": {"gross_profit": 1_000, "direct_costs": 700, "units_sold": 600},
            "cola": {"gross_profit": 2_400, "other_income": 300, "direct_costs": 900},
        }
    )
    # cola: 2.400 + 300 - 900 = 1.800; chips: 1.000 - 700 = 300, per stuk 300 / 600 = 0,50
    assert list(table.index) == ["cola", "chips"]
    assert table.loc["cola", "DPP"] == pytest.approx(1_800)
    assert table.loc["chips", "DPP per stuk"] == pytest.approx(0.5)
    assert math.isnan(table.loc["cola", "DPP per stuk"])
    assert list(table.columns) == [
        "brutowinst",
        "andere opbrengsten",
        "directe productkosten",
        "DPP",
        "DPP per stuk",
    ]


def test_tco_without_discounting():
    # 20.000 + (1.500 + 1.800 + 2.100) - 8.000 = 20.000 + 5.400 - 8.000 = 17.400
    assert total_cost_of_ownership(20_000, [1_500, 1_800, 2_100], 8_000) == pytest.approx(17_400)


def test_tco_accepts_numpy_and_pandas():
    # 1.000 + (100 + 200) = 1.300
    assert total_cost_of_ownership(1_000, np.array([100.0, 200.0])) == pytest.approx(1_300)
    assert total_cost_of_ownership(1_000, pd.Series([100.0, 200.0])) == pytest.approx(1_300)


def test_tco_with_constant_yearly_costs_needs_years():
    # 10.000 + 4 × 1.000 - 2.000 = 12.000
    assert total_cost_of_ownership(10_000, 1_000, 2_000, years=4) == pytest.approx(12_000)


def test_tco_with_cost_items():
    # per year: onderhoud 500 + energie [300, 400] → [800, 900]; 5.000 + 1.700 - 1.000 = 5.700
    costs = {"onderhoud": 500, "energie": [300, 400]}
    assert total_cost_of_ownership(5_000, costs, 1_000) == pytest.approx(5_700)


def test_tco_with_discounting():
    # r = 10%: 1.100/1,1 = 1.000; 1.210/1,21 = 1.000; rest 2.420/1,21 = 2.000
    # TCO = 10.000 + 2.000 - 2.000 = 10.000
    parts = tco_breakdown(10_000, [1_100, 1_210], 2_420, 0.10)
    assert parts.operating_costs == pytest.approx(2_000)
    assert parts.residual_value == pytest.approx(2_000)
    assert parts.total == pytest.approx(10_000)
    assert parts.years == 2
    assert parts.per_year == pytest.approx(5_000)


def test_tco_comparison_cheapest_first_and_per_year():
    options = {
        "lease": {"purchase_price": 0, "yearly_costs": 6_000, "years": 3},
        "koop": {"purchase_price": 20_000, "yearly_costs": [1_000] * 5, "residual_value": 5_000},
    }
    table = tco_comparison(options)
    # lease: 0 + 3 × 6.000 = 18.000 (6.000 per jaar)
    # koop: 20.000 + 5.000 - 5.000 = 20.000 (4.000 per jaar)
    assert list(table.index) == ["lease", "koop"]
    assert table.loc["koop", "TCO"] == pytest.approx(20_000)
    assert list(tco_comparison(options, per_year=True).index) == ["koop", "lease"]
    assert table.loc["lease", "TCO per jaar"] == pytest.approx(6_000)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (
            lambda: direct_product_profit(100, -5, 10),
            "Het bedrag aan andere opbrengsten mag niet negatief",
        ),
        (
            lambda: direct_product_profit(100, 0, {"transport": -1}),
            "De kostenpost 'transport' mag niet negatief",
        ),
        (lambda: direct_product_profit(float("inf"), 0, 0), "De brutowinst moet een eindig"),
        (lambda: dpp_per_unit(100, 0), "De afzet (aantal stuks) moet groter dan 0"),
        (lambda: dpp_by_product({}), "minstens één product"),
        (lambda: dpp_by_product({"x": {"gross_profit": 1}}), "Product 'x'"),
        (lambda: total_cost_of_ownership(-1, [1]), "De aanschafprijs mag niet negatief"),
        (lambda: total_cost_of_ownership(1, 100), "Geef het aantal jaren"),
        (lambda: total_cost_of_ownership(1, []), "minstens één jaar"),
        (lambda: total_cost_of_ownership(1, [1, 2], years=3), "niet allemaal hetzelfde"),
        (lambda: total_cost_of_ownership(1, {"a": [1], "b": [1, 2]}), "niet allemaal hetzelfde"),
        (
            lambda: total_cost_of_ownership(1, [1, -2]),
            "Het bedrag aan gebruikskosten in jaar 2 mag niet",
        ),
        (lambda: total_cost_of_ownership(1, 5, years=2.5), "Het aantal jaren moet een geheel"),
        (lambda: total_cost_of_ownership(1, 5, years=0), "Het aantal jaren moet minstens 1"),
        (lambda: direct_product_profit(1, 0, [1, -2]), "Kostenpost 2 mag niet negatief"),
        (
            lambda: total_cost_of_ownership(1, {"energie": [1, -1]}),
            "De kostenpost 'energie' in jaar 2 mag niet negatief",
        ),
        (lambda: total_cost_of_ownership(1, [1], -3), "De restwaarde mag niet negatief"),
        (lambda: total_cost_of_ownership(1, [1], 0, 5), "Bedoel je 0,05?"),
        (lambda: tco_comparison({}), "minstens één optie"),
        (lambda: tco_comparison({"a": {"purchase_price": 1, "kleur": 2}}), "Optie 'a'"),
    ],
)
def test_invalid_input_gives_dutch_error(call, fragment):
    with pytest.raises(InvalidInputError, match=re.escape(fragment)):
        call()


money = st.floats(min_value=0, max_value=1e7, allow_nan=False)


@given(price=money, costs=st.lists(money, min_size=1, max_size=8), rest=money)
def test_tco_without_discount_is_plain_sum(price, costs, rest):
    expected = price + sum(costs) - rest
    assert total_cost_of_ownership(price, costs, rest) == pytest.approx(expected, abs=1e-6)


@given(
    price=money,
    costs=st.lists(money, min_size=1, max_size=8),
    rate=st.floats(min_value=0.001, max_value=1),
)
def test_discounting_never_raises_the_tco_without_residual(price, costs, rate):
    assert (
        total_cost_of_ownership(price, costs, 0, rate)
        <= total_cost_of_ownership(price, costs) + 1e-6
    )
