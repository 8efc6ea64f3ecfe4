"""Start JupyterLab at the workbook's welcome notebook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from salesbook.exceptions import SalesbookError

WELCOME_NOTEBOOK = "00_welkom.ipynb"


def workbook_root() -> Path:
    """Return the folder that holds ``notebooks/``: the checkout, else the working directory."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "notebooks").is_dir():
        return checkout
    cwd = Path.cwd()
    if (cwd / "notebooks").is_dir():
        return cwd
    raise SalesbookError(
        f"Ik vind de map 'notebooks' niet (gezocht in {checkout} en {cwd}). "
        "Start salesbook vanuit de map van het werkboek."
    )


def has_display() -> bool:
    """Tell whether a browser window can be opened on this machine."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def jupyterlab_command(
    root: Path, *, port: int | None = None, open_browser: bool | None = None
) -> list[str]:
    """Build the command line that starts JupyterLab on the workbook."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    welcome = root / "notebooks" / WELCOME_NOTEBOOK
    if welcome.exists():
        command.append(f"--LabApp.default_url=/lab/tree/notebooks/{WELCOME_NOTEBOOK}")
    if port is not None:
        command.append(f"--port={port}")
    if open_browser is None:
        open_browser = has_display()
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def start(*, port: int | None = None, open_browser: bool | None = None) -> int:
    """Run JupyterLab in the foreground until it is stopped; return its exit code."""
    root = workbook_root()
    command = jupyterlab_command(root, port=port, open_browser=open_browser)
    if "--no-browser" in command:
        print(
            "Geen scherm gevonden: JupyterLab start zonder browser. Open de link met "
            "'127.0.0.1' die hieronder verschijnt (met het token erin) in je browser.",
            flush=True,
        )
    print(f"Werkboek: {root / 'notebooks'} — stoppen met Ctrl+C.", flush=True)
    try:
        return subprocess.call(command, cwd=root)
    except KeyboardInterrupt:
        return 0
