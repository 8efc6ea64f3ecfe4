"""Printable mock exam and answer key: questions without key, key only in its own page, safe."""

from __future__ import annotations

import re

import pytest
from exam_helpers import blueprint, choice, numeric, open_question

from salesbook.exam.blueprint import load_blueprint
from salesbook.exam.htmltext import markdown_html, math_to_html
from salesbook.exam.printable import exam_pages, shown_order
from salesbook.quiz import Bank, Course, load_course

HOSTILE = "<script>alert('x')</script>"
IMAGE = '<img src=x onerror="alert(1)">'


def _hostile_course() -> Course:
    base = {"version": 1, "difficulty": 1, "source": "test", "hints": ["Hint."]}
    questions = [
        choice("h1.a.01", "h1.a", prompt=f"Wat klopt? {HOSTILE} **vet**"),
        {
            **choice("h1.a.02", "h1.a"),
            "options": [
                {"text": IMAGE, "correct": True, "feedback": "Goed."},
                {"text": "Ander", "correct": False, "feedback": "Fout."},
            ],
            "solution": "Zie [deze site](https://voorbeeld.nl/x) en [klik](javascript:alert(1)).",
        },
        numeric("h1.a.03", "h1.a", 1250),
        {
            **base,
            "id": "h1.a.04",
            "type": "ordering",
            "leerdoel": "h1.a",
            "points": 2,
            "prompt": "Zet in volgorde.",
            "solution": "Eerste, tweede, derde.",
            "items": ["Eerste", "Tweede", "Derde", "Vierde"],
            "feedback": "Zo hoort het.",
        },
        {
            **base,
            "id": "h1.a.05",
            "type": "matching",
            "leerdoel": "h1.a",
            "points": 3,
            "prompt": "Koppel.",
            "solution": "Zo koppel je.",
            "pairs": [
                {"left": "DESTEP", "right": "Macro-omgeving", "feedback": "Ja."},
                {"left": "SPIN", "right": "Vragen stellen", "feedback": "Ja."},
                {"left": "Franke", "right": "Omvang buitendienst", "feedback": "Ja."},
            ],
        },
        {
            **base,
            "id": "h1.a.06",
            "type": "classification",
            "leerdoel": "h1.a",
            "points": 2,
            "prompt": "Deel in.",
            "solution": "Zo deel je in.",
            "categories": ["Routine", "Hefboom"],
            "items": [
                {"text": "Kantoorpapier & toner", "category": "Routine", "feedback": "Ja."},
                {"text": "Koperbuis", "category": "Hefboom", "feedback": "Ja."},
            ],
        },
        open_question("h1.a.07", "h1.a"),
    ]
    bank = Bank.model_validate(
        {
            "schema_version": 1,
            "chapter": 1,
            "title": "Hoofdstuk <b>een</b>",
            "leerdoelen": [{"id": "h1.a", "text": "Leerdoel.", "section": "a"}],
            "questions": questions,
        }
    )
    return Course({1: bank})


COURSE = _hostile_course()
PLAN = blueprint(
    "  1: {weight: 1}\n",
    "questions: 7\ntypes: [single_choice, numeric, ordering, matching, classification, open]",
)
PAGES = exam_pages(COURSE, PLAN, 11)


def test_the_exam_page_has_every_question_and_no_answers():
    page = PAGES.questions_html
    assert [item.question_id for item in PAGES.exam.items] == [f"h1.a.0{n}" for n in range(1, 8)]
    for number in range(1, 8):
        assert f'id="vraag-{number}"' in page
    assert "Zet in volgorde." in page and "Koppel." in page and "Deel in." in page
    assert "Examen 11 · 7 vragen · 13 punten · 30 minuten" in page
    for secret in ("Uitwerking van h1.a.01", "Antwoordmodel", "1.250", "Een goed antwoord.",
                   "Zo koppel je.", "correct"):  # fmt: skip
        assert secret not in page
    # ordering items are shown shuffled, matching rights with letters in a shuffled order
    shown = shown_order(["Eerste", "Tweede", "Derde", "Vierde"], 11, "h1.a.04")
    assert shown != ["Eerste", "Tweede", "Derde", "Vierde"]
    positions = [page.index(f"</span>{item}</li>") for item in shown]
    assert positions == sorted(positions)


def test_the_answer_key_page_has_answers_and_solutions():
    key = PAGES.key_html
    assert "Antwoordmodel · Testexamen" in key and "alleen voor de docent" in key
    assert "Uitwerking van h1.a.01." in key
    assert "€ 1.250,00 (goed binnen ± € 0,50)" in key
    assert "Een goed antwoord." in key and "Uitleg (2 p.)" in key
    rights = shown_order(["Macro-omgeving", "Vragen stellen", "Omvang buitendienst"], 11, "h1.a.05")
    letter = "ABC"[rights.index("Macro-omgeving")]
    assert f"DESTEP → <strong>{letter}</strong> (Macro-omgeving)" in key
    assert "Kantoorpapier &amp; toner: <strong>Routine</strong>" in key
    assert "&amp;amp;" not in key  # escaped once, not twice


def test_hostile_text_is_escaped_and_nothing_is_loaded_from_outside():
    for page in (PAGES.questions_html, PAGES.key_html):
        assert "<script" not in page and "<img" not in page
        assert 'onerror="' not in page
        assert "javascript:" not in page.split("<style>")[0]
        assert not re.search(r"<[^>]*\b(src|href)\s*=", page)  # no attribute loads anything
        assert "@import" not in page and "url(" not in page and "<link" not in page
        assert "@media print" in page
        assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in PAGES.questions_html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in PAGES.questions_html
    # links are printed as text with the address
    assert 'deze site <span class="adres">(https://voorbeeld.nl/x)</span>' in PAGES.key_html


def test_the_same_seed_gives_the_same_pages():
    again = exam_pages(COURSE, PLAN, 11)
    assert again.questions_html == PAGES.questions_html and again.key_html == PAGES.key_html
    real = load_course()
    default = load_blueprint()
    first, second = exam_pages(real, default, 1), exam_pages(real, default, 2)
    assert first.questions_html != second.questions_html
    assert first.exam.seed == 1 and len(first.exam.items) == 30
    assert "Examen 1 · 30 vragen" in first.questions_html


@pytest.mark.parametrize(
    ("tex", "html"),
    [
        (r"\bar{x} = 3", "x\u0304 = 3"),
        (r"F_{jul} = 2 \cdot 151", "F<sub>jul</sub> = 2 · 151"),
        (r"\sum (x - \bar{x})^2 \approx 134{,}2", "Σ (x - x\u0304)<sup>2</sup> ≈ 134,2"),
        (r"a < b", "a &lt; b"),
    ],
)
def test_simple_formulas_become_text(tex, html):
    assert math_to_html(tex) == html


def test_markdown_with_a_formula_and_raw_html():
    assert markdown_html(r"Dus $\bar{y} = 5$ <b>x</b>") == (
        '<p>Dus <span class="formule">y\u0304 = 5</span> &lt;b&gt;x&lt;/b&gt;</p>'
    )
