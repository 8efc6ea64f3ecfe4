"""Schema validation of question banks: every rule gives the promised Dutch message."""

from __future__ import annotations

import pytest
from quiz_helpers import bank_data, make, parse, problems, question_data

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.bank import parse_bank

BANK_TEXT = """\
schema_version: 1
chapter: 2
title: Meten is weten
leerdoelen:
  - id: h2.nps
    text: Je berekent de NPS.
    section: nps
questions:
  - id: h2.nps.03
    version: 1
    type: single_choice
    leerdoel: h2.nps
    difficulty: 1
    points: 1
    source: seed 003
    prompt: Hoe bereken je de NPS?
    hints: [Denk aan promoters.]
    solution: Promoters min detractors.
    options:
      - {text: Promoters min detractors, correct: true, feedback: Goed.}
      - {text: Gemiddelde maal tien, correct: false, feedback: Nee.}
      - {text: Alleen promoters, correct: false, feedbak: Nee.}
"""


def test_every_type_of_the_helper_bank_is_valid():
    bank = parse(bank_data())
    assert [q.type for q in bank.questions] == [
        "single_choice",
        "multiple_choice",
        "numeric",
        "ordering",
        "matching",
        "classification",
        "open",
    ]
    assert bank.question("h2.nps.03").chapter == 2


def test_typo_in_a_key_gives_file_question_field_and_suggestion():
    with pytest.raises(QuestionBankError) as caught:
        parse_bank(BANK_TEXT, "h2_meten.yaml")
    assert caught.value.problems == [
        "h2_meten.yaml, vraag h2.nps.03, veld options[2].feedbak: onbekend veld 'feedbak'; "
        "bedoel je 'feedback'? (regel 22)",
    ]
    message = str(caught.value)
    assert (
        message
        == "De vragenbank h2_meten.yaml klopt niet (1 probleem):\n- " + (caught.value.problems[0])
    )
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_empty_feedback_names_the_exact_field():
    data = bank_data()
    data["questions"][0]["options"][2]["feedback"] = "  "
    assert problems(data) == [
        "h2_meten.yaml, vraag h2.nps.01, veld options[2].feedback: mag niet leeg zijn (regel 33)"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"points": "1"},
            "veld points: moet een getal zijn, maar is '1'",
        ),
        ({"version": 1.5}, "veld version: moet een geheel getal zijn, maar is 1.5"),
        ({"difficulty": 4}, "veld difficulty: moet 1, 2 of 3 zijn, maar is 4"),
        ({"points": 0}, "veld points: moet groter zijn dan 0, maar is 0"),
        ({"hints": []}, "veld hints: moet minstens 1 onderdelen hebben (nu 0)"),
        ({"hints": "Eén hint"}, "veld hints: moet een lijst zijn"),
        ({"prompt": 12}, "veld prompt: moet tekst zijn, maar is 12"),
        ({"prompt": {"Let op": "x"}}, "veld prompt: moet tekst zijn, maar YAML las een blok"),
        ({"source": None}, "veld source: moet tekst zijn, maar is None"),
        ({"leerdoel": "H2.NPS"}, "veld leerdoel: 'H2.NPS' is geen geldig leerdoel-id"),
        ({"id": "h2.nps.1"}, "veld id: 'h2.nps.1' is geen geldig id"),
        ({"id": "h2.abc.01"}, "veld id: een vraag-id begint met het id van zijn leerdoel"),
        ({"leerdoel": "h2.crm", "id": "h2.crm.01"}, "leerdoel 'h2.crm' staat niet in leerdoelen"),
    ],
)
def test_common_field_errors_are_translated(change, expected):
    found = problems(bank_data(question_data("single_choice", **change)))
    assert len(found) == 1, found
    assert found[0].startswith("h2_meten.yaml, vraag ")
    assert expected in found[0]


def test_bool_where_text_is_expected_explains_yaml_yes_no():
    data = bank_data(question_data("ordering", items=["ja", True, "nee"]))
    (line,) = problems(data)
    assert "veld items[1]: moet tekst zijn, maar is true (YAML leest ja/nee/yes/no" in line


def test_missing_and_unknown_question_type():
    found = problems(bank_data(question_data("open", type="essay")))
    assert found == [
        "h2_meten.yaml, vraag h2.nps.01, veld type: onbekend vraagtype 'essay'; kies uit "
        "single_choice, multiple_choice, numeric, ordering, matching, classification, open "
        "(regel 13)"
    ]
    data = bank_data(question_data("open"))
    del data["questions"][0]["type"]
    assert "veld type: ontbreekt: het vraagtype" in problems(data)[0]


