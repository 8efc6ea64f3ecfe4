"""Helpers to build a class of real executed notebooks for the grading tests and benchmark.

A chapter notebook is copied with every ``wb.vraag("id")`` cell turned into
``wb.vraag("id").antwoord(<response>)`` and executed once with papermill, so every record in
it is made by the real kernel-side code. Students are then derived from these notebooks by
editing the JSON (broken, tampered, duplicated, …).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from salesbook.quiz import MIME_TYPE, Question, compute_answer, instantiate

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
_QUESTION_CELL = re.compile(r'^wb\.vraag\("([^"]+)"\)\s*$')
HOSTILE = '<script>alert("x")</script> & =HYPERLINK("http://evil") **vet**'


def right_response(question: Question, seed: int | None = None) -> Any:
    """The response that earns full points (the key written as a student answers in code)."""
    kind = question.type
    if kind == "single_choice":
        return question.correct_indices[0]
    if kind == "multiple_choice":
        return list(question.correct_indices)
    if kind == "numeric":
        variant = instantiate(question, seed)
        return compute_answer(variant) if question.parameters else variant.answer
    if kind == "ordering":
        return list(question.items)
    if kind == "matching":
        return {pair.left: pair.right for pair in question.pairs}
    if kind == "classification":
        return {item.text: item.category for item in question.items}
    return f"Mijn antwoord op {question.id}: tevredenheid is geen loyaliteit."


def wrong_response(question: Question) -> Any:
    """A response that earns no points."""
    kind = question.type
    if kind == "single_choice":
        return next(i for i, o in enumerate(question.options) if not o.correct)
    if kind == "multiple_choice":
        wrong = [i for i, o in enumerate(question.options) if not o.correct]
        return wrong or [0]
    if kind == "numeric":
        return -987654.0
    if kind == "ordering":
        return list(reversed(question.items))
    if kind == "matching":
        rights = [pair.right for pair in question.pairs]
        shifted = rights[1:] + rights[:1]
        return {pair.left: right for pair, right in zip(question.pairs, shifted, strict=True)}
    if kind == "classification":
        categories = question.categories
        return {
            item.text: categories[(categories.index(item.category) + 1) % len(categories)]
            for item in question.items
        }
    return HOSTILE


def answered_copy(source: Path, target: Path, responses: dict[str, Any]) -> Path:
    """Copy a chapter notebook, answering in code in the question cells listed."""
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        match = _QUESTION_CELL.match(text.strip())
        if match and match.group(1) in responses:
            cell["source"] = f'wb.vraag("{match.group(1)}").antwoord({responses[match.group(1)]!r})'
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def execute(source: Path, target: Path, student: str, cwd: Path) -> Path:
    """Execute a notebook with papermill for one student (the kernel inherits os.environ)."""
    import papermill

    papermill.execute_notebook(
        str(source),
        str(target),
        parameters={"studentnummer": student},
        kernel_name="python3",
        cwd=str(cwd),
        progress_bar=False,
    )
    return target


def load(path: Path) -> dict[str, Any]:
    """A notebook as JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, notebook: dict[str, Any]) -> Path:
    """Write a notebook as JSON (as JupyterLab does: without widget state)."""
    notebook.get("metadata", {}).pop("widgets", None)
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def record_outputs(notebook: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """question id → the output dict holding its answer record."""
    found = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME_TYPE in data:
                found[data[MIME_TYPE]["question_id"]] = output
    return found


def set_student(notebook: dict[str, Any], student: str) -> None:
    """Change the student number everywhere papermill and the records put it."""
    notebook["metadata"]["papermill"]["parameters"]["studentnummer"] = student
    for cell in notebook["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags:
            cell["source"] = f'# Parameters\nstudentnummer = "{student}"\n'
    for output in record_outputs(notebook).values():
        output["data"][MIME_TYPE]["student"] = student


GOOD, PARTIAL, WELCOME = "100001", "100002", "100003"  # student numbers of the class
FORMULA = '=HYPERLINK("x")'  # a spreadsheet formula hidden in a student number


def hand_in(folder: Path, source: Path, name: str) -> Path:
    """Copy an executed notebook into the hand-in folder as JupyterLab saves it."""
    target = folder / name
    notebook = json.loads(source.read_text(encoding="utf-8"))
    notebook["metadata"].pop("widgets", None)
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return target
