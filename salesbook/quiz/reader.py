"""Read every answer record from a saved .ipynb file (the grader builds on this).

The notebook is read as plain JSON (no nbformat import: it is slow and validation is not
needed). Records are taken from code-cell outputs of type ``display_data``,
``update_display_data`` and ``execute_result`` under :data:`MIME_TYPE`. Per question the
most recent record counts (latest ``last_answered_at``, then most attempts, then the later
cell); normally there is only one, because the answer output is updated in place.

Nothing a notebook contains makes this raise: unreadable files, invalid JSON, nbformat 3,
missing or malformed cells, outputs and records all become Dutch lines in ``.problems``.
Cells are counted from 1, as a teacher counts them from the top of the notebook.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from salesbook.quiz.records import MIME_TYPE, AnswerRecord, RecordError

MAX_NOTEBOOK_BYTES = 100 * 1024 * 1024
_OUTPUT_TYPES = frozenset(("display_data", "update_display_data", "execute_result"))
_CHAPTER_CALL = re.compile(r"hoofdstuk\s*=\s*(\d+)")


@dataclass
class NotebookAnswers:
    """What one notebook holds.

    Attributes:
        path: the notebook file as given.
        records: question id → the record that counts.
        cells: question id → 0-based index of the cell that holds that record.
        problems: Dutch descriptions of everything that could not be read.
        student: student number from papermill parameters, the parameters cell or the records.
        seed: variant seed from the same sources (an int), else None.
        chapter: chapter number from notebook metadata, the setup cell or the records.
        parameters: the literal parameters (the parameters cell, overridden by the cell
            papermill injected, overridden by papermill's metadata); empty values left out.
    """

    path: str
    records: dict[str, AnswerRecord] = field(default_factory=dict)
    cells: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    student: str | None = None
    seed: int | None = None
    chapter: int | None = None
    parameters: dict[str, Any] = field(default_factory=dict)


def joined(text: Any) -> Any:
    """Text stored as a list of lines joined (parts that are not text left out), else as is."""
    if not isinstance(text, list):
        return text
    try:
        return "".join(text)
    except TypeError:
        return "".join(part for part in text if isinstance(part, str))


def _source(cell: dict[str, Any]) -> str:
    source = joined(cell.get("source", ""))
    return source if isinstance(source, str) else ""


def _assignments(source: str) -> dict[str, Any]:
    """Literal ``name = value`` assignments of a parameters cell (never executes code)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return {}
    found: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, RecursionError):
                    continue
    return found


def _as_student(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip() if isinstance(value, str | int) else ""
    return text[:64] or None


def _as_seed(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,18}", value.strip()):
        return int(value.strip())
    return None


Source = tuple[dict[str, Any], dict[str, Any]]
"""Where a record was read: its payload (the JSON object) and the output's whole data bundle."""


def _records_in(
    index: int, cell: dict[str, Any], answers: NotebookAnswers
) -> list[tuple[AnswerRecord, dict[str, Any], dict[str, Any]]]:
    outputs = cell.get("outputs", [])
    if not isinstance(outputs, list):
        answers.problems.append(f"cel {index + 1}: de uitvoer is geen lijst en is overgeslagen.")
        return []
    found = []
    for number, output in enumerate(outputs, start=1):
        if not isinstance(output, dict):
            answers.problems.append(
                f"cel {index + 1}, uitvoer {number}: geen geldige uitvoer, overgeslagen."
            )
            continue
        if output.get("output_type") not in _OUTPUT_TYPES:
            continue
        data = output.get("data")
        if not isinstance(data, dict):
            answers.problems.append(
                f"cel {index + 1}, uitvoer {number}: geen geldige data, overgeslagen."
            )
            continue
        if MIME_TYPE not in data:
            continue
        payload = data[MIME_TYPE]
        try:
            if isinstance(payload, str):
                payload = json.loads(payload)
            found.append((AnswerRecord.from_json(payload), payload, data))
        except (ValueError, RecordError, RecursionError) as error:
            answers.problems.append(
                f"cel {index + 1}, uitvoer {number}: ongeldig antwoordrecord, overgeslagen "
                f"({error})."
            )
    return found


def _rank(record: AnswerRecord, index: int) -> tuple[datetime, int, int]:
    return (datetime.fromisoformat(record.last_answered_at), record.attempts, index)


def _collect(
    cells: list[Any], answers: NotebookAnswers, sources: dict[str, Source] | None
) -> list[dict[str, Any]]:
    """Records per question (the latest counts); returns the cells with tags, in order."""
    records, where = answers.records, answers.cells
    tagged = []
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict):
            answers.problems.append(f"cel {index + 1}: geen geldige cel, overgeslagen.")
            continue
        metadata = cell.get("metadata")
        if isinstance(metadata, dict) and metadata.get("tags"):
            tagged.append(cell)
        if cell.get("cell_type") != "code":
            continue
        for record, payload, data in _records_in(index, cell, answers):
            qid = record.question_id
            held = records.get(qid)
            if held is not None:
                if held != record:
                    first, second = sorted((where[qid], index))
                    answers.problems.append(
                        f"vraag {qid} staat in meer dan één cel (cel {first + 1} en cel "
                        f"{second + 1}); het laatst gegeven antwoord telt."
                    )
                if _rank(record, index) <= _rank(held, where[qid]):
                    continue
            records[qid] = record
            where[qid] = index
            if sources is not None:
                sources[qid] = (payload, data)
    return tagged


