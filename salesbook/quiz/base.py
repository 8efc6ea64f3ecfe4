"""Building blocks shared by the question-bank models: strict base model, text and id types.

Cross-field rules raise :class:`FieldError`, which carries one or more ``(field path, Dutch
message)`` problems. :mod:`salesbook.quiz.messages` unpacks it, so a rule that checks a whole
question can still point at the exact field (``options[2].feedback``).
"""

from __future__ import annotations

import hashlib
import json
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, model_validator

Loc = tuple[str | int, ...]

CHAPTERS = range(0, 8)  # 0 = welkom, 1..6 chapters, 7 = examentraining
LEERDOEL_ID_PATTERN = r"^h[0-7]\.[a-z0-9][a-z0-9-]*$"
QUESTION_ID_PATTERN = r"^h[0-7]\.[a-z0-9][a-z0-9-]*\.\d{2}$"
SECTION_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
NAME_PATTERN = r"^[a-z_][a-z0-9_]*$"
FUNCTION_PATTERN = r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$"
QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "numeric",
    "ordering",
    "matching",
    "classification",
    "open",
)


class FieldError(ValueError):
    """One or more schema problems found by a cross-field rule.

    Args:
        problems: pairs of (field path relative to the validated model, Dutch message); a
            path is a tuple such as ``("options", 2, "feedback")`` or ``()`` for the model.
    """

    def __init__(self, problems: list[tuple[Loc, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))

    @classmethod
    def at(cls, loc: Loc, message: str) -> FieldError:
        """A single problem at ``loc``."""
        return cls([(loc, message)])


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
"""A required string with at least one non-space character."""

LeerdoelId = Annotated[str, Field(pattern=LEERDOEL_ID_PATTERN)]
QuestionId = Annotated[str, Field(pattern=QUESTION_ID_PATTERN)]


class StrictModel(BaseModel):
    """Base of every bank model: unknown keys are errors, no silent type coercion, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def duplicates(values: list[str]) -> list[int]:
    """Indices of values that already occurred earlier in the list."""
    seen: set[str] = set()
    repeated = []
    for index, value in enumerate(values):
        key = value.strip().casefold()
        if key in seen:
            repeated.append(index)
        seen.add(key)
    return repeated


def canonical_hash(content: dict[str, Any]) -> str:
    """Short, stable sha256 (16 hex digits) of JSON-able content: sorted keys, no whitespace."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class QuestionBase(StrictModel):
    """Fields every question has; the subclasses add the type-specific key."""

    id: QuestionId
    version: int = Field(ge=1)
    type: str
    leerdoel: LeerdoelId
    difficulty: Literal[1, 2, 3]
    points: float = Field(gt=0, le=100, allow_inf_nan=False)
    source: Text
    prompt: Text
    hints: list[Text] = Field(min_length=1)
    solution: Text
    _fingerprint: str | None = PrivateAttr(default=None)
    _variant_seed: int | None = PrivateAttr(default=None)
    _parameter_values: dict[str, float] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _id_matches_leerdoel(self) -> QuestionBase:
        if not self.id.startswith(self.leerdoel + "."):
            raise FieldError.at(
                ("id",),
                f"een vraag-id begint met het id van zijn leerdoel: '{self.leerdoel}.' "
                "gevolgd door twee cijfers",
            )
        return self

    @property
    def chapter(self) -> int:
        """Chapter number, read from the id (``h2.nps.01`` → 2)."""
        return int(self.id[1])

    @property
    def variant_seed(self) -> int | None:
        """The seed this question was instantiated with (None for a bank question)."""
        return self._variant_seed

    @property
    def parameter_values(self) -> MappingProxyType[str, float]:
        """The drawn parameter values of an instantiated numeric question (else empty)."""
        return MappingProxyType(self._parameter_values)

    def _key_content(self) -> dict[str, Any]:
        raise NotImplementedError

    def fingerprint(self) -> str:
        """Short sha256 of everything that decides the score.

        Covers id, type, points and the key (options with their ``correct`` flags, numeric
        answer/unit/tolerance/calc/parameters, items, pairs, categories, rubric); it leaves
        out wording that does not change the key (prompt, hints, solution, feedback,
        difficulty, source). An instantiated variant keeps the fingerprint of its bank
        question, so the grader can compare a record with the current bank.
        """
        if self._fingerprint is None:
            content = {"id": self.id, "type": self.type, "points": self.points}
            content.update(self._key_content())
            self._fingerprint = canonical_hash(content)
        return self._fingerprint
