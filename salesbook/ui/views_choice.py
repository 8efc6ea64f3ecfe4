"""Views for single-choice (RadioButtons) and multiple-choice (one Checkbox per option)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from salesbook.ui.fallback import LETTERS
from salesbook.ui.frame import QuestionView
from salesbook.ui.shared import make


def option_index(options: list[str], value: Any) -> int | None:
    """The 0-based option index of a response value (index or option text), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value < len(options) else None
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for index, text in enumerate(options):
            if text.strip().casefold() == wanted:
                return index
    return None


class SingleChoiceView(QuestionView):
    """One answer: ``control`` is a RadioButtons whose value is the 0-based option index.

    Example: ``view.control.value = 1; view.check_button.click()`` chooses option B.
    """

    type_class = "salesbook-single-choice"

    def _build_control(self) -> widgets.RadioButtons:
        options = [(f"{LETTERS[i]}. {o.text}", i) for i, o in enumerate(self.question.options)]
        radio = make(
            widgets.RadioButtons,
            layout={"width": "max-content", "max_width": "100%"},
            options=options,
            value=None,
            description="",
        )
        radio.add_class("salesbook-keuze")
        return radio

    def _input_box(self) -> widgets.Widget:
        return self.control

    def response(self) -> int | None:
        return self.control.value

    def set_response(self, response: Any) -> None:
        index = option_index([o.text for o in self.question.options], response)
        if index is not None:
            self.control.value = index


class MultipleChoiceView(QuestionView):
    """One or more answers: ``control`` is a list of Checkbox widgets, one per option.

    The response is the sorted list of checked option indices. Example:
    ``view.control[0].value = True; view.control[2].value = True; view.check_button.click()``.
    """

    type_class = "salesbook-multiple-choice"

    def _build_control(self) -> list[widgets.Checkbox]:
        boxes = []
        for index, option in enumerate(self.question.options):
            box = make(
                widgets.Checkbox,
                layout={"width": "auto"},
                value=False,
                description=f"{LETTERS[index]}. {option.text}",
                indent=False,
            )
            box.add_class("salesbook-vakje")
            boxes.append(box)
        return boxes

    def _input_box(self) -> widgets.Widget:
        hint = make(
            widgets.HTML, value='<span style="color:#555">Kies alle juiste antwoorden.</span>'
        )
        return make(widgets.VBox, children=[hint, *self.control])

    def response(self) -> list[int]:
        return [index for index, box in enumerate(self.control) if box.value]

    def set_response(self, response: Any) -> None:
        if not isinstance(response, list | tuple):
            return
        texts = [o.text for o in self.question.options]
        chosen = {option_index(texts, value) for value in response}
        for index, box in enumerate(self.control):
            box.value = index in chosen
