"""Parameterised numeric questions: reproducible draws, answers from salesbook.calc."""

from __future__ import annotations

import hashlib
import sys
import types
from dataclasses import dataclass

import pytest
from quiz_helpers import bank_data, make, parse, question_data

from salesbook.exceptions import InvalidInputError, QuestionBankError
from salesbook.quiz import calcref
from salesbook.quiz.model_numeric import ParameterSpec
from salesbook.quiz.variants import DEFAULT_SEED, compute_answer, draw_parameters, instantiate
from salesbook.quiz.verify import verify_bank

NPS_PROMPT = "Er zijn {promoters} promoters, {passives} passives en {detractors} detractors."


def nps_question(**overrides):
    fields = {
        "prompt": NPS_PROMPT + " $\\frac{P}{n}$ {onbekend}",
        "solution": "NPS = **{answer}** bij {promoters} promoters.",
        "hints": ["Tel {promoters} en {detractors}."],
        "tolerance": {"absolute": 0.1},
        "calc": {
            "function": "nps.nps_from_counts",
            "args": {
                "promoters": "$promoters",
                "passives": "$passives",
                "detractors": "$detractors",
            },
        },
        "parameters": {
            "promoters": {"min": 1000, "max": 2000, "step": 50},
            "passives": {"min": 10, "max": 90, "step": 5},
            "detractors": {"min": 10, "max": 60, "step": 5},
        },
    }
    fields.update(overrides)
    data = question_data("numeric", **fields)
    del data["answer"]
    return parse(bank_data(data)).questions[0]


@pytest.fixture(autouse=True)
def fresh_calc_cache():
    calcref._resolved.clear()
    yield
    calcref._resolved.clear()


def documented_draw(question_id, seed, name, spec):
    """The drawing rule of docs/question-bank-spec.md, written out independently."""
    digest = hashlib.sha256(f"{question_id}|{seed}|{name}".encode()).digest()
    count = int((spec["max"] - spec["min"]) / spec["step"]) + 1
    return spec["min"] + (int.from_bytes(digest[:8], "big") % count) * spec["step"]


def test_same_seed_gives_the_documented_numbers_every_time():
    question = nps_question()
    variant = instantiate(question, 1234)
    again = instantiate(question, 1234)
    specs = {"promoters": (1000, 2000, 50), "passives": (10, 90, 5), "detractors": (10, 60, 5)}
    for name, (low, high, step) in specs.items():
        expected = documented_draw("h2.nps.01", 1234, name, {"min": low, "max": high, "step": step})
        assert variant.parameter_values[name] == expected
        assert isinstance(variant.parameter_values[name], int)
    assert dict(variant.parameter_values) == dict(again.parameter_values)
    assert variant.answer == again.answer


def test_different_seeds_usually_give_different_numbers():
    question = nps_question()
    variants = {tuple(instantiate(question, seed).parameter_values.values()) for seed in range(20)}
    assert len(variants) >= 18


def test_answer_is_recomputed_with_the_nps_formula():
    question = nps_question()
    for seed in (0, 1, 99, -5, 2**40):
        variant = instantiate(question, seed)
        p, pa, d = (variant.parameter_values[k] for k in ("promoters", "passives", "detractors"))
        assert variant.answer == pytest.approx(100 * (p - d) / (p + pa + d))
        assert compute_answer(question, variant.parameter_values) == pytest.approx(variant.answer)
        assert compute_answer(variant) == pytest.approx(variant.answer)


def test_placeholders_are_filled_in_dutch_notation_and_latex_is_left_alone():
    question = nps_question()
    variant = instantiate(question, 3)
    values = variant.parameter_values
    promoters = f"{values['promoters'] // 1000}.{values['promoters'] % 1000:03d}"
    assert variant.prompt.startswith(f"Er zijn {promoters} promoters, {values['passives']} ")
    assert "$\\frac{P}{n}$ {onbekend}" in variant.prompt
    assert variant.hints == [f"Tel {promoters} en {values['detractors']}."]
    shown_answer = f"{variant.answer:.1f}".replace(".", ",")
    assert variant.solution == f"NPS = **{shown_answer}** bij {promoters} promoters."
    assert question.prompt.startswith("Er zijn {promoters}"), "the bank question is unchanged"


def test_variant_keeps_the_bank_fingerprint_and_knows_its_seed():
    question = nps_question()
    variant = instantiate(question, 8)
    assert variant.fingerprint() == question.fingerprint()
    assert variant.variant_seed == 8 and question.variant_seed is None
    assert question.answer is None and variant.answer is not None


def test_seed_none_uses_the_default_seed():
    question = nps_question()
    assert (
        instantiate(question, None).parameter_values
        == instantiate(question, DEFAULT_SEED).parameter_values
    )
    assert instantiate(question, None).variant_seed == DEFAULT_SEED


def test_plain_questions_are_returned_unchanged():
    for kind in ("numeric", "single_choice", "open"):
        question = make(kind)
        assert instantiate(question, 5) is question


