"""Step 2: read the answer records of one notebook (plain JSON, never executed).

The whole JSON is parsed, with ``orjson`` (2–3× faster than the standard library on notebooks
of a few hundred kilobytes); anything orjson refuses is parsed again with the standard
library, so both give the same result and the same Dutch messages. The cyclic garbage
collector is paused while one notebook is parsed and read (see :func:`read_notebook`).

Built on :func:`salesbook.quiz.reader.answers_from_notebook`. On top of that this step keeps
what a tampered notebook gives away, for the problems report: extra fields in a record (a
forged ``"correct": true``) and the status the readable text next to the record claims
("Goed"), which :mod:`salesbook.grading.score` compares with the recomputed status. Neither
is ever used for the score.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.grading.collect import Handed
from salesbook.grading.problems import ProblemLog
from salesbook.quiz.reader import NotebookAnswers, Source, answers_from_notebook, joined
from salesbook.quiz.records import AnswerRecord
from salesbook.werkboek_session import seed_for

try:  # a dependency; the standard library still reads notebooks without it
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - depends on the environment
    _fast_loads = None

_RECORD_FIELDS = frozenset(f.name for f in fields(AnswerRecord))
_ASKS = re.compile(r"\bwb\.(?:vraag|oefening|vragen)\(\s*['\"]([a-z0-9.-]{1,80})['\"]")
_ASKED: dict[str, tuple[str, ...]] = {}
_ASKED_LIMIT = 4096
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


def _asks(source: str) -> tuple[str, ...]:
    """Question and leerdoel ids a cell's source asks (cached: a class shares its sources)."""
    found = _ASKED.get(source)
    if found is None:
        found = tuple(_ASKS.findall(source))
        if len(_ASKED) >= _ASKED_LIMIT:
            _ASKED.clear()
        _ASKED[source] = found
    return found


def _asked(cells: list[Any], reading: Reading) -> None:
    asked = reading.asked
    for index, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = joined(cell.get("source", ""))
        if not isinstance(source, str) or "wb." not in source:
            continue
        for found in _asks(source):
            if found in asked:
                asked[found].append(index)
            else:
                asked[found] = [index]


def _inspect(notebook: dict[str, Any], sources: dict[str, Source], reading: Reading) -> None:
    """Fill ``claims``, ``extra_fields`` and ``asked`` from the notebook's cells.

    ``sources`` holds, per record that counts, the output it was read from.
    """
    cells = notebook.get("cells")
    if isinstance(cells, list):
        _asked(cells, reading)
    for qid, (payload, data) in sources.items():
        if not _RECORD_FIELDS.issuperset(payload):
            extra = sorted(str(key)[:40] for key in payload if key not in _RECORD_FIELDS)
            reading.extra_fields[qid] = extra
        markdown = joined(data.get("text/markdown"))
        if isinstance(markdown, str):
            match = _CLAIM.match(markdown)
            if match:
                reading.claims[qid] = match.group(1).strip().lower()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a notebook is parsed and read.

    Parsing creates thousands of containers at once; each would otherwise trigger
    collections that scan everything kept so far. Parsed JSON holds no reference cycles, so
    reference counting frees it all when the notebook is dropped.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_notebook(handed: Handed, problems: ProblemLog) -> Reading | None:
    """Read one notebook; None (and a problem) when it is not a readable notebook.

    Only what the next steps need is kept: the parsed notebook itself is dropped here.
    """
    with _gc_paused():
        return _read(handed, problems)


def _read(handed: Handed, problems: ProblemLog) -> Reading | None:
    notebook = _load(handed, problems)
    if notebook is None:
        return None
    sources: dict[str, Source] = {}
    answers = answers_from_notebook(notebook, handed.name, sources=sources)
    prefix = f"{handed.name}: "
    for message in answers.problems:
        text = message[len(prefix) :] if message.startswith(prefix) else message
        problems.add(handed.name, text, _kind(text), student=answers.student)
    if not answers.records and answers.problems and answers.chapter is None:
        return None  # nothing usable: not a notebook of this course, or an old format
    varied = any(r.variant_seed is not None for r in answers.records.values())
    reading = Reading(handed, answers, seed=expected_seed(answers) if varied else None)
    _inspect(notebook, sources, reading)
    return reading


def expected_seed(answers: NotebookAnswers) -> int | None:
    """The seed from the notebook's parameters, else derived from the student number."""
    given = answers.parameters.get("seed")
    try:
        return seed_for(answers.student, given if given not in ("", None) else None)
    except SalesbookError:
        return seed_for(answers.student, None)
