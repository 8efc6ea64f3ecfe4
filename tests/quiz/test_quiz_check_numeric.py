"""Checking numeric answers: Dutch and English notation, units, tolerance, common slips."""

from __future__ import annotations

import math

import pytest
from quiz_helpers import make

from salesbook.quiz.check import check

# 50 promoters, 120 passives, 30 detractors: 25% − 15% = +10 (tolerance 0.5)
NPS = make("numeric")
PERCENT = make("numeric", answer=12.5, unit="%", tolerance={"absolute": 0.05})
MONEY = make("numeric", answer=1250.5, unit="€", tolerance={"absolute": 0.01})
PIECES = make("numeric", answer=120, unit="stuks", tolerance={"absolute": 0})
RELATIVE = make("numeric", answer=2000, tolerance={"relative": 0.01})


@pytest.mark.parametrize("response", ["10", "+10", " 10 ", "10,4", "9,5", "10.4", 10, 10.0, 9.6])
def test_nps_within_tolerance_is_right(response):
    outcome = check(NPS, response)
    assert (outcome.status, outcome.score, outcome.max_score) == ("goed", 1.0, 1.0)


def test_right_answer_feedback_shows_the_exact_key_when_rounded():
    assert check(NPS, "10").feedback == "Goed: 10 klopt."
    assert check(NPS, "10,4").feedback == "Goed: 10,4 klopt. Het precieze antwoord is 10."


@pytest.mark.parametrize(
    ("response", "feedback"),
    [
        ("10,6", "Dat klopt niet: 10,6 is te hoog."),
        ("9,4", "Dat klopt niet: 9,4 is te laag."),
        ("25", "Dat klopt niet: 25 is te hoog."),
        (
            "-10",
            "Dat klopt niet: -10 is te laag.\n\nHet getal klopt, maar het teken niet: "
            "controleer plus en min.",
        ),
        (
            "0,1",
            "Dat klopt niet: 0,1 is te laag.\n\nJe zit er een factor 100 naast. "
            "Reken je met een breuk waar een percentage wordt gevraagd?",
        ),
        (
            "1.000",
            "Dat klopt niet: 1.000 is te hoog.\n\nJe zit er een factor 100 naast. "
            "Reken je met een percentage waar een breuk wordt gevraagd?",
        ),
    ],
)
def test_wrong_number_says_too_high_or_low_and_flags_slips(response, feedback):
    outcome = check(NPS, response)
    assert (outcome.status, outcome.score) == ("fout", 0.0)
    assert outcome.feedback == feedback


@pytest.mark.parametrize("response", ["tien", "1,2,3", "10..5", "€ 10 %", "--"])
def test_unreadable_number_is_not_an_attempt_and_explains_in_dutch(response):
    outcome = check(NPS, response)
    assert outcome.status == "niet beantwoord" and not outcome.attempted
    assert outcome.feedback.startswith(f"Ik kan '{response}' niet lezen als getal")


@pytest.mark.parametrize("response", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_not_an_attempt(response):
    assert check(NPS, response).status == "niet beantwoord"


@pytest.mark.parametrize("response", [True, False, [10], {"antwoord": 10}, b"10"])
def test_wrong_type_is_fout_with_explanation(response):
    outcome = check(NPS, response)
    assert outcome.status == "fout"
    assert outcome.feedback == "Geef een getal als antwoord (bijvoorbeeld 1250,50)."


@pytest.mark.parametrize(
    "response", ["12,5", "12,5%", "12,5 %", "12.5", 12.5, "12,54", "12,5 procent", "12,5Procent"]
)
def test_percentage_answers(response):
    assert check(PERCENT, response).status == "goed"


def test_a_fraction_where_a_percentage_is_asked_is_wrong_with_a_hint():
    outcome = check(PERCENT, "0,125")
    assert outcome.status == "fout"
    assert outcome.feedback == (
        "Dat klopt niet: 0,125% is te laag.\n\nJe antwoord lijkt een breuk; geef het als "
        "percentage (dus 12,5 in plaats van 0,125)."
    )
    assert check(PERCENT, 0.125).status == "fout"


def test_money_where_a_percentage_is_asked_is_not_an_attempt():
    outcome = check(PERCENT, "€ 12,50")
    assert outcome.status == "niet beantwoord"
    assert outcome.feedback.startswith(
        "Je typte een bedrag, maar hier wordt een percentage gevraagd"
    )


@pytest.mark.parametrize(
    "response",
    ["€ 1.250,50", "€1250,5", "1250,50", "1.250,5", "1,250.50", "1250.5", "1.250,50 euro", 1250.5],
)
def test_money_answers_in_dutch_and_english_notation(response):
    assert check(MONEY, response).status == "goed"


def test_money_slips_and_units():
    wrong = check(MONEY, "1,2505")  # read as 1,2505 (Dutch decimal comma)
    assert wrong.status == "fout"
    assert wrong.feedback.startswith(
        "Dat klopt niet: € 1,2505 is te laag.\n\nJe zit er een factor 1000"
    )
    assert "de komma het decimaalteken" in wrong.feedback
    assert check(MONEY, "€ 1.250,49").status == "goed"
    assert check(MONEY, "€ 1.250,48").status == "fout"
    assert check(MONEY, "12,5%").status == "niet beantwoord"
    assert check(MONEY, "1.250.50").status == "niet beantwoord"
    assert check(MONEY, "€ 1.300").feedback == "Dat klopt niet: € 1.300,00 is te hoog."


@pytest.mark.parametrize("response", ["120", "120 stuks", "120 Stuks", " 120stuks ", 120])
def test_unit_word_may_follow_the_number(response):
    assert check(PIECES, response).status == "goed"


def test_zero_tolerance_is_exact_and_unit_is_shown():
    outcome = check(PIECES, "121")
    assert outcome.feedback == "Dat klopt niet: 121 stuks is te hoog."


@pytest.mark.parametrize(
    ("response", "status"),
    [("1980", "goed"), ("2020", "goed"), ("2.020", "goed"), ("2021", "fout"), ("1979", "fout")],
)
def test_relative_tolerance_is_a_share_of_the_key(response, status):
    assert check(RELATIVE, response).status == status


def test_factor_1000_slip_from_english_thousands():
    # "2,000" is 2 in Dutch notation (the comma is the decimal sign): flag it.
    outcome = check(RELATIVE, "2,000")
    assert outcome.status == "fout" and "factor 1000" in outcome.feedback
