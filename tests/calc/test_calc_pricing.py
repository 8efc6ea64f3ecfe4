"""Tests for salesbook.calc.pricing: cost-plus, markup/margin, retail-minus, elasticity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.pricing import (
    MAX_MARKUP,
    cost_plus_price,
    elasticity_label,
    margin_to_markup,
    markup_to_margin,
    price_elasticity,
    price_elasticity_midpoint,
    retail_minus_price,
)
from salesbook.exceptions import InvalidInputError


def test_cost_plus_price_worked_example():
    # € 40 × (1 + 0,25) = € 50; € 12 × (1 + 1,5) = € 30
    assert cost_plus_price(40, 0.25) == pytest.approx(50)
    assert cost_plus_price(12, 1.5) == pytest.approx(30)
    assert cost_plus_price(40, 0) == 40


def test_markup_margin_worked_examples():
    # opslag 25%: 0,25 / 1,25 = 0,2 marge; marge 20%: 0,2 / 0,8 = 0,25 opslag
    assert markup_to_margin(0.25) == pytest.approx(0.2)
    assert margin_to_markup(0.2) == pytest.approx(0.25)
    # opslag 100%: 1 / 2 = 0,5; marge 0,5: 0,5 / 0,5 = 1
    assert markup_to_margin(1) == pytest.approx(0.5)
    assert margin_to_markup(0.5) == pytest.approx(1)
    # cost € 40, price € 50: markup 10/40 = 0,25 and margin 10/50 = 0,2 agree
    assert markup_to_margin(0) == 0 and margin_to_markup(0) == 0


def test_retail_minus_worked_example():
    # € 60,50 incl. 21% btw → 60,50 / 1,21 = € 50 excl. btw
    # retailer markup 25%: 50 / 1,25 = € 40 (retailer's purchase price)
    # wholesaler markup 25%: 40 / 1,25 = € 32 (factory price)
    assert retail_minus_price(60.50, 0.21, 0.25) == pytest.approx(40)
    assert retail_minus_price(60.50, 0.21, 0.25, 0.25) == pytest.approx(32)
    # low rate 9%: € 10,90 / 1,09 = € 10; markup 100%: € 5
    assert retail_minus_price(10.90, 0.09, 1) == pytest.approx(5)


def test_retail_minus_with_a_margin_converted_first():
    # retailer wants a margin of 20% of his selling price = markup 25%: same € 40
    markup = margin_to_markup(0.2)
    assert retail_minus_price(60.50, 0.21, markup) == pytest.approx(40)


def test_price_elasticity_worked_examples():
    # p 10 → 12 (+20%), q 1.000 → 900 (−10%): −0,10 / 0,20 = −0,5 → inelastisch
    e = price_elasticity(1000, 900, 10, 12)
    assert e == pytest.approx(-0.5)
    assert elasticity_label(e) == "inelastisch"
    # p 20 → 18 (−10%), q 500 → 600 (+20%): 0,20 / −0,10 = −2 → elastisch
    e = price_elasticity(500, 600, 20, 18)
    assert e == pytest.approx(-2)
    assert elasticity_label(e) == "elastisch"
    # p 10 → 11 (+10%), q 100 → 90 (−10%): −1 → eenheidselastisch
    assert elasticity_label(price_elasticity(100, 90, 10, 11)) == "eenheidselastisch"


def test_midpoint_elasticity_worked_examples():
    # Δq = −100 on avg 950; Δp = 2 on avg 11: (−100/950) / (2/11) = −1.100/1.900 = −11/19
    assert price_elasticity_midpoint(1000, 900, 10, 12) == pytest.approx(-11 / 19)
    # Δq = 100 on avg 550; Δp = −2 on avg 19: (100/550) / (−2/19) = −1.900/1.100 = −19/11
    assert price_elasticity_midpoint(500, 600, 20, 18) == pytest.approx(-19 / 11)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (-0.5, "inelastisch"),
        (0, "inelastisch"),
        (-1, "eenheidselastisch"),
        (1, "eenheidselastisch"),
        (-2.5, "elastisch"),
        (1.2, "elastisch"),
    ],
)
def test_elasticity_label_uses_absolute_value(value, label):
    assert elasticity_label(value) == label


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (
            lambda: cost_plus_price(40, 25),
            "opslag moet een breuk van hoogstens 5 zijn .*Bedoel je 0,25",
        ),
        (lambda: cost_plus_price(40, -0.1), "opslag mag niet negatief zijn"),
        (lambda: cost_plus_price(-1, 0.2), "kostprijs mag niet negatief zijn"),
        (lambda: markup_to_margin(30), "Bedoel je 0,3"),
        (lambda: margin_to_markup(1), "marge van 100% .* kleiner dan 1"),
        (lambda: margin_to_markup(20), "marge moet een breuk tussen 0 en 1 zijn, maar is 20"),
        (lambda: margin_to_markup(-0.1), "marge moet een breuk"),
        (lambda: retail_minus_price(0, 0.21, 0.25), "consumentenprijs moet groter dan 0"),
        (lambda: retail_minus_price(60.5, 21, 0.25), "btw-tarief moet een breuk .*Bedoel je 0,21"),
        (lambda: retail_minus_price(60.5, 0.21, 40), "opslag van de detaillist .*Bedoel je 0,4"),
        (lambda: retail_minus_price(60.5, 0.21, 0.4, 15), "opslag van de groothandel"),
        (lambda: price_elasticity(100, 90, 10, 10), "prijs is niet veranderd \\(beide 10\\)"),
        (lambda: price_elasticity(0, 90, 10, 11), "oude afzet moet groter dan 0"),
        (lambda: price_elasticity(100, 90, 0, 11), "oude prijs moet groter dan 0"),
        (lambda: price_elasticity(100, -5, 10, 11), "nieuwe afzet mag niet negatief"),
        (lambda: price_elasticity_midpoint(0, 0, 10, 11), "allebei 0"),
        (lambda: price_elasticity_midpoint(10, 5, 2.5, 2.5), "beide 2,5"),
        (lambda: elasticity_label(float("nan")), "prijselasticiteit moet een eindig getal"),
    ],
)
def test_errors_are_dutch_and_name_the_problem(call, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        call()


markups = st.floats(min_value=0, max_value=MAX_MARKUP)
margins = st.floats(min_value=0, max_value=MAX_MARKUP / (1 + MAX_MARKUP))


@settings(max_examples=80, deadline=None)
@given(markup=markups, margin=margins)
def test_markup_and_margin_are_inverses(markup, margin):
    assert margin_to_markup(markup_to_margin(markup)) == pytest.approx(markup, abs=1e-9)
    assert markup_to_margin(margin_to_markup(margin)) == pytest.approx(margin, abs=1e-9)
    assert markup_to_margin(markup) <= markup


@settings(max_examples=80, deadline=None)
@given(cost=st.floats(min_value=0.01, max_value=1e5), markup=markups)
def test_cost_plus_price_has_the_matching_margin(cost, markup):
    price = cost_plus_price(cost, markup)
    assert (price - cost) / price == pytest.approx(markup_to_margin(markup), abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(
    cost=st.floats(min_value=0.01, max_value=1e4),
    vat=st.sampled_from([0, 0.09, 0.21]),
    retail=markups,
    wholesale=markups,
)
def test_retail_minus_undoes_the_chain_of_markups(cost, vat, retail, wholesale):
    consumer_price = cost_plus_price(cost_plus_price(cost, wholesale), retail) * (1 + vat)
    assert retail_minus_price(consumer_price, vat, retail, wholesale) == pytest.approx(cost)


positive = st.floats(min_value=0.01, max_value=1e4)


@settings(max_examples=80, deadline=None)
@given(q0=positive, q1=positive, p0=positive, p1=positive)
def test_midpoint_elasticity_is_symmetric(q0, q1, p0, p1):
    if abs(p1 - p0) < 1e-6 * max(p0, p1):
        p1 = p0 * 1.5
    forward = price_elasticity_midpoint(q0, q1, p0, p1)
    assert forward == pytest.approx(price_elasticity_midpoint(q1, q0, p1, p0))
    simple = price_elasticity(q0, q1, p0, p1)
    assert (simple > 0) == (forward > 0) or forward == pytest.approx(0, abs=1e-12)
