"""Small helpers for the exam widgets: hide/show, figure to PNG, a display bundle with text."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from salesbook.ui.frame import WIDGET_MIME
from salesbook.ui.markdown import to_plain

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def hide(widget: widgets.Widget) -> None:
    """Hide a widget; it gets its own Layout, so shared Layout models stay untouched."""
    widget.layout = widgets.Layout(display="none", width="auto")


def show_again(widget: widgets.Widget, **layout: str) -> None:
    """Show a hidden widget again (with its own Layout)."""
    widget.layout = widgets.Layout(width="auto", **layout)


def figure_bytes(fig: Figure) -> bytes:
    """A figure as PNG bytes for an Image widget."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


def mimebundle(box: widgets.Widget, markdown: str) -> dict[str, Any]:
    """The widget plus readable Markdown and plain text for frontends without widgets."""
    return {
        WIDGET_MIME: {"version_major": 2, "version_minor": 0, "model_id": box.model_id},
        "text/markdown": markdown,
        "text/plain": to_plain(markdown),
    }
