"""Views for numeric questions (Text + unit, Enter submits) and open questions (Textarea)."""

from __future__ import annotations

import numbers
from typing import Any

import ipywidgets as widgets
from traitlets import Bunch

from salesbook.ui.feedback import points_text
from salesbook.ui.frame import QuestionView
from salesbook.ui.shared import make


class NumericView(QuestionView):
    """A number: ``control`` is a Text field (Dutch notation), followed by the unit.

    The field syncs on Enter or when it loses focus (``continuous_update=False``); a new,
    non-empty value is submitted right away, so Enter checks the answer. The same answer twice
    does not cost a second attempt. Example: ``view.control.value = "12,5"`` (submits), or set
    the value and ``view.check_button.click()``.
    """

    type_class = "salesbook-numeric"

    def _build_control(self) -> widgets.Text:
        field = make(
            widgets.Text,
            layout={"width": "16em"},
            value="",
            placeholder="bijvoorbeeld 12,5",
            description="Antwoord",
            continuous_update=False,
        )
        field.add_class("salesbook-getal")
        field.observe(self._on_enter, names="value")
        return field

    def _input_box(self) -> widgets.Widget:
        unit = self.question.unit
        label = make(widgets.Label, value=unit)
        label.add_class("salesbook-eenheid")
        return make(widgets.HBox, children=[self.control, label]) if unit else self.control

    def _on_enter(self, change: Bunch) -> None:
        if not self._quiet and str(change["new"]).strip():
            self._on_check()

    def response(self) -> str:
        return self.control.value

    def set_response(self, response: Any) -> None:
        if isinstance(response, bool) or response is None:
            return
        if isinstance(response, numbers.Real):
            text = points_text(float(response), 6)
        else:
            text = str(response)
        self._quiet = True
        try:
            self.control.value = text
        finally:
            self._quiet = False


class OpenView(QuestionView):
    """Open text for the teacher: ``control`` is a Textarea; the button says "Lever in"."""

    type_class = "salesbook-open"
    check_label = "Lever in"

    def _build_control(self) -> widgets.Textarea:
        area = make(
            widgets.Textarea,
            layout={"width": "100%"},
            value="",
            placeholder="Typ hier je antwoord …",
            description="",
            rows=6,
        )
        area.add_class("salesbook-tekst")
        return area

    def _input_box(self) -> widgets.Widget:
        return self.control

    def response(self) -> str:
        return self.control.value

    def set_response(self, response: Any) -> None:
        if isinstance(response, str):
            self.control.value = response
