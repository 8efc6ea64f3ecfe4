"""The workbook session and the answer path shared by clicks and code answers.

One :class:`Session` per notebook kernel (made by ``wb.start``): the chapter, the student,
the variant seed, the question banks and the local answer store. One :class:`QuestionRun`
per question cell: the student's variant of the question, its stored record and the answer
output of that cell. :meth:`QuestionRun.submit` is the only way an answer is given:

    check → (attempt?) record_answer → store.put → update the cell's answer output

so a click and ``v.antwoord(...)`` produce exactly the same record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.quiz import (
    AnswerRecord,
    AnswerStore,
    Bank,
    Outcome,
    Question,
    RecordError,
    answer_bundle,
    check,
    instantiate,
    load_bank,
    load_chapter,
    record_answer,
)

DEFAULT_MAX_ATTEMPTS = 3


def show(bundle: dict[str, Any], *, updatable: bool = False) -> Any:
    """Display a raw MIME bundle; with ``updatable`` return its display handle."""
    from IPython.display import display

    if updatable:
        return display(bundle, raw=True, display_id=True)
    display(bundle, raw=True)
    return None


def markdown_bundle(markdown: str) -> dict[str, str]:
    """A bundle with Dutch Markdown and the same text as plain text (for terminals)."""
    from salesbook.ui.markdown import to_plain

    return {"text/markdown": markdown, "text/plain": to_plain(markdown)}


def seed_for(studentnummer: str | None, seed: int | str | None) -> int | None:
    """The variant seed: the given seed, else one derived from the student number.

    A student number of digits is its own seed (``"123456"`` → 123456); other text is hashed
    (sha256), so the same student always gets the same numbers. No seed and no student
    number gives None (the quiz core then uses seed 0).
    """
    if seed is not None and str(seed).strip() != "":
        text = str(seed).strip()
        if not text.lstrip("-").isdigit():
            raise SalesbookError(f"seed moet een geheel getal zijn, niet {seed!r}.")
        return int(text)
    if not studentnummer:
        return None
    if studentnummer.isdigit() and len(studentnummer) <= 18:
        return int(studentnummer)
    return int(hashlib.sha256(studentnummer.encode()).hexdigest()[:12], 16)


def _plain(response: Any) -> Any:
    """Plain JSON data of a response, to compare a new answer with the stored one."""
    try:
        return json.loads(json.dumps(response, ensure_ascii=False))
    except (TypeError, ValueError):
        return object()  # equal to nothing


@dataclass
class Session:
    """Everything a notebook's questions share; made by ``wb.start``."""

    chapter: int
    student: str | None
    seed: int | None
    store: AnswerStore
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    banks: dict[int, Bank] = field(default_factory=dict)

    @classmethod
    def open(
        cls,
        chapter: int,
        student: str | None,
        seed: int | None,
        *,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        bank: Path | str | None = None,
        store: Path | str | None = None,
    ) -> Session:
        """Load the chapter's bank (or the given bank file) and open the answer store."""
        loaded = load_bank(Path(bank)) if bank is not None else load_chapter(chapter)
        if loaded.chapter != chapter:
            raise SalesbookError(
                f"De vragenbank {bank} hoort bij hoofdstuk {loaded.chapter}, "
                f"niet bij hoofdstuk {chapter}."
            )
        session = cls(chapter, student, seed, AnswerStore(store), max_attempts)
        session.banks[loaded.chapter] = loaded
        return session

    @property
    def bank(self) -> Bank:
        """The bank of this notebook's chapter."""
        return self.bank_for(self.chapter)

    def bank_for(self, chapter: int) -> Bank:
        """The bank of any chapter (loaded once)."""
        if chapter not in self.banks:
            self.banks[chapter] = load_chapter(chapter)
        return self.banks[chapter]

    def question(self, question_id: str) -> Question:
        """A bank question by id, with a Dutch error for unknown or malformed ids."""
        parts = str(question_id).split(".")
        if len(parts) == 2 and parts[0][:1] == "h":
            raise SalesbookError(
                f"'{question_id}' is een leerdoel, geen vraag. Gebruik wb.vragen('{question_id}') "
                "voor alle vragen van dit leerdoel."
            )
        if len(parts) != 3 or not parts[0][1:].isdigit():
            raise SalesbookError(
                f"'{question_id}' is geen vraag-id. Een vraag-id ziet eruit als 'h2.nps.01'."
            )
        return self.bank_for(int(parts[0][1:])).question(question_id)

    def questions_for(self, leerdoel_id: str) -> list[Question]:
        """All questions of a leerdoel; Dutch error for an unknown leerdoel."""
        chapter = str(leerdoel_id)[1:].split(".")[0]
        if not chapter.isdigit():
            raise SalesbookError(f"'{leerdoel_id}' is geen leerdoel-id (zoals 'h2.nps').")
        bank = self.bank_for(int(chapter))
        bank.leerdoel(leerdoel_id)  # raises a Dutch QuestionBankError when unknown
        return bank.questions_for(leerdoel_id)

    def stored(self, question_id: str, variant_seed: int | None = None) -> AnswerRecord | None:
        """The stored record of a question, unless it belongs to another student.

        On a shared computer the store may hold answers of someone else with another
        student number: those are not shown (the notebook would hand them in).
        """
        record = self.store.get(question_id, variant_seed)
        if record is not None and self.student and record.student not in (None, self.student):
            return None
        return record

    def stored_answers(self) -> int:
        """How many questions of this chapter have an answer in the store."""
        variants = (instantiate(q, self.seed) for q in self.bank.questions)
        return sum(self.stored(v.id, v.variant_seed) is not None for v in variants)

    def run(self, question_id: str) -> QuestionRun:
        """A fresh answer path for one question cell, with the stored answer loaded."""
        return QuestionRun(self, instantiate(self.question(question_id), self.seed))


