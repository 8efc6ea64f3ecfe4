"""The mock exam widget: start, answer without feedback, countdown, hand in, results, review.

Controls reachable from code and tests: ``start_button`` ("Start proefexamen"),
``hand_in_button`` ("Inleveren"; with unanswered questions the first click asks to click
again), ``countdown`` (HTML), ``views`` (the question views, one per question, the same as in
the chapters: ``views[0].control.value = 1``), ``only_wrong`` (Checkbox), ``results`` (HTML),
``history_chart`` (Image). Nothing starts by itself: the exam is drawn and the countdown starts
on the start button. The countdown thread only calls :meth:`ExamView.tick` every second, so
tests call ``tick()`` with a fake clock instead (``ticker=False``).
"""

from __future__ import annotations

import secrets
import threading
import time
import weakref
from typing import Any

import ipywidgets as widgets

from salesbook.exam.attempt import ExamAttempt, WallClock, utc_now
from salesbook.exam.blueprint import Blueprint
from salesbook.exam.history import ExamHistory
from salesbook.exam.plots import history_figure
from salesbook.exam.sampling import draw_exam
from salesbook.exam.timer import Clock
from salesbook.quiz import Course
from salesbook.ui.exam.exam_html import header_html, intro_markdown, result_html, review_html
from salesbook.ui.exam.port import NOTED, ExamPort, Ticker
from salesbook.ui.exam.widgets_util import figure_bytes, hide, mimebundle, show_again
from salesbook.ui.frame import QuestionView
from salesbook.ui.shared import make
from salesbook.ui.synced_text import when_all_synced
from salesbook.ui.views import make_view

EMPTY = (None, "", [], {})
_RUNNING: weakref.WeakSet[ExamView] = weakref.WeakSet()
"""Exams started in this kernel and not handed in: starting a new one stops the others."""


