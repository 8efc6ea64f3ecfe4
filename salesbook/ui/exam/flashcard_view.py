"""The flashcard widget: front, "Toon antwoord", back, four Dutch rating buttons, queue count.

Controls reachable from code and tests: ``show_button`` ("Toon antwoord"), ``rating_buttons``
(``{"Opnieuw": …, "Moeilijk": …, "Goed": …, "Makkelijk": …}``), ``front``/``back`` (HTMLMath),
``counts`` and ``status`` (HTML), ``current`` (the card shown). Example:
``view.show_button.click(); view.rating_buttons["Goed"].click()``. The clock is injectable
(``now``), so tests review at fixed times.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

import ipywidgets as widgets
from fsrs import Card

from salesbook.exam.attempt import WallClock, utc_now
from salesbook.exam.cards import Flashcard
from salesbook.exam.flashcards import RATINGS, FlashcardBox, card_id, utc
from salesbook.exam.mastery import NOTEBOOKS
from salesbook.ui.exam.widgets_util import hide, mimebundle, show_again
from salesbook.ui.markdown import to_html
from salesbook.ui.shared import make

STYLES = {"Opnieuw": "danger", "Moeilijk": "warning", "Goed": "success", "Makkelijk": "info"}


def interval_text(interval: timedelta) -> str:
    """A rounded Dutch duration: ``< 1 min``, ``10 min``, ``3 uur``, ``2 dagen``, ``4 mnd``."""
    minutes = interval.total_seconds() / 60
    if minutes < 1:
        return "< 1 min"
    if minutes < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)} uur"
    days = hours / 24
    if days < 31:
        return "1 dag" if round(days) == 1 else f"{round(days)} dagen"
    months = days / 30.4
    return f"{round(months)} mnd" if months < 12 else f"{days / 365:.1f} jaar".replace(".", ",")


class FlashcardView:
    """Flashcards in a notebook cell (see the module docstring)."""

    def __init__(self, box: FlashcardBox, *, now: WallClock = utc_now) -> None:
        self.cards = box
        self._now = now
        self.current: Flashcard | None = None
        self.counts = make(widgets.HTML, value="")
        self.front = make(widgets.HTMLMath, value="")
        self.front.add_class("salesbook-kaart-voorkant")
        self.back = make(widgets.HTMLMath, value="")
        self.back.add_class("salesbook-kaart-achterkant")
        self.status = make(widgets.HTML, value="")
        self.show_button = widgets.Button(
            description="Toon antwoord",
            icon="eye",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.show_button.add_class("salesbook-toon-antwoord")
        self.show_button.on_click(lambda _b: self.show_answer())
        self.rating_buttons: dict[str, widgets.Button] = {}
        for name in RATINGS:
            button = widgets.Button(
                description=name, button_style=STYLES[name], layout=widgets.Layout(width="auto")
            )
            button.add_class(f"salesbook-beoordeling-{name.lower()}")
            button.on_click(lambda _b, rating=name: self.rate(rating))
            self.rating_buttons[name] = button
        self.ratings_row = widgets.HBox(list(self.rating_buttons.values()))
        card = widgets.VBox(
            [self.front, self.show_button, self.back, self.ratings_row],
            layout=widgets.Layout(border="1px solid #ccc", padding="8px 12px", width="100%"),
        )
        self.box = widgets.VBox(
            [self.counts, card, self.status], layout=widgets.Layout(max_width="820px")
        )
        self.box.add_class("salesbook-flashcards")
        if box.problems:
            self.status.value = "".join(
                f'<p style="color:#8a5a00">{html.escape(p)}</p>' for p in box.problems
            )
        self.next_card()

    def _moment(self) -> datetime:
        return self._now()

    def _show_counts(self) -> None:
        counts = self.cards.counts(self._moment())
        self.counts.value = (
            f"<strong>Flashcards</strong> · te herhalen: {counts.due} · nieuw vandaag: "
            f"{counts.new}" + (f" · straks terug: {counts.soon}" if counts.soon else "")
        )

    def next_card(self) -> None:
        """Show the next card of the queue (or that you are done for now)."""
        self.current = self.cards.next_card(self._moment())
        self._show_counts()
        self.back.value = ""
        hide(self.ratings_row)
        if self.current is None:
            self.front.value = (
                "<p><strong>Klaar voor nu!</strong> Er zijn geen kaarten meer te herhalen. "
                "Kom morgen terug: dan staan er weer kaarten voor je klaar.</p>"
            )
            hide(self.show_button)
            return
        card = self.current
        kind = "begrip" if card.kind == "begrip" else "vraag uit de vragenbank"
        self.front.value = (
            f'<div style="color:#555">Hoofdstuk {card.chapter} · {kind}</div>{to_html(card.front)}'
        )
        show_again(self.show_button, align_self="flex-start")
        for name, button in self.rating_buttons.items():
            button.description = name
            button.tooltip = name

    def show_answer(self) -> None:
        """Turn the card: show the back and the rating buttons with their next interval."""
        card = self.current
        if card is None:
            return
        link = f"{NOTEBOOKS.get(card.chapter, '')}#{card.section}"
        self.back.value = (
            f'<hr style="margin:6px 0">{to_html(card.back)}<p style="color:#555">Lees na: '
            f'<a href="{html.escape(link)}" target="_blank">hoofdstuk {card.chapter}, '
            f"{html.escape(card.section)}</a></p>"
        )
        hide(self.show_button)
        show_again(self.ratings_row, align_self="flex-start")
        moment = utc(self._moment())
        state = self.cards.state(card.key) or Card(card_id=card_id(card.key), due=moment)
        for name, rating in RATINGS.items():
            preview, _ = self.cards.scheduler.review_card(state, rating, review_datetime=moment)
            text = interval_text(preview.due - moment)
            self.rating_buttons[name].description = f"{name} · {text}"
            self.rating_buttons[name].tooltip = f"{name}: je ziet deze kaart over {text} terug"

    def rate(self, rating: str) -> None:
        """Rate the current card (after turning it) and show the next one."""
        if self.current is None or not self.back.value:
            return
        self.cards.review(self.current.key, rating, self._moment())
        if self.cards.problems:
            self.status.value = "".join(
                f'<p style="color:#8a5a00">{html.escape(p)}</p>' for p in self.cards.problems
            )
        self.next_card()

    def text(self) -> str:
        """The flashcards without widgets (deterministic for an empty state, for nbval)."""
        counts = self.cards.counts(self._moment())
        return (
            f"**Flashcards** · te herhalen: {counts.due} · nieuw vandaag: {counts.new}\n\n"
            "Klik op **Toon antwoord** en beoordeel jezelf met "
            "**Opnieuw**, **Moeilijk**, **Goed** of **Makkelijk**. Zie je geen knoppen? Open dit "
            "notebook in JupyterLab."
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return mimebundle(self.box, self.text())
