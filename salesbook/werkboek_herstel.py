"""Answers from a saved notebook back into the local answer store (``wb.start``, ``wb.herstel``).

A notebook downloaded from the school's JupyterHub (or opened after the answer store was
wiped) holds the answer records in its outputs, while the local store is empty. Without help,
"Run All" would re-render every question as "nog niet beantwoord" and the next save would lose
the answers. So ``wb.start`` reads the notebook file its kernel belongs to and puts its records
into the store first; ``wb.herstel(pad)`` does the same by hand for any notebook file.

Which file: ipykernel's ``__session__`` in the user namespace, else ``$JPY_SESSION_NAME``
(Jupyter Server 2 sets it for every kernel it starts: the notebook's OS path; ipykernel copies
it into ``__session__``), else VS Code's ``__vsc_ipynb_file__``. Only an existing ``.ipynb``
file counts; otherwise nothing happens.

Which records, and when a stored record is kept: :mod:`salesbook.werkboek_herstel_plan`.
Restored records are written unchanged through :meth:`AnswerStore.put` (atomic). The file is
read with :func:`salesbook.quiz.read_answer_records`, which never raises; a file that cannot
be read becomes one Dutch line in the welcome of ``wb.start`` and never stops it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesbook.exceptions import NotebookError
from salesbook.quiz import instantiate, read_answer_records
from salesbook.werkboek_herstel_plan import RestoreReport, detail, plan_restore

if TYPE_CHECKING:
    from salesbook.werkboek_session import Session

SESSION_NAMES = ("__session__", "__vsc_ipynb_file__")
SESSION_ENV = "JPY_SESSION_NAME"


def restore(session: Session, path: Path | str) -> RestoreReport:
    """Put this student's records of the session's chapter from ``path`` into the store.

    Never raises for a bad file: the reader's problems end up in ``.problems``.
    """
    answers = read_answer_records(path)
    report = RestoreReport(str(path), problems=list(answers.problems))
    bank = session.banks.get(session.chapter)
    questions = {q.id: q for q in bank.questions} if bank is not None else {}
    expected = {
        qid: instantiate(questions[qid], session.seed).variant_seed
        for qid in answers.records
        if qid in questions
    }
    report.decisions = plan_restore(
        answers.records.values(),
        chapter=session.chapter,
        student=session.student,
        expected_seeds=expected,
        lookup=session.stored,
    )
    for decision in report.decisions:
        if decision.reason == "restored" and not session.store.put(decision.record):
            report.failed.append(decision.record.question_id)
    return report


def _user_namespace() -> Mapping[str, Any]:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return {}
    shell = get_ipython()
    namespace = getattr(shell, "user_ns", None)
    return namespace if isinstance(namespace, Mapping) else {}


def notebook_file(
    user_ns: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The saved notebook this kernel belongs to, or None when it is not known or not there."""
    namespace = _user_namespace() if user_ns is None else user_ns
    environ = os.environ if environ is None else environ
    candidates = (namespace.get(SESSION_NAMES[0]), environ.get(SESSION_ENV))
    for value in (*candidates, namespace.get(SESSION_NAMES[1])):
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            path = Path(value.strip()).expanduser()
            if path.suffix.lower() == ".ipynb" and path.is_file():
                return path
        except (OSError, ValueError):
            continue
    return None


def restore_on_start(session: Session) -> list[str]:
    """Restore from this kernel's own notebook; Dutch lines for the welcome. Never raises."""
    if session.chapter not in session.banks:
        return []  # the exam training has no questions of its own
    path = None
    try:
        path = notebook_file()
        if path is None:
            return []
        return restore(session, path).start_lines()
    except Exception as error:  # a bad notebook must never stop wb.start
        name = path.name if path is not None else "dit notebook"
        return [
            f"Let op: het terugzetten van antwoorden uit {name} is mislukt ({error}); "
            "het werkboek werkt gewoon verder."
        ]


def herstel(session: Session, pad: Path | str | None = None) -> RestoreReport:
    """``wb.herstel``: restore from any notebook file (default: this notebook).

    Raises:
        NotebookError: the file is not given and not known, does not exist, or cannot be
            read as a notebook (Dutch message naming the file).
    """
    if pad is None:
        pad = notebook_file()
        if pad is None:
            raise NotebookError(
                "Ik weet niet in welk bestand dit notebook staat. Geef het bestand op, "
                'bijvoorbeeld wb.herstel("02_meten_is_weten.ipynb").'
            )
    file = Path(pad).expanduser()
    if not file.exists():
        raise NotebookError(f"Het bestand {pad} bestaat niet. Controleer de naam en de map.")
    if file.is_dir():
        raise NotebookError(f"{pad} is een map; geef een notebookbestand (.ipynb) op.")
    report = restore(session, file)
    if report.unreadable:
        raise NotebookError(
            f"Uit {pad} kunnen geen antwoorden worden gelezen: "
            f"{detail(report.problems[0], str(file))}."
        )
    return report
