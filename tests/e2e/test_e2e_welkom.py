"""The whole student → teacher path in a real JupyterLab, on the welcome notebook.

The welcome notebook has one question of every widget type. A student fills in a student
number, runs all cells, answers every question by clicking and typing (a Dutch decimal comma
included), reads the Dutch feedback, saves, restarts the kernel and runs everything again
(the answers come back, no attempt is used up), saves again, loses the local answer store
(another computer) and runs everything once more (the answers come back from the saved
notebook) and hands the file in. The teacher's ``salesbook nakijken`` then grades it.

Expected scores, by hand (``salesbook/banks/h0_welkom.yaml``, rules in ``salesbook/quiz``):

=================  =====================================================  ==========
h0.werkboek.01     first D (wrong), then A (right): 1 of 1, attempt 2      1
h0.cursus.01       A, B and E: 2 right − 1 wrong of 3 right → 1/3 × 2      0,67
h0.cursus.02       NPS typed with a decimal comma, e.g. "10,3"             1
h0.cursus.03       the right order                                         1
h0.cursus.04       4 of 5 pairs (Balanced scorecard left open): 4/5 × 2    1,6
h0.cursus.05       all 5 items in the right Kraljic quadrant               2
h0.cursus.06       open answer: handed in, for the teacher                 (0, open)
h0.data.01         code exercise, not done                                 0
=================  =====================================================  ==========

Total 7,2667 of 12 → 60,6% → mark 5,5 + 4,5 · (0,60556 − 0,55) / 0,45 = 6,06 → 6,1;
score out of 20: 12,1.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from e2e_student import (
    KRALJIC,
    NAME,
    OPEN_ANSWER,
    ORDER,
    PAIRS,
    STUDENT,
    answer_every_question,
    feedback,
    grade,
    start,
)
from playwright.sync_api import expect

from salesbook.quiz.reader import read_answer_records

pytestmark = pytest.mark.slow


def expected_responses(typed: str) -> dict:
    return {
        "h0.werkboek.01": 0,
        "h0.cursus.01": [0, 1, 4],
        "h0.cursus.02": typed,
        "h0.cursus.03": ORDER,
        "h0.cursus.04": PAIRS,
        "h0.cursus.05": KRALJIC,
        "h0.cursus.06": OPEN_ANSWER,
    }


def assert_saved_answers(path: Path, typed: str) -> None:
    saved = read_answer_records(path)
    assert saved.problems == []
    assert (saved.student, saved.seed, saved.chapter) == (STUDENT, int(STUDENT), 0)
    responses = {qid: record.response for qid, record in saved.records.items()}
    assert responses == expected_responses(typed)
    attempts = {qid: record.attempts for qid, record in saved.records.items()}
    assert attempts == {qid: 2 if qid == "h0.werkboek.01" else 1 for qid in responses}
    assert {record.student for record in saved.records.values()} == {STUDENT}


def assert_answers_shown_again(notebook, typed: str) -> None:
    """After a restart and Run All: start line, answer outputs and filled-in widgets."""
    expect(notebook.notebook.get_by_text("Ik vond 7 eerder gegeven antwoorden")).to_be_visible()
    expect(notebook.answer_output("h0.cursus.02")).to_contain_text(f"Jouw antwoord: {typed}")
    expect(notebook.answer_output("h0.werkboek.01")).to_contain_text(
        "Goed · 1 van 1 punt · poging 2"
    )
    expect(notebook.answer_output("h0.cursus.04")).to_contain_text("Deels goed · 1,6 van 2 punten")
    single = notebook.question("h0.werkboek.01")
    expect(single.get_by_role("radio", name=re.compile(r"^A\. "))).to_be_checked()
    expect(feedback(notebook, "h0.werkboek.01")).to_contain_text("✔ Goed · 1 van 1 punt · poging 2")
    multiple = notebook.question("h0.cursus.01")
    for option, checked in zip("ABCDE", (True, True, False, False, True), strict=True):
        box = multiple.get_by_role("checkbox", name=re.compile(rf"^{option}\. "))
        expect(box).to_be_checked(checked=checked)
    numeric = notebook.question("h0.cursus.02").get_by_role("textbox", name="Antwoord")
    expect(numeric).to_have_value(typed)
    places = notebook.question("h0.cursus.03").locator("select")
    for place, item in enumerate(ORDER):
        expect(places.nth(place)).to_have_value(item)
    matching = notebook.question("h0.cursus.04")
    for left, right in PAIRS.items():
        expect(matching.locator(f'select[title="{left}"] option:checked')).to_have_text(right)
    open_pair = matching.locator('select[title="Balanced scorecard"]')
    expect(open_pair).to_have_value(re.compile(r"^(|– kies –)$"))  # nothing chosen
    for item, category in KRALJIC.items():
        select = notebook.question("h0.cursus.05").locator(f'select[title="{item}"]')
        expect(select.locator("option:checked")).to_have_text(category)
    expect(notebook.question("h0.cursus.06").locator("textarea")).to_have_value(OPEN_ANSWER)


def test_student_answers_saves_restarts_and_is_graded(open_notebook, lab_server, tmp_path):
    notebook = open_notebook(NAME)
    start(notebook)
    assert notebook.problems() == []
    expect(notebook.notebook.get_by_text(f"Studentnummer: {STUDENT}.")).to_be_visible()

    typed = answer_every_question(notebook)
    expect(notebook.answer_output("h0.cursus.02")).to_contain_text(
        "Vraag h0.cursus.02 · Goed · 1 van 1 punt · poging 1"
    )
    notebook.save()
    assert_saved_answers(notebook.saved_path, typed)

    notebook.restart_and_run_all()
    assert notebook.problems() == []
    assert_answers_shown_again(notebook, typed)
    notebook.save()
    assert_saved_answers(notebook.saved_path, typed)  # Run All used no attempt

    # Another computer (or a wiped answer store): wb.start restores the answers from the saved
    # notebook before the question cells run, so Run All does not erase them.
    shutil.rmtree(lab_server.store)
    notebook.restart_and_run_all()
    assert notebook.problems() == []
    restored = re.compile(r"\d+ antwoorden uit het bewaarde notebook teruggezet\.")
    expect(notebook.notebook.get_by_text(restored)).to_be_visible()
    assert_answers_shown_again(notebook, typed)
    notebook.save()
    assert_saved_answers(notebook.saved_path, typed)

    row, output = grade(notebook.saved_path, tmp_path)

    def number(column: str) -> float:  # the CSV is for Dutch Excel: decimal comma
        return float(row[column].replace(",", "."))

    assert number("H0 punten") == pytest.approx(7.27)
    assert number("H0 maximum") == 12
    assert number("H0 %") == pytest.approx(60.6)
    assert number("H0 cijfer") == pytest.approx(6.1)
    assert number("H0 op 20") == pytest.approx(12.1)
    assert number("Nog na te kijken") == 1
    assert number("Problemen") == 0

    page = notebook.page.context.new_page()  # the student's feedback page, offline
    page.goto((output / "feedback" / f"{STUDENT}.html").as_uri())
    expect(page.get_by_role("heading", name=f"Feedback voor {STUDENT}")).to_be_visible()
    expect(page.locator("body")).to_contain_text("7,27 van 12 (60,6%) · cijfer 6,1")
    expect(page.locator("body")).to_contain_text(f"Jouw antwoord: {typed}")
