"""Fixtures for the widget tests: a test bank, a started workbook, a fake kernel and browser
session for messages from the browser (the fake display is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from salesbook import werkboek

TEST_BANK = Path(__file__).with_name("testbank.yaml")


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "antwoorden"


@pytest.fixture
def wb(screen, store_dir, monkeypatch):
    """The workbook started on the test bank, with its own store; reset afterwards."""
    monkeypatch.setattr(werkboek, "_session", None)
    werkboek.start(hoofdstuk=2, studentnummer="123456", bank=TEST_BANK, opslag=store_dir)
    return werkboek


class FakeKernel:
    """Stands in for ipykernel's ``get_parent()``: the message being handled now."""

    def __init__(self) -> None:
        self.parent: dict = {"header": {"msg_type": "execute_request", "session": "cel"}}

    def get_parent(self) -> dict:
        return self.parent


class FakeBrowser:
    """Delivers widget messages from a browser session, the way ipykernel hands them over.

    It does nothing by itself: a test says when the browser's queued value and its answer
    to the kernel's request arrive, in the order a real browser may send them.
    """

    def __init__(self, kernel: FakeKernel, session: str = "browser-a") -> None:
        self.kernel = kernel
        self.session = session

    def send(self, widget, data: dict) -> None:
        message = {
            "header": {"msg_type": "comm_msg", "session": self.session},
            "content": {"data": data},
            "buffers": [],
        }
        before, self.kernel.parent = self.kernel.parent, message
        try:
            widget._handle_msg(message)
        finally:
            self.kernel.parent = before

    def update(self, widget, **state) -> None:
        """A state update (typed text, the answer ``_synced``)."""
        self.send(widget, {"method": "update", "state": state, "buffer_paths": []})

    def custom(self, widget, **content) -> None:
        """A custom message: ``event="submit"`` (Enter) or ``event="click"`` (a button)."""
        self.send(widget, {"method": "custom", "content": content})


@pytest.fixture
def kernel(monkeypatch) -> FakeKernel:
    """A fake kernel behind ``get_ipython()`` for :mod:`salesbook.ui.synced_text`."""
    from salesbook.ui import synced_text

    fake = FakeKernel()
    monkeypatch.setattr(synced_text, "get_ipython", lambda: SimpleNamespace(kernel=fake))
    return fake


@pytest.fixture
def browser(kernel) -> FakeBrowser:
    """Browser session "browser-a" talking to the fake kernel."""
    return FakeBrowser(kernel)
