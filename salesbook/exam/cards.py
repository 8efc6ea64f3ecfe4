"""Flashcards: from the course's key terms (``begrippen.yaml``) and from the question banks.

A card has a front (what you try to recall) and a back (the answer), both Dutch Markdown, and
belongs to a chapter, a leerdoel and a section of the chapter notebook.

- Begrip: front = the term, back = its definition. Key: ``begrip:<leerdoel>:<term slug>``.
- Question: every single-choice question. Front = the prompt with its options, back = the
  correct option and the worked solution. Key: ``vraag:<question id>``.

Keys are stable, so the review state of a card survives a new version of the banks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from salesbook.exam.answers import LETTERS
from salesbook.exam.errors import FlashcardError
from salesbook.exceptions import QuestionBankError
from salesbook.quiz import Course
from salesbook.quiz.base import LEERDOEL_ID_PATTERN, SECTION_PATTERN, FieldError, StrictModel, Text
from salesbook.quiz.messages import describe, problems_from
from salesbook.quiz.model import SingleChoiceQuestion
from salesbook.quiz.yamlio import line_of, parse_yaml

BEGRIPPEN_FILE = Path(__file__).resolve().with_name("begrippen.yaml")


class Begrip(StrictModel):
    """A key term of the course with a short Dutch definition."""

    term: Text
    definition: Text
    chapter: int = Field(ge=1, le=6)
    leerdoel: Annotated[str, Field(pattern=LEERDOEL_ID_PATTERN)]
    section: Annotated[str, Field(pattern=SECTION_PATTERN)]

    @model_validator(mode="after")
    def _same_chapter(self) -> Begrip:
        if not self.leerdoel.startswith(f"h{self.chapter}."):
            raise FieldError.at(
                ("leerdoel",), f"'{self.leerdoel}' hoort niet bij hoofdstuk {self.chapter}"
            )
        return self


class BegrippenFile(StrictModel):
    """The file ``begrippen.yaml``."""

    schema_version: Literal[1]
    begrippen: list[Begrip] = Field(min_length=1)


def load_begrippen(path: Path | str | None = None) -> list[Begrip]:
    """Load and validate the key terms (default: the packaged ``begrippen.yaml``).

    Raises:
        FlashcardError: the file is missing, not YAML or not valid (file, entry, field and
            line named, in Dutch).
    """
    file = Path(path) if path is not None else BEGRIPPEN_FILE
    try:
        text = file.read_text(encoding="utf-8")
        data = parse_yaml(text, file.name)
    except OSError as error:
        raise FlashcardError(
            f"Het begrippenbestand {file} kan niet worden gelezen: {error.strerror or error}."
        ) from None
    except QuestionBankError as error:
        raise FlashcardError(str(error)) from None
    try:
        loaded = BegrippenFile.model_validate(data)
    except ValidationError as error:
        problems = problems_from(
            error, file=file.name, data=data, line=lambda loc: line_of(text, loc)
        )
        raise FlashcardError(
            f"Het begrippenbestand {file.name} klopt niet:\n- " + "\n- ".join(problems)
        ) from None
    seen: dict[str, int] = {}
    for index, begrip in enumerate(loaded.begrippen):
        key = begrip.term.strip().casefold()
        if key in seen:
            where = describe(("begrippen", index, "term"), "", file=file.name, data=data)
            raise FlashcardError(f"{where}dit begrip staat er al eerder in ('{begrip.term}').")
        seen[key] = index
    return list(loaded.begrippen)


def slug(text: str) -> str:
    """``"SPIN-vragen (Rackham)"`` → ``"spin-vragen-rackham"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


@dataclass(frozen=True)
class Flashcard:
    """One flashcard.

    Attributes:
        key: stable id (``begrip:h2.abc:abc-analyse`` or ``vraag:h2.abc.03``).
        kind: ``"begrip"`` or ``"vraag"``.
        front / back: Dutch Markdown.
        chapter, leerdoel, section: where it belongs in the course.
    """

    key: str
    kind: Literal["begrip", "vraag"]
    front: str
    back: str
    chapter: int
    leerdoel: str
    section: str


def begrip_card(begrip: Begrip) -> Flashcard:
    """The card of a key term."""
    return Flashcard(
        f"begrip:{begrip.leerdoel}:{slug(begrip.term)}",
        "begrip",
        f"**{begrip.term.strip()}**\n\nWat betekent dit begrip?",
        begrip.definition.strip(),
        begrip.chapter,
        begrip.leerdoel,
        begrip.section,
    )


def question_card(question: SingleChoiceQuestion, section: str) -> Flashcard:
    """The card of a single-choice question: prompt → correct option and worked solution."""
    index = question.correct_indices[0]
    options = "\n".join(
        f"- {LETTERS[i]}. {option.text.strip()}" for i, option in enumerate(question.options)
    )
    return Flashcard(
        f"vraag:{question.id}",
        "vraag",
        f"{question.prompt.strip()}\n\n{options}",
        f"**{LETTERS[index]}. {question.options[index].text.strip()}**\n\n"
        f"{question.solution.strip()}",
        question.chapter,
        question.leerdoel,
        section,
    )


def build_deck(
    course: Course, begrippen: list[Begrip], chapters: list[int] | None = None
) -> list[Flashcard]:
    """All cards, by chapter: first the key terms, then the questions, each in file order.

    Args:
        course: the question banks.
        begrippen: the key terms (see :func:`load_begrippen`).
        chapters: only these chapters (default: 1–6 and every other chapter with a bank
            except 0, the welcome chapter).
    """
    wanted = sorted(set(chapters)) if chapters is not None else None
    known = sorted({b.chapter for b in begrippen} | {c for c in course.banks if c != 0})
    deck: list[Flashcard] = []
    for chapter in wanted if wanted is not None else known:
        deck += [begrip_card(b) for b in begrippen if b.chapter == chapter]
        if chapter not in course.banks:
            continue
        bank = course.bank(chapter)
        sections = {goal.id: goal.section for goal in bank.leerdoelen}
        deck += [
            question_card(q, sections[q.leerdoel])
            for q in bank.questions
            if isinstance(q, SingleChoiceQuestion)
        ]
    return deck
