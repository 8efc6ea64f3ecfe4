"""No English in anything a student or teacher reads.

Scans the question banks, the key terms, the notebooks' teaching text, every widget the
workbook shows (question views of every chapter and every calculator) and the command's help
for English function words — the words that give away an untranslated sentence. Course terms
that Dutch sales people use in English (cross-selling, Net Promoter Score, question mark) do
not contain such words; book titles and JupyterLab's own menu names are allowed explicitly.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest
import yaml

from salesbook import werkboek
from salesbook.ui.calculators import CALCULATORS

ROOT = Path(__file__).resolve().parents[1]
BANKS = sorted((ROOT / "salesbook" / "banks").glob("h*.yaml"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

ENGLISH = {
    "the", "and", "with", "your", "you", "which", "please", "click", "submit", "wrong",
    "should", "must", "will", "this", "that", "there", "when", "are", "not", "answer",
    "answers", "error", "invalid", "missing", "required", "usage", "arguments", "options",
    "show", "hide", "loading", "failed", "true", "false", "none", "yes", "try",
}  # fmt: skip
ALLOWED_PHRASES = (
    "mean absolute percentage error",  # MAPE, explained in Dutch next to it
    "restart kernel and",  # JupyterLab's menus (… Run All Cells, … Clear Outputs)
    "clear outputs of all cells",
    "middle-of-the-road",  # Blake & Mouton's managerial grid
    "je gaf none",  # Python's None, which the student must replace
    "the practice of management",
    "the balanced scorecard",
    "a force for change",
    "is not defined",  # Python's NameError, quoted so students recognise it
)
# Fields that are not prose: citations, formulas for the checker, code, identifiers.
NOT_PROSE = {"source", "calc", "id", "type", "leerdoel", "parameters", "variables", "key"}


def english_words(text: str) -> list[str]:
    """English function words in ``text`` outside code, placeholders and allowed phrases."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(html.unescape(text).lower().split())
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    return [word for word in re.findall(r"[a-z]+", text) if word in ENGLISH]


def prose(node: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string in a loaded YAML tree with its place, skipping non-prose fields."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_PROSE:
                yield from prose(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from prose(value, f"{where}[{index}]")


def findings(texts: Iterator[tuple[str, str]]) -> list[str]:
    return [f"{where}: {words}" for where, text in texts if (words := english_words(text))]


def test_the_detector_finds_english_and_spares_dutch():
    assert english_words("Please check your answer.") == ["please", "your", "answer"]
    assert english_words("Error: value is not valid") == ["error", "not"]
    assert english_words("Goed zo! Je antwoord klopt: € 1.250,50 (cross-selling).") == []
    assert english_words("Typ `the_answer = 3` en kies {answer}.") == []


def test_tests_scan_all_chapters():
    assert [path.name[:2] for path in BANKS] == ["h0", "h1", "h2", "h3", "h4", "h5", "h6"]
    assert len(NOTEBOOKS) >= 8


@pytest.mark.parametrize("path", BANKS, ids=lambda path: path.stem)
def test_question_banks_are_dutch(path):
    bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert findings(prose(bank, path.name)) == []


@pytest.mark.parametrize("name", ["begrippen.yaml", "toetsmatrijs.yaml"])
def test_exam_material_is_dutch(name):
    data = yaml.safe_load((ROOT / "salesbook" / "exam" / name).read_text(encoding="utf-8"))
    assert findings(prose(data, name)) == []


def notebook_texts(path: Path) -> Iterator[tuple[str, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "markdown":
            yield f"{path.name} cel {index}", "".join(cell["source"])
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mime in ("text/markdown", "text/html"):
                if mime in data:
                    yield f"{path.name} cel {index} ({mime})", "".join(data[mime])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_text_is_dutch(path):
    assert findings(notebook_texts(path)) == []


def widget_texts(root: widgets.Widget) -> Iterator[str]:
    """Every label, tooltip, placeholder, option and shown text in a widget tree."""
    seen, queue = set(), [root]
    while queue:
        widget = queue.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        for trait in ("description", "tooltip", "placeholder", "button_style_label"):
            value = getattr(widget, trait, None)
            if isinstance(value, str):
                yield value
        if isinstance(widget, widgets.HTML | widgets.Label | widgets.HTMLMath):
            yield widget.value
        yield from getattr(widget, "_options_labels", ())
        queue.extend(getattr(widget, "children", ()))


@pytest.fixture
def started(monkeypatch, tmp_path):
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *args, **kwargs: None)
    monkeypatch.setattr(werkboek, "_session", None)

    def start(chapter: int) -> None:
        werkboek.start(hoofdstuk=chapter, studentnummer="123456", opslag=tmp_path / "a")

    return start


@pytest.mark.parametrize("path", BANKS, ids=lambda path: path.stem)
def test_every_question_view_is_dutch(started, path):
    started(int(path.name[1]))
    bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = []
    for question in bank["questions"]:
        view = werkboek.vraag(question["id"])
        view.controleer_knop.click()  # "nothing chosen yet" feedback
        view.hint_knop.click()
        texts += [(question["id"], text) for text in widget_texts(view.view.box)]
    assert len(texts) > len(bank["questions"]) * 3
    assert findings(iter(texts)) == []


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_calculator_is_dutch(started, name):
    started(2)
    calculator = werkboek.calculator(name)
    texts = [(name, text) for text in widget_texts(calculator.box)]
    assert len(texts) >= 3
    assert findings(iter(texts)) == []


COMMANDS = ["", "start", "nakijken", "uitvoeren", "controleren", "uitdelen", "proefexamen"]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_is_dutch(command):
    args = [sys.executable, "-m", "salesbook.cli", *command.split(), "--help"]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert findings(iter([(command or "salesbook", result.stdout)])) == []


def test_command_errors_are_dutch():
    args = [sys.executable, "-m", "salesbook.cli", "nakijken"]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "MAP" in result.stderr
    assert findings(iter([("nakijken zonder map", result.stderr)])) == []


def raised_messages(path: Path) -> Iterator[tuple[str, str]]:
    """The literal text of every ``raise SomethingError(...)`` in a source file."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        if ast.unparse(node.exc.func) == "AssertionError":
            continue  # an internal invariant, never shown to a user
        texts = [arg for arg in node.exc.args if not isinstance(arg, ast.Tuple | ast.List)]
        parts = [
            part.value
            for text in texts
            for part in ast.walk(text)
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        ]
        if parts:
            yield f"{path.relative_to(ROOT)}:{node.lineno}", " ".join(parts)


def test_error_messages_in_the_package_are_dutch():
    sources = sorted((ROOT / "salesbook").rglob("*.py"))
    messages = [message for path in sources for message in raised_messages(path)]
    assert len(messages) > 100
    assert findings(iter(messages)) == []
