"""Fixtures for the widget tests: a fake IPython display, a test bank, a started workbook."""

from __future__ import annotations

from pathlib import Path

import IPython.display
import pytest

from salesbook import werkboek

TEST_BANK = Path(__file__).with_name("testbank.yaml")


class FakeHandle:
    """Stands in for IPython's DisplayHandle: keeps every update."""

    def __init__(self, bundle: dict) -> None:
        self.bundles = [bundle]

    @property
    def bundle(self) -> dict:
        return self.bundles[-1]

    def update(self, bundle: dict, raw: bool = False) -> None:
        assert raw, "answer outputs are raw MIME bundles"
        self.bundles.append(bundle)


class FakeScreen:
    """Records what would be displayed in the notebook, in order."""

    def __init__(self) -> None:
        self.shown: list[dict] = []
        self.handles: list[FakeHandle] = []

    def display(self, obj, raw=False, display_id=None, **kwargs):
        assert raw, "the workbook displays raw MIME bundles"
        self.shown.append(obj)
        if display_id:
            handle = FakeHandle(obj)
            self.handles.append(handle)
            return handle
        return None

    def texts(self) -> list[str]:
        return [bundle.get("text/plain", "") for bundle in self.shown]


@pytest.fixture
def screen(monkeypatch) -> FakeScreen:
    fake = FakeScreen()
    monkeypatch.setattr(IPython.display, "display", fake.display)
    return fake


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "antwoorden"


@pytest.fixture
def wb(screen, store_dir, monkeypatch):
    """The workbook started on the test bank, with its own store; reset afterwards."""
    monkeypatch.setattr(werkboek, "_session", None)
    werkboek.start(hoofdstuk=2, studentnummer="123456", bank=TEST_BANK, opslag=store_dir)
    return werkboek
