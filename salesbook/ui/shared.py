"""Widgets with shared Layout and Style models, to keep a chapter light in the browser.

Every ipywidget normally creates its own ``Layout`` and ``Style`` model: about 50 models per
question, 3.800 for a chapter of 70 questions, each one a message to the browser on "Run
All". Widgets made here reuse one Layout per set of layout settings and one Style per style
class in this kernel, which halves that number. Shared models are never changed after
creation; give a widget its own Layout when it needs to change later.
"""

from __future__ import annotations

from typing import Any, TypeVar

import ipywidgets as widgets

W = TypeVar("W", bound=widgets.Widget)

_CACHE: dict[tuple[Any, ...], widgets.Widget] = {}


def shared_layout(**settings: str) -> widgets.Layout:
    """One Layout per set of settings (``width="auto"``), created once per kernel."""
    key = ("layout", *sorted(settings.items()))
    if key not in _CACHE or _CACHE[key].comm is None:  # closed widgets are not reused
        _CACHE[key] = widgets.Layout(**settings)
    return _CACHE[key]  # type: ignore[return-value]


def shared_style(widget_class: type[widgets.Widget]) -> widgets.Widget | None:
    """The one default Style model for a widget class (None for boxes, which have none)."""
    trait = widget_class.class_traits().get("style")
    if trait is None:
        return None
    key = ("style", trait.klass)
    if key not in _CACHE or _CACHE[key].comm is None:
        _CACHE[key] = trait.klass()
    return _CACHE[key]


def make(widget_class: type[W], layout: dict[str, str] | None = None, **kwargs: Any) -> W:
    """Create a widget that uses shared Layout and Style models.

    Args:
        widget_class: e.g. ``widgets.HTML``.
        layout: layout settings (shared with every widget using the same settings).
        **kwargs: the widget's own traits (value, options, description, …).
    """
    style = shared_style(widget_class)
    if style is not None:
        kwargs.setdefault("style", style)
    return widget_class(layout=shared_layout(**(layout or {})), **kwargs)
