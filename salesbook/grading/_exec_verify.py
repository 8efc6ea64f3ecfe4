"""Worker side of ``salesbook controleren``: read, re-execute and read again, in one process.

Reading a handed-in notebook (often 1–3 MB of JSON with images and widget state) and reading
the re-executed one both happen in the worker, next to the execution, so the teacher's
process only compares the records: with two workers that reading is done in parallel too,
and the re-executed notebook is read from memory instead of from disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from salesbook.grading._exec import ExecResult, ExecTask, execute
from salesbook.grading._exec_compare import exercise_ids
from salesbook.quiz.reader import (
    MAX_NOTEBOOK_BYTES,
    NotebookAnswers,
    answers_from_notebook,
    read_answer_records,
)


@dataclass(frozen=True)
class Verified:
    """What the parent needs besides the ExecResult (in ``ExecResult.extra``).

    Attributes:
        submitted: the records of the notebook as handed in.
        reproduced: the records the re-execution produced.
        exercises: the code exercises (``wb.oefening("…")``) of the notebook.
    """

    submitted: NotebookAnswers
    reproduced: NotebookAnswers
    exercises: frozenset[str]


def student_parameters(answers: NotebookAnswers) -> dict[str, Any]:
    """The papermill parameters that give the student's own variant back."""
    found: dict[str, Any] = {}
    if answers.student is not None:
        found["studentnummer"] = answers.student
    if answers.seed is not None:
        found["seed"] = answers.seed
    return found


def read_submission(path: str) -> tuple[Any, NotebookAnswers]:
    """(notebook JSON or None, its answers); the reader explains unreadable files in Dutch."""
    try:
        if Path(path).stat().st_size > MAX_NOTEBOOK_BYTES:
            return None, read_answer_records(path)  # names the size
        notebook = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None, read_answer_records(path)
    return notebook, answers_from_notebook(notebook, path)


def verify_one(task: ExecTask) -> ExecResult:
    """Re-execute one submission with the student's parameters; records in ``extra``."""
    notebook, submitted = read_submission(task.source)
    kept: list[Any] = []
    result = execute(replace(task, parameters=student_parameters(submitted)), keep=kept)
    executed = kept[0] if kept else None
    reproduced = (
        answers_from_notebook(executed, task.output or task.source)
        if executed is not None
        else NotebookAnswers(task.source)
    )
    return replace(result, extra=Verified(submitted, reproduced, frozenset(exercise_ids(notebook))))
