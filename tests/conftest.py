"""Shared fixtures: a fake IPython display that keeps what the workbook shows."""

from __future__ import annotations

import IPython.display
import pytest

from salesbook import werkboek


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

    @property
    def last_text(self) -> str:
        return self.shown[-1]["text/plain"]


@pytest.fixture
def screen(monkeypatch) -> FakeScreen:
    """The fake display, with no workbook started yet."""
    fake = FakeScreen()
    monkeypatch.setattr(IPython.display, "display", fake.display)
    monkeypatch.setattr(werkboek, "_session", None)
    return fake
