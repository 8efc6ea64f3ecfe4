"""Errors and warnings of the exam training (Dutch messages, one root: SalesbookError)."""

from __future__ import annotations

from salesbook.exceptions import SalesbookError


class BlueprintError(SalesbookError):
    """The toetsmatrijs (exam blueprint) is missing, malformed or does not fit the course."""


class ExamError(SalesbookError):
    """An exam attempt was used the wrong way (e.g. answering after handing in)."""


class FlashcardError(SalesbookError):
    """A flashcard, rating or begrippen file is not valid."""


class ExamStateWarning(UserWarning):
    """A problem with the locally saved exam history or flashcard state; work goes on."""
