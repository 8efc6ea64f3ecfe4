"""Execute one notebook with papermill, inside a pool worker process; never raises.

The parent process (the teacher's command) only builds :class:`ExecTask` objects and reads
:class:`ExecResult` objects: student code runs in a kernel started by a worker, never in the
teacher's own process. Per task the worker

* gives the kernel a throw-away answer store (``SALESBOOK_STORE`` → a fresh temporary
  folder), so no answers leak between runs or into the teacher's own store;
* limits BLAS/OpenMP threads of the kernel to one (``setdefault``: an explicit setting
  wins), so N workers do not start N × cores threads;
* runs papermill with the engine and kernel manager of :mod:`._exec_kernel` (memory limit,
  whole-notebook timeout, the notebook kept in memory) and writes the executed notebook
  atomically (temp file in the target folder, fsync, rename), also when it failed halfway;
* turns every failure into a Dutch message with the cell counted from 1 in the *input*
  notebook (papermill's injected parameters cell and old error cells do not count).

Importing papermill pulls in ``rfc3987_syntax`` through jsonschema's ``format-nongpl``
extra, which builds a Lark grammar at import time (~1,5–2 s per process). :func:`init_worker`
blocks that module (``sys.modules["rfc3987_syntax"] = None``) before papermill is imported:
jsonschema then skips its ``iri``/``iri-reference`` format checkers, which nbformat's schema
does not use. It is done in worker processes (and in ``salesbook uitdelen``) only, never as a
side effect of importing this module in the teacher's process.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesbook.grading._exec_errors import describe_error, source_cell_map
from salesbook.quiz.reader import MAX_NOTEBOOK_BYTES

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class ExecTask:
    """One notebook to execute.

    Attributes:
        source: the input notebook.
        output: where the executed notebook is written (None: not written).
        cwd: working folder of the kernel (None: a fresh temporary folder).
        parameters: papermill parameters (injected after the cell tagged ``parameters``).
        cell_timeout: seconds one cell may take (None: no limit).
        notebook_timeout: seconds the whole notebook may take (None: no limit).
        memory_mb: address-space limit of the kernel in MB (None: no limit).
        allow_errors: go on after a cell raises (the error is still reported).
        widget_state: store the widget state in the executed notebook's metadata (needed to
            show widgets in a static HTML export; not needed to read answer records).
    """

    source: str
    output: str | None
    cwd: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    cell_timeout: float | None = None
    notebook_timeout: float | None = None
    memory_mb: int | None = None
    allow_errors: bool = False
    widget_state: bool = True


@dataclass(frozen=True)
class ExecResult:
    """What happened to one notebook.

    Attributes:
        ok: True when every cell ran without an error.
        seconds: wall-clock time in the worker.
        kind: ``""`` (ok), ``"fout"`` (a cell raised), ``"tijd"`` (timeout), ``"geheugen"``,
            ``"kernel"`` (kernel could not start or died), ``"bestand"`` (not a readable
            notebook) or ``"intern"`` (the worker itself failed).
        message: Dutch description, naming the cell; empty when ok.
        cell: the failing cell, counted from 1 in the input notebook.
        execution_count: the ``In [n]`` number of the failing cell, if it ran.
        ename: the exception name raised in the notebook (``"ZeroDivisionError"``).
        evalue: its message.
        output: the executed notebook that was written, if any.
        extra: what a task-specific worker function adds (see :mod:`._exec_verify`).
    """

    ok: bool
    seconds: float
    kind: str = ""
    message: str = ""
    cell: int | None = None
    execution_count: int | None = None
    ename: str = ""
    evalue: str = ""
    output: str | None = None
    extra: Any = None


def block_slow_import() -> None:
    """Keep ``rfc3987_syntax`` from being imported (see the module docstring)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def init_worker() -> None:
    """Pool initializer: quiet papermill, import it once, register the engine."""
    import logging
    import warnings

    block_slow_import()
    warnings.simplefilter("ignore")  # nbformat's validation warnings would break the bar
    for name in ("papermill", "traitlets", "nbclient"):  # failures are in the report
        logging.getLogger(name).setLevel(logging.CRITICAL)
    from salesbook.grading import _exec_kernel

    _exec_kernel.register_engine()


def _read_input(path: str) -> tuple[dict[str, Any] | None, str]:
    """The notebook as JSON, or None and a Dutch reason."""
    try:
        if Path(path).stat().st_size > MAX_NOTEBOOK_BYTES:
            return None, "het bestand is te groot om uit te voeren."
        notebook = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return None, "het bestand bestaat niet."
    except IsADirectoryError:
        return None, "dit is een map, geen notebook."
    except UnicodeDecodeError:
        return None, "het bestand is geen UTF-8-tekst."
    except json.JSONDecodeError as error:
        return None, f"dit is geen geldig notebook (JSON-fout op regel {error.lineno})."
    except (OSError, ValueError, RecursionError) as error:
        return None, f"het bestand kan niet worden gelezen ({error})."
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return None, "dit is geen notebook (er is geen lijst met cellen)."
    if notebook.get("nbformat") != 4:
        return None, "alleen notebooks in formaat 4 kunnen worden uitgevoerd."
    return notebook, ""