class QuestionRun:
    """One question in one cell: the student's variant, stored record and answer output.

    Attributes:
        question: the instantiated question (the student's numbers).
        record: the latest record (from the store, or from an answer in this kernel).
        outcome: the outcome of that record, recomputed from the key.
        note: a Dutch warning about the local store, shown with the feedback.
        handle: the display handle of the cell's answer output (None until shown).
    """

    def __init__(self, session: Session, question: Question) -> None:
        self.session = session
        self.question = question
        self.record: AnswerRecord | None = session.stored(question.id, question.variant_seed)
        self.outcome: Outcome | None = None
        if self.record is not None:
            self.outcome = check(question, self.record.response)
        self.note: str | None = None
        self.handle: Any = None

    @property
    def max_attempts(self) -> int:
        """Attempts after which the solution unlocks (0: always available)."""
        return self.session.max_attempts

    @property
    def attempts(self) -> int:
        """Attempts so far."""
        return self.record.attempts if self.record is not None else 0

    def solution_unlocked(self) -> bool:
        """After a correct (or submitted open) answer, or after ``max_attempts`` attempts."""
        if self.max_attempts <= 0 or self.attempts >= self.max_attempts:
            return True
        return self.outcome is not None and self.outcome.status in ("goed", "ingeleverd")

    def bundle(self) -> dict[str, Any]:
        """The answer output: the record with Dutch Markdown, or "nog niet beantwoord"."""
        if self.record is None or self.outcome is None:
            return markdown_bundle(f"**Vraag {self.question.id}** · nog niet beantwoord")
        bundle = answer_bundle(self.record, self.outcome, self.question)
        return {**markdown_bundle(bundle["text/markdown"]), **bundle}

    def show_output(self) -> None:
        """Display the answer output in the current cell and keep its handle."""
        self.handle = show(self.bundle(), updatable=True)

    def submit(self, response: Any) -> Outcome:
        """Check one response; record, store and publish it when it is an attempt.

        A response that is not an attempt (empty, unreadable number) only gives feedback.
        The same response as the stored one is not a new attempt (so "Run All" or a second
        click does not use up attempts); its output is shown again.
        """
        outcome = check(self.question, response)
        if not outcome.attempted:
            return outcome
        if self.record is not None and _plain(response) == self.record.response:
            self.outcome = outcome
            self._publish()
            return outcome
        try:
            record = record_answer(
                self.record, self.question, response, student=self.session.student
            )
        except RecordError as error:
            return Outcome("niet beantwoord", 0.0, outcome.max_score, str(error))
        self.record, self.outcome = record, outcome
        stored = self.session.store.put(record)
        self.note = (
            None
            if stored
            else "Je antwoord staat in het notebook, maar kon niet lokaal worden bewaard. "
            "Bewaar het notebook (Ctrl+S) voordat je de kernel herstart."
        )
        self._publish()
        return outcome

    def _publish(self) -> None:
        if self.handle is not None:
            self.handle.update(self.bundle(), raw=True)
