"""Make the README screenshots in a real JupyterLab (headless Debian Chromium, 1280×800).

    .venv/bin/python tools/make_screenshots.py            # writes docs/screenshots/*.png
    .venv/bin/python tools/make_screenshots.py --uitvoer /tmp/shots

Uses the browser-test helpers in ``tests/e2e`` (an isolated JupyterLab on a temporary copy of
``notebooks/``; the repository's notebooks and your own answer store are never touched) and
the same student actions as ``test_e2e_welkom.py``, so every picture shows what the tests
checked. Needs ``/usr/bin/chromium`` and the test extras (``pip install -e ".[test]"``).

Screenshots (1280×800; the calculator 1280×1100, so that it fits as a whole):

- ``welkom.png``: the welcome notebook after "Run All", with the student number filled in;
- ``quiz-feedback.png``: a multiple-choice question with its Dutch feedback (partly right);
- ``calculator.png``: the break-even calculator of chapter 2 after moving a slider two steps;
- ``feedback-pagina.png``: the feedback page ``salesbook nakijken`` writes for a student.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_lab import CHROMIUM, VIEWPORT, LabServer, NotebookPage, launch_browser  # noqa: E402
from e2e_student import NAME, answer_every_question, grade, start  # noqa: E402
from playwright.sync_api import Browser, Locator, Page, sync_playwright  # noqa: E402

MAX_BYTES = 300_000
#: The whole calculator (sliders, results and chart, ~940 px) needs a taller window.
CALCULATOR_VIEWPORT = {"width": VIEWPORT["width"], "height": 1100}


def save_png(page: Page, target: Path) -> None:
    """Screenshot the viewport; shrink the palette if the PNG would be larger than 300 KB."""
    data = page.screenshot(animations="disabled", caret="hide")
    if len(data) > MAX_BYTES:
        from PIL import Image

        image = Image.open(io.BytesIO(data)).convert("RGB")
        buffer = io.BytesIO()
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            buffer, format="PNG", optimize=True
        )
        data = buffer.getvalue()
    target.write_bytes(data)
    print(f"{target} ({len(data) // 1024} KB)")


def scroll_to(notebook: NotebookPage, cell_index: int | None) -> None:
    """Scroll the notebook so that code cell ``cell_index`` is at the top (None: very top)."""
    if cell_index is None:
        notebook.notebook.evaluate(
            "n => { n.querySelector('.jp-WindowedPanel-outer').scrollTop = 0; }"
        )
    else:
        notebook.code_cells.nth(cell_index).evaluate("c => c.scrollIntoView({block: 'start'})")
    notebook.page.mouse.move(0, VIEWPORT["height"] - 1)  # no hover effects


def code_cell_index(cell: Locator) -> int:
    """The position of a code cell among all code cells."""
    return int(
        cell.evaluate("c => [...c.parentElement.querySelectorAll('.jp-CodeCell')].indexOf(c)")
    )


def hide_file_browser(page: Page) -> None:
    """Collapse the left sidebar, so the notebook gets the width."""
    page.locator(".jp-SideBar.jp-mod-left li[data-id='filebrowser']").click()
    page.locator("#jp-left-stack").wait_for(state="hidden")


def welcome_and_quiz(browser: Browser, server: LabServer, out: Path, work: Path) -> Path:
    """Welcome notebook and a question with feedback; returns the graded output folder."""
    page = browser.new_page(viewport=VIEWPORT)
    notebook = NotebookPage(page, server, NAME).open()
    start(notebook)
    notebook.notebook.locator(".jp-Cell").first.click()  # the first cell is the active one
    page.keyboard.press("Escape")
    scroll_to(notebook, None)
    save_png(page, out / "welkom.png")

    answer_every_question(notebook)
    hide_file_browser(page)
    cell = notebook.question_cell("h0.cursus.01")
    cell.click(position={"x": 2, "y": 2})
    scroll_to(notebook, code_cell_index(cell))
    save_png(page, out / "quiz-feedback.png")

    notebook.save()
    _, output = grade(notebook.saved_path, work)
    page.close()
    return output


def slider_step(notebook: NotebookPage, box: Locator, css: str, shown: str) -> None:
    """One ArrowRight on a calculator slider; waits until the results with ``shown`` and
    their chart are on the page (one update at a time, so the new picture is the final one).
    """
    chart = box.locator(".salesbook-calc-grafiek")
    before = chart.get_attribute("src")
    handle = box.locator(f".{css}").get_by_role("slider")
    handle.focus()
    handle.press("ArrowRight")
    notebook.wait_until(lambda: notebook.image_after_text(shown), 30, f"the chart for {shown}")
    notebook.page.wait_for_function(
        "([img, before]) => img.getAttribute('src') !== before && img.complete",
        arg=[chart.element_handle(), before],
    )


def calculator(browser: Browser, server: LabServer, out: Path) -> None:
    """Chapter 2's break-even calculator after two steps of the vaste-kosten slider."""
    page = browser.new_page(viewport=CALCULATOR_VIEWPORT)
    notebook = NotebookPage(page, server, "02_meten_is_weten.ipynb").open()
    notebook.run_all()
    hide_file_browser(page)
    box = notebook.calculator("breakeven")
    # € 50.000 → € 51.000 → € 52.000: break-even 5.100, then 5.200 stuks
    slider_step(notebook, box, "salesbook-calc-vaste-kosten", "5.100 stuks")
    slider_step(notebook, box, "salesbook-calc-vaste-kosten", "5.200 stuks")
    box.evaluate("b => b.scrollIntoView({block: 'start'})")
    page.mouse.move(0, CALCULATOR_VIEWPORT["height"] - 1)
    save_png(page, out / "calculator.png")
    page.close()


def feedback_page(browser: Browser, output: Path, out: Path) -> None:
    """The student's feedback page from ``salesbook nakijken``, opened from disk."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(next((output / "feedback").glob("*.html")).as_uri())
    save_png(page, out / "feedback-pagina.png")
    page.close()


def main(argv: list[str] | None = None) -> int:
    """Make the four screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uitvoer", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} ontbreekt: installeer chromium (apt-get install chromium).")
        return 1
    out: Path = args.uitvoer
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="salesbook-screens-") as tmp:
        work = Path(tmp)
        server = LabServer.start(work / "lab")
        try:
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                graded = welcome_and_quiz(browser, server, out, work)
                calculator(browser, server, out)
                feedback_page(browser, graded, out)
                browser.close()
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
