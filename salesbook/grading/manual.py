"""Manual scores: the teacher's points for open answers, kept in ``handmatig.json``.

Only importing a filled-in rubric sheet (:mod:`salesbook.grading.rubric`) writes this file;
grading reads it and never changes it, so grading again never loses a manual score. A manual
score overrides the automatic one (as in nbgrader). Each score remembers a hash of the answer
it was given for: if the student's answer has changed since, the score still counts, and the
problems report says so.

File format (UTF-8 JSON)::

    {"schema_version": 1,
     "scores": {"<studentnummer>|<vraag-id>": {"score": 1.5, "max": 2.0,
                "opmerking": "…", "antwoord_hash": "…", "bron": "nakijkblad.xlsx",
                "ingevoerd": "2026-11-22T10:15:30Z"}}}
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from salesbook.grading.problems import ProblemLog
from salesbook.grading.write import keep_previous, write_atomic

FILE_NAME = "handmatig.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ManualScore:
    """One manual score.

    Attributes:
        score: points given by the teacher.
        max: the question's points when it was scored.
        opmerking: the teacher's comment for the student ("" if none).
        antwoord_hash: :func:`response_hash` of the answer that was scored.
        bron: the rubric file it came from.
        ingevoerd: when it was imported (ISO UTC).
    """

    score: float
    max: float
    opmerking: str = ""
    antwoord_hash: str = ""
    bron: str = ""
    ingevoerd: str = ""


def key(student: str, question_id: str) -> str:
    """The key of a manual score: ``"<student>|<question id>"``."""
    return f"{student}|{question_id}"


def response_hash(response: Any) -> str:
    """Short sha256 of a response (canonical JSON), to notice a changed answer."""
    text = json.dumps(response, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _valid(entry: Any) -> ManualScore | None:
    if not isinstance(entry, dict):
        return None
    score, maximum = entry.get("score"), entry.get("max")
    numbers = (score, maximum)
    if any(isinstance(n, bool) or not isinstance(n, int | float) for n in numbers):
        return None
    if not (math.isfinite(score) and math.isfinite(maximum) and 0 <= score <= maximum):
        return None
    texts = {name: entry.get(name, "") for name in ("opmerking", "antwoord_hash", "bron")}
    texts["ingevoerd"] = entry.get("ingevoerd", "")
    if not all(isinstance(value, str) for value in texts.values()):
        return None
    return ManualScore(float(score), float(maximum), **texts)


def load_manual(output: Path, problems: ProblemLog | None = None) -> dict[str, ManualScore]:
    """The manual scores in ``output/handmatig.json`` (empty when there is none).

    A damaged file or entry is reported and skipped; the file itself is left as it is.
    """
    path = Path(output) / FILE_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        if problems is not None:
            problems.add(
                FILE_NAME,
                f"de handmatige scores kunnen niet worden gelezen ({error}); ze tellen nu niet "
                "mee. Herstel het bestand uit eerdere-versies/.",
                "handmatig",
            )
        return {}
    entries = data.get("scores") if isinstance(data, dict) else None
    scores: dict[str, ManualScore] = {}
    for name, entry in (entries or {}).items():
        valid = _valid(entry)
        if valid is None or not isinstance(name, str) or "|" not in name:
            if problems is not None:
                problems.add(FILE_NAME, f"ongeldige handmatige score '{name}' overgeslagen.")
            continue
        scores[name] = valid
    return scores


def save_manual(output: Path, scores: dict[str, ManualScore]) -> Path:
    """Write all manual scores atomically; the previous file goes to ``eerdere-versies/``."""
    path = Path(output) / FILE_NAME
    keep_previous(path)
    data = {
        "schema_version": SCHEMA_VERSION,
        "scores": {name: asdict(scores[name]) for name in sorted(scores)},
    }
    return write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def now_utc() -> str:
    """The current time as ISO UTC without fractions (``2026-11-22T10:15:30Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
