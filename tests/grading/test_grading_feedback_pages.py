"""Feedback pages: content per question, mastery per leerdoel, escaped hostile input, offline."""

from __future__ import annotations

import re

import pytest
from grading_helpers import HOSTILE

from salesbook.quiz import load_chapter

pytestmark = pytest.mark.slow


def _page(output, name):
    return (output / "feedback" / name).read_text(encoding="utf-8")


def _article(page, question_id):
    start = page.index(f'id="{question_id}"')
    return page[start : page.index("</article>", start)]


def test_partial_student_sees_every_question_with_answer_key_and_points(graded):
    _, output = graded
    page = _page(output, "100002.html")
    assert "<title>Feedback 100002</title>" in page
    assert "Punten: <b>43</b> van 144 (29,9%) · cijfer <b>3,4</b> · 6 op 20" in page
    assert "nog 4 open vragen na te kijken: dit cijfer is voorlopig" in page
    bank = load_chapter(1)
    assert page.count('<article class="vraag') == len(bank.questions) == 68
    right = _article(page, "h1.salesmanagement.01")
    assert "✔ Goed · 1 van 1 punt" in right
    wrong = _article(page, "h1.salesmanagement.02")
    question = bank.question("h1.salesmanagement.02")
    assert "✘ Fout · 0 van 2 punten" in wrong
    for index in question.correct_indices:  # the right answer is shown
        assert question.options[index].text.split(" ")[0] in wrong
    assert "Jouw antwoord:" in wrong and "Goed antwoord:" in wrong
    skipped = _article(page, "h1.salesmanagement.03")
    assert "– Niet beantwoord · 0 van 2 punten" in skipped
    assert "(geen antwoord)" in skipped
    open_answer = _article(page, "h1.crm.07")
    assert "✉ Nog na te kijken door je docent · ? van 5 punten" in open_answer


def test_mastery_per_leerdoel(graded):
    _, output = graded
    page = _page(output, "100002.html")
    # salesmanagement: .01 right (1), .02 wrong (2), .03 skipped (2), .04 right (2), .05 wrong (2)
    row = re.search(r"<td>salesmanagement</td><td>.*?</td>(.*?)</tr>", page).group(1)
    assert "3 van 9" in row and "33%" in row
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page
    assert "Beheersing per leerdoel, hoofdstuk 1" in page


def test_hostile_input_is_escaped_and_the_page_is_offline(graded):
    _, output = graded
    for name in ("100002.html", "HYPERLINK_x.html"):
        page = _page(output, name)
        assert "<script" not in page.lower()
        assert " src=" not in page and "<link" not in page and "@import" not in page
        assert "<iframe" not in page and "javascript:" not in page
    page = _page(output, "100002.html")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "**vet**" in page  # student Markdown is shown literally, never formatted
    assert HOSTILE.split(" ")[0] not in page
    formula = _page(output, "HYPERLINK_x.html")
    assert "Feedback voor =HYPERLINK(&quot;x&quot;)" in formula


def test_changed_key_is_explained_to_the_student(graded):
    _, output = graded
    page = _page(output, "100005.html")
    changed = _article(page, "h1.omgeving.03")
    assert "✔ Goed · 2 van 2 punten" in changed
    assert "Deze vraag is veranderd nadat je antwoordde" in changed


def test_one_page_per_graded_student(graded):
    _, output = graded
    pages = sorted(p.name for p in (output / "feedback").iterdir())
    assert pages == ["100001.html", "100002.html", "100004.html", "100005.html", "HYPERLINK_x.html"]
