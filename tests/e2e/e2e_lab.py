"""A real JupyterLab in headless Debian Chromium, for the end-to-end tests and screenshots.

Three pieces, used by ``conftest.py`` (pytest fixtures) and ``tools/make_screenshots.py``,
all importable from here:

- :class:`LabServer` (``e2e_server.py``): an isolated ``jupyter lab`` on a free port. Config,
  data and runtime folders, the answer store (``SALESBOOK_STORE``) and the notebook root are
  all temporary; the root holds a *copy* of ``notebooks/``, so the repository's notebooks are
  never touched.
- :func:`launch_browser`: Debian's ``/usr/bin/chromium`` with the arguments from RECIPES.md
  (never ``playwright install``).
- :class:`NotebookPage`: one notebook in one browser page. It listens to the kernel's
  ``/channels`` websocket *before* the page loads and decodes every frame (``e2e_traffic.py``),
  so it can wait for real conditions: ``kernel_info_reply`` (the kernel is connected; a "Run
  All" sent earlier is dropped silently), one ``execute_reply`` per code cell (Run All is
  done), the ``PUT`` of a save. Nothing here waits a fixed time.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from e2e_server import NOTEBOOKS, REPO, SETTINGS, LabError, LabServer, free_port
from e2e_traffic import KernelMessage, KernelTraffic, decode_frame
from playwright.sync_api import Browser, Locator, Page, Playwright

__all__ = [
    "CHROMIUM",
    "NOTEBOOKS",
    "REPO",
    "SETTINGS",
    "VIEWPORT",
    "KernelMessage",
    "KernelTraffic",
    "LabError",
    "LabServer",
    "NotebookPage",
    "decode_frame",
    "free_port",
    "launch_browser",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
KERNEL_TIMEOUT = 60.0
RUN_TIMEOUT = 180.0
PROMPT_DONE = re.compile(r"^\[\d+\]:?$")


def launch_browser(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with the arguments known to work here."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class NotebookPage:
    """One notebook open in JupyterLab in one browser page."""

    def __init__(self, page: Page, server: LabServer, name: str) -> None:
        self.page = page
        self.server = server
        self.name = name
        self.traffic = KernelTraffic()
        page.on("websocket", self.traffic.attach)  # before goto: the race in RECIPES.md

    # --- waiting ---------------------------------------------------------------------------
    def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float,
        what: str,
        seen: Callable[[], str] | None = None,
    ) -> None:
        """Poll ``condition`` (letting Playwright deliver events) until true, or fail.

        ``seen`` describes what did happen, for the failure message.
        """
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                found = f"; seen: {seen()}" if seen else ""
                raise LabError(
                    f"{what}: not done after {timeout:.0f} s ({self.name}){found}; "
                    f"cell errors: {self.traffic.errors()}; server log:\n"
                    f"{self.server.log_tail(15)}"
                )
            self.page.wait_for_timeout(50)

    # --- opening and running ---------------------------------------------------------------
    def open(self) -> NotebookPage:
        """Open the notebook and wait until its kernel answered ``kernel_info``.

        Every page gets a workspace of its own: JupyterLab would otherwise restore the tabs of
        an earlier page, and their kernels would share this page's traffic.
        """
        workspace = f"e2e-{uuid.uuid4().hex[:12]}"
        self.page.goto(f"{self.server.url}/lab/workspaces/{workspace}/tree/{self.name}")
        self.wait_until(
            lambda: self.traffic.count("kernel_info_reply") > 0,
            KERNEL_TIMEOUT,
            "kernel_info_reply on the kernel websocket",
        )
        self.notebook.wait_for()
        return self

    @property
    def notebook(self) -> Locator:
        """The notebook panel's cell list."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")

    @property
    def code_cells(self) -> Locator:
        """All code cells of the notebook."""
        return self.notebook.locator(".jp-CodeCell")

    def menu(self, menu: str, item: str) -> None:
        """Click a menu bar item, then an entry of its menu (exact labels)."""
        self.page.locator(f".lm-MenuBar-itemLabel:text-is('{menu}')").click()
        self.page.locator(f".lm-Menu-itemLabel:text-is('{item}')").click()

    def run_all(self) -> None:
        """Run > Run All Cells, and wait until every code cell has run."""
        since = len(self.traffic.messages)
        self.menu("Run", "Run All Cells")
        self.wait_for_run(since)

    def restart_and_run_all(self) -> None:
        """Kernel > Restart Kernel and Run All Cells…, confirm, and wait until all ran."""
        since = len(self.traffic.messages)
        self.menu("Kernel", "Restart Kernel and Run All Cells…")
        dialog = self.page.locator(".jp-Dialog")
        dialog.locator("button.jp-mod-accept").click()  # "Confirm Kernel Restart"
        dialog.wait_for(state="detached")
        self.wait_until(
            lambda: self.traffic.count("kernel_info_reply", since) > 0,
            KERNEL_TIMEOUT,
            "kernel_info_reply after the restart",
        )
        self.wait_for_run(since)

    def wait_for_run(self, since: int) -> None:
        """Wait for one ``execute_reply`` per code cell, then for every prompt to be ``[n]``.

        A reply that is not ``ok`` (a cell raised; the kernel aborts the cells queued after
        it, whose prompts stay empty) fails at once, with the cell errors.
        """
        expected = self.server.code_cell_count(self.name)

        def statuses() -> list[str]:
            return [
                str(m.content.get("status"))
                for m in self.traffic.messages[since:]
                if m.msg_type == "execute_reply"
            ]

        self.wait_until(
            lambda: len(statuses()) >= expected or set(statuses()) - {"ok"} != set(),
            RUN_TIMEOUT,
            f"{expected} execute_reply messages",
            lambda: f"{len(statuses())} execute_reply messages",
        )
        if set(statuses()) - {"ok"}:
            raise LabError(
                f"Run All of {self.name} stopped: execute_reply statuses {statuses()}; "
                f"cell errors: {self.traffic.errors(since)}"
            )
        self.wait_until(
            lambda: self._prompts_done(expected),
            RUN_TIMEOUT,
            f"{expected} prompts showing [n]",
            lambda: f"prompts {self._prompts()}",
        )

    def _prompts(self) -> list[str]:
        """The execution prompts of the shown notebook's code cells, in order."""
        return self.page.evaluate(
            """() => [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt'
            )].map(p => p.textContent.trim())"""
        )

    def _prompts_done(self, expected: int) -> bool:
        prompts = self._prompts()
        return len(prompts) == expected and all(PROMPT_DONE.match(p) for p in prompts)

    def problems(self, since: int = 0) -> list[str]:
        """Errors raised by cells (kernel messages) and stderr/error outputs on the page."""
        found = self.traffic.errors(since)
        outputs = self.notebook.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
        )
        found += [f"output: {text[:600]}" for text in outputs.all_inner_texts()]
        return found

    # --- editing and saving ----------------------------------------------------------------
    def set_cell_source(self, index: int, source: str) -> None:
        """Replace the text of code cell ``index`` (0-based) as a student would: select, type."""
        editor = self.code_cells.nth(index).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.insert_text(source)
        self.page.keyboard.press("Escape")  # back to command mode

    def save(self) -> None:
        """Click the toolbar's save button; wait for the server's PUT and a clean tab.

        The button works wherever the keyboard focus is (a widget may keep key presses).
        """
        button = self.page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar [data-command='docmanager:save']"
        )
        with self.page.expect_response(
            lambda r: r.request.method == "PUT" and f"/api/contents/{self.name}" in r.url
        ) as response:
            button.click()
        if not response.value.ok:
            raise LabError(f"saving {self.name} failed: HTTP {response.value.status}")
        self.page.locator(".lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)").wait_for()

    @property
    def saved_path(self) -> Path:
        """The notebook file on the server's disk."""
        return self.server.root / self.name

    # --- course widgets ----------------------------------------------------------------------
    @staticmethod
    def question_css(question_id: str) -> str:
        """CSS selector of a question's widget: ``h0.cursus.02`` → ``.salesbook-h0-cursus-02``."""
        css = "".join(c if c.isalnum() or c == "-" else "-" for c in question_id.lower())
        return f".salesbook-vraag.salesbook-{css}"

    def question(self, question_id: str) -> Locator:
        """The widget of a question (``salesbook-vraag`` box with the id's CSS class)."""
        return self.notebook.locator(self.question_css(question_id))

    def question_cell(self, question_id: str) -> Locator:
        """The code cell that shows a question."""
        return self.code_cells.filter(has=self.page.locator(self.question_css(question_id)))

    def answer_output(self, question_id: str) -> Locator:
        """The cell's answer output: the Markdown the notebook keeps ("Vraag … · Goed · …")."""
        outputs = self.question_cell(question_id).locator(".jp-RenderedMarkdown")
        return outputs.filter(has_text=f"Vraag {question_id}")

    def calculator(self, name: str) -> Locator:
        """The widget of a calculator (``salesbook-calc-<name>``)."""
        return self.notebook.locator(f".salesbook-calculator.salesbook-calc-{name}")

    def kernel_has_value(self, value: str, since: int = 0) -> bool:
        """True once the kernel echoed a widget ``value`` (it received what was typed)."""
        return any(
            m.msg_type == "comm_msg"
            and m.content.get("data", {}).get("method") == "echo_update"
            and m.content["data"].get("state", {}).get("value") == value
            for m in self.traffic.messages[since:]
        )

    def image_updates(self, since: int = 0) -> int:
        """Widget updates with binary image data (a calculator's new chart) after ``since``."""
        return sum(
            m.msg_type == "comm_msg"
            and m.content.get("data", {}).get("method") == "update"
            and ["value"] in m.content["data"].get("buffer_paths", [])
            for m in self.traffic.messages[since:]
        )

    def image_after_text(self, text: str) -> bool:
        """True once an image update came after the last widget update showing ``text``.

        A calculator shows its results, then its chart, in one callback: this is true when
        the chart that belongs to the results with ``text`` has arrived.
        """
        for index in range(len(self.traffic.messages) - 1, -1, -1):
            message = self.traffic.messages[index]
            state = message.content.get("data", {}).get("state", {})
            if message.msg_type == "comm_msg" and text in str(state.get("value", "")):
                return self.image_updates(index) > 0
        return False

    def type_text(self, field: Locator, text: str) -> None:
        """Type into a text widget key by key, then wait until the kernel has the whole text.

        Like a student who types and pauses before Enter or a button. Enter or a click at
        once also checks the whole text (``test_e2e_typing_race.py``); this helper waits so
        that the other tests do not depend on that.
        """
        since = len(self.traffic.messages)
        field.click()
        field.press_sequentially(text)
        self.wait_until(
            lambda: self.kernel_has_value(text, since), 10, f"kernel echo of the typed {text!r}"
        )
