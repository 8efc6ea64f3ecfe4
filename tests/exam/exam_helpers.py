"""Small synthetic courses for the exam tests, so counts can be worked out by hand."""

from __future__ import annotations

from typing import Any

from salesbook.exam.blueprint import parse_blueprint
from salesbook.quiz import Bank, Course


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def choice(qid: str, goal: str, points: float = 1, prompt: str | None = None) -> dict[str, Any]:
    """A single-choice question whose first option (A) is correct."""
    return {
        "id": qid,
        "version": 1,
        "type": "single_choice",
        "leerdoel": goal,
        "difficulty": 1,
        "points": points,
        "source": "test",
        "prompt": prompt or f"Vraag {qid}?",
        "hints": ["Een hint."],
        "solution": f"Uitwerking van {qid}.",
        "options": [
            {"text": "Juist antwoord", "correct": True, "feedback": "Goed gedaan."},
            {"text": "Fout antwoord", "correct": False, "feedback": "Helaas, fout."},
            {"text": "Ander fout antwoord", "correct": False, "feedback": "Ook fout."},
        ],
    }


def numeric(qid: str, goal: str, answer: float, points: float = 2) -> dict[str, Any]:
    """A plain numeric question (no parameters)."""
    return {
        "id": qid,
        "version": 1,
        "type": "numeric",
        "leerdoel": goal,
        "difficulty": 2,
        "points": points,
        "source": "test",
        "prompt": f"Bereken {qid}.",
        "hints": ["Reken."],
        "solution": f"Het antwoord is {answer}.",
        "answer": answer,
        "unit": "€",
        "tolerance": {"absolute": 0.5},
    }


def open_question(qid: str, goal: str) -> dict[str, Any]:
    """An open question of 2 points."""
    return {
        "id": qid,
        "version": 1,
        "type": "open",
        "leerdoel": goal,
        "difficulty": 2,
        "points": 2,
        "source": "test",
        "prompt": f"Leg uit ({qid}).",
        "hints": ["Denk na."],
        "solution": "Modeluitleg.",
        "model_answer": "Een goed antwoord.",
        "rubric": [{"criterion": "Uitleg", "points": 2}],
    }


def bank(chapter: int, goals: dict[str, int], extra: list[dict[str, Any]] = ()) -> Bank:
    """A bank with ``n`` single-choice questions of 1 point per leerdoel ``h<ch>.<name>``."""
    leerdoelen = [
        {"id": f"h{chapter}.{name}", "text": f"Leerdoel {name}.", "section": name} for name in goals
    ]
    questions = [
        choice(f"h{chapter}.{name}.{n:02d}", f"h{chapter}.{name}")
        for name, count in goals.items()
        for n in range(1, count + 1)
    ]
    data = {
        "schema_version": 1,
        "chapter": chapter,
        "title": f"Hoofdstuk {chapter} test",
        "leerdoelen": leerdoelen,
        "questions": questions + list(extra),
    }
    return Bank.model_validate(data)


def course(spec: dict[int, dict[str, int]]) -> Course:
    """A course from ``{chapter: {leerdoel name: number of questions}}``."""
    return Course({chapter: bank(chapter, goals) for chapter, goals in spec.items()})


def blueprint(body: str, size: str = "questions: 10"):
    """A blueprint from the ``chapters:`` block (indented YAML) and a size line."""
    text = f"schema_version: 1\nname: Testexamen\n{size}\ntime_limit_minutes: 30\nchapters:\n"
    return parse_blueprint(text + body, "test.yaml")


def ordering(qid: str, goal: str) -> dict[str, Any]:
    """An ordering question of 2 points (correct order: Eerst, Dan, Daarna, Tot slot)."""
    return {
        "id": qid,
        "version": 1,
        "type": "ordering",
        "leerdoel": goal,
        "difficulty": 1,
        "points": 2,
        "source": "test",
        "prompt": "Zet in de juiste volgorde.",
        "hints": ["Begin bij het begin."],
        "solution": "Eerst, dan, daarna, tot slot.",
        "items": ["Eerst", "Dan", "Daarna", "Tot slot"],
        "feedback": "Zo gaat het.",
    }


def mixed_course() -> Course:
    """Chapter 1: two single-choice (A right), a numeric (1250) and an ordering question;
    chapter 2: one single-choice question. Points 1 + 1 + 2 + 2 + 1 = 7."""
    one = Bank.model_validate(
        {
            "schema_version": 1,
            "chapter": 1,
            "title": "Een",
            "leerdoelen": [
                {"id": "h1.a", "text": "Leerdoel A.", "section": "a"},
                {"id": "h1.b", "text": "Leerdoel B.", "section": "b"},
            ],
            "questions": [
                choice("h1.a.01", "h1.a"),
                choice("h1.a.02", "h1.a"),
                numeric("h1.b.01", "h1.b", 1250),
                ordering("h1.b.02", "h1.b"),
            ],
        }
    )
    two = Bank.model_validate(
        {
            "schema_version": 1,
            "chapter": 2,
            "title": "Twee",
            "leerdoelen": [{"id": "h2.c", "text": "Leerdoel C.", "section": "c"}],
            "questions": [choice("h2.c.01", "h2.c")],
        }
    )
    return Course({1: one, 2: two})
