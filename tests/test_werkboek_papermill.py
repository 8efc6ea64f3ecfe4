"""Acceptance: a notebook answered by code and by widget callbacks, executed by papermill.

Run 1 executes a small notebook that answers questions in code and by driving widget
callbacks (``radio.value = …; button.click()``) in later cells; the records are read back
from the executed .ipynb. Run 2 executes a fresh notebook with only the question cells, with
the same answer store (a kernel restart + "Run All"): every earlier answer shows up again.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

from salesbook.quiz import MIME_TYPE, read_answer_records

pytestmark = pytest.mark.slow

TEST_BANK = Path(__file__).parent / "ui" / "testbank.yaml"
FIRST_QUESTION = 3  # cells: parameters, injected-parameters (papermill), setup, questions…

SETUP = f"""from salesbook import werkboek as wb

wb.start(hoofdstuk=2, studentnummer=studentnummer, seed=seed, bank={str(TEST_BANK)!r})"""

QUESTIONS = [
    'v = wb.vraag("h2.reken.01")\nv.antwoord("10")',  # by code, in the question cell
    'keuze = wb.vraag("h2.keuze.01")',
    'meer = wb.vraag("h2.keuze.02")',
    'oef = wb.oefening("h2.reken.02")',
]
ANSWERS = [
    # widget callbacks in later cells: first a wrong option, then the right one
    "keuze.invoer.value = 1\nkeuze.controleer_knop.click()",
    "keuze.invoer.value = 0\nkeuze.controleer_knop.click()",
    "meer.invoer[0].value = True\nmeer.invoer[1].value = True\nmeer.controleer_knop.click()",
    "oef.controleer(12.5)",  # student 123456 → 40 promoters → (40 − 20) / 160 × 100
]
RERUN = [
    'v = wb.vraag("h2.reken.01")',
    'keuze = wb.vraag("h2.keuze.01")',
    'meer = wb.vraag("h2.keuze.02")',
    'oef = wb.oefening("h2.reken.02")',
    "wb.voortgang()",
    "round(12.781, 2)",
    "(0.5, 2.0)",
    'import pandas as pd\npd.DataFrame({"omzet": [3200120.0], "aandeel": [0.868]})',
]


def _notebook(path: Path, cells: list[str]) -> Path:
    parameters = nbformat.v4.new_code_cell('studentnummer = ""\nseed = None')
    parameters.metadata["tags"] = ["parameters"]
    notebook = nbformat.v4.new_notebook(
        cells=[parameters, nbformat.v4.new_code_cell(SETUP)]
        + [nbformat.v4.new_code_cell(source) for source in cells],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, path)
    return path


def _execute(source: Path, tmp: Path) -> Path:
    executed = source.with_name(source.stem + "-uitgevoerd.ipynb")
    papermill.execute_notebook(
        str(source),
        str(executed),
        parameters={"studentnummer": "123456"},
        kernel_name="python3",
        cwd=str(tmp),
        progress_bar=False,
    )
    return executed


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("papermill")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SALESBOOK_STORE", str(tmp / "antwoorden"))  # the kernel inherits it
        first = _execute(_notebook(tmp / "eerste.ipynb", QUESTIONS + ANSWERS), tmp)
        second = _execute(_notebook(tmp / "tweede.ipynb", RERUN), tmp)
    return first, second, tmp


def _outputs(path: Path, cell: int) -> list[dict]:
    return nbformat.read(path, as_version=4).cells[cell].outputs  # multi-line text joined


def test_records_are_read_back_from_the_executed_notebook(runs):
    first, _, _ = runs
    answers = read_answer_records(first)
    assert answers.problems == []
    assert (answers.student, answers.seed, answers.chapter) == ("123456", 123456, 2)
    records = answers.records
    assert set(records) == {"h2.reken.01", "h2.keuze.01", "h2.keuze.02", "h2.reken.02"}
    assert (records["h2.reken.01"].response, records["h2.reken.01"].attempts) == ("10", 1)
    assert (records["h2.keuze.01"].response, records["h2.keuze.01"].attempts) == (0, 2)
    assert records["h2.keuze.02"].response == [0, 1]
    assert (records["h2.reken.02"].response, records["h2.reken.02"].variant_seed) == (12.5, 123456)
    # each record sits in the cell of its question, not in the cell that answered it
    assert answers.cells == {
        "h2.reken.01": FIRST_QUESTION,
        "h2.keuze.01": FIRST_QUESTION + 1,
        "h2.keuze.02": FIRST_QUESTION + 2,
        "h2.reken.02": FIRST_QUESTION + 3,
    }


def test_answer_outputs_hold_dutch_markdown_without_timestamps(runs):
    first, _, _ = runs
    (question, output) = _outputs(first, FIRST_QUESTION + 1)
    assert "application/vnd.jupyter.widget-view+json" in question["data"]
    assert "Zie je geen knoppen?" in question["data"]["text/plain"]
    markdown = output["data"]["text/markdown"]
    assert markdown.startswith("**Vraag h2.keuze.01** · Goed · 1 van 1 punt · poging 2")
    assert "Goed: 25 − 15 = 10." in markdown
    assert "2026" not in markdown and ":" not in markdown.split("\n")[0]
    assert output["data"][MIME_TYPE]["last_answered_at"].endswith("Z")
    feedback = _outputs(
        first, FIRST_QUESTION + 7
    )  # oef.controleer(12.5) shows its feedback where it was called
    assert feedback[0]["data"]["text/plain"].startswith("✔ Goed · 1 van 1 punt · poging 1")
    assert MIME_TYPE not in feedback[0]["data"]


def test_second_run_with_the_same_store_shows_earlier_answers(runs):
    first, second, _ = runs
    welcome = _outputs(second, FIRST_QUESTION - 1)[0]["data"]["text/plain"]
    assert "Ik vond 4 eerder gegeven antwoorden; je ziet ze terug bij de vragen." in welcome
    before = read_answer_records(first).records
    after = read_answer_records(second).records
    assert after == before  # same responses, attempts and times: nothing lost, nothing added
    output = _outputs(second, FIRST_QUESTION + 1)[1]["data"]
    assert output["text/markdown"].startswith("**Vraag h2.keuze.01** · Goed · 1 van 1 punt")
    progress = _outputs(second, FIRST_QUESTION + 4)
    assert progress[0]["data"]["text/plain"].startswith("[Grafiek: Jouw voortgang")
    assert "image/png" in progress[0]["data"]
    table = progress[1]["data"]["text/plain"]
    assert "h2.keuze: 2 van 2 beantwoord, 3 van 3 punten, score 100%" in table
    assert "h2.reken: 2 van 3 beantwoord, 2 van 3 punten, score 67%" in table


def test_without_widget_state_nbconvert_shows_the_text_fallback(runs):
    first, _, _ = runs
    from nbconvert import HTMLExporter

    notebook = nbformat.read(first, as_version=4)
    notebook.metadata.pop("widgets", None)  # as JupyterLab saves it by default
    html, _ = HTMLExporter().from_notebook_node(notebook)
    assert "Zie je geen knoppen? Geef je antwoord dan in code:" in html
    assert "Wat is de NPS bij 25% promoters en 15% detractors?" in html


def test_numbers_a_cell_shows_are_dutch(runs):
    _, second, _ = runs
    last = len(nbformat.read(second, as_version=4).cells) - 1
    shown = [_outputs(second, cell)[0]["data"]["text/plain"] for cell in range(last - 2, last + 1)]
    assert shown[0] == "12,78"
    assert shown[1] == "(0.5, 2.0)"  # inside a tuple Python's notation stays: "0,5, 2" misleads
    assert "3.200.120" in shown[2] and "0,868" in shown[2]
