"""Answers saved in a notebook file go back into the local answer store (wb.start, wb.herstel).

The scenario: a student answers on the school's JupyterHub, downloads the saved .ipynb and
opens it at home with an empty answer store. The records are in the notebook's outputs; the
workbook must put them back into the store before the question cells re-render, otherwise
"Run All" shows "nog niet beantwoord" and the next save loses the answers.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import IPython
import IPython.display
import nbformat
import papermill
import pytest

from salesbook import werkboek, werkboek_herstel
from salesbook.exceptions import NotebookError, SalesbookError
from salesbook.quiz import (
    MIME_TYPE,
    AnswerRecord,
    AnswerStore,
    load_bank,
    read_answer_records,
    record_answer,
)
from salesbook.quiz.variants import instantiate
from salesbook.werkboek_herstel import notebook_file
from salesbook.werkboek_herstel_plan import RestoreReport, decide, plan_restore, replaces

TEST_BANK = Path(__file__).parent / "ui" / "testbank.yaml"
BANK = load_bank(TEST_BANK)
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def answered(
    qid: str,
    *responses: object,
    student: str | None = "123456",
    seed: int | None = 123456,
    start: datetime = MONDAY,
) -> AnswerRecord:
    """The record after answering ``responses`` one minute apart (the real record path)."""
    question = instantiate(BANK.question(qid), seed)
    record = None
    for minute, response in enumerate(responses):
        record = record_answer(
            record, question, response, student=student, now=start + timedelta(minutes=minute)
        )
    assert record is not None
    return record


def write_notebook(path: Path, records: list[AnswerRecord], studentnummer: str = "123456") -> Path:
    """A saved chapter notebook: parameters, setup and one question cell per record."""
    parameters = nbformat.v4.new_code_cell(f'studentnummer = "{studentnummer}"\nseed = None')
    parameters.metadata["tags"] = ["parameters"]
    cells = [parameters, nbformat.v4.new_code_cell("wb.start(hoofdstuk=2, studentnummer=…)")]
    for record in records:
        cell = nbformat.v4.new_code_cell(f'wb.vraag("{record.question_id}")')
        cell.outputs = [
            nbformat.v4.new_output(
                "display_data",
                data={
                    "text/markdown": f"**Vraag {record.question_id}**",
                    MIME_TYPE: record.to_json(),
                },
            )
        ]
        cells.append(cell)
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


# --- the merge rule -------------------------------------------------------------------------


def test_a_record_replaces_nothing_more_attempts_or_the_same_attempts_later():
    once = answered("h2.keuze.01", 1)
    twice = answered("h2.keuze.01", 1, 0)
    later = answered("h2.keuze.01", 1, start=MONDAY + timedelta(days=1))
    assert replaces(once, None)
    assert replaces(twice, once)  # 2 attempts (9:01) over 1 attempt (9:00)
    assert replaces(later, once)  # both 1 attempt, Tuesday over Monday
    assert not replaces(once, twice)
    assert not replaces(once, later)
    assert not replaces(once, once)  # the same record: nothing to do


def test_a_newer_store_record_is_never_overwritten_even_with_fewer_attempts():
    three_on_monday = answered("h2.keuze.01", 1, 2, 0)  # last answer 9:02 on Monday
    one_on_tuesday = answered("h2.keuze.01", 0, start=MONDAY + timedelta(days=1))
    assert not replaces(three_on_monday, one_on_tuesday)  # more attempts, but older
    assert not replaces(one_on_tuesday, three_on_monday)  # newer, but fewer attempts


def test_decide_skips_other_chapter_unknown_question_student_and_seed():
    seeds = {"h2.keuze.01": None, "h2.reken.02": 123456}
    own = {"chapter": 2, "student": "123456", "expected_seeds": seeds, "current": None}
    assert decide(answered("h2.keuze.01", 0), **own) == "restored"
    assert decide(answered("h2.reken.02", 12.5), **own) == "restored"
    assert decide(answered("h2.reken.02", 12.5, seed=7), **own) == "other_seed"
    assert decide(answered("h2.keuze.01", 0, student="654321"), **own) == "other_student"
    assert decide(answered("h2.keuze.01", 0, student=None), **own) == "other_student"
    assert decide(answered("h2.keuze.02", [0, 1]), **own) == "unknown"  # not in expected_seeds
    assert decide(answered("h2.keuze.01", 0), **{**own, "chapter": 3}) == "other_chapter"
    # no student number on both sides is the same student
    anonymous = {**own, "student": None}
    assert decide(answered("h2.keuze.01", 0, student=None), **anonymous) == "restored"
    assert decide(answered("h2.keuze.01", 0), **anonymous) == "other_student"


def test_plan_compares_with_the_store_record_of_the_same_question_and_seed():
    store = {
        ("h2.keuze.01", None): answered("h2.keuze.01", 1),  # behind the notebook
        ("h2.keuze.02", None): answered("h2.keuze.02", [0, 1]),  # identical
        ("h2.reken.01", None): answered("h2.reken.01", "5", "10"),  # ahead of the notebook
    }
    notebook = [
        answered("h2.reken.01", "10"),
        answered("h2.keuze.02", [0, 1]),
        answered("h2.keuze.01", 1, 0),
        answered("h2.reken.02", 12.5),
    ]
    seeds = {"h2.keuze.01": None, "h2.keuze.02": None, "h2.reken.01": None, "h2.reken.02": 123456}
    decisions = plan_restore(
        notebook,
        chapter=2,
        student="123456",
        expected_seeds=seeds,
        lookup=lambda qid, seed: store.get((qid, seed)),
    )
    assert [(d.record.question_id, d.reason) for d in decisions] == [
        ("h2.keuze.01", "restored"),
        ("h2.keuze.02", "same"),
        ("h2.reken.01", "store_ahead"),
        ("h2.reken.02", "restored"),
    ]


def test_report_lines_only_when_something_happened():
    assert RestoreReport("x.ipynb").start_lines() == []
    one = plan_restore(
        [answered("h2.keuze.01", 0)],
        chapter=2,
        student="123456",
        expected_seeds={"h2.keuze.01": None},
        lookup=lambda qid, seed: None,
    )
    assert RestoreReport("x.ipynb", one).start_lines() == [
        "1 antwoord uit het bewaarde notebook teruggezet."
    ]
    failed = RestoreReport("x.ipynb", one, failed=["h2.keuze.01"])
    assert failed.restored == []
    assert failed.start_lines() == [
        "Let op: 1 antwoord kon niet in de lokale opslag worden teruggezet."
    ]


# --- finding the notebook file --------------------------------------------------------------


def test_notebook_file_from_session_variable_environment_or_vscode(tmp_path):
    first = write_notebook(tmp_path / "eerste.ipynb", [])
    second = write_notebook(tmp_path / "tweede.ipynb", [])
    env = {"JPY_SESSION_NAME": str(second)}
    assert notebook_file({"__session__": str(first)}, env) == first
    assert notebook_file({}, env) == second
    assert notebook_file({"__vsc_ipynb_file__": str(first)}, {}) == first
    assert notebook_file({}, {}) is None
    # a console, a missing file, a folder, a text notebook: nothing happens
    (tmp_path / "script.py").write_text("x = 1")
    for value in ("/srv/console-1-abc", str(tmp_path / "weg.ipynb"), str(tmp_path), "a\0b"):
        assert notebook_file({}, {"JPY_SESSION_NAME": value}) is None
    assert notebook_file({}, {"JPY_SESSION_NAME": str(tmp_path / "script.py")}) is None


# --- wb.start -------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "antwoorden"


def start(store: Path, screen, **kwargs) -> str:
    options = {"hoofdstuk": 2, "studentnummer": "123456", "bank": TEST_BANK, "opslag": store}
    werkboek.start(**{**options, **kwargs})
    return screen.shown[-1]["text/plain"]


WELCOME = "Het werkboek is gestart: Hoofdstuk 2 · Testhoofdstuk. Studentnummer: 123456."


def test_start_restores_the_saved_answers_and_the_question_shows_them(
    tmp_path, store, screen, monkeypatch
):
    keuze = answered("h2.keuze.01", 1, 0)
    reken = answered("h2.reken.02", 12.5)
    saved = write_notebook(tmp_path / "02_thuis.ipynb", [keuze, reken])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    text = start(store, screen)
    assert text == (
        f"{WELCOME} 2 antwoorden uit het bewaarde notebook teruggezet. "
        "Ik vond 2 eerder gegeven antwoorden; je ziet ze terug bij de vragen."
    )
    assert AnswerStore(store).records() == [keuze, reken]  # unchanged: attempts and times kept
    werkboek.vraag("h2.keuze.01")
    output = screen.handles[-1].bundle
    assert output[MIME_TYPE] == keuze.to_json()
    assert output["text/markdown"].startswith("**Vraag h2.keuze.01** · Goed · 1 van 1 punt")
    assert "poging 2" in output["text/markdown"]


def test_start_without_the_variable_changes_nothing(tmp_path, store, screen, monkeypatch):
    saved = write_notebook(tmp_path / "02_thuis.ipynb", [answered("h2.keuze.01", 0)])
    monkeypatch.chdir(tmp_path)  # the file sits in the working folder, but nobody names it
    assert start(store, screen) == WELCOME  # exactly the plain welcome line
    assert AnswerStore(store).records() == []
    werkboek.vraag("h2.keuze.01")
    assert screen.handles[-1].bundle["text/plain"] == "Vraag h2.keuze.01 · nog niet beantwoord"
    assert saved.exists()


def test_start_finds_the_notebook_through_ipykernels_session_variable(
    tmp_path, store, screen, monkeypatch
):
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 0)])
    shell = SimpleNamespace(user_ns={"__session__": str(saved)})
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    assert "1 antwoord uit het bewaarde notebook teruggezet." in start(store, screen)
    assert AnswerStore(store).get("h2.keuze.01").response == 0


def test_the_exam_training_restores_nothing(tmp_path, store, screen, monkeypatch):
    saved = write_notebook(tmp_path / "07.ipynb", [answered("h2.keuze.01", 0)])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    text = start(store, screen, hoofdstuk=7, bank=None)
    assert "teruggezet" not in text and "Let op" not in text
    assert AnswerStore(store).records() == []


def test_a_corrupt_notebook_gives_one_dutch_line_and_start_goes_on(
    tmp_path, store, screen, monkeypatch
):
    broken = tmp_path / "02_kapot.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(broken))
    assert start(store, screen) == (
        f"{WELCOME} Let op: het bewaarde notebook 02_kapot.ipynb kon niet worden gelezen: "
        "dit is geen geldig notebook (JSON-fout op regel 1). Er zijn geen antwoorden uit "
        "teruggezet."
    )
    werkboek.vraag("h2.keuze.01").antwoord(0)  # the workbook works
    assert AnswerStore(store).get("h2.keuze.01").response == 0
    assert screen.handles[-1].bundle["text/markdown"].startswith("**Vraag h2.keuze.01** · Goed")


def test_a_damaged_record_is_reported_and_the_others_are_restored(
    tmp_path, store, screen, monkeypatch
):
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 0)])
    notebook = json.loads(saved.read_text(encoding="utf-8"))
    damaged = answered("h2.keuze.02", [0, 1]).to_json() | {"attempts": 0}
    notebook["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": "",
            "execution_count": None,
            "outputs": [
                {"output_type": "display_data", "metadata": {}, "data": {MIME_TYPE: damaged}}
            ],
        }
    )
    saved.write_text(json.dumps(notebook), encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    text = start(store, screen)
    assert "1 antwoord uit het bewaarde notebook teruggezet." in text
    assert (
        "Let op: niet alles in het bewaarde notebook 02.ipynb kon worden gelezen. Cel 4, "
        "uitvoer 1: ongeldig antwoordrecord, overgeslagen (attempts moet een geheel getal"
    ) in text
    assert [r.question_id for r in AnswerStore(store).records()] == ["h2.keuze.01"]


def test_a_newer_store_answer_is_kept_and_nothing_is_announced(
    tmp_path, store, screen, monkeypatch
):
    newer = answered("h2.keuze.01", 1, 2, 0, start=MONDAY + timedelta(days=1))
    AnswerStore(store).put(newer)
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 1)])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    text = start(store, screen)
    assert "teruggezet" not in text
    assert "Ik vond 1 eerder gegeven antwoord;" in text
    assert AnswerStore(store).get("h2.keuze.01") == newer


def test_answers_of_another_student_or_seed_are_not_restored_but_announced(
    tmp_path, store, screen, monkeypatch
):
    records = [
        answered("h2.keuze.01", 0, student="654321"),
        answered("h2.reken.02", 12.5, seed=654321),
    ]
    saved = write_notebook(tmp_path / "02.ipynb", records)
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    text = start(store, screen)
    assert text == (
        f"{WELCOME} Let op: 2 antwoorden in dit notebook horen bij een ander studentnummer of "
        "een andere seed en zijn niet teruggezet; voer je de vragen opnieuw uit, dan verdwijnen "
        "ze uit het notebook. Bewaar eerst een kopie."
    )
    assert AnswerStore(store).records() == []


def test_a_store_that_cannot_be_written_is_reported(tmp_path, screen, monkeypatch):
    blocked = tmp_path / "geen-map"
    blocked.write_text("dit is een bestand")
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 0)])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    with pytest.warns(UserWarning, match="kon niet in de lokale"):
        text = start(blocked / "antwoorden", screen)
    assert "Let op: 1 antwoord kon niet in de lokale opslag worden teruggezet." in text
    assert "teruggezet. Ik vond" not in text


def test_an_unexpected_error_while_restoring_never_stops_start(
    tmp_path, store, screen, monkeypatch
):
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 0)])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))

    def fail(session, path):
        raise OSError("schijf weg")

    monkeypatch.setattr(werkboek_herstel, "restore", fail)
    text = start(store, screen)
    assert text.endswith(
        "Let op: het terugzetten van antwoorden uit 02.ipynb is mislukt (schijf weg); "
        "het werkboek werkt gewoon verder."
    )
    assert werkboek._session is not None


# --- wb.herstel -----------------------------------------------------------------------------


def test_herstel_restores_from_an_older_copy_and_summarises_in_dutch(tmp_path, store, screen):
    AnswerStore(store).put(answered("h2.reken.01", "5", "10", start=MONDAY + timedelta(days=2)))
    copy = write_notebook(
        tmp_path / "kopie.ipynb",
        [
            answered("h2.keuze.01", 1, 0),
            answered("h2.reken.01", "10"),
            answered("h2.keuze.02", [0, 1], student="654321"),
            answered("h2.reken.02", 12.5, seed=1),
        ],
    )
    start(store, screen)
    report = werkboek.herstel(copy)
    assert report.restored == ["h2.keuze.01"]
    assert report.markdown() == (
        "**Antwoorden herstellen uit `kopie.ipynb`**\n\n"
        "- Teruggezet: 1 (h2.keuze.01)\n"
        "- Overgeslagen, in de opslag staat een nieuwer antwoord of een met meer pogingen: "
        "1 (h2.reken.01)\n"
        "- Overgeslagen, ander (of geen) studentnummer: 1 (h2.keuze.02)\n"
        "- Overgeslagen, andere seed (andere getallen): 1 (h2.reken.02)\n\n"
        "Meldingen bij het lezen:\n\n"
        "- de records noemen een ander studentnummer (654321) dan het notebook (123456)\n\n"
        "Voer de vraagcellen opnieuw uit (of *Run > Run All Cells*) om de teruggezette "
        "antwoorden te zien, en bewaar daarna het notebook."
    )
    assert AnswerStore(store).get("h2.keuze.01").attempts == 2
    assert AnswerStore(store).get("h2.reken.01").attempts == 2  # the newer store record stayed
    report._ipython_display_()
    assert screen.shown[-1]["text/markdown"] == report.markdown()


def test_herstel_skips_other_chapters(tmp_path, store, screen):
    other = answered("h2.keuze.01", 0).to_json() | {"question_id": "h3.keuze.01"}
    copy = write_notebook(tmp_path / "03.ipynb", [AnswerRecord.from_json(other)])
    start(store, screen)
    report = werkboek.herstel(str(copy))
    assert report.ids("other_chapter") == ["h3.keuze.01"]
    assert "- Overgeslagen, ander hoofdstuk: 1 (h3.keuze.01)" in report.markdown()
    assert AnswerStore(store).records() == []


def test_herstel_errors_are_dutch_and_name_the_file(tmp_path, store, screen):
    with pytest.raises(SalesbookError, match="nog niet gestart"):
        werkboek.herstel(tmp_path / "x.ipynb")
    start(store, screen)
    with pytest.raises(NotebookError, match=r"Het bestand .*weg\.ipynb bestaat niet"):
        werkboek.herstel(tmp_path / "weg.ipynb")
    with pytest.raises(NotebookError, match="is een map"):
        werkboek.herstel(tmp_path)
    broken = tmp_path / "kapot.ipynb"
    broken.write_text("geen json", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"Uit .*kapot\.ipynb kunnen geen antwoorden .*JSON"):
        werkboek.herstel(broken)
    with pytest.raises(NotebookError, match="Ik weet niet in welk bestand dit notebook staat"):
        werkboek.herstel()


def test_herstel_without_a_path_uses_this_notebook(tmp_path, store, screen, monkeypatch):
    start(store, screen)  # started before the variable was known: nothing restored yet
    saved = write_notebook(tmp_path / "02.ipynb", [answered("h2.keuze.01", 0)])
    monkeypatch.setenv("JPY_SESSION_NAME", str(saved))
    assert werkboek.herstel().restored == ["h2.keuze.01"]
    empty = write_notebook(tmp_path / "leeg.ipynb", [])
    assert "In `leeg.ipynb` staan geen antwoorden." in werkboek.herstel(empty).markdown()


# --- the whole path through papermill -------------------------------------------------------

SETUP = f"""from salesbook import werkboek as wb

