"""What a student holds in a notebook: a question (:class:`Vraag`) or a code exercise
(:class:`Oefening`), both answerable in code, with tiered hints and a worked solution.

The objects are displayed once, by ``wb.vraag``/``wb.oefening`` themselves, so that
``v = wb.vraag(...)`` shows the question too. Showing the returned object again in the same
cell shows nothing (no duplicate); in a later cell it shows the question again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salesbook.ui.feedback import (
    feedback_markdown,
    hint_markdown,
    locked_message,
    points_text,
    solution_markdown,
)
from salesbook.werkboek_invoer import NotANumber, code_response
from salesbook.werkboek_session import markdown_bundle, show

if TYPE_CHECKING:
    import ipywidgets

    from salesbook.quiz import Outcome
    from salesbook.ui.frame import QuestionView
    from salesbook.werkboek_session import QuestionRun


def _execution_count() -> int | None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    shell = get_ipython()
    return getattr(shell, "execution_count", None) if shell is not None else None


class Opdracht:
    """Shared by questions and exercises: answer in code, hints, solution."""

    def __init__(self, run: QuestionRun) -> None:
        self._run = run
        self._hints_shown = 0
        self._shown_in: int | None = None

    @property
    def id(self) -> str:
        """The question id, e.g. ``"h2.nps.01"``."""
        return self._run.question.id

    @property
    def uitkomst(self) -> Outcome | None:
        """The outcome of the latest answer (None if there is none yet)."""
        return self._run.outcome

    @property
    def pogingen(self) -> int:
        """How many attempts were recorded."""
        return self._run.attempts

    def antwoord(self, antwoord: Any) -> None:
        """Give an answer in code; it is recorded exactly like a click.

        Args:
            antwoord: single choice: letter (``"B"``), option text or 0-based index;
                multiple choice: a list of those; numeric: a number or Dutch text
                (``"12,5"``); ordering: a list of the items in your order; matching:
                ``{links: rechts}``; classification: ``{onderdeel: categorie}``; open: text.
        """
        question = self._run.question
        try:
            response = code_response(question, antwoord)
        except NotANumber as problem:
            from salesbook.quiz import Outcome

            outcome = Outcome("niet beantwoord", 0.0, float(question.points), str(problem))
        else:
            outcome = self._run.submit(response)
            self._after_answer(response, outcome)
        show(markdown_bundle(feedback_markdown(outcome, self._run.attempts, self._run.note)))

    def _after_answer(self, response: Any, outcome: Outcome) -> None:
        """Hook for views to follow an answer given in code."""

    def hint(self, nummer: int | None = None) -> None:
        """Show the next hint, or hint ``nummer`` (1 = the first, gentlest one)."""
        hints = self._run.question.hints
        total = len(hints)
        if nummer is None:
            nummer = min(total, self._hints_shown + 1)
        if not isinstance(nummer, int) or not 1 <= nummer <= total:
            word = "hint" if total == 1 else "hints"
            message = f"Deze vraag heeft {total} {word}: kies een nummer van 1 tot en met {total}."
            show(markdown_bundle(message))
            return
        self._hints_shown = max(self._hints_shown, nummer)
        show(markdown_bundle(hint_markdown(nummer, total, hints[nummer - 1])))

    def oplossing(self) -> None:
        """Show the worked solution, once you answered correctly or used up your attempts."""
        run = self._run
        if not run.solution_unlocked():
            show(markdown_bundle(locked_message(run.attempts, run.max_attempts)))
            return
        show(markdown_bundle(solution_markdown(run.question.solution)))

    def _show(self, *, output: bool = True) -> None:
        """Display the question; with ``output`` also its answer output (the record)."""
        raise NotImplementedError

    def _ipython_display_(self) -> None:
        if self._shown_in is not None and self._shown_in == _execution_count():
            return  # already shown in this cell by wb.vraag/wb.oefening
        self._show(output=self._run.handle is None)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


class Vraag(Opdracht):
    """A question with its widget. Answer by clicking, or in code with :meth:`antwoord`.

    For tests and papermill the controls are reachable: ``invoer`` (the input widget or list
    of widgets, see :mod:`salesbook.ui.frame`), ``controleer_knop``, ``hint_knop``,
    ``uitwerking_knop`` and ``feedback``. Example:
    ``v.invoer.value = 1; v.controleer_knop.click()``.
    """

    def __init__(self, run: QuestionRun, view: QuestionView) -> None:
        super().__init__(run)
        self.view = view

    @property
    def invoer(self) -> Any:
        """The input control(s) of the view."""
        return self.view.control

    @property
    def controleer_knop(self) -> ipywidgets.Button:
        """The "Controleer" button ("Lever in" for open questions)."""
        return self.view.check_button

    @property
    def hint_knop(self) -> ipywidgets.Button:
        """The hint button."""
        return self.view.hint_button

    @property
    def uitwerking_knop(self) -> ipywidgets.Button:
        """The "Toon uitwerking" button."""
        return self.view.solution_button

    @property
    def feedback(self) -> ipywidgets.HTML:
        """The feedback field (HTML widget)."""
        return self.view.feedback

    def _after_answer(self, response: Any, outcome: Outcome) -> None:
        self.view.show_answer(response, outcome)

    def _show(self, *, output: bool = True) -> None:
        show(self.view._repr_mimebundle_())
        if output:
            self._run.show_output()
        self._shown_in = _execution_count()


class Oefening(Opdracht):
    """A code exercise: compute the answer with pandas, then ``oef.controleer(antwoord)``."""

    def controleer(self, antwoord: Any) -> None:
        """Check your computed answer (a number, numpy number, one-value Series or text)."""
        self.antwoord(antwoord)

    def _card(self) -> str:
        question = self._run.question
        noun = "punt" if question.points == 1 else "punten"
        head = f"**Oefening {question.id}** · {points_text(question.points)} {noun}"
        parts = [head]
        if question.type == "numeric" and question.parameters:
            parts.append(question.prompt.strip())  # the student's own numbers
        parts.append(
            "Reken het antwoord uit in de cel hieronder en controleer het met "
            "`oef.controleer(antwoord)`. Hulp nodig? `oef.hint()`; daarna de uitwerking met "
            "`oef.oplossing()`."
        )
        return "\n\n".join(parts)

    def _show(self, *, output: bool = True) -> None:
        show(markdown_bundle(self._card()))
        if output:
            self._run.show_output()
        self._shown_in = _execution_count()


class Vragen(list[Vraag]):
    """The questions of one leerdoel (``wb.vragen``); already shown, so it displays nothing."""

    def _ipython_display_(self) -> None:
        return None
