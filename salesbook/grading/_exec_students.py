"""The class list for personal notebooks: ``studenten.csv`` → student number → seed.

The file needs a column ``studentnummer``; ``naam`` (ignored here) and ``seed`` (a whole
number) are optional. Fields may be separated by ``;`` (Dutch Excel), ``,`` or a tab; the
file is UTF-8, with or without byte-order mark.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from salesbook.exceptions import SalesbookError


def student_seed(studentnummer: str) -> int:
    """The seed ``wb.start`` uses for this student number when no seed is given.

    A number of digits is its own seed (``"123456"`` → 123456); other text is hashed
    (sha256), so the seed is the same on every machine.
    """
    from salesbook.werkboek_session import seed_for

    seed = seed_for(studentnummer.strip(), None)
    if seed is None:
        raise SalesbookError("Een leeg studentnummer heeft geen seed.")
    return seed


def _dialect(text: str) -> str:
    first = text.splitlines()[0] if text.strip() else ""
    return max((";", ",", "\t"), key=first.count)


def read_students(path: Path) -> dict[str, int]:
    """Student number → seed, in the order of the file.

    Raises:
        SalesbookError: the file cannot be read, has no column ``studentnummer``, or has an
            empty or repeated student number or a seed that is not a whole number (every
            problem with its line number, in Dutch).
    """
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SalesbookError(f"Het bestand {path} bestaat niet.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SalesbookError(f"{path} kan niet worden gelezen ({error}).") from None
    reader = csv.DictReader(io.StringIO(text), delimiter=_dialect(text))
    columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
    if "studentnummer" not in columns:
        raise SalesbookError(
            f"{path} heeft geen kolom 'studentnummer' (gevonden: "
            f"{', '.join(c for c in columns if c) or 'geen kolommen'})."
        )
    students: dict[str, int] = {}
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        number = (row.get(columns["studentnummer"]) or "").strip()
        seed_text = (row.get(columns["seed"]) or "").strip() if "seed" in columns else ""
        if not number:
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                problems.append(f"regel {line}: het studentnummer is leeg.")
            continue
        if number in students:
            problems.append(f"regel {line}: studentnummer {number} staat er al eerder in.")
            continue
        if seed_text and not seed_text.lstrip("-").isdigit():
            problems.append(f"regel {line}: seed '{seed_text}' is geen geheel getal.")
            continue
        students[number] = int(seed_text) if seed_text else student_seed(number)
    if problems:
        raise SalesbookError(f"{path}: " + " ".join(problems))
    if not students:
        raise SalesbookError(f"{path} bevat geen studentnummers.")
    return students
