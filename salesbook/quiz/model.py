"""Pydantic models of a question bank (schema_version 1, see docs/question-bank-spec.md).

The seven question types form a discriminated union on ``type``. Every model forbids unknown
keys and does not coerce types, so a typo (``feedbak``) or an unquoted ``no`` is reported
instead of silently changing the question. Numeric questions live in
:mod:`salesbook.quiz.model_numeric`; they are re-exported here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.base import (
    QUESTION_TYPES,
    FieldError,
    LeerdoelId,
    Loc,
    QuestionBase,
    StrictModel,
    Text,
    duplicates,
)
from salesbook.quiz.model_items import (
    ClassificationQuestion,
    ClassItem,
    Criterion,
    MatchingQuestion,
    OpenQuestion,
    OrderingQuestion,
    Pair,
    unique_texts,
)
from salesbook.quiz.model_numeric import CalcSpec, NumericQuestion, ParameterSpec, Tolerance

__all__ = [
    "QUESTION_TYPES",
    "SCHEMA_VERSION",
    "Bank",
    "CalcSpec",
    "ClassItem",
    "ClassificationQuestion",
    "Criterion",
    "Leerdoel",
    "MatchingQuestion",
    "MultipleChoiceQuestion",
    "NumericQuestion",
    "OpenQuestion",
    "Option",
    "OrderingQuestion",
    "Pair",
    "ParameterSpec",
    "Question",
    "QuestionBase",
    "SingleChoiceQuestion",
    "Tolerance",
]

SCHEMA_VERSION = 1


class Leerdoel(StrictModel):
    """A learning goal of a chapter; questions point to it by ``id``."""

    id: LeerdoelId
    text: Text
    section: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Option(StrictModel):
    """An answer option of a choice question, with feedback specific to this option."""

    text: Text
    correct: bool
    feedback: Text


class _ChoiceQuestion(QuestionBase):
    options: list[Option] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _unique_options(self) -> _ChoiceQuestion:
        problems: list[tuple[Loc, str]] = [
            (("options", i, "text"), "deze optie staat er al eerder in")
            for i in duplicates([o.text for o in self.options])
        ]
        if problems:
            raise FieldError(problems)
        return self

    def _key_content(self) -> dict[str, Any]:
        return {"options": [[o.text, o.correct] for o in self.options]}

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """0-based indices of the correct options."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


class SingleChoiceQuestion(_ChoiceQuestion):
    """Choose one option; exactly one option is correct."""

    type: Literal["single_choice"]

    @model_validator(mode="after")
    def _exactly_one_correct(self) -> SingleChoiceQuestion:
        count = len(self.correct_indices)
        if count != 1:
            raise FieldError.at(
                ("options",),
                f"bij single_choice moet precies één optie correct zijn (nu {count})",
            )
        return self


class MultipleChoiceQuestion(_ChoiceQuestion):
    """Choose all correct options; at least one option is correct (partial credit)."""

    type: Literal["multiple_choice"]

    @model_validator(mode="after")
    def _at_least_one_correct(self) -> MultipleChoiceQuestion:
        if not self.correct_indices:
            raise FieldError.at(
                ("options",), "bij multiple_choice moet minstens één optie correct zijn"
            )
        return self


Question = Annotated[
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | NumericQuestion
    | OrderingQuestion
    | MatchingQuestion
    | ClassificationQuestion
    | OpenQuestion,
    Field(discriminator="type"),
]
"""Any question; pydantic picks the model from the ``type`` key."""


class Bank(StrictModel):
    """One chapter's question bank (one YAML file)."""

    schema_version: Literal[1]
    chapter: int = Field(ge=0, le=7)
    title: Text
    leerdoelen: list[Leerdoel] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    _index: dict[str, Any] | None = PrivateAttr(default=None)
    _file: str | None = PrivateAttr(default=None)

    @property
    def file(self) -> str:
        """The file name the bank was loaded from (for messages)."""
        return self._file or f"hoofdstuk {self.chapter}"

    @model_validator(mode="after")
    def _cross_references(self) -> Bank:
        prefix = f"h{self.chapter}."
        problems: list[tuple[Loc, str]] = []
        ids = [goal.id for goal in self.leerdoelen]
        for index, goal_id in enumerate(ids):
            if not goal_id.startswith(prefix):
                problems.append(
                    (("leerdoelen", index, "id"), f"moet beginnen met '{prefix}' (hoofdstuk)")
                )
        problems += [
            ((*loc, "id"), message)
            for loc, message in unique_texts(ids, ("leerdoelen",), "dit leerdoel-id")
        ]
        known = set(ids)
        seen: set[str] = set()
        for index, question in enumerate(self.questions):
            if question.id in seen:
                problems.append((("questions", index, "id"), "dit vraag-id komt al eerder voor"))
            seen.add(question.id)
            if question.leerdoel not in known:
                problems.append(
                    (
                        ("questions", index, "leerdoel"),
                        f"leerdoel '{question.leerdoel}' staat niet in leerdoelen",
                    )
                )
        if problems:
            raise FieldError(problems)
        return self

    def _lookup(self) -> dict[str, Any]:
        if self._index is None:
            index: dict[str, Any] = {q.id: q for q in self.questions}
            index.update({goal.id: goal for goal in self.leerdoelen})
            self._index = index
        return self._index

    def question(self, question_id: str) -> Question:
        """The question with this id; QuestionBankError (Dutch) when it is not in this bank."""
        found = self._lookup().get(question_id)
        if not isinstance(found, QuestionBase):
            raise QuestionBankError(
                f"Vraag '{question_id}' bestaat niet in hoofdstuk {self.chapter} "
                f"({self.title}). Controleer het vraag-id."
            )
        return found  # type: ignore[return-value]

    def leerdoel(self, leerdoel_id: str) -> Leerdoel:
        """The learning goal with this id; QuestionBankError (Dutch) when unknown."""
        found = self._lookup().get(leerdoel_id)
        if not isinstance(found, Leerdoel):
            raise QuestionBankError(
                f"Leerdoel '{leerdoel_id}' bestaat niet in hoofdstuk {self.chapter}."
            )
        return found

    def questions_for(self, leerdoel_id: str) -> list[Question]:
        """The questions of one learning goal, in bank order (empty list if none)."""
        return [q for q in self.questions if q.leerdoel == leerdoel_id]
