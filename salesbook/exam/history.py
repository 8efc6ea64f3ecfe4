"""The history of handed-in mock exams, kept locally as ``proefexamens.json``.

One entry per attempt: blueprint name, seed, start and hand-in time (UTC), whether the time
ran out, the score and every question's id, variant, leerdoel, status and points, so the
mastery overview can use each question as evidence. The file lives in the exam training
folder (:func:`salesbook.exam.statefile.default_state_dir`); writes are atomic and a corrupt
file is set aside with a Dutch warning, after which the history starts empty.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from salesbook.exam.results import ExamResult
from salesbook.exam.statefile import StateFile, default_state_dir

HISTORY_FILE = "proefexamens.json"
SCHEMA_VERSION = 1
MAX_ATTEMPTS = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HistoryItem(_Strict):
    """One question of a saved attempt."""

    question_id: str
    variant_seed: int | None
    chapter: int = Field(ge=0, le=7)
    leerdoel: str
    status: Literal["niet beantwoord", "fout", "deels goed", "goed", "ingeleverd"]
    score: float = Field(ge=0)
    max_score: float = Field(ge=0)
    auto_scored: bool = True
    response: Any = None


class AttemptRecord(_Strict):
    """One saved attempt."""

    name: str
    seed: int = Field(ge=0)
    started_at: datetime
    handed_in_at: datetime
    expired: bool
    score: float = Field(ge=0)
    max_score: float = Field(ge=0)
    items: list[HistoryItem]

    @property
    def share(self) -> float:
        """score / max_score."""
        return self.score / self.max_score if self.max_score else 0.0

    @classmethod
    def from_result(cls, result: ExamResult) -> AttemptRecord:
        """The saved form of a handed-in exam."""
        items = []
        for r in result.items:
            try:
                response = json.loads(json.dumps(r.response, ensure_ascii=False))
            except (TypeError, ValueError):
                response = None
            items.append(
                HistoryItem(
                    question_id=r.item.question_id,
                    variant_seed=r.item.variant_seed,
                    chapter=r.item.chapter,
                    leerdoel=r.item.leerdoel,
                    status=r.outcome.status,
                    score=r.outcome.score,
                    max_score=r.outcome.max_score,
                    auto_scored=r.auto_scored,
                    response=response,
                )
            )
        return cls(
            name=result.exam.name,
            seed=result.exam.seed,
            started_at=result.started_at,
            handed_in_at=result.handed_in_at,
            expired=result.expired,
            score=result.score,
            max_score=result.max_score,
            items=items,
        )


class _HistoryFile(_Strict):
    schema_version: Literal[1]
    attempts: list[AttemptRecord]


class ExamHistory:
    """The attempts of this computer's student, oldest first.

    Args:
        folder: where ``proefexamens.json`` lives (default: the exam training folder).
    """

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_state_dir()
        self._file = StateFile(self.folder / HISTORY_FILE, "je examengeschiedenis")
        self._attempts: list[AttemptRecord] | None = None

    @property
    def path(self) -> Path:
        """The history file."""
        return self._file.path

    @property
    def problems(self) -> list[str]:
        """Dutch messages about a corrupt or unwritable history file."""
        return self._file.problems

    def attempts(self) -> list[AttemptRecord]:
        """Every saved attempt, oldest first (read once, then kept)."""
        if self._attempts is None:
            loaded = self._file.load(lambda data: _HistoryFile.model_validate(data).attempts)
            self._attempts = list(loaded or [])
        return list(self._attempts)

    def add(self, result: ExamResult) -> AttemptRecord:
        """Save a handed-in exam (the oldest attempts go beyond :data:`MAX_ATTEMPTS`)."""
        record = AttemptRecord.from_result(result)
        attempts = [*self.attempts(), record][-MAX_ATTEMPTS:]
        self._attempts = attempts
        data = {
            "schema_version": SCHEMA_VERSION,
            "attempts": [a.model_dump(mode="json") for a in attempts],
        }
        self._file.save(data)
        return record
