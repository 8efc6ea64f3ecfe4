"""Turn pydantic validation errors into Dutch lines: "bestand, vraag id, veld pad: uitleg".

Example: ``h2_meten.yaml, vraag h2.nps.03, veld options[2].feedback: mag niet leeg zijn
(regel 41)``. Problems outside a question leave out the "vraag" part; problems about a whole
question leave out the "veld" part. Questions without a usable id are named by position
("vraag nr. 3").
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from salesbook.quiz.base import QUESTION_TYPES, FieldError, Loc

_PATTERN_HINTS = {
    "id": "is geen geldig id (vorm h2.nps voor een leerdoel, h2.nps.01 voor een vraag)",
    "leerdoel": "is geen geldig leerdoel-id (vorm h2.nps: h, hoofdstuk, punt, kleine letters)",
    "section": "is geen geldige sectienaam (kleine letters, cijfers en -)",
    "function": "is geen geldige functieverwijzing (vorm nps.nps_from_counts)",
    "result": "is geen geldige naam (kleine letters, cijfers en _)",
    "unit": "is geen geldige eenheid (geen cijfers, {, } of $)",
}


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML leest ja/nee/yes/no/on/off als waar/onwaar)"
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _not_text(error: dict[str, Any]) -> str:
    if isinstance(error["input"], dict):
        return (
            "moet tekst zijn, maar YAML las een blok met velden: staat er een dubbele punt met "
            "een spatie erachter in de tekst? Zet de tekst dan tussen aanhalingstekens"
        )
    return f"moet tekst zijn, maar is {_show(error['input'])}; zet de tekst tussen aanhalingstekens"


def _field_names() -> set[str]:
    from salesbook.quiz import model  # late import: model imports nothing from here

    names: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and issubclass(item, BaseModel):
            names.update(item.model_fields)
    return names


def suggestion(key: str) -> str | None:
    """The known field name closest to a mistyped key, if any is close."""
    close = difflib.get_close_matches(key, sorted(_field_names()), n=1, cutoff=0.75)
    return close[0] if close else None


def _extra(loc: Loc) -> str:
    key = str(loc[-1]) if loc else ""
    close = suggestion(key)
    hint = f"; bedoel je '{close}'?" if close else "; verwijder het of controleer de spelling"
    return f"onbekend veld '{key}'{hint}"


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _length(error: dict[str, Any], longer: bool) -> str:
    ctx = error.get("ctx", {})
    now = ctx.get("actual_length")
    if longer:
        return f"moet minstens {ctx.get('min_length')} onderdelen hebben (nu {now})"
    return f"mag hoogstens {ctx.get('max_length')} onderdelen hebben (nu {now})"


_SIMPLE: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda e: "ontbreekt (verplicht veld)",
    "string_type": _not_text,
    "int_type": lambda e: f"moet een geheel getal zijn, maar is {_show(e['input'])}",
    "int_parsing": lambda e: f"moet een geheel getal zijn, maar is {_show(e['input'])}",
    "int_from_float": lambda e: f"moet een geheel getal zijn, maar is {_show(e['input'])}",
    "float_type": lambda e: f"moet een getal zijn, maar is {_show(e['input'])}",
    "float_parsing": lambda e: f"moet een getal zijn, maar is {_show(e['input'])}",
    "finite_number": lambda e: "moet een eindig getal zijn (geen .nan of .inf)",
    "bool_type": lambda e: f"moet true of false zijn, maar is {_show(e['input'])}",
    "bool_parsing": lambda e: f"moet true of false zijn, maar is {_show(e['input'])}",
    "list_type": lambda e: (
        f"moet een lijst zijn (regels die met '- ' beginnen), maar is {_show(e['input'])}"
    ),
    "dict_type": lambda e: f"moet een blok met sleutel: waarde zijn, maar is {_show(e['input'])}",
    "model_type": lambda e: f"moet een blok met velden zijn, maar is {_show(e['input'])}",
    "model_attributes_type": lambda e: (
        f"moet een blok met velden zijn, maar is {_show(e['input'])}"
    ),
    "literal_error": lambda e: (
        f"moet {str(e.get('ctx', {}).get('expected')).replace(' or ', ' of ')} zijn, "
        f"maar is {_show(e['input'])}"
    ),
    "too_short": lambda e: _length(e, longer=True),
    "too_long": lambda e: _length(e, longer=False),
    "string_too_short": lambda e: "mag niet leeg zijn",
    "string_too_long": lambda e: f"is te lang (hoogstens {e['ctx']['max_length']} tekens)",
    "greater_than": lambda e: (
        f"moet groter zijn dan {_num(e['ctx']['gt'])}, maar is {_show(e['input'])}"
    ),
    "greater_than_equal": lambda e: (
        f"moet minstens {_num(e['ctx']['ge'])} zijn, maar is {_show(e['input'])}"
    ),
    "less_than": lambda e: (
        f"moet kleiner zijn dan {_num(e['ctx']['lt'])}, maar is {_show(e['input'])}"
    ),
    "less_than_equal": lambda e: (
        f"mag hoogstens {_num(e['ctx']['le'])} zijn, maar is {_show(e['input'])}"
    ),
    "union_tag_invalid": lambda e: (
        f"onbekend vraagtype '{e['ctx']['tag']}'; kies uit " + ", ".join(QUESTION_TYPES)
    ),
    "union_tag_not_found": lambda e: "ontbreekt: het vraagtype (" + ", ".join(QUESTION_TYPES) + ")",
}


def translate(error: dict[str, Any]) -> list[tuple[Loc, str]]:
    """Dutch ``(loc, message)`` problems for one pydantic error dict."""
    loc: Loc = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    if kind == "value_error":
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, FieldError):
            return [((*loc, *sub), message) for sub, message in cause.problems]
        return [(loc, str(cause) if cause is not None else error["msg"])]
    if kind == "extra_forbidden":
        return [(loc, _extra(loc))]
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return [((*loc, "type"), _SIMPLE[kind](error))]
    if kind == "string_pattern_mismatch":
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        hint = _PATTERN_HINTS.get(name, "heeft niet de verwachte vorm")
        return [(loc, f"{_show(error['input'])} {hint}")]
    if kind == "literal_error" and loc == ("schema_version",):
        return [
            (loc, f"onbekende schemaversie {_show(error['input'])}; deze salesbook kent alleen 1")
        ]
    if kind in _SIMPLE:
        return [(loc, _SIMPLE[kind](error))]
    return [(loc, f"ongeldige waarde {_show(error.get('input'))} ({kind})")]


def field_path(loc: Loc) -> str:
    """``("options", 2, "feedback")`` → ``"options[2].feedback"``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _question_label(data: Any, index: int) -> str:
    try:
        question_id = data["questions"][index]["id"]
    except (KeyError, IndexError, TypeError):
        question_id = None
    return question_id if isinstance(question_id, str) and question_id else f"nr. {index + 1}"


