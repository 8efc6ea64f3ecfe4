"""Grading: read the answer records in handed-in notebooks and score them against the key.

The steps, each in its own module, in order: :mod:`~salesbook.grading.collect` (find the
notebooks) → :mod:`~salesbook.grading.read` (answer records, plain JSON) →
:mod:`~salesbook.grading.identify` (student and chapter) → :mod:`~salesbook.grading.score`
(recompute every score from the key) → :mod:`~salesbook.grading.gradebook` (marks) →
:mod:`~salesbook.grading.outputs` (gradebook, feedback pages, overview, LMS files, rubric).

    from salesbook.grading import grade_folder
    report = grade_folder(Path("ingeleverd"), Path("resultaten"), cesuur=0.55)
    report.gradebook        # DataFrame, one row per student
    report.problems         # Dutch problems report
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Imported on first use: worker processes started by spawn/forkserver import this package, and
# the gradebook modules pull in pandas (about a second) that reading notebooks does not need.
_HOME = {
    "GradeReport": "grade",
    "grade_folder": "grade",
    "score_notebooks": "grade",
    "dutch_mark": "marks",
    "flemish_score": "marks",
    "Problem": "problems",
    "RubricImport": "rubric",
    "import_rubric": "rubric",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'salesbook.grading' has no attribute {name!r}")
    value = getattr(import_module(f"salesbook.grading.{_HOME[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "GradeReport",
    "Problem",
    "RubricImport",
    "dutch_mark",
    "flemish_score",
    "grade_folder",
    "import_rubric",
    "score_notebooks",
]