def _tagged_parameters(notebook: dict[str, Any], tagged: list[dict[str, Any]]) -> dict[str, Any]:
    """Parameters from the parameters cell, the injected cell, then papermill metadata."""
    values: dict[str, Any] = {}
    for wanted in ("parameters", "injected-parameters"):
        for cell in tagged:
            tags = cell["metadata"].get("tags", [])
            if isinstance(tags, list) and wanted in tags:
                values.update(
                    {k: v for k, v in _assignments(_source(cell)).items() if v not in ("", None)}
                )
    metadata = notebook.get("metadata")
    papermill = metadata.get("papermill") if isinstance(metadata, dict) else None
    given = papermill.get("parameters") if isinstance(papermill, dict) else None
    if isinstance(given, dict):
        values.update({k: v for k, v in given.items() if v not in ("", None)})
    return values


def _identify(
    notebook: dict[str, Any], cells: list[Any], answers: NotebookAnswers, tagged: list[Any]
) -> None:
    parameters = answers.parameters = _tagged_parameters(notebook, tagged)
    answers.student = _as_student(parameters.get("studentnummer", parameters.get("student")))
    answers.seed = _as_seed(parameters.get("seed"))
    students = {r.student for r in answers.records.values() if r.student}
    seeds = {r.variant_seed for r in answers.records.values() if r.variant_seed is not None}
    if answers.student is None and len(students) == 1:
        answers.student = students.pop()
    elif answers.student is not None and students - {answers.student}:
        others = ", ".join(sorted(students - {answers.student}))
        answers.problems.append(
            f"de records noemen een ander studentnummer ({others}) dan het notebook "
            f"({answers.student})."
        )
    if answers.seed is None and len(seeds) == 1:
        answers.seed = seeds.pop()
    metadata = notebook.get("metadata")
    own = metadata.get("salesbook") if isinstance(metadata, dict) else None
    chapter = own.get("chapter") if isinstance(own, dict) else None
    if not isinstance(chapter, int) or isinstance(chapter, bool):
        code = (c for c in cells if isinstance(c, dict) and c.get("cell_type") == "code")
        match = next(filter(None, (_CHAPTER_CALL.search(_source(c)) for c in code)), None)
        chapter = int(match.group(1)) if match else None
    if chapter is None and answers.records:
        chapters = [int(qid[1]) for qid in answers.records]
        chapter = max(set(chapters), key=chapters.count)
    answers.chapter = chapter


def answers_from_notebook(
    notebook: Any, path: str = "notebook", *, sources: dict[str, Source] | None = None
) -> NotebookAnswers:
    """Like :func:`read_answer_records`, for a notebook already parsed from JSON.

    Args:
        notebook: the parsed JSON.
        path: the name used in the problems.
        sources: if given, filled with question id → where the record that counts was read
            (its payload and the output's data bundle), for a closer look by the grader.
    """
    answers = NotebookAnswers(path=path)
    if not isinstance(notebook, dict):
        answers.problems.append(f"{path}: dit is geen notebook (de JSON is geen object).")
        return answers
    version = notebook.get("nbformat")
    if isinstance(version, int) and not isinstance(version, bool) and version < 4:
        answers.problems.append(
            f"{path}: notebookformaat {version} wordt niet ondersteund; open het in "
            "JupyterLab en bewaar het opnieuw (formaat 4)."
        )
        return answers
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        answers.problems.append(f"{path}: het notebook heeft geen lijst met cellen.")
        return answers
    tagged = _collect(cells, answers, sources)
    _identify(notebook, cells, answers, tagged)
    return answers


def read_answer_records(path: Path | str) -> NotebookAnswers:
    """Read all answer records from an .ipynb file; never raises for bad input.

    Args:
        path: the notebook file.

    Returns:
        NotebookAnswers with ``.records`` (question id → record), ``.problems`` (Dutch),
        ``.student``, ``.seed`` and ``.chapter``.
    """
    name = str(path)
    try:
        file = Path(path)
        if file.stat().st_size > MAX_NOTEBOOK_BYTES:
            return NotebookAnswers(name, problems=[f"{name}: het bestand is te groot om te lezen."])
        text = file.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return NotebookAnswers(name, problems=[f"{name}: het bestand bestaat niet."])
    except IsADirectoryError:
        return NotebookAnswers(name, problems=[f"{name}: dit is een map, geen notebook."])
    except UnicodeDecodeError:
        return NotebookAnswers(name, problems=[f"{name}: het bestand is geen UTF-8-tekst."])
    except (OSError, ValueError) as error:
        return NotebookAnswers(
            name, problems=[f"{name}: het bestand kan niet worden gelezen ({error})."]
        )
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        return NotebookAnswers(
            name,
            problems=[f"{name}: dit is geen geldig notebook (JSON-fout op regel {error.lineno})."],
        )
    except (ValueError, RecursionError):
        return NotebookAnswers(name, problems=[f"{name}: dit is geen geldig notebook (JSON-fout)."])
    return answers_from_notebook(notebook, name)
