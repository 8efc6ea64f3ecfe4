"""Atomic writes, and the previous gradebook kept before a new one replaces it.

Every output file is written to a temporary file in the same folder, flushed to disk
(``fsync``) and then renamed over the old file (``os.replace``, atomic on one file system).
A crash or an error halfway leaves the old file as it was and no half-written file behind.

Before a gradebook file (``cijferlijst.xlsx``, ``cijferlijst.csv``) is replaced, the old one
is copied to ``eerdere-versies/<naam>-<JJJJMMDD-UUMMSS>.<ext>``: every earlier version stays.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from salesbook.exceptions import SalesbookError

BACKUP_DIR = "eerdere-versies"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_stem(text: str, fallback: str = "onbekend", limit: int = 60) -> str:
    """A file-name stem made of letters, digits, ``.``, ``_`` and ``-`` only.

    Accents are dropped (``é`` → ``e``), everything else becomes ``_``; path separators,
    ``..``, control characters and very long names cannot reach the file system.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("_", plain).strip("._-")[:limit].strip("._-")
    return stem or fallback


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + fsync + rename).

    With ``durable=False`` the fsync is left out: the file is still replaced in one step
    (never half-written), but a power cut right after may lose the new version. Used for
    the feedback pages, which are made again on every run.

    Raises:
        SalesbookError: the file cannot be written (Dutch message naming the file).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise SalesbookError(
            f"Kan {path} niet schrijven: {error.strerror or error}. Controleer de map."
        ) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            if durable:
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise SalesbookError(
                f"Kan {path} niet schrijven: {error.strerror or error}. Het oude bestand is "
                "niet veranderd."
            ) from None
        raise
    return path


def keep_previous(path: Path, now: datetime | None = None) -> Path | None:
    """Copy an existing file to ``eerdere-versies/`` before it is replaced.

    Returns:
        The copy, or None when there was no file yet.
    """
    path = Path(path)
    if not path.is_file():
        return None
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = path.parent / BACKUP_DIR
    target = folder / f"{path.stem}-{moment}{path.suffix}"
    number = 2
    while target.exists():
        target = folder / f"{path.stem}-{moment}-{number}{path.suffix}"
        number += 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        shutil.copy2(path, temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise SalesbookError(
            f"Kan geen reservekopie van {path} maken ({error.strerror or error}); de oude "
            "cijferlijst is niet vervangen."
        ) from None
    return target
