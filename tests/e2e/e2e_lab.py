"""A real JupyterLab in headless Debian Chromium, for the end-to-end tests and screenshots.

Three pieces, used by ``conftest.py`` (pytest fixtures) and ``tools/make_screenshots.py``:

- :class:`LabServer`: an isolated ``jupyter lab`` on a free port. Config, data and runtime
  folders, the answer store (``SALESBOOK_STORE``) and the notebook root are all temporary; the
  root holds a *copy* of ``notebooks/``, so the repository's notebooks are never touched.
- :func:`launch_browser`: Debian's ``/usr/bin/chromium`` with the arguments from RECIPES.md
  (never ``playwright install``).
- :class:`NotebookPage`: one notebook in one browser page. It listens to the kernel's
  ``/channels`` websocket *before* the page loads and decodes every frame, so it can wait for
  real conditions: ``kernel_info_reply`` (the kernel is connected; a "Run All" sent earlier is
  dropped silently), one ``execute_reply`` per code cell (Run All is done), the ``PUT`` of a
  save. Nothing here waits a fixed time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, Page, Playwright, WebSocket

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
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
#: JupyterLab settings for the test server: no news toast, no update check.
SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
SERVER_START_TIMEOUT = 60.0
KERNEL_TIMEOUT = 60.0
RUN_TIMEOUT = 180.0
PROMPT_DONE = re.compile(r"^\[\d+\]:?$")


class LabError(AssertionError):
    """Something in the browser or server did not happen in time (with what we saw)."""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LabServer:
    """An isolated JupyterLab server; :meth:`stop` kills its whole process group."""

    base: Path
    root: Path
    store: Path
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def start(cls, base: Path, notebooks: Path = NOTEBOOKS) -> LabServer:
        """Start ``jupyter lab`` with everything under ``base`` and wait for ``/api/status``."""
        base.mkdir(parents=True, exist_ok=True)
        folders = {name: base / name for name in ("config", "data", "runtime", "store", "ipython")}
        for folder in folders.values():
            folder.mkdir(exist_ok=True)
        labconfig = folders["config"] / "labconfig"
        labconfig.mkdir(exist_ok=True)
        (labconfig / "default_setting_overrides.json").write_text(
            json.dumps(SETTINGS), encoding="utf-8"
        )
        root = base / "root"
        shutil.copytree(notebooks, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(folders["config"]),
            "JUPYTER_DATA_DIR": str(folders["data"]),
            "JUPYTER_RUNTIME_DIR": str(folders["runtime"]),
            "SALESBOOK_STORE": str(folders["store"]),
            "IPYTHONDIR": str(folders["ipython"]),  # kernel history stays out of $HOME
        }
        env.pop("MPLBACKEND", None)  # the kernel's own inline backend, as for a student
        port = free_port()
        log = base / "jupyterlab.log"
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
            "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=", "--allow-root",
            "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
            "--ServerApp.port_retries=0",
        ]  # fmt: skip
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command,
                cwd=root,
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = cls(base, root, folders["store"], port, process, log)
        server._wait_until_up()
        return server

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LabError(f"JupyterLab stopped at start:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)  # polling a real condition with a deadline
        self.stop()
        raise LabError(f"JupyterLab did not answer in {SERVER_START_TIMEOUT} s:\n{self.log_tail()}")

    def api(self, method: str, path: str) -> Any:
        """Call the server's REST API; returns the decoded JSON (or None)."""
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def code_cell_count(self, name: str) -> int:
        """How many code cells the notebook ``name`` has on the server right now."""
        model = self.api("GET", f"/api/contents/{name}?content=1")
        return sum(cell["cell_type"] == "code" for cell in model["content"]["cells"])

    def shutdown_kernels(self) -> None:
        """Delete every session (and so its kernel): tests do not leave kernels running."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server log, for failure messages."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server and its kernels (the whole process group)."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
            except ProcessLookupError:
                pass


def launch_browser(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with the arguments known to work here."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class KernelMessage:
    """One decoded message from the kernel websocket."""

    channel: str
    msg_type: str
    parent_type: str
    content: dict[str, Any]


def decode_frame(frame: str | bytes) -> KernelMessage | None:
    """Decode a ``/channels`` frame (JSON text, or the binary v1 protocol of Jupyter Server)."""
    try:
        if isinstance(frame, str):
            message = json.loads(frame)
            return KernelMessage(
                message.get("channel", ""),
                message.get("header", {}).get("msg_type", ""),
                message.get("parent_header", {}).get("msg_type", ""),
                message.get("content", {}),
            )
        count = int.from_bytes(frame[:8], "little")
        offsets = [int.from_bytes(frame[8 + 8 * i : 16 + 8 * i], "little") for i in range(count)]
        parts = [frame[offsets[i] : offsets[i + 1]] for i in range(count - 1)]
        channel, header, parent, _metadata, content = parts[:5]
        return KernelMessage(
            channel.decode(),
            json.loads(header).get("msg_type", ""),
            json.loads(parent).get("msg_type", "") if parent.strip() else "",
            json.loads(content) if content.strip() else {},
        )
    except (ValueError, IndexError, AttributeError, UnicodeDecodeError):
        return None


@dataclass
class KernelTraffic:
    """Every message the page received from its kernel, in order (and what it sent)."""

    messages: list[KernelMessage] = field(default_factory=list)
    sent: list[KernelMessage] = field(default_factory=list)

    def attach(self, socket_: WebSocket) -> None:
        """Record frames of a kernel ``/channels`` socket (other sockets are ignored)."""
        if "/channels" not in socket_.url:
            return

        def received(frame: str | bytes) -> None:
            message = decode_frame(frame)
            if message is not None:
                self.messages.append(message)

        def sent(frame: str | bytes) -> None:
            message = decode_frame(frame)
            if message is not None:
                self.sent.append(message)

        socket_.on("framereceived", received)
        socket_.on("framesent", sent)

    def count(self, msg_type: str, since: int = 0) -> int:
        """Messages of ``msg_type`` received after position ``since``."""
        return sum(m.msg_type == msg_type for m in self.messages[since:])

    def widget_updates_sent(self, key: str) -> int:
        """Widget state updates the page sent to the kernel that set ``key``."""
        return sum(
            m.msg_type == "comm_msg"
            and m.content.get("data", {}).get("method") == "update"
            and key in m.content["data"].get("state", {})
            for m in self.sent
        )

    def errors(self, since: int = 0) -> list[str]:
        """``ename: evalue`` of every ``error`` message (a cell raised) after ``since``."""
        return [
            f"{m.content.get('ename')}: {m.content.get('evalue')}"
            for m in self.messages[since:]
            if m.msg_type == "error"
        ]


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
        """Wait for one ``execute_reply`` per code cell, then for every prompt to be ``[n]``."""
        expected = self.server.code_cell_count(self.name)
        self.wait_until(
            lambda: self.traffic.count("execute_reply", since) >= expected,
            RUN_TIMEOUT,
            f"{expected} execute_reply messages",
            lambda: f"{self.traffic.count('execute_reply', since)} execute_reply messages",
        )
        self.page.wait_for_function(
            """([expected, pattern]) => {
                const prompts = document.querySelectorAll(
                    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt');
                const done = new RegExp(pattern);
                return prompts.length === expected
                    && [...prompts].every(p => done.test(p.textContent.trim()));
            }""",
            arg=[expected, PROMPT_DONE.pattern],
            timeout=RUN_TIMEOUT * 1000,
        )

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