@contextmanager
def _environment(scratch: Path) -> Iterator[None]:
    """Environment of the kernel for one task: fresh answer store, one BLAS thread."""
    saved = dict(os.environ)
    os.environ["SALESBOOK_STORE"] = str(scratch / "antwoorden")
    # Started from inside a notebook, the teacher's own notebook must not count as the
    # executed notebook's file (wb.start restores answers from that file).
    os.environ.pop("JPY_SESSION_NAME", None)
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def _watchdog(seconds: float | None) -> Iterator[threading.Event]:
    """Kill the kernel when the whole notebook takes longer than ``seconds``."""
    from salesbook.grading._exec_kernel import kill_kernel

    fired = threading.Event()
    done = threading.Event()

    def watch() -> None:
        if seconds is None or done.wait(seconds):
            return
        fired.set()
        while not done.is_set():  # the kernel may still be starting: keep trying
            kill_kernel()
            done.wait(0.5)

    thread = threading.Thread(target=watch, name="salesbook-watchdog", daemon=True)
    thread.start()
    try:
        yield fired
    finally:
        done.set()
        thread.join(timeout=5)


def write_notebook(notebook: dict[str, Any], target: Path) -> None:
    """Write a notebook atomically, formatted as nbformat does (indent 1, sorted keys)."""
    text = json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _run(task: ExecTask, scratch: Path) -> tuple[Any, BaseException | None, bool, str]:
    """Execute with papermill; (notebook, error, timed out, kernel stderr)."""
    import papermill

    from salesbook.grading import _exec_kernel

    log_path = scratch / "kernel-stderr.log"
    error: BaseException | None = None
    with open(log_path, "wb") as log, _watchdog(task.notebook_timeout) as fired:
        memory = task.memory_mb * 1024 * 1024 if task.memory_mb else None
        state = _exec_kernel.reset_state(memory, log)
        try:
            papermill.execute_notebook(
                task.source,
                None,
                parameters=task.parameters or None,
                engine_name=_exec_kernel.ENGINE_NAME,
                kernel_name="python3",
                cwd=task.cwd or str(scratch),
                progress_bar=False,
                request_save_on_cell_execute=False,
                execution_timeout=task.cell_timeout,
                start_timeout=60,
                kernel_manager_class=_exec_kernel.LimitedKernelManager,
                allow_errors=task.allow_errors,
                store_widget_state=task.widget_state,
            )
        except Exception as caught:  # every failure is reported, none stops the batch
            error = caught
        timed_out = fired.is_set()
    notebook = state.nb_man.nb if state.nb_man is not None else None
    stderr = log_path.read_bytes()[-4000:].decode("utf-8", "replace")
    return notebook, error, timed_out, stderr


def execute(task: ExecTask, keep: list[Any] | None = None) -> ExecResult:
    """Execute one notebook (in a worker process); every failure becomes an ExecResult.

    Args:
        task: what to execute.
        keep: if given, the executed notebook (as far as it got, or None) is appended to it.
    """
    started = time.perf_counter()
    source, problem = _read_input(task.source)
    if source is None:
        return ExecResult(False, time.perf_counter() - started, "bestand", problem)
    try:
        with tempfile.TemporaryDirectory(
            prefix="salesbook-run-", ignore_cleanup_errors=True
        ) as folder:
            scratch = Path(folder)
            with _environment(scratch):
                notebook, error, timed_out, stderr = _run(task, scratch)
            if keep is not None:
                keep.append(notebook)
            written = None
            if notebook is not None and task.output is not None:
                write_notebook(notebook, Path(task.output))
                written = task.output
    except Exception as failure:  # the worker itself: disk full, unwritable output, …
        return ExecResult(
            False,
            time.perf_counter() - started,
            "intern",
            f"het uitvoeren zelf mislukte: {type(failure).__name__}: {failure}",
        )
    seconds = time.perf_counter() - started
    if error is None and not timed_out:
        return ExecResult(True, seconds, output=written)
    failure = describe_error(
        error,
        notebook,
        source_cell_map(source, task.parameters),
        timed_out=timed_out,
        stderr=stderr,
        cell_timeout=task.cell_timeout,
        notebook_timeout=task.notebook_timeout,
        memory_mb=task.memory_mb,
    )
    return ExecResult(
        False,
        seconds,
        failure.kind,
        failure.message,
        failure.cell,
        failure.execution_count,
        failure.ename,
        failure.evalue,
        written,
    )
