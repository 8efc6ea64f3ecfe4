"""The toetsmatrijs (exam blueprint): a YAML file a teacher can edit.

It says how large a mock exam is (a number of questions *or* of points), how much every
chapter weighs, optionally how much every leerdoel within a chapter weighs, which question
types may appear and the time limit. Example (the packaged default is ``toetsmatrijs.yaml``
next to this module)::

    schema_version: 1
    name: Proefexamen Sales- en accountmanagement
    questions: 30              # or: points: 45
    time_limit_minutes: 60     # or: null (no time limit)
    types: [single_choice, multiple_choice, numeric, ordering, matching, classification]
    chapters:
      1: {weight: 20}
      2:
        weight: 25
        leerdoelen: {h2.breakeven: 2, h2.clv: 1, h2.abc: 1}

Weights are relative (20 and 25 mean 20 : 25). Without ``leerdoelen`` every leerdoel of the
chapter weighs the same; with ``leerdoelen`` only the listed ones are drawn from (weight 0
leaves one out). Every problem is reported at once, in Dutch, naming file, chapter, field and
line: ``toetsmatrijs.yaml, hoofdstuk 2, veld weight: moet groter zijn dan 0, maar is -1
(regel 9)``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, PrivateAttr, ValidationError, model_validator
from yaml.nodes import MappingNode, Node, SequenceNode

from salesbook.exam.errors import BlueprintError
from salesbook.exceptions import QuestionBankError
from salesbook.quiz.base import (
    LEERDOEL_ID_PATTERN,
    QUESTION_TYPES,
    FieldError,
    Loc,
    StrictModel,
    Text,
)
from salesbook.quiz.messages import translate
from salesbook.quiz.yamlio import parse_yaml

BLUEPRINT_FILE = Path(__file__).resolve().with_name("toetsmatrijs.yaml")
"""The packaged default blueprint (chapters 1–6)."""

QuestionType = Literal[
    "single_choice", "multiple_choice", "numeric", "ordering", "matching", "classification", "open"
]
DEFAULT_TYPES: tuple[str, ...] = tuple(t for t in QUESTION_TYPES if t != "open")
Weight = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]


class ChapterWeight(StrictModel):
    """The weight of one chapter and, optionally, of its leerdoelen."""

    weight: Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]
    leerdoelen: dict[Annotated[str, Field(pattern=LEERDOEL_ID_PATTERN)], Weight] | None = None

    @model_validator(mode="after")
    def _some_positive(self) -> ChapterWeight:
        if self.leerdoelen is not None and not any(w > 0 for w in self.leerdoelen.values()):
            raise FieldError.at(
                ("leerdoelen",), "geef minstens één leerdoel een gewicht groter dan 0"
            )
        return self


class Blueprint(StrictModel):
    """A validated toetsmatrijs; see the module docstring for the YAML shape."""

    schema_version: Literal[1]
    name: Text
    questions: Annotated[int, Field(ge=1, le=200)] | None = None
    points: Annotated[int, Field(ge=1, le=500)] | None = None
    time_limit_minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    types: list[QuestionType] = Field(default_factory=lambda: list(DEFAULT_TYPES), min_length=1)
    chapters: dict[Annotated[int, Field(ge=0, le=7)], ChapterWeight] = Field(min_length=1)
    _file: str = PrivateAttr(default="toetsmatrijs")

    @model_validator(mode="after")
    def _consistent(self) -> Blueprint:
        problems: list[tuple[Loc, str]] = []
        if (self.questions is None) == (self.points is None):
            problems.append(
                ((), "geef precies één van questions (aantal vragen) of points (aantal punten)")
            )
        seen: set[str] = set()
        for index, kind in enumerate(self.types):
            if kind in seen:
                problems.append((("types", index), f"het vraagtype '{kind}' staat er al eerder in"))
            seen.add(kind)
        for chapter, spec in self.chapters.items():
            for goal in spec.leerdoelen or {}:
                if not goal.startswith(f"h{chapter}."):
                    problems.append(
                        (
                            ("chapters", chapter, "leerdoelen", goal),
                            f"'{goal}' hoort niet bij hoofdstuk {chapter} "
                            f"(een leerdoel-id van dit hoofdstuk begint met 'h{chapter}.')",
                        )
                    )
        if problems:
            raise FieldError(problems)
        return self

    @property
    def file(self) -> str:
        """The file name the blueprint came from (for messages)."""
        return self._file

    @property
    def by_points(self) -> bool:
        """True when the size is given in points, False when in questions."""
        return self.points is not None

    @property
    def size(self) -> int:
        """The number of questions or points asked for."""
        return self.points if self.points is not None else int(self.questions or 0)

    @property
    def time_limit_seconds(self) -> float | None:
        """The time limit in seconds (None: no limit)."""
        return None if self.time_limit_minutes is None else 60.0 * self.time_limit_minutes

    def leerdoel_weights(self, chapter: int, leerdoel_ids: list[str]) -> dict[str, float]:
        """Weights of a chapter's leerdoelen: the listed ones, else 1 each."""
        listed = self.chapters[chapter].leerdoelen
        if listed is None:
            return dict.fromkeys(leerdoel_ids, 1.0)
        return {goal: float(listed.get(goal, 0.0)) for goal in leerdoel_ids}


