"""Step 1: collect the notebooks handed in: every ``.ipynb`` under a folder.

Subfolders count (LMS downloads often put each student in one). Skipped, with a Dutch
problem: files larger than :data:`MAX_BYTES`, symbolic links, and files that are not
notebooks. Skipped silently: hidden files and folders (``.ipynb_checkpoints``, ``.~lock``)
and the output folder itself when it lies inside the folder being graded.

File names are shown as :func:`display_name` makes them: relative to the folder, with bytes
that are not UTF-8 replaced and control characters removed, so an odd name can never break
the reports.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from salesbook.exceptions import SalesbookError
from salesbook.grading.problems import ProblemLog

MAX_BYTES = 20 * 1024 * 1024
"""Largest notebook read (20 MB); a notebook of the course is far below 1 MB when saved."""

MAX_NAME = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Handed:
    """One notebook file handed in.

    Attributes:
        path: the file on disk.
        name: the name shown in reports (relative to the graded folder, cleaned).
        size: the file size in bytes.
        mtime: the modification time (seconds since the epoch).
    """

    path: Path
    name: str
    size: int
    mtime: float


def display_name(path: Path, root: Path) -> str:
    """A readable, safe name for reports: relative path, valid UTF-8, no control characters."""
    try:
        relative = os.fsencode(path.relative_to(root))
    except ValueError:
        relative = os.fsencode(path.name)
    text = relative.decode("utf-8", "replace")
    text = _CONTROL.sub("", text).replace("\\", "/")
    if len(text) > MAX_NAME:
        text = text[: MAX_NAME // 2 - 1] + "…" + text[-(MAX_NAME // 2) :]
    return text or "(naamloos)"


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def collect_notebooks(
    folder: Path, problems: ProblemLog, *, exclude: Path | None = None
) -> list[Handed]:
    """Every notebook under ``folder``, sorted by name; skipped files become problems.

    Args:
        folder: the folder with the work handed in.
        problems: where skipped files are reported.
        exclude: a folder to leave out (the output folder, if it lies inside ``folder``).

    Raises:
        SalesbookError: ``folder`` does not exist or is not a folder (Dutch message).
    """
    root = Path(folder)
    if not root.is_dir():
        raise SalesbookError(
            f"De map {root} bestaat niet of is geen map. Geef de map met ingeleverde notebooks."
        )
    root = root.resolve()
    skip = exclude.resolve() if exclude is not None else None
    found: list[Handed] = []
    for directory, subdirs, files in os.walk(root, onerror=None, followlinks=False):
        here = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and not _inside(here / d, skip)
        )
        for entry in sorted(files):
            path = here / entry
            if entry.startswith(".") or entry.startswith("~$"):
                continue
            name = display_name(path, root)
            if not entry.lower().endswith(".ipynb"):
                problems.add(name, "geen notebook (.ipynb), overgeslagen.", "bestand")
                continue
            if path.is_symlink():
                problems.add(name, "een snelkoppeling (symbolische link), overgeslagen.", "bestand")
                continue
            try:
                stat = path.stat()
            except OSError as error:
                problems.add(name, f"kan niet worden gelezen ({error.strerror}).", "bestand")
                continue
            if stat.st_size > MAX_BYTES:
                megabytes = stat.st_size / 1024 / 1024
                problems.add(
                    name,
                    f"het bestand is te groot ({megabytes:.0f} MB, maximaal "
                    f"{MAX_BYTES // 1024 // 1024} MB) en is overgeslagen. Waarschijnlijk staan "
                    "er grote uitvoer of afbeeldingen in: laat de student 'Clear All Outputs' "
                    "doen, de vraagcellen opnieuw uitvoeren en opnieuw bewaren.",
                    "bestand",
                )
                continue
            found.append(Handed(path, name, stat.st_size, stat.st_mtime))
    found.sort(key=lambda handed: handed.name)
    return found