class ExamView:
    """A mock exam in a notebook cell (see the module docstring)."""

    def __init__(
        self,
        course: Course,
        blueprint: Blueprint,
        history: ExamHistory,
        *,
        seed: int | None = None,
        time_limit_minutes: float | None = None,
        clock: Clock = time.monotonic,
        now: WallClock = utc_now,
        ticker: bool = True,
    ) -> None:
        self.course, self.blueprint, self.history = course, blueprint, history
        self.seed = seed
        self.minutes = (
            blueprint.time_limit_minutes if time_limit_minutes is None else time_limit_minutes
        )
        self._clock, self._now, self._use_ticker = clock, now, ticker
        self._lock = threading.RLock()
        self._confirm = False
        self.abandoned = False
        self.attempt: ExamAttempt | None = None
        self.views: list[QuestionView] = []
        self.ports: list[ExamPort] = []
        self.ticker: Ticker | None = None
        unit = "punten" if blueprint.by_points else "vragen"
        self.header = make(
            widgets.HTML,
            value=header_html(blueprint.name, blueprint.size, unit, self.minutes, seed),
        )
        self.start_button = make(
            widgets.Button,
            layout={"width": "auto"},
            description="Start proefexamen",
            icon="play",
            button_style="primary",
        )
        self.start_button.add_class("salesbook-examen-start")
        self.hand_in_button = widgets.Button(
            description="Inleveren",
            icon="check",
            button_style="success",
            layout=widgets.Layout(display="none", width="auto"),
        )
        self.hand_in_button.add_class("salesbook-examen-inleveren")
        self.countdown = make(widgets.HTML, value="")
        self.countdown.add_class("salesbook-aftellen")
        self.message = make(widgets.HTML, value="")
        self.results = make(widgets.HTML, value="")
        self.only_wrong = widgets.Checkbox(
            value=False,
            description="Toon alleen de vragen die niet goed waren",
            indent=False,
            layout=widgets.Layout(display="none", width="auto"),
        )
        self.history_chart = widgets.Image(
            format="png", layout=widgets.Layout(display="none", max_width="720px")
        )
        self.questions = widgets.VBox([])
        self._rows: list[widgets.VBox] = []
        self.start_button.on_click(lambda _b: self.start())
        self.hand_in_button.on_click(lambda _b: self._hand_in_after_typing())
        self.only_wrong.observe(lambda _c: self._filter(), names="value")
        bar = make(
            widgets.HBox,
            layout={"align_items": "center"},
            children=[self.start_button, self.hand_in_button, self.countdown],
        )
        bar.add_class("salesbook-examen-balk")
        # the button, countdown and message again below the questions (same models)
        bottom = make(
            widgets.HBox,
            layout={"align_items": "center"},
            children=[self.hand_in_button, self.countdown],
        )
        self.box = widgets.VBox(
            [
                self.header,
                bar,
                self.message,
                self.results,
                self.history_chart,
                self.only_wrong,
                self.questions,
                bottom,
                self.message,
            ],
            layout=widgets.Layout(width="100%", max_width="860px"),
        )
        self.box.add_class("salesbook-proefexamen")

    # --- running the exam ----------------------------------------------------------------
    def start(self) -> None:
        """Draw the exam, show the questions and start the countdown (only once)."""
        with self._lock:
            if self.attempt is not None:
                return
            for other in list(_RUNNING):
                other.abandon()
            _RUNNING.add(self)
            if self.seed is None:
                self.seed = secrets.randbelow(1_000_000)
            exam = draw_exam(self.course, self.blueprint, self.seed)
            self.attempt = ExamAttempt(
                exam,
                self.course,
                time_limit_minutes=self.minutes or 0,
                clock=self._clock,
                now=self._now,
            )
            unit = "punten" if self.blueprint.by_points else "vragen"
            size = int(exam.total_points) if self.blueprint.by_points else len(exam.items)
            self.header.value = header_html(
                exam.name, size, unit, self.minutes, exam.seed, exam.warnings
            )
            for number in range(1, len(exam.items) + 1):
                self._add_question(number)
            self.questions.children = tuple(self._rows)
            hide(self.start_button)
            show_again(self.hand_in_button)
            self.attempt.start()
            self._update_countdown()
            if self.attempt.timer is not None and self._use_ticker:
                self.ticker = Ticker(self.tick)
                self.ticker.start()

    def _add_question(self, number: int) -> None:
        assert self.attempt is not None
        port = ExamPort(self.attempt, number)
        view = make_view(port)
        for button in (view.check_button, view.hint_button, view.solution_button):
            hide(button)
        view.feedback.observe(lambda change, p=port, v=view: self._neutral(p, v), names="value")
        item = self.attempt.exam.items[number - 1]
        title = make(
            widgets.HTML,
            value=f'<h4 style="margin:12px 0 2px">Vraag {number} van '
            f"{len(self.attempt.exam.items)} · hoofdstuk {item.chapter}</h4>",
        )
        self.ports.append(port)
        self.views.append(view)
        self._rows.append(widgets.VBox([title, view.box], layout=widgets.Layout()))

    def _neutral(self, port: ExamPort, view: QuestionView) -> None:
        """Before hand-in a view's feedback field only says that the answer was noted."""
        if port.outcome is None and view.feedback.value not in ("", NOTED):
            view.feedback.value = NOTED

    def responses(self) -> dict[int, Any]:
        """What the answer form holds now (question number → response; None: no answer)."""
        found: dict[int, Any] = {}
        for number, view in enumerate(self.views, start=1):
            response = view.response()
            if view.question.type == "ordering" and response == view.shown_order():
                response = None  # untouched: the start order is no answer
            found[number] = None if response in EMPTY else response
        return found

    def _update_countdown(self) -> None:
        attempt = self.attempt
        if attempt is None or attempt.timer is None:
            self.countdown.value = "" if attempt is None else "<span>Geen tijdslimiet</span>"
            return
        remaining = attempt.timer.remaining()
        colour = "#D55E00" if remaining <= 300 else "#222"
        self.countdown.value = (
            f'<span role="timer" style="font-size:1.2em;color:{colour};margin-left:1em">'
            f"Resterende tijd: <strong>{attempt.timer.text()}</strong></span>"
        )

    def tick(self) -> bool:
        """Update the countdown; hand in when the time is over. False: stop ticking."""
        with self._lock:
            attempt = self.attempt
            if attempt is None or attempt.handed_in or self.abandoned:
                return False
            self._update_countdown()
            if attempt.timer is not None and attempt.timer.expired:
                self._finish(expired=True)
                return False
            return True

    def _hand_in_after_typing(self) -> None:
        """The button: hand in once the text typed last has reached the kernel."""
        when_all_synced([view.control for view in self.views], self.hand_in)

    def hand_in(self) -> None:
        """Hand in (first click with unanswered questions asks to click once more)."""
        with self._lock:
            if self.attempt is None or self.attempt.handed_in or self.abandoned:
                return
            open_questions = sum(r is None for r in self.responses().values())
            if open_questions and not self._confirm:
                self._confirm = True
                word = "vraag" if open_questions == 1 else "vragen"
                self.message.value = (
                    f'<p style="color:#8a5a00">Je hebt nog {open_questions} {word} niet '
                    "beantwoord. Klik nog een keer op <em>Toch inleveren</em> om in te leveren.</p>"
                )
                self.hand_in_button.description = "Toch inleveren"
                return
            self._finish(expired=False)

    def abandon(self) -> None:
        """Stop an exam that is not handed in (a new one was started); it is not saved."""
        with self._lock:
            if self.attempt is None or self.attempt.handed_in or self.abandoned:
                return
            self.abandoned = True
            if self.ticker is not None:
                self.ticker.stop()
            hide(self.hand_in_button)
            self.countdown.value = ""
            self.message.value = (
                '<p style="color:#8a5a00">Dit examen is gestopt, omdat je een nieuw proefexamen '
                "bent begonnen. Het telt niet mee in je geschiedenis.</p>"
            )
            _RUNNING.discard(self)

    def _finish(self, *, expired: bool) -> None:
        attempt = self.attempt
        assert attempt is not None
        attempt.collect(self.responses())
        result = attempt.hand_in(expired=expired)
        if self.ticker is not None:
            self.ticker.stop()
        self.history.add(result)
        _RUNNING.discard(self)
        for port, view, item in zip(self.ports, self.views, result.items, strict=True):
            port.outcome = item.outcome
            view.show_outcome(item.outcome)
            view.feedback.value = review_html(item)
            show_again(view.solution_button)
            for control in view.control if isinstance(view.control, list) else [view.control]:
                control.disabled = True
        hide(self.hand_in_button)
        self.message.value = ""
        self._update_countdown()
        if expired:
            self.countdown.value = '<span style="margin-left:1em">De tijd is om.</span>'
        self.results.value = result_html(result, self.course, self.history.problems)
        self.history_chart.value = figure_bytes(history_figure(self.history.attempts()))
        show_again(self.history_chart, max_width="720px")
        show_again(self.only_wrong)

    def _filter(self) -> None:
        if self.attempt is None or self.attempt.result is None:
            return
        for row, item in zip(self._rows, self.attempt.result.items, strict=True):
            row.layout.display = "none" if self.only_wrong.value and item.correct else None

    # --- display -------------------------------------------------------------------------
    def text(self) -> str:
        """What the exam looks like without widgets (deterministic, for nbval)."""
        return intro_markdown(self.blueprint, self.minutes, self.seed)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return mimebundle(self.box, self.text())
