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

import json
from dataclasses import dataclass, field
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.grading.identify import Identity
from salesbook.grading.manual import ManualScore, key, response_hash
from salesbook.grading.problems import ProblemLog
from salesbook.grading.read import Reading
from salesbook.quiz import AnswerRecord, Course, Outcome, Question, check, instantiate

NOT_ANSWERED = "niet beantwoord"
PENDING = "nog na te kijken"
MANUAL = "handmatig"
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """The score of one question for one student.

    Attributes:
        question_id, leerdoel, type: of the bank question.
        points: the question's points (its maximum).
        score: points earned (manual score if there is one).
        status: ``goed``, ``deels goed``, ``fout``, ``niet beantwoord``, ``nog na te kijken``
            (open, no manual score yet) or ``handmatig`` (scored by the teacher).
        response: the response as recorded (None when not answered).
        feedback: Dutch Markdown feedback recomputed from the key.
        seed: the variant seed used (None for questions without parameters).
        attempts: attempts recorded.
        comment: the teacher's comment (manual scores).
        flags: Dutch notes shown on the feedback page (changed key, changed answer, …).
    """

    question_id: str
    leerdoel: str
    type: str
    points: float
    score: float
    status: str
    response: Any = None
    feedback: str = ""
    seed: int | None = None
    attempts: int = 0
    comment: str = ""
    flags: tuple[str, ...] = ()

    @property
    def pending(self) -> bool:
        """True for an open question still waiting for the teacher's score."""
        return self.status == PENDING


@dataclass
class ScoredSubmission:
    """One student's scored notebook for one chapter."""

    student: str
    chapter: int
    file: str
    latest: str
    results: list[QuestionResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Points earned in this chapter."""
        return round(sum(result.score for result in self.results), 6)

    @property
    def max_score(self) -> float:
        """Points available in this chapter (all questions of the bank)."""
        return round(sum(result.points for result in self.results), 6)

    @property
    def pending(self) -> int:
        """Open questions still to be scored by the teacher."""
        return sum(result.pending for result in self.results)


class Scorer:
    """Scores submissions against one course; caches variants and checks.

    The same (question, seed, response) is checked once per batch: a class gives many equal
    answers, so this makes grading hundreds of notebooks a matter of dictionary look-ups.
    """

    def __init__(self, course: Course, manual: dict[str, ManualScore] | None = None) -> None:
        self.course = course
        self.manual = manual or {}
        self._variants: dict[tuple[str, int | None], Question] = {}
        self._checks: dict[tuple[str, int | None, str], Outcome] = {}

    def variant(self, question: Question, seed: int | None) -> Question:
        """The student's variant of a question (cached)."""
        needed = bool(getattr(question, "parameters", None))
        cache_key = (question.id, seed if needed else None)
        found = self._variants.get(cache_key)
        if found is None:
            found = instantiate(question, cache_key[1]) if needed else question
            self._variants[cache_key] = found
        return found

    def check(self, variant: Question, response: Any) -> Outcome:
        """``check(variant, response)``, cached per question, seed and response."""
        text = json.dumps(response, sort_keys=True, ensure_ascii=False)
        cache_key = (variant.id, variant.variant_seed, text)
        found = self._checks.get(cache_key)
        if found is None:
            if len(self._checks) > _CACHE_LIMIT:
                self._checks.clear()
            found = check(variant, response)
            self._checks[cache_key] = found
        return found

    def _foreign(self, reading: Reading, chapter: int, problems: ProblemLog, student: str) -> None:
        name = reading.handed.name
        for qid in reading.answers.records:
            if int(qid[1]) == chapter:
                try:
                    self.course.bank(chapter).question(qid)
                    continue
                except SalesbookError:
                    pass
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
        points = float(question.points)
        manual = self._manual(student, question, record, reading)
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
            status = PENDING if question.type == "open" else NOT_ANSWERED
            return QuestionResult(
                question.id, question.leerdoel, question.type, points, 0.0, status
            )
        parameterised = bool(getattr(question, "parameters", None))
        seed = self._seed(record, reading, problems, student) if parameterised else None
        variant = self.variant(question, seed)
        outcome = self.check(variant, record.response)
        flags: list[str] = []
        cell = reading.answers.cells[question.id] + 1
        name = reading.handed.name
        if record.question_hash != question.fingerprint():
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
            variant.variant_seed,
            record.attempts,
            "",
            tuple(flags),
        )

    def score(self, reading: Reading, identity: Identity, problems: ProblemLog) -> ScoredSubmission:
        """Score one notebook: every question of its chapter, in bank order."""
        bank = self.course.bank(identity.chapter)
        self._foreign(reading, identity.chapter, problems, identity.student)
        results = [
            self._one(question, reading, problems, identity.student) for question in bank.questions
        ]
        return ScoredSubmission(
            identity.student, identity.chapter, reading.handed.name, reading.latest, results
        )
