"""CSV for Dutch Excel and .xlsx workbooks, safe for hostile text.

Dutch Excel opens a CSV correctly when it uses ``;`` between fields, a decimal comma, and
UTF-8 with a byte-order mark (otherwise "é" turns into "Ã©"). Lines end with CRLF.

Student numbers and file names come from the students, so a text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return could run as a formula when the file is opened
("CSV injection"). In CSV such text gets a leading ``'``; in .xlsx the cell is stored as
text explicitly, so Excel shows it and never evaluates it. Characters that .xlsx cannot hold
(control characters) are removed.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def csv_text(value: Any, decimal: str = ",") -> str:
    """One CSV field: numbers with the given decimal sign, text neutralised."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        text = str(int(value)) if value.is_integer() else f"{value:.4f}".rstrip("0")
        return text.replace(".", decimal)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    dutch: bool = True,
) -> bytes:
    """A CSV file as bytes.

    Args:
        header: the column names.
        rows: the values (numbers stay numbers, NaN and None become empty).
        dutch: True → ``;``, decimal comma, UTF-8 with BOM (Dutch Excel); False → ``,``,
            decimal point, UTF-8 without BOM (the import format of LMS gradebooks).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dutch else ",", lineterminator="\r\n")
    decimal = "," if dutch else "."
    writer.writerow([csv_text(name, decimal) for name in header])
    for row in rows:
        writer.writerow([csv_text(value, decimal) for value in row])
    text = buffer.getvalue()
    return ("\ufeff" + text).encode("utf-8") if dutch else text.encode("utf-8")


@dataclass
class Sheet:
    """One worksheet: a header row, rows, and per-column number formats and widths.

    Attributes:
        title: the sheet's name (at most 31 characters).
        header: column names.
        rows: the values.
        formats: column name → Excel number format (e.g. ``"0.0"``).
        widths: column name → column width in characters (default: from the header).
        freeze: the top-left cell that stays scrollable (``"B2"`` keeps row 1 and column A).
        wrap: column names whose text wraps.
    """

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    formats: dict[str, str] = field(default_factory=dict)
    widths: dict[str, float] = field(default_factory=dict)
    freeze: str | None = "B2"
    wrap: tuple[str, ...] = ()


def _cell_value(value: Any) -> tuple[Any, bool]:
    """(value for openpyxl, force text?)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, False
    if isinstance(value, bool | int | float):
        return value, False
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:32_000]
    return text, text.startswith(_FORMULA_START)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx workbook with the given sheets: bold header, frozen panes, number formats.

    Written in openpyxl's write-only mode (fast and lean for large classes).
    """
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        if sheet.freeze:
            worksheet.freeze_panes = sheet.freeze
        for index, name in enumerate(sheet.header, start=1):
            width = sheet.widths.get(name, max(10.0, min(40.0, len(str(name)) + 2.0)))
            worksheet.column_dimensions[get_column_letter(index)].width = width
        header = []
        for name in sheet.header:
            cell = WriteOnlyCell(worksheet, value=_cell_value(name)[0])
            cell.font = _BOLD
            cell.fill = _HEADER_FILL
            cell.alignment = _WRAP
            header.append(cell)
        worksheet.append(header)
        formats = [sheet.formats.get(name) for name in sheet.header]
        wraps = [name in sheet.wrap for name in sheet.header]
        for row in sheet.rows:
            cells = []
            for value, number_format, wrap in zip(row, formats, wraps, strict=False):
                shown, as_text = _cell_value(value)
                if shown is None or not (number_format or wrap or as_text):
                    cells.append(shown)
                    continue
                cell = WriteOnlyCell(worksheet, value=shown)
                if as_text:
                    cell.data_type = "s"  # shown as text, never evaluated as a formula
                if number_format and not isinstance(shown, str):
                    cell.number_format = number_format
                if wrap:
                    cell.alignment = _WRAP
                cells.append(cell)
            worksheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
