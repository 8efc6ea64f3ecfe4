"""``salesbook nakijken``: run :func:`grade_folder` and print a short Dutch summary.

Exit codes: 0 = graded (problems with single notebooks are listed in ``problemen.csv`` and
``overzicht.html``, they do not fail the run); 1 = nothing could be graded; 2 = an error in
the command itself (missing folder, invalid cesuur, unreadable rubric sheet), raised as a
:class:`~salesbook.exceptions.SalesbookError` and printed by the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from salesbook.exceptions import NumberFormatError, SalesbookError
from salesbook.grading.grade import grade_folder
from salesbook.notation import parse_number

MAX_LISTED = 10


def read_cesuur(text: str) -> float:
    """The cesuur as typed: ``55``, ``55,5``, ``55%`` or ``0,55``."""
    try:
        value = parse_number(text.strip().rstrip("%").strip())
    except NumberFormatError:
        raise SalesbookError(
            f"De cesuur '{text}' is geen getal; geef een percentage, bijvoorbeeld 55."
        ) from None
    return value


def plural(count: int, one: str, more: str) -> str:
    """``"1 student"``, ``"3 studenten"``."""
    return f"{count} {one if count == 1 else more}"


def default_output(folder: Path) -> Path:
    """``<folder>-nagekeken`` next to the folder handed in."""
    folder = Path(folder).resolve()
    return folder.with_name(folder.name + "-nagekeken")


def nakijken(
    folder: str,
    output: str | None,
    cesuur: str = "55",
    rubric: str | None = None,
    chapters: list[int] | None = None,
    quiet: bool = False,
    stream: TextIO | None = None,
) -> int:
    """Grade ``folder`` into ``output`` and print what happened; returns the exit code."""
    out = stream or sys.stdout
    target = Path(output) if output else default_output(Path(folder))
    report = grade_folder(
        Path(folder),
        target,
        cesuur=read_cesuur(cesuur),
        chapters=chapters,
        progress=not quiet,
        rubric=Path(rubric) if rubric else None,
        workers=None,
    )
    for result in report.rubric_imports:
        if not (result.imported or result.problems or rubric):
            continue  # the sheet in the output folder, nothing new in it
        print(
            f"Nakijkblad {result.file}: {plural(result.imported, 'score', 'scores')} "
            f"ingelezen, {result.unchanged} ongewijzigd.",
            file=out,
        )
    if report.graded == 0:
        print(
            f"Niets nagekeken: in {folder} staat geen bruikbaar notebook "
            f"({report.found} gevonden).",
            file=out,
        )
        for problem in report.problems[:MAX_LISTED]:
            print(f"- {problem.file}: {problem.what}", file=out)
        return 1
    students = len(report.gradebook)
    waiting = int(report.gradebook["Nog na te kijken"].sum())
    print(
        f"{plural(report.graded, 'notebook', 'notebooks')} nagekeken van "
        f"{plural(students, 'student', 'studenten')}; resultaten in {target}.",
        file=out,
    )
    print(f"- cijferlijst: {target / 'cijferlijst.xlsx'} (en cijferlijst.csv)", file=out)
    print(f"- overzicht:   {target / 'overzicht.html'}", file=out)
    if waiting:
        print(
            f"- {plural(waiting, 'open antwoord', 'open antwoorden')} na te kijken in "
            f"{target / 'nakijkblad.xlsx'}; vul de scores in en kijk opnieuw na.",
            file=out,
        )
    count = len(report.problems)
    if count:
        print(f"{plural(count, 'probleem', 'problemen')} gemeld (zie problemen.csv):", file=out)
        for problem in report.problems[:MAX_LISTED]:
            print(f"- {problem.file}: {problem.what}", file=out)
        if count > MAX_LISTED:
            print(f"- … en nog {count - MAX_LISTED}.", file=out)
    return 0
