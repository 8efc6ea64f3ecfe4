"""Load question banks: one YAML file per chapter, validated on load.

Every problem in a file is reported at once, in one :class:`QuestionBankError` whose Dutch
message lists lines like ``h2_meten.yaml, vraag h2.nps.03, veld options[2].feedback: mag niet
leeg zijn (regel 41)``; the list is also on the error as ``.problems``. Loading does not import
:mod:`salesbook.calc`: calc references are resolved when an answer is computed and checked for
every bank by :func:`salesbook.quiz.verify.verify_bank` (run in the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.messages import problems_from
from salesbook.quiz.model import Bank, Leerdoel, Question
from salesbook.quiz.yamlio import line_of, parse_yaml

BANK_DIR = Path(__file__).resolve().parent.parent / "banks"
"""The packaged question banks (``salesbook/banks/``)."""

MAX_LISTED = 40
_FILE_CHAPTER = re.compile(r"^h(\d+)_")
_cache: dict[tuple[str, int, int], Bank] = {}


def bank_error(problems: list[str], file: str | None) -> QuestionBankError:
    """One QuestionBankError listing ``problems`` (Dutch), with ``.problems`` attached.

    Args:
        problems: one Dutch line per problem.
        file: the bank file name, or None for problems across the whole course.
    """
    count = len(problems)
    noun = "probleem" if count == 1 else "problemen"
    header = f"De vragenbank {file} klopt niet" if file else "De vragenbanken kloppen niet"
    listed = problems[:MAX_LISTED]
    more = [f"… en nog {count - MAX_LISTED} andere."] if count > MAX_LISTED else []
    message = "\n".join([f"{header} ({count} {noun}):", *(f"- {p}" for p in listed), *more])
    error = QuestionBankError(message)
    error.problems = list(problems)  # type: ignore[attr-defined]
    return error


def parse_bank(text: str, file: str = "vragenbank") -> Bank:
    """Validate the YAML text of one bank; ``file`` names it in error messages."""
    data = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise bank_error(
            [
                f"{file}: een vragenbank is een blok met schema_version, chapter, title, "
                "leerdoelen en questions, maar dit bestand bevat "
                + ("niets" if data is None else f"een {type(data).__name__}")
            ],
            file,
        )
    try:
        bank = Bank.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, file=file, data=data, line=lambda loc: line_of(text, loc))
        raise bank_error(problems, file) from None
    bank._file = file
    match = _FILE_CHAPTER.match(file)
    if match and int(match.group(1)) != bank.chapter:
        raise bank_error(
            [
                f"{file}, veld chapter: het bestand hoort bij hoofdstuk {match.group(1)}, "
                f"maar chapter is {bank.chapter}"
            ],
            file,
        )
    return bank


def load_bank(path: Path | str) -> Bank:
    """Load and validate one bank file (cached until the file changes).

    Raises:
        QuestionBankError: the file is missing or unreadable, is not valid YAML (file and
            line named), or violates the schema (file, question id and field named).
    """
    path = Path(path)
    try:
        stat = path.stat()
        if path.is_dir():
            raise QuestionBankError(
                f"{path} is een map, geen vragenbank (verwacht een .yaml-bestand)."
            )
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key in _cache:
            return _cache[key]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionBankError(f"De vragenbank {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise QuestionBankError(f"{path.name}: het bestand is geen UTF-8-tekst.") from None
    except OSError as error:
        raise QuestionBankError(
            f"De vragenbank {path} kan niet worden gelezen: {error.strerror or error}."
        ) from None
    bank = parse_bank(text, path.name)
    _cache[key] = bank
    return bank


def bank_files(bank_dir: Path | None = None) -> list[Path]:
    """The bank files in a folder (``h<chapter>_<name>.yaml``), sorted by name."""
    folder = Path(bank_dir) if bank_dir is not None else BANK_DIR
    return sorted(p for p in folder.glob("h*_*.yaml") if _FILE_CHAPTER.match(p.name))


def load_chapter(chapter: int, bank_dir: Path | None = None) -> Bank:
    """Load the bank of one chapter (0 = welkom, 1..6, 7 = examentraining)."""
    folder = Path(bank_dir) if bank_dir is not None else BANK_DIR
    found = [p for p in bank_files(folder) if p.name.startswith(f"h{chapter}_")]
    if not found:
        raise QuestionBankError(
            f"Er is geen vragenbank voor hoofdstuk {chapter} (gezocht naar h{chapter}_*.yaml "
            f"in {folder})."
        )
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise QuestionBankError(f"Hoofdstuk {chapter} heeft meer dan één vragenbank: {names}.")
    return load_bank(found[0])


@dataclass(frozen=True)
class Course:
    """All chapter banks together; ids are unique across the course."""

    banks: dict[int, Bank]
    _index: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for bank in self.banks.values():
            self._index.update({goal.id: goal for goal in bank.leerdoelen})
            self._index.update({question.id: question for question in bank.questions})

    def bank(self, chapter: int) -> Bank:
        """The bank of one chapter; QuestionBankError (Dutch) when there is none."""
        if chapter not in self.banks:
            raise QuestionBankError(f"Er is geen vragenbank voor hoofdstuk {chapter}.")
        return self.banks[chapter]

    def question(self, question_id: str) -> Question:
        """Any question of the course by id; QuestionBankError (Dutch) when unknown."""
        found = self._index.get(question_id)
        if found is None or isinstance(found, Leerdoel):
            raise QuestionBankError(
                f"Vraag '{question_id}' bestaat niet in deze cursus. Controleer het vraag-id."
            )
        return found  # type: ignore[no-any-return]

    def leerdoel(self, leerdoel_id: str) -> Leerdoel:
        """Any learning goal of the course by id; QuestionBankError (Dutch) when unknown."""
        found = self._index.get(leerdoel_id)
        if not isinstance(found, Leerdoel):
            raise QuestionBankError(f"Leerdoel '{leerdoel_id}' bestaat niet in deze cursus.")
        return found

    def questions(self, chapter: int | None = None) -> list[Question]:
        """All questions (of one chapter, if given), in chapter and bank order."""
        return [
            question
            for number, bank in sorted(self.banks.items())
            if chapter is None or number == chapter
            for question in bank.questions
        ]


def load_course(bank_dir: Path | None = None) -> Course:
    """Load every bank in ``bank_dir`` (default :data:`BANK_DIR`) and check course-wide ids.

    Problems of all files are collected into one QuestionBankError.
    """
    problems: list[str] = []
    banks: dict[int, Bank] = {}
    owner: dict[str, str] = {}
    for path in bank_files(bank_dir):
        try:
            bank = load_bank(path)
        except QuestionBankError as error:
            problems += getattr(error, "problems", [str(error)])
            continue
        if bank.chapter in banks:
            problems.append(f"{path.name}: hoofdstuk {bank.chapter} heeft al een vragenbank")
            continue
        banks[bank.chapter] = bank
        ids = [(goal.id, None) for goal in bank.leerdoelen]
        ids += [(question.id, question.id) for question in bank.questions]
        for item_id, question_id in ids:
            if item_id in owner:
                where = f", vraag {question_id}" if question_id else ""
                problems.append(
                    f"{path.name}{where}, veld id: '{item_id}' staat ook in {owner[item_id]}"
                )
            owner.setdefault(item_id, path.name)
    if problems:
        raise bank_error(problems, None)
    if not banks:
        folder = bank_dir if bank_dir is not None else BANK_DIR
        raise QuestionBankError(f"Er staan geen vragenbanken (h*_*.yaml) in {folder}.")
    return Course(banks)
