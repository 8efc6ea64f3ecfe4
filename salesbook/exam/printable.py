"""A printable mock exam and its separate answer key, as offline HTML pages.

``exam_pages(course, blueprint, seed)`` draws the exam of ``seed`` (same seed → same pages)
and returns two complete HTML documents: the exam for students (questions and room to answer,
no answers) and the answer key for the teacher (per question the correct answer, points and
worked solution). Both pages have inline CSS with print rules (``@media print``), load nothing
from outside and escape every text from the banks. They contain no date, so the same seed and
banks always give the same files.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

from salesbook.exam.answers import LETTERS, numeric_key, points_text
from salesbook.exam.blueprint import Blueprint
from salesbook.exam.htmltext import markdown_html, text_html
from salesbook.exam.sampling import Exam, draw_exam
from salesbook.quiz import Course, Question

STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: .2em; }
h2 { font-size: 12pt; margin: 0 0 .4em; }
.kop { border-bottom: 2px solid #111; margin-bottom: 1.2em; padding-bottom: .6em; }
.invul { display: flex; gap: 2em; margin-top: .8em; }
.invul span { flex: 1; border-bottom: 1px solid #111; padding-top: 1.2em; }
.vraag { border-top: 1px solid #bbb; padding: .8em 0; break-inside: avoid; }
.punten, .id { color: #444; font-weight: normal; }
.keuzes { list-style: none; padding-left: 0; }
.keuzes li::before { content: "\\2610\\00a0"; }
.lijn { border-bottom: 1px solid #777; height: 1.8em; }
.vak { display: inline-block; min-width: 2.2em; border-bottom: 1px solid #111; margin-right: .5em; }
.antwoord { background: #f3f3f3; border-left: 4px solid #0072B2; padding: .3em .8em; }
.adres { color: #444; }
.let-op { border: 1px solid #E69F00; padding: .4em .8em; }
table { border-collapse: collapse; margin: .4em 0; }
th, td { border: 1px solid #999; padding: .2em .5em; text-align: left; }
footer { margin-top: 2em; color: #555; font-size: 9pt; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .vraag { page-break-inside: avoid; }
  .antwoord { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


@dataclass(frozen=True)
class ExamPages:
    """The two pages of a printable exam (complete HTML documents)."""

    exam: Exam
    questions_html: str
    key_html: str


def shown_order(items: list[str], seed: int, question_id: str) -> list[str]:
    """A fixed shuffle of ``items`` for this exam and question (never the original order)."""
    order = list(items)
    random.Random(f"{seed}|{question_id}").shuffle(order)
    if order == items and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _noun(points: float) -> str:
    return "punt" if points == 1 else "punten"


def _answer_area(question: Question, seed: int) -> str:
    """Room to answer, per question type (no answers in it)."""
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        how = "Kies één antwoord." if kind == "single_choice" else "Kies alle juiste antwoorden."
        if how.rstrip(".").casefold() in question.prompt.casefold():
            how = ""  # the prompt says it already
        options = "".join(
            f"<li><strong>{LETTERS[i]}.</strong> {text_html(o.text)}</li>"
            for i, o in enumerate(question.options)
        )
        intro = f"<p><em>{how}</em></p>" if how else ""
        return f'{intro}<ul class="keuzes">{options}</ul>'
    if kind == "numeric":
        unit = f" {text_html(question.unit)}" if question.unit else ""
        return f'<p>Antwoord: <span class="vak" style="min-width:10em">&nbsp;</span>{unit}</p>'
    if kind == "ordering":
        items = "".join(
            f'<li><span class="vak">&nbsp;</span>{text_html(item)}</li>'
            for item in shown_order(list(question.items), seed, question.id)
        )
        return (
            "<p><em>Zet de onderdelen in de juiste volgorde: schrijf 1, 2, 3, … in de vakjes."
            f'</em></p><ul class="keuzes" style="list-style:none">{items}</ul>'
        )
    if kind == "matching":
        rights = shown_order([p.right for p in question.pairs], seed, question.id)
        lefts = "".join(
            f'<li><span class="vak">&nbsp;</span>{text_html(p.left)}</li>' for p in question.pairs
        )
        choices = "".join(
            f"<li><strong>{LETTERS[i]}.</strong> {text_html(r)}</li>" for i, r in enumerate(rights)
        )
        return (
            "<p><em>Schrijf bij elk onderdeel de letter van wat erbij hoort.</em></p>"
            f"<ul>{lefts}</ul><p>Kies uit:</p><ul>{choices}</ul>"
        )
    if kind == "classification":
        items = "".join(
            f'<li>{text_html(item.text)}: <span class="vak" style="min-width:8em">&nbsp;</span>'
            "</li>"
            for item in question.items
        )
        categories = "; ".join(text_html(c) for c in question.categories)
        return (
            f"<p><em>Schrijf bij elk onderdeel de categorie.</em> Categorieën: {categories}.</p>"
            f"<ul>{items}</ul>"
        )
    return '<div class="lijn"></div>' * 8


def _choice_key(question: Question) -> str:
    lines = "".join(
        f"<li><strong>{LETTERS[i]}.</strong> {text_html(question.options[i].text)}</li>"
        for i in question.correct_indices
    )
    return f"<ul>{lines}</ul>"


def _classification_key(question: Question) -> str:
    lines = "".join(
        f"<li>{text_html(item.text)}: <strong>{text_html(item.category)}</strong></li>"
        for item in question.items
    )
    return f"<ul>{lines}</ul>"


def _open_key(question: Question) -> str:
    rubric = "".join(
        f"<li>{text_html(c.criterion)} ({points_text(c.points)} p.)</li>" for c in question.rubric
    )
    return f"{markdown_html(question.model_answer)}<p>Beoordeling:</p><ul>{rubric}</ul>"


def _key(question: Question, seed: int) -> str:
    """The correct answer of one question as HTML (letters as on the exam page)."""
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        return _choice_key(question)
    if kind == "matching":
        return _matching_key(question, seed)
    if kind == "ordering":
        return _ordering_key(question, seed)
    if kind == "classification":
        return _classification_key(question)
    if kind == "open":
        return _open_key(question)
    return f"<p>{text_html(numeric_key(question))}</p>"


def _matching_key(question: Question, seed: int) -> str:
    rights = shown_order([p.right for p in question.pairs], seed, question.id)
    lines = "".join(
        f"<li>{text_html(p.left)} → <strong>{LETTERS[rights.index(p.right)]}</strong> "
        f"({text_html(p.right)})</li>"
        for p in question.pairs
    )
    return f"<ul>{lines}</ul>"


def _ordering_key(question: Question, seed: int) -> str:
    shown = shown_order(list(question.items), seed, question.id)
    position = {item: n for n, item in enumerate(question.items, start=1)}
    lines = "".join(
        f"<li><strong>{position[item]}</strong> {text_html(item)}</li>" for item in shown
    )
    return f"<p>In de volgorde op het examen:</p><ul>{lines}</ul>"


def _questions_page(exam: Exam, questions: list[Question]) -> str:
    minutes = (
        f"{exam.time_limit_minutes} minuten" if exam.time_limit_minutes else "geen tijdslimiet"
    )
    head = (
        f'<header class="kop"><h1>{html.escape(exam.name)}</h1>'
        f"<div>Examen {exam.seed} · {len(questions)} vragen · "
        f"{points_text(exam.total_points)} {_noun(exam.total_points)} · {minutes}</div>"
        '<div class="invul"><span>Naam:</span><span>Studentnummer:</span></div></header>'
        "<p>Beantwoord alle vragen op dit blad. Bij rekenvragen noteer je ook je berekening "
        "ernaast; een rekenmachine mag.</p>"
    )
    blocks = []
    for number, (item, question) in enumerate(zip(exam.items, questions, strict=True), start=1):
        blocks.append(
            f'<section class="vraag" id="vraag-{number}"><h2>Vraag {number} '
            f'<span class="punten">({points_text(item.points)} {_noun(item.points)})</span></h2>'
            f"{markdown_html(question.prompt)}{_answer_area(question, exam.seed)}</section>"
        )
    foot = f"<footer>Proefexamen {exam.seed} · gemaakt met salesbook</footer>"
    return _document(f"{exam.name} · examen {exam.seed}", head + "".join(blocks) + foot)


def _key_page(exam: Exam, questions: list[Question]) -> str:
    head = (
        f'<header class="kop"><h1>Antwoordmodel · {html.escape(exam.name)}</h1>'
        f"<div>Examen {exam.seed} · alleen voor de docent · totaal "
        f"{points_text(exam.total_points)} {_noun(exam.total_points)}</div></header>"
    )
    if exam.warnings:
        notes = "".join(f"<li>{text_html(w)}</li>" for w in exam.warnings)
        head += f'<div class="let-op"><strong>Let op</strong><ul>{notes}</ul></div>'
    rows = []
    for number, (item, question) in enumerate(zip(exam.items, questions, strict=True), start=1):
        key = _key(question, exam.seed)
        rows.append(
            f'<section class="vraag" id="antwoord-{number}"><h2>Vraag {number} '
            f'<span class="id">· {html.escape(question.id)} · {points_text(item.points)} '
            f"{_noun(item.points)}</span></h2>"
            f'<div class="antwoord"><strong>Antwoord</strong>{key}</div>'
            f"<details open><summary>Uitwerking</summary>{markdown_html(question.solution)}"
            "</details></section>"
        )
    foot = f"<footer>Antwoordmodel bij proefexamen {exam.seed} · gemaakt met salesbook</footer>"
    return _document(f"Antwoordmodel · examen {exam.seed}", head + "".join(rows) + foot)


def exam_pages(course: Course, blueprint: Blueprint, seed: int) -> ExamPages:
    """Draw the exam of ``seed`` and render the exam page and the answer-key page."""
    exam = draw_exam(course, blueprint, seed)
    questions = [item.question(course) for item in exam.items]
    return ExamPages(exam, _questions_page(exam, questions), _key_page(exam, questions))
