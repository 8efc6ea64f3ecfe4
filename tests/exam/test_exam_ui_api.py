"""Student functions, reports and the `salesbook proefexamen` command."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from salesbook.cli import main
from salesbook.exam.errors import ExamError
from salesbook.exam.flashcards import DayStats
from salesbook.exam.history import AttemptRecord
from salesbook.quiz import AnswerStore, load_course, record_answer
from salesbook.ui import exam as ex
from salesbook.ui.exam.reports import daily_report, history_report

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture
def sessie(tmp_path):
    return ex.ExamContext(student="123", store=AnswerStore(tmp_path / "antwoorden"))


def test_the_state_folder_follows_the_store(sessie, tmp_path):
    assert sessie.state_dir == tmp_path / "examentraining"
    assert ex.ExamContext(folder=tmp_path / "x").state_dir == tmp_path / "x"


def test_empty_reports_are_one_dutch_sentence(sessie):
    assert ex.examengeschiedenis(sessie=sessie).text() == (
        "Je hebt nog geen proefexamen ingeleverd. Je resultaten komen hier te staan."
    )
    assert ex.flashcardstatistiek(sessie=sessie).text() == "Je hebt nog geen flashcards herhaald."


def test_mastery_overview_with_one_right_chapter_answer(sessie):
    course = load_course()

    def first_choice(goal):
        return next(q for q in course.bank(2).questions_for(goal) if q.type == "single_choice")

    question = first_choice("h2.abc")
    sessie.store.put(record_answer(None, question, question.correct_indices[0], student="123"))
    # a right answer of another student in the same store is ignored
    other = first_choice("h2.rfm")
    sessie.store.put(record_answer(None, other, other.correct_indices[0], student="999"))
    report = ex.beheersing(2, sessie=sessie)
    text = report.text()
    assert text.startswith("[Grafiek: Beheersing per leerdoel · hoofdstuk 2]")
    # one right answer: 1 / (1 + 1) = 50% → "op weg"
    assert "| [h2.abc](02_meten_is_weten.ipynb#abc): " in report.bundles()[1]["text/markdown"]
    assert "| 50% | op weg | 1 | 0 | 0 |" in text
    assert "| 0% | nog niet geoefend | 0 | 0 | 0 |" in text
    overview = ex.beheersing(sessie=sessie).text()
    assert "| H2 · Meten is weten | 4% | 0 van 14 | 1 van 14 |" in overview
    assert "Oefen dit nog (klik om naar de uitleg in het hoofdstuk te gaan):" in overview
    assert "1. [h1.salesmanagement · " in overview  # untried, in course order


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: ex.proefexamen(seed=-1, sessie=s), "seed moet een geheel getal van 0 of meer"),
        (lambda s: ex.proefexamen(tijdslimiet="lang", sessie=s), "tijdslimiet is een aantal"),
        (lambda s: ex.flashcards(hoofdstuk=9, sessie=s), "hoofdstuk moet een geheel getal van 1"),
        (
            lambda s: ex.beheersing(0, sessie=s),
            "hoofdstuk moet een geheel getal van 1 tot en met 6",
        ),
    ],
)
def test_wrong_arguments_give_dutch_errors(sessie, call, message):
    with pytest.raises(ExamError, match=message):
        call(sessie)


def test_student_functions_return_views_that_do_not_start_by_themselves(sessie):
    view = ex.proefexamen(seed=4, tijdslimiet=20, sessie=sessie)
    assert view.attempt is None and view.minutes == 20
    assert "30 vragen · 20 minuten · examen 4" in view.text()
    cards = ex.flashcards(hoofdstuk=[1, 2], nieuw_per_dag=5, sessie=sessie)
    assert {card.chapter for card in cards.cards.deck} == {1, 2}
    assert "nieuw vandaag: 5" in cards.text()


def test_start_sets_the_student_for_later_calls(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(
        "salesbook.werkboek_session.show", lambda bundle, **kw: shown.append(bundle)
    )
    monkeypatch.setattr(ex.api, "_context", None)
    ex.start(studentnummer="123456", opslag=tmp_path / "antwoorden")
    assert shown[0]["text/plain"] == "De examentraining is gestart. Studentnummer: 123456."
    context = ex.current()
    assert (context.student, context.variant_seed) == ("123456", 123456)
    assert context.state_dir == tmp_path / "examentraining"


def test_history_and_daily_reports_with_data():
    attempt = AttemptRecord(
        name="x",
        seed=42,
        started_at=NOW - timedelta(minutes=20),
        handed_in_at=NOW,
        expired=True,
        score=12.5,
        max_score=20,
        items=[],
    )
    text = history_report([attempt], tz=UTC).text()
    assert text.startswith("[Grafiek: Jouw proefexamens]")
    assert "| 1 | 22 nov 2026 09:30 | 42 | 12,5 van 20 | 62% | ja |" in text
    stats = [DayStats(date(2026, 11, 22), {"Opnieuw": 2, "Moeilijk": 0, "Goed": 5, "Makkelijk": 1})]
    daily = daily_report(stats).text()
    assert "| 22 nov 2026 | 2 | 0 | 5 | 1 | 8 |" in daily


def test_the_teacher_command_writes_exam_and_key(tmp_path, capsys):
    assert main(["proefexamen", "--seed", "42", "--uitvoer", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Proefexamen 42: 30 vragen, ")
    exam = (tmp_path / "uit" / "proefexamen-42.html").read_text(encoding="utf-8")
    key = (tmp_path / "uit" / "antwoorden-42.html").read_text(encoding="utf-8")
    assert "Examen 42 · 30 vragen" in exam and "Antwoordmodel" not in exam
    assert "Antwoordmodel · Proefexamen Sales- en accountmanagement" in key
    # the same seed writes the same files
    assert main(["proefexamen", "--seed", "42", "--uitvoer", str(tmp_path / "nog")]) == 0
    assert (tmp_path / "nog" / "proefexamen-42.html").read_text(encoding="utf-8") == exam


def test_the_teacher_command_reports_a_broken_blueprint(tmp_path, capsys):
    broken = tmp_path / "mijn.yaml"
    broken.write_text("schema_version: 1\nname: x\nquestions: 5\nchapters: {}\n", encoding="utf-8")
    code = main(
        ["proefexamen", "--seed", "1", "--toetsmatrijs", str(broken), "--uitvoer", str(tmp_path)]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: De toetsmatrijs mijn.yaml klopt niet (1 probleem):")
    assert "mijn.yaml, veld chapters: moet minstens 1 onderdelen hebben (nu 0) (regel 4)" in err
