"""Every chapter notebook opens in JupyterLab and runs from top to bottom without errors.

"Run All" in a real browser: every code cell gets its ``[n]`` prompt, no cell raises, nothing
is written to stderr, and every question and calculator cell shows its widget. The welcome
notebook is covered in detail by ``test_e2e_welkom.py``.
"""

from __future__ import annotations

import json
import re

import pytest
from e2e_lab import NOTEBOOKS
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

CHAPTERS = sorted(path.name for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def cells_calling(name: str, function: str) -> int:
    """Code cells of notebook ``name`` with a line ``[x =] wb.<function>(...)`` (a regex)."""
    call = re.compile(rf"^\s*(\w+\s*=\s*)?wb\.{function}\(", re.M)
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return sum(
        bool(call.search("".join(cell["source"])))
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
    )


def test_all_course_notebooks_are_checked():
    assert "00_welkom.ipynb" in CHAPTERS
    assert len(CHAPTERS) >= 8, CHAPTERS


@pytest.mark.parametrize("name", [name for name in CHAPTERS if name != "00_welkom.ipynb"])
def test_chapter_runs_all_cells_without_errors(open_notebook, name):
    notebook = open_notebook(name)
    notebook.run_all()

    assert notebook.problems() == []
    cells = notebook.notebook
    expect(cells.locator(".salesbook-vraag")).to_have_count(cells_calling(name, "vraag"))
    calculators = cells_calling(name, "(calculator|swot_matrix|leiderschapsstijl_kiezer)")
    expect(cells.locator(".salesbook-calculator")).to_have_count(calculators)
    expect(cells.get_by_text("Error displaying widget")).to_have_count(0)
