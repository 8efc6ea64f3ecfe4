"""The single exception hierarchy of salesbook.

Every error a student or teacher can meet derives from :class:`SalesbookError` and carries a
Dutch message that says what went wrong, where, and what to do instead.
"""

from __future__ import annotations


class SalesbookError(Exception):
    """Root of all salesbook errors; the message is Dutch and meant for people."""


class InvalidInputError(SalesbookError, ValueError):
    """A calculation got input for which no meaningful answer exists."""


class NumberFormatError(SalesbookError, ValueError):
    """User input could not be read as a (Dutch-notation) number."""


class QuestionBankError(SalesbookError):
    """A question bank file is missing, malformed or violates the schema."""


class DataError(SalesbookError):
    """The course data set is missing or damaged."""


class AnswerStoreError(SalesbookError):
    """The local answer store could not be read or written."""


class NotebookError(SalesbookError):
    """A notebook file could not be read, executed or written."""
