"""Checking ordering, matching, classification and open questions."""

from __future__ import annotations

import pytest
from quiz_helpers import make

from salesbook.quiz.check import MAX_OPEN_CHARS, check
from salesbook.quiz.check_items import longest_ordered

ORDERING = make("ordering")  # Acquireren, Aftasten, Groei, Verzadiging, Neergang; 1 point
MATCHING = make("matching")  # 4 pairs, 2 points
CLASSIFICATION = make("classification")  # 4 items, 2 points
OPEN = make("open")  # 2 points, rubric 1 + 1
A, B, C, D, E = ORDERING.items


@pytest.mark.parametrize(
    ("positions", "length"),
    [
        ([0, 1, 2, 3, 4], 5),
        ([1, 2, 3, 4, 0], 4),
        ([4, 3, 2, 1, 0], 1),
        ([1, 0, 3, 2, 4], 3),
        ([], 0),
    ],
)
def test_longest_ordered_subsequence(positions, length):
    chain = longest_ordered(positions)
    assert len(chain) == length
    values = [positions[i] for i in chain]
    assert values == sorted(values) and chain == sorted(chain)


@pytest.mark.parametrize(
    ("order", "status", "score"),
    [
        ([A, B, C, D, E], "goed", 1.0),
        ([B, C, D, E, A], "deels goed", 0.75),  # L = 4: (4 − 1) / (5 − 1)
        ([A, C, B, D, E], "deels goed", 0.75),  # one swap of neighbours
        ([B, A, D, C, E], "deels goed", 0.5),  # L = 3: (3 − 1) / 4
        ([E, D, C, B, A], "fout", 0.0),  # reversed: L = 1
        ([" acquireren", "AFTASTEN", C, D, E], "goed", 1.0),  # case and spaces do not matter
        ((A, B, C, D, E), "goed", 1.0),
    ],
)
def test_ordering_partial_credit_by_longest_ordered_subsequence(order, status, score):
    outcome = check(ORDERING, order)
    assert (outcome.status, outcome.score) == (status, pytest.approx(score))


def test_ordering_feedback_names_the_items_out_of_place_and_explains_the_logic():
    outcome = check(ORDERING, [B, C, D, E, A])
    assert outcome.details == ("'Acquireren' staat nog niet op de goede plek.",)
    assert outcome.feedback == (
        "4 van de 5 onderdelen staan in de goede volgorde ten opzichte van elkaar.\n\n"
        "- 'Acquireren' staat nog niet op de goede plek.\n\nVan kennismaken naar neergang."
    )
    assert check(ORDERING, [A, B, C, D, E]).feedback.startswith("Goed: de volgorde klopt.")
    assert check(ORDERING, [E, D, C, B, A]).feedback.startswith(
        "Geen twee onderdelen staan in de goede volgorde ten opzichte van elkaar."
    )


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ([A, B, C, D], "Zet alle 5 onderdelen in je volgorde; er ontbreken: Neergang."),
        ([A, B, C, D, D], "'Verzadiging' staat twee keer in je volgorde."),
        ([A, B, C, D, "Klantbehoud"], "'Klantbehoud' is geen van de onderdelen van deze vraag."),
        ([A, B, C, D, 5], "'5' is geen van de onderdelen van deze vraag."),
        ("Acquireren, Aftasten", "Geef een lijst met alle onderdelen in jouw volgorde."),
        ({A: 1}, "Geef een lijst met alle onderdelen in jouw volgorde."),
        (42, "Geef een lijst met alle onderdelen in jouw volgorde."),
    ],
)
def test_ordering_wrong_shape(response, message):
    outcome = check(ORDERING, response)
    assert (outcome.status, outcome.feedback) == ("fout", message)


def test_two_item_ordering_is_all_or_nothing():
    two = make("ordering", items=["Eerst", "Dan"])
    assert check(two, ["Dan", "Eerst"]).status == "fout"
    assert check(two, ["Eerst", "Dan"]).score == 1.0


RIGHT_PAIRS = {p.left: p.right for p in MATCHING.pairs}


