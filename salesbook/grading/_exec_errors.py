"""Dutch descriptions of what went wrong while executing a notebook, with the cell number.

papermill numbers cells in the notebook it executed: with parameters it inserted an
``injected-parameters`` cell after the cell tagged ``parameters`` (or replaced an old one),
and it dropped the error cells of an earlier papermill run. :func:`source_cell_map` undoes
both, so a teacher reads the cell number of the notebook as handed in, counted from 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from salesbook.notation import format_number

ERROR_MARKER_TAG = "papermill-error-cell-tag"
MAX_VALUE = 300


@dataclass(frozen=True)
class Failure:
    """A failure, described for the teacher.

    Attributes:
        kind: ``fout``, ``tijd``, ``geheugen``, ``kernel``, ``bestand`` or ``intern``.
        message: Dutch, starting with the cell (``"cel 4 (In [3]): ZeroDivisionError: …"``).
        cell: the cell, counted from 1 in the input notebook (None: not in one cell).
        execution_count: its ``In [n]`` number.
        ename: exception name raised in the notebook.
        evalue: its message (shortened).
    """

    kind: str
    message: str
    cell: int | None = None
    execution_count: int | None = None
    ename: str = ""
    evalue: str = ""


def _tags(cell: Any) -> list[str]:
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    tags = metadata.get("tags") if isinstance(metadata, dict) else None
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def source_cell_map(source: Mapping[str, Any], parameters: Mapping[str, Any]) -> list[int | None]:
    """For each cell papermill executed, its 0-based index in ``source`` (None: injected).

    Args:
        source: the input notebook (JSON).
        parameters: the parameters passed to papermill (none: nothing is injected).
    """
    cells = source.get("cells", [])
    order: list[int | None] = list(range(len(cells)))
    if parameters:
        tags = [_tags(cell) for cell in cells]
        injected = next((i for i, t in enumerate(tags) if "injected-parameters" in t), None)
        marked = next((i for i, t in enumerate(tags) if "parameters" in t), None)
        if injected is not None:
            order[injected] = None
        elif marked is not None:
            order.insert(marked + 1, None)
        else:
            order.insert(0, None)
    return [i for i in order if i is None or ERROR_MARKER_TAG not in _tags(cells[i])]


def _cell_number(index: int | None, cells: list[int | None]) -> tuple[int | None, str]:
    """(cell counted from 1 in the input, Dutch prefix)."""
    if index is None or not 0 <= index < len(cells):
        return None, ""
    original = cells[index]
    if original is None:
        return None, "de parametercel die papermill invoegde: "
    return original + 1, f"cel {original + 1}: "


def _last_started(notebook: Any) -> int | None:
    """Index of the last cell whose execution started (papermill records start times)."""
    found = None
    for index, cell in enumerate(getattr(notebook, "cells", None) or []):
        run = cell.get("metadata", {}).get("papermill", {})
        if isinstance(run, dict) and run.get("start_time"):
            found = index
    return found


def _seconds(value: float | None) -> str:
    return format_number(value or 0, 0 if float(value or 0).is_integer() else 1)


def _memory_hint(memory_mb: int | None) -> str:
    if not memory_mb:
        return ""
    return f" (waarschijnlijk is de geheugenlimiet van {format_number(memory_mb, 0)} MB bereikt)"


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def describe_error(
    error: BaseException | None,
    notebook: Any,
    cells: list[int | None],
    *,
    timed_out: bool,
    stderr: str,
    cell_timeout: float | None,
    notebook_timeout: float | None,
    memory_mb: int | None,
) -> Failure:
    """Describe a failed execution in Dutch.

    Args:
        error: what papermill raised (None when only the timeout fired).
        notebook: the executed notebook as far as it got (or None).
        cells: :func:`source_cell_map` of the input.
        timed_out: the whole-notebook timeout killed the kernel.
        stderr: the end of the kernel's own stderr.
        cell_timeout: the per-cell limit in seconds (for the message).
        notebook_timeout: the whole-notebook limit in seconds.
        memory_mb: the kernel's memory limit in MB.
    """
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if timed_out:
        number, where = _cell_number(_last_started(notebook), cells)
        return Failure(
            "tijd",
            f"{where}het notebook was na {_seconds(notebook_timeout)} seconden nog niet klaar "
            "en is afgebroken.",
            number,
        )
    if isinstance(error, PapermillExecutionError):
        number, where = _cell_number(error.cell_index, cells)
        count = error.exec_count if isinstance(error.exec_count, int) else None
        label = f"{where[:-2]} (In [{count}]): " if where and count is not None else where
        evalue = _short(error.evalue)
        memory = error.ename == "MemoryError"
        hint = _memory_hint(memory_mb) if memory else ""
        return Failure(
            "geheugen" if memory else "fout",
            f"{label}{error.ename}{': ' + evalue if evalue else ''}{hint}",
            number,
            count,
            str(error.ename),
            evalue,
        )
    if isinstance(error, CellTimeoutError):
        number, where = _cell_number(_last_started(notebook), cells)
        return Failure(
            "tijd",
            f"{where}de cel was na {_seconds(cell_timeout)} seconden nog niet klaar en is "
            "afgebroken.",
            number,
        )
    if isinstance(error, DeadKernelError):
        number, where = _cell_number(_last_started(notebook), cells)
        memory = bool(memory_mb) and ("MemoryError" in stderr or "memory" in stderr.lower())
        return Failure(
            "geheugen" if memory else "kernel",
            f"{where}de kernel is onverwacht gestopt{_memory_hint(memory_mb)}.",
            number,
        )
    if isinstance(error, NoSuchKernel):
        return Failure(
            "kernel",
            "de Python-kernel 'python3' is niet gevonden; installeer ipykernel in deze omgeving.",
        )
    text = _short(str(error))
    if isinstance(error, RuntimeError | TimeoutError) and "ernel" in text:
        last = _short(stderr.strip().splitlines()[-1]) if stderr.strip() else ""
        detail = f" Laatste melding van de kernel: {last}" if last else ""
        low = " Misschien is de geheugenlimiet te laag." if memory_mb else ""
        return Failure("kernel", f"de kernel kon niet starten ({text}).{low}{detail}")
    name = type(error).__name__ if error is not None else "onbekend"
    return Failure("intern", f"onverwachte fout bij het uitvoeren: {name}: {text}")
