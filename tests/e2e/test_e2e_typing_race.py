"""Typed fast and checked at once (Enter or a click): the check sees what was typed.

The bug these tests guard against: ipywidgets sends typed text to the kernel at most one
message at a time per widget; while one value is on its way, later keystrokes wait in a
buffer until the kernel reports idle. Enter (the Text widget's ``{"event": "submit"}``) and a
click on "Controleer" are sent at once, past that buffer. A student who typed "10,3" and
pressed Enter got "1" checked and recorded; on a remote JupyterHub a normal typing speed was
enough. The fix (``salesbook/ui/synced_text.py``) makes a check asked for from the browser
wait for a round trip through the field's own message queue.

Two typists, both checked against the page and the answer store:

- ``script``: one browser task (JavaScript) dispatches what Chromium dispatches for each
  keystroke (keydown, keypress, beforeinput, input, keyup), then Enter (keydown, keypress,
  beforeinput, change, keyup) or a click on the button (pointerdown, mousedown, the field's
  change and blur, pointerup, mouseup, click), in the order Chromium 156 produced them for
  Playwright's real keyboard and mouse. Nothing reaches the kernel in between, so without the
  fix the check sees "1" whatever the timing.
- ``keyboard``: Playwright's real keyboard and mouse (``press_sequentially(delay=0)``, then
  ``press("Enter")`` or a click), against a kernel that takes each typed value slowly
  (:data:`LATENCY`, like a busy kernel or a far-away JupyterHub).

Without the fix every test here fails (checked by making ``when_synced`` run at once).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from salesbook.quiz import AnswerStore

pytestmark = pytest.mark.slow

NAME = "snel_typen.ipynb"
NUMERIC = "h0.cursus.02"
OPEN = "h0.cursus.06"
TYPED = "10,3"
OPEN_TYPED = "Een loyale klant koopt opnieuw en beveelt je aan; een tevreden klant niet altijd."
#: Seconds the kernel spends on every typed value it receives (a value observer sleeps).
LATENCY = 0.5

SCRIPT_TYPIST = """([field, typed, finish]) => {
    const key = (type, k) => field.dispatchEvent(new KeyboardEvent(type, {
        key: k, keyCode: k === "Enter" ? 13 : k.charCodeAt(0), bubbles: true}));
    const input = (type, kind, data) => field.dispatchEvent(new InputEvent(type, {
        inputType: kind, data: data, bubbles: true}));
    field.focus();
    for (const k of typed) {
        key("keydown", k); key("keypress", k);
        input("beforeinput", "insertText", k);
        field.value += k;
        input("input", "insertText", k);
        key("keyup", k);
    }
    if (finish === "Enter") {
        key("keydown", "Enter"); key("keypress", "Enter");
        input("beforeinput", "insertLineBreak", null);
        field.dispatchEvent(new Event("change", {bubbles: true}));
        key("keyup", "Enter");
        return;
    }
    const button = field.closest(".salesbook-vraag").querySelector(".salesbook-controleer");
    const mouse = (type, make) => button.dispatchEvent(new make(type, {bubbles: true}));
    mouse("pointerdown", PointerEvent); mouse("mousedown", MouseEvent);
    field.dispatchEvent(new Event("change", {bubbles: true}));
    field.blur(); button.focus();
    mouse("pointerup", PointerEvent); mouse("mouseup", MouseEvent); mouse("click", MouseEvent);
}"""


@pytest.fixture
def store(tmp_path) -> Path:
    """This test's own answer store (so every question starts at attempt 1)."""
    return tmp_path / "antwoorden"


@pytest.fixture
def question_notebook(lab_server, store) -> str:
    """The welcome notebook's numeric and open question, in a kernel slow to take values."""
    setup = (
        "import time\n"
        "from salesbook import werkboek as wb\n\n"
        f'wb.start(hoofdstuk=0, studentnummer="777777", opslag={str(store)!r})'
    )
    slow = f'.invoer.observe(lambda _change: time.sleep({LATENCY}), "value")'
    cells = [
        nbformat.v4.new_code_cell(setup),
        nbformat.v4.new_code_cell(f'wb.vraag("{NUMERIC}"){slow}'),
        nbformat.v4.new_code_cell(f'wb.vraag("{OPEN}"){slow}'),
    ]
    notebook = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, lab_server.root / NAME)
    return NAME


def open_questions(open_notebook, name: str):
    """Open the notebook, run all cells, wait until both fields' links are live.

    Each field's link sends ``_synced`` once the browser has created it (see
    ``salesbook/ui/synced_text.py``); a student cannot type before that, a script could.
    """
    notebook = open_notebook(name)
    notebook.run_all()
    notebook.wait_until(
        lambda: notebook.traffic.widget_updates_sent("_synced") >= 2,
        10,
        "the browser confirming the links of both text fields",
    )
    return notebook


def stored_responses(store: Path) -> dict[str, tuple[object, int]]:
    """``{question id: (response, attempts)}`` in the answer store."""
    return {r.question_id: (r.response, r.attempts) for r in AnswerStore(store).records()}


@pytest.mark.parametrize("typist", ["script", "keyboard"])
@pytest.mark.parametrize("finish", ["Enter", "Controleer"])
def test_a_number_typed_fast_is_checked_as_typed(
    open_notebook, question_notebook, store, typist, finish
):
    notebook = open_questions(open_notebook, question_notebook)
    question = notebook.question(NUMERIC)
    field = question.get_by_role("textbox", name="Antwoord")

    if typist == "script":
        notebook.page.evaluate(SCRIPT_TYPIST, [field.element_handle(), TYPED, finish])
    else:
        field.click()
        field.press_sequentially(TYPED, delay=0)
        if finish == "Enter":
            field.press("Enter")
        else:
            question.get_by_role("button", name="Controleer").click()

    output = notebook.answer_output(NUMERIC)
    expect(output).to_contain_text("poging 1")  # the check is done: its output is final
    assert f"Jouw antwoord: {TYPED}" in output.inner_text()
    expect(question.locator(".salesbook-feedback")).to_contain_text("poging 1")
    assert stored_responses(store) == {NUMERIC: (TYPED, 1)}
    assert notebook.problems() == []


def test_an_open_answer_typed_fast_is_handed_in_whole(open_notebook, question_notebook, store):
    notebook = open_questions(open_notebook, question_notebook)
    question = notebook.question(OPEN)

    area = question.locator("textarea")
    area.click()
    area.press_sequentially(OPEN_TYPED, delay=0)
    question.get_by_role("button", name="Lever in").click()

    expect(question.locator(".salesbook-feedback")).to_contain_text("Ingeleverd")
    expect(notebook.answer_output(OPEN)).to_contain_text("poging 1")
    assert stored_responses(store) == {OPEN: (OPEN_TYPED, 1)}
    assert notebook.problems() == []
