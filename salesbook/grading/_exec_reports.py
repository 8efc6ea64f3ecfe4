"""Files of ``salesbook controleren``: which submissions, and the two CSV reports.

``controle.csv`` has one row per submission (status, number of code answers given again,
remarks); ``afwijkingen.csv`` one row per flagged answer (question, cell, what the notebook
says, what re-execution gives). Both in the Dutch CSV dialect of
:mod:`salesbook.grading.spreadsheet` and written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from salesbook.exceptions import SalesbookError

if TYPE_CHECKING:
    from salesbook.grading.rerun import Difference, RerunReport

CHECK_HEADER = ("notebook", "studentnummer", "seed", "status", "gelijk", "seconden", "toelichting")
DIFFERENCE_HEADER = (
    "notebook",
    "studentnummer",
    "vraag",
    "cel",
    "in het notebook",
    "opnieuw uitgevoerd",
    "toelichting",
)


def submission_paths(
    inputs: Sequence[Path | str], output_dir: Path
) -> tuple[list[Path], list[str]]:
    """The notebooks to verify: files as given, folders searched (also subfolders).

    Folders are read as the grader reads them (:func:`~.collect.collect_notebooks`): hidden
    files, links and oversized files are skipped, and the output folder is left out.

    Returns:
        (notebooks, Dutch lines about skipped files).

    Raises:
        SalesbookError: no notebook found.
    """
    from salesbook.grading.collect import collect_notebooks
    from salesbook.grading.problems import ProblemLog

    paths: list[Path] = []
    problems = ProblemLog()
    for item in map(Path, inputs):
        if item.is_dir():
            paths.extend(h.path for h in collect_notebooks(item, problems, exclude=output_dir))
        else:
            paths.append(item)
    if not paths:
        names = ", ".join(str(i) for i in inputs) or "(niets opgegeven)"
        raise SalesbookError(f"Geen ingeleverde notebooks gevonden in {names}.")
    return paths, [f"{p.file}: {p.what}" for p in problems.problems]


def write_reports(report: RerunReport, output_dir: Path) -> list[Path]:
    """Write ``controle.csv`` and ``afwijkingen.csv``; returns both paths."""
    from salesbook.grading.rerun import CHECK_FILE, DIFFERENCES_FILE
    from salesbook.grading.spreadsheet import csv_bytes
    from salesbook.grading.write import write_atomic

    checks = [
        [
            c.notebook,
            c.student or "",
            c.seed,
            c.status,
            len(c.checked),
            round(c.seconds, 1),
            " ".join(c.lines()),
        ]
        for c in report.checks
    ]
    differences = [
        [c.notebook, c.student or "", d.question_id, d.cell, *_shown(d), d.reason]
        for c in report.checks
        for d in c.differences
    ]
    return [
        write_atomic(output_dir / CHECK_FILE, csv_bytes(CHECK_HEADER, checks)),
        write_atomic(output_dir / DIFFERENCES_FILE, csv_bytes(DIFFERENCE_HEADER, differences)),
    ]


def _shown(difference: Difference) -> list[str]:
    from salesbook.grading.rerun import show_response

    again = difference.reproduced
    shown = "(geen antwoord)" if again is None else show_response(again)
    return [show_response(difference.recorded), shown]
