"""Widgets and student functions of the exam training (see :mod:`salesbook.ui.exam.api`)."""

from __future__ import annotations

from salesbook.ui.exam.api import (
    ExamContext,
    beheersing,
    current,
    examengeschiedenis,
    flashcards,
    flashcardstatistiek,
    proefexamen,
    start,
)

__all__ = [
    "ExamContext",
    "beheersing",
    "current",
    "examengeschiedenis",
    "flashcards",
    "flashcardstatistiek",
    "proefexamen",
    "start",
]
