"""HTML for the mock exam widget: header, score tables and the review beside each question.

Texts from the banks go through :func:`salesbook.ui.markdown.to_html` or ``html.escape``, so
nothing from a bank or an answer can inject markup.
"""

from __future__ import annotations

import html

from salesbook.exam.answers import correct_answer
from salesbook.exam.blueprint import Blueprint
from salesbook.exam.mastery import NOTEBOOKS
from salesbook.exam.plots import PASS_MARK
from salesbook.exam.results import ExamResult, GroupScore, ItemResult
from salesbook.notation import format_percentage
from salesbook.quiz import Course
from salesbook.quiz.summary import describe_response
from salesbook.ui.feedback import STATUS_LOOK, points_text
from salesbook.ui.markdown import to_html

TABLE = 'style="border-collapse:collapse;margin:4px 0"'
BLANK = "\n\n"
CELL = 'style="border-bottom:1px solid #ddd;padding:2px 8px;text-align:left"'


def header_html(
    name: str,
    questions: int,
    unit: str,
    minutes: float | None,
    seed: int | None,
    warnings: tuple[str, ...] | list[str] = (),
) -> str:
    """The line above the exam: name, size, time limit, exam number and warnings."""
    limit = f"{points_text(minutes)} minuten" if minutes else "geen tijdslimiet"
    number = f" · examen {seed}" if seed is not None else ""
    notes = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
    extra = f'<ul style="color:#8a5a00">{notes}</ul>' if notes else ""
    return (
        f'<div class="salesbook-examen-kop"><strong>{html.escape(name)}</strong> · '
        f"{questions} {unit} · {limit}{number}</div>{extra}"
    )


def intro_markdown(blueprint: Blueprint, minutes: float | None, seed: int | None) -> str:
    """The exam before its start, as Markdown (deterministic: no times, no random text)."""
    limit = f"{points_text(minutes)} minuten" if minutes else "geen tijdslimiet"
    unit = "punten" if blueprint.by_points else "vragen"
    drawn = f"examen {seed}" if seed is not None else "een nieuwe trekking bij elke start"
    return (
        f"**{blueprint.name}** · {blueprint.size} {unit} · {limit} · {drawn}\n\n"
        "Klik op **Start proefexamen** om te beginnen. Je ziet pas na het inleveren of je "
        "antwoorden goed waren. Zie je geen knoppen? Open dit notebook in JupyterLab."
    )


def _row(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag} {CELL}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _group_rows(groups: tuple[GroupScore, ...], link: dict[str, str] | None = None) -> str:
    rows = []
    for group in groups:
        label = html.escape(group.label)
        if link and group.key in link:
            label = f'<a href="{html.escape(link[group.key])}" target="_blank">{label}</a>'
        share = format_percentage(group.share, 0) if group.max_score else "–"
        points = f"{points_text(group.score)} van {points_text(group.max_score)}"
        rows.append(_row([label, f"{group.correct} van {group.questions}", points, share]))
    return "".join(rows)


def section_links(course: Course, result: ExamResult) -> dict[str, str]:
    """Leerdoel id → relative link to its section in the chapter notebook."""
    links = {}
    for group in result.per_leerdoel:
        goal = course.leerdoel(group.key)
        chapter = int(group.key[1])
        if chapter in NOTEBOOKS:
            links[group.key] = f"{NOTEBOOKS[chapter]}#{goal.section}"
    return links


def result_html(result: ExamResult, course: Course, notes: list[str] | None = None) -> str:
    """Score, tables per chapter and per leerdoel, and how to read the review below."""
    share = format_percentage(result.share, 0)
    verdict = "voldoende" if result.share >= PASS_MARK else "nog onvoldoende"
    minutes = max(1, round(result.duration_seconds / 60))
    expired = " De tijd was om: je examen is automatisch ingeleverd." if result.expired else ""
    head = (
        f"<h3>Resultaat</h3><p><strong>Je score: {points_text(result.score)} van "
        f"{points_text(result.max_score)} punten ({share}, {verdict}; voldoende vanaf "
        f"{format_percentage(PASS_MARK, 0)}).</strong> Tijd: {minutes} min.{expired}</p>"
    )
    columns = ["Vragen goed", "Punten", "Score"]
    chapters = (
        f"<table {TABLE}>{_row(['Hoofdstuk', *columns], 'th')}"
        f"{_group_rows(result.per_chapter)}</table>"
    )
    goals = (
        f"<table {TABLE}>{_row(['Leerdoel (klik om te oefenen)', *columns], 'th')}"
        f"{_group_rows(result.per_leerdoel, section_links(course, result))}</table>"
    )
    extra = "".join(f'<p style="color:#8a5a00">{html.escape(n)}</p>' for n in notes or [])
    return (
        f'<div class="salesbook-examen-resultaat">{head}{chapters}{goals}{extra}'
        "<p>Bij elke vraag hieronder zie je nu of je antwoord goed was, met uitleg; de "
        "uitwerking staat onder <em>Toon uitwerking</em>.</p></div>"
    )


def review_html(item: ItemResult) -> str:
    """The review beside one question: status, your answer, the key and the feedback."""
    outcome, question = item.outcome, item.question
    icon, label, colour = STATUS_LOOK[outcome.status]
    if item.auto_scored:
        noun = "punt" if outcome.max_score == 1 else "punten"
        score = f"{points_text(outcome.score)} van {points_text(outcome.max_score)} {noun}"
    else:
        score = "open vraag, niet automatisch nagekeken"
    parts = [
        f"**Jouw antwoord:** {describe_response(question, item.response)}",
        f"**Juist antwoord:** {correct_answer(question)}",
    ]
    if item.response is not None and item.auto_scored:
        parts.append(outcome.feedback)
    slug = outcome.status.replace(" ", "-")
    return (
        f'<div class="salesbook-feedback-blok salesbook-status-{slug}" role="status" '
        f'style="border-left:5px solid {colour};padding:4px 10px;margin:4px 0;'
        f'background:#f8f8f8;color:#222"><strong>{icon} {label} · {score}</strong>'
        f"{to_html(BLANK.join(parts))}</div>"
    )
