"""Answer records: the machine-readable trace of an answer, stored in the notebook itself.

Every answer updates one display output holding readable Dutch Markdown and a small JSON
record under :data:`MIME_TYPE`. The grader reads the records and recomputes the score from the
key; records deliberately hold no score or "correct" flag.
"""

from __future__ import annotations

import json
import math
import numbers
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.quiz.base import QUESTION_ID_PATTERN
from salesbook.quiz.model import Question
from salesbook.quiz.outcome import Outcome
from salesbook.quiz.summary import render_markdown

MIME_TYPE = "application/vnd.salesbook.answer+json"
SCHEMA_VERSION = 1
MAX_RESPONSE_BYTES = 16_384
"""Largest response kept, measured as UTF-8 JSON (an open answer of 5.000 tekens fits)."""
MAX_STUDENT_CHARS = 64

_HASH = re.compile(r"^[0-9a-f]{8,64}$")
_QUESTION_ID = re.compile(QUESTION_ID_PATTERN)
_BOUND_DEPTH = 20
_SMALL_INT = 10**18
_FLOAT_CHARS = 24
"""Longest ``repr`` of a finite float (``-1.2345678901234567e-308``)."""


class RecordError(SalesbookError):
    """An answer record is malformed, too large or of an unknown schema version."""


def response_size(response: Any) -> int:
    """Bytes of ``response`` as compact UTF-8 JSON; RecordError when it is not JSON data."""
    try:
        text = json.dumps(response, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as error:
        raise RecordError(f"Het antwoord kan niet als JSON worden bewaard ({error}).") from None
    return len(text.encode("utf-8"))


def _text_bound(text: str) -> int | None:
    """At most 6 bytes a character (``\\u001f``; UTF-8 takes at most 4); None for text that
    cannot be UTF-8 (a lone surrogate), which only the exact size may judge."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return None
    return 6 * len(text) + 2


def _size_bound(value: Any, depth: int = 0) -> int | None:
    """A cheap upper bound of :func:`response_size`, or None when there is none.

    None for anything that is not plainly JSON data (non-finite floats, huge integers, keys
    that are not text, deep nesting) and as soon as the bound passes
    :data:`MAX_RESPONSE_BYTES`: then the exact size must decide.
    """
    kind = type(value)
    if kind is str:
        return _text_bound(value)
    if value is None or kind is bool:
        return 5
    if kind is int:
        return 20 if -_SMALL_INT < value < _SMALL_INT else None
    if kind is float:
        return _FLOAT_CHARS if math.isfinite(value) else None
    if depth >= _BOUND_DEPTH or (kind is not list and kind is not dict):
        return None  # also subclasses and other types: the exact size decides
    total = 2  # the brackets
    for name in value if kind is dict else ():
        key = _text_bound(name) if type(name) is str else None
        if key is None:
            return None
        total += key + 1  # and a ":"
    for item in value.values() if kind is dict else value:
        if type(item) is str and item.isascii():  # the common cases without a call
            size: int | None = 6 * len(item) + 2
        elif type(item) is int and -_SMALL_INT < item < _SMALL_INT:
            size = 20
        else:
            size = _size_bound(item, depth + 1)
        if size is None:
            return None
        total += size + 1  # and a ","
        if total > MAX_RESPONSE_BYTES:
            return None
    return total


def check_response_size(response: Any) -> None:
    """Refuse a response that cannot be kept, exactly as :func:`response_size` decides.

    Responses that are certainly below the limit (nearly all) are not serialised.

    Raises:
        RecordError: ``response`` is not JSON data or larger than :data:`MAX_RESPONSE_BYTES`.
    """
    bound = _size_bound(response)
    if bound is not None and bound <= MAX_RESPONSE_BYTES:
        return
    size = response_size(response)
    if size > MAX_RESPONSE_BYTES:
        raise RecordError(
            f"Het antwoord is te groot ({size} bytes, maximaal {MAX_RESPONSE_BYTES})."
        )


def to_jsonable(response: Any, depth: int = 0) -> Any:
    """Plain JSON data for a response: tuples/sets become lists, numpy numbers Python ones."""
    if depth > 20:
        raise RecordError("Het antwoord is te diep genest om te bewaren.")
    if response is None or isinstance(response, bool | str):
        return response
    if isinstance(response, numbers.Integral):
        return int(response)
    if isinstance(response, numbers.Real):
        value = float(response)
        if not math.isfinite(value):
            raise RecordError(
                f"Het antwoord {value} is geen eindig getal en kan niet worden bewaard."
            )
        return value
    if isinstance(response, dict):
        return {str(k): to_jsonable(v, depth + 1) for k, v in response.items()}
    if isinstance(response, set | frozenset):
        return sorted((to_jsonable(v, depth + 1) for v in response), key=repr)
    if isinstance(response, list | tuple):
        return [to_jsonable(v, depth + 1) for v in response]
    raise RecordError(
        f"Een antwoord van het type {type(response).__name__} kan niet worden bewaard; "
        "geef een getal, tekst, lijst of koppeling."
    )


def utc_timestamp(now: datetime | None = None) -> str:
    """ISO 8601 UTC with milliseconds, e.g. ``2026-11-22T10:15:30.123Z`` (naive = UTC)."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_time(value: Any, name: str) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise RecordError(f"{name} moet een ISO-tijdstip zijn, maar is {value!r:.60}.")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{name} is geen geldig ISO-tijdstip: {value!r}.") from None
    if moment.tzinfo is None:
        raise RecordError(f"{name} mist een tijdzone: {value!r}.")
    return moment


