"""Views for numeric questions (Text + unit, Enter submits) and open questions (Textarea).

Both check what the browser shows, even right after fast typing: a check asked for from the
browser (Enter, the check button) waits until the kernel has every keystroke typed before it
(:mod:`salesbook.ui.synced_text`). Driven from Python, a check runs at once.
"""

from __future__ import annotations

import numbers
from typing import Any

import ipywidgets as widgets

from salesbook.ui.feedback import points_text
from salesbook.ui.frame import QuestionView
from salesbook.ui.shared import make
from salesbook.ui.synced_text import SyncedText, SyncedTextarea


class NumericView(QuestionView):
    """A number: ``control`` is a Text field (Dutch notation), followed by the unit.

    Enter in the field checks the answer, like the "Controleer" button. Both checks wait for
    every keystroke typed before them (the browser sends Enter and the click at once, the
    typed text at most one message at a time), so the check sees what was typed. Leaving the
    field (Tab, a click on "Toon hint") does not check anything. Example:
    ``view.control.value = "12,5"; view.check_button.click()`` or :meth:`press_enter`.
    """

    type_class = "salesbook-numeric"

    def _build_control(self) -> SyncedText:
        field = make(
            SyncedText,
            layout={"width": "16em"},
            value="",
            placeholder="bijvoorbeeld 12,5",
            description="Antwoord",
            continuous_update=True,
        )
        field.add_class("salesbook-getal")
        field.on_msg(self._on_message)
        return field

    def _input_box(self) -> widgets.Widget:
        unit = self.question.unit
        label = make(widgets.Label, value=unit)
        label.add_class("salesbook-eenheid")
        return make(widgets.HBox, children=[self.control, label]) if unit else self.control

    def _on_message(self, _field: widgets.Text, content: dict[str, Any], _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            self._on_check()

    def _on_check(self, button: widgets.Button | None = None) -> None:
        check = super()._on_check
        self.control.when_synced(lambda: check(button))

    def press_enter(self) -> None:
        """Do what Enter in the field does (for tests and papermill)."""
        self.control._handle_custom_msg({"event": "submit"}, [])

    def response(self) -> str:
        return self.control.value

    def set_response(self, response: Any) -> None:
        if isinstance(response, bool) or response is None:
            return
        if isinstance(response, numbers.Real):
            text = points_text(float(response), 6)
        else:
            text = str(response)
        self.control.value = text


class OpenView(QuestionView):
    """Open text for the teacher: ``control`` is a Textarea; the button says "Lever in".

    "Lever in" hands in every keystroke typed before the click (see :class:`NumericView`).
    """

    type_class = "salesbook-open"
    check_label = "Lever in"

    def _build_control(self) -> SyncedTextarea:
        area = make(
            SyncedTextarea,
            layout={"width": "100%"},
            value="",
            placeholder="Typ hier je antwoord …",
            description="",
            rows=6,
        )
        area.add_class("salesbook-tekst")
        return area

    def _on_check(self, button: widgets.Button | None = None) -> None:
        check = super()._on_check
        self.control.when_synced(lambda: check(button))

    def _input_box(self) -> widgets.Widget:
        return self.control

    def response(self) -> str:
        return self.control.value

    def set_response(self, response: Any) -> None:
        if isinstance(response, str):
            self.control.value = response