def describe(
    loc: Loc,
    message: str,
    *,
    file: str,
    data: Any,
    line: Callable[[Loc], int | None] | None = None,
) -> str:
    """One Dutch problem line for a problem at ``loc`` of the raw bank ``data``."""
    parts = [file]
    rest = loc
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        parts.append(f"vraag {_question_label(data, loc[1])}")
        rest = loc[2:]
        if rest and rest[0] in QUESTION_TYPES:
            rest = rest[1:]
    if rest:
        parts.append(f"veld {field_path(rest)}")
    where = line(_raw_loc(loc)) if line else None
    suffix = f" (regel {where})" if where else ""
    return f"{', '.join(parts)}: {message}{suffix}"


def _raw_loc(loc: Loc) -> Loc:
    """The path in the raw YAML: without the union tag pydantic inserts after a question."""
    if len(loc) >= 3 and loc[0] == "questions" and loc[2] in QUESTION_TYPES:
        return (*loc[:2], *loc[3:])
    return loc


def problems_from(
    error: ValidationError,
    *,
    file: str,
    data: Any,
    line: Callable[[Loc], int | None] | None = None,
) -> list[str]:
    """Every problem of a ValidationError as a Dutch line (deduplicated, in order)."""
    errors = [dict(item) for item in error.errors()]
    typos = {
        (*item["loc"][:-1], suggestion(str(item["loc"][-1])))
        for item in errors
        if item["type"] == "extra_forbidden" and item["loc"]
    }
    lines: list[str] = []
    for item in errors:
        if item["type"] == "missing" and tuple(item["loc"]) in typos:
            continue  # "onbekend veld 'feedbak'; bedoel je 'feedback'?" already says it
        for loc, message in translate(item):
            text = describe(loc, message, file=file, data=data, line=line)
            if text not in lines:
                lines.append(text)
    return lines
