"""``salesbook proefexamen``: write a printable mock exam and its answer key (offline HTML)."""

from __future__ import annotations

import sys
from pathlib import Path

from salesbook.exam.blueprint import load_blueprint
from salesbook.exam.printable import exam_pages
from salesbook.exceptions import SalesbookError
from salesbook.quiz import load_course


def write_mock_exam(seed: int, output: str | Path, blueprint: str | Path | None = None) -> int:
    """Write ``proefexamen-<seed>.html`` and ``antwoorden-<seed>.html`` into ``output``.

    Args:
        seed: the exam number; the same seed and banks give the same pages.
        output: the folder for the two files (made when missing).
        blueprint: a toetsmatrijs file (default: the course's own).

    Returns:
        0 (errors are raised as :class:`SalesbookError` with a Dutch message).
    """
    pages = exam_pages(load_course(), load_blueprint(blueprint), seed)
    folder = Path(output)
    exam_file = folder / f"proefexamen-{seed}.html"
    key_file = folder / f"antwoorden-{seed}.html"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        exam_file.write_text(pages.questions_html, encoding="utf-8")
        key_file.write_text(pages.key_html, encoding="utf-8")
    except OSError as error:
        raise SalesbookError(
            f"De bestanden konden niet worden geschreven in {folder}: {error.strerror or error}."
        ) from None
    for warning in pages.exam.warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    exam = pages.exam
    points = f"{exam.total_points:g}".replace(".", ",")
    print(f"Proefexamen {seed}: {len(exam.items)} vragen, {points} punten.")
    print(f"Examen:        {exam_file}")
    print(f"Antwoordmodel: {key_file}")
    return 0
