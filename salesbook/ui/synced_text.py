"""Text fields whose Enter and button checks see what was typed, however fast the typing.

The problem. ipywidgets sends typed text to the kernel at most one message at a time per
widget: while one value is on its way, later keystrokes wait in a buffer until the kernel
reports idle. Enter (the Text widget's ``{"event": "submit"}``) and a button click are custom
messages, sent at once, past that buffer. So "10,3" typed and checked at once can be checked
as "1". ``continuous_update=False`` does not help: Chromium fires ``change`` after the Enter
``keypress`` (so the value goes out after the submit), and a value still buffered behind an
earlier one loses against a click all the same (both checked in JupyterLab).

The fix: a round trip through the field's own queue. Every message of one widget model goes
out in order, and a buffered change is merged with the later ones. ``when_synced``, called
while the kernel handles a message from a browser, raises the number of a small helper model.
In that browser a ``jsdlink`` copies the number to the field's ``_synced`` trait and saves it:
that save waits in the field's queue behind (or merged with) every keystroke the browser had
seen when it sent the Enter or the click. When the number comes back from the same browser
session, the kernel has the text as typed, and the callback runs. Correct by the order of
messages, not by timing.

Outside a browser message (tests, papermill, a cell) the callback runs at once, as it does
for a frontend that never confirmed the link (the helper starts at 1, the field at 0: a
frontend that supports links sends ``_synced = 1`` as soon as it creates the link). Text
typed after the Enter but before the round trip is back is part of the check.

Example: ``button.on_click(lambda _button: field.when_synced(check))``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
from IPython import get_ipython
from traitlets import Int


def browser_session() -> str | None:
    """The session id of the browser whose widget message the kernel handles now, or None.

    None outside a kernel, and while the kernel runs a cell (papermill, nbval, a test).
    """
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    get_parent = getattr(kernel, "get_parent", None)
    if get_parent is None:
        return None
    header = (get_parent() or {}).get("header") or {}
    if header.get("msg_type") != "comm_msg":
        return None
    return str(header.get("session", ""))


class _SyncRequest(widgets.Widget):
    """A model without a view: the number the kernel asks the browser to send back."""

    number = Int(1).tag(sync=True)


class SyncedMixin(widgets.Widget):
    """Adds :meth:`when_synced` to a text widget (see the module docstring).

    Put it first: ``class SyncedText(SyncedMixin, widgets.Text)``.
    """

    _synced = Int(0).tag(sync=True, echo_update=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sync_request = _SyncRequest()
        self._sync_link = widgets.jsdlink((self._sync_request, "number"), (self, "_synced"))
        self._sync_confirmed = False
        self._sync_waiting: list[tuple[int, str, Callable[[], None]]] = []

    def when_synced(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the kernel has everything typed before the current message.

        At once outside a browser message or when the frontend never confirmed the link;
        otherwise when the browser that sent the current message has answered the request.
        """
        session = browser_session()
        if session is None or not self._sync_confirmed:
            callback()
            return
        number = self._sync_request.number + 1
        self._sync_waiting.append((number, session, callback))
        self._sync_request.number = number

    @property
    def sync_pending(self) -> int:
        """How many callbacks wait for their browser's answer."""
        return len(self._sync_waiting)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply a state update from a browser, then run the callbacks it releases."""
        super().set_state(sync_data)
        if "_synced" in sync_data:
            self._on_synced(int(sync_data["_synced"]), browser_session())

    def _on_synced(self, number: int, session: str | None) -> None:
        self._sync_confirmed = True
        ready = [w for w in self._sync_waiting if w[0] <= number and w[1] == session]
        self._sync_waiting = [w for w in self._sync_waiting if w not in ready]
        for _number, _session, callback in ready:
            callback()

    def close(self) -> None:
        """Close the field with its helper model and link (also after a failed ``__init__``)."""
        for part in (getattr(self, "_sync_link", None), getattr(self, "_sync_request", None)):
            if part is not None:
                part.close()
        super().close()


def when_all_synced(controls: Iterable[object], callback: Callable[[], None]) -> None:
    """Run ``callback`` once every synced field among ``controls`` has its text as typed.

    For a button that reads several fields (the mock exam's "Inleveren"): the click overtakes
    the last keystrokes of any field, so it waits for all of them. Controls that are not
    synced fields are ignored; without any, the callback runs at once.
    """
    fields = [control for control in controls if isinstance(control, SyncedMixin)]
    waiting = [len(fields)]

    def one_ready() -> None:
        waiting[0] -= 1
        if waiting[0] == 0:
            callback()

    if not fields:
        callback()
    for field in fields:
        field.when_synced(one_ready)


class SyncedText(SyncedMixin, widgets.Text):
    """``widgets.Text`` with :meth:`~SyncedMixin.when_synced`."""


class SyncedTextarea(SyncedMixin, widgets.Textarea):
    """``widgets.Textarea`` with :meth:`~SyncedMixin.when_synced`."""
