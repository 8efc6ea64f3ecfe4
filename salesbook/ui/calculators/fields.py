"""A number input for calculators: a slider for playing plus a text box for exact numbers.

The slider has no readout of its own (ipywidgets' readout uses English notation); the text box
next to it shows the value in Dutch notation and accepts typed Dutch numbers ("50.000",
"€ 24,95", "12,5%"). Typing a value outside the slider's range widens the range, so the typed
number is always the number used. Unreadable text keeps the last good value and sets
:attr:`NumberField.error` to a Dutch message naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

import ipywidgets as widgets

from salesbook.exceptions import NumberFormatError
from salesbook.notation import (
    format_money,
    format_number,
    parse_money,
    parse_number,
    read_number,
)

Kind = Literal["number", "money", "percent", "count"]
LABEL_WIDTH = "19em"


def show_value(value: float, kind: Kind, decimals: int = 2) -> str:
    """A field value as the text box shows it: ``€ 25,00``, ``80%``, ``1.250``."""
    whole = float(value).is_integer()
    if kind == "money":
        return format_money(value, decimals)
    if kind == "percent":
        return format_number(value, 0 if whole else decimals) + "%"
    return format_number(value, 0 if whole else decimals)


def _read(text: str, kind: Kind) -> float:
    if kind == "money":
        return parse_money(text)
    if kind == "percent":
        # the field holds the percentage as shown (80 for 80%), so "80" and "80%" are equal
        number = read_number(text)
        if number.unit == "€":
            raise NumberFormatError(
                f"'{text}' is een bedrag, maar hier wordt een percentage gevraagd. "
                "Typ bijvoorbeeld 12,5%."
            )
        return number.value
    return parse_number(text)


def as_percentage(fraction: float | str) -> float | str:
    """A starting rate given as a fraction (0.8) as the percentage a field shows (80).

    Text is left alone: ``"80%"`` is read by the field itself.
    """
    if isinstance(fraction, str | bool):
        return fraction
    if not isinstance(fraction, int | float):
        raise NumberFormatError(f"{fraction!r} is geen getal.")
    return fraction * 100


def _start_value(value: float | str, label: str, kind: Kind) -> float:
    """A starting value given in code: a number, or text in Dutch notation."""
    if isinstance(value, str):
        try:
            return _read(value, kind)
        except NumberFormatError as error:
            raise NumberFormatError(f"{label}: {error}") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NumberFormatError(f"{label}: {value!r} is geen getal.")
    return float(value)


class NumberField:
    """Slider plus Dutch text box for one number.

    Attributes:
        label: the Dutch name of the input (also the slider's accessible description).
        kind: ``"money"`` (euros), ``"percent"`` (the value is the percentage, 80 for 80%),
            ``"count"`` (whole numbers) or ``"number"``.
        slider: the ``FloatSlider`` (``continuous_update=False``, no readout).
        text: the ``Text`` box with the value in Dutch notation.
        error: Dutch message when the text box holds something unreadable, else ``None``.
        box: ``HBox`` with slider and text box.
    """

    def __init__(
        self,
        label: str,
        value: float | str,
        *,
        minimum: float,
        maximum: float,
        step: float,
        kind: Kind = "number",
        decimals: int = 2,
        css: str = "",
    ) -> None:
        self.label = label
        self.kind = kind
        self.decimals = decimals
        self.error: str | None = None
        self._value = _start_value(value, label, kind)
        self._quiet = False
        self._callbacks: list[Callable[[], None]] = []
        low, high = min(minimum, self._value), max(maximum, self._value)
        self.slider = widgets.FloatSlider(
            value=self._value,
            min=low,
            max=high,
            step=step,
            description=label,
            readout=False,
            continuous_update=False,
            style={"description_width": LABEL_WIDTH},
            layout=widgets.Layout(width="36em"),
        )
        self.text = widgets.Text(
            value=show_value(self._value, kind, decimals),
            continuous_update=False,
            tooltip=f"{label}: typ een getal, bijvoorbeeld {self.shown()}",
            layout=widgets.Layout(width="9em"),
        )
        self.text.add_class("salesbook-calc-getal")
        self.box = widgets.HBox([self.slider, self.text])
        self.box.add_class("salesbook-calc-invoer")
        if css:
            self.box.add_class(css)
        self.slider.observe(self._on_slider, names="value")
        self.text.observe(self._on_text, names="value")

    @property
    def value(self) -> float:
        """The current number (for a percentage field the percentage, 80 for 80%)."""
        return self._value

    @value.setter
    def value(self, number: float) -> None:
        self._set(float(number))
        self._notify()

    def observe(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change of the value (or of the error)."""
        self._callbacks.append(callback)

    def shown(self) -> str:
        """The value in Dutch notation, as the text box shows it."""
        return show_value(self._value, self.kind, self.decimals)

    def described(self) -> str:
        """The value for the text fallback; unreadable text is named as such."""
        if self.error is not None:
            return f"'{self.text.value}' (niet te lezen; laatste goede waarde: {self.shown()})"
        return self.shown()

    def _set(self, number: float) -> None:
        """Store a value and show it in both widgets without triggering the handlers."""
        self._value = number
        self.error = None
        self._quiet = True
        try:
            if number > self.slider.max:
                self.slider.max = number
            if number < self.slider.min:
                self.slider.min = number
            self.slider.value = number
            self.text.value = self.shown()
        finally:
            self._quiet = False

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback()

    def _on_slider(self, change: dict) -> None:
        if self._quiet:
            return
        self._set(float(change["new"]))
        self._notify()

    def _on_text(self, change: dict) -> None:
        if self._quiet:
            return
        try:
            number = _read(str(change["new"]), self.kind)
        except NumberFormatError as error:
            self.error = f"{self.label}: {error}"
        else:
            self._set(number)
        self._notify()


def require_readable(fields: Iterable[NumberField]) -> None:
    """Raise the first field's Dutch reading error, so the calculator shows it."""
    for field in fields:
        if field.error is not None:
            raise NumberFormatError(field.error)
