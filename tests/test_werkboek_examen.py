"""The exam training through the workbook: ``wb.start(hoofdstuk=7)`` and ``wb.proefexamen()`` & co.

The wrappers must use the session of ``wb.start``: its student number, variant seed and answer
store (exam history and flashcards in ``examentraining`` next to the store). The conftest's
default store is another folder, so a wrapper that ignored the session would write there.
Widgets are driven through their callbacks (``button.click()``); no countdown thread runs
(``tijdslimiet=0``).
"""

from __future__ import annotations

import re

import pytest

from salesbook import werkboek
from salesbook.exam.errors import ExamError
from salesbook.exceptions import SalesbookError

MINI_BLUEPRINT = """\
schema_version: 1
name: Mini-examen
questions: 3
time_limit_minutes: 10
types: [single_choice]
chapters:
  1:
    weight: 1
"""


@pytest.fixture
def store(tmp_path):
    return tmp_path / "antwoorden"


def begin(store, **kwargs):
    werkboek.start(**{"hoofdstuk": 7, "studentnummer": "123456", "opslag": store, **kwargs})
    return werkboek


def _row(text: str, key: str) -> str:
    """The table line of one leerdoel in a mastery report."""
    return next(line for line in text.splitlines() if line.startswith(f"| [{key}]"))


@pytest.mark.parametrize(
    "call",
    [
        lambda wb: wb.proefexamen(),
        lambda wb: wb.examengeschiedenis(),
        lambda wb: wb.flashcards(),
        lambda wb: wb.flashcardstatistiek(),
        lambda wb: wb.beheersing(),
    ],
    ids=["proefexamen", "examengeschiedenis", "flashcards", "flashcardstatistiek", "beheersing"],
)
def test_exam_calls_before_start_explain_what_to_do(screen, call):
    with pytest.raises(SalesbookError, match=r"Voer eerst de cel bovenaan uit met\s+wb\.start"):
        call(werkboek)


def test_the_wrappers_are_part_of_the_student_api():
    names = ("proefexamen", "examengeschiedenis", "flashcards", "flashcardstatistiek")
    assert set(names) | {"beheersing"} <= set(werkboek.__all__)


def test_chapter_7_starts_without_a_bank_of_its_own(screen, store):
    wb = begin(store)
    assert screen.last_text == (
        "Het werkboek is gestart: Hoofdstuk 7 · Examentraining. Studentnummer: 123456."
    )
    session = wb._current()
    assert (session.chapter, session.student, session.seed) == (7, "123456", 123456)
    assert session.banks == {}
    wb.start(hoofdstuk=7, studentnummer="", opslag=store)
    assert screen.last_text.startswith("Het werkboek is gestart: Hoofdstuk 7 · Examentraining. Vul")


def test_chapter_7_shows_questions_of_any_chapter_and_progress_per_chapter(screen, store):
    wb = begin(store)
    question = wb.vraag("h2.clv.01")  # student 123456: margin € 3.250, 4 years
    question.antwoord("€ 13.000")  # 3.250 × 4 = 13.000
    report = wb.voortgang()
    assert report.title == "Jouw voortgang per hoofdstuk"
    rows = {row.key: row for row in report.rows}
    assert sorted(rows) == ["h0", "h1", "h2", "h3", "h4", "h5", "h6"]
    assert (rows["h2"].answered, rows["h1"].answered) == (1, 0)
    assert rows["h2"].score == question._run.question.points


def test_mastery_uses_the_session_student_and_seed(screen, store):
    wb = begin(store)
    wb.vraag("h2.clv.01").antwoord("€ 13.000")  # right for variant 123456 (3.250 × 4)
    # one right answer: 1 / (1 + 1) = 50% → "op weg"; quiz 1, exam 0, flashcards 0
    assert "| 50% | op weg | 1 | 0 | 0 |" in _row(wb.beheersing(2).text(), "h2.clv")

    werkboek._session = None  # kernel restart, another variant seed: other numbers
    begin(store, seed=7)
    assert "| 0% | nog niet geoefend | 0 | 0 | 0 |" in _row(wb.beheersing(2).text(), "h2.clv")

    werkboek._session = None  # same seed, but another student on this computer
    begin(store, studentnummer="654321", seed=123456)
    assert "| 0% | nog niet geoefend | 0 | 0 | 0 |" in _row(wb.beheersing(2).text(), "h2.clv")


def test_a_mock_exam_is_kept_next_to_the_session_store(screen, store, tmp_path):
    blueprint = tmp_path / "mini.yaml"
    blueprint.write_text(MINI_BLUEPRINT, encoding="utf-8")
    wb = begin(store)
    view = wb.proefexamen(seed=5, tijdslimiet=0, toetsmatrijs=blueprint)
    assert view.attempt is None  # nothing starts by itself
    assert view.text().startswith("**Mini-examen** · 3 vragen · geen tijdslimiet · examen 5")
    view.start_button.click()
    assert [v.question.leerdoel[:3] for v in view.views] == ["h1."] * 3
    for question_view in view.views:
        question_view.control.value = question_view.question.correct_indices[0]
    view.hand_in_button.click()
    result = view.attempt.result
    assert result is not None and result.score == result.max_score
    assert (tmp_path / "examentraining").is_dir()

    werkboek._session = None  # kernel restart: the history is still there
    begin(store)
    history = wb.examengeschiedenis().text()
    assert re.search(r"\| 1 \| [^|]+ \| 5 \| ([\d,]+) van \1 \| 100% \| nee \|", history), history


def test_mock_exam_arguments_are_passed_on(screen, store):
    wb = begin(store)
    view = wb.proefexamen(seed=4, tijdslimiet=20)
    assert view.minutes == 20
    assert "30 vragen · 20 minuten · examen 4" in view.text()
    assert "een nieuwe trekking bij elke start" in wb.proefexamen().text()
    with pytest.raises(ExamError, match="seed moet een geheel getal van 0 of meer"):
        wb.proefexamen(seed=-1)
    with pytest.raises(ExamError, match="tijdslimiet is een aantal minuten"):
        wb.proefexamen(tijdslimiet="lang")


def test_flashcards_and_their_statistics_use_the_session_store(screen, store, tmp_path):
    wb = begin(store)
    assert wb.flashcardstatistiek().text() == "Je hebt nog geen flashcards herhaald."
    cards = wb.flashcards(hoofdstuk=2, nieuw_per_dag=5)
    assert {card.chapter for card in cards.cards.deck} == {2}
    assert "nieuw vandaag: 5" in cards.counts.value
    cards.show_button.click()
    cards.rating_buttons["Goed"].click()
    assert "nieuw vandaag: 4" in cards.counts.value
    assert (tmp_path / "examentraining").is_dir()

    werkboek._session = None  # kernel restart
    begin(store)
    # today: Opnieuw 0, Moeilijk 0, Goed 1, Makkelijk 0, total 1
    assert "| 0 | 0 | 1 | 0 | 1 |" in wb.flashcardstatistiek().text()
    assert "nieuw vandaag: 19" in wb.flashcards().counts.value  # 20 per day, 1 used
    with pytest.raises(ExamError, match="hoofdstuk moet een geheel getal van 1 tot en met 6"):
        wb.flashcards(hoofdstuk=7)
    with pytest.raises(ExamError, match="hoofdstuk moet een geheel getal van 1 tot en met 6"):
        wb.beheersing(0)
