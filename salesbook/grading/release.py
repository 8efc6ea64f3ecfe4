"""Student versions of the teacher's master notebooks, optionally one per student.

    from salesbook.grading.release import make_student_release, read_students
    report = make_student_release(Path("master"), Path("uitdelen"),
                                  per_student=read_students(Path("studenten.csv")))

Command line: ``salesbook uitdelen MASTERMAP --uitvoer MAP [--studenten studenten.csv]``.

What the student release does to each master notebook (no code is executed):

* removes every cell tagged ``solution`` or ``oplossing`` (code and Markdown);
* clears the outputs of cells tagged ``exercise`` or ``oefening``, and of every cell whose
  output holds an answer record or a widget (the teacher's own answers are never handed out);
  the outputs of worked examples, tables and charts stay, so students see what to expect;
* removes papermill's ``injected-parameters`` cell and error cells, and the notebook's
  ``widgets`` and ``papermill`` metadata; keeps the cell tagged ``parameters``.

With ``per_student`` (student number → seed) every notebook is also written once per
student as ``per-student/<studentnummer>_<notebook>.ipynb``, with papermill's
``injected-parameters`` cell after the parameters cell setting ``studentnummer`` and
``seed`` (papermill's own ``parameterize_notebook``, so a later papermill run replaces the
cell instead of adding one). The default seed is the one ``wb.start`` derives from the
student number (:func:`student_seed`), so a student who types the number into the general
version gets the same numbers as in the personal copy.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from salesbook.exceptions import SalesbookError
from salesbook.grading._exec_students import read_students, student_seed
from salesbook.quiz.records import MIME_TYPE

__all__ = [
    "ReleaseReport",
    "make_student_release",
    "personalise",
    "read_students",
    "release_command",
    "student_notebook",
    "student_seed",
]

SOLUTION_TAGS = frozenset({"solution", "oplossing"})
EXERCISE_TAGS = frozenset({"exercise", "oefening"})
DROPPED_TAGS = frozenset({"injected-parameters", "papermill-error-cell-tag"})
PER_STUDENT_DIR = "per-student"
_WIDGET = "application/vnd.jupyter.widget-view+json"


@dataclass
class ReleaseReport:
    """What :func:`make_student_release` wrote.

    Attributes:
        notebooks: the student versions, one per master notebook.
        per_student: the personal copies.
        removed: notebook name → number of solution cells removed.
        cleared: notebook name → number of cells whose outputs were cleared.
        warnings: Dutch remarks (e.g. a notebook without a parameters cell).
    """

    notebooks: list[Path] = field(default_factory=list)
    per_student: list[Path] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    cleared: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Dutch lines for the terminal."""
        lines = [
            f"{name}: {self.removed[name]} oplossingscellen verwijderd, uitvoer van "
            f"{self.cleared[name]} cellen gewist."
            for name in self.removed
        ]
        lines.append(f"{len(self.notebooks)} studentversies geschreven.")
        if self.per_student:
            lines.append(f"{len(self.per_student)} persoonlijke kopieën in {PER_STUDENT_DIR}/.")
        lines.extend(f"Let op: {warning}" for warning in self.warnings)
        return "\n".join(lines)


