"""Where the exam training keeps its state, and how a JSON state file is read and written.

Location: the folder ``examentraining`` next to the local answer store, so one setting moves
everything: with ``$SALESBOOK_STORE=/pad/antwoorden`` the state lives in
``/pad/examentraining``; without it in ``~/.salesbook/examentraining``. Functions take an
explicit folder too (tests, teachers).

Writes are atomic (temporary file in the same folder, flush, fsync, ``os.replace``): a reader
sees the old or the new state, never half of one, also when the kernel is killed mid-write.
A file that cannot be read as valid state is never a crash: it is moved aside to
``<name>.corrupt-<UTC timestamp>``, reported in Dutch as an :class:`ExamStateWarning` and in
:attr:`StateFile.problems`, and the caller starts afresh.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from salesbook.exam.errors import ExamStateWarning
from salesbook.quiz.store import default_store_path

FOLDER_NAME = "examentraining"
MAX_STATE_BYTES = 20_000_000
T = TypeVar("T")


def default_state_dir(store_path: Path | str | None = None) -> Path:
    """``<answer store's parent>/examentraining`` (store: the given path or the default)."""
    store = Path(store_path).expanduser() if store_path is not None else default_store_path()
    return store.parent / FOLDER_NAME


class StateFile:
    """One JSON state file (history or flashcards) with atomic writes and corruption handling.

    Args:
        path: the file.
        what: Dutch description for messages, e.g. ``"je examengeschiedenis"``.
    """

    def __init__(self, path: Path, what: str) -> None:
        self.path = Path(path)
        self.what = what
        self.problems: list[str] = []

    def _report(self, message: str) -> None:
        self.problems.append(message)
        warnings.warn(message, ExamStateWarning, stacklevel=4)

    def load(self, parse: Callable[[Any], T]) -> T | None:
        """The parsed state, or None when there is none (or it was corrupt and set aside).

        Args:
            parse: turns the JSON data into the state; raises ``ValueError``, ``KeyError``,
                ``TypeError`` (or a subclass) when the data is not valid.
        """
        try:
            if self.path.stat().st_size > MAX_STATE_BYTES:
                self._set_aside("het bestand is veel te groot")
                return None
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            self._report(
                f"{self.what.capitalize()} ({self.path}) kan niet worden gelezen: "
                f"{error.strerror or error}. Je begint nu met een lege stand."
            )
            return None
        try:
            return parse(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            self._set_aside(str(error) or type(error).__name__)
            return None

    def save(self, data: Any) -> bool:
        """Write ``data`` as JSON atomically; False (and a reported problem) when that fails."""
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".tmp-{self.path.name}."
            )
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(text.encode("utf-8"))
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as error:
            self._report(
                f"{self.what.capitalize()} kon niet worden bewaard in {self.path.parent}: "
                f"{error.strerror or error}. Wat je nu doet, is na een herstart weg."
            )
            return False
        return True

    def _set_aside(self, reason: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, backup)
        except OSError:
            moved = "kon niet opzij worden gezet"
        else:
            moved = f"is bewaard als {backup.name}"
        self._report(
            f"{self.what.capitalize()} ({self.path.name} in {self.path.parent}) was beschadigd "
            f"({reason:.120}). Het bestand {moved}; je begint opnieuw met een lege stand."
        )
