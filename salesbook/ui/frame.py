"""The frame every question view shares: prompt, input, buttons, feedback, hints, solution.

A view never checks an answer itself. It reads the student's response from its controls and
hands it to an :class:`AnswerPort` (the student API's answer path: check, record, store,
update the answer output), then shows the :class:`~salesbook.quiz.Outcome` it gets back.

Controls reachable from code and tests (the same on every view):

- ``control``: the input — a widget or a list of widgets, see the view class;
- ``check_button`` ("Controleer", "Lever in" for open questions);
- ``hint_button`` ("Toon hint", then "Volgende hint": one more hint per press);
- ``solution_button`` ("Toon uitwerking"; enabled after a correct answer or after
  ``max_attempts`` attempts);
- ``feedback`` (HTML), ``hints`` and ``solution`` (HTMLMath).

Driving a view without a browser: ``view.control.value = 1; view.check_button.click()``.
Feedback lives in HTML widgets (state only), never in Output widgets, so nbval stays stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import ipywidgets as widgets

from salesbook.ui.fallback import question_html, question_markdown, question_plain
from salesbook.ui.feedback import (
    feedback_html,
    hints_html,
    locked_message,
    points_text,
    solution_html,
)
from salesbook.ui.markdown import to_html
from salesbook.ui.shared import make, shared_layout

if TYPE_CHECKING:
    from salesbook.quiz import AnswerRecord, Outcome, Question

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


class AnswerPort(Protocol):
    """What a view needs from the answer path (implemented by the student API)."""

    question: Question
    record: AnswerRecord | None
    outcome: Outcome | None
    max_attempts: int
    note: str | None

    @property
    def attempts(self) -> int:
        """Attempts so far (0 without a record)."""
        ...

    def submit(self, response: Any) -> Outcome:
        """Check, record, store and publish one response; returns the Outcome."""
        ...

    def solution_unlocked(self) -> bool:
        """True after a correct answer or after ``max_attempts`` attempts."""
        ...


def css_name(text: str) -> str:
    """A CSS-class-safe version of an id: ``h2.nps.01`` → ``h2-nps-01``."""
    return "".join(c if c.isalnum() or c == "-" else "-" for c in text.lower())


class QuestionView:
    """Base class of the seven question views (one per question type)."""

    type_class: ClassVar[str] = "salesbook-vraag-onbekend"
    check_label: ClassVar[str] = "Controleer"

    def __init__(self, port: AnswerPort) -> None:
        self.port = port
        self.question = port.question
        self._quiet = False
        self._hints_shown = 0
        self._solution_open = False
        self.control: Any = self._build_control()
        self.check_button = self._button(self.check_label, "salesbook-controleer", "check")
        self.check_button.button_style = "primary"
        self.check_button.tooltip = "Controleer je antwoord (het wordt in het notebook bewaard)"
        self.hint_button = self._button("Toon hint", "salesbook-hint-knop", "lightbulb-o")
        self.solution_button = self._button("Toon uitwerking", "salesbook-uitwerking", "book")
        self.feedback = make(widgets.HTML, value="")
        self.feedback.add_class("salesbook-feedback")
        self.hints = make(widgets.HTMLMath, value="")
        self.hints.add_class("salesbook-hints-veld")
        self.solution = make(widgets.HTMLMath, value="")
        self.solution.add_class("salesbook-uitwerking-veld")
        self.check_button.on_click(self._on_check)
        self.hint_button.on_click(self._on_hint)
        self.solution_button.on_click(self._on_solution)
        buttons = [self.check_button, self.hint_button, self.solution_button]
        self.box = widgets.VBox(
            [
                self._prompt(),
                self._input_box(),
                make(widgets.HBox, children=buttons),
                self.feedback,
                self.hints,
                self.solution,
            ],
            layout=shared_layout(width="100%", max_width="820px"),
        )
        for name in ("salesbook-vraag", self.type_class, f"salesbook-{css_name(self.question.id)}"):
            self.box.add_class(name)
        if port.record is not None:
            self.set_response(port.record.response)
        if port.outcome is not None:
            self.show_outcome(port.outcome)
        self._refresh_solution_button()

    # --- to be provided by each type ---------------------------------------------------
    def _build_control(self) -> Any:
        raise NotImplementedError

    def _input_box(self) -> widgets.Widget:
        raise NotImplementedError

    def response(self) -> Any:
        """The response as the controls hold it now (the shape ``check`` expects)."""
        raise NotImplementedError

    def set_response(self, response: Any) -> None:
        """Show a response in the controls (a stored answer, or one given in code)."""
        raise NotImplementedError

    def shown_order(self) -> list[str] | None:
        """Items in the order shown (ordering questions), for the text fallback."""
        return None

    # --- frame ---------------------------------------------------------------------------
    @staticmethod
    def _button(description: str, css: str, icon: str) -> widgets.Button:
        button = make(
            widgets.Button,
            layout={"width": "auto"},
            description=description,
            icon=icon,
            tooltip=description,
        )
        button.add_class(css)
        return button

    def _prompt(self) -> widgets.HTMLMath:
        noun = "punt" if self.question.points == 1 else "punten"
        header = (
            f'<div class="salesbook-vraag-kop" style="color:#555">Vraag {self.question.id} · '
            f"{points_text(self.question.points)} {noun}</div>"
        )
        prompt = make(widgets.HTMLMath, value=header + to_html(self.question.prompt))
        prompt.add_class("salesbook-prompt")
        return prompt

    def show_outcome(self, outcome: Outcome) -> None:
        """Show feedback for an outcome and unlock the solution when it is earned."""
        self.feedback.value = feedback_html(outcome, self.port.attempts, self.port.note)
        self._refresh_solution_button()

    def show_answer(self, response: Any, outcome: Outcome) -> None:
        """Show an answer given in code: fill the controls and show its feedback."""
        if outcome.attempted:
            self.set_response(response)
        self.show_outcome(outcome)

    def submit(self) -> Outcome:
        """Submit what the controls hold now (what a click on "Controleer" does)."""
        outcome = self.port.submit(self.response())
        self.show_outcome(outcome)
        return outcome

    def _on_check(self, _button: widgets.Button | None = None) -> None:
        try:
            self.submit()
        except Exception as error:  # a callback must never fail silently in the browser
            self.feedback.value = (
                '<div role="alert" style="border-left:5px solid #D55E00;padding:4px 10px">'
                f"<strong>✘ Er ging iets mis bij het controleren.</strong> {error!s:.300}</div>"
            )
            raise

    def _on_hint(self, _button: widgets.Button | None = None) -> None:
        total = len(self.question.hints)
        self._hints_shown = min(total, self._hints_shown + 1)
        self.hints.value = hints_html(list(self.question.hints[: self._hints_shown]), total)
        if self._hints_shown >= total:
            self.hint_button.disabled = True
            self.hint_button.description = "Geen hints meer"
            self.hint_button.tooltip = "Je ziet alle hints al"
        else:
            self.hint_button.description = "Volgende hint"

    def _on_solution(self, _button: widgets.Button | None = None) -> None:
        if not self.port.solution_unlocked():
            self._refresh_solution_button()
            return
        self._solution_open = not self._solution_open
        self.solution.value = solution_html(self.question.solution) if self._solution_open else ""
        self.solution_button.description = (
            "Verberg uitwerking" if self._solution_open else "Toon uitwerking"
        )

    def _refresh_solution_button(self) -> None:
        unlocked = self.port.solution_unlocked()
        self.solution_button.disabled = not unlocked
        self.solution_button.tooltip = (
            "Bekijk de uitgewerkte oplossing"
            if unlocked
            else locked_message(self.port.attempts, self.port.max_attempts)
        )

    # --- display -------------------------------------------------------------------------
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The widget plus readable text, HTML and Markdown for frontends without widgets."""
        order = self.shown_order()
        return {
            WIDGET_MIME: {"version_major": 2, "version_minor": 0, "model_id": self.box.model_id},
            "text/plain": question_plain(self.question, order),
            "text/markdown": question_markdown(self.question, order),
            "text/html": question_html(self.question, order),
        }
