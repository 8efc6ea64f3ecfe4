"""Step 4: score every question of a chapter against the key, for one student.

For each question of the chapter's bank: the student's record (if any) →
``instantiate(question, seed)`` → ``check(variant, response)``. Correctness is always
recomputed: a ``correct`` flag, a score or the "Goed" in the notebook's text are never read,
only compared afterwards to report tampering. Questions without a record score 0 ("niet
beantwoord"). Open questions score 0 and count as *pending* until the teacher's manual score
(:mod:`salesbook.grading.manual`) is there; a manual score overrides any automatic score.

Reported, never fatal: records of unknown questions or of another chapter (not counted), a
record made with another version of the key (scored with the current key, and flagged), a
variant seed that differs from the notebook's seed (the notebook's seed is used), extra
fields in a record, and a claimed status that differs from the recomputed one.
"""

from __future__ import annotations

from typing import Any

from orjson import dumps as _dumps

from salesbook.exceptions import SalesbookError
from salesbook.grading.cells import report_cells
from salesbook.grading.identify import Identity
from salesbook.grading.manual import ManualScore, key, response_hash
from salesbook.grading.problems import ProblemLog
from salesbook.grading.read import Reading
from salesbook.grading.results import (
    MANUAL,
    NOT_ANSWERED,
    PENDING,
    QuestionResult,
    ScoredSubmission,
)
from salesbook.quiz import AnswerRecord, Course, Outcome, Question, check, instantiate

_CACHE_LIMIT = 200_000


def response_key(response: Any) -> object:
    """A hashable key for a response (JSON data): its type and value, or its compact JSON.

    Equal responses give equal keys (``1``, ``1.0`` and ``True`` differ, as they should);
    a dict with another key order only costs one more check. Lists and dicts are keyed by
    their JSON text (``orjson``, far cheaper than ``repr``) unless that text has a ``null``,
    which would also stand for a float that is not a number: those are keyed by ``repr``.
    """
    if response is None or isinstance(response, str | int | float):
        return (type(response), response)
    if type(response) is not list and type(response) is not dict:
        return repr(response)
    try:
        text = _dumps(response)
    except TypeError:  # not plain JSON data (a huge integer, a key that is not text)
        return repr(response)
    return repr(response) if b"null" in text else text


