"""Verify by re-execution: do the code answers in a submission come from the student's code?

    from salesbook.grading.rerun import verify_by_rerun
    report = verify_by_rerun(paths, output_dir=Path("controle"), workers=2)
    for check in report.flagged:
        print(check.notebook, check.status, check.lines())

Command line: ``salesbook controleren INZENDINGEN... --uitvoer MAP``.

Every submission is executed again with papermill in a worker process (never in the
teacher's own process), in an empty temporary folder, with a fresh answer store, the
student's own parameters (student number and seed, as read from the notebook), a timeout for
the whole notebook and a memory limit for the kernel (see :mod:`._exec_kernel`). Cells that
raise do not stop the run (the student saw the same errors). Then the answer records the run
produced are compared with the recorded ones.

What is verified: answers that code produces — code exercises (``wb.oefening(...)`` followed
by ``oef.controleer(waarde)``) and any other answer the re-execution gives again
(``v.antwoord(...)`` in a cell). A recorded code-exercise answer that differs from what the
code gives now, or that the code no longer gives at all, is flagged "mogelijk handmatig
aangepast". Answers given by clicking a button cannot be re-produced (the click is not in the
code) and are not verified; the grader recomputes their scores from the key anyway. A flag is
a reason to look, not proof: a student who changed the code after the last run, or ran cells
out of order, gets the same flag.

A notebook that times out, runs out of memory or kills its kernel is flagged "niet te
controleren" with the reason; the other submissions go on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from salesbook.exceptions import SalesbookError
from salesbook.grading._exec import ExecResult, ExecTask
from salesbook.grading._exec_compare import (
    EDITED,
    Difference,
    compare_answers,
    exercise_ids,
    same_response,
    show_response,
)
from salesbook.grading._exec_pool import default_workers, run_tasks
from salesbook.grading._exec_table import text_table
from salesbook.grading.batch import output_names
from salesbook.notation import format_number

__all__ = [
    "EDITED",
    "Difference",
    "RerunReport",
    "SubmissionCheck",
    "check_submissions",
    "compare_answers",
    "exercise_ids",
    "same_response",
    "show_response",
    "verify_by_rerun",
]

CHECK_FILE = "controle.csv"
DIFFERENCES_FILE = "afwijkingen.csv"
RERUN_DIR = "heruitgevoerd"
_NOT_RUN = ("tijd", "geheugen", "kernel", "bestand", "intern")


@dataclass
class SubmissionCheck:
    """The verification of one submission.

    Attributes:
        notebook: the name shown in reports.
        path: the submission.
        student: student number used for the re-execution (None: the notebook's own).
        seed: variant seed used for the re-execution.
        status: ``in orde``, ``afwijking``, ``niet te controleren`` or ``geen code-antwoorden``.
        checked: question ids whose recorded answer re-execution gave again.
        differences: the answers flagged.
        note: Dutch remark on the run (errors in cells, timeout, memory).
        seconds: time of the re-execution.
        rerun_output: the re-executed notebook, when it was kept.
    """

    notebook: str
    path: Path
    student: str | None = None
    seed: int | None = None
    status: str = "in orde"
    checked: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    note: str = ""
    seconds: float = 0.0
    rerun_output: Path | None = None

    @property
    def flagged(self) -> bool:
        """True when the teacher should look at this submission."""
        return self.status in ("afwijking", "niet te controleren")

    def lines(self) -> list[str]:
        """Everything flagged or noted, one Dutch line each."""
        found = [
            f"vraag {d.question_id}{f' (cel {d.cell})' if d.cell else ''}: {d.reason}"
            for d in self.differences
        ]
        return [*found, self.note] if self.note else found


@dataclass
class RerunReport:
    """The verification of all submissions, in the order given."""

    checks: list[SubmissionCheck] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    files: list[Path] = field(default_factory=list)

    @property
    def flagged(self) -> list[SubmissionCheck]:
        """The submissions to look at."""
        return [c for c in self.checks if c.flagged]

    @property
    def exit_code(self) -> int:
        """0 when nothing was flagged, else 1."""
        return 1 if self.flagged else 0

    def table(self) -> str:
        """Dutch summary: a row per submission, then every flag in full, then a closing line."""
        rows = [
            [c.notebook, c.student or "", c.status, len(c.checked), len(c.differences)]
            for c in self.checks
        ]
        header = ("notebook", "studentnummer", "status", "gelijk", "afwijkend")
        parts = [text_table(header, rows)]
        details = [
            f"- {c.notebook}: {line}" for c in self.checks if c.flagged for line in c.lines()
        ]
        if details:
            parts.append("Om te bekijken:\n" + "\n".join(details))
        parts.append(
            f"{len(self.checks)} inzendingen opnieuw uitgevoerd in "
            f"{format_number(self.seconds, 1)} seconden met {self.workers} "
            f"{'proces' if self.workers == 1 else 'processen'}; {len(self.flagged)} om te "
            "bekijken. Alleen antwoorden die code geeft worden gecontroleerd, geen klikken."
        )
        return "\n\n".join(parts)


def _judge(check: SubmissionCheck, outcome: ExecResult) -> None:
    from salesbook.grading._exec_verify import Verified, read_submission

    check.seconds = outcome.seconds
    verified = outcome.extra
    if not isinstance(verified, Verified):  # the worker itself was lost
        _, submitted = read_submission(str(check.path))
        check.student, check.seed = submitted.student, submitted.seed
        check.status = "niet te controleren"
        check.note = f"opnieuw uitvoeren lukte niet: {outcome.message}"
        return
    check.student, check.seed = verified.submitted.student, verified.submitted.seed
    if outcome.kind in _NOT_RUN:
        check.status = "niet te controleren"
        check.note = f"opnieuw uitvoeren lukte niet: {outcome.message}"
        return
    check.checked, check.differences = compare_answers(
        verified.submitted, verified.reproduced, set(verified.exercises)
    )
    if outcome.kind == "fout":
        check.note = f"bij opnieuw uitvoeren gaf een cel een fout ({outcome.message})."
    if check.differences:
        check.status = "afwijking"
    elif not check.checked:
        check.status = "geen code-antwoorden"


def verify_by_rerun(
    submissions: Sequence[Path | str],
    *,
    output_dir: Path | str | None = None,
    workers: int | None = None,
    timeout_per_notebook: float = 300,
    memory_limit_mb: int | None = 2048,
    progress: bool = True,
) -> RerunReport:
    """Re-execute every submission in a worker process and compare its code answers.

    Args:
        submissions: the handed-in notebooks.
        output_dir: keeps the re-executed notebooks (``heruitgevoerd/``) and writes
            ``controle.csv`` and ``afwijkingen.csv``; None keeps nothing.
        workers: worker processes (default: the number of CPU cores).
        timeout_per_notebook: seconds one submission may run in total.
        memory_limit_mb: address-space limit of each kernel in MB (None: no limit).
        progress: show a progress bar on stderr.
    """
    from salesbook.grading._exec_reports import write_reports

    paths = [Path(p) for p in submissions]
    if timeout_per_notebook <= 0:
        raise SalesbookError(f"De timeout moet meer dan 0 seconden zijn: {timeout_per_notebook}.")
    if workers is not None and workers < 1:
        raise SalesbookError(f"Het aantal processen moet 1 of meer zijn, niet {workers}.")
    if memory_limit_mb is not None and memory_limit_mb < 256:
        raise SalesbookError(f"De geheugenlimiet moet minstens 256 MB zijn: {memory_limit_mb}.")
    from salesbook.grading._exec_verify import verify_one

    names = output_names(paths)
    keep = Path(output_dir) / RERUN_DIR if output_dir is not None else None
    checks = [SubmissionCheck(name, path) for name, path in zip(names, paths, strict=True)]
    tasks = [
        ExecTask(
            str(path.resolve()),
            str((keep / name).resolve()) if keep is not None else None,
            notebook_timeout=timeout_per_notebook,
            memory_mb=memory_limit_mb,
            allow_errors=True,
            widget_state=False,
        )
        for name, path in zip(names, paths, strict=True)
    ]
    workers = min(workers or default_workers(), max(1, len(tasks)))
    started = time.perf_counter()
    outcomes = run_tasks(
        tasks,
        workers=workers,
        progress=progress,
        description="Inzendingen opnieuw uitvoeren",
        function=verify_one,
    )
    for check, outcome in zip(checks, outcomes, strict=True):
        _judge(check, outcome)
        check.rerun_output = Path(outcome.output) if outcome.output else None
    report = RerunReport(checks, time.perf_counter() - started, workers)
    if output_dir is not None:
        report.files = write_reports(report, Path(output_dir))
    return report


def check_submissions(
    inputs: Sequence[Path | str],
    output_dir: Path | str,
    *,
    workers: int | None = None,
    timeout_per_notebook: float = 300,
    memory_limit_mb: int | None = 2048,
    progress: bool = True,
    out: TextIO | None = None,
) -> int:
    """``salesbook controleren``: verify, print the summary, return 0 (nothing flagged) or 1."""
    from salesbook.grading._exec_reports import submission_paths

    out = out or sys.stdout
    paths, skipped = submission_paths(inputs, Path(output_dir))
    report = verify_by_rerun(
        paths,
        output_dir=output_dir,
        workers=workers,
        timeout_per_notebook=timeout_per_notebook,
        memory_limit_mb=memory_limit_mb,
        progress=progress,
    )
    print(report.table(), file=out)
    for line in skipped:
        print(f"Overgeslagen: {line}", file=out)
    for file in report.files:
        print(f"Geschreven: {file}", file=out)
    return report.exit_code
