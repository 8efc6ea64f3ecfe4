"""The pure part of restoring answers from a saved notebook: the merge rule and the report.

No file, store or IPython access here (see :mod:`salesbook.werkboek_herstel` for that), so the
rule can be tested with plain records.

Which records are restored (:func:`decide`): a question of this chapter's bank, of this
student (the same student number, or no number on both sides), of the variant seed this
session gives that question. It replaces the store's record (as this student sees it) when the
store has none or when the notebook's record is ahead (:func:`replaces`): it has more attempts,
or as many attempts and a later ``last_answered_at`` — and it is never older than the stored
record. A store record that is newer, or has more attempts, is kept (reason
``"store_ahead"``); an identical one gives ``"same"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from salesbook.quiz import AnswerRecord

Reason = Literal[
    "restored", "same", "store_ahead", "other_student", "other_seed", "other_chapter", "unknown"
]
REASON_LABELS: dict[Reason, str] = {
    "restored": "Teruggezet",
    "same": "Stond al in de lokale opslag",
    "store_ahead": "Overgeslagen, in de opslag staat een nieuwer antwoord of een met meer pogingen",
    "other_student": "Overgeslagen, ander (of geen) studentnummer",
    "other_seed": "Overgeslagen, andere seed (andere getallen)",
    "other_chapter": "Overgeslagen, ander hoofdstuk",
    "unknown": "Overgeslagen, de vraag staat niet (meer) in de vragenbank",
}


@dataclass(frozen=True)
class Decision:
    """What happens to one record of the notebook."""

    record: AnswerRecord
    reason: Reason


def _moment(record: AnswerRecord) -> datetime:
    return datetime.fromisoformat(record.last_answered_at)


def replaces(candidate: AnswerRecord, current: AnswerRecord | None) -> bool:
    """The merge rule: does the notebook's ``candidate`` replace the store's ``current``?

    Yes when there is no current record, or when the candidate is ahead: at least as many
    attempts and not older, and more attempts or a later time. A newer store record, or one
    with more attempts, is never overwritten.
    """
    if current is None:
        return True
    more, later = candidate.attempts - current.attempts, _moment(candidate) - _moment(current)
    return more >= 0 and later.total_seconds() >= 0 and (more > 0 or later.total_seconds() > 0)


def same_student(record_student: str | None, student: str | None) -> bool:
    """The same student number, or no number on both sides."""
    return (record_student or None) == (student or None)


def decide(
    record: AnswerRecord,
    *,
    chapter: int,
    student: str | None,
    expected_seeds: Mapping[str, int | None],
    current: AnswerRecord | None,
) -> Reason:
    """Why a notebook record is restored or skipped (checks in this order).

    Args:
        record: a record read from the notebook.
        chapter: the session's chapter.
        student: the session's student number (None: none given).
        expected_seeds: question id → the variant seed this session gives it, for every
            question of the chapter's bank that the notebook mentions.
        current: the store's record for that question and seed, as this student sees it.
    """
    if record.question_id.split(".")[0] != f"h{chapter}":
        return "other_chapter"
    if record.question_id not in expected_seeds:
        return "unknown"
    if not same_student(record.student, student):
        return "other_student"
    if record.variant_seed != expected_seeds[record.question_id]:
        return "other_seed"
    if replaces(record, current):
        return "restored"
    same = current is not None and (current.attempts, _moment(current)) == (
        record.attempts,
        _moment(record),
    )
    return "same" if same else "store_ahead"


def plan_restore(
    records: Iterable[AnswerRecord],
    *,
    chapter: int,
    student: str | None,
    expected_seeds: Mapping[str, int | None],
    lookup: Callable[[str, int | None], AnswerRecord | None],
) -> list[Decision]:
    """A :class:`Decision` per record, sorted by question id; ``lookup`` reads the store."""
    decisions = []
    for record in sorted(records, key=lambda r: r.question_id):
        current = lookup(record.question_id, record.variant_seed)
        reason = decide(
            record,
            chapter=chapter,
            student=student,
            expected_seeds=expected_seeds,
            current=current,
        )
        decisions.append(Decision(record, reason))
    return decisions


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def detail(problem: str, path: str) -> str:
    """A reader problem without its leading file name and final full stop."""
    return problem.removeprefix(f"{path}: ").rstrip(".")


@dataclass
class RestoreReport:
    """What :func:`restore` did with one notebook file; shows a Dutch summary when displayed.

    Attributes:
        path: the notebook file as given.
        decisions: one per record read from the file.
        failed: question ids whose restore could not be written to the store.
        problems: Dutch problems of the reader (unreadable file, cells or records).
    """

    path: str
    decisions: list[Decision] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name without its folder."""
        return Path(self.path).name

    @property
    def unreadable(self) -> bool:
        """Nothing could be read: the file is missing, not a notebook or broken."""
        return not self.decisions and bool(self.problems)

    def ids(self, reason: Reason) -> list[str]:
        """Question ids with this reason (failed writes are not counted as restored)."""
        found = [d.record.question_id for d in self.decisions if d.reason == reason]
        return [qid for qid in found if reason != "restored" or qid not in self.failed]

    @property
    def restored(self) -> list[str]:
        """Question ids now in the store from this notebook."""
        return self.ids("restored")

    def start_lines(self) -> list[str]:
        """Dutch lines for the welcome of ``wb.start`` (none when nothing happened)."""
        lines = []
        if self.unreadable:
            lines.append(
                f"Let op: het bewaarde notebook {self.name} kon niet worden gelezen: "
                f"{detail(self.problems[0], self.path)}. Er zijn geen antwoorden uit teruggezet."
            )
            return lines
        if self.restored:
            count = _count(len(self.restored), "antwoord", "antwoorden")
            lines.append(f"{count} uit het bewaarde notebook teruggezet.")
        if self.failed:
            count = _count(len(self.failed), "antwoord kon", "antwoorden konden")
            lines.append(f"Let op: {count} niet in de lokale opslag worden teruggezet.")
        foreign = len(self.ids("other_student")) + len(self.ids("other_seed"))
        if foreign:
            count = _count(foreign, "antwoord", "antwoorden")
            lines.append(
                f"Let op: {count} in dit notebook horen bij een ander studentnummer of een andere "
                "seed en zijn niet teruggezet; voer je de vragen opnieuw uit, dan verdwijnen ze "
                "uit het notebook. Bewaar eerst een kopie."
            )
        skipped = [p for p in self.problems if "overgeslagen" in p]
        if skipped:
            first = detail(skipped[0], self.path)
            more = len(skipped) - 1
            lines.append(
                f"Let op: niet alles in het bewaarde notebook {self.name} kon worden gelezen. "
                f"{first[:1].upper()}{first[1:]}."
                + (f" En nog {_count(more, 'melding', 'meldingen')}." if more else "")
            )
        return lines

    def markdown(self) -> str:
        """The Dutch summary of ``wb.herstel``."""
        lines = [f"**Antwoorden herstellen uit `{self.name}`**", ""]
        if not self.decisions:
            lines.append(f"In `{self.name}` staan geen antwoorden.")
        for reason, label in REASON_LABELS.items():
            found = self.ids(reason)
            if found:
                lines.append(f"- {label}: {len(found)} ({', '.join(found)})")
        if self.failed:
            lines.append(
                f"- Kon niet in de lokale opslag worden bewaard: {len(self.failed)} "
                f"({', '.join(self.failed)})"
            )
        if self.problems:
            lines += ["", "Meldingen bij het lezen:", ""]
            lines += [f"- {detail(problem, self.path)}" for problem in self.problems]
        if self.restored:
            lines += [
                "",
                "Voer de vraagcellen opnieuw uit (of *Run > Run All Cells*) om de teruggezette "
                "antwoorden te zien, en bewaar daarna het notebook.",
            ]
        return "\n".join(lines)

    def _ipython_display_(self) -> None:
        from salesbook.werkboek_session import markdown_bundle, show

        show(markdown_bundle(self.markdown()))
