"""The local answer store: answers survive a kernel restart and "Run All".

Layout: one small JSON file per (question id, variant seed) in the store folder, named
``<question id>.json`` or ``<question id>@<seed>.json``. Writes go to a hidden temporary file
(``.tmp-…``) in the same folder, are flushed and fsynced, and then atomically renamed over the
record with ``os.replace``. A reader therefore sees either the old or the new record, never a
half-written one, also when the kernel is killed mid-write; two kernels writing at once never
corrupt each other (for the same question the last write wins). Leftover temporary files of
killed writers are never read and are removed after an hour.

Problems never crash the student's notebook: a corrupt record file is moved aside to
``<name>.corrupt-<UTC timestamp>`` and a Dutch message is both issued as an
:class:`AnswerStoreWarning` and appended to :attr:`AnswerStore.problems`; a store that cannot be
written is reported the same way (``put`` returns False; the answer is still in the notebook).

Location: the ``path`` argument, else ``$SALESBOOK_STORE``, else ``~/.salesbook/antwoorden``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import warnings
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from salesbook.quiz.base import QUESTION_ID_PATTERN
from salesbook.quiz.records import AnswerRecord, RecordError

STORE_ENV = "SALESBOOK_STORE"
MAX_FILE_BYTES = 65_536
TEMP_PREFIX = ".tmp-"
STALE_TEMP_SECONDS = 3600.0


class AnswerStoreWarning(UserWarning):
    """A problem with the local answer store (Dutch message); work goes on."""


def default_store_path() -> Path:
    """``$SALESBOOK_STORE`` if set, else ``~/.salesbook/antwoorden``."""
    configured = os.environ.get(STORE_ENV, "").strip()
    return (
        Path(configured).expanduser() if configured else Path.home() / ".salesbook" / "antwoorden"
    )


def record_filename(question_id: str, variant_seed: int | None = None) -> str:
    """The file name of a record; ValueError for an id that is not a question id."""
    if not re.fullmatch(QUESTION_ID_PATTERN, question_id):
        raise ValueError(f"'{question_id}' is geen geldig vraag-id.")
    if variant_seed is None:
        return f"{question_id}.json"
    return f"{question_id}@{int(variant_seed)}.json"


class AnswerStore:
    """Answers of this computer's student, one JSON file per (question, variant seed)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self.problems: list[str] = []
        self.clean_temporary()

    def __repr__(self) -> str:
        return f"AnswerStore({str(self.path)!r})"

    def _report(self, message: str) -> None:
        self.problems.append(message)
        warnings.warn(message, AnswerStoreWarning, stacklevel=3)

    def get(self, question_id: str, variant_seed: int | None = None) -> AnswerRecord | None:
        """The stored record, or None (also when the file was corrupt and set aside)."""
        try:
            name = record_filename(question_id, variant_seed)
        except ValueError:
            return None
        return self._read(self.path / name)

    def put(self, record: AnswerRecord) -> bool:
        """Store a record atomically; False (and a reported problem) when that fails."""
        name = record_filename(record.question_id, record.variant_seed)
        data = json.dumps(record.to_json(), ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._write_atomic(self.path / name, data.encode("utf-8"))
        except OSError as error:
            self._report(
                f"Je antwoord op vraag {record.question_id} kon niet in de lokale "
                f"antwoordopslag ({self.path}) worden bewaard: {error.strerror or error}. "
                "Het staat wel in je notebook; bewaar dat goed."
            )
            return False
        return True

    def remove(self, question_id: str, variant_seed: int | None = None) -> bool:
        """Delete a stored record; True when there was one."""
        try:
            (self.path / record_filename(question_id, variant_seed)).unlink()
        except (OSError, ValueError):
            return False
        return True

    def records(self) -> list[AnswerRecord]:
        """Every valid record, sorted by question id and seed (corrupt files are set aside)."""
        if not self.path.is_dir():
            return []
        found = []
        for file in sorted(self.path.glob("*.json")):
            if not file.name.startswith("."):
                record = self._read(file)
                if record is not None:
                    found.append(record)
        return sorted(
            found, key=lambda r: (r.question_id, r.variant_seed is not None, r.variant_seed or 0)
        )

    def clean_temporary(self, max_age: float = STALE_TEMP_SECONDS) -> int:
        """Remove temporary files older than ``max_age`` seconds; returns how many."""
        removed = 0
        if not self.path.is_dir():
            return removed
        now = time.time()
        for file in self.path.glob(TEMP_PREFIX + "*"):
            with suppress(OSError):
                if now - file.stat().st_mtime >= max_age:
                    file.unlink()
                    removed += 1
        return removed

    def _write_atomic(self, target: Path, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.path, prefix=TEMP_PREFIX + target.name + ".")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(self.path)

    def _read(self, file: Path) -> AnswerRecord | None:
        try:
            if file.stat().st_size > MAX_FILE_BYTES:
                self._quarantine(file, None, "het bestand is veel te groot")
                return None
            raw = file.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            self._report(
                f"Het bewaarde antwoord {file} kan niet worden gelezen: {error.strerror or error}."
            )
            return None
        try:
            record = AnswerRecord.from_json(json.loads(raw.decode("utf-8")))
            if record_filename(record.question_id, record.variant_seed) != file.name:
                raise RecordError("het hoort bij een andere vraag dan de bestandsnaam zegt")
        except (ValueError, RecordError, RecursionError) as error:
            self._quarantine(file, raw, str(error) or type(error).__name__)
            return None
        return record

    def _quarantine(self, file: Path, raw: bytes | None, reason: str) -> None:
        """Move a corrupt file aside (unless a writer just replaced it) and report it."""
        with suppress(OSError):
            if raw is not None and file.read_bytes() != raw:
                return  # replaced by a concurrent writer meanwhile: not ours to move
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        backup = file.with_name(f"{file.name}.corrupt-{stamp}")
        try:
            os.replace(file, backup)
        except OSError:
            return  # already moved by another kernel
        self._report(
            f"Het bewaarde antwoord {file.name} in {self.path} was beschadigd ({reason:.120}). "
            f"Het is opzij gezet als {backup.name}; beantwoord de vraag zo nodig opnieuw."
        )


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); silently skipped where folders cannot be opened."""
    with suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
