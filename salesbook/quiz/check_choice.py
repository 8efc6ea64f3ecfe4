"""Checking single- and multiple-choice responses.

A response names an option by its 0-based index (``int``) or by its exact text (spaces around
it and upper/lower case do not matter). Multiple choice takes a list (or tuple/set) of those;
a lone index or text counts as a list of one. Partial credit for multiple choice:

    score = points × max(0, (correct picks − wrong picks) / number of correct options)

so every wrong pick cancels a right one and guessing everything scores 0.
"""

from __future__ import annotations

from typing import Any

from salesbook.quiz.model import MultipleChoiceQuestion, SingleChoiceQuestion
from salesbook.quiz.outcome import Outcome, bullets, join_blocks, scored, wrong_shape


def option_index(question: SingleChoiceQuestion | MultipleChoiceQuestion, value: Any) -> int | str:
    """The 0-based option index ``value`` names, or a Dutch error message (str)."""
    count = len(question.options)
    if isinstance(value, bool):
        return f"Kies een optie; {value!r} is geen optie."
    if isinstance(value, int):
        if 0 <= value < count:
            return value
        return f"Optie {value} bestaat niet: deze vraag heeft opties 0 tot en met {count - 1}."
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for index, option in enumerate(question.options):
            if option.text.strip().casefold() == wanted:
                return index
        return f"'{value}' is geen van de opties van deze vraag."
    return f"Kies een optie met haar nummer of tekst, niet met {type(value).__name__}."


def check_single(question: SingleChoiceQuestion, response: Any) -> Outcome:
    """One option: full points for the correct one, its own feedback either way."""
    if isinstance(response, list | tuple | set | frozenset):
        if len(response) != 1:
            return wrong_shape(question.points, "Kies precies één optie.")
        response = next(iter(response))
    index = option_index(question, response)
    if isinstance(index, str):
        return wrong_shape(question.points, index)
    option = question.options[index]
    return scored(
        question.points, 1.0 if option.correct else 0.0, option.feedback, (option.feedback,)
    )


def check_multiple(question: MultipleChoiceQuestion, response: Any) -> Outcome:
    """All correct options: partial credit as in the module docstring."""
    if isinstance(response, dict):
        return wrong_shape(question.points, "Geef een lijst met de opties die je kiest.")
    picks = list(response) if isinstance(response, list | tuple | set | frozenset) else [response]
    chosen: list[int] = []
    for pick in picks:
        index = option_index(question, pick)
        if isinstance(index, str):
            return wrong_shape(question.points, index)
        if index not in chosen:
            chosen.append(index)
    chosen.sort()
    correct = set(question.correct_indices)
    right = sum(1 for index in chosen if index in correct)
    wrong = len(chosen) - right
    missing = len(correct) - right
    details = tuple(question.options[index].feedback for index in chosen)
    summary = f"Je koos {right} van de {len(correct)} juiste opties"
    summary += f" en {wrong} onjuiste." if wrong else "."
    if missing == 1:
        summary += " Er ontbreekt nog 1 juiste optie."
    elif missing:
        summary += f" Er ontbreken nog {missing} juiste opties."
    if wrong and right:
        summary += " Elke onjuiste keuze kost een juiste keuze."
    share = max(0.0, (right - wrong) / len(correct))
    return scored(question.points, share, join_blocks(summary, bullets(details)), details)
