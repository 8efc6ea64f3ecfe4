"""Question types whose key is a set of items: ordering, matching, classification, open."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from salesbook.quiz.base import FieldError, Loc, QuestionBase, StrictModel, Text, duplicates


def unique_texts(values: list[str], loc: Loc, what: str) -> list[tuple[Loc, str]]:
    """A problem for every repeated text (ignoring case and surrounding spaces)."""
    return [((*loc, i), f"{what} staat er al eerder in") for i in duplicates(values)]


class OrderingQuestion(QuestionBase):
    """Put items in order; ``items`` holds the correct order (shown shuffled)."""

    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2, max_length=12)
    feedback: Text

    @model_validator(mode="after")
    def _unique_items(self) -> OrderingQuestion:
        problems = unique_texts(self.items, ("items",), "dit onderdeel")
        if problems:
            raise FieldError(problems)
        return self

    def _key_content(self) -> dict[str, Any]:
        return {"items": list(self.items)}


class Pair(StrictModel):
    """A left/right pair of a matching question; feedback explains this pair."""

    left: Text
    right: Text
    feedback: Text


class MatchingQuestion(QuestionBase):
    """Match every ``left`` to its ``right`` (one-to-one)."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=12)

    @model_validator(mode="after")
    def _unique_sides(self) -> MatchingQuestion:
        problems = unique_texts([p.left for p in self.pairs], ("pairs",), "deze linkerkant")
        problems += unique_texts([p.right for p in self.pairs], ("pairs",), "deze rechterkant")
        if problems:
            raise FieldError(problems)
        return self

    def _key_content(self) -> dict[str, Any]:
        return {"pairs": [[p.left, p.right] for p in self.pairs]}


class ClassItem(StrictModel):
    """An item to place in one of the categories (e.g. a Kraljic quadrant)."""

    text: Text
    category: Text
    feedback: Text


class ClassificationQuestion(QuestionBase):
    """Place every item in its category (quadrant of a matrix)."""

    type: Literal["classification"]
    categories: list[Text] = Field(min_length=2, max_length=9)
    items: list[ClassItem] = Field(min_length=2, max_length=20)

    @model_validator(mode="after")
    def _consistent(self) -> ClassificationQuestion:
        problems = unique_texts(self.categories, ("categories",), "deze categorie")
        problems += [
            ((*loc, "text"), message)
            for loc, message in unique_texts(
                [i.text for i in self.items], ("items",), "dit onderdeel"
            )
        ]
        for index, item in enumerate(self.items):
            if item.category not in self.categories:
                problems.append(
                    (
                        ("items", index, "category"),
                        f"'{item.category}' staat niet in categories "
                        f"({', '.join(self.categories)})",
                    )
                )
        if problems:
            raise FieldError(problems)
        return self

    def _key_content(self) -> dict[str, Any]:
        return {
            "categories": list(self.categories),
            "items": [[i.text, i.category] for i in self.items],
        }


class Criterion(StrictModel):
    """One line of the rubric of an open question."""

    criterion: Text
    points: float = Field(gt=0, allow_inf_nan=False)


class OpenQuestion(QuestionBase):
    """Open text; not auto-scored: the teacher grades it with the rubric."""

    type: Literal["open"]
    model_answer: Text
    rubric: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _rubric_adds_up(self) -> OpenQuestion:
        total = sum(c.points for c in self.rubric)
        if abs(total - self.points) > 1e-9:
            raise FieldError.at(
                ("rubric",),
                f"de punten van de rubric tellen op tot {total:g}, maar de vraag is "
                f"{self.points:g} punten waard",
            )
        return self

    def _key_content(self) -> dict[str, Any]:
        return {"rubric": [[c.criterion, c.points] for c in self.rubric]}