def test_compute_answer_of_a_plain_question():
    assert compute_answer(make("numeric")) == pytest.approx(10.0)  # (50 − 30) / 200 × 100
    no_calc = question_data("numeric", answer=7)
    del no_calc["calc"]
    assert compute_answer(parse(bank_data(no_calc)).questions[0]) == 7.0


def test_decimal_steps_do_not_show_float_noise():
    spec = ParameterSpec(min=0.1, max=0.3, step=0.1)
    assert [spec.value(i) for i in range(spec.count())] == [0.1, 0.2, 0.3]
    assert spec.decimals() == 1
    assert ParameterSpec(min=1, max=3, step=0.25).count() == 9


def test_absolute_calc_path_is_allowed():
    question = make(
        "numeric",
        calc={
            "function": "salesbook.calc.nps.nps_from_counts",
            "args": {"promoters": 50, "passives": 120, "detractors": 30},
        },
    )
    assert compute_answer(question) == pytest.approx(10.0)


@dataclass
class FakeResult:
    quantity: float
    revenue: float


@pytest.fixture
def fake_calc(monkeypatch):
    module = types.ModuleType("salesbook.calc.quizfake")

    def breakeven(fixed: float, margin: float) -> FakeResult:
        if margin <= 0:
            raise InvalidInputError("De dekkingsbijdrage moet groter zijn dan 0.")
        return FakeResult(fixed / margin, fixed / margin * 10)

    module.breakeven = breakeven
    module.as_text = lambda: "tien"
    module.fraction = lambda: 0.125
    module.not_callable = 3
    monkeypatch.setitem(sys.modules, "salesbook.calc.quizfake", module)
    return module


def fake_question(function, args=None, **calc):
    return make("numeric", answer=1, calc={"function": function, "args": args or {}, **calc})


def test_result_and_scale_pick_and_convert_the_answer(fake_calc):
    question = fake_question("quizfake.breakeven", {"fixed": 5000, "margin": 20}, result="quantity")
    assert compute_answer(question) == 250.0
    assert compute_answer(fake_question("quizfake.fraction", scale=100)) == 12.5


def test_calc_problems_become_question_bank_errors_naming_the_question(fake_calc):
    cases = [
        (
            fake_question("quizfake.breakeven", {"fixed": 1, "margin": 0}, result="quantity"),
            "vraag h2.nps.01, veld calc: quizfake.breakeven(fixed=1, margin=0) weigert: De "
            "dekkingsbijdrage moet groter zijn dan 0.",
        ),
        (
            fake_question("quizfake.breakeven", {"fixed": 1, "margin": 2}),
            "geeft FakeResult terug, geen getal; kies met result",
        ),
        (
            fake_question("quizfake.breakeven", {"fixed": 1, "margin": 2}, result="profit"),
            "veld calc.result: de uitkomst heeft geen 'profit'",
        ),
        (fake_question("quizfake.as_text"), "geeft str terug, geen getal"),
        (fake_question("quizfake.not_callable"), "salesbook.calc.quizfake heeft geen functie"),
        (fake_question("quizfake.breakeven", {"vast": 1}), "veld calc.args: past niet bij"),
        (
            fake_question("bestaatniet.functie"),
            "vraag h2.nps.01, veld calc.function: de module salesbook.calc.bestaatniet "
            "bestaat niet.",
        ),
    ]
    for question, expected in cases:
        with pytest.raises(QuestionBankError) as caught:
            compute_answer(question)
        assert expected in str(caught.value)


def test_verify_bank_catches_a_key_that_drifted_from_the_formula():
    data = bank_data(
        question_data("numeric", 1, answer=11),
        question_data(
            "numeric", 2, calc={"function": "nps.nps_from_counts", "args": {"promotors": 5}}
        ),
        question_data("numeric", 3),
    )
    bank = parse(data)
    assert verify_bank(bank) == [
        "h2_meten.yaml, vraag h2.nps.01, veld answer: 11 wijkt af van wat nps.nps_from_counts "
        "berekent (10)",
        "h2_meten.yaml, vraag h2.nps.02, veld calc.args: past niet bij nps.nps_from_counts "
        "(missing a required argument: 'promoters')",
    ]


def test_verify_bank_reports_parameters_the_calc_function_refuses():
    question = nps_question(
        parameters={
            "promoters": {"min": 0, "max": 0},
            "passives": {"min": 0, "max": 0},
            "detractors": {"min": 0, "max": 0},
        }
    )
    bank = parse(bank_data(question.model_dump(exclude_none=True)))
    (problem,) = verify_bank(bank)
    assert problem.startswith("h2_meten.yaml, vraag h2.nps.01, veld calc: nps.nps_from_counts(")
    assert "weigert: Er zijn geen respondenten" in problem


def test_check_refuses_an_uninstantiated_parameterised_question():
    from salesbook.quiz.check import check

    with pytest.raises(InvalidInputError, match="roep eerst instantiate"):
        check(nps_question(), "10")
    assert draw_parameters(nps_question(), 1) == dict(
        instantiate(nps_question(), 1).parameter_values
    )
