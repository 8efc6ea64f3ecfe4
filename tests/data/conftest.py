"""Shared fixtures for the data tests: generate the default and one other data set once."""

from __future__ import annotations

import pytest

import salesbook.data as data


@pytest.fixture(scope="session")
def tables():
    """The default data set, generated in memory (never modify it in a test)."""
    return data.generate()


@pytest.fixture(scope="session")
def other_tables():
    """A data set from another seed."""
    return data.generate(seed=7)
