"""The `salesbook` command: Dutch help and errors, and `start` really starts JupyterLab."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from salesbook.cli import main
from salesbook.launch import jupyterlab_command, workbook_root


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: salesbook")
    assert "toon deze hulp en stop" in out
    assert "start JupyterLab bij het welkomstnotebook" in out
    assert "usage" not in out and "show this help" not in out


def test_unknown_command_gives_a_dutch_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["nakijkenn"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "fout: argument opdracht: ongeldige keuze: 'nakijkenn'" in err


def test_missing_command_gives_a_dutch_error(capsys):
    with pytest.raises(SystemExit):
        main([])
    assert "deze argumenten zijn verplicht: opdracht" in capsys.readouterr().err


def test_jupyterlab_command_opens_the_workbook_root_headless():
    root = workbook_root()
    assert (root / "notebooks").is_dir()
    command = jupyterlab_command(root, port=9999, open_browser=False)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={root}" in command
    assert "--port=9999" in command and "--no-browser" in command
    if (root / "notebooks" / "00_welkom.ipynb").exists():
        assert "--LabApp.default_url=/lab/tree/notebooks/00_welkom.ipynb" in command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_start_serves_jupyterlab_and_prints_the_link(tmp_path: Path):
    port = _free_port()
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):
        env[name] = str(tmp_path / name.lower())
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    salesbook = Path(sys.executable).with_name("salesbook")
    process = subprocess.Popen(
        [str(salesbook), "start", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        info = None
        while time.monotonic() < deadline and info is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as reply:
                    info = json.load(reply)
            except OSError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                time.sleep(0.3)
        assert info is not None and "version" in info
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert "Geen scherm gevonden" in output
    assert f"http://127.0.0.1:{port}/lab" in output