wb.start(hoofdstuk=2, studentnummer=studentnummer, seed=seed, bank={str(TEST_BANK)!r})"""
QUESTIONS = ['keuze = wb.vraag("h2.keuze.01")', 'meer = wb.vraag("h2.keuze.02")']
CLICKS = [  # stand-ins for clicks in the browser: they leave no cells in the saved file
    "keuze.invoer.value = 1\nkeuze.controleer_knop.click()",
    "keuze.invoer.value = 0\nkeuze.controleer_knop.click()",
    "meer.invoer[0].value = True\nmeer.invoer[1].value = True\nmeer.controleer_knop.click()",
]


def _execute(source: Path, target: Path) -> Path:
    papermill.execute_notebook(
        str(source),
        str(target),
        parameters={"studentnummer": "123456"},
        kernel_name="python3",
        cwd=str(source.parent),
        progress_bar=False,
    )
    return target


@pytest.mark.slow
def test_papermill_a_saved_notebook_run_again_with_an_empty_store_keeps_its_answers(
    tmp_path, monkeypatch
):
    parameters = nbformat.v4.new_code_cell('studentnummer = ""\nseed = None')
    parameters.metadata["tags"] = ["parameters"]
    cells = [parameters, nbformat.v4.new_code_cell(SETUP)]
    cells += [nbformat.v4.new_code_cell(source) for source in QUESTIONS + CLICKS]
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    source = tmp_path / "school.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), source
    )
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setenv("SALESBOOK_STORE", str(tmp_path / "school-opslag"))
    at_school = _execute(source, tmp_path / "school-uitgevoerd.ipynb")

    # the download: the clicks were in the browser, so only the question cells remain
    saved = nbformat.read(at_school, as_version=4)
    saved.cells = saved.cells[: -len(CLICKS)]
    home = tmp_path / "thuis"
    home.mkdir()
    downloaded = home / "02_meten_is_weten.ipynb"
    nbformat.write(saved, downloaded)
    before = read_answer_records(downloaded)
    assert sorted(before.records) == ["h2.keuze.01", "h2.keuze.02"]
    assert before.records["h2.keuze.01"].attempts == 2

    # at home: an empty store, and Jupyter tells the kernel which file it belongs to
    monkeypatch.setenv("SALESBOOK_STORE", str(home / "lege-opslag"))
    monkeypatch.setenv("JPY_SESSION_NAME", str(downloaded))
    again = _execute(downloaded, home / "opnieuw-uitgevoerd.ipynb")
    welcome = nbformat.read(again, as_version=4).cells[2].outputs[0]["data"]["text/plain"]
    assert "2 antwoorden uit het bewaarde notebook teruggezet." in welcome
    after = read_answer_records(again)
    assert after.records == before.records  # same responses, attempts and times
    output = nbformat.read(again, as_version=4).cells[3].outputs[1]["data"]["text/markdown"]
    assert output.startswith("**Vraag h2.keuze.01** · Goed · 1 van 1 punt · poging 2")
