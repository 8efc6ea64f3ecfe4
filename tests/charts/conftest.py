"""Shared checks for the chart tests: every test must leave pyplot without open figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _no_open_figures():
    plt.close("all")
    yield
    assert plt.get_fignums() == [], "a chart function left a figure open in pyplot"
