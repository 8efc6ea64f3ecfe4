"""The course notebooks as committed: reference outputs, nbval really compares, papermill runs.

* Every notebook carries reference outputs for its deterministic cells (made by
  ``tools/refresh_notebooks.py``) and no student's answers.
* nbval compares them: a mini notebook made of committed chapter-2 cells passes as it is, and
  fails as soon as a course calculation gives another number (patched in the kernel through a
  ``sitecustomize`` module).
* Every notebook runs from top to bottom under papermill with the batch command
  ``salesbook uitvoeren``, in parallel, as a teacher would run them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ANSWER_MIME = "application/vnd.salesbook.answer+json"


def code_cells(path: Path) -> list[dict]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_has_reference_outputs_without_answers(path):
    cells = code_cells(path)
    question_cells = [c for c in cells if "wb.vraag(" in "".join(c["source"])]
    assert all(cell["outputs"] for cell in question_cells), "vraagcel zonder referentie-uitvoer"
    assert sum(bool(cell["outputs"]) for cell in cells) >= len(cells) // 2
    for cell in cells:
        for output in cell["outputs"]:
            record = output.get("data", {}).get(ANSWER_MIME)
            if record is not None:
                assert record.get("response") is None, "een antwoord in het notebook"
                assert record.get("attempts", 0) == 0
    parameters = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(parameters) == 1 and not parameters[0]["outputs"]


def mini_notebook(folder: Path) -> Path:
    """Chapter 2's setup and first forecasting cells, with their committed outputs."""
    source = nbformat.read(ROOT / "notebooks" / "02_meten_is_weten.ipynb", as_version=4)
    wanted = ("wb.start(", "afzet = pd.Series(", "vergelijking = pd.DataFrame(", "trend = calc.")
    picked = [
        cell
        for cell in source.cells
        if cell.cell_type == "code"
        and (
            "parameters" in cell.metadata.get("tags", [])
            or any(line.startswith(wanted) for line in cell.source.splitlines())
        )
    ][:5]
    assert [bool(cell.outputs) for cell in picked] == [False, True, False, True, True]
    assert "calc.moving_average(afzet, 3)" in picked[-1].source
    notebook = nbformat.v4.new_notebook(cells=picked, metadata=source.metadata)
    path = folder / "mini.ipynb"
    nbformat.write(notebook, path)
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return path


PATCH = """
import salesbook.calc as calc
import salesbook.calc.forecast as forecast

_original = forecast.moving_average


def _one_more(*args, **kwargs):
    return _original(*args, **kwargs) + 1


forecast.moving_average = calc.moving_average = _one_more
"""


def run_nbval(notebook: Path, *, patched: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if patched:
        site = notebook.parent / "patch"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text(PATCH, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    command = [
        *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
        *("-c", str(notebook.parent / "pytest.ini"), "--nbval", "--nbval-current-env"),
        *("--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), str(notebook)),
    ]
    return subprocess.run(
        command, cwd=notebook.parent, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_nbval_compares_the_reference_outputs(tmp_path):
    notebook = mini_notebook(tmp_path)

    unchanged = run_nbval(notebook, patched=False)
    assert unchanged.returncode == 0, unchanged.stdout[-3000:]

    changed = run_nbval(notebook, patched=True)
    assert changed.returncode == 1, changed.stdout[-3000:]
    assert "1 failed" in changed.stdout
    assert "mismatch" in changed.stdout.lower()


@pytest.mark.slow
def test_every_notebook_runs_under_papermill_with_the_batch_command(tmp_path):
    output = tmp_path / "uitgevoerd"
    command = [
        *(sys.executable, "-m", "salesbook.cli", "uitvoeren", str(ROOT / "notebooks")),
        *("--uitvoer", str(output), "--stil", "--cel-timeout", "600"),
    ]
    env = dict(os.environ, SALESBOOK_STORE=str(tmp_path / "antwoorden"))
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    executed = sorted(path.name for path in output.rglob("*.ipynb"))
    assert executed == [path.name for path in NOTEBOOKS]
    for path in output.rglob("*.ipynb"):
        for cell in code_cells(path):
            assert not [o for o in cell["outputs"] if o["output_type"] == "error"], path.name
