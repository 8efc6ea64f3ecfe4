"""An isolated JupyterLab server for the end-to-end tests and screenshots.

:class:`LabServer`: ``jupyter lab`` on a free port. Config, data and runtime folders, the
answer store (``SALESBOOK_STORE``) and the notebook root are all temporary; the root holds a
*copy* of ``notebooks/``, so the repository's notebooks are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
#: JupyterLab settings for the test server: no news toast, no update check.
SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
SERVER_START_TIMEOUT = 60.0


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