def test_question_that_is_not_a_mapping_is_named_by_position():
    data = bank_data(question_data("open"))
    data["questions"].append("h2.nps.02")
    assert problems(data)[0].startswith(
        "h2_meten.yaml, vraag nr. 2: moet een blok met velden zijn, maar is 'h2.nps.02'"
    )


def test_top_level_problems_have_no_question_part():
    data = bank_data()
    data["schema_version"] = 2
    data["leerdoelen"][1]["id"] = "h3.abc"
    found = problems(data)
    assert found[0] == (
        "h2_meten.yaml, veld schema_version: onbekende schemaversie 2; deze salesbook kent "
        "alleen 1 (regel 1)"
    )
    data["schema_version"] = 1
    assert problems(data) == [
        "h2_meten.yaml, veld leerdoelen[1].id: moet beginnen met 'h2.' (hoofdstuk) (regel 8)"
    ]


def test_single_choice_needs_exactly_one_correct_option():
    question = question_data("single_choice")
    question["options"][1]["correct"] = True
    assert problems(bank_data(question)) == [
        "h2_meten.yaml, vraag h2.nps.01, veld options: bij single_choice moet precies één optie "
        "correct zijn (nu 2) (regel 24)"
    ]
    for option in question["options"]:
        option["correct"] = False
    assert "(nu 0)" in problems(bank_data(question))[0]


def test_multiple_choice_needs_a_correct_option_and_different_texts():
    question = question_data("multiple_choice")
    for option in question["options"]:
        option["correct"] = False
    assert "minstens één optie correct" in problems(bank_data(question))[0]
    question = question_data("multiple_choice")
    question["options"][4]["text"] = " nps "
    assert problems(bank_data(question))[0].startswith(
        "h2_meten.yaml, vraag h2.nps.01, veld options[4].text: deze optie staat er al eerder in"
    )


def test_choice_option_count_limits():
    question = question_data("single_choice")
    question["options"] = question["options"][:1]
    assert (
        "veld options: moet minstens 2 onderdelen hebben (nu 1)" in problems(bank_data(question))[0]
    )


def test_numeric_tolerance_needs_exactly_one_non_negative_bound():
    both = question_data("numeric", tolerance={"absolute": 1, "relative": 0.1})
    assert (
        "veld tolerance: geef precies één van 'absolute' en 'relative'"
        in problems(bank_data(both))[0]
    )
    negative = question_data("numeric", tolerance={"absolute": -1})
    assert (
        "veld tolerance.absolute: moet minstens 0 zijn, maar is -1"
        in problems(bank_data(negative))[0]
    )
    missing = question_data("numeric")
    del missing["tolerance"]
    assert "veld tolerance: ontbreekt (verplicht veld)" in problems(bank_data(missing))[0]


def test_numeric_answer_xor_parameters():
    neither = question_data("numeric")
    del neither["answer"]
    assert (
        "veld answer: ontbreekt: geef answer, of parameters met calc"
        in problems(bank_data(neither))[0]
    )
    both = question_data(
        "numeric",
        prompt="{p} promoters",
        parameters={"p": {"min": 1, "max": 9}},
        calc={"function": "nps.nps_from_counts", "args": {"promoters": "$p"}},
    )
    assert "veld answer: laat answer weg" in problems(bank_data(both))[0]


def test_numeric_parameter_references_are_checked():
    question = question_data(
        "numeric",
        prompt="Er zijn {promoters} promoters.",
        parameters={
            "promoters": {"min": 10, "max": 50, "step": 5},
            "spare": {"min": 1, "max": 2},
        },
        calc={
            "function": "nps.nps_from_counts",
            "args": {"promoters": "$promoters", "passives": "$pasives", "detractors": 3},
        },
    )
    del question["answer"]
    found = problems(bank_data(question))
    assert any("veld parameters.spare: {spare} komt niet voor in de vraagtekst" in p for p in found)
    assert any("veld parameters.spare: wordt niet gebruikt in calc.args" in p for p in found)
    assert any(
        "veld calc.args.passives: '$pasives' verwijst naar een onbekende parameter" in p
        for p in found
    )


def test_prompt_may_not_reveal_the_answer():
    leaky = question_data("numeric", prompt="Bereken de NPS (het is {answer}).")
    assert problems(bank_data(leaky)) == [
        "h2_meten.yaml, vraag h2.nps.01, veld prompt: {answer} zou het antwoord in de vraagtekst "
        "verraden (regel 19)"
    ]


