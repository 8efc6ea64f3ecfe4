"""Checks of a bank against salesbook.calc (run in the tests, not on every load).

Loading a bank validates its schema only, so a bank loads even before the calc modules it
names exist. :func:`verify_bank` adds the checks that need those modules:

- every ``calc.function`` resolves to a callable and ``calc.args`` fit its signature;
- a numeric ``answer`` agrees (within its tolerance) with what ``calc`` computes, so the key
  cannot drift from the formulas;
- a parameterised question gives a finite answer for :data:`VERIFY_SEEDS`, and not the same
  numbers for every seed (unless it has only one possible variant).
"""

from __future__ import annotations

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.bank import Course, bank_error
from salesbook.quiz.calcref import call_calc, check_arguments
from salesbook.quiz.check_numeric import show_value
from salesbook.quiz.model import Bank, NumericQuestion
from salesbook.quiz.variants import instantiate

VERIFY_SEEDS = range(8)


def _verify_numeric(question: NumericQuestion, file: str) -> list[str]:
    if question.calc is None:
        return []
    try:
        check_arguments(question.calc, question.id)
        if not question.parameters:
            computed = call_calc(question.calc, {}, question.id)
            key = question.answer if question.answer is not None else computed
            if not question.tolerance.accepts(key, computed):
                return [
                    f"{file}, vraag {question.id}, veld answer: "
                    f"{show_value(key, question.unit)} wijkt af van wat "
                    f"{question.calc.function} berekent ({show_value(computed, question.unit)})"
                ]
            return []
        variants = {}
        for seed in VERIFY_SEEDS:
            variant = instantiate(question, seed)
            variants[tuple(sorted(variant.parameter_values.items()))] = variant.answer
    except QuestionBankError as error:
        return [f"{file}, {error}".rstrip(".")]
    possible = 1
    for spec in question.parameters.values():
        possible *= spec.count()
    if len(variants) == 1 and possible > 1:
        return [f"{file}, vraag {question.id}, veld parameters: elke seed geeft dezelfde getallen"]
    return []


def verify_bank(bank: Bank) -> list[str]:
    """Dutch problems of a loaded bank against salesbook.calc (empty list when all is well)."""
    problems: list[str] = []
    for question in bank.questions:
        if isinstance(question, NumericQuestion):
            problems += _verify_numeric(question, bank.file)
    return problems


def verify_course(course: Course) -> list[str]:
    """:func:`verify_bank` for every bank of the course."""
    return [problem for _, bank in sorted(course.banks.items()) for problem in verify_bank(bank)]


def require_verified(bank: Bank) -> Bank:
    """The bank itself, or one QuestionBankError listing its problems."""
    problems = verify_bank(bank)
    if problems:
        raise bank_error(problems, bank.file)
    return bank
