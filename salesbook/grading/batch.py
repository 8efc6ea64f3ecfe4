"""Batch run: execute a set of notebooks with papermill in a pool of worker processes.

    from salesbook.grading.batch import run_notebooks
    report = run_notebooks(["notebooks/01_salesmanagement.ipynb", ...], Path("uitvoer"),
                           parameters={"seed": 7}, workers=2, cell_timeout=120)
    report.failed          # the notebooks that did not run to the end
    print(report.table())  # notebook, status (geslaagd/mislukt), seconden, cel, fout

Command line: ``salesbook uitvoeren NOTEBOOKS... --uitvoer MAP [-p naam waarde]``.

Every notebook runs in its own kernel, started by a worker process (default: one per CPU
core), in the notebook's own folder, with a per-cell timeout. A failing notebook is reported
with the cell (counted from 1 in the input notebook) and the error; the others go on. The
executed notebooks are written atomically to the output folder (also the ones that failed,
up to the failing cell, with papermill's error banner), together with ``samenvatting.csv``.

Each notebook gets a fresh, throw-away answer store (``SALESBOOK_STORE``): answers given
while the batch runs never reach the teacher's own store and never leak from one notebook
into another, so two runs of the same notebook give the same output.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from salesbook.exceptions import SalesbookError
from salesbook.grading._exec import ExecResult, ExecTask
from salesbook.grading._exec_pool import default_workers, run_tasks
from salesbook.grading._exec_table import text_table
from salesbook.notation import format_number

SUMMARY_FILE = "samenvatting.csv"
HEADER = ("notebook", "status", "seconden", "cel", "fout")


@dataclass(frozen=True)
class NotebookResult:
    """One notebook of the batch.

    Attributes:
        notebook: the name shown in the summary (the file name, made unique).
        source: the input notebook.
        output: the executed notebook, if it was written.
        ok: True when every cell ran without an error.
        seconds: execution time.
        cell: the failing cell, counted from 1 in the input notebook.
        error: Dutch description of the failure ("" when ok).
    """

    notebook: str
    source: Path
    output: Path | None
    ok: bool
    seconds: float
    cell: int | None = None
    error: str = ""

    @property
    def status(self) -> str:
        """``"geslaagd"`` or ``"mislukt"``."""
        return "geslaagd" if self.ok else "mislukt"


@dataclass
class BatchReport:
    """The outcome of a batch run.

    Attributes:
        results: one entry per notebook, in the order given.
        seconds: wall-clock time of the whole batch.
        workers: number of worker processes used.
        summary_csv: the summary file written to the output folder.
    """

    results: list[NotebookResult] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    summary_csv: Path | None = None

    @property
    def failed(self) -> list[NotebookResult]:
        """The notebooks that did not run to the end."""
        return [r for r in self.results if not r.ok]

    @property
    def exit_code(self) -> int:
        """0 when every notebook ran, else 1."""
        return 1 if self.failed else 0

    def rows(self) -> list[list[Any]]:
        """One row per notebook: notebook, status, seconds, cell, error."""
        return [[r.notebook, r.status, round(r.seconds, 1), r.cell, r.error] for r in self.results]

    def table(self) -> str:
        """The summary as an aligned text table with a closing line (Dutch)."""
        rows = [
            [n, s, format_number(sec, 1), "" if c is None else c, e]
            for n, s, sec, c, e in self.rows()
        ]
        total = len(self.results)
        closing = (
            f"{total - len(self.failed)} van {total} notebooks geslaagd, "
            f"{len(self.failed)} mislukt, in {format_number(self.seconds, 1)} seconden "
            f"met {self.workers} {'proces' if self.workers == 1 else 'processen'}."
        )
        return text_table(HEADER, rows) + "\n\n" + closing


def parse_value(text: str) -> Any:
    """A parameter value as papermill's ``-p`` reads it.

    ``True``/``False``/``None`` → bool/None, ``12`` → int, ``0.5`` → float (decimal
    *point*), anything else stays text (so ``0,5`` is the text ``"0,5"``).
    """
    constants = {"True": True, "False": False, "None": None}
    if text in constants:
        return constants[text]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def parse_parameters(pairs: Iterable[Sequence[str]] | None) -> dict[str, Any]:
    """``[("seed", "7"), ("regio", "Noord")]`` → ``{"seed": 7, "regio": "Noord"}``.

    Raises:
        SalesbookError: a name is not a valid Python name.
    """
    parameters: dict[str, Any] = {}
    for name, value in pairs or ():
        if not name.isidentifier():
            raise SalesbookError(
                f"'{name}' is geen geldige parameternaam: gebruik letters, cijfers en _ "
                "(niet beginnend met een cijfer)."
            )
        parameters[name] = parse_value(value)
    return parameters


def notebook_paths(inputs: Iterable[Path | str]) -> list[Path]:
    """The notebooks named, a folder standing for its ``*.ipynb`` files (not hidden ones).

    Raises:
        SalesbookError: nothing found (Dutch message naming the inputs).
    """
    found: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            found.extend(p for p in sorted(item.glob("*.ipynb")) if not p.name.startswith("."))
        else:
            found.append(item)
    if not found:
        names = ", ".join(str(i) for i in inputs) or "(niets opgegeven)"
        raise SalesbookError(f"Geen notebooks gevonden in {names}.")
    return found


def output_names(paths: Sequence[Path]) -> list[str]:
    """A unique output file name per notebook: its name, else ``<map>_<naam>``, else a number."""
    names: list[str] = []
    taken: set[str] = set()
    counts: dict[str, int] = {}
    for path in paths:
        counts[path.name] = counts.get(path.name, 0) + 1
    for path in paths:
        name = path.name if counts[path.name] == 1 else f"{path.parent.name}_{path.name}"
        stem, number = name.removesuffix(".ipynb"), 2
        while name in taken:
            name = f"{stem}-{number}.ipynb"
            number += 1
        taken.add(name)
        names.append(name)
    return names


def _result(name: str, source: Path, outcome: ExecResult) -> NotebookResult:
    return NotebookResult(
        name,
        source,
        Path(outcome.output) if outcome.output else None,
        outcome.ok,
        outcome.seconds,
        outcome.cell,
        outcome.message,
    )


def run_notebooks(
    paths: Sequence[Path | str],
    output_dir: Path | str,
    *,
    parameters: Mapping[str, Any] | None = None,
    workers: int | None = None,
    cell_timeout: float | None = 120,
    progress: bool = True,
) -> BatchReport:
    """Execute notebooks with papermill in a process pool; one failure never stops the rest.

    Args:
        paths: the notebooks (use :func:`notebook_paths` to expand folders).
        output_dir: folder for the executed notebooks and ``samenvatting.csv``.
        parameters: papermill parameters for every notebook.
        workers: worker processes (default: the number of CPU cores).
        cell_timeout: seconds one cell may run (None or 0: no limit).
        progress: show a progress bar on stderr.

    Raises:
        SalesbookError: no notebooks, an output file would overwrite an input notebook, or
            ``workers``/``cell_timeout`` out of range.
    """
    from salesbook.grading.spreadsheet import csv_bytes
    from salesbook.grading.write import write_atomic

    sources = [Path(p) for p in paths]
    if not sources:
        raise SalesbookError("Er zijn geen notebooks om uit te voeren.")
    target = Path(output_dir)
    outputs = [target / name for name in output_names(sources)]
    inputs = {s.resolve() for s in sources}
    for output in outputs:
        if output.resolve() in inputs:
            raise SalesbookError(
                f"De uitvoer {output} zou het notebook zelf overschrijven. Kies een andere "
                "uitvoermap met --uitvoer."
            )
    if workers is not None and workers < 1:
        raise SalesbookError(f"Het aantal processen moet 1 of meer zijn, niet {workers}.")
    if cell_timeout is not None and cell_timeout < 0:
        raise SalesbookError(f"De cel-timeout moet 0 (geen limiet) of meer zijn: {cell_timeout}.")
    workers = min(workers or default_workers(), len(sources))
    tasks = [
        ExecTask(
            str(source.resolve()),
            str(output.resolve()),
            cwd=str(source.resolve().parent),
            parameters=dict(parameters or {}),
            cell_timeout=cell_timeout or None,
        )
        for source, output in zip(sources, outputs, strict=True)
    ]
    started = time.perf_counter()
    outcomes = run_tasks(tasks, workers=workers, progress=progress)
    report = BatchReport(
        [_result(o.name, s, r) for o, s, r in zip(outputs, sources, outcomes, strict=True)],
        time.perf_counter() - started,
        workers,
    )
    report.summary_csv = write_atomic(target / SUMMARY_FILE, csv_bytes(HEADER, report.rows()))
    return report


def run_batch(
    inputs: Sequence[Path | str],
    output_dir: Path | str,
    *,
    parameters: Iterable[Sequence[str]] | None = None,
    workers: int | None = None,
    cell_timeout: float | None = 120,
    progress: bool = True,
    out: TextIO | None = None,
) -> int:
    """``salesbook uitvoeren``: run, print the summary table, return the exit code (0/1)."""
    out = out or sys.stdout
    report = run_notebooks(
        notebook_paths(inputs),
        output_dir,
        parameters=parse_parameters(parameters),
        workers=workers,
        cell_timeout=cell_timeout,
        progress=progress,
    )
    print(report.table(), file=out)
    print(f"Samenvatting: {report.summary_csv}", file=out)
    return report.exit_code