def test_parameter_range_and_calc_reference_rules():
    question = question_data(
        "numeric",
        prompt="{p}",
        parameters={"p": {"min": 5, "max": 1, "step": 0}},
        calc={"function": "os.system", "args": {"p": "$p"}},
    )
    del question["answer"]
    found = "\n".join(problems(bank_data(question)))
    assert "veld parameters.p.step: moet groter zijn dan 0" in found
    private = question_data("numeric", calc={"function": "nps._category", "args": {}})
    assert "verwijs niet naar een privé-naam" in problems(bank_data(private))[0]
    outside = question_data("numeric", calc={"function": "salesbook.quiz.check.check"})
    assert "moet beginnen met salesbook.calc. of salesbook.data." in problems(bank_data(outside))[0]
    bad = question_data("numeric", calc={"function": "NPS"})
    assert "is geen geldige functieverwijzing" in problems(bank_data(bad))[0]
    upside = question_data(
        "numeric",
        prompt="{p}",
        parameters={"p": {"min": 5, "max": 1}},
        calc={"function": "nps.nps_from_counts", "args": {"promoters": "$p"}},
    )
    del upside["answer"]
    assert "veld parameters.p.max: moet minstens min (5) zijn" in problems(bank_data(upside))[0]


def test_ordering_matching_classification_rules():
    assert (
        "veld items[2]: dit onderdeel staat er al eerder in"
        in problems(bank_data(question_data("ordering", items=["A", "B", "a"])))[0]
    )
    assert (
        "veld items: moet minstens 2 onderdelen hebben (nu 1)"
        in problems(bank_data(question_data("ordering", items=["A"])))[0]
    )
    matching = question_data("matching")
    matching["pairs"][3]["right"] = "Vragen stellen"
    assert (
        "veld pairs[3]: deze rechterkant staat er al eerder in" in problems(bank_data(matching))[0]
    )
    classification = question_data("classification")
    classification["items"][1]["category"] = "Hefboomproducten"
    assert problems(bank_data(classification))[0].startswith(
        "h2_meten.yaml, vraag h2.nps.01, veld items[1].category: 'Hefboomproducten' staat niet "
        "in categories (Routine, Hefboom, Bottleneck, Strategisch)"
    )


def test_open_rubric_points_add_up_to_question_points():
    found = problems(bank_data(question_data("open", points=3)))
    assert found[0].startswith(
        "h2_meten.yaml, vraag h2.nps.01, veld rubric: de punten van de rubric tellen op tot 2, "
        "maar de vraag is 3 punten waard"
    )


def test_duplicate_question_ids_in_one_bank():
    data = bank_data(question_data("open", 1), question_data("ordering", 1))
    assert problems(data) == [
        "h2_meten.yaml, vraag h2.nps.01, veld id: dit vraag-id komt al eerder voor (regel 30)"
    ]


def test_file_name_must_match_chapter():
    with pytest.raises(QuestionBankError) as caught:
        parse(bank_data(), file="h3_organisatie.yaml")
    assert caught.value.problems == [
        "h3_organisatie.yaml, veld chapter: het bestand hoort bij hoofdstuk 3, maar chapter is 2"
    ]


def test_a_bank_that_is_not_a_mapping():
    with pytest.raises(QuestionBankError, match=r"h2_meten\.yaml: een vragenbank is een blok"):
        parse_bank("- a\n- b\n", "h2_meten.yaml")
    with pytest.raises(QuestionBankError, match="bevat niets"):
        parse_bank("", "h2_meten.yaml")


def test_unknown_question_id_in_a_bank_is_a_dutch_error():
    bank = parse(bank_data())
    with pytest.raises(QuestionBankError, match=r"Vraag 'h2\.nps\.99' bestaat niet in hoofdstuk 2"):
        bank.question("h2.nps.99")
    assert bank.leerdoel("h2.abc").section == "abc"
    assert [q.id for q in bank.questions_for("h2.abc")] == []
    assert len(bank.questions_for("h2.nps")) == 7


def test_fingerprint_covers_the_key_not_the_wording():
    base = make("single_choice")
    reworded = make("single_choice", prompt="Andere tekst.", hints=["Andere hint."])
    options = question_data("single_choice")["options"]
    options[1]["feedback"] = "Andere feedback."
    refeedback = make("single_choice", options=options)
    options = question_data("single_choice")["options"]
    options[0]["correct"], options[1]["correct"] = False, True
    rekeyed = make("single_choice", options=options)
    assert len(base.fingerprint()) == 16
    assert base.fingerprint() == reworded.fingerprint() == refeedback.fingerprint()
    assert base.fingerprint() != rekeyed.fingerprint()
    assert make("numeric").fingerprint() != make("numeric", answer=11).fingerprint()
    assert make("open").fingerprint() != make("open", points=2.0, id="h2.nps.02").fingerprint()


def test_models_are_immutable():
    question = make("ordering")
    with pytest.raises(ValueError, match="frozen"):
        question.points = 5  # type: ignore[misc]
