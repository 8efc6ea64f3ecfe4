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

from salesbook.grading.grade import GradeReport, grade_folder, score_notebooks
from salesbook.grading.marks import dutch_mark, flemish_score
from salesbook.grading.problems import Problem
from salesbook.grading.rubric import RubricImport, import_rubric

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
