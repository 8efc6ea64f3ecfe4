"""Parameterised numeric questions: per-seed numbers, reproducible everywhere.

Drawing rule: for every parameter, ``sha256("<question id>|<seed>|<parameter name>")`` picks
one of the values ``min, min + step, …, ≤ max`` (first 8 bytes as an unsigned integer, modulo
the number of values). This depends on nothing but these three strings, so the same seed gives
the same numbers on every machine and Python version, and adding a parameter does not change
the others. A question instantiated with ``seed=None`` uses :data:`DEFAULT_SEED`.

Placeholders ``{name}`` in prompt, hints and solution become the drawn value in Dutch notation
(``1.250``; decimals as many as ``step`` has); ``{answer}`` becomes the computed key, rounded
as precisely as an absolute tolerance asks (``absolute: 0.1`` → one decimal; else two).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping

from salesbook.exceptions import QuestionBankError
from salesbook.notation import format_number
from salesbook.quiz.calcref import call_calc
from salesbook.quiz.model import NumericQuestion, Question

DEFAULT_SEED = 0
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def draw_parameters(question: NumericQuestion, seed: int) -> dict[str, float]:
    """The parameter values for ``seed`` (whole numbers as ``int``)."""
    values: dict[str, float] = {}
    for name, spec in sorted(question.parameters.items()):
        digest = hashlib.sha256(f"{question.id}|{seed}|{name}".encode()).digest()
        value = spec.value(int.from_bytes(digest[:8], "big") % spec.count())
        values[name] = int(value) if spec.decimals() == 0 else value
    return values


def compute_answer(question: NumericQuestion, values: Mapping[str, float] | None = None) -> float:
    """The key of a numeric question, computed through its ``calc`` function.

    Args:
        question: a bank question or an instantiated variant.
        values: parameter values; default: the variant's drawn values (none for a plain
            question, whose ``calc.args`` are literal numbers).

    Returns:
        The key in the question's unit. Without ``calc`` this is the stated ``answer``.

    Raises:
        QuestionBankError: the calc function is missing, refuses the numbers or a parameter
            has no value (Dutch message naming the question).
    """
    if question.calc is None:
        if question.answer is None:
            raise QuestionBankError(f"vraag {question.id}: heeft geen `answer` en geen `calc`.")
        return float(question.answer)
    chosen = dict(question.parameter_values) if values is None else dict(values)
    return call_calc(question.calc, chosen, question.id)


def format_value(value: float, decimals: int) -> str:
    """A number for a prompt: Dutch notation, no needless trailing zeros."""
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def answer_decimals(question: NumericQuestion, answer: float) -> int:
    """Decimals to show a key with: as precise as the absolute tolerance asks (else 2)."""
    for decimals in range(0, 7):
        if abs(round(answer, decimals) - answer) < 1e-9:
            exact = decimals
            break
    else:
        exact = 6
    tolerance = question.tolerance.absolute
    if tolerance is None:
        return min(exact, 2)
    needed = 0 if tolerance >= 1 else math.ceil(-math.log10(tolerance) - 1e-9) if tolerance else 6
    return min(exact, needed)


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` for the names in ``values``; other braces (LaTeX) stay as they are."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def instantiate(question: Question, seed: int | None) -> Question:
    """The variant of a question for one student.

    Non-parameterised questions are returned unchanged. A parameterised numeric question gets
    its parameters drawn from ``seed`` (same seed → same numbers), its ``answer`` computed via
    ``calc``, and ``{name}``/``{answer}`` placeholders filled in. The variant remembers its
    seed (``.variant_seed``), values (``.parameter_values``) and its bank question's
    fingerprint.
    """
    if not isinstance(question, NumericQuestion) or not question.parameters:
        return question
    chosen_seed = DEFAULT_SEED if seed is None else int(seed)
    values = draw_parameters(question, chosen_seed)
    answer = compute_answer(question, values)
    shown = {
        name: format_value(value, question.parameters[name].decimals())
        for name, value in values.items()
    }
    shown["answer"] = format_value(answer, answer_decimals(question, answer))
    variant = question.model_copy(
        update={
            "answer": answer,
            "prompt": fill_placeholders(question.prompt, shown),
            "hints": [fill_placeholders(hint, shown) for hint in question.hints],
            "solution": fill_placeholders(question.solution, shown),
        }
    )
    variant._fingerprint = question.fingerprint()
    variant._variant_seed = chosen_seed
    variant._parameter_values = dict(values)
    return variant
