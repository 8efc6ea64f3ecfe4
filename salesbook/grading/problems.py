"""The problems report: everything the batch could not use, in Dutch, one line per problem.

Nothing a student hands in stops the batch. Every file, record or answer that is skipped,
doubted or changed becomes a :class:`Problem` with the file, the cell (counted from 1, as a
teacher counts them from the top of the notebook), what was found and what to do about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CELL = re.compile(r"\bcel (\d+)")

#: Advice per kind of problem (shown in the column "Wat te doen").
ADVICE = {
    "bestand": "Vraag de student het notebook opnieuw in te leveren.",
    "formaat": "Laat de student het notebook openen in JupyterLab en opnieuw bewaren.",
    "record": "Niets: dit antwoord telt niet mee. Vraag zo nodig het notebook opnieuw op.",
    "dubbel": "Controleer welke inlevering telt; verwijder de andere uit de map.",
    "hoofdstuk": "Controleer of de student het goede notebook heeft ingeleverd.",
    "vraag": "Niets: dit antwoord telt niet mee.",
    "sleutel": "Controleer het antwoord op de feedbackpagina; de huidige sleutel telt.",
    "manipulatie": "Niets: de score is opnieuw berekend. Bespreek het met de student.",
    "handmatig": "Kijk het nakijkblad na en lees het opnieuw in.",
    "overig": "Bekijk het bestand.",
}


@dataclass(frozen=True)
class Problem:
    """One problem found while grading.

    Attributes:
        file: the notebook (name relative to the graded folder), or another input file.
        what: Dutch description of what was found.
        kind: key of :data:`ADVICE` (``bestand``, ``record``, ``dubbel``, …).
        cell: the cell number counted from 1, if the problem sits in one cell.
        student: the student number, when known.
    """

    file: str
    what: str
    kind: str = "overig"
    cell: int | None = None
    student: str | None = None

    @property
    def advice(self) -> str:
        """What the teacher can do (Dutch)."""
        return ADVICE.get(self.kind, ADVICE["overig"])


@dataclass
class ProblemLog:
    """The problems of one batch, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        what: str,
        kind: str = "overig",
        *,
        cell: int | None = None,
        student: str | None = None,
    ) -> None:
        """Add one problem; the cell number is read from ``what`` ("cel 12") if not given."""
        if cell is None:
            match = _CELL.search(what)
            cell = int(match.group(1)) if match else None
        self.problems.append(Problem(file, what, kind, cell, student))

    def __len__(self) -> int:
        return len(self.problems)

    def for_file(self, file: str) -> list[Problem]:
        """The problems of one file."""
        return [p for p in self.problems if p.file == file]

    def rows(self) -> list[dict[str, object]]:
        """One dict per problem with the Dutch column names of the report."""
        return [
            {
                "bestand": p.file,
                "studentnummer": p.student or "",
                "cel": p.cell if p.cell is not None else "",
                "probleem": p.what,
                "wat te doen": p.advice,
            }
            for p in self.problems
        ]
