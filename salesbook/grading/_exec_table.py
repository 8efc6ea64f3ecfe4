"""A plain text table for the terminal: columns aligned, long cells shortened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_CELL = 70


def _text(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def text_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Rows under a header, every column as wide as its widest cell, separated by two spaces.

    Numbers must already be formatted (Dutch notation) by the caller.
    """
    cells = [[_text(v) for v in header], *([_text(v) for v in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)
