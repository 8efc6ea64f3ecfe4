"""Step 2: read the answer records of one notebook (plain JSON, never executed).

The JSON is parsed with ``orjson`` when it is installed (2–3× faster on notebooks of a few
hundred kilobytes), else with the standard library; anything orjson refuses is parsed again
with the standard library, so both give the same result and the same Dutch messages.

Built on :func:`salesbook.quiz.reader.answers_from_notebook`. On top of that this step keeps
what a tampered notebook gives away, for the problems report: extra fields in a record (a
forged ``"correct": true``) and the status the readable text next to the record claims
("Goed"), which :mod:`salesbook.grading.score` compares with the recomputed status. Neither
is ever used for the score.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.grading.collect import Handed
from salesbook.grading.problems import ProblemLog
from salesbook.quiz.reader import NotebookAnswers, answers_from_notebook
from salesbook.quiz.reader import _parameters as notebook_parameters
from salesbook.quiz.records import MIME_TYPE, AnswerRecord
from salesbook.werkboek_session import seed_for

try:  # optional: parses a notebook 2–3× faster than the standard library
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - depends on the environment
    _fast_loads = None

_RECORD_FIELDS = frozenset(f.name for f in fields(AnswerRecord))
_ASKS = re.compile(r"\bwb\.(?:vraag|oefening|vragen)\(\s*['\"]([a-z0-9.-]{1,80})['\"]")
_CLAIM = re.compile(r"^\*\*Vraag [^*\n]{1,80}\*\* · ([^·\n]{1,40}) ·")
_KINDS = (
    ("notebookformaat", "formaat"),
    ("antwoordrecord", "record"),
    ("meer dan één cel", "record"),
    ("ander studentnummer", "manipulatie"),
)


@dataclass
class Reading:
    """What one notebook holds, for the next steps.

    Attributes:
        handed: the file.
        answers: records, cells, student, seed and chapter found by the quiz reader.
        claims: question id → the status the notebook's text claims (``"goed"``, …).
        extra_fields: question id → unknown keys in its record (ignored, but reported).
        seed: the variant seed this student must have: the notebook's ``seed`` parameter,
            else the one the workbook derives from the student number; None if neither is
            known, or when no record has a seed (no parameterised question was answered).
            Records are graded with this seed, never with a seed they claim.
        asked: question id or leerdoel id → the cells (from 1) whose code asks it
            (``wb.vraag("…")``, ``wb.oefening("…")``, ``wb.vragen("…")``), to notice
            deleted and duplicated question cells.
    """

    handed: Handed
    answers: NotebookAnswers
    claims: dict[str, str] = field(default_factory=dict)
    extra_fields: dict[str, list[str]] = field(default_factory=dict)
    seed: int | None = None
    asked: dict[str, list[int]] = field(default_factory=dict)

    @property
    def latest(self) -> str:
        """The latest ``last_answered_at`` of all records ("" when there are none)."""
        return max((r.last_answered_at for r in self.answers.records.values()), default="")


def _load(handed: Handed, problems: ProblemLog) -> Any:
    name = handed.name
    try:
        raw = handed.path.read_bytes()
    except OSError as error:
        problems.add(name, f"kan niet worden gelezen ({error.strerror or error}).", "bestand")
        return None
    if not raw or raw.isspace():
        problems.add(name, "het bestand is leeg.", "bestand")
        return None
    if _fast_loads is not None:
        try:
            return _fast_loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
        except ValueError:
            pass  # read again below, for the exact Dutch message (or what orjson refuses)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(name, "dit is geen notebook: het bestand is geen tekst (UTF-8).", "bestand")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problems.add(
            name,
            f"dit is geen geldig notebook: de JSON is beschadigd (regel {error.lineno}, "
            f"kolom {error.colno}); misschien is het bestand afgebroken of met de hand bewerkt.",
            "bestand",
        )
    except (ValueError, RecursionError):
        problems.add(name, "dit is geen geldig notebook: de JSON is beschadigd.", "bestand")
    return None


def _kind(message: str) -> str:
    return next((kind for word, kind in _KINDS if word in message), "bestand")


def _asked(cells: list[Any], reading: Reading) -> None:
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(part for part in source if isinstance(part, str))
        if not isinstance(source, str) or "wb." not in source:
            continue
        for found in _ASKS.findall(source):
            reading.asked.setdefault(found, []).append(index + 1)


def _inspect(notebook: dict[str, Any], reading: Reading) -> None:
    """Fill ``claims``, ``extra_fields`` and ``asked`` from the notebook's cells."""
    cells = notebook.get("cells")
    if isinstance(cells, list):
        _asked(cells, reading)
    for qid, index in reading.answers.cells.items():
        record = reading.answers.records[qid]
        outputs = cells[index].get("outputs", []) if isinstance(cells, list) else []
        for output in outputs if isinstance(outputs, list) else []:
            data = output.get("data") if isinstance(output, dict) else None
            payload = data.get(MIME_TYPE) if isinstance(data, dict) else None
            if isinstance(payload, str):
                try:
                    payload = json.loads(payload)
                except ValueError:
                    continue
            if not isinstance(payload, dict) or payload.get("question_id") != qid:
                continue
            if payload.get("last_answered_at") != record.last_answered_at:
                continue
            extra = sorted(str(key)[:40] for key in payload if key not in _RECORD_FIELDS)
            if extra:
                reading.extra_fields[qid] = extra
            markdown = data.get("text/markdown")
            if isinstance(markdown, list):
                markdown = "".join(part for part in markdown if isinstance(part, str))
            if isinstance(markdown, str):
                match = _CLAIM.match(markdown)
                if match:
                    reading.claims[qid] = match.group(1).strip().lower()
            break


def read_notebook(handed: Handed, problems: ProblemLog) -> Reading | None:
    """Read one notebook; None (and a problem) when it is not a readable notebook."""
    notebook = _load(handed, problems)
    if notebook is None:
        return None
    answers = answers_from_notebook(notebook, handed.name)
    prefix = f"{handed.name}: "
    for message in answers.problems:
        text = message[len(prefix) :] if message.startswith(prefix) else message
        problems.add(handed.name, text, _kind(text), student=answers.student)
    if not answers.records and answers.problems and answers.chapter is None:
        return None  # nothing usable: not a notebook of this course, or an old format
    varied = any(r.variant_seed is not None for r in answers.records.values())
    reading = Reading(handed, answers, seed=expected_seed(notebook, answers) if varied else None)
    _inspect(notebook, reading)
    return reading


def expected_seed(notebook: Any, answers: NotebookAnswers) -> int | None:
    """The seed from the notebook's parameters, else derived from the student number."""
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    parameters = notebook_parameters(notebook, cells) if isinstance(cells, list) else {}
    given = parameters.get("seed")
    try:
        return seed_for(answers.student, given if given not in ("", None) else None)
    except SalesbookError:
        return seed_for(answers.student, None)
