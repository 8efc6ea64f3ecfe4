"""Notebook 07 under papermill: deterministic with an empty store, progress across kernels.

The notebook uses the workbook API (``wb.start(hoofdstuk=7, ...)``, ``wb.proefexamen()``, ...).
Run 1 executes the notebook as it is, twice, with a fresh store each time: the text outputs are
the same (nothing random, no times) and nothing is written. Run 2 executes a copy with extra
cells that click through a mock exam and rate a flashcard; run 3 (a new kernel on the same
store) shows that attempt and that review again.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

pytestmark = pytest.mark.slow

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "07_examentraining.ipynb"

PLAY = [
    "v = wb.proefexamen(seed=7, tijdslimiet=0)\nv.start_button.click()",
    "for view in v.views:\n"
    "    if view.question.type == 'single_choice':\n"
    "        view.control.value = view.question.correct_indices[0]\n"
    "v.hand_in_button.click()\nv.hand_in_button.click()\n"
    "print(v.attempt.result.score > 0, len(v.attempt.result.items))",
    "k = wb.flashcards()\nk.show_button.click()\nk.rating_buttons['Goed'].click()\n"
    "print(k.counts.value)",
]


def _run(source: Path, target: Path, cwd: Path) -> nbformat.NotebookNode:
    papermill.execute_notebook(
        str(source),
        str(target),
        parameters={"studentnummer": "123456"},
        kernel_name="python3",
        cwd=str(cwd),
        progress_bar=False,
    )
    return nbformat.read(target, as_version=4)


def _texts(notebook: nbformat.NotebookNode) -> list[str]:
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            found.append(output.get("data", {}).get("text/plain", output.get("text", "")))
    return found


def test_the_notebook_uses_the_workbook_api():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"]
    assert code[1].source == (
        "from salesbook import werkboek as wb\n\n"
        "wb.start(hoofdstuk=7, studentnummer=studentnummer, seed=seed)"
    )
    assert all("ex." not in cell.source for cell in notebook.cells)
    # reference outputs (tools/refresh_notebooks.py) are checked in tests/test_notebooks.py


def test_the_notebook_runs_deterministically_with_an_empty_store(tmp_path, monkeypatch):
    texts = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        monkeypatch.setenv("SALESBOOK_STORE", str(folder / "antwoorden"))
        texts.append(_texts(_run(NOTEBOOK, folder / "uit.ipynb", folder)))
        assert not (folder / "examentraining").exists()  # running the notebook writes nothing
    assert texts[0] == texts[1]
    joined = "\n".join(texts[0])
    assert "Het werkboek is gestart: Hoofdstuk 7 · Examentraining. Studentnummer: 123456." in joined
    assert "30 vragen · 60 minuten · een nieuwe trekking bij elke start" in joined
    assert "Je hebt nog geen proefexamen ingeleverd." in joined
    assert "Flashcards · te herhalen: 0 · nieuw vandaag: 20" in joined
    assert "Je hebt nog geen flashcards herhaald." in joined
    assert "[Grafiek: Beheersing per hoofdstuk]" in joined
    assert "| H1 · Salesmanagement en accountmanagement | 0% | 0 van 12 | 0 van 12 |" in joined
    assert "1. [h1.salesmanagement · " in joined


def test_an_exam_and_a_flashcard_in_one_kernel_show_up_in_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv("SALESBOOK_STORE", str(tmp_path / "antwoorden"))
    played = nbformat.read(NOTEBOOK, as_version=4)
    played.cells += [nbformat.v4.new_code_cell(source) for source in PLAY]
    source = tmp_path / "spelen.ipynb"
    nbformat.write(played, source)
    first = _texts(_run(source, tmp_path / "spelen-uit.ipynb", tmp_path))
    assert "True 30\n" in first
    assert any("nieuw vandaag: 19" in text for text in first)

    second = "\n".join(_texts(_run(NOTEBOOK, tmp_path / "daarna.ipynb", tmp_path)))
    assert "[Grafiek: Jouw proefexamens]" in second
    assert "| 1 | " in second and " | 7 | " in second  # attempt 1, exam number 7
    assert "Flashcards · te herhalen: 0 · nieuw vandaag: 19" in second
    assert "[Grafiek: Flashcards per dag]" in second
    assert "| 0 | 0 | 1 | 0 | 1 |" in second  # one "Goed" today
    assert "Je hebt nog geen proefexamen ingeleverd." not in second
