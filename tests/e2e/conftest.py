"""Fixtures for the browser tests: one isolated JupyterLab and one Chromium per session.

Without ``/usr/bin/chromium`` the tests are skipped with a reason, except in CI (``CI`` set to
a true value), where a missing browser is a failure: CI installs it (``.ci/run``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from e2e_lab import CHROMIUM, VIEWPORT, LabServer, NotebookPage, launch_browser
from playwright.sync_api import expect

#: Generous waits for slow CI machines; a passing wait returns as soon as its condition holds.
expect.set_options(timeout=15_000)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = (
        f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium) "
        "voor de browsertests; gebruik nooit 'playwright install'."
    )
    if _in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """A JupyterLab on a free port, serving a temporary copy of ``notebooks/``."""
    _require_chromium()
    server = LabServer.start(tmp_path_factory.mktemp("jupyterlab"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def lab_browser(lab_server: LabServer):
    """Debian's Chromium, headless, for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_notebook(lab_server: LabServer, lab_browser) -> Iterator[Callable[[str], NotebookPage]]:
    """``open_notebook("00_welkom.ipynb")`` → a :class:`NotebookPage` whose kernel is ready.

    Each test gets a fresh browser context; afterwards its pages are closed and every kernel
    on the server is shut down.
    """
    context = lab_browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)

    def opener(name: str) -> NotebookPage:
        return NotebookPage(context.new_page(), lab_server, name).open()

    try:
        yield opener
    finally:
        context.close()
        lab_server.shutdown_kernels()