_FIELDS = sorted(
    set(Blueprint.model_fields) | set(ChapterWeight.model_fields) | {"time_limit_minutes"}
)


def _line_of(text: str, loc: Loc) -> int | None:
    """1-based line of the deepest YAML node along ``loc`` (mapping keys compared as text)."""
    try:
        node: Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, MappingNode):
            match = next((pair for pair in node.value if pair[0].value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _where(loc: Loc, file: str) -> str:
    parts = [file]
    rest = loc
    if len(loc) >= 2 and loc[0] == "chapters" and isinstance(loc[1], int):
        parts.append(f"hoofdstuk {loc[1]}")
        rest = loc[2:]
    if rest:
        path = ""
        for part in rest:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        parts.append(f"veld {path}")
    return ", ".join(parts)


def _messages(error: ValidationError, text: str, file: str) -> list[str]:
    lines: list[str] = []
    for item in error.errors():
        entry = dict(item)
        if entry["type"] == "extra_forbidden":
            key = str(entry["loc"][-1]) if entry["loc"] else ""
            close = difflib.get_close_matches(key, _FIELDS, n=1, cutoff=0.7)
            hint = (
                f"; bedoel je '{close[0]}'?"
                if close
                else "; verwijder het of controleer de spelling"
            )
            found = [(tuple(entry["loc"]), f"onbekend veld '{key}'{hint}")]
        elif entry["type"] == "string_pattern_mismatch" and "leerdoelen" in entry["loc"]:
            found = [
                (
                    tuple(p for p in entry["loc"] if p != "[key]"),
                    f"'{entry['input']}' is geen geldig leerdoel-id (vorm h2.abc)",
                )
            ]
        else:
            found = translate(entry)
        for loc, message in found:
            line = _line_of(text, loc)
            suffix = f" (regel {line})" if line else ""
            entry_text = f"{_where(loc, file)}: {message}{suffix}"
            if entry_text not in lines:
                lines.append(entry_text)
    return lines


def blueprint_error(problems: list[str], file: str) -> BlueprintError:
    """One BlueprintError listing every problem (Dutch), with ``.problems`` attached."""
    noun = "probleem" if len(problems) == 1 else "problemen"
    message = "\n".join(
        [f"De toetsmatrijs {file} klopt niet ({len(problems)} {noun}):"]
        + [f"- {p}" for p in problems]
    )
    error = BlueprintError(message)
    error.problems = list(problems)  # type: ignore[attr-defined]
    return error


def parse_blueprint(text: str, file: str = "toetsmatrijs") -> Blueprint:
    """Validate the YAML text of a blueprint; ``file`` names it in error messages."""
    try:
        data: Any = parse_yaml(text, file)
    except QuestionBankError as error:
        raise BlueprintError(str(error)) from None
    if not isinstance(data, dict):
        found = "niets" if data is None else f"een {type(data).__name__}"
        raise blueprint_error(
            [
                f"{file}: een toetsmatrijs is een blok met schema_version, name, questions of "
                f"points en chapters, maar dit bestand bevat {found}"
            ],
            file,
        )
    try:
        blueprint = Blueprint.model_validate(data)
    except ValidationError as error:
        raise blueprint_error(_messages(error, text, file), file) from None
    blueprint._file = file
    return blueprint


def load_blueprint(path: Path | str | None = None) -> Blueprint:
    """Load and validate a blueprint file (default: the packaged ``toetsmatrijs.yaml``).

    Raises:
        BlueprintError: the file is missing, unreadable, not YAML or not a valid blueprint.
    """
    file = Path(path) if path is not None else BLUEPRINT_FILE
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BlueprintError(f"De toetsmatrijs {file} bestaat niet.") from None
    except IsADirectoryError:
        raise BlueprintError(f"{file} is een map, geen toetsmatrijs (.yaml-bestand).") from None
    except UnicodeDecodeError:
        raise BlueprintError(f"{file.name}: het bestand is geen UTF-8-tekst.") from None
    except OSError as error:
        raise BlueprintError(
            f"De toetsmatrijs {file} kan niet worden gelezen: {error.strerror or error}."
        ) from None
    return parse_blueprint(text, file.name)