def _int(data: dict[str, Any], name: str, *, minimum: int, maximum: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise RecordError(
            f"{name} moet een geheel getal van {minimum} tot {maximum} zijn, maar is {value!r:.60}."
        )
    return value


@dataclass(frozen=True)
class AnswerRecord:
    """One question's answer as kept in the notebook and in the answer store."""

    schema_version: int
    question_id: str
    question_version: int
    question_hash: str
    response: Any
    attempts: int
    first_answered_at: str
    last_answered_at: str
    variant_seed: int | None = None
    student: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (the :data:`MIME_TYPE` payload)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> AnswerRecord:
        """Validate and read a record; unknown keys are ignored.

        Raises:
            RecordError: not a dict, unknown schema_version, a field of the wrong type or
                out of range, a response that is not JSON data or larger than
                :data:`MAX_RESPONSE_BYTES`.
        """
        if not isinstance(data, dict):
            raise RecordError(
                f"Een antwoordrecord moet een JSON-object zijn, geen {type(data).__name__}."
            )
        version = data.get("schema_version")
        if isinstance(version, bool) or version != SCHEMA_VERSION:
            raise RecordError(
                f"Onbekende schema_version {version!r:.40} (verwacht {SCHEMA_VERSION})."
            )
        question_id = data.get("question_id")
        if not isinstance(question_id, str) or not _QUESTION_ID.fullmatch(question_id):
            raise RecordError(f"question_id is geen geldig vraag-id: {question_id!r:.60}.")
        question_hash = data.get("question_hash")
        if not isinstance(question_hash, str) or not _HASH.fullmatch(question_hash):
            raise RecordError(f"question_hash is ongeldig: {question_hash!r:.60}.")
        if "response" not in data:
            raise RecordError("Het antwoordrecord mist response.")
        check_response_size(data["response"])
        first = _parse_time(data.get("first_answered_at"), "first_answered_at")
        last = _parse_time(data.get("last_answered_at"), "last_answered_at")
        if last < first:
            raise RecordError("last_answered_at ligt vóór first_answered_at.")
        seed = data.get("variant_seed")
        if seed is not None:
            seed = _int(data, "variant_seed", minimum=-(2**63), maximum=2**63 - 1)
        student = data.get("student")
        if student is not None and (
            not isinstance(student, str) or len(student) > MAX_STUDENT_CHARS
        ):
            raise RecordError(f"student moet tekst van hoogstens {MAX_STUDENT_CHARS} tekens zijn.")
        return cls(
            schema_version=SCHEMA_VERSION,
            question_id=question_id,
            question_version=_int(data, "question_version", minimum=1, maximum=10**6),
            question_hash=question_hash,
            response=data["response"],
            attempts=_int(data, "attempts", minimum=1, maximum=10**6),
            first_answered_at=data["first_answered_at"],
            last_answered_at=data["last_answered_at"],
            variant_seed=seed,
            student=student,
        )


def record_answer(
    previous: AnswerRecord | None,
    question: Question,
    response: Any,
    *,
    seed: int | None = None,
    student: str | None = None,
    now: datetime | None = None,
) -> AnswerRecord:
    """The record after one more answer: attempts + 1, last time updated.

    Call it only for outcomes that count as an attempt (``outcome.attempted``).

    Args:
        previous: the record so far (None for the first answer).
        question: the (instantiated) question answered.
        response: the response as given; converted to plain JSON data.
        seed: the variant seed; default: the seed the question was instantiated with.
        student: the student number, if known.
        now: the time of the answer (default: now, UTC); injectable for tests.

    Raises:
        RecordError: ``previous`` belongs to another question, or the response cannot be kept
            (not JSON-able or larger than :data:`MAX_RESPONSE_BYTES`).
    """
    if previous is not None and previous.question_id != question.id:
        raise RecordError(
            f"Het vorige antwoord hoort bij vraag {previous.question_id}, niet bij {question.id}."
        )
    data = to_jsonable(response)
    size = response_size(data)
    if size > MAX_RESPONSE_BYTES:
        raise RecordError(
            f"Je antwoord is te groot om te bewaren ({size} bytes, maximaal {MAX_RESPONSE_BYTES})."
        )
    moment = utc_timestamp(now)
    return AnswerRecord(
        schema_version=SCHEMA_VERSION,
        question_id=question.id,
        question_version=question.version,
        question_hash=question.fingerprint(),
        response=data,
        attempts=(previous.attempts if previous else 0) + 1,
        first_answered_at=previous.first_answered_at if previous else moment,
        last_answered_at=moment,
        variant_seed=seed if seed is not None else question.variant_seed,
        student=student if student is not None else (previous.student if previous else None),
    )


def answer_bundle(record: AnswerRecord, outcome: Outcome, question: Question) -> dict[str, Any]:
    """The display bundle for the answer output: Dutch Markdown plus the JSON record."""
    return {
        "text/markdown": render_markdown(record, outcome, question),
        MIME_TYPE: record.to_json(),
    }
