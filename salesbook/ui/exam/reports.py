"""Static overviews shown as ordinary outputs: mastery, exam history, flashcard statistics.

Each report is a list of display bundles: a chart (PNG with a short text twin) and Markdown
with a plain-text twin, so nbval compares the numbers and JupyterLab renders the links. With
nothing saved yet, a report is one short Dutch sentence (deterministic for a fresh store).
"""

from __future__ import annotations

import base64
from datetime import tzinfo
from typing import Any

from salesbook.exam.flashcards import RATINGS, DayStats
from salesbook.exam.history import AttemptRecord
from salesbook.exam.mastery import Mastery, practice_list
from salesbook.exam.plots import (
    chapter_rows,
    daily_figure,
    day_label,
    history_figure,
    mastery_figure,
)
from salesbook.notation import format_percentage
from salesbook.ui.exam.widgets_util import figure_bytes
from salesbook.ui.feedback import points_text
from salesbook.ui.markdown import to_plain

EXPLAIN = (
    "Beheersing combineert je antwoorden in de hoofdstukken, je proefexamens en je flashcards. "
    "Recent werk telt zwaarder; vanaf 80% beheers je een leerdoel."
)


class Report:
    """Shows its bundles one after another when it is a cell's result."""

    def __init__(self, bundles: list[dict[str, Any]]) -> None:
        self._bundles = bundles

    def bundles(self) -> list[dict[str, Any]]:
        """The display bundles, in order."""
        return list(self._bundles)

    def text(self) -> str:
        """All plain text of the report (what nbval compares)."""
        return "\n\n".join(bundle["text/plain"] for bundle in self._bundles)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for bundle in self._bundles:
            display(bundle, raw=True)


def markdown(text: str) -> dict[str, str]:
    """A Markdown bundle with its plain-text twin."""
    return {"text/markdown": text, "text/plain": to_plain(text)}


def chart(fig: Any, title: str) -> dict[str, str]:
    """A PNG bundle with a short text twin."""
    png = base64.b64encode(figure_bytes(fig)).decode("ascii")
    return {"image/png": png, "text/plain": f"[Grafiek: {title}]"}


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _practice(rows: list[Mastery]) -> str:
    lines = [
        f"{n}. [{row.leerdoel} · {_cell(row.text)}]({row.link}) – "
        f"{format_percentage(row.score, 0)} ({row.level})"
        for n, row in enumerate(practice_list(rows), start=1)
    ]
    if not lines:
        return "**Oefen dit nog:** niets meer – je beheerst alle leerdoelen. Knap!"
    return "**Oefen dit nog** (klik om naar de uitleg in het hoofdstuk te gaan):\n\n" + "\n".join(
        lines
    )


def mastery_report(rows: list[Mastery], titles: dict[int, str], chapter: int | None) -> Report:
    """Mastery per chapter (or per leerdoel of one chapter) plus the "oefen dit nog" list."""
    if chapter is not None:
        rows = [row for row in rows if row.chapter == chapter]
        title = f"Beheersing per leerdoel · hoofdstuk {chapter}"
        bars = [(f"{row.leerdoel} · {row.text}", row.score) for row in rows]
        table = [
            "| Leerdoel | Beheersing | Niveau | Quiz | Examen | Flashcards |",
            "|---|---|---|---|---|---|",
        ]
        table += [
            f"| [{row.leerdoel}]({row.link}): {_cell(row.text)} | "
            f"{format_percentage(row.score, 0)} | {row.level} | {row.counts['quiz']} | "
            f"{row.counts['examen']} | {row.counts['flashcard']} |"
            for row in rows
        ]
    else:
        title = "Beheersing per hoofdstuk"
        bars = chapter_rows(rows, titles)
        table = ["| Hoofdstuk | Beheersing | Leerdoelen beheerst | Geoefend |", "|---|---|---|---|"]
        for label, share in bars:
            number = int(label[1:].split(" ")[0])
            goals = [row for row in rows if row.chapter == number]
            mastered = sum(row.level == "beheerst" for row in goals)
            practised = sum(row.evidence > 0 for row in goals)
            table.append(
                f"| {_cell(label)} | {format_percentage(share, 0)} | {mastered} van "
                f"{len(goals)} | {practised} van {len(goals)} |"
            )
    return Report(
        [
            chart(mastery_figure(bars, title), title),
            markdown(EXPLAIN + "\n\n" + "\n".join(table)),
            markdown(_practice(rows)),
        ]
    )


def history_report(attempts: list[AttemptRecord], tz: tzinfo | None = None) -> Report:
    """Every handed-in mock exam: chart and table (or one sentence when there are none)."""
    if not attempts:
        return Report(
            [
                markdown(
                    "Je hebt nog geen proefexamen ingeleverd. Je resultaten komen hier te staan."
                )
            ]
        )
    lines = ["| Nr. | Datum | Examen | Punten | Score | Tijd om |", "|---|---|---|---|---|---|"]
    for number, attempt in enumerate(attempts, start=1):
        moment = attempt.handed_in_at.astimezone(tz)
        lines.append(
            f"| {number} | {day_label(moment.date())} {moment.year} {moment:%H:%M} | "
            f"{attempt.seed} | {points_text(attempt.score)} van {points_text(attempt.max_score)} | "
            f"{format_percentage(attempt.share, 0)} | {'ja' if attempt.expired else 'nee'} |"
        )
    title = "Jouw proefexamens"
    return Report([chart(history_figure(attempts, tz), title), markdown("\n".join(lines))])


def daily_report(stats: list[DayStats]) -> Report:
    """Flashcard reviews per day and rating: chart and table (or one sentence)."""
    if not stats:
        return Report([markdown("Je hebt nog geen flashcards herhaald.")])
    names = list(RATINGS)
    lines = ["| Dag | " + " | ".join(names) + " | Totaal |", "|---" * (len(names) + 2) + "|"]
    for day in stats:
        counts = " | ".join(str(day.counts.get(name, 0)) for name in names)
        lines.append(f"| {day_label(day.day)} {day.day.year} | {counts} | {day.total} |")
    title = "Flashcards per dag"
    return Report([chart(daily_figure(stats), title), markdown("\n".join(lines))])
