"""Comparing recorded code answers with the answers re-execution gives (pure functions).

Used by :mod:`salesbook.grading.rerun`; see there for what is and is not verified.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from salesbook.notation import format_number
from salesbook.quiz.reader import NotebookAnswers

EDITED = "mogelijk handmatig aangepast"
_EXERCISE = re.compile(r"\boefening\(\s*(?:vraag_id\s*=\s*)?[\"']([^\"'\n]{1,80})[\"']")


@dataclass(frozen=True)
class Difference:
    """A recorded answer that re-execution does not give again.

    Attributes:
        question_id: the question.
        cell: the cell of the submission that holds the record (counted from 1).
        recorded: the response in the submission.
        reproduced: the response of the re-execution (None when there was none).
        reason: Dutch explanation for the teacher.
    """

    question_id: str
    cell: int | None
    recorded: Any
    reproduced: Any
    reason: str


def exercise_ids(notebook: Any) -> set[str]:
    """Question ids of the code exercises in a notebook (``wb.oefening("…")`` in a cell)."""
    found: set[str] = set()
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    for cell in cells if isinstance(cells, list) else []:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            found.update(_EXERCISE.findall(text))
    return found


def same_response(recorded: Any, reproduced: Any) -> bool:
    """Equal as JSON data; numbers equal up to rounding noise (relative 1e-9)."""
    numbers = (int, float)
    if isinstance(recorded, bool) or isinstance(reproduced, bool):
        return recorded is reproduced
    if isinstance(recorded, numbers) and isinstance(reproduced, numbers):
        return math.isclose(recorded, reproduced, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(recorded, list) and isinstance(reproduced, list):
        return len(recorded) == len(reproduced) and all(
            same_response(a, b) for a, b in zip(recorded, reproduced, strict=True)
        )
    if isinstance(recorded, dict) and isinstance(reproduced, dict):
        return recorded.keys() == reproduced.keys() and all(
            same_response(v, reproduced[k]) for k, v in recorded.items()
        )
    return type(recorded) is type(reproduced) and recorded == reproduced


def show_response(value: Any) -> str:
    """A response as the teacher reads it: numbers in Dutch notation, text quoted."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        decimals = next((d for d in range(7) if round(value, d) == value), 6)
        return format_number(value, decimals)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def compare_answers(
    submitted: NotebookAnswers, rerun: NotebookAnswers, exercises: set[str]
) -> tuple[list[str], list[Difference]]:
    """(ids given again, differences) for the code answers of one submission.

    Verified are the code exercises and every question the re-execution answered; other
    recorded answers (clicks) are left alone.
    """
    checked: list[str] = []
    differences: list[Difference] = []
    for qid in sorted(set(submitted.records) & (exercises | set(rerun.records))):
        record = submitted.records[qid]
        cell = submitted.cells.get(qid)
        cell = cell + 1 if cell is not None else None
        again = rerun.records.get(qid)
        if again is None:
            reason = (
                f"{EDITED}: het notebook bevat het antwoord {show_response(record.response)}, "
                "maar opnieuw uitvoeren geeft op deze oefening geen antwoord."
            )
            differences.append(Difference(qid, cell, record.response, None, reason))
        elif not same_response(record.response, again.response):
            reason = (
                f"{EDITED}: in het notebook staat {show_response(record.response)}, opnieuw "
                f"uitvoeren geeft {show_response(again.response)}."
            )
            differences.append(Difference(qid, cell, record.response, again.response, reason))
        elif record.variant_seed != again.variant_seed:
            reason = (
                f"{EDITED}: het antwoord hoort bij variant {record.variant_seed}, opnieuw "
                f"uitvoeren geeft variant {again.variant_seed}."
            )
            differences.append(Difference(qid, cell, record.response, again.response, reason))
        else:
            checked.append(qid)
    return checked, differences