def _tags(cell: dict[str, Any]) -> set[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return {t for t in tags if isinstance(t, str)} if isinstance(tags, list) else set()


def _holds_answers(cell: dict[str, Any]) -> bool:
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if isinstance(output, dict) else {}
        if isinstance(data, dict) and (MIME_TYPE in data or _WIDGET in data):
            return True
    return False


def student_notebook(master: Mapping[str, Any]) -> tuple[dict[str, Any], int, int]:
    """The student version of one master notebook (the master is not changed).

    Returns:
        (notebook, number of cells removed, number of cells whose outputs were cleared).
    """
    notebook = copy.deepcopy(dict(master))
    metadata = notebook.setdefault("metadata", {})
    for key in ("widgets", "papermill"):
        metadata.pop(key, None)
    kept, removed, cleared = [], 0, 0
    for cell in notebook.get("cells", []):
        tags = _tags(cell)
        if tags & (SOLUTION_TAGS | DROPPED_TAGS):
            removed += bool(tags & SOLUTION_TAGS)
            continue
        cell_metadata = cell.get("metadata", {})
        for key in ("papermill", "execution"):
            cell_metadata.pop(key, None)
        if cell.get("cell_type") == "code" and (tags & EXERCISE_TAGS or _holds_answers(cell)):
            cleared += bool(cell.get("outputs"))
            cell["outputs"] = []
            cell["execution_count"] = None
        kept.append(cell)
    notebook["cells"] = kept
    return notebook, removed, cleared


def personalise(notebook: Mapping[str, Any], studentnummer: str, seed: int) -> dict[str, Any]:
    """A copy with papermill's parameters cell setting ``studentnummer`` and ``seed``."""
    import nbformat
    from papermill.parameterize import parameterize_notebook

    node = nbformat.from_dict(copy.deepcopy(dict(notebook)))
    node.metadata.setdefault("papermill", {})
    untagged = [cell for cell in node.cells if "tags" not in cell.metadata]
    for cell in untagged:  # papermill expects every cell to have tags, as its loader adds
        cell.metadata["tags"] = []
    parameters = {"studentnummer": studentnummer, "seed": seed}
    node = parameterize_notebook(node, parameters, kernel_name="python3", language="python")
    node.metadata["papermill"] = {"parameters": parameters}
    for cell in untagged:
        cell.metadata.pop("tags", None)
    return json.loads(json.dumps(node))


def _masters(master_dir: Path) -> list[Path]:
    if master_dir.is_file():
        return [master_dir]
    if not master_dir.is_dir():
        raise SalesbookError(f"De map {master_dir} met masternotebooks bestaat niet.")
    found = [p for p in sorted(master_dir.glob("*.ipynb")) if not p.name.startswith(".")]
    if not found:
        raise SalesbookError(f"In {master_dir} staan geen notebooks (.ipynb).")
    return found


def _load(path: Path) -> dict[str, Any]:
    try:
        notebook = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError) as error:
        raise SalesbookError(f"{path} is geen leesbaar notebook ({error}).") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise SalesbookError(f"{path} is geen notebook (er is geen lijst met cellen).")
    return notebook


def _text(notebook: Mapping[str, Any]) -> str:
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def make_student_release(
    master_dir: Path | str,
    output_dir: Path | str,
    *,
    per_student: Mapping[str, int] | None = None,
) -> ReleaseReport:
    """Write the student version of every master notebook, and personal copies if asked.

    Args:
        master_dir: folder with the teacher's notebooks (``*.ipynb``), or one notebook.
        output_dir: folder for the student versions (must differ from ``master_dir``).
        per_student: student number → seed (see :func:`read_students`); None: no copies.

    Raises:
        SalesbookError: no masters, unreadable master, or output folder = master folder.
    """
    from salesbook.grading.write import safe_file_stem, write_atomic

    masters, target = _masters(Path(master_dir)), Path(output_dir)
    if target.resolve() in {m.resolve().parent for m in masters}:
        raise SalesbookError(
            "De uitvoermap is de map van de masternotebooks; kies een andere map, anders "
            "worden de masters overschreven."
        )
    stems = {student: safe_file_stem(student) for student in per_student or {}}
    if len(set(stems.values())) < len(stems):
        raise SalesbookError("Twee studentnummers geven dezelfde bestandsnaam; controleer ze.")
    report = ReleaseReport()
    for master in masters:
        notebook, removed, cleared = student_notebook(_load(master))
        report.removed[master.name], report.cleared[master.name] = removed, cleared
        report.notebooks.append(write_atomic(target / master.name, _text(notebook)))
        if not per_student:
            continue
        if not any("parameters" in _tags(cell) for cell in notebook["cells"]):
            report.warnings.append(
                f"{master.name} heeft geen cel met de tag 'parameters'; de parameters staan "
                "nu bovenaan en een latere cel kan ze overschrijven."
            )
        for student, seed in per_student.items():
            copy_path = target / PER_STUDENT_DIR / f"{stems[student]}_{master.name}"
            personal = personalise(notebook, student, seed)
            report.per_student.append(write_atomic(copy_path, _text(personal)))
    return report


def release_command(
    master_dir: Path | str,
    output_dir: Path | str,
    students: Path | str | None = None,
    *,
    out: TextIO | None = None,
) -> int:
    """``salesbook uitdelen``: make the release, print a Dutch summary, return 0."""
    from salesbook.grading._exec import block_slow_import

    block_slow_import()  # a short-lived command: papermill's import is ~2 s faster
    per_student = read_students(Path(students)) if students is not None else None
    report = make_student_release(master_dir, output_dir, per_student=per_student)
    print(report.summary(), file=out or sys.stdout)
    return 0