def test_matching_all_right_partly_and_missing():
    assert check(MATCHING, RIGHT_PAIRS).status == "goed"
    swapped = dict(RIGHT_PAIRS, DESTEP="Vragen stellen", SPIN="Macro-omgeving")
    outcome = check(MATCHING, swapped)
    assert (outcome.status, outcome.score) == ("deels goed", 1.0)  # 2 of 4 × 2 points
    assert outcome.details == ("'DESTEP': DESTEP: macro.", "'SPIN': SPIN: vragen.")
    assert outcome.feedback.startswith("2 van de 4 koppelingen kloppen.")
    partial = {"destep ": "macro-omgeving", "SPIN": "Vragen stellen", "BSC": None}
    outcome = check(MATCHING, partial)
    assert outcome.score == pytest.approx(1.0)
    assert "'Franke' heb je nog niet gekoppeld." in outcome.details
    assert "'BSC' heb je nog niet gekoppeld." in outcome.details
    everything_wrong = dict.fromkeys(RIGHT_PAIRS, "Vier perspectieven")
    everything_wrong["BSC"] = "Macro-omgeving"
    assert check(MATCHING, everything_wrong).feedback.startswith("Geen van de 4 koppelingen klopt.")


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ({"PEST": "Macro-omgeving"}, "'PEST' is geen linkerkant van deze vraag."),
        ({"SPIN": "Onderhandelen"}, "'Onderhandelen' is geen rechterkant van deze vraag"),
        ({"SPIN": 3}, "'3' is geen rechterkant van deze vraag"),
        ({"SPIN": "Vragen stellen", "spin": "Macro-omgeving"}, "'spin' staat twee keer"),
        (
            [["SPIN", "Vragen stellen"]],
            "Geef je antwoord als koppeling van linkerkant naar rechterkant.",
        ),
    ],
)
def test_matching_wrong_shape(response, message):
    outcome = check(MATCHING, response)
    assert outcome.status == "fout" and outcome.feedback.startswith(message)


def test_classification_share_of_items_placed_right():
    right = {item.text: item.category for item in CLASSIFICATION.items}
    assert check(CLASSIFICATION, right).score == 2.0
    three = dict(right, Koperbuis="Routine")
    outcome = check(CLASSIFICATION, three)
    assert (outcome.status, outcome.score) == ("deels goed", 1.5)  # 3 of 4 × 2 points
    assert outcome.details == ("'Koperbuis': Hoog belang, laag risico.",)
    assert outcome.feedback.startswith("3 van de 4 indelingen kloppen.")
    one = {"Kantoorpapier": "routine"}
    assert check(CLASSIFICATION, one).feedback.startswith("1 van de 4 indelingen klopt.")
    bad = check(CLASSIFICATION, {"Kantoorpapier": "Kwadrant 5"})
    assert bad.status == "fout" and bad.feedback == (
        "'Kwadrant 5' is geen categorie van deze vraag "
        "(kies uit: Routine, Hefboom, Bottleneck, Strategisch)."
    )


def test_open_answer_is_kept_for_the_teacher_with_model_answer_and_rubric():
    outcome = check(OPEN, "Een tevreden klant kan toch overstappen.")
    assert (outcome.status, outcome.score, outcome.max_score) == ("ingeleverd", 0.0, 2.0)
    assert outcome.attempted
    assert outcome.feedback == (
        "Je antwoord is bewaard. Je docent beoordeelt het met de criteria hieronder.\n\n"
        "**Modelantwoord**\n\nTevredenheid is een oordeel; loyaliteit is gedrag.\n\n"
        "**Beoordelingscriteria**\n\n- Verschil uitgelegd (1 punt)\n- Passend voorbeeld (1 punt)"
    )


def test_open_answer_edge_cases():
    assert check(OPEN, " \n ").status == "niet beantwoord"
    assert check(OPEN, 42).status == "fout"
    too_long = check(OPEN, "x" * (MAX_OPEN_CHARS + 1))
    assert too_long.status == "niet beantwoord"
    assert too_long.feedback.startswith(f"Je antwoord is {MAX_OPEN_CHARS + 1} tekens lang")
    assert check(OPEN, "é" * MAX_OPEN_CHARS).status == "ingeleverd"
