"""The student API: start, questions answered in code, exercises, hints, solutions, re-runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from salesbook import werkboek
from salesbook.exceptions import SalesbookError
from salesbook.quiz import MIME_TYPE, AnswerStore

TEST_BANK = Path(__file__).parent / "ui" / "testbank.yaml"


@pytest.fixture
def store(tmp_path):
    return tmp_path / "antwoorden"


def begin(store, **kwargs):
    options = {"hoofdstuk": 2, "studentnummer": "123456", "bank": TEST_BANK, "opslag": store}
    werkboek.start(**{**options, **kwargs})
    return werkboek


def test_import_is_fast_and_lazy():
    code = (
        "import sys, time; t = time.perf_counter(); from salesbook import werkboek; "
        "d = time.perf_counter() - t; "
        "names = ('pandas', 'matplotlib', 'ipywidgets', 'pydantic'); "
        "heavy = [m for m in names if m in sys.modules]; "
        "print(heavy, d)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    heavy, seconds = out.stdout.rsplit(" ", 1)
    assert heavy == "[]"
    assert float(seconds) < 0.5


def test_calls_before_start_explain_what_to_do(screen):
    with pytest.raises(SalesbookError, match=r"Voer eerst de cel bovenaan uit met\s+wb\.start"):
        werkboek.vraag("h2.keuze.01")


def test_start_welcomes_without_volatile_text(screen, store):
    begin(store)
    assert (
        screen.last_text
        == "Het werkboek is gestart: Hoofdstuk 2 · Testhoofdstuk. Studentnummer: 123456."
    )
    werkboek.start(hoofdstuk=2, studentnummer="", bank=TEST_BANK, opslag=store)
    assert "Vul bovenaan je studentnummer in" in screen.last_text


def test_start_shows_pandas_tables_in_dutch_notation(screen, store):
    import pandas as pd

    begin(store)
    try:
        table = pd.DataFrame({"omzet": [3200120.0, 270247.5], "aandeel": [0.868, 0.132]})
        shown = table.to_string()
        assert "3.200.120" in shown and "270.247,5" in shown and "0,868" in shown
    finally:
        pd.reset_option("display.float_format")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hoofdstuk": 9}, "hoofdstuk moet een getal van 0 tot en met 7 zijn"),
        ({"max_pogingen": -1}, "max_pogingen moet 0 of meer zijn"),
        ({"seed": "abc"}, "seed moet een geheel getal zijn"),
    ],
)
def test_start_rejects_bad_settings_in_dutch(screen, store, kwargs, message):
    with pytest.raises(SalesbookError, match=message):
        begin(store, **kwargs)


def test_unknown_ids_get_dutch_errors(screen, store):
    wb = begin(store)
    with pytest.raises(SalesbookError, match=r"is een leerdoel, geen vraag. Gebruik wb.vragen"):
        wb.vraag("h2.keuze")
    with pytest.raises(SalesbookError, match="geen vraag-id"):
        wb.vraag("nps")
    with pytest.raises(SalesbookError, match=r"Vraag 'h2.keuze.09' bestaat niet"):
        wb.vraag("h2.keuze.09")


def test_answer_in_code_uses_the_same_record_path_as_a_click(screen, store):
    wb = begin(store)
    v = wb.vraag("h2.keuze.01")
    v.antwoord("B")  # letter as shown in the text fallback → option index 1
    record = screen.handles[-1].bundles[-1][MIME_TYPE]
    assert record["response"] == 1 and record["attempts"] == 1
    assert screen.last_text.startswith("✘ Fout · 0 van 1 punt · poging 1")
    assert v.invoer.value == 1  # the widget follows the code answer
    assert "Nee, je telde de percentages op." in v.feedback.value
    v.antwoord("+10")  # option text
    assert screen.handles[-1].bundles[-1][MIME_TYPE]["response"] == "+10"
    assert v.uitkomst.status == "goed" and v.pogingen == 2


def test_rerun_with_same_store_shows_earlier_answer(screen, store):
    wb = begin(store)
    wb.vraag("h2.keuze.02").antwoord(["A", "B"])
    wb.vraag("h2.reken.01").antwoord("10")
    werkboek._session = None  # kernel restart
    wb = begin(store)
    assert "Ik vond 2 eerder gegeven antwoorden" in screen.last_text
    v = wb.vraag("h2.keuze.02")
    assert [box.value for box in v.invoer] == [True, True, False]
    assert "✔ Goed · 2 van 2 punten · poging 1" in v.feedback.value
    output = screen.handles[-1].bundles[0]
    assert output[MIME_TYPE]["response"] == [0, 1]
    assert output["text/plain"].startswith("Vraag h2.keuze.02 · Goed · 2 van 2 punten · poging 1")
    n = wb.vraag("h2.reken.01")
    assert n.invoer.value == "10" and not n.uitwerking_knop.disabled
    # "Run All" gives the same code answer again: no extra attempt
    n.antwoord("10")
    assert AnswerStore(store).get("h2.reken.01").attempts == 1


def test_vragen_shows_every_question_of_a_leerdoel(screen, store):
    wb = begin(store)
    shown = wb.vragen("h2.reken")
    assert [v.id for v in shown] == ["h2.reken.01", "h2.reken.02", "h2.reken.03"]
    assert len(screen.handles) == 3
    with pytest.raises(SalesbookError, match=r"Leerdoel 'h2\.nope' bestaat niet"):
        wb.vragen("h2.nope")


def test_exercise_card_and_controleer_feedback(screen, store):
    wb = begin(store)
    oef = wb.oefening("h2.reken.02")
    card = screen.shown[-2]["text/markdown"]
    assert card.startswith("**Oefening h2.reken.02** · 1 punt")
    assert "Er zijn 40 promoters" in card  # parameterised: the student's own numbers
    assert "`oef.controleer(antwoord)`" in card
    assert screen.handles[-1].bundles[0]["text/plain"] == "Vraag h2.reken.02 · nog niet beantwoord"
    oef.controleer(0.125)  # (40 − 20) / 160 = 0,125: a fraction where points are asked
    assert "Je zit er een factor 100 naast" in screen.last_text
    oef.controleer(12.5)
    assert screen.last_text.startswith("✔ Goed · 1 van 1 punt · poging 2")
    record = screen.handles[-1].bundles[-1][MIME_TYPE]
    assert record["response"] == 12.5 and record["variant_seed"] == 123456


def test_controleer_explains_a_wrong_shape_without_an_attempt(screen, store):
    pd = pytest.importorskip("pandas")
    wb = begin(store)
    oef = wb.oefening("h2.reken.01")
    oef.controleer(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))
    assert "Je gaf een DataFrame (2 rijen × 2 kolommen); verwacht wordt één getal." in (
        screen.last_text
    )
    assert oef.pogingen == 0
    oef.controleer(pd.Series([10.0], index=["nps"]))
    assert screen.last_text.startswith("✔ Goed · 1 van 1 punt · poging 1")


def test_hints_are_tiered(screen, store):
    wb = begin(store)
    oef = wb.oefening("h2.reken.01")
    oef.hint()
    assert screen.last_text == "Hint 1 van 3: Kijk naar promoters en detractors."
    oef.hint()
    assert screen.last_text.startswith("Hint 2 van 3:")
    oef.hint(3)
    assert screen.last_text == "Hint 3 van 3: 25 − 15."
    oef.hint(4)
    assert screen.last_text == "Deze vraag heeft 3 hints: kies een nummer van 1 tot en met 3."


def test_solution_is_gated_by_attempts(screen, store):
    wb = begin(store)
    oef = wb.oefening("h2.reken.01")
    oef.oplossing()
    assert screen.last_text.startswith("De uitwerking komt vrij na een goed antwoord of na 3")
    assert "(je hebt nu 0 pogingen)" in screen.last_text
    for wrong in (1, 2, 3):
        oef.controleer(wrong)
    oef.oplossing()
    assert screen.last_text == "Uitwerking\n\n25% − 15% = +10."


def test_max_pogingen_zero_shows_the_solution_at_once(screen, store):
    wb = begin(store, max_pogingen=0)
    wb.oefening("h2.reken.01").oplossing()
    assert screen.last_text.startswith("Uitwerking")
    assert not wb.vraag("h2.keuze.01").uitwerking_knop.disabled


def test_displaying_the_returned_object_again_in_the_same_cell_shows_nothing(screen, store):
    wb = begin(store)
    v = wb.vraag("h2.keuze.01")
    count = len(screen.shown)
    v._shown_in = None  # a later cell
    v._ipython_display_()
    assert len(screen.shown) == count + 1  # the question again, but no second answer output
    assert len(screen.handles) == 1


def test_voortgang_recomputes_scores_from_the_key(screen, store):
    wb = begin(store)
    wb.vraag("h2.keuze.01").antwoord("A")  # 1 of 1
    wb.vraag("h2.keuze.02").antwoord(["A"])  # 1 of 2
    wb.vraag("h2.open.01").antwoord("Aanbevelen.")  # answered, not auto-scored
    report = wb.voortgang()
    rows = {row.key: row for row in report.rows}
    assert (rows["h2.keuze"].answered, rows["h2.keuze"].score, rows["h2.keuze"].max_score) == (
        2,
        2.0,
        3.0,
    )
    assert (rows["h2.open"].answered, rows["h2.open"].max_score) == (1, 0.0)
    table = report.bundles()[1]["text/plain"]
    assert "h2.keuze: 2 van 2 beantwoord, 2 van 3 punten, score 67%" in table
    assert "Totaal: 3 van 9 beantwoord, 2 van 11 punten, score 18%" in table


def test_voortgang_per_chapter(screen, store, monkeypatch):
    import salesbook.quiz
    from salesbook.quiz import Course, load_chapter

    monkeypatch.setattr(salesbook.quiz, "load_course", lambda: Course({0: load_chapter(0)}))
    wb = begin(store)
    wb.vraag("h2.orden.02").antwoord({"DESTEP": "Macro-omgeving analyseren"})  # 1 of 2 pairs
    report = wb.voortgang(alle_hoofdstukken=True)
    assert [row.key for row in report.rows] == ["h0", "h2"]
    h2 = report.rows[1]
    assert (h2.label, h2.questions, h2.answered, h2.score, h2.max_score) == (
        "Testhoofdstuk",
        9,
        1,
        1.0,
        11.0,
    )
    assert report.rows[0].answered == 0
    assert report.bundles()[1]["text/markdown"].startswith("| Hoofdstuk | Beantwoord |")


def test_answers_of_another_student_in_the_store_are_not_shown(screen, store):
    wb = begin(store, studentnummer="111111", seed=5)
    wb.vraag("h2.keuze.01").antwoord("A")
    werkboek._session = None
    wb = begin(store, studentnummer="222222", seed=5)
    assert "eerder gegeven" not in screen.last_text
    v = wb.vraag("h2.keuze.01")
    assert v.invoer.value is None and v.pogingen == 0
    assert wb.voortgang().rows[0].answered == 0


def test_a_bank_of_another_chapter_is_refused(screen, store):
    with pytest.raises(SalesbookError, match="hoort bij hoofdstuk 2, niet bij hoofdstuk 3"):
        begin(store, hoofdstuk=3)


def test_calculator_wrappers_open_the_named_calculators():
    from salesbook import werkboek as wb

    breakeven = wb.calculator(
        "breakeven", vaste_kosten=50_000, verkoopprijs=25, variabele_kosten=15
    )
    assert "5.000" in breakeven.result.value and "€ 125.000,00" in breakeven.result.value
    assert "salesbook-calc-swot" in wb.swot_matrix().box._dom_classes
    assert "salesbook-calc-leiderschap" in wb.leiderschapsstijl_kiezer().box._dom_classes