class Scorer:
    """Scores submissions against one course; caches variants and checks.

    The same (question, seed, response) is checked once per batch: a class gives many equal
    answers, so this makes grading hundreds of notebooks a matter of dictionary look-ups.
    """

    def __init__(self, course: Course, manual: dict[str, ManualScore] | None = None) -> None:
        self.course = course
        self.manual = manual or {}
        self._variants: dict[tuple[str, int | None], Question] = {}
        self._checks: dict[tuple[str, int | None, object], Outcome] = {}
        self._parameterised: dict[str, bool] = {}
        self._fingerprints: dict[str, str] = {}
        self._empty: dict[str, QuestionResult] = {}
        self._own: dict[int, frozenset[str]] = {
            number: frozenset(q.id for q in bank.questions) for number, bank in course.banks.items()
        }

    def parameterised(self, question: Question) -> bool:
        """True for a question whose numbers depend on the seed (cached per question)."""
        found = self._parameterised.get(question.id)
        if found is None:
            found = bool(question.type == "numeric" and question.parameters)  # type: ignore[union-attr]
            self._parameterised[question.id] = found
        return found

    def fingerprint(self, question: Question) -> str:
        """The bank question's fingerprint (cached per question)."""
        found = self._fingerprints.get(question.id)
        if found is None:
            found = self._fingerprints[question.id] = question.fingerprint()
        return found

    def variant(self, question: Question, seed: int | None) -> Question:
        """The student's variant of a question (cached)."""
        needed = self.parameterised(question)
        cache_key = (question.id, seed if needed else None)
        found = self._variants.get(cache_key)
        if found is None:
            found = instantiate(question, cache_key[1]) if needed else question
            self._variants[cache_key] = found
        return found

    def check(self, variant: Question, response: Any, seed: int | None = None) -> Outcome:
        """``check(variant, response)``, cached per question, seed and response.

        ``seed`` must be the seed ``variant`` was made with (None if not parameterised).
        """
        cache_key = (variant.id, seed, response_key(response))
        found = self._checks.get(cache_key)
        if found is None:
            if len(self._checks) > _CACHE_LIMIT:
                self._checks.clear()
            found = check(variant, response)
            self._checks[cache_key] = found
        return found

    def _unanswered(self, question: Question) -> QuestionResult:
        """The result of a question without a record (the same for everyone: cached)."""
        found = self._empty.get(question.id)
        if found is None:
            status = PENDING if question.type == "open" else NOT_ANSWERED
            found = QuestionResult(
                question.id, question.leerdoel, question.type, float(question.points), 0.0, status
            )
            self._empty[question.id] = found
        return found

    def _foreign(self, reading: Reading, chapter: int, problems: ProblemLog, student: str) -> None:
        name = reading.handed.name
        own = self._own.get(chapter, frozenset())
        for qid in reading.answers.records:
            if qid in own:
                continue
            try:
                other = self.course.question(qid).chapter
            except SalesbookError:
                problems.add(
                    name,
                    f"cel {reading.answers.cells[qid] + 1}: onbekende vraag {qid}; dit antwoord "
                    "telt niet mee.",
                    "vraag",
                    student=student,
                )
                continue
            problems.add(
                name,
                f"cel {reading.answers.cells[qid] + 1}: vraag {qid} hoort bij hoofdstuk {other}, "
                f"niet bij dit notebook (hoofdstuk {chapter}); dit antwoord telt niet mee.",
                "hoofdstuk",
                student=student,
            )

    def _seed(
        self, record: AnswerRecord, reading: Reading, problems: ProblemLog, student: str
    ) -> int | None:
        expected = reading.seed
        if expected is None or record.variant_seed in (None, expected):
            return record.variant_seed if record.variant_seed is not None else expected
        problems.add(
            reading.handed.name,
            f"cel {reading.answers.cells[record.question_id] + 1}: vraag {record.question_id} "
            f"is beantwoord met andere getallen (seed {record.variant_seed}) dan die van deze "
            f"student (seed {expected}); nagekeken met de getallen van de student.",
            "manipulatie",
            student=student,
        )
        return expected

    def _manual(
        self, student: str, question: Question, record: AnswerRecord | None, reading: Reading
    ) -> QuestionResult | None:
        entry = self.manual.get(key(student, question.id))
        if entry is None:
            return None
        response = record.response if record else None
        flags: list[str] = []
        if entry.antwoord_hash and entry.antwoord_hash != response_hash(response):
            flags.append("Het antwoord is veranderd nadat je docent het nakeek.")
        score = min(entry.score, float(question.points))
        return QuestionResult(
            question.id,
            question.leerdoel,
            question.type,
            float(question.points),
            score,
            MANUAL,
            response,
            "",
            record.variant_seed if record else None,
            record.attempts if record else 0,
            entry.opmerking,
            tuple(flags),
        )

    def _one(
        self, question: Question, reading: Reading, problems: ProblemLog, student: str
    ) -> QuestionResult:
        record = reading.answers.records.get(question.id)
        manual = self._manual(student, question, record, reading) if self.manual else None
        if manual is not None:
            if manual.flags:
                problems.add(
                    reading.handed.name,
                    f"vraag {question.id}: {manual.flags[0]} De handmatige score telt nog.",
                    "handmatig",
                    student=student,
                )
            return manual
        if record is None:
            return self._unanswered(question)
        points = float(question.points)
        parameterised = self.parameterised(question)
        seed = self._seed(record, reading, problems, student) if parameterised else None
        variant = self.variant(question, seed)
        outcome = self.check(variant, record.response, seed)
        flags: list[str] = []
        cell = reading.answers.cells[question.id] + 1
        name = reading.handed.name
        if record.question_hash != self.fingerprint(question):
            flags.append(
                "Deze vraag is veranderd nadat je antwoordde; je antwoord is nagekeken met de "
                "huidige sleutel."
            )
            problems.add(
                name,
                f"cel {cell}: vraag {question.id} is beantwoord bij een andere versie van de "
                f"vraag (versie {record.question_version}, nu {question.version}); nagekeken "
                "met de huidige sleutel.",
                "sleutel",
                student=student,
            )
        extra = reading.extra_fields.get(question.id)
        if extra:
            problems.add(
                name,
                f"cel {cell}: het antwoordrecord van vraag {question.id} bevat een veld dat het "
                f"werkboek nooit schrijft ({', '.join(extra)}); genegeerd, de score is opnieuw "
                "berekend.",
                "manipulatie",
                student=student,
            )
        claim = reading.claims.get(question.id)
        if claim is not None and claim != outcome.status and not flags:
            problems.add(
                name,
                f"cel {cell}: bij vraag {question.id} staat '{claim}', maar volgens de sleutel "
                f"is het antwoord '{outcome.status}'; het notebook is mogelijk met de hand "
                "aangepast. De score is opnieuw berekend.",
                "manipulatie",
                student=student,
            )
        status = PENDING if outcome.status == "ingeleverd" else outcome.status
        return QuestionResult(
            question.id,
            question.leerdoel,
            question.type,
            points,
            0.0 if status == PENDING else outcome.score,
            status,
            record.response,
            outcome.feedback,
            variant.variant_seed if parameterised else None,
            record.attempts,
            "",
            tuple(flags),
        )

    def score(self, reading: Reading, identity: Identity, problems: ProblemLog) -> ScoredSubmission:
        """Score one notebook: every question of its chapter, in bank order."""
        bank = self.course.bank(identity.chapter)
        self._foreign(reading, identity.chapter, problems, identity.student)
        report_cells(reading, bank, problems, identity.student)
        results = [
            self._one(question, reading, problems, identity.student) for question in bank.questions
        ]
        return ScoredSubmission(
            identity.student, identity.chapter, reading.handed.name, reading.latest, results
        )
