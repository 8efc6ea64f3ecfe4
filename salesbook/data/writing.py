"""Write course tables as CSV files, byte for byte reproducible and atomically.

Format: UTF-8 without BOM, comma as separator, a dot as decimal mark, ``\\n`` line endings,
dates as ``YYYY-MM-DD``, empty cells for missing values. Amounts are rounded to cents before
writing, so the text of every number is stable.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from salesbook.data._columns import SCHEMAS
from salesbook.data.schema import apply_schema
from salesbook.exceptions import DataError


def to_csv_text(frame: pd.DataFrame, name: str) -> str:
    """Return the CSV text of table ``name`` in the canonical format.

    Raises:
        DataError: ``name`` is not a course table or ``frame`` does not fit its schema.
    """
    schema = SCHEMAS.get(name)
    if schema is None:
        raise DataError(f"Onbekende tabel '{name}'. Kies een van: {', '.join(SCHEMAS)}.")
    frame = apply_schema(frame, schema)
    floats = [c.name for c in schema.columns if c.kind == "float"]
    frame[floats] = frame[floats].round(4)
    return frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write(tables: Mapping[str, pd.DataFrame], folder: str | os.PathLike[str]) -> list[Path]:
    """Write each table to ``folder/<name>.csv`` and return the paths written.

    Args:
        tables: table name → DataFrame, e.g. the result of :func:`salesbook.data.generate`.
        folder: target folder; it is created when missing.

    Raises:
        DataError: a name is not a course table, a frame does not fit its schema, or the folder
            cannot be written.
    """
    target = Path(folder)
    texts = {name: to_csv_text(frame, name) for name, frame in tables.items()}
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            path = target / f"{name}.csv"
            write_atomic(path, text.encode("utf-8"))
            written.append(path)
    except OSError as error:
        raise DataError(f"Kan de data niet schrijven naar de map {target}: {error}") from error
    return written
