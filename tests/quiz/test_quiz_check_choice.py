"""Checking single and multiple choice, including every kind of odd response."""

from __future__ import annotations

import pytest
from quiz_helpers import make

from salesbook.quiz.check import check

SINGLE = make("single_choice")  # option 0 correct; 1 and 2 wrong
MULTIPLE = make("multiple_choice")  # 2 points; options 0, 1, 2 correct; 3, 4 wrong


@pytest.mark.parametrize(
    "response", [0, "Promoters min detractors", "  promoters MIN detractors ", [0], (0,)]
)
def test_single_choice_correct_by_index_or_text(response):
    outcome = check(SINGLE, response)
    assert (outcome.status, outcome.score, outcome.max_score) == ("goed", 1.0, 1.0)
    assert outcome.feedback == "Goed zo." and outcome.details == ("Goed zo.",)


def test_single_choice_wrong_option_gives_that_options_feedback():
    outcome = check(SINGLE, 2)
    assert (outcome.status, outcome.score) == ("fout", 0.0)
    assert outcome.feedback == "Detractors tellen mee."
    assert outcome.attempted


@pytest.mark.parametrize("response", [None, "", "   ", [], (), {}, set()])
def test_single_choice_empty_is_not_answered(response):
    outcome = check(SINGLE, response)
    assert outcome.status == "niet beantwoord" and not outcome.attempted
    assert outcome.feedback == "Je hebt nog geen antwoord gegeven."


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (3, "Optie 3 bestaat niet: deze vraag heeft opties 0 tot en met 2."),
        (-1, "Optie -1 bestaat niet: deze vraag heeft opties 0 tot en met 2."),
        (True, "Kies een optie; True is geen optie."),
        (1.0, "Kies een optie met haar nummer of tekst, niet met float."),
        ("Het gemiddelde", "'Het gemiddelde' is geen van de opties van deze vraag."),
        ([0, 1], "Kies precies één optie."),
        ({"a": 1}, "Kies een optie met haar nummer of tekst, niet met dict."),
    ],
)
def test_single_choice_wrong_shape_is_fout_with_explanation(response, message):
    outcome = check(SINGLE, response)
    assert (outcome.status, outcome.score, outcome.feedback) == ("fout", 0.0, message)


@pytest.mark.parametrize(
    ("response", "status", "score"),
    [
        ([0, 1, 2], "goed", 2.0),  # all three right
        ([2, 0, 1], "goed", 2.0),  # order does not matter
        ([0, 1], "deels goed", 1.333333),  # 2 × (2 − 0) / 3
        ([0, 1, 3], "deels goed", 0.666667),  # 2 × (2 − 1) / 3
        ([0, 1, 2, 3], "deels goed", 1.333333),  # 2 × (3 − 1) / 3
        ([0, 3], "fout", 0.0),  # 2 × (1 − 1) / 3
        ([3, 4], "fout", 0.0),  # max(0, −2 / 3)
        ([0, 1, 2, 3, 4], "deels goed", 0.666667),  # 2 × (3 − 2) / 3: guessing all pays little
        (0, "deels goed", 0.666667),  # a lone pick counts as a list of one
        ([0, 0, 1], "deels goed", 1.333333),  # duplicates count once
        (["NPS", " retentie ", 2], "goed", 2.0),  # texts and indices mixed
        ({0, 1, 2}, "goed", 2.0),
    ],
)
def test_multiple_choice_partial_credit_rule(response, status, score):
    outcome = check(MULTIPLE, response)
    assert outcome.status == status
    assert outcome.score == pytest.approx(score, abs=1e-6)
    assert outcome.max_score == 2.0


def test_multiple_choice_feedback_lists_each_chosen_option_and_what_is_missing():
    outcome = check(MULTIPLE, [1, 3])
    assert outcome.details == ("Ja, retentie.", "Nee, liquiditeit.")
    assert outcome.feedback == (
        "Je koos 1 van de 3 juiste opties en 1 onjuiste. Er ontbreken nog 2 juiste opties. "
        "Elke onjuiste keuze kost een juiste keuze.\n\n- Ja, retentie.\n- Nee, liquiditeit."
    )
    assert check(MULTIPLE, [0, 1]).feedback.startswith(
        "Je koos 2 van de 3 juiste opties. Er ontbreekt nog 1 juiste optie."
    )


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ([0, 7], "Optie 7 bestaat niet: deze vraag heeft opties 0 tot en met 4."),
        ([0, None], "Kies een optie met haar nummer of tekst, niet met NoneType."),
        ({"NPS": True}, "Geef een lijst met de opties die je kiest."),
        (["NPS", "Loyaliteit"], "'Loyaliteit' is geen van de opties van deze vraag."),
    ],
)
def test_multiple_choice_wrong_shape(response, message):
    assert check(MULTIPLE, response).feedback == message
    assert check(MULTIPLE, response).status == "fout"
