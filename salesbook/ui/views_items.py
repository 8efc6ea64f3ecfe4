"""Views for ordering, matching and classification: one Dropdown per position or item.

Dropdowns work with the keyboard everywhere (Tab to reach, arrow keys to choose) and need no
drag and drop.
"""

from __future__ import annotations

import random
from typing import Any

import ipywidgets as widgets
from traitlets import Bunch

from salesbook.ui.frame import QuestionView
from salesbook.ui.markdown import inline
from salesbook.ui.shared import make

CHOOSE = "– kies –"


def shuffled(items: list[str], key: str) -> list[str]:
    """A fixed shuffle of ``items`` for ``key`` that never equals the original order."""
    order = list(items)
    random.Random(key).shuffle(order)
    if order == list(items) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _row(label: str, dropdown: widgets.Dropdown) -> widgets.HBox:
    text = make(widgets.HTML, layout={"width": "45%"}, value=inline(label))
    text.add_class("salesbook-onderdeel")
    return make(widgets.HBox, layout={"align_items": "center"}, children=[text, dropdown])


def _dropdown(options: list[Any], value: Any, tooltip: str) -> widgets.Dropdown:
    dropdown = make(
        widgets.Dropdown, layout={"width": "50%"}, options=options, value=value, tooltip=tooltip
    )
    dropdown.add_class("salesbook-keuzelijst")
    return dropdown


class OrderingView(QuestionView):
    """Put items in order: ``control`` is a list of Dropdowns, one per position (1, 2, …).

    The items start in a fixed shuffled order. Choosing an item for a position swaps it with
    the position that held it, so the positions always hold every item once. Example:
    ``view.control[0].value = "Acquireren"; view.check_button.click()``.
    """

    type_class = "salesbook-ordering"

    def _build_control(self) -> list[widgets.Dropdown]:
        self._start = shuffled(list(self.question.items), self.question.id)
        choices = sorted(self.question.items, key=str.casefold)
        dropdowns = []
        for position, item in enumerate(self._start, start=1):
            dropdown = _dropdown(choices, item, f"Plaats {position}")
            dropdown.observe(self._swap, names="value")
            dropdowns.append(dropdown)
        return dropdowns

    def _input_box(self) -> widgets.Widget:
        rows = [_row(f"Plaats {n}", d) for n, d in enumerate(self.control, start=1)]
        return make(widgets.VBox, children=rows)

    def _swap(self, change: Bunch) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            for dropdown in self.control:
                if dropdown is not change["owner"] and dropdown.value == change["new"]:
                    dropdown.value = change["old"]
        finally:
            self._quiet = False

    def response(self) -> list[str]:
        return [dropdown.value for dropdown in self.control]

    def set_response(self, response: Any) -> None:
        if not isinstance(response, list | tuple) or sorted(map(str, response)) != sorted(
            self.question.items
        ):
            return
        self._quiet = True
        try:
            for dropdown, item in zip(self.control, response, strict=True):
                dropdown.value = item
        finally:
            self._quiet = False

    def shown_order(self) -> list[str]:
        return list(self._start)


class _PerItemView(QuestionView):
    """Shared by matching and classification: a Dropdown per item, response item → choice."""

    def _labels(self) -> list[str]:
        raise NotImplementedError

    def _choices(self) -> list[str]:
        raise NotImplementedError

    def _build_control(self) -> list[widgets.Dropdown]:
        options: list[Any] = [(CHOOSE, None), *[(c, c) for c in self._choices()]]
        return [_dropdown(options, None, label) for label in self._labels()]

    def _input_box(self) -> widgets.Widget:
        pairs = zip(self._labels(), self.control, strict=True)
        return make(widgets.VBox, children=[_row(label, dropdown) for label, dropdown in pairs])

    def response(self) -> dict[str, str]:
        return {
            label: dropdown.value
            for label, dropdown in zip(self._labels(), self.control, strict=True)
            if dropdown.value is not None
        }

    def set_response(self, response: Any) -> None:
        if not isinstance(response, dict):
            return
        choices = set(self._choices())
        for label, dropdown in zip(self._labels(), self.control, strict=True):
            value = response.get(label)
            dropdown.value = value if value in choices else None


class MatchingView(_PerItemView):
    """Match pairs: ``control`` is a list of Dropdowns, one per left item (bank order).

    Each Dropdown offers the right-hand texts (alphabetical). Example:
    ``view.control[0].value = "Promoters"; view.check_button.click()``.
    """

    type_class = "salesbook-matching"

    def _labels(self) -> list[str]:
        return [pair.left for pair in self.question.pairs]

    def _choices(self) -> list[str]:
        return sorted((pair.right for pair in self.question.pairs), key=str.casefold)


class ClassificationView(_PerItemView):
    """Classify items: ``control`` is a list of Dropdowns, one per item, offering the categories.

    Example: ``view.control[0].value = "Strategisch"; view.check_button.click()``.
    """

    type_class = "salesbook-classification"

    def _labels(self) -> list[str]:
        return [item.text for item in self.question.items]

    def _choices(self) -> list[str]:
        return list(self.question.categories)
