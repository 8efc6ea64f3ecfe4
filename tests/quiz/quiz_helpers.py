"""Small valid question banks for the quiz tests, built as dicts so tests can break them."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.bank import parse_bank
from salesbook.quiz.model import Bank, Question

COMMON = {
    "version": 1,
    "leerdoel": "h2.nps",
    "difficulty": 1,
    "points": 1,
    "source": "seed 003 (§5.1.3)",
    "prompt": "Vraagtekst.",
    "hints": ["Eerste hint.", "Tweede hint."],
    "solution": "Uitwerking.",
}

TYPES: dict[str, dict[str, Any]] = {
    "single_choice": {
        "options": [
            {"text": "Promoters min detractors", "correct": True, "feedback": "Goed zo."},
            {"text": "Het gemiddelde maal tien", "correct": False, "feedback": "Geen gemiddelde."},
            {"text": "Alleen de promoters", "correct": False, "feedback": "Detractors tellen mee."},
        ]
    },
    "multiple_choice": {
        "points": 2,
        "options": [
            {"text": "NPS", "correct": True, "feedback": "Ja, NPS."},
            {"text": "Retentie", "correct": True, "feedback": "Ja, retentie."},
            {"text": "Churn", "correct": True, "feedback": "Ja, churn."},
            {"text": "Current ratio", "correct": False, "feedback": "Nee, liquiditeit."},
            {"text": "Break-evenafzet", "correct": False, "feedback": "Nee, kosten."},
        ],
    },
    "numeric": {
        "prompt": "50 promoters, 120 passives, 30 detractors. Bereken de NPS.",
        "answer": 10,
        "unit": "",
        "tolerance": {"absolute": 0.5},
        "calc": {
            "function": "nps.nps_from_counts",
            "args": {"promoters": 50, "passives": 120, "detractors": 30},
        },
    },
    "ordering": {
        "items": ["Acquireren", "Aftasten", "Groei", "Verzadiging", "Neergang"],
        "feedback": "Van kennismaken naar neergang.",
    },
    "matching": {
        "points": 2,
        "pairs": [
            {"left": "DESTEP", "right": "Macro-omgeving", "feedback": "DESTEP: macro."},
            {"left": "SPIN", "right": "Vragen stellen", "feedback": "SPIN: vragen."},
            {"left": "Franke", "right": "Omvang buitendienst", "feedback": "Franke: rekenen."},
            {"left": "BSC", "right": "Vier perspectieven", "feedback": "BSC: vier."},
        ],
    },
    "classification": {
        "points": 2,
        "categories": ["Routine", "Hefboom", "Bottleneck", "Strategisch"],
        "items": [
            {"text": "Kantoorpapier", "category": "Routine", "feedback": "Laag, laag."},
            {"text": "Koperbuis", "category": "Hefboom", "feedback": "Hoog belang, laag risico."},
            {"text": "Reserveonderdeel", "category": "Bottleneck", "feedback": "Eén leverancier."},
            {"text": "Maatwerksysteem", "category": "Strategisch", "feedback": "Hoog, hoog."},
        ],
    },
    "open": {
        "points": 2,
        "model_answer": "Tevredenheid is een oordeel; loyaliteit is gedrag.",
        "rubric": [
            {"criterion": "Verschil uitgelegd", "points": 1},
            {"criterion": "Passend voorbeeld", "points": 1},
        ],
    },
}


def question_data(kind: str, number: int = 1, **overrides: Any) -> dict[str, Any]:
    """A valid question dict of one type (id h2.nps.<number>)."""
    data = {"id": f"h2.nps.{number:02d}", "type": kind, **copy.deepcopy(COMMON)}
    data.update(copy.deepcopy(TYPES[kind]))
    data.update(overrides)
    return data


def bank_data(*questions: dict[str, Any], chapter: int = 2) -> dict[str, Any]:
    """A valid bank dict around the given questions (default: one of every type)."""
    if not questions:
        questions = tuple(question_data(kind, i + 1) for i, kind in enumerate(TYPES))
    return {
        "schema_version": 1,
        "chapter": chapter,
        "title": "Meten is weten",
        "leerdoelen": [
            {"id": "h2.nps", "text": "Je berekent de NPS.", "section": "nps"},
            {"id": "h2.abc", "text": "Je maakt een ABC-analyse.", "section": "abc"},
        ],
        "questions": list(questions),
    }


def dump(data: Any) -> str:
    """YAML text of a dict (keys in insertion order)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def parse(data: Any, file: str = "h2_meten.yaml") -> Bank:
    """Validate a bank dict through YAML, as load_bank does."""
    return parse_bank(dump(data), file)


def problems(data: Any, file: str = "h2_meten.yaml") -> list[str]:
    """The problem lines a broken bank dict produces (fails if it is valid)."""
    try:
        parse(data, file)
    except QuestionBankError as error:
        return list(error.problems)  # type: ignore[attr-defined]
    raise AssertionError("bank unexpectedly valid")


def make(kind: str, **overrides: Any) -> Question:
    """One validated question of a type."""
    return parse(bank_data(question_data(kind, **overrides))).questions[0]
