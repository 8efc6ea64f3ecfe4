"""Shared checks for the calculator tests: no figure may stay open in pyplot."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _no_open_figures():
    plt.close("all")
    yield
    assert plt.get_fignums() == [], "a calculator left a figure open in pyplot"


def result_rows(calc) -> dict[str, str]:
    """The results shown now, label → Dutch text."""
    return dict(calc.rows)
